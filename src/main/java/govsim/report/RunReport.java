package govsim.report;

import com.google.gson.JsonObject;
import govsim.observe.MetricDoc;
import govsim.observe.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a single run ({@code govsim run}): the main time series (harm, compliance, trust,
 * concentration, governance gap, capability), the run's summary metrics and a count of its events.
 * One run is one draw of a stochastic model, and the report says so: it has no intervals.
 */
final class RunReport {
  private RunReport() {}

  static ReportContent build(ResultFolder f) throws ReportException {
    JsonObject m = f.manifest();
    Provenance p = Provenance.of(FolderKind.RUN, m);
    ReportContent c =
        new ReportContent(
            title(f),
            "govsim report of a single run, folder `"
                + f.dir().toAbsolutePath().normalize().getFileName()
                + "`");
    c.heading("provenance", "How these data were produced").facts(p.facts());
    c.paragraph(
        "To rerun it, run `govsim run scenario.resolved.yaml` in this folder: the resolved scenario holds every"
            + " setting, the seed included, and the same scenario and seed give byte-identical CSV files.");
    c.heading("intervals", "Intervals");
    c.paragraph(
        "A single run is one realisation of a stochastic model with one seed, so nothing here has an"
            + " interval. For means with 95% confidence intervals over seeds, run `govsim compare` (regimes on common"
            + " random numbers) or `govsim sweep` (parameters).");

    if (f.has("timeseries.csv")) {
      timeSeries(c, f.csv("timeseries.csv"));
    } else {
      c.heading("time-series", "Time series");
      c.paragraph(
          "This run recorded no time series (`outputs.timeseries: false` in its scenario), so there are no"
              + " time-series figures; the summary below is complete.");
    }

    CsvData summary = f.csv("summary.csv");
    if (summary.size() > 0) {
      List<List<String>> rows = new ArrayList<>();
      for (String col : summary.header()) {
        if (col.equals("scenario") || col.equals("regime") || col.equals("seed")) continue;
        MetricDoc info = Metrics.runDoc(col);
        rows.add(
            List.of(
                info.title() + " (`" + col + "`)",
                meaning(info),
                Numbers.format(summary.num(0, col))));
      }
      c.heading("summary", "Summary metrics");
      c.table(
          "The run's summary (`summary.csv`): totals and time means after the burn-in; n/a is undefined"
              + " (for example no risk governed).",
          List.of("Metric", "Meaning", "Value"),
          rows,
          2);
    }
    if (f.has("events.csv")) eventTable(c, f.csv("events.csv"));
    return c;
  }

  private static void timeSeries(ReportContent c, CsvData ts) throws ReportException {
    String day = Metrics.DAY.name();
    if (!ts.has(day))
      throw new ReportException(
          ts.file() + ": no column '" + day + "'; was it written by govsim run?");
    double[] days = ts.column(day);
    TimeAxis time = TimeAxis.forHorizon(days.length == 0 ? 0 : days[days.length - 1]);
    int[] idx = TimeAxis.thin(days.length);
    double[] x = TimeAxis.pick(time.convert(days), idx);
    c.heading("time-series", "Time series");
    c.paragraph(
        "One value per recorded step (`timeseries.csv`)"
            + (TimeAxis.stride(days.length) > 1
                ? "; one in every "
                    + TimeAxis.stride(days.length)
                    + " recorded steps is drawn, the file has them all"
                : "")
            + ". The columns are described in `docs/ODD.md` (section Observation) and by `govsim describe`.");
    for (Headlines.RunFigure spec : Headlines.RUN) {
      List<Plots.Line> lines = new ArrayList<>();
      int i = 0;
      for (Headlines.Column col : spec.columns()) {
        if (!ts.has(col.name())) continue;
        lines.add(
            new Plots.Line(
                col.legend(),
                Palette.series(i),
                Palette.stroke(i, ChartStyle.LINE_WIDTH),
                x,
                TimeAxis.pick(ts.column(col.name()), idx),
                null,
                null));
        i++;
      }
      if (lines.isEmpty()) continue;
      c.figure(
          Figure.single(
              spec.id(),
              spec.title(),
              spec.caption(),
              Plots.lines(
                  spec.title(), time.label(), false, true, spec.yLabel(), spec.share(), lines)));
    }
  }

  /** "Run of baseline (hybrid regime, seed 1)". */
  static String title(ResultFolder f) {
    JsonObject m = f.manifest();
    JsonObject resolved = Provenance.obj(m, "resolved_scenario");
    String scenario =
        resolved != null && resolved.has("name") ? resolved.get("name").getAsString() : "scenario";
    return "Run of "
        + scenario
        + " ("
        + Provenance.str(m, "regime")
        + " regime, seed "
        + Provenance.str(m, "seed")
        + ")";
  }

  static String meaning(MetricDoc info) {
    String unit = info.unit().isEmpty() ? "" : " [" + info.unit() + "]";
    return info.meaning() + unit;
  }

  private static void eventTable(ReportContent c, CsvData events) {
    if (!events.has("type") || events.size() == 0) return;
    Map<String, double[]> byType = new LinkedHashMap<>();
    boolean hasDay = events.has("day");
    for (int r = 0; r < events.size(); r++) {
      double day = hasDay ? events.num(r, "day") : Double.NaN;
      double[] s =
          byType.computeIfAbsent(
              events.text(r, "type"), k -> new double[] {0, Double.NaN, Double.NaN});
      s[0]++;
      if (Double.isNaN(s[1]) || day < s[1]) s[1] = day;
      if (Double.isNaN(s[2]) || day > s[2]) s[2] = day;
    }
    List<Map.Entry<String, double[]>> entries = new ArrayList<>(byType.entrySet());
    entries.sort(
        (a, b) ->
            a.getValue()[0] != b.getValue()[0]
                ? Double.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, double[]> e : entries) {
      rows.add(
          List.of(
              "`" + e.getKey() + "`",
              Numbers.format(e.getValue()[0]),
              Numbers.format(e.getValue()[1]),
              Numbers.format(e.getValue()[2])));
    }
    c.heading("events", "Events");
    c.table(
        "What happened (`events.csv`), by type: how many times, first and last day.",
        List.of("Event", "Count", "First day", "Last day"),
        rows,
        1);
  }
}
