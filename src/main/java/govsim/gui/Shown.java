package govsim.gui;

import java.util.Locale;

/**
 * How the inspectors show numbers: rounded to what a reader can use, with the unit, and with words
 * where a value is undefined ("never", "none") instead of NaN. Pure functions, tested by hand.
 */
final class Shown {
  private Shown() {}

  /** A share in [0, 1] as a percentage with one decimal: 0.1234 as "12.3 %"; NaN as {@code none}. */
  static String percent(double share, String none) {
    if (Double.isNaN(share)) return none;
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  /** A number with three significant digits (at least the integer part): 0.73847 as "0.738". */
  static String number(double x) {
    if (Double.isNaN(x)) return "undefined";
    if (Double.isInfinite(x)) return x > 0 ? "infinite" : "-infinite";
    double a = Math.abs(x);
    if (a >= 100 || x == Math.rint(x)) return String.format(Locale.ROOT, "%,.0f", x);
    if (a >= 10) return String.format(Locale.ROOT, "%.1f", x);
    if (a >= 1) return String.format(Locale.ROOT, "%.2f", x);
    if (a == 0) return "0";
    return String.format(Locale.ROOT, "%.3g", x);
  }

  /** A number and its unit: "0.738 currency/step". */
  static String number(double x, String unit) {
    return Double.isNaN(x) ? "undefined" : number(x) + " " + unit;
  }

  /** A day of the run (possibly fractional) as "day 57" or "day 4, 23:00"; NaN as {@code none}. */
  static String day(double day, String none) {
    if (Double.isNaN(day)) return none;
    return DayClock.format(day);
  }

  /** A count with its noun, singular or plural: "1 user", "12,345 users". */
  static String count(long n, String singular, String plural) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
  }
}
