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

  /** Preferred size of one chart: three side by side span the network window. */
  static final int CHART_WIDTH = 310;

  static final int CHART_HEIGHT = 250;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final String NO_DATA = "press Play (or Step) to run";

  /** One plotted line: a metric column and its label. */
  private record Line(int column, XYSeries series) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<JFreeChart> charts = new ArrayList<>();
  private final int dayColumn = DAY.column();

  public MetricCharts() {
    super(new GridLayout(2, 3, 4, 4));
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
    return panel;
  }

  /** Appends recorded rows (in order) to every line; NaN values (not yet defined) are skipped. */
  public void append(List<double[]> rows) {
    if (rows.isEmpty()) return;
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
    for (Line l : lines) l.series().clear();
  }

  /** Points on the line of a column (for tests). */
  int points(StepMetric metric) {
    int c = metric.column();
    for (Line l : lines) if (l.column() == c) return l.series().getItemCount();
    return -1;
  }
}
