package govsim.stats;

/**
 * Mean and variance accumulated one value at a time (Welford's algorithm), for statistics over many
 * runs without keeping the runs: per-step time-series means across replications, per-point sweep
 * aggregates. NaN values are skipped and not counted.
 *
 * <p>Floating-point results depend on the order of {@link #add} calls; govsim feeds values in run
 * order, so results do not depend on how many threads ran the runs. Not thread-safe.
 */
public final class RunningStats {
  private int n;
  private double mean;
  private double m2;

  /** Adds one value; NaN is ignored. */
  public void add(double x) {
    if (Double.isNaN(x)) return;
    n++;
    double delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }

  /** Number of (non-NaN) values added. */
  public int n() {
    return n;
  }

  /** Mean of the values added; NaN if none. */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** Sample standard deviation (divisor n - 1); NaN if fewer than two values. */
  public double sd() {
    return n < 2 ? Double.NaN : Math.sqrt(Math.max(0, m2) / (n - 1));
  }

  /** Mean, sd and t interval at {@code level} (see {@link Stats#fromMoments}). */
  public Estimate estimate(double level) {
    return Stats.fromMoments(n, mean(), sd(), level);
  }

  /** Forgets every value (to reuse the accumulator for the next group). */
  public void clear() {
    n = 0;
    mean = 0;
    m2 = 0;
  }
}
