package govsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The paired t-test on a hand-checkable sample. a - b = (-1, 0, -1, 0, -2): mean -0.8, squared
 * deviations 0.04 + 0.64 + 0.04 + 0.64 + 1.44 = 2.8, sd = sqrt(2.8 / 4) = sqrt(0.7); t = -0.8 /
 * (sqrt(0.7) / sqrt(5)) = -2.138089935 with 4 degrees of freedom, two-sided p = 0.09930068321
 * (scipy.stats.ttest_rel gives the same); t(0.975, 4) = 2.776445105.
 */
class PairedDifferenceTest {
  private static final double EPS = 1e-9;

  @Test
  void pairedTTest() {
    PairedDifference d =
        PairedDifference.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 2, 4, 4, 7}, 0.95);
    assertEquals(-0.8, d.meanDiff(), EPS);
    assertEquals(Math.sqrt(0.7), d.sd(), EPS);
    double half = 2.7764451051977987 * Math.sqrt(0.7) / Math.sqrt(5);
    assertEquals(-0.8 - half, d.ciLow(), EPS);
    assertEquals(-0.8 + half, d.ciHigh(), EPS);
    assertEquals(0.09930068321372679, d.pValue(), 1e-8);
    assertEquals(5, d.n());
  }

  @Test
  void pairsWithANanAreDropped() {
    PairedDifference d =
        PairedDifference.of(
            new double[] {1, Double.NaN, 2, 3, 4, 5}, new double[] {2, 9, 2, 4, 4, 7}, 0.95);
    assertEquals(5, d.n());
    assertEquals(-0.8, d.meanDiff(), EPS);
  }

  @Test
  void identicalDifferences() {
    PairedDifference same =
        PairedDifference.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 0.95);
    assertEquals(0.0, same.meanDiff(), 0);
    assertEquals(1.0, same.pValue(), 0);
    assertEquals(0.0, same.ciLow(), 0);
    PairedDifference shifted =
        PairedDifference.of(new double[] {2, 3, 4}, new double[] {1, 2, 3}, 0.95);
    assertEquals(1.0, shifted.meanDiff(), 0);
    assertEquals(0.0, shifted.pValue(), 0);
  }

  @Test
  void onePairHasNoTest() {
    PairedDifference d = PairedDifference.of(new double[] {3}, new double[] {1}, 0.95);
    assertEquals(2.0, d.meanDiff(), 0);
    assertTrue(Double.isNaN(d.pValue()));
    assertTrue(Double.isNaN(d.ciLow()));
    assertEquals(1, d.n());
  }

  @Test
  void lengthsMustMatch() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PairedDifference.of(new double[2], new double[3], 0.95));
  }
}
