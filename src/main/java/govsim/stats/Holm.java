package govsim.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of p-values for multiple tests (Holm 1979): it controls the
 * family-wise error rate (the chance of one or more false rejections among all tests) at the chosen
 * level without assuming the tests are independent, and is uniformly more powerful than Bonferroni.
 *
 * <p>With the m defined p-values sorted ascending, {@code p_(1) <= ... <= p_(m)}, the adjusted
 * value of the i-th smallest is {@code max over j <= i of min(1, (m - j + 1) p_(j))}. Rejecting
 * where the adjusted value is at most alpha is Holm's procedure at alpha.
 */
public final class Holm {
  private Holm() {}

  /**
   * Adjusted p-values in the input's order. NaN entries (tests that could not be made) stay NaN and
   * do not count in the family size m. Ties keep their input order (the result is the same).
   */
  public static double[] adjust(double[] p) {
    Integer[] order =
        java.util.stream.IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .toArray(Integer[]::new);
    for (int i : order) {
      if (p[i] < 0 || p[i] > 1)
        throw new IllegalArgumentException("p-value " + p[i] + " at " + i + " is not in [0, 1]");
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    int m = order.length;
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    double running = 0;
    for (int k = 0; k < m; k++) {
      running = Math.max(running, Math.min(1.0, (m - k) * p[order[k]]));
      out[order[k]] = running;
    }
    return out;
  }
}
