package govsim.stats;

/**
 * A sample's mean with its standard deviation and a confidence interval for the mean.
 *
 * <p>With {@code n == 0} every field is NaN; with {@code n == 1} the mean is the single value and
 * the sd and interval are NaN (one value says nothing about spread). A NaN prints as an empty cell
 * in govsim's CSV files.
 *
 * @param mean arithmetic mean of the values used
 * @param sd sample standard deviation (divisor n - 1)
 * @param ciLow lower end of the t-based confidence interval for the mean
 * @param ciHigh upper end of that interval
 * @param n number of values used (NaN values are not counted)
 */
public record Estimate(double mean, double sd, double ciLow, double ciHigh, int n) {

  /** The estimate of an empty sample: NaN everywhere, n = 0. */
  public static final Estimate EMPTY =
      new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

  public Estimate {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
  }
}
