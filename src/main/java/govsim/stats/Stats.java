package govsim.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Descriptive statistics and t-based confidence intervals over replications.
 *
 * <p>Every function that takes a sample drops NaN values first (a metric undefined in a run, such
 * as a governance gap when no risk was governed) and reports how many values it used. The interval
 * for the mean is the classical Student t interval {@code mean ± t(1-(1-level)/2, n-1) · sd /
 * sqrt(n)}, which assumes approximately normal sample means: reasonable for the sums and time means
 * that govsim summarises over 5 or more replications, and stated in every output that shows such an
 * interval.
 */
public final class Stats {
  private Stats() {}

  /** The confidence level used when none is given: 95%. */
  public static final double DEFAULT_LEVEL = 0.95;

  /** The values of {@code x} that are not NaN, in order (infinities are kept). */
  public static double[] dropNaN(double[] x) {
    int n = 0;
    for (double v : x) if (!Double.isNaN(v)) n++;
    if (n == x.length) return x.clone();
    double[] out = new double[n];
    int i = 0;
    for (double v : x) if (!Double.isNaN(v)) out[i++] = v;
    return out;
  }

  /**
   * Arithmetic mean of the non-NaN values; NaN if there are none. A constant sample's mean is that
   * constant exactly (a plain sum of three 0.1s divided by 3 is not 0.1).
   */
  public static double mean(double[] x) {
    double sum = 0;
    int n = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (Double.isNaN(v)) continue;
      sum += v;
      n++;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (n == 0) return Double.NaN;
    return min == max ? min : sum / n;
  }

  /**
   * Sample standard deviation (divisor n - 1) of the non-NaN values; NaN if fewer than two.
   * Two-pass (mean first); exactly 0 for a constant sample.
   */
  public static double sd(double[] x) {
    double m = mean(x);
    double ss = 0;
    int n = 0;
    boolean constant = true;
    for (double v : x) {
      if (Double.isNaN(v)) continue;
      double d = v - m;
      ss += d * d;
      constant &= v == m;
      n++;
    }
    if (n < 2) return Double.NaN;
    return constant ? 0.0 : Math.sqrt(ss / (n - 1));
  }

  /**
   * The two-sided Student t quantile {@code t(1 - (1 - level) / 2, df)}: the half-width of a {@code
   * level} interval in standard errors.
   *
   * @param df degrees of freedom, at least 1
   * @param level confidence level in (0, 1), e.g. 0.95
   * @throws IllegalArgumentException if df &lt; 1 or level is not in (0, 1)
   */
  public static double tCritical(int df, double level) {
    checkLevel(level);
    if (df < 1) throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
    return t(df).inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  /**
   * Mean, sd and the t interval of the mean at {@code level}, over the non-NaN values of {@code x}.
   * With one value the sd and interval are NaN; with none, everything is NaN and n = 0.
   *
   * @param x the sample (not modified)
   * @param level confidence level in (0, 1)
   */
  public static Estimate estimate(double[] x, double level) {
    checkLevel(level);
    double[] v = dropNaN(x);
    return fromMoments(v.length, mean(v), sd(v), level);
  }

  /** {@link #estimate(double[], double)} at 95%. */
  public static Estimate estimate(double[] x) {
    return estimate(x, DEFAULT_LEVEL);
  }

  /**
   * The estimate from a sample's size, mean and sd (for streaming accumulators).
   *
   * @param n number of values
   * @param mean their mean (ignored when n = 0)
   * @param sd their sample sd (ignored when n &lt; 2)
   * @param level confidence level in (0, 1)
   */
  public static Estimate fromMoments(int n, double mean, double sd, double level) {
    checkLevel(level);
    if (n == 0) return Estimate.EMPTY;
    if (n == 1) return new Estimate(mean, Double.NaN, Double.NaN, Double.NaN, 1);
    double half = halfWidth(sd, n, level);
    return new Estimate(mean, sd, mean - half, mean + half, n);
  }

  /** Half-width of the t interval; 0 for a constant sample (sd 0), even for huge t. */
  static double halfWidth(double sd, int n, double level) {
    if (sd == 0) return 0;
    return tCritical(n - 1, level) * sd / Math.sqrt(n);
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }

  /** A t distribution for quantiles and tail probabilities only: no generator is needed. */
  static TDistribution t(int df) {
    // Passing a null generator avoids commons-math seeding a Well19937c from the clock; this
    // object is never sampled from.
    return new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
  }

  /** A sorted copy of the non-NaN values (for percentiles). */
  static double[] sortedFinite(double[] x) {
    double[] v = dropNaN(x);
    Arrays.sort(v);
    return v;
  }

  /**
   * The {@code p}-quantile of a sorted sample by linear interpolation between order statistics
   * (type 7 of Hyndman and Fan, numpy's default), NaN for an empty sample.
   *
   * @param sorted values in ascending order, no NaN
   * @param p in [0, 1]
   */
  public static double quantile(double[] sorted, double p) {
    if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    if (sorted.length == 0) return Double.NaN;
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
