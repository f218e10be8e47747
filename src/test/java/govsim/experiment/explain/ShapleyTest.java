package govsim.experiment.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongFunction;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** Shapley values of games whose values are known by hand. */
class ShapleyTest {

  private static boolean in(long mask, int i) {
    return (mask & (1L << i)) != 0;
  }

  /**
   * v_r(S) = 2[0] + (5 + r)[1] - 3[2] + 4[0][1] + r^2 (a replication's own level, which cancels).
   * Shapley: item 0 gets 2 + 4/2 = 4, item 1 gets 5 + r + 2, item 2 gets -3; they sum to 8 + r.
   */
  private static final LongFunction<double[]> GAME =
      mask -> {
        double[] v = new double[4];
        for (int r = 0; r < 4; r++) {
          v[r] =
              (in(mask, 0) ? 2 : 0)
                  + (in(mask, 1) ? 5 + r : 0)
                  - (in(mask, 2) ? 3 : 0)
                  + (in(mask, 0) && in(mask, 1) ? 4 : 0)
                  + r * r;
        }
        return v;
      };

  @Test
  void weightsAreTheShapleyCoalitionWeights() {
    // s!(k-s-1)!/k! for k = 3: 1/3, 1/6, 1/3; for k = 4: 1/4, 1/12, 1/12, 1/4.
    assertArrayEquals(new double[] {1 / 3.0, 1 / 6.0, 1 / 3.0}, Shapley.weights(3), 1e-15);
    assertArrayEquals(new double[] {0.25, 1 / 12.0, 1 / 12.0, 0.25}, Shapley.weights(4), 1e-15);
  }

  @Test
  void exactValuesOfAnAdditiveGameWithAnInteraction() {
    Shapley.Result r = Shapley.exact(3, GAME, 4, 0.95);
    assertEquals(4, r.items().get(0).shapley(), 1e-12);
    assertEquals(0, r.items().get(0).estimate().sd(), 1e-12);
    assertEquals(4, r.items().get(0).estimate().ciLow(), 1e-12);
    // Item 1: 7 + r over r = 0..3: mean 8.5, sd sqrt(5/3) = 1.290994449, t(3, 0.975) = 3.182446305.
    var e1 = r.items().get(1).estimate();
    assertEquals(8.5, e1.mean(), 1e-12);
    assertEquals(1.290994449, e1.sd(), 1e-9);
    assertEquals(8.5 - 3.182446305 * 1.290994449 / 2, e1.ciLow(), 1e-8);
    assertEquals(8.5 + 3.182446305 * 1.290994449 / 2, e1.ciHigh(), 1e-8);
    assertEquals(-3, r.items().get(2).shapley(), 1e-12);
    assertTrue(Double.isNaN(r.items().get(0).samplingSe()));
    // Efficiency: the total is v(all) - v(none) = 8 + r, mean 9.5; from = r^2, mean 3.5.
    assertEquals(9.5, r.total().mean(), 1e-12);
    assertEquals(3.5, r.from().mean(), 1e-12);
    assertEquals(13, r.to().mean(), 1e-12);
    double sum = 0;
    for (Shapley.Value v : r.items()) sum += v.shapley();
    assertEquals(r.total().mean(), sum, 1e-12);
    assertEquals(4, r.total().n());
  }

  @Test
  void aThreeWayInteractionIsSharedEquallyAndADummyGetsNothing() {
    LongFunction<double[]> v =
        mask -> new double[] {in(mask, 0) && in(mask, 1) && in(mask, 2) ? 6 : 0};
    Shapley.Result r = Shapley.exact(4, v, 1, 0.95);
    for (int i = 0; i < 3; i++) assertEquals(2, r.items().get(i).shapley(), 1e-12);
    assertEquals(0, r.items().get(3).shapley(), 1e-12);
    // One replication: a value, no interval.
    assertTrue(Double.isNaN(r.items().get(0).estimate().ciLow()));
  }

  @Test
  void everyPermutationOnceGivesTheExactValuesAndTheirSamplingError() {
    int[][] all = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    Shapley.Result r = Shapley.sampled(3, all, GAME, 4, 0.95);
    assertEquals(4, r.items().get(0).shapley(), 1e-12);
    assertEquals(8.5, r.items().get(1).shapley(), 1e-12);
    assertEquals(-3, r.items().get(2).shapley(), 1e-12);
    // Item 0 contributes 6 when item 1 came first (3 of 6 orders), else 2: sd sqrt(24/5), se
    // sqrt(24/5)/sqrt(6) = 0.894427191; item 2 always contributes -3: se 0.
    assertEquals(0.894427191, r.items().get(0).samplingSe(), 1e-9);
    assertEquals(0, r.items().get(2).samplingSe(), 1e-12);
    // Item 0's replications agree (sd 0), so its interval is t(3) x the sampling error alone.
    var e0 = r.items().get(0).estimate();
    assertEquals(4 - 3.182446305 * 0.894427191, e0.ciLow(), 1e-8);
    assertEquals(9.5, r.total().mean(), 1e-12);
  }

  @Test
  void sampledPermutationsConvergeOnAPureInteraction() {
    // v = [0][1] among 10 items: items 0 and 1 get 1/2 each, the rest 0. A permutation gives item 0
    // a 1 exactly when item 1 came first: a Bernoulli(1/2), so se is about 0.5/sqrt(M).
    int k = 10;
    int m = 400;
    int[][] perms = Shapley.permutations(k, m, new MersenneTwister(7));
    LongFunction<double[]> v = mask -> new double[] {in(mask, 0) && in(mask, 1) ? 1 : 0, 0};
    Shapley.Result r = Shapley.sampled(k, perms, v, 1, 0.95);
    double se = r.items().get(0).samplingSe();
    assertEquals(0.5 / Math.sqrt(m), se, 0.002);
    assertEquals(0.5, r.items().get(0).shapley(), 4 * se);
    assertEquals(1, r.items().get(0).shapley() + r.items().get(1).shapley(), 1e-12);
    for (int i = 2; i < k; i++) assertEquals(0, r.items().get(i).shapley(), 0);
    // The coalitions walked: the empty set, every prefix, the full set; each item joins once.
    assertTrue(Shapley.coalitionsOf(k, perms).length <= m * (k - 1) + 2);
  }

  @Test
  void aReplicationWithAnUndefinedCoalitionIsLeftOut() {
    LongFunction<double[]> v =
        mask -> {
          double[] x = GAME.apply(mask);
          if (mask == 3) x[2] = Double.NaN; // items 0 and 1 together undefined in replication 2
          return x;
        };
    Shapley.Result r = Shapley.exact(3, v, 4, 0.95);
    assertEquals(3, r.total().n());
    assertEquals(3, r.items().get(1).estimate().n());
    // Item 1 gets 7 + r for r = 0, 1, 3: mean 25/3.
    assertEquals(25 / 3.0, r.items().get(1).shapley(), 1e-12);
    assertEquals(false, r.used()[2]);
  }
}
