package govsim.mechanism;

import ec.util.MersenneTwisterFast;

/**
 * Random draws and rate conversions shared by all mechanisms.
 *
 * <p>Every draw takes a generator as an argument: the stream of the run's {@link RandomStreams}
 * that belongs to the process drawing, so a run is a pure function of its scenario and seed. Rates
 * in scenarios are per day or per year; {@link #stepProbability} turns them into a per-step
 * probability as {@code p = 1 - exp(-rate * dt)} (MODEL.md §2), so results do not depend on the
 * step length beyond discretisation error.
 */
public final class Draws {
  private Draws() {}

  public static final double DAYS_PER_YEAR = 365.0;

  /** Probability that an event with the given rate (per day) happens within dtDays. */
  public static double stepProbability(double ratePerDay, double dtDays) {
    if (ratePerDay <= 0) return 0.0;
    return -Math.expm1(-ratePerDay * dtDays);
  }

  /** Same as {@link #stepProbability} for a rate per year. */
  public static double stepProbabilityPerYear(double ratePerYear, double dtDays) {
    return stepProbability(ratePerYear / DAYS_PER_YEAR, dtDays);
  }

  /** Inverse of {@link #stepProbability}: the rate per day whose per-day probability is p. */
  public static double ratePerDayFromDailyProbability(double p) {
    return -Math.log1p(-p);
  }

  public static boolean bernoulli(MersenneTwisterFast rng, double p) {
    return p > 0 && (p >= 1 || rng.nextDouble() < p);
  }

  public static double uniform(MersenneTwisterFast rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  /** Exponential with the given mean (0 mean gives 0). */
  public static double exponential(MersenneTwisterFast rng, double mean) {
    if (mean <= 0) return 0.0;
    return -mean * Math.log(1.0 - rng.nextDouble());
  }

  /** Pareto (type I): P(X > x) = (xMin / x)^alpha for x >= xMin. Heavy-tailed severities. */
  public static double pareto(MersenneTwisterFast rng, double alpha, double xMin) {
    return xMin / Math.pow(1.0 - rng.nextDouble(), 1.0 / alpha);
  }

  /**
   * Poisson count with mean lambda: inversion for small means, a rounded normal approximation above
   * 50 (where the two differ by far less than the model's other uncertainties).
   */
  public static int poisson(MersenneTwisterFast rng, double lambda) {
    if (lambda <= 0) return 0;
    if (lambda > 50) {
      long k = Math.round(lambda + Math.sqrt(lambda) * rng.nextGaussian());
      return (int) Math.max(0, Math.min(Integer.MAX_VALUE, k));
    }
    double u = rng.nextDouble();
    double p = Math.exp(-lambda);
    double cdf = p;
    int k = 0;
    while (u > cdf && k < 1000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }

  /** Binomial count: exact for small n, Poisson or normal approximations for large n. */
  public static int binomial(MersenneTwisterFast rng, int n, double p) {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n <= 64) {
      int k = 0;
      for (int i = 0; i < n; i++) if (rng.nextDouble() < p) k++;
      return k;
    }
    double mean = n * p;
    if (mean < 20) return Math.min(n, poisson(rng, mean));
    long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * rng.nextGaussian());
    return (int) Math.max(0, Math.min(n, k));
  }

  /** The logistic function 1 / (1 + e^-x), safe for large |x|. */
  public static double logistic(double x) {
    if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
    double e = Math.exp(x);
    return e / (1.0 + e);
  }
}
