package govsim.experiment.sweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Experimental designs as points: a grid of values, or points of the unit hypercube [0, 1)^k that
 * {@link SweepParameter#at} maps to parameter values.
 *
 * <p>Random designs draw from the generator passed in (seeded from the sweep's master seed), so a
 * design is a pure function of the sweep file. The Sobol' sequence is deterministic.
 */
public final class Designs {
  private Designs() {}

  /**
   * Every combination of the parameters' grid values; the first parameter varies slowest (as in
   * nested loops written in file order). No parameters: one empty point.
   */
  public static List<Object[]> grid(List<SweepParameter> parameters) {
    List<List<Object>> levels = new ArrayList<>();
    for (SweepParameter p : parameters) levels.add(p.gridValues());
    List<Object[]> out = new ArrayList<>();
    int k = parameters.size();
    int[] index = new int[k];
    while (true) {
      Object[] point = new Object[k];
      for (int i = 0; i < k; i++) point[i] = levels.get(i).get(index[i]);
      out.add(point);
      int i = k - 1;
      while (i >= 0 && ++index[i] == levels.get(i).size()) {
        index[i] = 0;
        i--;
      }
      if (i < 0) return out;
    }
  }

  /**
   * n points drawn independently and uniformly from [0, 1)^k.
   *
   * @param n points, at least 1
   * @param k dimensions, at least 1
   * @param rng the generator (seeded by the caller)
   */
  public static double[][] random(int n, int k, RandomGenerator rng) {
    double[][] u = new double[n][k];
    for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) u[i][j] = rng.nextDouble();
    return u;
  }

  /**
   * A Latin hypercube of n points in [0, 1)^k (McKay, Beckman and Conover 1979): in every
   * dimension, each of the n strata [i/n, (i+1)/n) holds exactly one point, at a uniform position
   * within it; strata are paired across dimensions by independent random permutations.
   *
   * @param n points, at least 1
   * @param k dimensions, at least 1
   * @param rng the generator (seeded by the caller)
   */
  public static double[][] latinHypercube(int n, int k, RandomGenerator rng) {
    double[][] u = new double[n][k];
    int[] perm = new int[n];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) perm[i] = i;
      for (int i = n - 1; i > 0; i--) { // Fisher-Yates
        int r = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[r];
        perm[r] = t;
      }
      for (int i = 0; i < n; i++) u[i][j] = (perm[i] + rng.nextDouble()) / n;
    }
    return u;
  }

  /**
   * Points skipped at the start of the Sobol' sequence: the smallest power of two &gt;= n. The
   * sequence's balance properties hold for blocks of 2^m points that start at a multiple of 2^m, so
   * with n a power of two the design is exactly one such block (and the all-zero first point, which
   * sits on the boundary, is never used).
   */
  public static long sobolSkip(int n) {
    long p = 1;
    while (p < n) p <<= 1;
    return p;
  }

  /**
   * Saltelli's sampling scheme (Saltelli et al. 2010) on a Sobol' sequence of dimension 2k: base
   * row j of the sequence (after {@link #sobolSkip}) gives matrix A's row (first k coordinates) and
   * matrix B's row (last k). Points are returned in SALib's order: for each j, A_j, then AB_j^1 ...
   * AB_j^k (A_j with coordinate i taken from B_j), then B_j; n(k+2) points in all.
   *
   * @param n base rows N, at least 1
   * @param k parameters, at least 1 (2k at most 1000, the generator's limit)
   */
  public static double[][] saltelli(int n, int k) {
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
    sobol.skipTo((int) sobolSkip(n));
    double[][] out = new double[n * (k + 2)][];
    int row = 0;
    for (int j = 0; j < n; j++) {
      double[] x = sobol.nextVector();
      double[] a = new double[k];
      double[] b = new double[k];
      System.arraycopy(x, 0, a, 0, k);
      System.arraycopy(x, k, b, 0, k);
      out[row++] = a;
      for (int i = 0; i < k; i++) {
        double[] ab = a.clone();
        ab[i] = b[i];
        out[row++] = ab;
      }
      out[row++] = b;
    }
    return out;
  }

  /**
   * The Morris groups of the parameters, in order of first appearance: parameters with the same
   * {@code group} form one group, a parameter without one is a group of its own.
   *
   * @return for each group, the indices of its parameters (in file order)
   */
  public static List<List<Integer>> groups(List<SweepParameter> parameters) {
    java.util.Map<String, List<Integer>> byName = new java.util.LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      byName.computeIfAbsent(parameters.get(i).groupName(), n -> new ArrayList<>()).add(i);
    }
    return List.copyOf(byName.values());
  }

  /**
   * r Morris trajectories (Morris 1991; groups as in Campolongo, Cariboni and Saltelli 2007) in [0,
   * 1]^k on the grid {0, 1/(p-1), ..., 1} of p levels, with the step Delta = p/(2(p-1)).
   *
   * <p>Each trajectory has g+1 points for g groups. For each parameter f, a base level is drawn
   * uniformly from the p/2 levels {0, ..., p/2-1} (those from which +Delta stays in [0, 1]) and a
   * direction d_f = +1 or -1 (equally likely); the group order is a uniform random permutation. The
   * first point has every parameter at its base level (d_f = +1) or base + Delta (d_f = -1); point
   * i moves every parameter of the i-th group in the order by d_f Delta, and keeps it there. This
   * is the matrix form B* = J x* + (Delta/2)[(2B(GP*)^T - J)D* + J] of the papers, written out.
   * Draw order per trajectory: k base levels (nextInt), k directions (nextBoolean), then a
   * Fisher-Yates shuffle of the g groups.
   *
   * @param r trajectories, at least 1
   * @param groups the groups' parameter indices (see {@link #groups}); together they cover 0..k-1
   * @param k parameters
   * @param p levels, even and at least 2
   * @param rng the generator (seeded by the caller)
   * @return r(g+1) points, trajectory by trajectory; coordinates are exact multiples of 1/(p-1)
   */
  public static double[][] morris(
      int r, List<List<Integer>> groups, int k, int p, RandomGenerator rng) {
    if (p < 2 || p % 2 != 0)
      throw new IllegalArgumentException("morris levels must be even and >= 2, got " + p);
    int g = groups.size();
    int half = p / 2; // Delta in grid intervals
    double[][] out = new double[r * (g + 1)][];
    int[] level = new int[k];
    int[] dir = new int[k];
    int[] order = new int[g];
    int row = 0;
    for (int t = 0; t < r; t++) {
      for (int f = 0; f < k; f++) level[f] = rng.nextInt(half);
      for (int f = 0; f < k; f++) dir[f] = rng.nextBoolean() ? 1 : -1;
      for (int i = 0; i < g; i++) order[i] = i;
      for (int i = g - 1; i > 0; i--) { // Fisher-Yates
        int j = rng.nextInt(i + 1);
        int x = order[i];
        order[i] = order[j];
        order[j] = x;
      }
      int[] at = new int[k];
      for (int f = 0; f < k; f++) at[f] = dir[f] > 0 ? level[f] : level[f] + half;
      out[row++] = unit(at, p);
      for (int i = 0; i < g; i++) {
        for (int f : groups.get(order[i])) at[f] += dir[f] * half;
        out[row++] = unit(at, p);
      }
    }
    return out;
  }

  /** The Morris step in the unit interval: p/(2(p-1)). */
  public static double morrisDelta(int p) {
    return (p / 2) / (double) (p - 1);
  }

  private static double[] unit(int[] levels, int p) {
    double[] u = new double[levels.length];
    for (int f = 0; f < u.length; f++) u[f] = levels[f] / (double) (p - 1);
    return u;
  }
}
