package govsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.validation.Check;
import govsim.experiment.validation.Check.Margin;
import govsim.experiment.validation.Check.Operand;
import govsim.experiment.validation.Check.PairedKind;
import govsim.experiment.validation.Claim;
import govsim.experiment.validation.Quantity;
import govsim.model.Regime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Claims evaluated on hand-made numbers: the verdict and the computed sentence, for checks that
 * pass and checks that fail. Intervals are 95% t-intervals with 2 degrees of freedom (t =
 * 4.302653), derived by hand in the comments.
 */
class ClaimTest {
  private static final Quantity HARM = Quantity.summary("harm_total");
  private static final Quantity GROWTH = Quantity.summary("capability_growth_per_year");
  private static final Quantity COV = Quantity.summary("coverage_community");

  private static Operand op(Regime r, Quantity q, String label) {
    return new Operand(r, q, label);
  }

  private static Claim claim(Check... checks) {
    return new Claim(
        "T1",
        "test",
        "a test claim",
        "x.yaml",
        List.of(),
        List.of(),
        List.of(checks),
        List.of(),
        "");
  }

  @Test
  void lowerHoldsWhenTheWholeIntervalIsBelowZero() {
    Operand a = op(Regime.HYBRID, HARM, "hybrid harm");
    Operand b = op(Regime.CENTRALIZED, HARM, "centralized harm");
    // differences -2, -3, -2: mean -2.3333, sd 0.57735, half-width 4.302653 x 0.57735 / sqrt 3
    // = 1.434218, interval [-3.767551, -0.899116]
    Claim.Result r =
        claim(new Check.Paired(PairedKind.LOWER, a, b, Margin.NONE))
            .evaluate(Map.of(a.key(), new double[] {1, 2, 4}, b.key(), new double[] {3, 5, 6}));
    assertTrue(r.holds());
    assertEquals(
        "The check holds: hybrid harm 2.333 vs centralized harm 4.667: paired difference -2.333"
            + " [-3.768, -0.8991]; the interval lies below 0.",
        r.sentence());
  }

  @Test
  void lowerFailsWithAnIntervalAcrossZeroAndSaysSo() {
    Operand a = op(Regime.HYBRID, HARM, "hybrid harm");
    Operand b = op(Regime.DISTRIBUTED, HARM, "distributed harm");
    // differences -1000, 200, -46: mean -282, sd 632.7, interval [-1856.6, 1292.6]: never "below
    // zero"
    Claim.Result r =
        claim(new Check.Paired(PairedKind.LOWER, a, b, Margin.NONE))
            .evaluate(
                Map.of(
                    a.key(),
                    new double[] {1000, 1200, 954},
                    b.key(),
                    new double[] {2000, 1000, 1000}));
    assertFalse(r.holds());
    assertEquals(
        "1 of 1 check fails: hybrid harm 1051 vs distributed harm 1333: paired difference -282"
            + " [-1857, 1293]; the interval's upper end 1293 is not below 0.",
        r.sentence());
  }

  @Test
  void aRecoveryThatDidNotHappenIsNotCalledARecovery() {
    Operand post = op(Regime.DISTRIBUTED, COV, "coverage after");
    Operand pre = op(Regime.DISTRIBUTED, Quantity.summary("coverage_regulator"), "coverage before");
    // differences -0.43, -0.40, -0.46: mean -0.43, sd 0.03, interval [-0.50452, -0.35548];
    // margin 10% of the pre-shock mean 0.61 = 0.061
    Claim.Result r =
        claim(
                new Check.Paired(
                    PairedKind.RECOVERS, post, pre, Margin.relative(0.1, "a tenth of the level")))
            .evaluate(
                Map.of(
                    post.key(),
                    new double[] {0.18, 0.2, 0.16},
                    pre.key(),
                    new double[] {0.61, 0.6, 0.62}));
    assertFalse(r.holds());
    assertEquals(
        "1 of 1 check fails: coverage after 0.18 vs coverage before 0.61: paired difference -0.43"
            + " [-0.5045, -0.3555]; not back: the interval's lower end -0.5045 is not above -0.061"
            + " (margin 0.061).",
        r.sentence());
    assertFalse(r.sentence().contains("back to"));
  }

  @Test
  void noWorseNeedsTheIntervalAboveMinusTheMarginNotJustAnUpperEndAboveZero() {
    Operand h = op(Regime.HYBRID, GROWTH, "hybrid growth");
    Operand c = op(Regime.CENTRALIZED, GROWTH, "centralized growth");
    Check ni =
        new Check.Paired(PairedKind.NO_WORSE, h, c, Margin.relative(0.1, "a tenth of centralized"));
    // differences -0.02, 0.01, -0.05: mean -0.02, sd 0.03, interval [-0.094524, 0.054524]; the
    // upper end is above 0 (the old rule passed it) but the lower end is below -0.012
    Claim.Result fails =
        claim(ni)
            .evaluate(
                Map.of(
                    h.key(),
                    new double[] {0.10, 0.12, 0.08},
                    c.key(),
                    new double[] {0.12, 0.11, 0.13}));
    assertFalse(fails.holds());
    assertEquals(
        "1 of 1 check fails: hybrid growth 0.1 vs centralized growth 0.12: paired difference -0.02"
            + " [-0.09452, 0.05452]; not shown no worse: the interval's lower end -0.09452 is not"
            + " above -0.012 (margin 0.012).",
        fails.sentence());
    // differences 0.05, 0.06, 0.07: mean 0.06, sd 0.01, interval [0.035159, 0.084841]
    Claim.Result holds =
        claim(ni)
            .evaluate(
                Map.of(
                    h.key(),
                    new double[] {0.17, 0.17, 0.20},
                    c.key(),
                    new double[] {0.12, 0.11, 0.13}));
    assertTrue(holds.holds());
    assertEquals(
        "The check holds: hybrid growth 0.18 vs centralized growth 0.12: paired difference 0.06"
            + " [0.03516, 0.08484]; no worse, within the margin: the interval's lower end 0.03516 is"
            + " above -0.012 (margin 0.012).",
        holds.sentence());
  }

  @Test
  void withinAndRatioAndAlwaysWithSeveralChecks() {
    Operand gapD = op(Regime.DISTRIBUTED, HARM, "distributed gap");
    Operand gapC = op(Regime.CENTRALIZED, HARM, "centralized gap");
    Operand rev = op(Regime.DISTRIBUTED, GROWTH, "days to revision");
    // distributed gap 10, 12, 11: mean 11, sd 1, interval [8.5159, 13.4841] within [7, 365];
    // ratios 10/100, 12/100, 11/50 = 0.1, 0.12, 0.22: mean 0.14667, sd 0.064291, half-width
    // 4.302653 x 0.064291 / sqrt 3 = 0.159709, interval [-0.01304, 0.30638], above 0.2; revision
    // defined in 2 of 3 replications
    Claim.Result r =
        claim(
                new Check.Within(gapD, 7, 365, " days"),
                new Check.RatioAtMost(gapD, gapC, 0.2),
                new Check.Always(rev, "the firm revised"))
            .evaluate(
                Map.of(
                    gapD.key(), new double[] {10, 12, 11},
                    gapC.key(), new double[] {100, 100, 50},
                    rev.key(), new double[] {3, Double.NaN, 4}));
    assertFalse(r.holds());
    assertEquals(
        "2 of 3 checks fail (marked ✗); the claim holds only if all hold. (1) Distributed gap is 11"
            + " days [8.516, 13.48]; the interval lies within the claim (in [7, 365] days). (2 ✗) The"
            + " ratio distributed gap / centralized gap is 0.1467 [-0.01304, 0.3064]; not shown at"
            + " most 0.2: the interval's upper end 0.3064 exceeds it. (3 ✗) The firm revised in 2 of 3"
            + " replications; the claim needs all.",
        r.sentence());
  }

  @Test
  void nearIsAnEquivalenceTestWithItsMargin() {
    Operand d = op(Regime.DISTRIBUTED, HARM, "distributed harm");
    Operand lf = op(Regime.LAISSEZ_FAIRE, HARM, "laissez-faire harm");
    Check near =
        new Check.Paired(PairedKind.NEAR, d, lf, Margin.relative(0.1, "a tenth of laissez-faire"));
    // differences 10, 12, 11 against laissez-faire mean 1000: margin 100, interval [8.52, 13.48]
    Claim.Result holds =
        claim(near)
            .evaluate(
                Map.of(
                    d.key(),
                    new double[] {1010, 1012, 1011},
                    lf.key(),
                    new double[] {1000, 1000, 1000}));
    assertTrue(holds.holds());
    assertTrue(
        holds.sentence().endsWith("near: the interval lies within ±100 (margin 100)."),
        holds.sentence());
    // differences 10, 120, 500: mean 210, sd 257, interval [-428.6, 848.6]: wider than ±100
    Claim.Result fails =
        claim(near)
            .evaluate(
                Map.of(
                    d.key(),
                    new double[] {1010, 1120, 1500},
                    lf.key(),
                    new double[] {1000, 1000, 1000}));
    assertFalse(fails.holds());
    assertTrue(
        fails.sentence().endsWith("not shown near: the interval is wider than ±100 (margin 100)."),
        fails.sentence());
  }
}
