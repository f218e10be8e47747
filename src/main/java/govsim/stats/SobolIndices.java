package govsim.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Variance-based sensitivity indices from a Saltelli design: first-order (Saltelli et al. 2010, eq.
 * (b) of table 2) and total-order (Jansen 1999) Sobol indices of each input, with bootstrap
 * percentile intervals.
 *
 * <p>The design has N base rows. For row j, {@code yA[j]} is the output at row j of matrix A,
 * {@code yB[j]} at row j of matrix B, and {@code yAB[i][j]} at row j of A with column i taken from
 * B. With {@code V} the variance (divisor N) of all 2N outputs of A and B:
 *
 * <pre>
 *   S1_i = mean_j( yB[j] * (yAB[i][j] - yA[j]) ) / V
 *   ST_i = mean_j( (yA[j] - yAB[i][j])^2 ) / (2 V)
 * </pre>
 *
 * These are the estimators of SALib's {@code sobol.analyze} (without second order), so its users
 * can check govsim's numbers. Rows with any NaN output are dropped (and {@code n} says how many
 * rows were used). Intervals: rows are resampled with replacement {@code resamples} times and the
 * (1-level)/2 and 1-(1-level)/2 percentiles of the resampled indices are reported.
 */
public final class SobolIndices {
  private SobolIndices() {}

  /**
   * The indices of one input.
   *
   * @param parameter index of the input (column of the design)
   * @param firstOrder S1: share of output variance explained by this input alone
   * @param firstLow lower end of S1's bootstrap interval
   * @param firstHigh upper end of S1's bootstrap interval
   * @param total ST: share of variance involving this input, interactions included
   * @param totalLow lower end of ST's bootstrap interval
   * @param totalHigh upper end of ST's bootstrap interval
   * @param n base rows used (rows with a NaN output are dropped)
   */
  public record Index(
      int parameter,
      double firstOrder,
      double firstLow,
      double firstHigh,
      double total,
      double totalLow,
      double totalHigh,
      int n) {}

  /**
   * Estimates the indices of every input.
   *
   * @param yA outputs at the rows of A (length N)
   * @param yB outputs at the rows of B (length N)
   * @param yAB {@code yAB[i]}: outputs at the rows of A with column i from B (k arrays of length N)
   * @param resamples bootstrap resamples, at least 0 (0: no intervals, they are NaN)
   * @param level interval level in (0, 1), e.g. 0.95
   * @param rng the generator for the bootstrap draws (the caller seeds it, so results are
   *     reproducible); unused when resamples is 0
   * @return one index per input, in input order; all NaN when fewer than 2 rows are usable or the
   *     outputs do not vary
   * @throws IllegalArgumentException if the arrays' lengths disagree
   */
  public static List<Index> estimate(
      double[] yA, double[] yB, double[][] yAB, int resamples, double level, RandomGenerator rng) {
    int n = yA.length;
    if (yB.length != n) throw new IllegalArgumentException("yA and yB differ in length");
    for (double[] col : yAB) {
      if (col.length != n)
        throw new IllegalArgumentException("yAB columns must have the length of yA");
    }
    if (resamples < 0) throw new IllegalArgumentException("resamples must be >= 0");
    Stats.checkLevel(level);
    int k = yAB.length;
    // Keep complete rows only.
    int[] rows = new int[n];
    int m = 0;
    for (int j = 0; j < n; j++) {
      boolean ok = !Double.isNaN(yA[j]) && !Double.isNaN(yB[j]);
      for (int i = 0; i < k && ok; i++) ok = !Double.isNaN(yAB[i][j]);
      if (ok) rows[m++] = j;
    }
    List<Index> out = new ArrayList<>(k);
    double[][] s1 = new double[k][resamples];
    double[][] st = new double[k][resamples];
    double[] point1 = new double[k];
    double[] pointT = new double[k];
    int[] sample = new int[m];
    System.arraycopy(rows, 0, sample, 0, m);
    compute(yA, yB, yAB, sample, point1, pointT);
    double[] b1 = new double[k];
    double[] bT = new double[k];
    for (int r = 0; r < resamples && m >= 2; r++) {
      for (int j = 0; j < m; j++) sample[j] = rows[rng.nextInt(m)];
      compute(yA, yB, yAB, sample, b1, bT);
      for (int i = 0; i < k; i++) {
        s1[i][r] = b1[i];
        st[i][r] = bT[i];
      }
    }
    double lo = (1 - level) / 2;
    double hi = 1 - lo;
    for (int i = 0; i < k; i++) {
      double[] s1Sorted = resamples == 0 || m < 2 ? new double[0] : Stats.sortedFinite(s1[i]);
      double[] stSorted = resamples == 0 || m < 2 ? new double[0] : Stats.sortedFinite(st[i]);
      boolean usable = m >= 2;
      out.add(
          new Index(
              i,
              usable ? point1[i] : Double.NaN,
              Stats.quantile(s1Sorted, lo),
              Stats.quantile(s1Sorted, hi),
              usable ? pointT[i] : Double.NaN,
              Stats.quantile(stSorted, lo),
              Stats.quantile(stSorted, hi),
              m));
    }
    return out;
  }

  /** Point estimates over the given rows (with repetition) into s1 and st; NaN if V is 0. */
  private static void compute(
      double[] yA, double[] yB, double[][] yAB, int[] rows, double[] s1, double[] st) {
    int m = rows.length;
    int k = yAB.length;
    double sum = 0;
    for (int j : rows) sum += yA[j] + yB[j];
    double mean = sum / (2.0 * m);
    double ss = 0;
    for (int j : rows) {
      double a = yA[j] - mean;
      double b = yB[j] - mean;
      ss += a * a + b * b;
    }
    double v = ss / (2.0 * m);
    for (int i = 0; i < k; i++) {
      double first = 0;
      double total = 0;
      double[] ab = yAB[i];
      for (int j : rows) {
        first += yB[j] * (ab[j] - yA[j]);
        double d = yA[j] - ab[j];
        total += d * d;
      }
      s1[i] = v > 0 ? first / m / v : Double.NaN;
      st[i] = v > 0 ? total / m / (2 * v) : Double.NaN;
    }
  }
}
