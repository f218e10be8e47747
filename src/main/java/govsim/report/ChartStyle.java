package govsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;

/**
 * One look for every chart. Figures are drawn in logical points at 100 per inch (the PNG has twice
 * the pixels and is tagged 200 dpi), so a font of f points prints at 0.72 f typographic points when
 * the figure is placed at its tagged size. At screen size ({@link #SCREEN}) a single chart is 800 x
 * 500 (8 x 5 in): tick labels 12 (8.6 pt in print), axis labels 14 (10 pt), legend 13 (9.4 pt),
 * titles 17 (12 pt). The print sizes of {@link FigureOptions.Size} (3.5 and 7.2 in wide) use {@link
 * #PRINT}, which prints every text at 8 to 9 pt at that width. White background, light grid, no
 * frames, legend below the plot, sans-serif fonts (the JVM's logical "SansSerif", which maps to
 * DejaVu Sans on Linux and to "sans-serif" in SVG).
 */
final class ChartStyle {
  private ChartStyle() {}

  static final String FAMILY = Font.SANS_SERIF;
  static final Font TITLE = new Font(FAMILY, Font.BOLD, 17);
  static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 13);
  static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 14);
  static final Font TICK = new Font(FAMILY, Font.PLAIN, 12);
  static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 13);
  static final Font ANNOTATION = new Font(FAMILY, Font.PLAIN, 12);

  /** The fonts of one figure size. */
  record Fonts(
      Font title, Font subtitle, Font axisLabel, Font tick, Font legend, Font annotation) {}

  /** The fonts the charts are built with (screen size). */
  static final Fonts SCREEN = new Fonts(TITLE, SUBTITLE, AXIS_LABEL, TICK, LEGEND, ANNOTATION);

  /**
   * Print sizes: titles 12.5 (9.0 pt), axis labels and legend 12 (8.6 pt), ticks 11.5 (8.3 pt),
   * cell and point labels 11.2 (8.1 pt).
   */
  static final Fonts PRINT =
      new Fonts(
          TITLE.deriveFont(12.5f),
          SUBTITLE.deriveFont(12f),
          AXIS_LABEL.deriveFont(12f),
          TICK.deriveFont(11.5f),
          LEGEND.deriveFont(12f),
          ANNOTATION.deriveFont(11.2f));

  static final Color TEXT = new Color(0x222222);
  static final Color AXIS = new Color(0x555555);
  static final Color GRID = new Color(0xDDDDDD);
  static final float LINE_WIDTH = 2.2f;

  /** Applies the house style to a chart made by {@link Plots}. */
  static void apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 8, 8, 22));
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setFont(TITLE);
      title.setPaint(TEXT);
      title.setPadding(new RectangleInsets(2, 4, 8, 4));
    }
    for (int i = 0; i < chart.getSubtitleCount(); i++) style(chart.getSubtitle(i));
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setNoDataMessage("no defined values");
    plot.setNoDataMessageFont(AXIS_LABEL);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(new BasicStroke(0.8f));
      xy.setRangeGridlineStroke(new BasicStroke(0.8f));
      xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
      for (int i = 0; i < xy.getDomainAxisCount(); i++) axis(xy.getDomainAxis(i));
      for (int i = 0; i < xy.getRangeAxisCount(); i++) axis(xy.getRangeAxis(i));
    }
  }

  private static void style(Title t) {
    if (t instanceof LegendTitle legend) {
      legend.setItemFont(LEGEND);
      legend.setItemPaint(TEXT);
      legend.setFrame(BlockBorder.NONE);
      legend.setBackgroundPaint(Color.WHITE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setPadding(new RectangleInsets(6, 4, 0, 4));
    } else if (t instanceof PaintScaleLegend scale) {
      scale.setBackgroundPaint(Color.WHITE);
      axis(scale.getAxis());
    } else if (t instanceof TextTitle text) {
      text.setFont(SUBTITLE);
      text.setPaint(TEXT);
    }
  }

  static void axis(Axis a) {
    if (a == null) return;
    a.setLabelFont(AXIS_LABEL);
    a.setLabelPaint(TEXT);
    a.setTickLabelFont(TICK);
    a.setTickLabelPaint(TEXT);
    a.setAxisLinePaint(AXIS);
    a.setTickMarkPaint(AXIS);
    a.setLabelInsets(new RectangleInsets(4, 4, 4, 4));
    if (a instanceof LogAxis log) log.setNumberFormatOverride(ticks());
  }

  /**
   * Log-axis tick labels (0.01, 0.1, 1, 10, 1,000): plain numbers rather than JFreeChart's 10^-2.
   */
  static NumberFormat ticks() {
    return new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /** Makes a value axis start at 0 and end at 1 (for shares), with a little room. */
  static void share(ValueAxis a) {
    a.setRange(-0.02, 1.02);
  }
}
