package govsim.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report of a game sweep (govsim sweep with {@code game:}; docs/games.md): the stationary share
 * of each strategy over the swept parameter, the exact curves (small-mutation limit, and the
 * birth-death chain at the mutation rate where the game has one) and the agent-based means with
 * their intervals, one line per combination of the other parameters.
 */
final class GameSweepReport {
  private GameSweepReport() {}

  static String title(ResultFolder f) {
    JsonObject m = f.manifest();
    return "Game sweep: "
        + (m.has("name") ? Provenance.str(m, "name") : f.dir().getFileName().toString());
  }

  /** The swept key paths in file order, with their values (text). */
  static Map<String, List<String>> parameters(JsonObject m) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    JsonObject p = Provenance.obj(m, "parameters");
    if (p == null) return out;
    for (Map.Entry<String, JsonElement> e : p.entrySet()) {
      List<String> values = new ArrayList<>();
      if (e.getValue().isJsonArray())
        for (JsonElement v : e.getValue().getAsJsonArray()) values.add(v.getAsString());
      out.put(e.getKey(), values);
    }
    return out;
  }

  /** The x axis: the parameter with the most values (the last of equals). */
  static String xParameter(Map<String, List<String>> params) {
    String best = null;
    int most = 0;
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (e.getValue().size() >= most) {
        most = e.getValue().size();
        best = e.getKey();
      }
    }
    return best;
  }

  static ReportContent build(ResultFolder f) throws ReportException {
    JsonObject m = f.manifest();
    Provenance p = Provenance.of(FolderKind.GAME_SWEEP, m);
    CsvData points = f.csv("points.csv");
    ComparisonReport.require(
        points, "point", "population", "strategy", "share", "share_at_mutation_rate", "abm_mean");
    Map<String, List<String>> params = parameters(m);
    String x = xParameter(params);
    if (x == null || !points.has(x)) {
      throw new ReportException(
          f.dir() + ": the game sweep's manifest names no swept parameter found in points.csv");
    }
    List<String> others = new ArrayList<>(params.keySet());
    others.remove(x);
    boolean abm = m.has("abm") && m.get("abm").getAsBoolean();
    String mu = Provenance.str(m, "mutation_rate");
    ReportContent c =
        new ReportContent(
            title(f),
            (m.has("description") ? Provenance.str(m, "description") + " \u00b7 " : "")
                + "govsim report of folder `"
                + f.dir().toAbsolutePath().normalize().getFileName()
                + "`");
    c.heading("provenance", "How these data were produced").facts(p.facts());
    c.heading("what", "What is shown");
    c.paragraph(
        "Each point of the grid over "
            + String.join(", ", params.keySet())
            + " was analysed exactly (`points.csv`, column `share`: the stationary share in the small-mutation"
            + " limit; `share_at_mutation_rate`: the exact stationary distribution of the birth-death chain at the"
            + " game's mutation rate "
            + mu
            + ", for one population of two strategies)"
            + (abm
                ? " and simulated agent-based (`abm_mean`: the mean over "
                    + Provenance.str(Provenance.obj(m, "simulation"), "seeds_per_point")
                    + " seeds of each run's long-run share, with its 95% t-interval `abm_ci_low`..`abm_ci_high`;"
                    + " the runs are in `abm_runs.csv`)."
                : ".")
            + " Lines: the exact curves; points with bars: the agent-based means and intervals.");
    List<JFreeChart> panels = new ArrayList<>();
    List<String> pops = points.distinct("population");
    for (String pop : pops) {
      CsvData ofPop = points.where("population", pop);
      List<String> strategies = ofPop.distinct("strategy");
      // With two strategies the second share is one minus the first: draw the first only.
      List<String> drawn = strategies.size() == 2 ? strategies.subList(0, 1) : strategies;
      for (String s : drawn) panels.add(panel(pop, s, ofPop.where("strategy", s), x, others, abm));
    }
    c.heading("shares", "Stationary shares over " + x);
    c.figure(
        Figure.grid(
                "stationary-shares",
                "Stationary shares over " + x,
                "The stationary share of each strategy at every value of "
                    + x
                    + (others.isEmpty()
                        ? ""
                        : ", one colour per value of " + String.join(", ", others))
                    + ": solid line, exact small-mutation limit; dashed line, exact at mu = "
                    + mu
                    + " (one population of two strategies)"
                    + (abm
                        ? "; points with bars, agent-based means with 95% t-intervals over seeds"
                        : "")
                    + " (`points.csv`).",
                panels,
                2,
                540,
                420)
            .sameQuantityOn(Figure.Common.Y));
    return c;
  }

  private static JFreeChart panel(
      String pop, String strategy, CsvData rows, String x, List<String> others, boolean abm) {
    // Group the rows by the values of the other parameters, in the order they first appear.
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> key = new ArrayList<>();
      for (String o : others) key.add(shortKey(o) + " = " + rows.text(i, o));
      groups.computeIfAbsent(String.join(", ", key), k -> new ArrayList<>()).add(i);
    }
    XYSeriesCollection lines = new XYSeriesCollection();
    XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
    XYIntervalSeriesCollection dots = new XYIntervalSeriesCollection();
    XYErrorRenderer er = new XYErrorRenderer();
    er.setDrawXError(false);
    er.setDrawYError(true);
    er.setBaseLinesVisible(false);
    er.setBaseShapesVisible(true);
    er.setCapLength(5);
    int g = 0;
    int line = 0;
    int dot = 0;
    for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
      List<Integer> idx = new ArrayList<>(e.getValue());
      idx.sort(Comparator.comparingDouble(i -> CsvData.parse(rows.text(i, x))));
      String name = e.getKey().isEmpty() ? "" : e.getKey() + ": ";
      Color color = Palette.series(g);
      XYSeries limit = new XYSeries(name + "exact, mu \u2192 0", false, true);
      XYSeries atMu = new XYSeries(name + "exact at mu", false, true);
      XYIntervalSeries sim = new XYIntervalSeries(name + "agent-based", false, true);
      for (int i : idx) {
        double xv = CsvData.parse(rows.text(i, x));
        double y = rows.num(i, "share");
        double ym = rows.num(i, "share_at_mutation_rate");
        if (!Double.isNaN(y)) limit.add(xv, y);
        if (!Double.isNaN(ym)) atMu.add(xv, ym);
        double a = rows.num(i, "abm_mean");
        if (abm && !Double.isNaN(a)) {
          double lo = rows.num(i, "abm_ci_low");
          double hi = rows.num(i, "abm_ci_high");
          sim.add(xv, xv, xv, a, Double.isNaN(lo) ? a : lo, Double.isNaN(hi) ? a : hi);
        }
      }
      lines.addSeries(limit);
      lr.setSeriesPaint(line, color);
      lr.setSeriesStroke(line, new BasicStroke(ChartStyle.LINE_WIDTH));
      line++;
      if (atMu.getItemCount() > 0) {
        lines.addSeries(atMu);
        lr.setSeriesPaint(line, color);
        lr.setSeriesStroke(
            line,
            new BasicStroke(
                ChartStyle.LINE_WIDTH,
                BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER,
                10f,
                new float[] {6f, 4f},
                0f));
        line++;
      }
      if (sim.getItemCount() > 0) {
        dots.addSeries(sim);
        er.setSeriesPaint(dot, color);
        er.setSeriesShape(dot, Plots.shape(g, 7));
        dot++;
      }
      g++;
    }
    NumberAxis xAxis = Plots.numberAxis(ParamLabels.axis(x), false);
    NumberAxis yAxis = Plots.numberAxis("share of " + strategy + " in " + pop, false);
    XYPlot plot = new XYPlot(lines, xAxis, yAxis, lr);
    if (dots.getSeriesCount() > 0) {
      plot.setDataset(1, dots);
      plot.setRenderer(1, er);
    }
    JFreeChart chart = new JFreeChart(pop + ": " + strategy, ChartStyle.TITLE, plot, true);
    ChartStyle.apply(chart);
    ChartStyle.share(yAxis);
    return chart;
  }

  private static String shortKey(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }
}
