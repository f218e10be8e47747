package govsim.stats;

/**
 * Confidence intervals for the mean of a bounded quantity that stay within its bounds: the
 * t-interval is built on a transformed scale (delta method) and mapped back.
 *
 * <ul>
 *   <li>{@code logit} for a quantity in [a, b] (shares: [0, 1]): with {@code p = (mean - a) / (b -
 *       a)} and the standard error {@code se = sd / sqrt(n)}, the interval {@code logit(p) +/- t se
 *       / ((b - a) p (1 - p))} mapped back by {@code a + (b - a) expit(.)};
 *   <li>{@code log} for a quantity in [a, inf) (counts, amounts, days): {@code log(mean - a) +/- t
 *       se / (mean - a)}, mapped back by {@code a + exp(.)}; mirrored for (-inf, b];
 *   <li>{@code t} for an unbounded quantity: the plain t-interval {@code mean +/- t se}.
 * </ul>
 *
 * A mean on a bound can only come from values all on that bound: its interval is the point. The
 * back-transformed interval is asymmetric around the mean (narrower towards the bound) and, like
 * the t-interval, exact only asymptotically; it never leaves [a, b].
 */
public final class BoundedInterval {
  private BoundedInterval() {}

  /** The method names written into the outputs. */
  public static final String T = "t";

  public static final String LOGIT = "logit";
  public static final String LOG = "log";

  /** The method used for a quantity with these bounds. */
  public static String method(double min, double max) {
    boolean lo = Double.isFinite(min);
    boolean hi = Double.isFinite(max);
    if (lo && hi) return LOGIT;
    if (lo || hi) return LOG;
    return T;
  }

  /**
   * The estimate with its interval on the scale its bounds call for; mean, sd and n unchanged. With
   * n &lt; 2 the interval is NaN, as for the t-interval.
   */
  public static Estimate of(Estimate e, double min, double max, double level) {
    if (e.n() < 2 || Double.isNaN(e.sd())) return e;
    String method = method(min, max);
    if (method.equals(T)) return e;
    double m = e.mean();
    double se = e.sd() / Math.sqrt(e.n());
    if (se == 0) return new Estimate(m, e.sd(), m, m, e.n());
    double t = Stats.tCritical(e.n() - 1, level);
    double lo;
    double hi;
    if (method.equals(LOGIT)) {
      double w = max - min;
      double p = (m - min) / w;
      if (p <= 0 || p >= 1) return new Estimate(m, e.sd(), m, m, e.n());
      double centre = Math.log(p / (1 - p));
      double half = t * se / (w * p * (1 - p));
      lo = min + w * expit(centre - half);
      hi = min + w * expit(centre + half);
    } else if (Double.isFinite(min)) {
      double d = m - min;
      if (d <= 0) return new Estimate(m, e.sd(), m, m, e.n());
      double half = t * se / d;
      lo = min + d * Math.exp(-half);
      hi = min + d * Math.exp(half);
    } else {
      double d = max - m;
      if (d <= 0) return new Estimate(m, e.sd(), m, m, e.n());
      double half = t * se / d;
      lo = max - d * Math.exp(half);
      hi = max - d * Math.exp(-half);
    }
    return new Estimate(m, e.sd(), lo, hi, e.n());
  }

  private static double expit(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
}
