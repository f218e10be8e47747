package govsim.experiment.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Beta;

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery (Bryant and
 * Lempert 2010): a sequence of boxes (a lower and an upper bound on every input) that trade
 * coverage of the cases of interest for density.
 *
 * <p>Peeling: from the box holding every case, each step considers, for every input, removing the
 * cases of the box below its alpha-quantile or above its (1 - alpha)-quantile (at least one case,
 * and all cases tied with the cut, so whole numbers and repeated values peel cleanly), and keeps
 * the candidate with the largest gain in density per case removed, (density_new - density_old) /
 * (n_old - n_new) (ties: the larger box, then the first input, lower before upper). That is EMA
 * Workbench's default objective ("lenient1") rather than Friedman and Fisher's density alone: a
 * peel of a discrete input can remove far more than alpha of the box, and judged by density alone
 * such a coarse peel wins by chance and costs coverage. Peeling stops when no candidate keeps at
 * least {@code minMass} of all cases. Pasting: from the last peeled box, each step considers, for
 * every input and side, moving that bound out over the nearest m = max(1, floor(alpha n_box))
 * distinct values of the input among the cases outside the bound and inside the other bounds, and
 * keeps the candidate with the highest density if it is at least the box's density; pasting stops
 * when none is. The trajectory is every peeled box, then every pasted one.
 *
 * <p>Bounds are inclusive and are values of the data (never between them), so a box says exactly
 * which cases it holds. Coverage = cases of interest in the box / all cases of interest; density =
 * cases of interest in the box / cases in the box; mass = cases in the box / all cases.
 *
 * <p>Significance of each restricted bound (as EMA Workbench's quasi-p-values): with that one bound
 * relaxed to the data's limit, p is the density of the relaxed box, and the p-value is P(X &gt;= H)
 * for X ~ Binomial(T, p), where the box holds T cases, H of them of interest: the chance that a box
 * with the bound dropped would be as dense by luck.
 */
public final class Prim {
  private Prim() {}

  /**
   * One box of the trajectory.
   *
   * @param index position in the trajectory (0: every case)
   * @param step "start", "peel" or "paste"
   * @param low inclusive lower bound on each input
   * @param high inclusive upper bound on each input
   * @param n cases in the box
   * @param interest cases of interest in the box
   * @param coverage interest / all cases of interest
   * @param density interest / n
   * @param mass n / all cases
   */
  public record Box(
      int index,
      String step,
      double[] low,
      double[] high,
      int n,
      int interest,
      double coverage,
      double density,
      double mass) {

    /** True if the box bounds input j below or above more tightly than the data's limits. */
    public boolean restricted(int j, double[] dataLow, double[] dataHigh) {
      return low[j] > dataLow[j] || high[j] < dataHigh[j];
    }
  }

  /**
   * PRIM's result.
   *
   * @param boxes the trajectory
   * @param dataLow smallest value of each input
   * @param dataHigh largest value of each input
   * @param totalInterest cases of interest in all
   */
  public record Result(List<Box> boxes, double[] dataLow, double[] dataHigh, int totalInterest) {}

  /**
   * Runs PRIM.
   *
   * @param x the inputs, {@code x[case][input]}, finite
   * @param y the cases of interest
   * @param alpha peeling and pasting share, in (0, 0.5)
   * @param minMass the smallest share of all cases a peeled box may hold, in (0, 1)
   * @throws IllegalArgumentException for inconsistent arguments or no case at all
   */
  public static Result run(double[][] x, boolean[] y, double alpha, double minMass) {
    int n = x.length;
    if (n == 0 || y.length != n)
      throw new IllegalArgumentException("need as many outcomes as cases, at least one");
    if (!(alpha > 0 && alpha < 0.5))
      throw new IllegalArgumentException("alpha must be in (0, 0.5)");
    if (!(minMass > 0 && minMass < 1))
      throw new IllegalArgumentException("minMass must be in (0, 1)");
    int d = x[0].length;
    double[] lo = new double[d];
    double[] hi = new double[d];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    int total = 0;
    for (int i = 0; i < n; i++) {
      if (y[i]) total++;
      for (int j = 0; j < d; j++) {
        lo[j] = Math.min(lo[j], x[i][j]);
        hi[j] = Math.max(hi[j], x[i][j]);
      }
    }
    List<Box> boxes = new ArrayList<>();
    boxes.add(box(0, "start", lo.clone(), hi.clone(), x, y, total));
    Box current = boxes.get(0);
    int minCases = (int) Math.ceil(minMass * n);
    while (true) {
      Box best = null;
      for (int j = 0; j < d; j++) {
        double[] values = inBoxValues(x, current, j);
        int m = Math.max(1, (int) Math.floor(alpha * values.length));
        if (values.length < 2) continue;
        // Lower peel: drop every case <= the m-th smallest value (keeping ties together).
        double cutLow = values[m - 1];
        double newLow = next(values, cutLow);
        if (!Double.isNaN(newLow))
          best =
              better(
                  current,
                  best,
                  candidate(current, j, newLow, current.high()[j], x, y, total),
                  minCases);
        double cutHigh = values[values.length - m];
        double newHigh = previous(values, cutHigh);
        if (!Double.isNaN(newHigh))
          best =
              better(
                  current,
                  best,
                  candidate(current, j, current.low()[j], newHigh, x, y, total),
                  minCases);
      }
      if (best == null) break;
      current =
          new Box(
              boxes.size(),
              "peel",
              best.low(),
              best.high(),
              best.n(),
              best.interest(),
              best.coverage(),
              best.density(),
              best.mass());
      boxes.add(current);
    }
    while (true) {
      Box best = null;
      for (int j = 0; j < d; j++) {
        double[] out = outsideValues(x, current, j, true);
        int m = Math.max(1, (int) Math.floor(alpha * current.n()));
        if (out.length > 0) {
          double newLow = out[Math.max(0, out.length - m)];
          best = pasteBetter(best, candidate(current, j, newLow, current.high()[j], x, y, total));
        }
        out = outsideValues(x, current, j, false);
        if (out.length > 0) {
          double newHigh = out[Math.min(out.length - 1, m - 1)];
          best = pasteBetter(best, candidate(current, j, current.low()[j], newHigh, x, y, total));
        }
      }
      if (best == null || best.density() < current.density()) break;
      current =
          new Box(
              boxes.size(),
              "paste",
              best.low(),
              best.high(),
              best.n(),
              best.interest(),
              best.coverage(),
              best.density(),
              best.mass());
      boxes.add(current);
    }
    return new Result(List.copyOf(boxes), lo, hi, total);
  }

  /**
   * The quasi-p-value of each restricted bound of a box: {@code [j][0]} for the lower bound of
   * input j, {@code [j][1]} for the upper; NaN where the bound is not restricted.
   */
  public static double[][] significance(Result r, Box b, double[][] x, boolean[] y) {
    int d = r.dataLow().length;
    double[][] out = new double[d][2];
    for (int j = 0; j < d; j++) {
      for (int side = 0; side < 2; side++) {
        boolean restricted =
            side == 0 ? b.low()[j] > r.dataLow()[j] : b.high()[j] < r.dataHigh()[j];
        if (!restricted) {
          out[j][side] = Double.NaN;
          continue;
        }
        Box relaxed =
            candidate(
                b,
                j,
                side == 0 ? r.dataLow()[j] : b.low()[j],
                side == 1 ? r.dataHigh()[j] : b.high()[j],
                x,
                y,
                r.totalInterest());
        out[j][side] = binomialUpperTail(b.interest(), b.n(), relaxed.density());
      }
    }
    return out;
  }

  /** P(X &gt;= h) for X ~ Binomial(n, p): the regularized incomplete beta I_p(h, n - h + 1). */
  static double binomialUpperTail(int h, int n, double p) {
    if (h <= 0) return 1;
    if (p <= 0) return 0;
    if (p >= 1) return 1;
    return Beta.regularizedBeta(p, h, n - h + 1.0);
  }

  /** The better peel of best and c from the box {@code from}: see the class comment. */
  private static Box better(Box from, Box best, Box c, int minCases) {
    if (c.n() < minCases || c.n() == 0) return best;
    if (best == null) return c;
    double gc = gain(from, c);
    double gb = gain(from, best);
    if (gc > gb || (gc == gb && c.n() > best.n())) return c;
    return best;
  }

  private static double gain(Box from, Box to) {
    return (to.density() - from.density()) / (from.n() - to.n());
  }

  private static Box pasteBetter(Box best, Box c) {
    if (best == null
        || c.density() > best.density()
        || (c.density() == best.density() && c.n() > best.n())) return c;
    return best;
  }

  private static Box candidate(
      Box from, int j, double newLow, double newHigh, double[][] x, boolean[] y, int total) {
    double[] lo = from.low().clone();
    double[] hi = from.high().clone();
    lo[j] = newLow;
    hi[j] = newHigh;
    return box(-1, "candidate", lo, hi, x, y, total);
  }

  private static Box box(
      int index, String step, double[] lo, double[] hi, double[][] x, boolean[] y, int total) {
    int n = 0;
    int interest = 0;
    for (int i = 0; i < x.length; i++) {
      if (inside(x[i], lo, hi)) {
        n++;
        if (y[i]) interest++;
      }
    }
    return new Box(
        index,
        step,
        lo,
        hi,
        n,
        interest,
        total == 0 ? Double.NaN : interest / (double) total,
        n == 0 ? Double.NaN : interest / (double) n,
        n / (double) x.length);
  }

  static boolean inside(double[] row, double[] lo, double[] hi) {
    for (int j = 0; j < row.length; j++) if (row[j] < lo[j] || row[j] > hi[j]) return false;
    return true;
  }

  /** Sorted values of input j over the cases in the box. */
  private static double[] inBoxValues(double[][] x, Box b, int j) {
    double[] v = new double[b.n()];
    int k = 0;
    for (double[] row : x) if (inside(row, b.low(), b.high())) v[k++] = row[j];
    Arrays.sort(v);
    return v;
  }

  /**
   * Sorted distinct values of input j over the cases inside the box's other bounds and below its
   * lower bound ({@code below}) or above its upper bound.
   */
  private static double[] outsideValues(double[][] x, Box b, int j, boolean below) {
    double[] v = new double[x.length];
    int k = 0;
    for (double[] row : x) {
      boolean ok = true;
      for (int q = 0; q < row.length && ok; q++) {
        if (q != j) ok = row[q] >= b.low()[q] && row[q] <= b.high()[q];
      }
      if (ok && (below ? row[j] < b.low()[j] : row[j] > b.high()[j])) v[k++] = row[j];
    }
    return Arrays.stream(v, 0, k).sorted().distinct().toArray();
  }

  /** The smallest value above cut, or NaN. */
  private static double next(double[] sorted, double cut) {
    for (double v : sorted) if (v > cut) return v;
    return Double.NaN;
  }

  /** The largest value below cut, or NaN. */
  private static double previous(double[] sorted, double cut) {
    for (int i = sorted.length - 1; i >= 0; i--) if (sorted[i] < cut) return sorted[i];
    return Double.NaN;
  }
}
