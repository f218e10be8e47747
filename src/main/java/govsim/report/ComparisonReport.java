package govsim.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import govsim.observe.MetricDoc;
import govsim.observe.Metrics;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;

/**
 * The report of a regime comparison ({@code govsim compare}): a table and forest plots of the
 * headline metrics per regime with their confidence intervals, the paired differences between
 * regimes (the comparison's real test: every regime ran the same seeds), and the regimes' mean time
 * series with interval bands. Intervals are read from the folder's files, never recomputed, so the
 * report shows exactly what {@code comparison.csv} and {@code paired_differences.csv} say.
 */
final class ComparisonReport {
  /** The time column of the time series (from the metric catalogue). */
  private static final String DAY = Metrics.DAY.name();

  private ComparisonReport() {}

  static ReportContent build(ResultFolder f) throws ReportException {
    JsonObject m = f.manifest();
    Provenance p = Provenance.of(FolderKind.COMPARISON, m);
    CsvData comparison = f.csv("comparison.csv");
    require(comparison, "regime", "metric", "mean", "ci_low", "ci_high", "n");
    List<String> regimes = regimes(m, comparison);
    String level =
        Numbers.percent(m.has("confidence_level") ? m.get("confidence_level").getAsDouble() : 0.95);
    String reps = Provenance.str(m, "replications");
    ReportContent c =
        new ReportContent(
            title(f),
            // The regimes as the figures name them (laissez-faire, not laissez_faire).
            String.join(", ", regimes.stream().map(ParamLabels::regime).toList())
                + "; "
                + reps
                + " seeds per regime \u00b7 govsim report of folder `"
                + f.dir().toAbsolutePath().normalize().getFileName()
                + "`");
    c.heading("provenance", "How these data were produced").facts(p.facts());
    c.paragraph(
        "Every run of this comparison can be repeated alone: `govsim run "
            + Provenance.str(m, "scenario_file")
            + " --set regime=REGIME --seed SEED` with the same `--set` overrides, the seed taken from `runs.csv`.");
    failures(c, m);
    c.heading("intervals", "How the intervals are computed");
    c.paragraph(
        "Each regime ran the same "
            + reps
            + " seeds (common random numbers: replication i uses the same"
            + " seed in every regime, and each random process draws from its own stream, so the risks, the"
            + " incidents' chance draws, the malicious opportunities, the users and the entrants are the same in"
            + " every regime; what differs is what the regime makes of them). A"
            + " regime's value is the mean over its seeds, with the "
            + level
            + "% t-interval of that mean (mean"
            + " \u00b1 t \u00b7 sd / \u221an, n \u2212 1 degrees of freedom), built on the logit scale for shares and on"
            + " the log scale for metrics bounded on one side (counts, amounts, days) and mapped back, so that no"
            + " interval leaves the metric's range (column `interval` of `comparison.csv`). A difference between two"
            + " regimes is the mean of the per-seed differences, with its own "
            + level
            + "% t-interval, the p-value of a two-sided paired"
            + " t-test and that p-value Holm-adjusted over every regime pair and metric (`p_holm`). The bands of the"
            + " time series are the same interval of the mean, computed at every recorded step across the seeds"
            + " (`timeseries_mean.csv` gives each cell's n). With few seeds the intervals are wide: add seeds with"
            + " `--reps`, or let `--precision` add them until a target width.");

    List<String> metrics = new ArrayList<>();
    for (String metric : Headlines.SUMMARY)
      if (comparison.where("metric", metric).size() > 0) metrics.add(metric);
    headlineTable(c, comparison, regimes, metrics, level);
    c.figure(forest(comparison, regimes, metrics, level, reps));
    CsvData paired = f.csv("paired_differences.csv");
    require(paired, "regime_a", "regime_b", "metric", "mean_diff", "ci_low", "ci_high", "p_value");
    if (regimes.size() > 1 && paired.size() > 0) differences(c, paired, regimes, metrics, level);
    timeSeries(c, f, regimes, level, reps);
    return c;
  }

  static void require(CsvData t, String... columns) throws ReportException {
    for (String col : columns) {
      if (!t.has(col))
        throw new ReportException(
            t.file()
                + ": no column '"
                + col
                + "' (not a govsim file, or"
                + " written by another version of govsim)");
    }
  }

  /** "Regime comparison: baseline". */
  static String title(ResultFolder f) {
    return "Regime comparison: " + scenarioName(f.manifest());
  }

  static String scenarioName(JsonObject m) {
    JsonObject resolved = Provenance.obj(m, "resolved_scenarios");
    if (resolved != null) {
      for (String k : resolved.keySet()) {
        JsonElement e = resolved.get(k);
        if (e.isJsonObject() && e.getAsJsonObject().has("name"))
          return e.getAsJsonObject().get("name").getAsString();
      }
    }
    return Provenance.str(m, "scenario_file");
  }

  /** The regimes in the manifest's order (which is the order they were given), else the file's. */
  static List<String> regimes(JsonObject m, CsvData table) {
    List<String> out = new ArrayList<>();
    JsonElement e = m.get("regimes");
    if (e != null && e.isJsonArray())
      for (JsonElement x : e.getAsJsonArray()) out.add(x.getAsString());
    if (out.isEmpty()) out.addAll(table.distinct("regime"));
    return out;
  }

  private static void failures(ReportContent c, JsonObject m) {
    JsonElement failed = m.get("runs_failed");
    if (failed != null && failed.isJsonPrimitive() && failed.getAsInt() > 0) {
      c.paragraph(
          "Warning: "
              + failed.getAsInt()
              + " of "
              + Provenance.str(m, "runs")
              + " runs failed and are left out"
              + " of every statistic; `runs.csv` and `manifest.json` list them with their errors.");
    }
  }

  private static void headlineTable(
      ReportContent c,
      CsvData comparison,
      List<String> regimes,
      List<String> metrics,
      String level) {
    List<String> header = new ArrayList<>();
    header.add("Metric");
    for (String regime : regimes) header.add(ParamLabels.regime(regime));
    List<List<String>> rows = new ArrayList<>();
    for (String metric : metrics) {
      List<String> row = new ArrayList<>();
      row.add(metricCell(metric));
      CsvData rowsOf = comparison.where("metric", metric);
      for (String regime : regimes) {
        CsvData x = rowsOf.where("regime", regime);
        row.add(
            x.size() == 0
                ? "n/a"
                : Numbers.interval(x.num(0, "mean"), x.num(0, "ci_low"), x.num(0, "ci_high")));
      }
      rows.add(row);
    }
    c.heading("headline", "Headline metrics by regime");
    c.table(
        "Mean ["
            + level
            + "% CI] over seeds (`comparison.csv` has every summary metric, with sd and n). n/a:"
            + " undefined in every run (for example no risk governed).",
        header,
        rows,
        1);
  }

  private static Figure forest(
      CsvData comparison, List<String> regimes, List<String> metrics, String level, String reps) {
    List<JFreeChart> panels = new ArrayList<>();
    for (String metric : metrics) {
      MetricDoc info = Metrics.runDoc(metric);
      CsvData rowsOf = comparison.where("metric", metric);
      List<Plots.Intervals> series = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int r = 0; r < regimes.size(); r++) {
        CsvData x = rowsOf.where("regime", regimes.get(r));
        double[] mean = nan(regimes.size());
        double[] lo = nan(regimes.size());
        double[] hi = nan(regimes.size());
        if (x.size() > 0) {
          mean[r] = x.num(0, "mean");
          lo[r] = x.num(0, "ci_low");
          hi[r] = x.num(0, "ci_high");
        }
        String name = ParamLabels.regime(regimes.get(r));
        labels.add(Double.isNaN(mean[r]) ? name + " (n/a)" : name);
        series.add(
            new Plots.Intervals(
                name, Palette.regime(regimes.get(r), r), Plots.shape(r, 10), mean, lo, hi));
      }
      panels.add(
          Plots.intervals(
              info.title(),
              labels,
              info.unit().isEmpty() ? metric : info.unit(),
              series,
              false,
              Double.NaN,
              new LegendItemCollection()));
    }
    return Figure.grid(
        "forest-headline",
        "Headline metrics by regime",
        "Forest plots: the mean of each headline metric over the "
            + reps
            + " seeds of each regime (marker) with its "
            + level
            + "% t-interval (bar), one panel per metric, in the unit under each panel (`comparison.csv`)."
            + " Overlapping intervals do not mean that two regimes do not differ: regimes share their seeds, so"
            + " the paired differences below are the sharper test.",
        panels,
        2,
        500,
        250);
  }

  private static void differences(
      ReportContent c, CsvData paired, List<String> regimes, List<String> metrics, String level) {
    List<JFreeChart> panels = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (String metric : metrics) {
      CsvData x = paired.where("metric", metric);
      if (x.size() == 0) continue;
      List<String> labels = new ArrayList<>();
      double[] sigMean = nan(x.size());
      double[] sigLo = nan(x.size());
      double[] sigHi = nan(x.size());
      double[] nsMean = nan(x.size());
      double[] nsLo = nan(x.size());
      double[] nsHi = nan(x.size());
      for (int i = 0; i < x.size(); i++) {
        String label =
            ParamLabels.regime(x.text(i, "regime_a"))
                + " \u2212 "
                + ParamLabels.regime(x.text(i, "regime_b"));
        double d = x.num(i, "mean_diff");
        double lo = x.num(i, "ci_low");
        double hi = x.num(i, "ci_high");
        boolean excludesZero = !Double.isNaN(lo) && !Double.isNaN(hi) && (lo > 0 || hi < 0);
        labels.add(Double.isNaN(d) ? label + " (n/a)" : label);
        if (excludesZero) {
          sigMean[i] = d;
          sigLo[i] = lo;
          sigHi[i] = hi;
        } else {
          nsMean[i] = d;
          nsLo[i] = lo;
          nsHi[i] = hi;
        }
        rows.add(
            List.of(
                metricCell(metric),
                label,
                Numbers.interval(d, lo, hi),
                Numbers.format(x.num(i, "p_value"))));
      }
      MetricDoc info = Metrics.runDoc(metric);
      LegendItemCollection legend = new LegendItemCollection();
      legend.add(Plots.legendItem("interval excludes 0", Palette.BLUE, 0));
      legend.add(Plots.legendItem("interval includes 0", Palette.GREY, 1));
      panels.add(
          Plots.intervals(
              info.title() + ": difference",
              labels,
              "difference" + (info.unit().isEmpty() ? "" : " (" + info.unit() + ")"),
              List.of(
                  new Plots.Intervals(
                      "interval excludes 0",
                      Palette.BLUE,
                      Plots.shape(0, 10),
                      sigMean,
                      sigLo,
                      sigHi),
                  new Plots.Intervals(
                      "interval includes 0", Palette.GREY, Plots.shape(1, 10), nsMean, nsLo, nsHi)),
              false,
              0.0,
              legend));
    }
    if (panels.isEmpty()) return;
    c.heading("differences", "Paired differences between regimes");
    int perPanel = regimes.size() * (regimes.size() - 1) / 2;
    c.figure(
        Figure.grid(
            "paired-differences",
            "Paired differences between regimes",
            "For each pair of regimes (a \u2212 b) and headline metric: the mean over seeds of the per-seed difference"
                + " (marker) and its "
                + level
                + "% t-interval (bar); blue where the interval excludes 0 (the regimes"
                + " differ at that level), grey where it includes 0 (`paired_differences.csv`).",
            panels,
            2,
            500,
            Math.max(230, 90 + 32 * perPanel)));
    c.table(
        "Paired differences a \u2212 b: mean ["
            + level
            + "% CI] and p-value of the two-sided paired t-test"
            + " (`paired_differences.csv` has every metric).",
        List.of("Metric", "a \u2212 b", "Difference", "p"),
        rows,
        2);
  }

  /** A metric in a table: its name and unit from the catalogue, then its key in code. */
  private static String metricCell(String metric) {
    return Metrics.runDoc(metric).axisLabel() + " `" + metric + "`";
  }

  private static void timeSeries(
      ReportContent c, ResultFolder f, List<String> regimes, String level, String reps)
      throws ReportException {
    List<String> wanted = Headlines.COMPARISON_SERIES;
    CsvData ts =
        CsvData.read(
            f.file("timeseries_mean.csv"),
            col ->
                col.equals("regime")
                    || col.equals(DAY)
                    || wanted.stream().anyMatch(w -> col.startsWith(w + "_")));
    require(ts, "regime", DAY);
    double last = 0;
    for (double d : ts.column(DAY)) if (!Double.isNaN(d)) last = Math.max(last, d);
    TimeAxis time = TimeAxis.forHorizon(last);
    c.heading("time-series", "Time series by regime");
    boolean thinned = false;
    for (String col : wanted) {
      String mean = col + "_mean";
      String lo = first(ts, col + "_ci_low", col + "_low");
      String hi = first(ts, col + "_ci_high", col + "_high");
      if (!ts.has(mean)) continue;
      List<Plots.Line> lines = new ArrayList<>();
      for (int r = 0; r < regimes.size(); r++) {
        CsvData x = ts.where("regime", regimes.get(r));
        if (x.size() == 0) continue;
        int[] idx = TimeAxis.thin(x.size());
        thinned |= idx.length < x.size();
        Color color = Palette.regime(regimes.get(r), r);
        lines.add(
            new Plots.Line(
                ParamLabels.regime(regimes.get(r)),
                color,
                Palette.regimeStroke(regimes.get(r), r, ChartStyle.LINE_WIDTH),
                TimeAxis.pick(time.convert(x.column(DAY)), idx),
                TimeAxis.pick(x.column(mean), idx),
                lo == null ? null : TimeAxis.pick(x.column(lo), idx),
                hi == null ? null : TimeAxis.pick(x.column(hi), idx)));
      }
      MetricDoc info = Metrics.stepDoc(col);
      c.figure(
          Figure.single(
              "ts-" + col.replace('_', '-'),
              info.title() + " by regime",
              info.title()
                  + " (`"
                  + col
                  + "`"
                  + (info.meaning().isEmpty() ? "" : ": " + info.meaning())
                  + "): the mean"
                  + " over the "
                  + reps
                  + " seeds of each regime at every recorded step (line) and the "
                  + level
                  + "% t-interval of that mean (band).",
              Plots.lines(
                  info.title() + " by regime",
                  time.label(),
                  false,
                  true,
                  info.axisLabel(),
                  info.isShare(),
                  lines)));
    }
    c.paragraph(
        "From `timeseries_mean.csv`: per regime and recorded step, the mean and interval of every time-series"
            + " column"
            + (thinned ? "; long series are drawn at every few steps, the file has them all" : "")
            + ".");
  }

  static String first(CsvData t, String... names) {
    for (String n : names) if (t.has(n)) return n;
    return null;
  }

  static double[] nan(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }
}
