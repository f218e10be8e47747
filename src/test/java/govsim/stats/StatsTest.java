package govsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Exact values on samples small enough to check by hand. Student t quantiles are the tabulated
 * values t(0.975, 2) = 4.302652730, t(0.975, 7) = 2.364624252, t(0.95, 2) = 2.919985580.
 */
class StatsTest {
  private static final double EPS = 1e-9;

  @Test
  void meanSdAndIntervalOfOneTwoThree() {
    // mean 2; deviations -1, 0, 1 -> sd = sqrt(2 / 2) = 1; half-width 4.302652730 / sqrt(3)
    Estimate e = Stats.estimate(new double[] {1, 2, 3});
    assertEquals(2.0, e.mean(), EPS);
    assertEquals(1.0, e.sd(), EPS);
    double half = 4.302652729749462 / Math.sqrt(3);
    assertEquals(2 - half, e.ciLow(), EPS);
    assertEquals(2 + half, e.ciHigh(), EPS);
    assertEquals(3, e.n());
  }

  @Test
  void eightValues() {
    // mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32 -> sd = sqrt(32 / 7)
    Estimate e = Stats.estimate(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
    assertEquals(5.0, e.mean(), EPS);
    assertEquals(Math.sqrt(32.0 / 7), e.sd(), EPS);
    double half = 2.364624251592784 * Math.sqrt(32.0 / 7) / Math.sqrt(8);
    assertEquals(5 - half, e.ciLow(), EPS);
    assertEquals(5 + half, e.ciHigh(), EPS);
  }

  @Test
  void otherLevel() {
    Estimate e = Stats.estimate(new double[] {1, 2, 3}, 0.90);
    assertEquals(2 - 2.919985580353724 / Math.sqrt(3), e.ciLow(), EPS);
  }

  @Test
  void nanValuesAreDroppedAndCounted() {
    Estimate e = Stats.estimate(new double[] {Double.NaN, 1, 2, Double.NaN, 3});
    assertEquals(3, e.n());
    assertEquals(2.0, e.mean(), EPS);
    assertEquals(1.0, e.sd(), EPS);
    assertEquals(2.0, Stats.mean(new double[] {1, Double.NaN, 3}), EPS);
  }

  @Test
  void oneValueHasAMeanButNoSpread() {
    Estimate e = Stats.estimate(new double[] {Double.NaN, 7});
    assertEquals(7.0, e.mean(), 0);
    assertTrue(Double.isNaN(e.sd()));
    assertTrue(Double.isNaN(e.ciLow()));
    assertTrue(Double.isNaN(e.ciHigh()));
    assertEquals(1, e.n());
  }

  @Test
  void noValuesIsUndefined() {
    assertEquals(Estimate.EMPTY, Stats.estimate(new double[] {Double.NaN}));
    assertEquals(Estimate.EMPTY, Stats.estimate(new double[0]));
    assertTrue(Double.isNaN(Stats.mean(new double[0])));
    assertTrue(Double.isNaN(Stats.sd(new double[] {4})));
  }

  @Test
  void constantSampleHasZeroWidthInterval() {
    Estimate e = Stats.estimate(new double[] {0.1, 0.1, 0.1});
    assertEquals(0.0, e.sd(), 0);
    assertEquals(0.1, e.ciLow(), 0);
    assertEquals(0.1, e.ciHigh(), 0);
  }

  @Test
  void levelMustBeAProbability() {
    assertThrows(IllegalArgumentException.class, () -> Stats.estimate(new double[] {1, 2}, 1.0));
    assertThrows(IllegalArgumentException.class, () -> Stats.estimate(new double[] {1, 2}, 0));
    assertThrows(IllegalArgumentException.class, () -> Stats.tCritical(0, 0.95));
  }

  @Test
  void quantileInterpolatesLikeNumpy() {
    double[] sorted = {1, 2, 3, 4};
    assertEquals(1.0, Stats.quantile(sorted, 0), EPS);
    assertEquals(4.0, Stats.quantile(sorted, 1), EPS);
    assertEquals(2.5, Stats.quantile(sorted, 0.5), EPS);
    assertEquals(1.075, Stats.quantile(sorted, 0.025), EPS); // 3 * 0.025 = 0.075 past the first
    assertTrue(Double.isNaN(Stats.quantile(new double[0], 0.5)));
  }
}
