package govsim.experiment.explain;

import govsim.stats.Estimate;
import govsim.stats.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Shapley values of a stochastic cooperative game observed over replications: item i's share of the
 * difference v(all items) - v(no item), where v(S) is a metric's value in the scenario with the
 * items of S switched to the "to" side. Every coalition is observed on the same replications
 * (common random numbers), so each replication r has its own game v_r and its own Shapley values
 * phi_i,r; they sum exactly to v_r(all) - v_r(none) (efficiency).
 *
 * <ul>
 *   <li><b>Exact</b> (k items, 2^k coalitions): phi_i,r = sum over S without i of |S|!(k-|S|-1)!/k!
 *       (v_r(S + i) - v_r(S)).
 *   <li><b>Sampled</b> (M permutations, Castro, Gomez and Tejada 2009): for each permutation the
 *       items join one after another and item i gets its marginal contribution when it joins;
 *       phi_i,r is the mean over the permutations. The same M permutations serve every replication.
 * </ul>
 *
 * The estimate of phi_i is the mean of phi_i,r over the replications with every needed coalition
 * defined (n of them); its interval is a Student t-interval over those replications. For sampled
 * values the permutation sampling error, se_perm = sd over permutations of (the permutation's
 * marginal contribution averaged over the replications) / sqrt(M), is common to all replications
 * (they share the permutations), so the t-interval of the replications does not contain it; the
 * interval is then mean +- t(n-1) sqrt(se_seed^2 + se_perm^2), se_seed = sd_r(phi_i,r)/sqrt(n).
 */
public final class Shapley {
  private Shapley() {}

  /** The most items a coalition can name (coalitions are bit masks of a long). */
  public static final int MAX_ITEMS = 62;

  /**
   * One item's Shapley value.
   *
   * @param estimate mean over replications, sd of the per-replication values, interval, n
   * @param samplingSe the permutation sampling standard error (NaN for exact values)
   */
  public record Value(Estimate estimate, double samplingSe) {
    public double shapley() {
      return estimate.mean();
    }
  }

  /**
   * The decomposition.
   *
   * @param items per item, in item order
   * @param total v(all) - v(none): mean, interval and n over the same replications (a paired
   *     difference)
   * @param from v(none) over those replications
   * @param to v(all) over those replications
   * @param used which replications were used (every needed coalition defined)
   */
  public record Result(
      List<Value> items, Estimate total, Estimate from, Estimate to, boolean[] used) {}

  /** Coalition weights |S|!(k-|S|-1)!/k! by |S| = 0..k-1. */
  static double[] weights(int k) {
    double[] w = new double[k];
    for (int s = 0; s < k; s++) {
      // s!(k-s-1)!/k! = 1 / (k * C(k-1, s)), computed without factorials.
      double c = 1;
      for (int j = 1; j <= s; j++) c = c * (k - j) / j;
      w[s] = 1 / (k * c);
    }
    return w;
  }

  /** Every coalition of k items (bit masks 0 .. 2^k - 1). */
  public static long[] allCoalitions(int k) {
    long[] out = new long[1 << k];
    for (int i = 0; i < out.length; i++) out[i] = i;
    return out;
  }

  /** The coalitions the permutations pass through: the empty set, and each prefix, in order. */
  public static long[] coalitionsOf(int k, int[][] permutations) {
    java.util.LinkedHashSet<Long> seen = new java.util.LinkedHashSet<>();
    seen.add(0L);
    for (int[] p : permutations) {
      long mask = 0;
      for (int i : p) {
        mask |= 1L << i;
        seen.add(mask);
      }
    }
    seen.add((1L << k) - 1);
    long[] out = new long[seen.size()];
    int j = 0;
    for (long m : seen) out[j++] = m;
    return out;
  }

  /**
   * Exact Shapley values.
   *
   * @param k items, 1 to 16
   * @param v the value of every replication for a coalition (bit mask); NaN where undefined
   * @param reps replications
   * @param level confidence level in (0, 1)
   */
  public static Result exact(int k, LongFunction<double[]> v, int reps, double level) {
    if (k < 1 || k > 16)
      throw new IllegalArgumentException("exact Shapley values need 1 to 16 items, got " + k);
    int n = 1 << k;
    double[][] values = new double[n][];
    for (int m = 0; m < n; m++) values[m] = v.apply(m);
    boolean[] used = new boolean[reps];
    for (int r = 0; r < reps; r++) {
      used[r] = true;
      for (int m = 0; m < n; m++) if (Double.isNaN(values[m][r])) used[r] = false;
    }
    double[] w = weights(k);
    double[][] phi = new double[k][reps];
    for (int i = 0; i < k; i++) {
      long bit = 1L << i;
      for (int r = 0; r < reps; r++) {
        if (!used[r]) {
          phi[i][r] = Double.NaN;
          continue;
        }
        double sum = 0;
        for (int m = 0; m < n; m++) {
          if ((m & bit) != 0) continue;
          sum += w[Long.bitCount(m)] * (values[(int) (m | bit)][r] - values[m][r]);
        }
        phi[i][r] = sum;
      }
    }
    List<Value> items = new ArrayList<>();
    for (int i = 0; i < k; i++) items.add(new Value(Stats.estimate(phi[i], level), Double.NaN));
    return finish(items, values[0], values[n - 1], used, level);
  }

  /**
   * Shapley values estimated from permutations.
   *
   * @param k items, 1 to {@link #MAX_ITEMS}
   * @param permutations M orderings of 0..k-1
   * @param v the value of every replication for a coalition (bit mask) that the permutations pass
   *     through ({@link #coalitionsOf}); NaN where undefined
   */
  public static Result sampled(
      int k, int[][] permutations, LongFunction<double[]> v, int reps, double level) {
    if (k < 1 || k > MAX_ITEMS)
      throw new IllegalArgumentException(
          "Shapley values need 1 to " + MAX_ITEMS + " items, got " + k);
    int mCount = permutations.length;
    if (mCount < 2)
      throw new IllegalArgumentException("sampled Shapley values need at least 2 permutations");
    java.util.HashMap<Long, double[]> cache = new java.util.HashMap<>();
    LongFunction<double[]> val = m -> cache.computeIfAbsent(m, v::apply);
    boolean[] used = new boolean[reps];
    Arrays.fill(used, true);
    for (long m : coalitionsOf(k, permutations)) {
      double[] x = val.apply(m);
      for (int r = 0; r < reps; r++) if (Double.isNaN(x[r])) used[r] = false;
    }
    // delta[i][p][r]: item i's marginal contribution in permutation p, replication r.
    double[][][] delta = new double[k][mCount][reps];
    for (int p = 0; p < mCount; p++) {
      int[] perm = permutations[p];
      if (perm.length != k)
        throw new IllegalArgumentException(
            "permutation " + p + " has " + perm.length + " items, not " + k);
      long mask = 0;
      double[] before = val.apply(0);
      for (int i : perm) {
        mask |= 1L << i;
        double[] after = val.apply(mask);
        for (int r = 0; r < reps; r++) delta[i][p][r] = used[r] ? after[r] - before[r] : Double.NaN;
        before = after;
      }
    }
    int nUsed = 0;
    for (boolean u : used) if (u) nUsed++;
    List<Value> items = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double[] perRep = new double[reps];
      for (int r = 0; r < reps; r++) {
        if (!used[r]) {
          perRep[r] = Double.NaN;
          continue;
        }
        double s = 0;
        for (int p = 0; p < mCount; p++) s += delta[i][p][r];
        perRep[r] = s / mCount;
      }
      double[] perPerm = new double[mCount];
      for (int p = 0; p < mCount; p++) {
        double s = 0;
        for (int r = 0; r < reps; r++) if (used[r]) s += delta[i][p][r];
        perPerm[p] = nUsed == 0 ? Double.NaN : s / nUsed;
      }
      double sePerm = Stats.sd(perPerm) / Math.sqrt(mCount);
      Estimate seed = Stats.estimate(perRep, level);
      Estimate e = seed;
      if (seed.n() >= 2) {
        double seSeed = seed.sd() / Math.sqrt(seed.n());
        double half =
            Stats.tCritical(seed.n() - 1, level) * Math.sqrt(seSeed * seSeed + sePerm * sePerm);
        e = new Estimate(seed.mean(), seed.sd(), seed.mean() - half, seed.mean() + half, seed.n());
      }
      items.add(new Value(e, nUsed == 0 ? Double.NaN : sePerm));
    }
    return finish(items, val.apply(0), val.apply((1L << k) - 1), used, level);
  }

  private static Result finish(
      List<Value> items, double[] none, double[] all, boolean[] used, double level) {
    int reps = used.length;
    double[] d = new double[reps];
    double[] a = new double[reps];
    double[] b = new double[reps];
    for (int r = 0; r < reps; r++) {
      d[r] = used[r] ? all[r] - none[r] : Double.NaN;
      a[r] = used[r] ? none[r] : Double.NaN;
      b[r] = used[r] ? all[r] : Double.NaN;
    }
    return new Result(
        List.copyOf(items),
        Stats.estimate(d, level),
        Stats.estimate(a, level),
        Stats.estimate(b, level),
        used);
  }

  /**
   * M uniformly random permutations of 0..k-1 (Fisher-Yates), drawn from a generator seeded by the
   * caller.
   */
  public static int[][] permutations(
      int k, int count, org.apache.commons.math3.random.RandomGenerator rng) {
    int[][] out = new int[count][];
    for (int p = 0; p < count; p++) {
      int[] x = new int[k];
      for (int i = 0; i < k; i++) x[i] = i;
      for (int i = k - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = x[i];
        x[i] = x[j];
        x[j] = t;
      }
      out[p] = x;
    }
    return out;
  }
}
