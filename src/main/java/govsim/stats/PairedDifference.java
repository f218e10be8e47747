package govsim.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The paired comparison of two regimes (or any two treatments) over the same seeds: the mean of the
 * differences {@code a_i - b_i} with its t interval and the two-sided p-value of the paired t-test
 * of "no mean difference".
 *
 * <p>Why paired: with common random numbers, replication i of every regime uses the same seed, so
 * the draws that do not depend on the regime (each process has its own stream) are shared by a_i
 * and b_i and partly cancel in {@code a_i - b_i}; the interval is narrower than comparing two
 * independent means where that makes the outcomes move together (docs/validation.md measures by how
 * much, metric by metric).
 *
 * @param meanDiff mean of a_i - b_i over the pairs used
 * @param sd sample sd of the differences (divisor n - 1)
 * @param ciLow lower end of the t interval for the mean difference
 * @param ciHigh upper end of that interval
 * @param pValue two-sided p-value of the paired t-test, {@code t = meanDiff / (sd / sqrt(n))} with
 *     n - 1 degrees of freedom; when every difference is the same (sd 0) it is 1 if that difference
 *     is 0 and 0 otherwise; NaN when n &lt; 2
 * @param n number of pairs used: pairs where either value is NaN are dropped
 */
public record PairedDifference(
    double meanDiff, double sd, double ciLow, double ciHigh, double pValue, int n) {

  /**
   * Compares {@code a} with {@code b} pair by pair (index i of each array is one seed).
   *
   * @param a values of the first treatment, one per seed
   * @param b values of the second treatment, same seeds in the same order
   * @param level confidence level in (0, 1), e.g. 0.95
   * @throws IllegalArgumentException if the arrays differ in length or level is not in (0, 1)
   */
  public static PairedDifference of(double[] a, double[] b, double level) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "paired samples differ in length: " + a.length + " vs " + b.length);
    }
    Stats.checkLevel(level);
    int n = 0;
    for (int i = 0; i < a.length; i++) if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) n++;
    double[] d = new double[n];
    int j = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) d[j++] = a[i] - b[i];
    }
    Estimate e = Stats.estimate(d, level);
    return new PairedDifference(e.mean(), e.sd(), e.ciLow(), e.ciHigh(), pValue(e), n);
  }

  private static double pValue(Estimate e) {
    if (e.n() < 2 || Double.isNaN(e.mean())) return Double.NaN;
    if (e.sd() == 0) return e.mean() == 0 ? 1.0 : 0.0;
    double t = e.mean() / (e.sd() / Math.sqrt(e.n()));
    TDistribution dist = Stats.t(e.n() - 1);
    // The lower tail at -|t| keeps precision for large |t| (1 - cdf would round to 0 early).
    return Math.min(1.0, 2 * dist.cumulativeProbability(-Math.abs(t)));
  }
}
