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

  /**
   * Equal ends (compared as {@link Double#compare} does, as a record's generated equals would).
   * Written out because the generated one is linked at its first call through {@code
   * java.lang.runtime.ObjectMethods}, which spins method-handle classes that the class-data-sharing
   * archive cannot hold: the metric catalogue's one comparison at class initialisation cost a fresh
   * {@code govsim run} about 45 ms of its start-up (class loading log: 0.400 to 0.446 s).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Bounds b
        && Double.compare(min, b.min) == 0
        && Double.compare(max, b.max) == 0;
  }

  /** Consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return 31 * Double.hashCode(min) + Double.hashCode(max);
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
