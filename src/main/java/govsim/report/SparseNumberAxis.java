package govsim.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.ui.RectangleEdge;

/**
 * A number axis with few, round ticks. JFreeChart 1.0.x packs ticks as tightly as the labels allow,
 * which at paper font sizes gives a tick every 0.05 on a 0–1 axis; this one keeps at least 55
 * points between ticks on a vertical axis and 90 (or the label width and a half) on a horizontal
 * one, with steps of 1, 2 or 5 times a power of ten, and labels with as many decimals as the step
 * needs (0.05, 0.10, 0.15; 1,000, 2,000).
 */
final class SparseNumberAxis extends NumberAxis {
  private static final long serialVersionUID = 1L;
  private static final double MIN_GAP_VERTICAL = 50;
  private static final double MIN_GAP_HORIZONTAL = 65;

  /** Print sizes: panels of 2 to 3.5 in, where screen gaps would leave two or three ticks. */
  static final double PRINT_GAP_VERTICAL = 35;

  static final double PRINT_GAP_HORIZONTAL = 45;

  private double gapVertical = MIN_GAP_VERTICAL;
  private double gapHorizontal = MIN_GAP_HORIZONTAL;

  /** Sets the least gaps between ticks, in points (vertical axis, horizontal axis). */
  void setMinGaps(double vertical, double horizontal) {
    this.gapVertical = vertical;
    this.gapHorizontal = horizontal;
  }

  SparseNumberAxis(String label) {
    super(label);
  }

  @Override
  protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
    boolean vertical = RectangleEdge.isLeftOrRight(edge);
    double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
    double span = getRange().getLength();
    if (!(span > 0) || !(length > 0) || Double.isInfinite(span)) {
      super.selectAutoTickUnit(g2, dataArea, edge);
      return;
    }
    double unit = niceAtLeast(span * (vertical ? gapVertical : gapHorizontal) / length);
    for (int guard = 0; guard < 30; guard++) {
      NumberFormat f = format(unit);
      if (vertical) break;
      double widest =
          Math.max(
              width(g2, f, getRange().getLowerBound()), width(g2, f, getRange().getUpperBound()));
      if (length * unit / span >= widest * 1.5) break;
      unit = niceAtLeast(unit * 1.01);
    }
    // At least two labelled ticks inside the range, or the axis cannot be read.
    while (ticksInside(unit) < 2 && unit > span * 1e-6) unit = niceBelow(unit);
    setTickUnit(new NumberTickUnit(unit, format(unit)), false, false);
  }

  private int ticksInside(double unit) {
    return (int)
            (Math.floor(getRange().getUpperBound() / unit + 1e-9)
                - Math.ceil(getRange().getLowerBound() / unit - 1e-9))
        + 1;
  }

  /** The next smaller step of the 1-2-5 sequence (x is one of its steps). */
  static double niceBelow(double x) {
    double mag = Math.pow(10, Math.floor(Math.log10(x) + 1e-9));
    double m = x / mag;
    return m > 4.5 ? 2 * mag : m > 1.5 ? mag : 0.5 * mag;
  }

  private double width(Graphics2D g2, NumberFormat f, double v) {
    return g2.getFontMetrics(getTickLabelFont()).stringWidth(f.format(v));
  }

  /** The smallest 1, 2 or 5 times a power of ten that is at least x. */
  static double niceAtLeast(double x) {
    double mag = Math.pow(10, Math.floor(Math.log10(x)));
    double n = x / mag;
    double nice = n <= 1 + 1e-9 ? 1 : n <= 2 + 1e-9 ? 2 : n <= 5 + 1e-9 ? 5 : 10;
    return nice * mag;
  }

  /**
   * Labels with the decimals the step needs and thousands grouped; steps of 100,000 and more in
   * millions ("1.5M": "1,500,000" is too wide for a panel), beyond 10^11 scientific.
   */
  static NumberFormat format(double unit) {
    DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
    if (unit >= 1e11) return new DecimalFormat("0.##E0", sym);
    if (unit >= 1e5) {
      DecimalFormat f = new DecimalFormat("#,##0.#M", sym);
      return new Millions(f);
    }
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(unit) - 1e-9));
    if (decimals > 8) return new DecimalFormat("0.##E0", sym);
    return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), sym);
  }

  /** A format that shows values in millions with an "M" suffix. */
  static final class Millions extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final DecimalFormat inner;

    Millions(DecimalFormat inner) {
      this.inner = inner;
    }

    @Override
    public StringBuffer format(
        double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
      if (Math.abs(number) < 1e-6) return toAppendTo.append('0');
      return inner.format(number / 1e6, toAppendTo, pos);
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
      return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, java.text.ParsePosition parsePosition) {
      Number n = inner.parse(source, parsePosition);
      return n == null ? null : n.doubleValue() * 1e6;
    }
  }
}
