package govsim.gui;

import static govsim.observe.Metrics.*;

import govsim.observe.StepMetric;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Live time-series charts of the run's headline metrics (harm, compliance and coverage, trust,
 * concentration, the governance gap, market and communities), drawn with JFreeChart 1.0.19
 * directly. They are fed the recorder's rows ({@link govsim.observe.Metrics#STEP_METRICS}), the
 * same rows {@code govsim run} writes to timeseries.csv, so the GUI shows exactly what a run
 * records.
 *
 * <p>Why not MASON's TimeSeriesChartGenerator: it makes one window per chart, each with a large
 * settings pane, and its axes are shared by all series of a chart; six small charts in one window
 * read better and compose into one screenshot. Each line is labelled with its metric's title and
 * each axis with the first line's unit, from the metric catalogue.
 *
 * <p>Swing thread only.
 */
public final class MetricCharts extends JPanel {
  private static final long serialVersionUID = 1L;

  /** Okabe-Ito colours: distinguishable with common colour blindness. */
  private static final Color[] LINE = {
    new Color(0, 114, 178),
    new Color(213, 94, 0),
    new Color(0, 158, 115),
    new Color(204, 121, 167),
    new Color(230, 159, 0),
    new Color(86, 180, 233)
  };

  /** Preferred size of one chart: two side by side, three above each other, beside the network. */
  static final int CHART_WIDTH = 218;

  static final int CHART_HEIGHT = 236;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final String NO_DATA = "press Play (or Step) to run";

  /** One plotted line: a metric column and its label. */
  private record Line(int column, XYSeries series) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<JFreeChart> charts = new ArrayList<>();

  /** The metrics of each chart, in chart order (for the CSV export). */
  private final List<StepMetric[]> chartMetrics = new ArrayList<>();

  /** Every recorded row of the run so far (what the CSV export writes). */
  private final List<double[]> rows = new ArrayList<>();

  private final int dayColumn = DAY.column();

  public MetricCharts() {
    super(new GridLayout(3, 2, 4, 4));
    setBackground(Color.WHITE);
    add(
        chart(
            "Harm (cumulative)",
            false,
            NO_DATA,
            HARM_TOTAL_CUM,
            HARM_SEVERE_CUM,
            HARM_MALICIOUS_CUM));
    add(
        chart(
            "Compliance and rule coverage",
            true,
            NO_DATA,
            COMPLIANCE_RATE,
            COVERAGE_REGULATOR,
            COVERAGE_COMMUNITY));
    add(chart("Trust", true, NO_DATA, TRUST_MEAN, REPUTATION_MEAN));
    add(chart("Market concentration", false, NO_DATA, HHI));
    add(
        chart(
            "Governance gap",
            false,
            "no risk has had an effective rule or standard yet",
            GOVERNANCE_GAP_DAYS_MEAN));
    add(chart("Market and communities", false, NO_DATA, ACTIVE_FIRMS, COMMUNITIES, PRACTICE_FIRMS));
  }

  private ChartPanel chart(String title, boolean unitRange, String noData, StepMetric... metrics) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (StepMetric m : metrics) {
      XYSeries s = new XYSeries(m.doc().title(), false, true);
      data.addSeries(s);
      lines.add(new Line(m.column(), s));
    }
    String yLabel = metrics[0].doc().unit();
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, DAY.doc().unit(), yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(TITLE);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(SMALL);
    legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(215, 215, 215));
    plot.setRangeGridlinePaint(new Color(215, 215, 215));
    plot.setOutlineVisible(false);
    plot.setNoDataMessage(noData);
    plot.setNoDataMessageFont(SMALL);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, LINE[i % LINE.length]);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    for (NumberAxis a : new NumberAxis[] {x, y}) {
      a.setLabelFont(SMALL);
      a.setTickLabelFont(SMALL);
    }
    x.setAutoRangeIncludesZero(true);
    y.setAutoRangeIncludesZero(true);
    if (unitRange) y.setRange(0, 1.02);
    charts.add(chart);
    chartMetrics.add(metrics.clone());
    int index = charts.size() - 1;
    ChartPanel panel =
        new ChartPanel(
            chart,
            CHART_WIDTH,
            CHART_HEIGHT,
            200,
            120,
            2000,
            1400,
            true,
            true,
            true,
            true,
            true,
            false);
    panel.setMouseWheelEnabled(false);
    javax.swing.JPopupMenu popup = panel.getPopupMenu();
    if (popup != null) {
      popup.addSeparator();
      popup.add(exportItem("Export data as CSV...", "csv", index));
      popup.add(exportItem("Save chart as SVG...", "svg", index));
      popup.add(exportItem("Save chart as PNG...", "png", index));
    }
    panel.setToolTipText("Right-click: export this chart's data (CSV) or the chart (SVG, PNG)");
    return panel;
  }

  private javax.swing.JMenuItem exportItem(String text, String kind, int index) {
    javax.swing.JMenuItem item = new javax.swing.JMenuItem(text);
    item.addActionListener(
        e -> {
          javax.swing.JFileChooser chooser = new javax.swing.JFileChooser(new java.io.File("."));
          chooser.setDialogTitle(text.replace("...", ""));
          chooser.setSelectedFile(new java.io.File(fileName(index) + "." + kind));
          if (chooser.showSaveDialog(this) != javax.swing.JFileChooser.APPROVE_OPTION) return;
          java.nio.file.Path target = chooser.getSelectedFile().toPath();
          try {
            if (java.nio.file.Files.exists(target)
                && javax.swing.JOptionPane.showConfirmDialog(
                        this,
                        target + " exists. Replace it?",
                        "Replace file",
                        javax.swing.JOptionPane.YES_NO_OPTION)
                    != javax.swing.JOptionPane.YES_OPTION) return;
            export(index, kind, target);
          } catch (java.io.IOException | RuntimeException ex) {
            javax.swing.JOptionPane.showMessageDialog(
                this,
                "Cannot write " + target + ": " + ex.getMessage(),
                "Export failed",
                javax.swing.JOptionPane.ERROR_MESSAGE);
          }
        });
    return item;
  }

  /** Number of charts. */
  int chartCount() {
    return charts.size();
  }

  /** A file name for chart {@code index}: its title in lower case with hyphens. */
  String fileName(int index) {
    return charts
        .get(index)
        .getTitle()
        .getText()
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
  }

  /**
   * Writes chart {@code index} to {@code target}: {@code kind} "csv" (its lines' data: one row per
   * recorded step, the day and each metric, as timeseries.csv writes them; undefined values are
   * empty cells), "svg" or "png" (the chart at its size on screen, PNG at twice the pixels).
   */
  void export(int index, String kind, java.nio.file.Path target) throws java.io.IOException {
    switch (kind) {
      case "csv" -> govsim.io.OutputFolder.writeAtomically(target, csv(index));
      case "svg" ->
          govsim.io.OutputFolder.writeAtomically(
              target, ChartSvg.svg(charts.get(index), width(index), height(index)));
      case "png" -> {
        java.awt.image.BufferedImage img =
            charts
                .get(index)
                .createBufferedImage(
                    2 * width(index), 2 * height(index), width(index), height(index), null);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", bytes);
        java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        java.nio.file.Files.write(tmp, bytes.toByteArray());
        java.nio.file.Files.move(
            tmp,
            target,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      default -> throw new IllegalArgumentException("unknown export " + kind);
    }
  }

  private int width(int index) {
    java.awt.Component c = getComponentCount() > index ? getComponent(index) : null;
    return c != null && c.getWidth() > 0 ? c.getWidth() : CHART_WIDTH;
  }

  private int height(int index) {
    java.awt.Component c = getComponentCount() > index ? getComponent(index) : null;
    return c != null && c.getHeight() > 0 ? c.getHeight() : CHART_HEIGHT;
  }

  /** The CSV text of chart {@code index}'s data (see {@link #export}). */
  String csv(int index) {
    StepMetric[] metrics = chartMetrics.get(index);
    StringBuilder sb = new StringBuilder("day");
    for (StepMetric m : metrics) sb.append(',').append(m.doc().name());
    sb.append('\n');
    for (double[] row : rows) {
      sb.append(govsim.observe.Num.format(row[dayColumn]));
      for (StepMetric m : metrics) {
        double v = row[m.column()];
        sb.append(',');
        if (!Double.isNaN(v)) sb.append(govsim.observe.Num.format(v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Appends recorded rows (in order) to every line; NaN values (not yet defined) are skipped. */
  public void append(List<double[]> rows) {
    if (rows.isEmpty()) return;
    this.rows.addAll(rows);
    for (Line l : lines) {
      for (double[] row : rows) {
        double v = row[l.column()];
        if (!Double.isNaN(v)) l.series().add(row[dayColumn], v, false);
      }
      l.series().fireSeriesChanged();
    }
  }

  /** Empties every line (a new run starts). */
  public void clear() {
    rows.clear();
    for (Line l : lines) l.series().clear();
  }

  /** Points on the line of a column (for tests). */
  int points(StepMetric metric) {
    int c = metric.column();
    for (Line l : lines) if (l.column() == c) return l.series().getItemCount();
    return -1;
  }
}
