package govsim.experiment.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** ABC on models whose posterior is known in closed form. */
class AbcTest {

  /**
   * The mean of 10 draws from N(theta, 1) has the distribution N(theta, 1/10); with a uniform prior
   * on [-5, 5] and an observed mean of 1, the posterior is N(1, 1/10) (truncation at -5 and 5 is 12
   * sd away): mean 1, sd 1/sqrt(10) = 0.3162.
   */
  private static final Abc.Simulator NORMAL_MEAN =
      (values, seeds) -> {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
          MersenneTwister g = new MersenneTwister(seeds[i]);
          double sum = 0;
          for (int k = 0; k < 10; k++) sum += values[i][0] + g.nextGaussian();
          out[i] = new double[] {sum / 10};
        }
        return out;
      };

  private static final List<Abc.Parameter> THETA =
      List.of(new Abc.Parameter("theta", -5, 5, false, false));

  @Test
  void smcApproachesTheAnalyticPosteriorOfANormalMean() throws Exception {
    Abc.Settings s = new Abc.Settings(1000, 6, 4000, 0.5, 40_000, 500, 3);
    Abc.Result r =
        Abc.run(THETA, new double[] {1}, new double[] {1}, s, NORMAL_MEAN, Abc.Listener.NONE);
    assertEquals("", r.note());
    assertEquals(7, r.generations().size());
    Abc.Generation post = r.posterior();
    double[] theta = new double[post.values().length];
    for (int i = 0; i < theta.length; i++) theta[i] = post.values()[i][0];
    double mean = Abc.weightedMean(theta, post.weights());
    double sd = Abc.weightedSd(theta, post.weights());
    // Tolerances halve: the last is small against the posterior sd, so the ABC posterior is close
    // to the exact one (variance 1/10 + eps^2/3 for a uniform acceptance window of half-width eps).
    assertTrue(post.tolerance() < 0.05, "tolerance " + post.tolerance());
    assertTrue(post.ess() > 300, "ess " + post.ess());
    assertEquals(1.0, mean, 0.04);
    assertEquals(1 / Math.sqrt(10), sd, 0.025);
    // Tolerances decrease generation by generation.
    for (int t = 1; t < r.generations().size(); t++)
      assertTrue(r.generations().get(t).tolerance() < r.generations().get(t - 1).tolerance());
    // The analytic 2.5% and 97.5% quantiles, 1 -+ 1.96 x 0.3162.
    assertEquals(
        1 - 1.96 / Math.sqrt(10), Abc.weightedQuantile(theta, post.weights(), 0.025), 0.08);
    assertEquals(
        1 + 1.96 / Math.sqrt(10), Abc.weightedQuantile(theta, post.weights(), 0.975), 0.08);
  }

  @Test
  void rejectionAloneIsWiderByItsTolerance() throws Exception {
    // Keep the 500 nearest of 5000 prior draws: the tolerance is about 0.5 (the statistic's
    // marginal density is about 1/10 near 1, so P(|s - 1| < eps) = eps / 5 = 0.1).
    Abc.Settings s = new Abc.Settings(500, 0, 5000, 0.5, 500, 1000, 5);
    Abc.Result r =
        Abc.run(THETA, new double[] {1}, new double[] {1}, s, NORMAL_MEAN, Abc.Listener.NONE);
    Abc.Generation g = r.posterior();
    assertEquals(0, g.index());
    assertEquals(0.5, g.tolerance(), 0.08);
    double[] theta = new double[g.values().length];
    for (int i = 0; i < theta.length; i++) theta[i] = g.values()[i][0];
    // Posterior of theta given |s - 1| < eps: variance 1/10 + eps^2/3 = 0.1833, sd 0.428.
    double eps = g.tolerance();
    assertEquals(Math.sqrt(0.1 + eps * eps / 3), Abc.weightedSd(theta, g.weights()), 0.04);
    assertEquals(1.0, Abc.weightedMean(theta, g.weights()), 0.06);
    assertEquals(5000, r.simulations().size());
    assertEquals(500, r.simulations().stream().filter(Abc.Simulation::accepted).count());
  }

  @Test
  void theResultDoesNotDependOnTheSimulatorsOrderOfWork() throws Exception {
    Abc.Settings s = new Abc.Settings(50, 2, 200, 0.5, 5000, 25, 9);
    Abc.Result a =
        Abc.run(THETA, new double[] {1}, new double[] {1}, s, NORMAL_MEAN, Abc.Listener.NONE);
    // The same simulator computing its batch back to front.
    Abc.Simulator reversed =
        (values, seeds) -> {
          double[][] out = new double[values.length][];
          for (int i = values.length - 1; i >= 0; i--)
            out[i] = NORMAL_MEAN.simulate(new double[][] {values[i]}, new long[] {seeds[i]})[0];
          return out;
        };
    Abc.Result b =
        Abc.run(THETA, new double[] {1}, new double[] {1}, s, reversed, Abc.Listener.NONE);
    assertArrayEquals(a.posterior().weights(), b.posterior().weights());
    assertEquals(a.simulations().size(), b.simulations().size());
  }

  @Test
  void aGenerationOverItsBudgetStopsWithTheLastCompletePopulation() throws Exception {
    // The statistic is a fair coin whatever theta, the observation 1: half the simulations have
    // distance 0. The rejection step keeps 50 of 200 (all at distance 0), so every later tolerance
    // is 0 and a generation accepts about half its proposals: 60 simulations cannot give 50.
    Abc.Simulator coin =
        (values, seeds) -> {
          double[][] out = new double[values.length][];
          for (int i = 0; i < values.length; i++)
            out[i] = new double[] {new MersenneTwister(seeds[i]).nextBoolean() ? 1 : 0};
          return out;
        };
    Abc.Settings s = new Abc.Settings(50, 3, 200, 0.5, 60, 20, 1);
    Abc.Result r = Abc.run(THETA, new double[] {1}, new double[] {1}, s, coin, Abc.Listener.NONE);
    assertEquals(1, r.generations().size());
    assertEquals(0, r.posterior().tolerance());
    assertTrue(r.note().startsWith("generation 1 (tolerance 0) accepted only"), r.note());
  }

  @Test
  void integerAndLogParametersMapTheUnitIntervalAsSweepsDo() {
    Abc.Parameter days = new Abc.Parameter("d", 1, 4, false, true);
    // [1, 5) cut into 4 equal cells: u in [0, 0.25) -> 1, ..., [0.75, 1] -> 4.
    assertEquals(1, days.value(0.0));
    assertEquals(2, days.value(0.25));
    assertEquals(4, days.value(1.0));
    Abc.Parameter rate = new Abc.Parameter("r", 0.01, 1, true, false);
    assertEquals(0.1, rate.value(0.5), 1e-12);
    assertEquals(
        Double.POSITIVE_INFINITY,
        Abc.distance(new double[] {Double.NaN}, new double[] {1}, new double[] {1}));
    assertEquals(
        5, Abc.distance(new double[] {4, 7}, new double[] {1, 3}, new double[] {1, 1}), 1e-12);
  }
}
