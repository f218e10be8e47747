package govsim.observe;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one number format of every output file: ten significant digits, no trailing zeros, plain
 * notation, empty for undefined (NaN). Exact decimal rounding through BigDecimal makes the text the
 * same on every JVM (Double.toString changed between Java 17 and 19), so same-seed outputs are
 * byte-identical across Java versions too.
 */
public final class Num {
  private Num() {}

  private static final MathContext TEN = new MathContext(10, RoundingMode.HALF_EVEN);

  public static String format(double x) {
    if (Double.isNaN(x)) return "";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
    BigDecimal d = new BigDecimal(x).round(TEN).stripTrailingZeros();
    double mag = Math.abs(x);
    return mag >= 1e-6 && mag < 1e15 ? d.toPlainString() : d.toString();
  }
}
