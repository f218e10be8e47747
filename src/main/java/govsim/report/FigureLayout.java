package govsim.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.Range;
import org.jfree.ui.HorizontalAlignment;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.util.ShapeUtilities;

/**
 * Lays a figure out as {@link FigureOptions} ask, just before it is drawn: its width, fonts and
 * panels per row for the size; one legend for the whole figure where its panels would repeat
 * theirs; shared or free axes for panels that show the same quantity; and, without titles, the
 * panels lettered (a), (b), ... with their titles moved into the caption. The data drawn are not
 * touched (the figure's CSV is the same whatever the options). Changes the figure's charts in
 * place: a figure is laid out once.
 */
final class FigureLayout {
  private FigureLayout() {}

  /** Share of the figure's width a shared colour bar takes (centred below the panels). */
  static final double COLOUR_BAR_WIDTH = 0.6;

  /** The figure laid out for the options. */
  static Figure prepare(Figure f, FigureOptions o) {
    List<JFreeChart> panels = f.panels();
    boolean print = o.size() != FigureOptions.Size.SCREEN;
    ChartStyle.Fonts fonts = print ? ChartStyle.PRINT : ChartStyle.SCREEN;
    if (print) for (JFreeChart c : panels) restyle(c, fonts);
    String caption = f.caption() + axes(f, o.axes());
    if (!o.titles()) caption = untitle(panels, caption, fonts);

    int ownRows = (panels.size() + f.columns() - 1) / f.columns();
    double ownPanelW = (double) f.width() / f.columns();
    double ownPanelH = (double) (f.height() - f.legendHeight()) / ownRows;
    int columns = o.size().maxColumns(f.columns());
    int rows = (panels.size() + columns - 1) / columns;
    int width = print ? o.size().width() : f.width();
    int gridHeight =
        print
            ? (int) Math.round(rows * ownPanelH * (width / (double) columns) / ownPanelW)
            : f.height() - f.legendHeight();

    if (o.size() == FigureOptions.Size.SINGLE && panels.size() == 1)
      // One chart in one column: 3.5 x 2.6 in (4:3) rather than 8:5, which leaves a plot too
      // short for its axis label at 8-9 pt.
      gridHeight = Math.max(gridHeight, (int) Math.round(width * 0.75));
    Title legend = f.legend() != null ? f.legend() : sharedLegend(panels, fonts);
    for (JFreeChart c : panels) centreOwnLegend(c, fonts);
    int legendHeight = legend == null ? 0 : measure(legend, width);
    if (print) fitAxisLabels(panels, width / (double) columns, (double) gridHeight / rows);
    return new Figure(
        f.id(),
        f.title(),
        caption,
        panels,
        columns,
        width,
        gridHeight + legendHeight,
        f.common(),
        legend,
        legendHeight);
  }

  // ---- fonts ------------------------------------------------------------------------------

  /**
   * Sets every text of a chart to the fonts of a print size, and its number axes' ticks closer
   * (panels 2 to 3.5 in wide).
   */
  static void restyle(JFreeChart c, ChartStyle.Fonts f) {
    if (c.getTitle() != null) c.getTitle().setFont(f.title());
    for (int i = 0; i < c.getSubtitleCount(); i++) {
      Title t = c.getSubtitle(i);
      if (t instanceof LegendTitle l) l.setItemFont(f.legend());
      else if (t instanceof PaintScaleLegend s) axisFonts(s.getAxis(), f);
      else if (t instanceof TextTitle x) x.setFont(f.subtitle());
    }
    Plot p = c.getPlot();
    p.setNoDataMessageFont(f.axisLabel());
    if (!(p instanceof XYPlot xy)) return;
    for (int i = 0; i < xy.getDomainAxisCount(); i++) axisFonts(xy.getDomainAxis(i), f);
    for (int i = 0; i < xy.getRangeAxisCount(); i++) axisFonts(xy.getRangeAxis(i), f);
    for (Object a : xy.getAnnotations())
      if (a instanceof XYTextAnnotation t) t.setFont(f.annotation());
    for (int i = 0; i < xy.getRendererCount(); i++) {
      XYItemRenderer r = xy.getRenderer(i);
      if (r == null) continue;
      r.setBaseItemLabelFont(f.annotation());
      int series = xy.getDataset(i) == null ? 0 : xy.getDataset(i).getSeriesCount();
      for (int s = 0; s < series; s++)
        if (r.getSeriesItemLabelFont(s) != null) r.setSeriesItemLabelFont(s, f.annotation());
    }
    LegendItemCollection fixed = xy.getFixedLegendItems();
    if (fixed != null)
      for (int i = 0; i < fixed.getItemCount(); i++) fixed.get(i).setLabelFont(f.legend());
  }

  private static void axisFonts(org.jfree.chart.axis.Axis a, ChartStyle.Fonts f) {
    if (a == null) return;
    a.setLabelFont(f.axisLabel());
    a.setTickLabelFont(f.tick());
    if (a instanceof SparseNumberAxis s)
      s.setMinGaps(SparseNumberAxis.PRINT_GAP_VERTICAL, SparseNumberAxis.PRINT_GAP_HORIZONTAL);
  }

  /**
   * At print sizes, an axis label longer than its axis (which JFreeChart would draw beyond the
   * panel) is shortened to what its parentheses say, the unit ("Cumulative harm (per 1,000 users)"
   * becomes "per 1,000 users"): the panel's title or the caption names the quantity. The axes'
   * lengths are those of a trial drawing of each panel at its size.
   */
  static void fitAxisLabels(List<JFreeChart> panels, double w, double h) {
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      for (JFreeChart c : panels) {
        if (!(c.getPlot() instanceof XYPlot xy)) continue;
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        c.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        boolean vertical = xy.getOrientation() == org.jfree.chart.plot.PlotOrientation.VERTICAL;
        fit(g, xy.getDomainAxis(), vertical ? area.getWidth() : area.getHeight());
        fit(g, xy.getRangeAxis(), vertical ? area.getHeight() : area.getWidth());
      }
    } finally {
      g.dispose();
    }
  }

  private static final java.util.regex.Pattern UNIT =
      java.util.regex.Pattern.compile("^(.+?) \\((.+)\\)(.*)$");

  private static void fit(Graphics2D g, ValueAxis a, double length) {
    if (a == null || a.getLabel() == null) return;
    String label = a.getLabel();
    double text = a.getLabelFont().getStringBounds(label, g.getFontRenderContext()).getWidth();
    if (text <= length * 1.1) return;
    java.util.regex.Matcher m = UNIT.matcher(label);
    if (m.matches()) a.setLabel(m.group(2) + m.group(3));
  }

  // ---- one legend per figure --------------------------------------------------------------

  /**
   * One legend for a figure of several panels, taken out of the panels: a colour bar when every
   * panel has the same one (heat maps on a shared scale), else the union of the panels' legend
   * entries in order of appearance. Null (the panels keep their own) for a single panel, or when
   * two panels use one label for different looks, which one legend could not tell apart.
   */
  static Title sharedLegend(List<JFreeChart> panels, ChartStyle.Fonts fonts) {
    if (panels.size() < 2) return null;
    PaintScaleLegend bar = sharedColourBar(panels);
    if (bar != null) return bar;
    Map<String, LegendItem> items = new LinkedHashMap<>();
    List<JFreeChart> withLegend = new ArrayList<>();
    for (JFreeChart c : panels) {
      if (c.getLegend() == null) continue;
      withLegend.add(c);
      LegendItemCollection own = c.getPlot().getLegendItems();
      for (int i = 0; i < own.getItemCount(); i++) {
        LegendItem item = own.get(i);
        LegendItem seen = items.putIfAbsent(item.getLabel(), item);
        if (seen != null && !sameLook(seen, item)) return null;
      }
    }
    if (withLegend.isEmpty()) return null;
    // Each panel's own legend goes (an empty one too: it draws nothing but takes room).
    for (JFreeChart c : withLegend) c.removeLegend();
    if (items.isEmpty()) return null;
    LegendItemCollection merged = new LegendItemCollection();
    for (LegendItem item : items.values()) {
      if (item.getLabelFont() != null) item.setLabelFont(fonts.legend());
      merged.add(item);
    }
    LegendItemSource source = () -> merged;
    LegendTitle legend = centred(source, fonts);
    legend.setPadding(new RectangleInsets(2, 4, 6, 4));
    return legend;
  }

  /** A legend below a plot whose rows, when it wraps, are centred (not at the left). */
  static LegendTitle centred(LegendItemSource source, ChartStyle.Fonts fonts) {
    LegendTitle legend =
        new LegendTitle(
            source, new CenteredFlow(LEGEND_GAP, 2), new org.jfree.chart.block.ColumnArrangement());
    legend.setItemFont(fonts.legend());
    legend.setItemPaint(ChartStyle.TEXT);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(java.awt.Color.WHITE);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setPadding(new RectangleInsets(6, 4, 0, 4));
    return legend;
  }

  /** Points between a legend's entries. */
  static final double LEGEND_GAP = 6;

  /** Replaces a chart's own legend (if any) by a {@link #centred} one with the same entries. */
  static void centreOwnLegend(JFreeChart c, ChartStyle.Fonts fonts) {
    LegendTitle old = c.getLegend();
    if (old == null) return;
    int index = 0;
    for (int i = 0; i < c.getSubtitleCount(); i++) if (c.getSubtitle(i) == old) index = i;
    c.removeSubtitle(old);
    c.addSubtitle(index, centred(c.getPlot(), fonts));
  }

  /** The panels' one colour bar (taken out of them), if every panel has the same. */
  private static PaintScaleLegend sharedColourBar(List<JFreeChart> panels) {
    List<PaintScaleLegend> bars = new ArrayList<>();
    for (JFreeChart c : panels) {
      for (int i = 0; i < c.getSubtitleCount(); i++)
        if (c.getSubtitle(i) instanceof PaintScaleLegend s) bars.add(s);
    }
    if (bars.size() != panels.size()) return null;
    PaintScaleLegend first = bars.get(0);
    for (PaintScaleLegend b : bars) {
      if (b.getScale().getLowerBound() != first.getScale().getLowerBound()
          || b.getScale().getUpperBound() != first.getScale().getUpperBound()
          || !Objects.equals(b.getAxis().getLabel(), first.getAxis().getLabel())) return null;
    }
    for (int i = 0; i < panels.size(); i++) panels.get(i).removeSubtitle(bars.get(i));
    first.setPosition(RectangleEdge.BOTTOM);
    first.setMargin(new RectangleInsets(4, 0, 6, 0));
    return first;
  }

  private static boolean sameLook(LegendItem a, LegendItem b) {
    return Objects.equals(a.getFillPaint(), b.getFillPaint())
        && Objects.equals(a.getLinePaint(), b.getLinePaint())
        && Objects.equals(a.getLineStroke(), b.getLineStroke())
        && a.isShapeVisible() == b.isShapeVisible()
        && a.isLineVisible() == b.isLineVisible()
        && ShapeUtilities.equal(a.getShape(), b.getShape());
  }

  /** Where a figure's legend is drawn: the band below the panels (a colour bar, its middle). */
  static Rectangle2D legendArea(Figure f) {
    double top = f.height() - f.legendHeight();
    if (f.legend() instanceof PaintScaleLegend) {
      double w = f.width() * COLOUR_BAR_WIDTH;
      return new Rectangle2D.Double((f.width() - w) / 2, top, w, f.legendHeight());
    }
    return new Rectangle2D.Double(0, top, f.width(), f.legendHeight());
  }

  /** The height a legend needs below panels of the given total width. */
  private static int measure(Title legend, int width) {
    double w = legend instanceof PaintScaleLegend ? width * COLOUR_BAR_WIDTH : width;
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      return (int) Math.ceil(legend.arrange(g, constraint(w, 1e4)).getHeight());
    } finally {
      g.dispose();
    }
  }

  /** Up to w wide and h high, as JFreeChart arranges a chart's own titles. */
  static RectangleConstraint constraint(double w, double h) {
    return new RectangleConstraint(
        w,
        new Range(0, w),
        LengthConstraintType.RANGE,
        h,
        new Range(0, h),
        LengthConstraintType.RANGE);
  }

  /**
   * Arranges the figure's legend and draws it centred in its band (JFreeChart's flow layout leaves
   * a legend narrower than its band at the band's left).
   */
  static void drawLegend(Graphics2D g, Figure f) {
    Rectangle2D band = legendArea(f);
    org.jfree.ui.Size2D size = f.legend().arrange(g, constraint(band.getWidth(), band.getHeight()));
    double w = Math.min(size.getWidth(), band.getWidth());
    f.legend()
        .draw(
            g,
            new Rectangle2D.Double(
                band.getX() + (band.getWidth() - w) / 2, band.getY(), w, band.getHeight()));
  }

  // ---- shared or free axes ----------------------------------------------------------------

  /**
   * Shares the common axis of a figure whose panels show the same quantity, or leaves each panel
   * its own, by the options' rule; returns the sentence the caption gets ("" for other figures).
   */
  static String axes(Figure f, FigureOptions.Axes mode) {
    if (f.common() == Figure.Common.NONE || f.panels().size() < 2) return "";
    List<ValueAxis> axes = new ArrayList<>();
    for (JFreeChart c : f.panels()) {
      if (!(c.getPlot() instanceof XYPlot xy)) return "";
      axes.add(f.common() == Figure.Common.Y ? xy.getRangeAxis() : xy.getDomainAxis());
    }
    Range union = null;
    double smallest = Double.POSITIVE_INFINITY;
    for (ValueAxis a : axes) {
      Range r = a.getRange();
      union = union == null ? r : Range.combine(union, r);
      smallest = Math.min(smallest, r.getLength());
    }
    double ratio = smallest > 0 ? union.getLength() / smallest : Double.POSITIVE_INFINITY;
    boolean share =
        mode == FigureOptions.Axes.SHARED
            || (mode == FigureOptions.Axes.AUTO && ratio <= FigureOptions.FREE_AXES_RATIO);
    String which = f.common() == Figure.Common.Y ? "vertical" : "value";
    String rule =
        " (the union of the panels' ranges is "
            + String.format(java.util.Locale.ROOT, "%.2f", ratio)
            + "\u00d7 the smallest panel's; shared up to "
            + Numbers.format(FigureOptions.FREE_AXES_RATIO)
            + "\u00d7)";
    if (share) {
      for (ValueAxis a : axes) a.setRange(union);
      return " The panels share their "
          + which
          + " axis"
          + (mode == FigureOptions.Axes.AUTO ? rule : "")
          + ".";
    }
    return " Each panel has its own "
        + which
        + " axis"
        + (mode == FigureOptions.Axes.AUTO ? rule : "")
        + ": compare values across panels by their tick labels.";
  }

  // ---- no titles --------------------------------------------------------------------------

  /**
   * Takes the titles out of the figure: a single chart's title goes (the caption says what it is);
   * the panels of several are lettered (a), (b), ... and the caption names them.
   */
  static String untitle(List<JFreeChart> panels, String caption, ChartStyle.Fonts fonts) {
    if (panels.size() == 1) {
      panels.get(0).setTitle((TextTitle) null);
      return caption;
    }
    List<String> named = new ArrayList<>();
    for (int i = 0; i < panels.size(); i++) {
      JFreeChart c = panels.get(i);
      String letter = "(" + (char) ('a' + Math.min(i, 25)) + ")";
      String old = c.getTitle() == null ? "" : c.getTitle().getText();
      if (!old.isEmpty()) named.add(letter + " " + old);
      TextTitle t = new TextTitle(letter, fonts.title());
      t.setPaint(ChartStyle.TEXT);
      t.setHorizontalAlignment(HorizontalAlignment.LEFT);
      t.setPadding(new RectangleInsets(2, 4, 4, 4));
      c.setTitle(t);
    }
    if (named.isEmpty()) return caption;
    return caption + " Panels: " + String.join("; ", named) + ".";
  }
}
