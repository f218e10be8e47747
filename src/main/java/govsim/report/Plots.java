package govsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.ui.Layer;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;

/**
 * The few chart types a report needs, built with JFreeChart 1.0.x and styled by {@link ChartStyle}:
 * lines with interval bands (time series, responses), interval plots (forest plots, Sobol indices),
 * heat maps and scatter plots. Each takes plain arrays; undefined values (NaN) are left out rather
 * than drawn as zero.
 */
final class Plots {
  private Plots() {}

  /**
   * A line, optionally with a band (an interval at every x).
   *
   * @param name the legend entry
   * @param low lower edge of the band, or null for a line alone (also where NaN)
   * @param high upper edge of the band, or null
   * @param n the number of values behind each point (sweep response curves: the point's
   *     replications), drawn as a marker labelled "n" at every point with an interval bar; null for
   *     a plain line (time series)
   */
  record Line(
      String name,
      Color color,
      Stroke stroke,
      double[] x,
      double[] y,
      double[] low,
      double[] high,
      int[] n) {

    /** A line without n per point. */
    Line(
        String name,
        Color color,
        Stroke stroke,
        double[] x,
        double[] y,
        double[] low,
        double[] high) {
      this(name, color, stroke, x, y, low, high, null);
    }
  }

  /** Lines (with bands where given) against a numeric x axis; shares are drawn on [0, 1]. */
  static JFreeChart lines(
      String title, String xLabel, boolean logX, String yLabel, boolean share, List<Line> lines) {
    return lines(title, xLabel, logX, false, yLabel, share, lines);
  }

  /**
   * As {@link #lines(String, String, boolean, String, boolean, List)}, the x axis from 0 if {@code
   * xFromZero} (time).
   */
  static JFreeChart lines(
      String title,
      String xLabel,
      boolean logX,
      boolean xFromZero,
      String yLabel,
      boolean share,
      List<Line> lines) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer r = new DeviationRenderer(true, false);
    r.setAlpha(0.15f);
    int s = 0;
    // Sweep responses: each point's n as a label, and its interval as a bar over the band (a
    // point with a wide interval, often one with few runs, stands out as a long bar).
    java.util.List<int[]> labels = new java.util.ArrayList<>();
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    XYErrorRenderer barRenderer = new XYErrorRenderer();
    barRenderer.setDrawXError(false);
    barRenderer.setDrawYError(true);
    barRenderer.setBaseLinesVisible(false);
    barRenderer.setBaseShapesVisible(false);
    barRenderer.setCapLength(6);
    barRenderer.setErrorStroke(new BasicStroke(1.4f));
    boolean anyN = false;
    for (Line line : lines) {
      YIntervalSeries series = new YIntervalSeries(line.name(), false, true);
      XYIntervalSeries bar = new XYIntervalSeries(line.name() + " interval", false, true);
      java.util.List<Integer> ns = new java.util.ArrayList<>();
      for (int i = 0; i < line.x().length; i++) {
        double x = line.x()[i];
        double y = line.y()[i];
        if (Double.isNaN(x) || Double.isNaN(y) || (logX && x <= 0)) continue;
        double lo = line.low() == null || Double.isNaN(line.low()[i]) ? y : line.low()[i];
        double hi = line.high() == null || Double.isNaN(line.high()[i]) ? y : line.high()[i];
        series.add(x, y, lo, hi);
        if (line.n() != null) {
          ns.add(line.n()[i]);
          bar.add(x, x, x, y, lo, hi);
        }
      }
      data.addSeries(series);
      bars.addSeries(bar);
      labels.add(ns.stream().mapToInt(Integer::intValue).toArray());
      r.setSeriesPaint(s, line.color());
      r.setSeriesFillPaint(s, line.color());
      r.setSeriesStroke(s, line.stroke());
      barRenderer.setSeriesPaint(s, line.color());
      if (line.n() != null) {
        anyN = true;
        r.setSeriesShapesVisible(s, true);
        r.setSeriesShape(s, shape(s, 7));
        r.setSeriesItemLabelsVisible(s, true);
        r.setSeriesItemLabelFont(s, ChartStyle.ANNOTATION);
        r.setSeriesItemLabelPaint(s, line.color().darker());
      }
      s++;
    }
    if (anyN) {
      r.setBaseItemLabelGenerator(
          (dataset, series, item) ->
              item < labels.get(series).length ? "n=" + labels.get(series)[item] : null);
      r.setBasePositiveItemLabelPosition(
          new org.jfree.chart.labels.ItemLabelPosition(
              org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    }
    ValueAxis xAxis = logX ? logAxis(xLabel) : numberAxis(xLabel, xFromZero);
    if (xFromZero) {
      xAxis.setLowerMargin(0);
      xAxis.setUpperMargin(0.02);
    } else {
      xAxis.setLowerMargin(0.04);
      xAxis.setUpperMargin(0.04);
    }
    if (anyN && !xFromZero) {
      // Room for the "n=" labels of the first and last points (about 25 points wide).
      xAxis.setLowerMargin(0.07);
      xAxis.setUpperMargin(0.07);
    }
    NumberAxis yAxis = numberAxis(yLabel, false);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    if (anyN) {
      plot.setDataset(1, bars);
      plot.setRenderer(1, barRenderer);
      plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
      // Bars are explained by the caption; the legend lists the lines only.
      LegendItemCollection items = new LegendItemCollection();
      for (int i = 0; i < lines.size(); i++) items.add(r.getLegendItem(0, i));
      plot.setFixedLegendItems(items);
      yAxis.setUpperMargin(0.12);
    }
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, lines.size() > 1);
    ChartStyle.apply(chart);
    if (share) ChartStyle.share(yAxis);
    return chart;
  }

  /**
   * A set of intervals along a category axis (categories top to bottom, values across).
   *
   * @param name legend entry of the series
   * @param mean one value per category (NaN: nothing drawn)
   * @param low lower ends (NaN: a point without interval)
   * @param high upper ends
   */
  record Intervals(
      String name, Color color, Shape shape, double[] mean, double[] low, double[] high) {}

  /**
   * Interval plot: a forest plot when every series covers its own categories, or several series
   * side by side per category ({@code dodge}) as for first-order and total Sobol indices.
   *
   * @param reference a value marked by a dashed line and kept in view (0 for differences), or NaN
   * @param legend custom legend entries, or null for the series' own (none if a single series)
   */
  static JFreeChart intervals(
      String title,
      List<String> categories,
      String valueLabel,
      List<Intervals> series,
      boolean dodge,
      double reference,
      LegendItemCollection legend) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(true);
    r.setDrawYError(false);
    r.setBaseLinesVisible(false);
    r.setBaseShapesVisible(true);
    r.setCapLength(7);
    r.setErrorStroke(new BasicStroke(2.2f));
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < series.size(); s++) {
      Intervals iv = series.get(s);
      XYIntervalSeries xs = new XYIntervalSeries(iv.name(), false, true);
      double offset = dodge && series.size() > 1 ? (s - (series.size() - 1) / 2.0) * 0.28 : 0;
      for (int c = 0; c < categories.size(); c++) {
        double m = iv.mean()[c];
        if (Double.isNaN(m) || Double.isInfinite(m)) continue;
        double lo = Double.isNaN(iv.low()[c]) || Double.isInfinite(iv.low()[c]) ? m : iv.low()[c];
        double hi =
            Double.isNaN(iv.high()[c]) || Double.isInfinite(iv.high()[c]) ? m : iv.high()[c];
        double y = c + offset;
        xs.add(m, lo, hi, y, y, y);
        min = Math.min(min, lo);
        max = Math.max(max, hi);
      }
      data.addSeries(xs);
      r.setSeriesPaint(s, iv.color());
      r.setSeriesShape(s, iv.shape());
    }
    NumberAxis value = numberAxis(valueLabel, false);
    SymbolAxis cats = new SymbolAxis(null, categories.toArray(new String[0]));
    cats.setGridBandsVisible(false);
    cats.setInverted(true);
    cats.setRange(-0.6, categories.size() - 0.4);
    XYPlot plot = new XYPlot(data, value, cats, r);
    plot.setRangeGridlinesVisible(false);
    if (!Double.isNaN(reference)) {
      ValueMarker zero =
          new ValueMarker(
              reference,
              ChartStyle.AXIS,
              new BasicStroke(
                  1.2f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_MITER,
                  10f,
                  new float[] {5f, 4f},
                  0f));
      plot.addDomainMarker(zero, Layer.BACKGROUND);
      min = Math.min(min, reference);
      max = Math.max(max, reference);
    }
    boolean showLegend = legend != null || series.size() > 1;
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, showLegend);
    if (legend != null) plot.setFixedLegendItems(legend);
    ChartStyle.apply(chart);
    if (min <= max) {
      double pad = max > min ? (max - min) * 0.06 : max != 0 ? Math.abs(max) * 0.1 : 1;
      value.setRange(new Range(min - pad, max + pad));
    }
    return chart;
  }

  /**
   * A heat map over two categorical axes (the parameters' levels, evenly spaced whatever their
   * values, so that a log-spaced grid reads as a grid), each cell labelled with its value.
   *
   * @param z values by [x index][y index], NaN where undefined
   */
  static JFreeChart heatMap(
      String title,
      String xLabel,
      List<String> xTicks,
      String yLabel,
      List<String> yTicks,
      double[][] z,
      Palette.Viridis scale,
      String scaleLabel) {
    return heatMap(title, xLabel, xTicks, yLabel, yTicks, z, null, scale, scaleLabel);
  }

  /**
   * As {@link #heatMap(String, String, List, String, List, double[][], Palette.Viridis, String)},
   * with the text printed in each cell given ({@code labels[i][j]}; null: the value alone).
   */
  static JFreeChart heatMap(
      String title,
      String xLabel,
      List<String> xTicks,
      String yLabel,
      List<String> yTicks,
      double[][] z,
      String[][] labels,
      Palette.Viridis scale,
      String scaleLabel) {
    int n = xTicks.size() * yTicks.size();
    double[][] xyz = new double[3][n];
    int k = 0;
    for (int i = 0; i < xTicks.size(); i++) {
      for (int j = 0; j < yTicks.size(); j++) {
        xyz[0][k] = i;
        xyz[1][k] = j;
        xyz[2][k] = z[i][j];
        k++;
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("cells", xyz);
    XYBlockRenderer r = new XYBlockRenderer();
    r.setBlockWidth(1);
    r.setBlockHeight(1);
    r.setPaintScale(scale);
    SymbolAxis xAxis = new SymbolAxis(xLabel, xTicks.toArray(new String[0]));
    xAxis.setGridBandsVisible(false);
    xAxis.setRange(-0.5, xTicks.size() - 0.5);
    SymbolAxis yAxis = new SymbolAxis(yLabel, yTicks.toArray(new String[0]));
    yAxis.setGridBandsVisible(false);
    yAxis.setRange(-0.5, yTicks.size() - 0.5);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    for (int i = 0; i < xTicks.size(); i++) {
      for (int j = 0; j < yTicks.size(); j++) {
        double v = z[i][j];
        String text = labels == null || labels[i][j] == null ? Numbers.format(v) : labels[i][j];
        XYTextAnnotation a = new XYTextAnnotation(text, i, j);
        a.setFont(ChartStyle.ANNOTATION);
        a.setPaint(Double.isNaN(v) ? ChartStyle.TEXT : Palette.textOn((Color) scale.getPaint(v)));
        a.setTextAnchor(TextAnchor.CENTER);
        plot.addAnnotation(a);
      }
    }
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
    NumberAxis legendAxis = numberAxis(scaleLabel, false);
    legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setStripWidth(14);
    legend.setSubdivisionCount(128);
    legend.setMargin(new RectangleInsets(6, 12, 6, 0));
    legend.setStripOutlineVisible(false);
    chart.addSubtitle(legend);
    ChartStyle.apply(chart);
    return chart;
  }

  /** Points of one group of a scatter plot. */
  record Points(String name, Color color, double[] x, double[] y) {}

  /** A scatter plot of per-run outcomes against a parameter, one colour and shape per group. */
  static JFreeChart scatter(
      String title,
      String xLabel,
      boolean logX,
      String yLabel,
      boolean share,
      List<Points> groups) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    // Many points: smaller and more transparent markers, so that dense regions stay readable.
    int total = groups.stream().mapToInt(p -> p.x().length).sum();
    double size = total > 150 ? 5 : 7;
    double opacity = total > 150 ? 0.6 : 0.85;
    for (int g = 0; g < groups.size(); g++) {
      Points p = groups.get(g);
      XYSeries s = new XYSeries(p.name(), false, true);
      for (int i = 0; i < p.x().length; i++) {
        if (Double.isNaN(p.x()[i]) || Double.isNaN(p.y()[i]) || (logX && p.x()[i] <= 0)) continue;
        s.add(p.x()[i], p.y()[i]);
      }
      data.addSeries(s);
      r.setSeriesPaint(g, Palette.alpha(p.color(), opacity));
      r.setSeriesShape(g, shape(g, size));
    }
    ValueAxis xAxis = logX ? logAxis(xLabel) : numberAxis(xLabel, false);
    NumberAxis yAxis = numberAxis(yLabel, false);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, groups.size() > 1);
    ChartStyle.apply(chart);
    if (share) ChartStyle.share(yAxis);
    return chart;
  }

  /**
   * Points with a text label beside each (a Morris mu* against sigma plot, or a PRIM trajectory
   * with box numbers). With {@code line}, the points are joined in order. Axes start at zero when
   * {@code fromZero}; {@code xMargin} is the share of the x range added on the right for labels.
   */
  static JFreeChart labelled(
      String title,
      String xLabel,
      String yLabel,
      double[] x,
      double[] y,
      String[] labels,
      Color color,
      boolean line,
      boolean fromZero,
      double xMargin) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries s = new XYSeries(title, false, true);
    for (int i = 0; i < x.length; i++)
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) s.add(x[i], y[i]);
    data.addSeries(s);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(line, true);
    r.setSeriesPaint(0, color);
    r.setSeriesShape(0, shape(0, 8));
    r.setSeriesStroke(0, new BasicStroke(1.5f));
    NumberAxis xAxis = numberAxis(xLabel, fromZero);
    xAxis.setUpperMargin(xMargin);
    NumberAxis yAxis = numberAxis(yLabel, fromZero);
    yAxis.setUpperMargin(0.1);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        lo = Math.min(lo, fromZero ? Math.min(0, x[i]) : x[i]);
        hi = Math.max(hi, x[i]);
      }
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])
          || !Double.isFinite(y[i])
          || labels[i] == null
          || labels[i].isEmpty()) continue;
      // Labels of points in the right half go to their left, so that they stay inside the plot.
      boolean right = hi > lo && x[i] > lo + 0.55 * (hi - lo);
      XYTextAnnotation a =
          new XYTextAnnotation(right ? labels[i] + "  " : "  " + labels[i], x[i], y[i]);
      a.setFont(ChartStyle.ANNOTATION);
      a.setPaint(ChartStyle.TEXT);
      a.setTextAnchor(right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
      plot.addAnnotation(a);
    }
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
    ChartStyle.apply(chart);
    return chart;
  }

  /**
   * Two groups of points (cases of interest and the rest) on two parameters, with a rectangle drawn
   * from (x0, y0) to (x1, y1) (a PRIM box; infinite ends are drawn at the data's edge).
   */
  static JFreeChart boxOnTwo(
      String title,
      String xLabel,
      String yLabel,
      List<Points> groups,
      double x0,
      double x1,
      double y0,
      double y1,
      Color boxColor) {
    JFreeChart chart = scatter(title, xLabel, false, yLabel, false, groups);
    XYPlot plot = chart.getXYPlot();
    double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (Points p : groups) {
      for (double v : p.x())
        if (Double.isFinite(v)) {
          minX = Math.min(minX, v);
          maxX = Math.max(maxX, v);
        }
      for (double v : p.y())
        if (Double.isFinite(v)) {
          minY = Math.min(minY, v);
          maxY = Math.max(maxY, v);
        }
    }
    double bx0 = Math.max(x0, minX),
        bx1 = Math.min(x1, maxX),
        by0 = Math.max(y0, minY),
        by1 = Math.min(y1, maxY);
    if (bx0 <= bx1 && by0 <= by1) {
      plot.addAnnotation(
          new org.jfree.chart.annotations.XYBoxAnnotation(
              bx0, by0, bx1, by1, new BasicStroke(2.5f), boxColor, null));
    }
    return chart;
  }

  /**
   * A horizontal waterfall: one floating bar per step, from the running total before it to the
   * running total after it (increases in vermillion, decreases in blue), then the total from 0 in
   * grey; each step's interval (on its own change) is drawn as a whisker at the bar's end.
   *
   * @param steps the changes, top to bottom (NaN: no bar, the running total unchanged)
   * @param low lower ends of the steps' intervals, in the steps' own units (NaN: none)
   * @param high upper ends
   * @param totalLabel the label of the final bar
   * @param total its value, with its interval totalLow..totalHigh
   */
  static JFreeChart waterfall(
      String title,
      String valueLabel,
      List<String> labels,
      double[] steps,
      double[] low,
      double[] high,
      String totalLabel,
      double total,
      double totalLow,
      double totalHigh) {
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    XYIntervalSeries up = new XYIntervalSeries("increase", false, true);
    XYIntervalSeries down = new XYIntervalSeries("decrease", false, true);
    XYIntervalSeries sum = new XYIntervalSeries(totalLabel, false, true);
    XYIntervalSeriesCollection whiskers = new XYIntervalSeriesCollection();
    XYIntervalSeries ci = new XYIntervalSeries("interval", false, true);
    double run = 0;
    double min = 0;
    double max = 0;
    for (int c = 0; c < steps.length; c++) {
      double d = steps[c];
      if (!Double.isFinite(d)) continue;
      double end = run + d;
      (d >= 0 ? up : down).add(c, c - 0.35, c + 0.35, end, Math.min(run, end), Math.max(run, end));
      min = Math.min(min, Math.min(run, end));
      max = Math.max(max, Math.max(run, end));
      if (Double.isFinite(low[c]) && Double.isFinite(high[c])) {
        ci.add(c, c, c, end, run + low[c], run + high[c]);
        min = Math.min(min, run + low[c]);
        max = Math.max(max, run + high[c]);
      }
      run = end;
    }
    int t = steps.length;
    if (Double.isFinite(total)) {
      sum.add(t, t - 0.35, t + 0.35, total, Math.min(0, total), Math.max(0, total));
      if (Double.isFinite(totalLow) && Double.isFinite(totalHigh)) {
        ci.add(t, t, t, total, totalLow, totalHigh);
        min = Math.min(min, totalLow);
        max = Math.max(max, totalHigh);
      }
    }
    bars.addSeries(up);
    bars.addSeries(down);
    bars.addSeries(sum);
    whiskers.addSeries(ci);
    org.jfree.chart.renderer.xy.XYBarRenderer r = new org.jfree.chart.renderer.xy.XYBarRenderer();
    r.setUseYInterval(true);
    r.setShadowVisible(false);
    r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    r.setDrawBarOutline(false);
    r.setSeriesPaint(0, Palette.VERMILLION);
    r.setSeriesPaint(1, Palette.BLUE);
    r.setSeriesPaint(2, Palette.GREY);
    XYErrorRenderer e = new XYErrorRenderer();
    e.setDrawXError(false);
    e.setDrawYError(true);
    e.setBaseLinesVisible(false);
    e.setBaseShapesVisible(false);
    e.setCapLength(6);
    e.setErrorPaint(ChartStyle.AXIS);
    e.setErrorStroke(new BasicStroke(1.6f));
    e.setSeriesVisibleInLegend(0, false);
    List<String> cats = new java.util.ArrayList<>(labels);
    cats.add(totalLabel);
    SymbolAxis axis = new SymbolAxis(null, cats.toArray(new String[0]));
    axis.setGridBandsVisible(false);
    axis.setInverted(true);
    axis.setRange(-0.6, cats.size() - 0.4);
    NumberAxis value = numberAxis(valueLabel, true);
    XYPlot plot = new XYPlot(bars, axis, value, r);
    plot.setOrientation(org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
    plot.setDataset(1, whiskers);
    plot.setRenderer(1, e);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    plot.setDomainGridlinesVisible(false);
    plot.addRangeMarker(
        new ValueMarker(0, ChartStyle.AXIS, new BasicStroke(1.2f)), Layer.BACKGROUND);
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
    ChartStyle.apply(chart);
    double pad = max > min ? (max - min) * 0.06 : 1;
    value.setRange(new Range(min - pad, max + pad));
    return chart;
  }

  /**
   * A weighted histogram over [low, high] in {@code bins} equal bins (of log values with {@code
   * logX}), drawn as a density (bar areas sum to 1).
   */
  static JFreeChart histogram(
      String title,
      String xLabel,
      boolean logX,
      double[] x,
      double[] w,
      double low,
      double high,
      int bins,
      Color color) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYIntervalSeries s = new XYIntervalSeries("density", false, true);
    double lo = logX ? Math.log(low) : low;
    double hi = logX ? Math.log(high) : high;
    double width = (hi - lo) / bins;
    double[] mass = new double[bins];
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || (logX && x[i] <= 0)) continue;
      double v = logX ? Math.log(x[i]) : x[i];
      int b = (int) Math.floor((v - lo) / width);
      b = Math.min(Math.max(b, 0), bins - 1);
      mass[b] += w[i];
      total += w[i];
    }
    for (int b = 0; b < bins; b++) {
      double a = lo + b * width;
      double e = a + width;
      double x0 = logX ? Math.exp(a) : a;
      double x1 = logX ? Math.exp(e) : e;
      double h = total > 0 ? mass[b] / total / (x1 - x0) : 0;
      s.add((x0 + x1) / 2, x0, x1, h, 0, h);
    }
    data.addSeries(s);
    org.jfree.chart.renderer.xy.XYBarRenderer r = new org.jfree.chart.renderer.xy.XYBarRenderer();
    r.setShadowVisible(false);
    r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    r.setDrawBarOutline(true);
    r.setSeriesOutlinePaint(0, Color.WHITE);
    r.setSeriesPaint(0, color);
    ValueAxis xAxis = logX ? logAxis(xLabel) : numberAxis(xLabel, false);
    xAxis.setRange(low, high);
    NumberAxis yAxis = numberAxis("density", true);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
    ChartStyle.apply(chart);
    return chart;
  }

  /** A legend entry drawn as a marker of the given colour. */
  static LegendItem legendItem(String label, Color color, int shape) {
    LegendItem item = new LegendItem(label, null, null, null, shape(shape, 9), color);
    item.setLabelFont(ChartStyle.LEGEND);
    return item;
  }

  /**
   * Distinct marker shapes (circle, square, diamond, triangles) so that groups differ by more than
   * colour.
   */
  static Shape shape(int i, double size) {
    double h = size / 2;
    return switch (Math.floorMod(i, 5)) {
      case 0 -> new Ellipse2D.Double(-h, -h, size, size);
      case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
      case 2 ->
          polygon(new double[] {0, h * 1.2, 0, -h * 1.2}, new double[] {-h * 1.2, 0, h * 1.2, 0});
      case 3 ->
          polygon(new double[] {0, h * 1.1, -h * 1.1}, new double[] {-h * 1.1, h * 0.9, h * 0.9});
      default ->
          polygon(new double[] {0, h * 1.1, -h * 1.1}, new double[] {h * 1.1, -h * 0.9, -h * 0.9});
    };
  }

  private static Shape polygon(double[] xs, double[] ys) {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) p.lineTo(xs[i], ys[i]);
    p.closePath();
    return p;
  }

  static NumberAxis numberAxis(String label, boolean includeZero) {
    NumberAxis a = new SparseNumberAxis(label);
    a.setAutoRangeIncludesZero(includeZero);
    a.setAutoRangeStickyZero(true);
    return a;
  }

  /**
   * A log axis with ticks at whole decades (or every 2nd, 5th, 10th): 0.01, 0.1, 1 rather than
   * 0.0316.
   */
  static LogAxis logAxis(String label) {
    LogAxis a = new LogAxis(label);
    a.setSmallestValue(1e-12);
    TickUnits decades = new TickUnits();
    for (double d : new double[] {1, 2, 5, 10}) decades.add(new NumberTickUnit(d));
    a.setStandardTickUnits(decades);
    a.setLowerMargin(0.04);
    a.setUpperMargin(0.04);
    return a;
  }
}
