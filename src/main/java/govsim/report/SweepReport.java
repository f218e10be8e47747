package govsim.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import govsim.observe.MetricDoc;
import govsim.observe.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;

/**
 * The report of a parameter sweep ({@code govsim sweep}). What it draws depends on the design: a
 * grid over two or more parameters gets heat maps (first two parameters) and response curves with
 * intervals; a grid over one parameter, response curves; random, Latin-hypercube and Sobol designs
 * scatter plots of each run's outcome against each parameter; a Sobol design, its first-order and
 * total indices with bootstrap intervals. If the sweep kept its time series, the spread of the runs
 * over time is drawn per regime.
 */
final class SweepReport {
  /** The time column of the time series (from the metric catalogue). */
  private static final String DAY = Metrics.DAY.name();

  private SweepReport() {}

  /**
   * A varied parameter: its key, its levels in the files (sorted), whether numeric and log-scaled.
   */
  record Param(String key, List<String> levels, boolean numeric, boolean log) {
    int indexOf(String cell) {
      return levels.indexOf(cell);
    }
  }

  static ReportContent build(ResultFolder f) throws ReportException {
    JsonObject m = f.manifest();
    Provenance p = Provenance.of(FolderKind.SWEEP, m);
    CsvData aggregate = f.csv("aggregate.csv");
    ComparisonReport.require(
        aggregate, "point", "regime", "metric", "mean", "ci_low", "ci_high", "n");
    List<Param> params = params(m, aggregate);
    List<String> regimes = ComparisonReport.regimes(m, aggregate);
    List<String> metrics = metrics(m, aggregate);
    String design = Provenance.str(m, "design");
    String level =
        Numbers.percent(m.has("confidence_level") ? m.get("confidence_level").getAsDouble() : 0.95);
    String reps = replicationsText(m);
    ReportContent c =
        new ReportContent(
            title(f),
            (m.has("description") ? Provenance.str(m, "description") + " \u00b7 " : "")
                + "govsim report of folder `"
                + f.dir().toAbsolutePath().normalize().getFileName()
                + "`");
    c.heading("provenance", "How these data were produced").facts(p.facts());
    designSection(c, m, params, regimes, metrics, design, reps);
    c.heading("intervals", "How the intervals are computed");
    c.paragraph(
        "`aggregate.csv` holds, per design point and regime, the mean of each metric over the point's "
            + reps
            + " replication(s) with its "
            + level
            + "% t-interval (mean \u00b1 t \u00b7 sd / \u221an, n \u2212 1 degrees of"
            + " freedom; no interval with a single replication), built on the logit scale for shares and the log"
            + " scale for metrics bounded on one side so that it stays in range (column `interval`). Regimes share each point's seeds (common random"
            + " numbers)."
            + (design.equals("sobol")
                ? " Sobol indices (`sobol.csv`) are estimated from the points' means (first order:"
                    + " Saltelli et al. 2010; total: Jansen 1999) with "
                    + level
                    + "% bootstrap percentile intervals over "
                    + Provenance.str(Provenance.obj(m, "sobol"), "bootstrap_resamples")
                    + " resamples of the base rows; with"
                    + " few base rows they are wide and can leave [0, 1]."
                : "")
            + (design.equals("morris")
                ? " Morris elementary effects (`morris.csv`) are steps of the points' means along"
                    + " each trajectory, in output units per unit of the parameter's range; mu, mu* and sigma have "
                    + level
                    + "% bootstrap percentile intervals over "
                    + Provenance.str(Provenance.obj(m, "morris"), "bootstrap_resamples")
                    + " resamples of the trajectories' effects."
                : "")
            + precisionSentence(m)
            + " Time-series bands below are not confidence intervals: they show the spread of the runs (10th to 90th"
            + " percentile across all runs of a regime).");

    boolean grid = design.equals("grid");
    if (grid && params.size() >= 2 && params.get(0).levels().size() > 0) {
      heatMaps(c, aggregate, params, regimes, metrics, reps);
      if (params.size() == 2) responseByLevel(c, aggregate, params, regimes, metrics, reps, level);
    } else if (grid && params.size() == 1) {
      responseOneParameter(c, aggregate, params.get(0), regimes, metrics, reps, level);
    } else if (!params.isEmpty()) {
      scatter(c, f, params, regimes, metrics);
    }
    if (f.has("sobol.csv")) sobol(c, f.csv("sobol.csv"), regimes, level);
    if (f.has("morris.csv")) morris(c, f.csv("morris.csv"), regimes, level);
    if (f.has("timeseries.csv.gz") && f.has("runs.csv")) timeSeries(c, f, regimes);
    return c;
  }

  /**
   * "3", or with --precision "3 to 24 (chosen per point by --precision: half-width at most 0.1 x
   * |mean| of harm_total)".
   */
  static String replicationsText(JsonObject m) {
    String reps = Provenance.str(m, "replications");
    JsonObject p = precision(m);
    if (p == null) return reps;
    return Provenance.str(p, "replications_min")
        + " to "
        + Provenance.str(p, "replications_max")
        + " (per point, chosen by --precision; `precision.csv`)";
  }

  /** The manifest's precision block (a sweep run with --precision), or null. */
  private static JsonObject precision(JsonObject m) {
    if (!m.has("precision") || !m.get("precision").isJsonObject()) return null;
    JsonObject p = m.getAsJsonObject("precision");
    return p.has("replications_min") && p.has("replications_max") ? p : null;
  }

  /** The sentence that says how --precision chose each point's replications, or "". */
  static String precisionSentence(JsonObject m) {
    JsonObject p = precision(m);
    if (p == null) return "";
    String metrics =
        p.has("metrics") && p.get("metrics").isJsonArray()
            ? String.join(
                ", ",
                p.getAsJsonArray("metrics").asList().stream()
                    .map(JsonElement::getAsString)
                    .toList())
            : "the named metrics";
    return " Replications per point were chosen by `--precision`: starting from "
        + Provenance.str(p, "initial_replications")
        + ", more were added in rounds until, in every regime, the interval of "
        + metrics
        + " had a half-width of at most "
        + Provenance.str(p, "target_relative_half_width")
        + " \u00d7 |mean|, or the point had "
        + Provenance.str(p, "max_replications")
        + "; "
        + Provenance.str(p, "points_reached")
        + " of "
        + Provenance.str(p, "points")
        + " points reached the target (`precision.csv`).";
  }

  /** "Parameter sweep: switching-x-lag". */
  static String title(ResultFolder f) {
    JsonObject m = f.manifest();
    return "Parameter sweep: "
        + (m.has("name") ? Provenance.str(m, "name") : f.dir().getFileName().toString());
  }

  private static List<Param> params(JsonObject m, CsvData aggregate) {
    Map<String, Boolean> logs = new LinkedHashMap<>();
    JsonElement ps = m.get("parameters");
    if (ps != null && ps.isJsonArray()) {
      for (JsonElement e : ps.getAsJsonArray()) {
        if (!e.isJsonObject() || !e.getAsJsonObject().has("key")) continue;
        JsonObject o = e.getAsJsonObject();
        boolean log = o.has("log") && o.get("log").isJsonPrimitive() && o.get("log").getAsBoolean();
        logs.put(o.get("key").getAsString(), log);
      }
    }
    if (logs.isEmpty()) {
      // No list in the manifest: the columns between "point" and "regime".
      List<String> h = aggregate.header();
      for (int i = h.indexOf("point") + 1; i < h.indexOf("regime"); i++) logs.put(h.get(i), false);
    }
    List<Param> out = new ArrayList<>();
    for (Map.Entry<String, Boolean> e : logs.entrySet()) {
      if (!aggregate.has(e.getKey())) continue;
      List<String> levels = new ArrayList<>(aggregate.distinct(e.getKey()));
      boolean numeric = levels.stream().allMatch(s -> !Double.isNaN(CsvData.parse(s)));
      if (numeric) levels.sort(Comparator.comparingDouble(CsvData::parse));
      boolean log = e.getValue() || (numeric && spansDecades(levels));
      out.add(new Param(e.getKey(), List.copyOf(levels), numeric, numeric && log));
    }
    return out;
  }

  /** Positive values over two decades or more read better on a log axis (0.01, 0.1, 1). */
  private static boolean spansDecades(List<String> levels) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (String s : levels) {
      double v = CsvData.parse(s);
      if (v <= 0) return false;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return levels.size() > 1 && max / min >= 100;
  }

  private static List<String> metrics(JsonObject m, CsvData aggregate) {
    List<String> out = new ArrayList<>();
    JsonElement e = m.get("metrics");
    if (e != null && e.isJsonArray())
      for (JsonElement x : e.getAsJsonArray()) out.add(x.getAsString());
    if (out.isEmpty()) out.addAll(aggregate.distinct("metric"));
    return out;
  }

  private static void designSection(
      ReportContent c,
      JsonObject m,
      List<Param> params,
      List<String> regimes,
      List<String> metrics,
      String design,
      String reps) {
    c.heading("design", "Design");
    List<List<String>> rows = new ArrayList<>();
    JsonElement ps = m.get("parameters");
    Map<String, String> described = new LinkedHashMap<>();
    if (ps != null && ps.isJsonArray()) {
      for (JsonElement e : ps.getAsJsonArray()) {
        if (!e.isJsonObject()) continue;
        JsonObject o = e.getAsJsonObject();
        String key = Provenance.str(o, "key");
        if (o.has("values")) {
          described.put(key, "values " + Provenance.list(o.get("values")));
        } else {
          described.put(
              key,
              "range ["
                  + Provenance.str(o, "min")
                  + ", "
                  + Provenance.str(o, "max")
                  + "]"
                  + (o.has("log") && o.get("log").getAsBoolean() ? ", log scale" : "")
                  + (o.has("integer") && o.get("integer").getAsBoolean() ? ", integers" : "")
                  + (o.has("levels") ? ", " + Provenance.str(o, "levels") + " levels" : ""));
        }
      }
    }
    for (Param p : params) {
      rows.add(
          List.of(
              "`" + p.key() + "`",
              described.getOrDefault(p.key(), ""),
              Integer.toString(p.levels().size())));
    }
    c.paragraph(
        "Design `"
            + design
            + "` over "
            + params.size()
            + " parameter(s): "
            + Provenance.str(m, "points")
            + " points \u00d7 "
            + reps
            + " replication(s) \u00d7 "
            + regimes.size()
            + " regime(s) ("
            + String.join(", ", regimes)
            + ") = "
            + Provenance.str(m, "runs")
            + " runs, of which "
            + Provenance.str(m, "runs_failed")
            + " failed. Metrics summarised: "
            + String.join(", ", metrics.stream().map(x -> "`" + x + "`").toList())
            + ". Each run's parameters, seed and every summary metric are in `runs.csv`; `experiments.csv` and"
            + " `outcomes.csv` hold the same in the EMA Workbench layout.");
    c.table(
        "The varied scenario keys.", List.of("Parameter", "Sampled", "Distinct values"), rows, 2);
  }

  /**
   * Mean of the aggregate's means per (x level, y level) for one regime and metric, over other
   * parameters.
   */
  private static double[][] cells(CsvData rows, Param x, Param y) {
    double[][] sum = new double[x.levels().size()][y.levels().size()];
    int[][] n = new int[x.levels().size()][y.levels().size()];
    for (int r = 0; r < rows.size(); r++) {
      int i = x.indexOf(rows.text(r, x.key()));
      int j = y.indexOf(rows.text(r, y.key()));
      double v = rows.num(r, "mean");
      if (i < 0 || j < 0 || Double.isNaN(v)) continue;
      sum[i][j] += v;
      n[i][j]++;
    }
    for (int i = 0; i < sum.length; i++) {
      for (int j = 0; j < sum[i].length; j++)
        sum[i][j] = n[i][j] == 0 ? Double.NaN : sum[i][j] / n[i][j];
    }
    return sum;
  }

  /**
   * Each cell's label for a two-parameter grid: the mean, its n, and a dagger where the interval's
   * half-width exceeds the cell's distance from the panel's mean over all cells.
   */
  private static String[][] cellLabels(CsvData rows, Param x, Param y, double[][] z) {
    double sum = 0;
    int cells = 0;
    for (double[] col : z)
      for (double v : col)
        if (!Double.isNaN(v)) {
          sum += v;
          cells++;
        }
    double panelMean = cells == 0 ? Double.NaN : sum / cells;
    String[][] out = new String[x.levels().size()][y.levels().size()];
    for (int r = 0; r < rows.size(); r++) {
      int i = x.indexOf(rows.text(r, x.key()));
      int j = y.indexOf(rows.text(r, y.key()));
      double v = rows.num(r, "mean");
      if (i < 0 || j < 0 || Double.isNaN(v)) continue;
      double n = rows.num(r, "n");
      double half = (rows.num(r, "ci_high") - rows.num(r, "ci_low")) / 2;
      boolean noise = !Double.isNaN(half) && half > Math.abs(v - panelMean);
      out[i][j] =
          Numbers.format(v)
              + " (n "
              + (Double.isNaN(n) ? "?" : Long.toString(Math.round(n)))
              + ")"
              + (noise ? " \u2020" : "");
    }
    return out;
  }

  private static void heatMaps(
      ReportContent c,
      CsvData aggregate,
      List<Param> params,
      List<String> regimes,
      List<String> metrics,
      String reps) {
    Param x = params.get(0);
    Param y = params.get(1);
    c.heading("heat-maps", "Heat maps over " + x.key() + " \u00d7 " + y.key());
    for (String metric : metrics) {
      CsvData ofMetric = aggregate.where("metric", metric);
      if (ofMetric.size() == 0) continue;
      Map<String, double[][]> byRegime = new LinkedHashMap<>();
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (String regime : regimes) {
        double[][] z = cells(ofMetric.where("regime", regime), x, y);
        byRegime.put(regime, z);
        for (double[] col : z) {
          for (double v : col) {
            if (Double.isNaN(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      MetricDoc info = Metrics.runDoc(metric);
      Palette.Viridis scale = new Palette.Viridis(lo, hi);
      List<JFreeChart> panels = new ArrayList<>();
      boolean marked = false;
      for (Map.Entry<String, double[][]> e : byRegime.entrySet()) {
        String[][] labels =
            params.size() == 2
                ? cellLabels(ofMetric.where("regime", e.getKey()), x, y, e.getValue())
                : null;
        if (labels != null)
          for (String[] col : labels)
            for (String l : col) marked |= l != null && l.endsWith("\u2020");
        panels.add(
            Plots.heatMap(
                info.title() + ": " + ParamLabels.regime(e.getKey()),
                ParamLabels.axis(x.key()),
                x.levels(),
                ParamLabels.axis(y.key()),
                y.levels(),
                e.getValue(),
                labels,
                scale,
                info.unit().isEmpty() ? metric : info.unit()));
      }
      c.figure(
          Figure.grid(
              "heat-" + id(metric),
              info.title() + ": heat map",
              info.title()
                  + " (`"
                  + metric
                  + "`"
                  + (info.unit().isEmpty() ? "" : ", " + info.unit())
                  + "): the mean over"
                  + " the "
                  + reps
                  + " replication(s) at each grid point"
                  + (params.size() > 2 ? ", averaged over the levels of the other parameters" : "")
                  + ", one panel per regime, printed in each cell"
                  + (params.size() == 2
                      ? " with the n (successful replications) behind it"
                          + (marked
                              ? "; \u2020 marks a cell whose interval half-width is larger than its"
                                  + " distance from the panel's mean over all cells (an effect the"
                                  + " replications cannot tell from noise)"
                              : "")
                      : "")
                  + "; rows are "
                  + y.key()
                  + ", columns "
                  + x.key()
                  + "; the colour scale (viridis) is shared by the panels."
                  + " Levels are evenly spaced whatever their values. Intervals: `aggregate.csv`"
                  + (params.size() == 2 ? " and the response curves below." : "."),
              panels,
              2,
              540,
              460));
    }
  }

  private static void responseByLevel(
      ReportContent c,
      CsvData aggregate,
      List<Param> params,
      List<String> regimes,
      List<String> metrics,
      String reps,
      String level) {
    Param x = params.get(0);
    Param y = params.get(1);
    if (!x.numeric()) return;
    c.heading("responses", "Response curves");
    for (String metric : metrics) {
      CsvData ofMetric = aggregate.where("metric", metric);
      if (ofMetric.size() == 0) continue;
      MetricDoc info = Metrics.runDoc(metric);
      List<JFreeChart> panels = new ArrayList<>();
      for (String regime : regimes) {
        CsvData rows = ofMetric.where("regime", regime);
        List<Plots.Line> lines = new ArrayList<>();
        for (int j = 0; j < y.levels().size(); j++) {
          CsvData at = rows.where(y.key(), y.levels().get(j));
          Plots.Line l = line(ParamLabels.level(y.key(), y.levels().get(j)), j, at, x);
          // Ordered levels get ordered colours (viridis, short of its pale yellow end).
          double t = y.levels().size() == 1 ? 0 : 0.85 * j / (y.levels().size() - 1);
          lines.add(
              new Plots.Line(
                  l.name(),
                  Palette.viridis(t),
                  l.stroke(),
                  l.x(),
                  l.y(),
                  l.low(),
                  l.high(),
                  l.n()));
        }
        panels.add(
            Plots.lines(
                info.title() + ": " + ParamLabels.regime(regime),
                ParamLabels.axis(x.key()) + (x.log() ? ", log scale" : ""),
                x.log(),
                info.axisLabel(),
                info.isShare(),
                lines));
      }
      c.figure(
          Figure.grid(
                  "response-" + id(metric),
                  info.title() + ": response curves",
                  info.title()
                      + " (`"
                      + metric
                      + "`): the mean over the "
                      + reps
                      + " replication(s) at each point (line and marker) with its "
                      + level
                      + "% interval (band and bar; logit or log scale for bounded metrics); each"
                      + " marker is labelled with its n, the runs behind it (the n column of"
                      + " `aggregate.csv`: fewer than the replications where runs failed or the"
                      + " metric is undefined), against "
                      + x.key()
                      + ", one line per level of "
                      + y.key()
                      + " (dark to light: low to high) and one panel per regime.",
                  panels,
                  2,
                  540,
                  420)
              .sameQuantityOn(Figure.Common.Y));
    }
  }

  private static void responseOneParameter(
      ReportContent c,
      CsvData aggregate,
      Param x,
      List<String> regimes,
      List<String> metrics,
      String reps,
      String level) {
    if (!x.numeric()) return;
    List<JFreeChart> panels = new ArrayList<>();
    for (String metric : metrics) {
      CsvData ofMetric = aggregate.where("metric", metric);
      if (ofMetric.size() == 0) continue;
      MetricDoc info = Metrics.runDoc(metric);
      List<Plots.Line> lines = new ArrayList<>();
      for (int r = 0; r < regimes.size(); r++) {
        Plots.Line l =
            line(
                ParamLabels.regime(regimes.get(r)), r, ofMetric.where("regime", regimes.get(r)), x);
        lines.add(
            new Plots.Line(
                l.name(),
                Palette.regime(regimes.get(r), r),
                Palette.regimeStroke(regimes.get(r), r, ChartStyle.LINE_WIDTH),
                l.x(),
                l.y(),
                l.low(),
                l.high(),
                l.n()));
      }
      panels.add(
          Plots.lines(
              info.title(),
              ParamLabels.axis(x.key()) + (x.log() ? ", log scale" : ""),
              x.log(),
              info.axisLabel(),
              info.isShare(),
              lines));
    }
    if (panels.isEmpty()) return;
    c.heading("responses", "Response curves");
    c.figure(
        Figure.grid(
            "responses",
            "Responses to " + x.key(),
            "Each metric's mean over the "
                + reps
                + " replication(s) at each value of "
                + x.key()
                + " (line and marker) with its "
                + level
                + "% interval (band and bar; logit or log scale for bounded metrics), one line"
                + " per regime (`aggregate.csv`). Each marker is labelled with its n, the runs"
                + " behind it (fewer than the replications where runs failed or the metric is"
                + " undefined).",
            panels,
            2,
            540,
            400));
  }

  /** A response line through the points of one table (one row per level of x). */
  private static Plots.Line line(String name, int index, CsvData rows, Param x) {
    int n = rows.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble(i -> CsvData.parse(rows.text(i, x.key()))));
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    int[] count = new int[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      xs[k] = CsvData.parse(rows.text(i, x.key()));
      ys[k] = rows.num(i, "mean");
      lo[k] = rows.num(i, "ci_low");
      hi[k] = rows.num(i, "ci_high");
      double c = rows.num(i, "n");
      count[k] = Double.isNaN(c) ? 0 : (int) c;
    }
    return new Plots.Line(
        name,
        Palette.series(index),
        Palette.stroke(index, ChartStyle.LINE_WIDTH),
        xs,
        ys,
        lo,
        hi,
        count);
  }

  private static void scatter(
      ReportContent c,
      ResultFolder f,
      List<Param> params,
      List<String> regimes,
      List<String> metrics)
      throws ReportException {
    CsvData runs = f.csv("runs.csv");
    if (!runs.has("regime") || !runs.has("status")) return;
    List<Param> numeric = params.stream().filter(Param::numeric).toList();
    if (numeric.isEmpty()) return;
    c.heading("scatter", "Outcomes against each parameter");
    for (String metric : metrics) {
      if (!runs.has(metric)) continue;
      MetricDoc info = Metrics.runDoc(metric);
      List<JFreeChart> panels = new ArrayList<>();
      for (Param p : numeric) {
        if (!runs.has(p.key())) continue;
        List<Plots.Points> groups = new ArrayList<>();
        for (int r = 0; r < regimes.size(); r++) {
          CsvData ok = runs.where("regime", regimes.get(r)).where("status", "ok");
          groups.add(
              new Plots.Points(
                  ParamLabels.regime(regimes.get(r)),
                  Palette.regime(regimes.get(r), r),
                  ok.column(p.key()),
                  ok.column(metric)));
        }
        panels.add(
            Plots.scatter(
                ParamLabels.name(p.key()),
                ParamLabels.axis(p.key()) + (p.log() ? ", log scale" : ""),
                p.log(),
                info.axisLabel(),
                info.isShare(),
                groups));
      }
      if (panels.isEmpty()) continue;
      int cols = panels.size() <= 2 ? panels.size() : panels.size() <= 4 ? 2 : 3;
      c.figure(
          Figure.grid(
                  "scatter-" + id(metric),
                  info.title() + ": runs against each parameter",
                  info.title()
                      + " (`"
                      + metric
                      + "`) of every successful run against each varied parameter, one panel per"
                      + " parameter"
                      + (regimes.size() > 1 ? ", one colour and marker per regime" : "")
                      + " (`runs.csv`)."
                      + " A clear trend in a panel means the outcome is sensitive to that parameter.",
                  panels,
                  cols,
                  400,
                  320)
              .sameQuantityOn(Figure.Common.Y));
    }
  }

  private static void sobol(ReportContent c, CsvData sobol, List<String> regimes, String level)
      throws ReportException {
    ComparisonReport.require(
        sobol,
        "regime",
        "metric",
        "parameter",
        "s1",
        "s1_ci_low",
        "s1_ci_high",
        "st",
        "st_ci_low",
        "st_ci_high");
    c.heading("sobol", "Sobol sensitivity indices");
    List<List<String>> rows = new ArrayList<>();
    for (String regime : regimes) {
      CsvData ofRegime = sobol.where("regime", regime);
      if (ofRegime.size() == 0) continue;
      List<JFreeChart> panels = new ArrayList<>();
      for (String metric : ofRegime.distinct("metric")) {
        CsvData x = ofRegime.where("metric", metric);
        List<String> params = x.distinct("parameter");
        double[][] v = new double[6][params.size()];
        for (double[] a : v) Arrays.fill(a, Double.NaN);
        for (int i = 0; i < x.size(); i++) {
          int k = params.indexOf(x.text(i, "parameter"));
          String[] cols = {"s1", "s1_ci_low", "s1_ci_high", "st", "st_ci_low", "st_ci_high"};
          for (int j = 0; j < 6; j++) v[j][k] = x.num(i, cols[j]);
          rows.add(
              List.of(
                  regime,
                  "`" + metric + "`",
                  "`" + x.text(i, "parameter") + "`",
                  Numbers.interval(v[0][k], v[1][k], v[2][k]),
                  Numbers.interval(v[3][k], v[4][k], v[5][k])));
        }
        MetricDoc info = Metrics.runDoc(metric);
        panels.add(
            Plots.intervals(
                info.title(),
                params.stream().map(ParamLabels::name).toList(),
                "Sobol index",
                List.of(
                    new Plots.Intervals(
                        "first order S1", Palette.BLUE, Plots.shape(0, 10), v[0], v[1], v[2]),
                    new Plots.Intervals(
                        "total ST", Palette.VERMILLION, Plots.shape(1, 10), v[3], v[4], v[5])),
                true,
                0.0,
                null));
      }
      int k = ofRegime.distinct("parameter").size();
      c.figure(
          Figure.grid(
                  "sobol-" + id(regime),
                  "Sobol indices, " + regime + " regime",
                  "First-order (S1, circles) and total (ST, squares) Sobol indices of each parameter for each metric under the "
                      + regime
                      + " regime, with "
                      + level
                      + "% bootstrap intervals (`sobol.csv`). S1 is the share of the"
                      + " output's variance due to the parameter alone, ST including its interactions; ST \u2248 0 means the"
                      + " parameter can be fixed. Estimates outside [0, 1] and wide intervals signal too few base rows.",
                  panels,
                  2,
                  560,
                  Math.max(260, 110 + 48 * k))
              .sameQuantityOn(Figure.Common.X));
    }
    c.table(
        "Sobol indices: estimate [" + level + "% bootstrap interval].",
        List.of("Regime", "Metric", "Parameter", "First order S1", "Total ST"),
        rows,
        3);
  }

  private static void morris(ReportContent c, CsvData morris, List<String> regimes, String level)
      throws ReportException {
    ComparisonReport.require(
        morris,
        "regime",
        "metric",
        "parameter",
        "n",
        "mu",
        "mu_star",
        "mu_star_ci_low",
        "mu_star_ci_high",
        "sigma");
    c.heading("morris", "Morris screening");
    List<List<String>> rows = new ArrayList<>();
    for (String regime : regimes) {
      CsvData ofRegime = morris.where("regime", regime);
      if (ofRegime.size() == 0) continue;
      List<JFreeChart> panels = new ArrayList<>();
      for (String metric : ofRegime.distinct("metric")) {
        CsvData x = ofRegime.where("metric", metric);
        double[] muStar = new double[x.size()];
        double[] sigma = new double[x.size()];
        String[] labels = new String[x.size()];
        for (int i = 0; i < x.size(); i++) {
          muStar[i] = x.num(i, "mu_star");
          sigma[i] = x.num(i, "sigma");
          labels[i] = ParamLabels.name(x.text(i, "parameter"));
          rows.add(
              List.of(
                  regime,
                  "`" + metric + "`",
                  "`" + x.text(i, "parameter") + "`",
                  x.text(i, "n"),
                  Numbers.interval(x.num(i, "mu"), x.num(i, "mu_ci_low"), x.num(i, "mu_ci_high")),
                  Numbers.interval(
                      muStar[i], x.num(i, "mu_star_ci_low"), x.num(i, "mu_star_ci_high")),
                  Numbers.interval(sigma[i], x.num(i, "sigma_ci_low"), x.num(i, "sigma_ci_high"))));
        }
        MetricDoc info = Metrics.runDoc(metric);
        panels.add(
            Plots.labelled(
                info.title(),
                "\u03bc* (mean |elementary effect|)",
                "\u03c3 (sd of the effects)",
                muStar,
                sigma,
                labels,
                Palette.BLUE,
                false,
                true,
                0.08));
      }
      if (panels.isEmpty()) continue;
      c.figure(
          Figure.grid(
              "morris-" + id(regime),
              "Morris screening, " + regime + " regime",
              "Each parameter's mean absolute elementary effect \u03bc* against the standard deviation \u03c3 of its"
                  + " effects, for each metric under the "
                  + regime
                  + " regime (`morris.csv`; effects in the metric's"
                  + " units per unit of the parameter's range). Parameters near the origin can be fixed; far right,"
                  + " influential; high \u03c3 relative to \u03bc*, non-linear or interacting. Groups have no \u03c3"
                  + " and are not drawn; their \u03bc* is in the table.",
              panels,
              2,
              520,
              400));
    }
    c.table(
        "Morris effects: estimate [" + level + "% bootstrap interval].",
        List.of("Regime", "Metric", "Parameter", "n", "\u03bc", "\u03bc*", "\u03c3"),
        rows,
        3);
  }

  private static void timeSeries(ReportContent c, ResultFolder f, List<String> regimes)
      throws ReportException {
    CsvData runs = f.csv("runs.csv", col -> col.equals("run") || col.equals("regime"));
    if (!runs.has("run") || !runs.has("regime")) return;
    Map<String, String> regimeOfRun = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++)
      regimeOfRun.put(runs.text(i, "run"), runs.text(i, "regime"));
    List<String> wanted = Headlines.SWEEP_SERIES;
    CsvData ts =
        f.csv(
            "timeseries.csv.gz",
            col -> col.equals("run") || col.equals(DAY) || wanted.contains(col));
    if (!ts.has("run") || !ts.has(DAY) || ts.size() == 0) return;
    double last = 0;
    for (double d : ts.column(DAY)) if (!Double.isNaN(d)) last = Math.max(last, d);
    TimeAxis time = TimeAxis.forHorizon(last);
    c.heading("time-series", "Time series across the sweep");
    for (String col : wanted) {
      if (!ts.has(col)) continue;
      double[] days = ts.column(DAY);
      double[] values = ts.column(col);
      List<Plots.Line> lines = new ArrayList<>();
      for (int r = 0; r < regimes.size(); r++) {
        // Values per recorded day across the runs of this regime.
        TreeMap<Double, List<Double>> byDay = new TreeMap<>();
        for (int i = 0; i < ts.size(); i++) {
          if (!regimes.get(r).equals(regimeOfRun.get(ts.text(i, "run"))) || Double.isNaN(values[i]))
            continue;
          byDay.computeIfAbsent(days[i], k -> new ArrayList<>()).add(values[i]);
        }
        if (byDay.isEmpty()) continue;
        int n = byDay.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] p10 = new double[n];
        double[] p90 = new double[n];
        int k = 0;
        for (Map.Entry<Double, List<Double>> e : byDay.entrySet()) {
          double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
          x[k] = e.getKey() / time.divisor();
          mean[k] = Arrays.stream(v).average().orElse(Double.NaN);
          p10[k] = percentile(v, 10);
          p90[k] = percentile(v, 90);
          k++;
        }
        lines.add(
            new Plots.Line(
                ParamLabels.regime(regimes.get(r)),
                Palette.regime(regimes.get(r), r),
                Palette.regimeStroke(regimes.get(r), r, ChartStyle.LINE_WIDTH),
                x,
                mean,
                p10,
                p90));
      }
      if (lines.isEmpty()) continue;
      MetricDoc info = Metrics.stepDoc(col);
      c.figure(
          Figure.single(
              "sweep-ts-" + id(col),
              info.title() + " across the sweep",
              info.title()
                  + " (`"
                  + col
                  + "`) over time: the mean over all runs of each regime (line) and the 10th to 90th"
                  + " percentile across those runs (band): how far the design moves the outcome, not a confidence"
                  + " interval (`timeseries.csv.gz`).",
              Plots.lines(
                  info.title() + " across the sweep",
                  time.label(),
                  false,
                  true,
                  info.axisLabel(),
                  info.isShare(),
                  lines)));
    }
  }

  /**
   * Percentile with linear interpolation between order statistics (numpy's default), of sorted
   * values.
   */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) return Double.NaN;
    double pos = q / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** A figure id from a name: lower case, dashes. */
  static String id(String s) {
    String x =
        s.toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return x.isEmpty() ? "x" : x;
  }
}
