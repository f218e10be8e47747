package govsim.experiment.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The variance ratio of paired differences, against hand-computed values. */
class CrnVarianceReductionTest {
  @Test
  void ratioIsThePairedVarianceOverTheSumOfVariances() {
    // a = 1 2 3 4, b = 1 2 3 5: d = 0 0 0 -1, Var(d) = 0.75 / 3; Var(a) = 5 / 3, Var(b) = 8.75 / 3.
    double[] r = CrnVarianceReduction.ratio(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5});
    assertEquals(0.75 / 13.75, r[0], 1e-15);
    assertEquals(4, r[1]);
    assertEquals(0.25, r[2], 1e-15);
    assertEquals(13.75 / 3, r[3], 1e-15);
  }

  @Test
  void undefinedReplicationsAreLeftOutAndTooFewGiveNoRatio() {
    double nan = Double.NaN;
    double[] r =
        CrnVarianceReduction.ratio(new double[] {1, nan, 2, 3, 4}, new double[] {1, 7, 2, 3, 5});
    assertEquals(0.75 / 13.75, r[0], 1e-15);
    assertEquals(4, r[1]);
    assertTrue(
        Double.isNaN(CrnVarianceReduction.ratio(new double[] {1, 2}, new double[] {3, 5})[0]));
    assertTrue(
        Double.isNaN(CrnVarianceReduction.ratio(new double[] {0, 0, 0}, new double[] {0, 0, 0})[0]),
        "no variance in either regime: no ratio");
    // Independent-looking pairs: a and b move against each other, ratio 2 (perfect
    // anticorrelation).
    assertEquals(
        2.0, CrnVarianceReduction.ratio(new double[] {1, 2, 3}, new double[] {3, 2, 1})[0], 1e-15);
  }
}
