package govsim.scenario;

import java.math.BigDecimal;

/** Small text helpers for messages and tables: numbers as people write them, ranges, quoting. */
final class Text {
  private Text() {}

  private static final int MAX_SHOWN = 60;

  /**
   * A double as a person would write it: {@code 10} not {@code 10.0}, {@code 0.0001} not {@code
   * 1.0E-4}.
   */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    double a = Math.abs(d);
    if (a >= 1e-6 && a < 1e15) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return Double.toString(d);
  }

  /**
   * The allowed range of a number: {@code in [0, 10]}, {@code >= 0}, {@code <= 1}; empty when
   * unbounded.
   */
  static String range(double min, double max) {
    boolean hasMin = !Double.isInfinite(min);
    boolean hasMax = !Double.isInfinite(max);
    if (hasMin && hasMax) {
      return "in [" + number(min) + ", " + number(max) + "]";
    }
    if (hasMin) {
      return ">= " + number(min);
    }
    if (hasMax) {
      return "<= " + number(max);
    }
    return "";
  }

  /** Shortens long user text for messages, so a pasted paragraph does not flood the terminal. */
  static String shorten(String s) {
    String oneLine = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN - 3) + "...";
  }

  /** Single-quoted, shortened: {@code 'abc'}. */
  static String quote(String s) {
    return "'" + shorten(s) + "'";
  }

  /** English plural for counts in summaries: "1 error", "3 errors". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
