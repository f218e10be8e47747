package govsim.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import govsim.observe.MetricDoc;
import govsim.observe.Metrics;
import govsim.observe.RunMetric;
import govsim.observe.StepMetric;

/**
 * The metric catalogue ({@link Metrics}) as {@code govsim describe} shows it: text, Markdown tables
 * (also docs/ODD.md section 4, Observation) and JSON.
 */
final class MetricsDescription {
  private MetricsDescription() {}

  static final String TIMESERIES = "timeseries.csv: one row per recorded step";
  static final String SUMMARY =
      "summary.csv: one row per run (after the columns scenario, regime, seed)";

  static String toText() {
    StringBuilder sb =
        new StringBuilder("\nOutput metrics (an undefined value is an empty cell)\n\n");
    sb.append(TIMESERIES).append('\n');
    for (StepMetric m : Metrics.STEP_METRICS) text(sb, m.doc(), null);
    sb.append('\n').append(SUMMARY).append('\n');
    for (RunMetric m : Metrics.RUN_METRICS) text(sb, m.doc(), m.aggregationText());
    return sb.toString();
  }

  private static void text(StringBuilder sb, MetricDoc d, String aggregation) {
    sb.append(d.name());
    if (!d.unit().isEmpty()) sb.append("  [").append(d.unit()).append(']');
    sb.append("  in ").append(d.bounds().text()).append("\n    ").append(d.meaning()).append('\n');
    if (aggregation != null) sb.append("    aggregation: ").append(aggregation).append('\n');
    if (d.mayBeUndefined())
      sb.append("    undefined when: ").append(d.undefinedWhen()).append('\n');
  }

  /** Markdown: a heading and one table per output file. */
  static String toMarkdown() {
    StringBuilder sb = new StringBuilder("# Output metrics\n\n");
    sb.append(
        "An undefined value is an empty cell (never 0). Declared in `observe/Metrics.java`.\n\n");
    sb.append("#### ").append(TIMESERIES).append("\n\n");
    sb.append("| metric | unit | bounds | undefined when | meaning |\n|---|---|---|---|---|\n");
    for (StepMetric m : Metrics.STEP_METRICS) {
      MetricDoc d = m.doc();
      sb.append("| `")
          .append(d.name())
          .append("` | ")
          .append(cell(d.unit()))
          .append(" | ")
          .append(cell(d.bounds().text()))
          .append(" | ")
          .append(cell(undefined(d)))
          .append(" | ")
          .append(cell(d.meaning()))
          .append(" |\n");
    }
    sb.append("\n#### ").append(SUMMARY).append("\n\n");
    sb.append("Steps that start before `time.burn_in_days` are left out of sums and means.\n\n");
    sb.append(
        "| metric | unit | aggregation | bounds | undefined when | meaning |\n|---|---|---|---|---|---|\n");
    for (RunMetric m : Metrics.RUN_METRICS) {
      MetricDoc d = m.doc();
      sb.append("| `")
          .append(d.name())
          .append("` | ")
          .append(cell(d.unit()))
          .append(" | ")
          .append(cell(m.aggregationText()))
          .append(" | ")
          .append(cell(d.bounds().text()))
          .append(" | ")
          .append(cell(undefined(d)))
          .append(" | ")
          .append(cell(d.meaning()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String undefined(MetricDoc d) {
    return d.mayBeUndefined() ? d.undefinedWhen() : "never";
  }

  private static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** JSON: {"timeseries": [...], "summary": [...]}, one object per metric in column order. */
  static JsonObject toJson() {
    JsonObject o = new JsonObject();
    JsonArray steps = new JsonArray();
    for (StepMetric m : Metrics.STEP_METRICS) steps.add(json(m.doc()));
    JsonArray runs = new JsonArray();
    for (RunMetric m : Metrics.RUN_METRICS) {
      JsonObject j = json(m.doc());
      j.addProperty("aggregation", m.aggregation().name().toLowerCase(java.util.Locale.ROOT));
      j.add("of", m.source() == null ? JsonNull.INSTANCE : new JsonPrimitive(m.source().name()));
      runs.add(j);
    }
    o.add("timeseries", steps);
    o.add("summary", runs);
    return o;
  }

  private static JsonObject json(MetricDoc d) {
    JsonObject j = new JsonObject();
    j.addProperty("name", d.name());
    j.addProperty("title", d.title());
    j.addProperty("unit", d.unit());
    j.addProperty("meaning", d.meaning());
    j.add("min", bound(d.bounds().min()));
    j.add("max", bound(d.bounds().max()));
    j.add(
        "undefined_when",
        d.mayBeUndefined() ? new JsonPrimitive(d.undefinedWhen()) : JsonNull.INSTANCE);
    return j;
  }

  private static com.google.gson.JsonElement bound(double x) {
    if (Double.isInfinite(x)) return JsonNull.INSTANCE;
    return x == Math.rint(x) ? new JsonPrimitive((long) x) : new JsonPrimitive(x);
  }
}
