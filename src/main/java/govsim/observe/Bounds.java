package govsim.observe;

/**
 * The range a metric's defined values lie in, ends included (a share is [0, 1], a count [0, inf)).
 * Metric tests check every value they compute against it.
 *
 * @param min smallest possible value (may be -inf)
 * @param max largest possible value (may be +inf)
 */
public record Bounds(double min, double max) {
  public static final Bounds SHARE = new Bounds(0, 1);
  public static final Bounds NON_NEGATIVE = new Bounds(0, Double.POSITIVE_INFINITY);
  public static final Bounds ANY = new Bounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  public Bounds {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("bounds need min <= max, got [" + min + ", " + max + "]");
    }
  }

  public boolean contains(double x) {
    return x >= min && x <= max;
  }

  /** "[0, 1]", "[0, inf)", "(-inf, inf)". */
  public String text() {
    return (Double.isInfinite(min) ? "(-inf" : "[" + Num.format(min))
        + ", "
        + (Double.isInfinite(max) ? "inf)" : Num.format(max) + "]");
  }
}
