package govsim.experiment.sweep;

import govsim.observe.Bounds;
import govsim.observe.Metrics;
import govsim.stats.BoundedInterval;
import govsim.stats.Estimate;
import govsim.stats.RunningStats;
import java.util.List;
import java.util.Locale;

/**
 * A replication target of a sweep ({@code govsim sweep --precision H --max-reps N}): every design
 * point starts with the sweep file's {@code replications} and gets more, in rounds, until at that
 * point, in every regime, the interval of every named summary metric (the same interval as {@code
 * aggregate.csv}: t, or on the logit or log scale for bounded metrics) has a half-width of at most
 * {@code relative} times the absolute value of its mean, or the point has {@code maxReplications}.
 *
 * <p>The decision at a point depends only on the values of its runs, which depend only on their
 * seeds; replication r of a point has the same seed as in a sweep of fixed replications. So which
 * runs are made (and the outputs) are the same whatever the thread count, the engine, or how often
 * the sweep was stopped and resumed. Round sizing as {@code compare --precision}: the next n is the
 * one the point's worst metric projects, {@code ceil(n (w / (H |mean|))^2)} for half-width w, at
 * least n + 1 and at most 2n (and at most the maximum).
 *
 * @param relative target half-width relative to the mean, in (0, 1)
 * @param maxReplications most replications per point (and regime)
 * @param metrics the summary metrics whose intervals must reach the target
 */
public record SweepPrecision(double relative, int maxReplications, List<String> metrics) {

  /** Most replications per point with a precision target (a sweep file's own limit). */
  public static final int MAX_REPLICATIONS = 100000;

  public SweepPrecision {
    metrics = List.copyOf(metrics);
  }

  /**
   * Why these settings cannot be used for a sweep starting with {@code initial} replications per
   * point, or null if they can. {@code known} are the summary metrics a sweep can name.
   */
  String problem(int initial) {
    if (!(relative > 0 && relative < 1)) {
      return "--precision is a half-width relative to the mean, in (0, 1) (0.05 for +/- 5%), got "
          + num(relative);
    }
    if (maxReplications < initial || maxReplications > MAX_REPLICATIONS) {
      return "--max-reps must be between the sweep file's replications ("
          + initial
          + ") and "
          + MAX_REPLICATIONS
          + ", got "
          + maxReplications;
    }
    if (metrics.isEmpty()) {
      return "--precision needs the metrics whose intervals it targets: list them under metrics:"
          + " in the sweep file or give --precision-metrics M1,M2";
    }
    for (String m : metrics) {
      if (!Metrics.RUN_NAMES.contains(m))
        return "--precision-metrics: '"
            + m
            + "' is not a summary metric (govsim describe lists them)";
    }
    return null;
  }

  /**
   * The largest ratio of a half-width to its target over the given regimes' values of each metric
   * at one point; 0 when every interval meets its target. A metric undefined in every run of a
   * regime does not count; defined in one run only, it has no interval yet (infinitely far); a
   * half-width above 0 with a mean of 0 is infinitely far from a relative target.
   *
   * @param values [regime][metric][replication], NaN for undefined or failed
   * @param level confidence level
   */
  double worstRatio(double[][][] values, double level) {
    double worst = 0;
    for (double[][] regime : values) {
      for (int m = 0; m < metrics.size(); m++) {
        RunningStats s = new RunningStats();
        for (double v : regime[m]) s.add(v);
        Bounds b = Metrics.runDoc(metrics.get(m)).bounds();
        Estimate e = BoundedInterval.of(s.estimate(level), b.min(), b.max(), level);
        if (e.n() == 0) continue;
        if (e.n() < 2) return Double.POSITIVE_INFINITY;
        double half = (e.ciHigh() - e.ciLow()) / 2;
        if (half == 0) continue;
        if (!Double.isFinite(half)) return Double.POSITIVE_INFINITY;
        worst = Math.max(worst, half / (relative * Math.abs(e.mean())));
      }
    }
    return worst;
  }

  /** The next number of replications after {@code n} at a point whose worst ratio is {@code r}. */
  int next(int n, double r) {
    long projected = Double.isFinite(r) ? (long) Math.ceil(n * r * r) : Long.MAX_VALUE;
    return (int) Math.min(maxReplications, Math.min(2L * n, Math.max(n + 1L, projected)));
  }

  /** "0.05 (relative half-width) on harm_total, trust_mean; at most 64 replications". */
  String describe() {
    return num(relative)
        + " x |mean| (half-width of the "
        + "interval) on "
        + String.join(", ", metrics)
        + "; at most "
        + maxReplications
        + " replications per point";
  }

  static String num(double x) {
    return String.format(Locale.ROOT, "%s", govsim.observe.Num.format(x));
  }
}
