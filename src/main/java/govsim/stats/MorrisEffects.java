package govsim.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Morris screening (Morris 1991; mu* from Campolongo, Cariboni and Saltelli 2007): elementary
 * effects of each input (or group of inputs) along one-at-a-time trajectories, summarised as mu
 * (mean effect), mu* (mean absolute effect) and sigma (standard deviation of the effects), with
 * bootstrap percentile intervals.
 *
 * <p>The design is r trajectories of g+1 points in [0, 1]^k; consecutive points of a trajectory
 * differ in the inputs of exactly one group, each by +-Delta. The elementary effect of that step is
 * {@code EE = (y_after - y_before) / Delta}, with the sign flipped when the group's first input
 * moved down, so it is a difference quotient in units of the output per unit of the input's range
 * (the unit interval). For a linear output {@code y = sum a_i x_i} with {@code x_i = min_i + u_i
 * (max_i - min_i)}, every EE of input i is exactly {@code a_i (max_i - min_i)}: mu = mu* = that and
 * sigma = 0.
 *
 * <p>Conventions as in SALib's {@code morris.analyze}: sigma has divisor n-1; steps with a NaN
 * output are dropped (n says how many effects remain). For a group of several inputs only mu* is
 * meaningful (its inputs may move in opposite directions), so mu and sigma are NaN. Intervals: the
 * n effects are resampled with replacement {@code resamples} times and the (1-level)/2 and
 * 1-(1-level)/2 percentiles of each resampled statistic are reported (SALib reports a normal
 * half-width for mu* only; percentiles are what govsim's Sobol intervals use).
 */
public final class MorrisEffects {
  private MorrisEffects() {}

  /**
   * The effects of one group (an input, when groups are single inputs).
   *
   * @param group index of the group
   * @param n elementary effects used (steps with a NaN output are dropped)
   * @param mu mean of the effects (NaN for a group of several inputs)
   * @param muLow lower end of mu's bootstrap interval
   * @param muHigh upper end of mu's bootstrap interval
   * @param muStar mean of the absolute effects
   * @param muStarLow lower end of mu*'s bootstrap interval
   * @param muStarHigh upper end of mu*'s bootstrap interval
   * @param sigma standard deviation of the effects, divisor n-1 (NaN for n &lt; 2 or a group of
   *     several inputs)
   * @param sigmaLow lower end of sigma's bootstrap interval
   * @param sigmaHigh upper end of sigma's bootstrap interval
   */
  public record Effect(
      int group,
      int n,
      double mu,
      double muLow,
      double muHigh,
      double muStar,
      double muStarLow,
      double muStarHigh,
      double sigma,
      double sigmaLow,
      double sigmaHigh) {}

  /**
   * Estimates the effects of every group.
   *
   * @param unit the design points in [0, 1]^k, trajectory by trajectory (g+1 points each)
   * @param y the output at each point (NaN: undefined)
   * @param groups for each group, the indices of its inputs (together covering 0..k-1)
   * @param delta the step Delta
   * @param resamples bootstrap resamples, at least 0 (0: intervals are NaN)
   * @param level interval level in (0, 1)
   * @param rng the generator for the bootstrap draws (seeded by the caller)
   * @return one effect per group, in group order
   * @throws IllegalArgumentException if the design is not made of such trajectories
   */
  public static List<Effect> estimate(
      double[][] unit,
      double[] y,
      List<List<Integer>> groups,
      double delta,
      int resamples,
      double level,
      RandomGenerator rng) {
    int g = groups.size();
    if (g == 0) throw new IllegalArgumentException("no groups");
    if (unit.length != y.length)
      throw new IllegalArgumentException("design and outputs differ in length");
    if (unit.length % (g + 1) != 0) {
      throw new IllegalArgumentException(
          unit.length + " points are not whole trajectories of " + (g + 1));
    }
    if (resamples < 0) throw new IllegalArgumentException("resamples must be >= 0");
    Stats.checkLevel(level);
    int k = unit.length == 0 ? 0 : unit[0].length;
    int[] groupOf = new int[k];
    java.util.Arrays.fill(groupOf, -1);
    for (int c = 0; c < g; c++) for (int f : groups.get(c)) groupOf[f] = c;
    int r = unit.length / (g + 1);
    double[][] ee = new double[g][r];
    int[] count = new int[g];
    for (int t = 0; t < r; t++) {
      for (int i = 1; i <= g; i++) {
        int a = t * (g + 1) + i - 1;
        int b = a + 1;
        int moved = -1;
        double step = 0;
        for (int f = 0; f < k; f++) {
          if (unit[b][f] != unit[a][f]) { // the first changed input is its group's first member
            moved = groupOf[f];
            step = unit[b][f] - unit[a][f];
            break;
          }
        }
        if (moved < 0)
          throw new IllegalArgumentException("points " + a + " and " + b + " do not differ");
        double e = (y[b] - y[a]) / delta;
        if (step < 0) e = -e;
        if (!Double.isNaN(e)) ee[moved][count[moved]++] = e;
      }
    }
    double lo = (1 - level) / 2;
    double hi = 1 - lo;
    List<Effect> out = new ArrayList<>(g);
    double[] stat = new double[3];
    double[] bs = new double[3];
    for (int c = 0; c < g; c++) {
      int n = count[c];
      boolean single = groups.get(c).size() == 1;
      double[] x = java.util.Arrays.copyOf(ee[c], n);
      compute(x, stat);
      double[][] boot = new double[3][n == 0 ? 0 : resamples];
      double[] sample = new double[n];
      for (int s = 0; s < boot[0].length; s++) {
        for (int j = 0; j < n; j++) sample[j] = x[rng.nextInt(n)];
        compute(sample, bs);
        for (int q = 0; q < 3; q++) boot[q][s] = bs[q];
      }
      double[][] sorted = new double[3][];
      for (int q = 0; q < 3; q++) sorted[q] = Stats.sortedFinite(boot[q]);
      double nan = Double.NaN;
      out.add(
          new Effect(
              c,
              n,
              single ? stat[0] : nan,
              single ? Stats.quantile(sorted[0], lo) : nan,
              single ? Stats.quantile(sorted[0], hi) : nan,
              stat[1],
              Stats.quantile(sorted[1], lo),
              Stats.quantile(sorted[1], hi),
              single ? stat[2] : nan,
              single ? Stats.quantile(sorted[2], lo) : nan,
              single ? Stats.quantile(sorted[2], hi) : nan));
    }
    return out;
  }

  /** mu, mu* and sigma (divisor n-1) of x into out; NaN where undefined. */
  private static void compute(double[] x, double[] out) {
    int n = x.length;
    if (n == 0) {
      out[0] = out[1] = out[2] = Double.NaN;
      return;
    }
    double sum = 0;
    double abs = 0;
    for (double v : x) {
      sum += v;
      abs += Math.abs(v);
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    out[0] = mean;
    out[1] = abs / n;
    out[2] = n >= 2 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
  }
}
