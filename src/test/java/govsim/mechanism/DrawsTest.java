package govsim.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

/**
 * Draws: rate conversions exactly (MODEL.md §2), the distributions' means and tails statistically.
 * Statistical checks use a fixed seed and a tolerance of 5 standard errors of the sample statistic
 * (a false alarm about once in 1.7 million runs if the code is right).
 */
class DrawsTest {
  private static final int N = 200_000;

  @Test
  void stepProbabilityIsOneMinusExpOfMinusRateTimesDt() {
    assertEquals(1 - Math.exp(-0.3 * 2.0), Draws.stepProbability(0.3, 2.0), 1e-15);
    // 1 - exp(-x) = x - x^2/2 + ...; computed naively it would lose half its digits here.
    assertEquals(1e-9 - 0.5e-18, Draws.stepProbability(1e-9, 1.0), 1e-24, "tiny rates stay exact");
    assertEquals(0.0, Draws.stepProbability(0.0, 1.0));
    assertEquals(
        0.0,
        Draws.stepProbability(-1.0, 1.0),
        "a negative rate is no event, not a negative probability");
    assertEquals(1.0, Draws.stepProbability(1e6, 1.0), 1e-15);
  }

  @Test
  void stepProbabilityDoesNotDependOnStepLength() {
    // Two half-day steps must give the same chance of at least one event as one whole-day step.
    double half = Draws.stepProbability(0.7, 0.5);
    assertEquals(Draws.stepProbability(0.7, 1.0), 1 - (1 - half) * (1 - half), 1e-15);
  }

  @Test
  void ratePerDayFromDailyProbabilityInvertsStepProbability() {
    for (double rate : new double[] {1e-6, 0.0202, 0.5, 3.0}) {
      double p = Draws.stepProbability(rate, 1.0);
      assertEquals(rate, Draws.ratePerDayFromDailyProbability(p), rate * 1e-12);
    }
    // The documented example of the user defaults: 0.0202/day is a 2% daily chance.
    assertEquals(0.02, Draws.stepProbability(0.0202, 1.0), 2e-5);
    assertEquals(0.0, Draws.ratePerDayFromDailyProbability(0.0));
  }

  @Test
  void perYearRatesAreDividedBy365Days() {
    assertEquals(365.0, Draws.DAYS_PER_YEAR);
    assertEquals(
        Draws.stepProbability(12.0 / 365.0, 1.0), Draws.stepProbabilityPerYear(12.0, 1.0), 1e-16);
    assertEquals(1 - Math.exp(-12.0 * 7 / 365.0), Draws.stepProbabilityPerYear(12.0, 7.0), 1e-15);
  }

  @Test
  void bernoulliHonoursItsProbabilityAndItsEdges() {
    MersenneTwisterFast rng = new MersenneTwisterFast(1);
    int hits = 0;
    for (int i = 0; i < N; i++) if (Draws.bernoulli(rng, 0.3)) hits++;
    assertEquals(0.3, hits / (double) N, 5 * Math.sqrt(0.3 * 0.7 / N));
    for (int i = 0; i < 1000; i++) {
      assertFalse(Draws.bernoulli(rng, 0.0));
      assertTrue(Draws.bernoulli(rng, 1.0));
    }
  }

  @Test
  void uniformStaysInItsRangeWithTheRightMean() {
    MersenneTwisterFast rng = new MersenneTwisterFast(2);
    double sum = 0;
    for (int i = 0; i < N; i++) {
      double x = Draws.uniform(rng, -1.0, 3.0);
      assertTrue(x >= -1.0 && x < 3.0);
      sum += x;
    }
    // sd of U[-1,3] is 4/sqrt(12).
    assertEquals(1.0, sum / N, 5 * (4 / Math.sqrt(12)) / Math.sqrt(N));
  }

  @Test
  void exponentialHasTheGivenMean() {
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    double mean = 2.5;
    double sum = 0;
    int above = 0;
    for (int i = 0; i < N; i++) {
      double x = Draws.exponential(rng, mean);
      assertTrue(x >= 0);
      sum += x;
      if (x > mean) above++;
    }
    assertEquals(mean, sum / N, 5 * mean / Math.sqrt(N)); // sd of an exponential = its mean
    double pAbove = Math.exp(-1); // P(X > mean)
    assertEquals(pAbove, above / (double) N, 5 * Math.sqrt(pAbove * (1 - pAbove) / N));
    assertEquals(0.0, Draws.exponential(rng, 0.0));
  }

  @Test
  void paretoHasTheDocumentedTailAndMean() {
    MersenneTwisterFast rng = new MersenneTwisterFast(4);
    double alpha = 3.0;
    double xMin = 2.0;
    double sum = 0;
    int above4 = 0;
    int above10 = 0;
    for (int i = 0; i < N; i++) {
      double x = Draws.pareto(rng, alpha, xMin);
      assertTrue(x >= xMin);
      sum += x;
      if (x > 4) above4++;
      if (x > 10) above10++;
    }
    // P(X > x) = (xMin/x)^alpha.
    double p4 = Math.pow(xMin / 4, alpha);
    double p10 = Math.pow(xMin / 10, alpha);
    assertEquals(p4, above4 / (double) N, 5 * Math.sqrt(p4 * (1 - p4) / N));
    assertEquals(p10, above10 / (double) N, 5 * Math.sqrt(p10 * (1 - p10) / N));
    // Mean alpha xMin/(alpha-1) = 3; variance xMin^2 alpha/((alpha-1)^2 (alpha-2)) = 3.
    assertEquals(3.0, sum / N, 5 * Math.sqrt(3.0 / N));
  }

  @Test
  void poissonHasMeanAndVarianceLambdaBelowAndAboveTheNormalSwitch() {
    for (double lambda : new double[] {0.05, 3.7, 50.0, 80.0}) {
      MersenneTwisterFast rng = new MersenneTwisterFast(5);
      double sum = 0;
      double sumSq = 0;
      int zeros = 0;
      for (int i = 0; i < N; i++) {
        int k = Draws.poisson(rng, lambda);
        assertTrue(k >= 0);
        sum += k;
        sumSq += (double) k * k;
        if (k == 0) zeros++;
      }
      double mean = sum / N;
      double var = sumSq / N - mean * mean;
      assertEquals(lambda, mean, 5 * Math.sqrt(lambda / N), "mean, lambda " + lambda);
      // The sample variance of a Poisson has variance about (lambda + 2 lambda^2)/N.
      assertEquals(
          lambda,
          var,
          5 * Math.sqrt((lambda + 2 * lambda * lambda) / N),
          "variance, lambda " + lambda);
      if (lambda < 10) {
        double p0 = Math.exp(-lambda);
        assertEquals(
            p0, zeros / (double) N, 5 * Math.sqrt(p0 * (1 - p0) / N), "P(0), lambda " + lambda);
      }
    }
    assertEquals(0, Draws.poisson(new MersenneTwisterFast(5), 0.0));
    assertEquals(0, Draws.poisson(new MersenneTwisterFast(5), -3.0));
  }

  @Test
  void binomialHasMeanNpInEachRegime() {
    // Exact (n <= 64), Poisson approximation (n p < 20) and normal approximation regimes.
    int[] ns = {20, 1000, 1000};
    double[] ps = {0.3, 0.005, 0.4};
    for (int c = 0; c < ns.length; c++) {
      int n = ns[c];
      double p = ps[c];
      MersenneTwisterFast rng = new MersenneTwisterFast(6);
      double sum = 0;
      for (int i = 0; i < N / 4; i++) {
        int k = Draws.binomial(rng, n, p);
        assertTrue(k >= 0 && k <= n);
        sum += k;
      }
      // The Poisson approximation's variance is n p, slightly above n p (1 - p): use it as the
      // bound.
      double sd = Math.sqrt(n * p);
      assertEquals(n * p, sum / (N / 4), 5 * sd / Math.sqrt(N / 4), "n " + n + ", p " + p);
    }
    MersenneTwisterFast rng = new MersenneTwisterFast(6);
    assertEquals(0, Draws.binomial(rng, 0, 0.5));
    assertEquals(0, Draws.binomial(rng, 100, 0.0));
    assertEquals(100, Draws.binomial(rng, 100, 1.0));
  }

  @Test
  void logisticIsSymmetricAndSafeAtTheExtremes() {
    assertEquals(0.5, Draws.logistic(0.0));
    for (double x : new double[] {0.1, 1.0, 3.3, 20.0}) {
      assertEquals(1.0, Draws.logistic(x) + Draws.logistic(-x), 1e-15, "symmetry at " + x);
      assertEquals(1.0 / (1.0 + Math.exp(-x)), Draws.logistic(x), 1e-15);
    }
    assertEquals(1.0, Draws.logistic(1e6));
    assertEquals(0.0, Draws.logistic(-1e6));
    assertFalse(Double.isNaN(Draws.logistic(Double.NEGATIVE_INFINITY)));
    assertEquals(0.0, Draws.logistic(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, Draws.logistic(Double.POSITIVE_INFINITY));
    // Far in the lower tail the value is e^x, not rounded to 0.
    assertEquals(Math.exp(-700), Draws.logistic(-700), Math.exp(-700) * 1e-12);
  }
}
