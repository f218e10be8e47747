package govsim.report;

/**
 * The time axis of a time-series figure: days for runs up to two years, years beyond (a 5-year run
 * reads better as 0–5 years than as 0–1825 days). Also thins long series for drawing: a figure is
 * 800 points wide, so more than {@link #MAX_POINTS} points per line only make the SVG heavier
 * without showing more.
 *
 * @param divisor days per axis unit (1 or 365)
 * @param label the axis label with its unit
 */
record TimeAxis(double divisor, String label) {
  static final int MAX_POINTS = 600;

  /** The axis for series ending at {@code lastDay}. */
  static TimeAxis forHorizon(double lastDay) {
    return lastDay >= 730 ? new TimeAxis(365, "Time (years)") : new TimeAxis(1, "Time (days)");
  }

  /** Days converted to axis units. */
  double[] convert(double[] days) {
    double[] x = new double[days.length];
    for (int i = 0; i < x.length; i++) x[i] = days[i] / divisor;
    return x;
  }

  /** Indices to draw: every k-th of n rows so that at most MAX_POINTS remain, always the last. */
  static int[] thin(int n) {
    if (n <= MAX_POINTS) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) all[i] = i;
      return all;
    }
    int k = (n + MAX_POINTS - 1) / MAX_POINTS;
    int count = (n - 1) / k + 1;
    boolean lastIncluded = (n - 1) % k == 0;
    int[] idx = new int[count + (lastIncluded ? 0 : 1)];
    for (int i = 0; i < count; i++) idx[i] = i * k;
    if (!lastIncluded) idx[count] = n - 1;
    return idx;
  }

  /** The stride {@link #thin} uses (1 if the series is drawn whole). */
  static int stride(int n) {
    return n <= MAX_POINTS ? 1 : (n + MAX_POINTS - 1) / MAX_POINTS;
  }

  static double[] pick(double[] values, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) out[i] = values[idx[i]];
    return out;
  }
}
