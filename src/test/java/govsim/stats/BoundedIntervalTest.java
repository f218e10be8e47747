package govsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedIntervalTest {
  @Test
  void aShareNearZeroGetsALogitIntervalInsideZeroOne() {
    // Eight zeros and two 0.1: mean 0.02, sd sqrt(0.016 / 9) = 0.0421637, t(9) = 2.2621572.
    double[] x = {0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.1};
    Estimate t = Stats.estimate(x, 0.95);
    assertEquals(-0.0101620955, t.ciLow(), 1e-9, "the t-interval goes below 0");
    // logit(0.02) = ln(0.02 / 0.98) = -3.8918203; half-width 2.2621572 * 0.0133333 / (0.02 * 0.98)
    // = 1.5388824 on the logit scale; expit(-5.4307027) = 0.0043609, expit(-2.3529379) = 0.0868325.
    Estimate b = BoundedInterval.of(t, 0, 1, 0.95);
    assertEquals(0.004360915903, b.ciLow(), 1e-11);
    assertEquals(0.08683253765, b.ciHigh(), 1e-11);
    assertEquals(0.02, b.mean(), 1e-15);
    assertEquals(10, b.n());
    assertEquals("logit", BoundedInterval.method(0, 1));
  }

  @Test
  void aNonNegativeCountGetsALogIntervalAboveZero() {
    // 0, 0, 0, 1, 4: mean 1, sd sqrt(3), se sqrt(3 / 5), t(4) = 2.7764451; half-width on the log
    // scale 2.1506251 (mean 1): [exp(-2.1506251), exp(2.1506251)] = [0.1164114, 8.5902267].
    Estimate b =
        BoundedInterval.of(
            Stats.estimate(new double[] {0, 0, 0, 1, 4}, 0.95), 0, Double.POSITIVE_INFINITY, 0.95);
    assertEquals(0.1164113627, b.ciLow(), 1e-9);
    assertEquals(8.590226735, b.ciHigh(), 1e-8);
    assertEquals("log", BoundedInterval.method(0, Double.POSITIVE_INFINITY));
  }

  @Test
  void allValuesOnABoundGiveThePointAndUnboundedKeepsTheTInterval() {
    Estimate zeros = BoundedInterval.of(Stats.estimate(new double[] {0, 0, 0}, 0.95), 0, 1, 0.95);
    assertEquals(0, zeros.ciLow());
    assertEquals(0, zeros.ciHigh());
    Estimate ones = BoundedInterval.of(Stats.estimate(new double[] {1, 1}, 0.95), 0, 1, 0.95);
    assertEquals(1, ones.ciLow());
    Estimate any = Stats.estimate(new double[] {-1, 2, 5}, 0.95);
    assertEquals(
        any, BoundedInterval.of(any, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.95));
    Estimate one = Stats.estimate(new double[] {0.3}, 0.95);
    assertTrue(Double.isNaN(BoundedInterval.of(one, 0, 1, 0.95).ciLow()), "n = 1: no interval");
  }

  @Test
  void holmOnASmallListOfPValues() {
    // Sorted: 0.005 (x4 = 0.02), 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04, but never
    // below the previous step: 0.06). NaN is no test: it stays NaN and m is 4, not 5.
    double[] p = {0.01, 0.04, Double.NaN, 0.03, 0.005};
    assertArrayEquals(new double[] {0.03, 0.06, Double.NaN, 0.06, 0.02}, Holm.adjust(p), 1e-15);
    // Capped at 1.
    assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.7}), 0.0);
  }
}
