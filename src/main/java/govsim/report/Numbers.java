package govsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as a reader of a report wants them: four significant digits (the CSV files keep ten),
 * plain notation between 0.001 and a million, scientific outside, "n/a" for undefined. Exact
 * decimal rounding, so that the text is the same on every JVM.
 */
final class Numbers {
  private Numbers() {}

  private static final MathContext FOUR = new MathContext(4, RoundingMode.HALF_EVEN);

  static String format(double x) {
    if (Double.isNaN(x)) return "n/a";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return "0";
    double a = Math.abs(x);
    if (a >= 1e6 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", x);
    return new BigDecimal(x).round(FOUR).stripTrailingZeros().toPlainString();
  }

  /** {@code mean [low, high]}; the mean alone without an interval; n/a when undefined. */
  static String interval(double mean, double low, double high) {
    if (Double.isNaN(mean)) return "n/a";
    if (Double.isNaN(low) || Double.isNaN(high)) return format(mean);
    // No-break space inside the brackets: a narrow table cell wraps before the interval, not inside
    // it.
    return format(mean) + " [" + format(low) + ",\u00a0" + format(high) + "]";
  }

  /** A confidence level as a percentage: 0.95 → "95", 0.995 → "99.5". */
  static String percent(double level) {
    if (Double.isNaN(level)) return "95";
    return new BigDecimal(Double.toString(level * 100))
        .round(new MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
