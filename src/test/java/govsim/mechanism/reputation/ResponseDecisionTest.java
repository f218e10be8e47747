package govsim.mechanism.reputation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: the backlash response decision's parts by hand (ResponseDecision's Javadoc):
 * earnings, the cost of the users expected to be lost, the four utilities and the choice
 * probabilities under the logit and the Fermi rule.
 */
class ResponseDecisionTest {
  /** A generator whose nextDouble returns the given numbers in turn, and nextInt(n) its first. */
  static final class Fixed extends MersenneTwisterFast {
    private final double[] xs;
    private int i;

    Fixed(double... xs) {
      super(1);
      this.xs = xs;
    }

    @Override
    public double nextDouble() {
      return xs[i++];
    }

    @Override
    public int nextInt(int n) {
      return (int) (xs[i++] * n);
    }
  }

  @Test
  void earningsAreExtraRevenueMinusAlignedHarm() {
    // 0.1 x 100 - 0.5 x 20 x 0.002 x 365 = 10 - 7.3
    assertEquals(2.7, ResponseDecision.earnings(0.1, 0.5, 20, 0.002), 1e-12);
    assertEquals(10.0, ResponseDecision.earnings(0.1, 0.0, 20, 0.002), 1e-12);
  }

  /**
   * 10 of 1000 users lost over 2 outcries: 0.5% per outcry; 4 outcries expected a year: 2% of
   * users, 2 % of revenue a year; rivals with the practice hold a quarter of rivals' users: x 0.75
   * = 1.5.
   */
  @Test
  void userCostIsTheLossPerOutcryTimesTheOutcriesExpected() {
    assertEquals(2.0, ResponseDecision.userCost(1000, 990, 2, 4, 0), 1e-12);
    assertEquals(1.5, ResponseDecision.userCost(1000, 990, 2, 4, 0.25), 1e-12);
    // a fifth of the users at one outcry, 12 expected: 240 %, capped at all revenue
    assertEquals(100.0, ResponseDecision.userCost(1000, 800, 1, 12, 0), 1e-12);
    // no outcry counted yet is counted as one
    assertEquals(2.0, ResponseDecision.userCost(1000, 995, 0, 4, 0), 1e-12);
    // users gained are no cost; every rival with the practice: leaving does not escape it
    assertEquals(0.0, ResponseDecision.userCost(1000, 1200, 2, 4, 0), 0);
    assertEquals(0.0, ResponseDecision.userCost(1000, 990, 2, 4, 1), 0);
    assertEquals(0.0, ResponseDecision.userCost(0, 0, 2, 4, 0), 0);
    // From a lost share however counted (user_loss_evidence noticed: usage lost to noticers):
    // 0.01 per outcry over 2 outcries, 4 expected a year: 100 x 4 x 0.005 = 2.
    assertEquals(2.0, ResponseDecision.userCost(0.01, 2, 4, 0), 1e-12);
    assertEquals(0.0, ResponseDecision.userCost(-0.01, 2, 4, 0), 0, "a gain is no cost");
  }

  /**
   * Intensity 0.5, net value -4 per unit, partial share 0.5, deliberation 36.5 days: full 0,
   * partial 0.5 x 0.5 x -4 = -1, wait 0.5 x -4 x 36.5/365 = -0.2, hold 0.5 x -4 = -2.
   */
  @Test
  void theFourUtilities() {
    assertArrayEquals(
        new double[] {0, -1, -0.2, -2}, ResponseDecision.utilities(0.5, -4, 0.5, 36.5), 1e-12);
    // keeping pays: hold > partial > wait > full
    assertArrayEquals(
        new double[] {0, 1, 0.2, 2}, ResponseDecision.utilities(0.5, 4, 0.5, 36.5), 1e-12);
  }

  /**
   * Logit, intensity 1, on {0, -1, -0.2, -2}: weights 1, e^-1, e^-0.2, e^-2 (sum 2.32199), so
   * 0.430673, 0.158436, 0.352606, 0.058285.
   */
  @Test
  void logitProbabilities() {
    double[] p = ResponseDecision.probabilities(new double[] {0, -1, -0.2, -2}, false, 1);
    assertArrayEquals(
        new double[] {
          0.4306733339331882, 0.15843586541478324, 0.3526055030217243, 0.05828529763030431
        },
        p,
        1e-12);
    // intensity 0: every answer 1/4
    assertArrayEquals(
        new double[] {0.25, 0.25, 0.25, 0.25},
        ResponseDecision.probabilities(new double[] {0, -1, -0.2, -2}, false, 0),
        1e-15);
  }

  /**
   * Fermi, intensity 1: each other answer a is proposed with 1/3 and taken with 1/(1+exp(-(u_a -
   * u_hold))): full 1/(1+e^-2)/3 = 0.293599, partial 1/(1+e^-1)/3 = 0.243686, wait 1/(1+e^-1.8)/3 =
   * 0.286050; hold the rest, 0.176665.
   */
  @Test
  void fermiProbabilities() {
    double[] p = ResponseDecision.probabilities(new double[] {0, -1, -0.2, -2}, true, 1);
    assertArrayEquals(
        new double[] {
          0.29359902599262744, 0.2436861928766683, 0.28604964503317076, 0.17666513609753354
        },
        p,
        1e-12);
  }

  /** The logit draw cuts [0, 1) at the cumulative probabilities 0.4307, 0.5891, 0.9417. */
  @Test
  void theLogitDrawFollowsTheCumulativeProbabilities() {
    double[] u = {0, -1, -0.2, -2};
    assertEquals(
        ResponseDecision.Answer.FULL, ResponseDecision.choose(u, false, 1, new Fixed(0.43)));
    assertEquals(
        ResponseDecision.Answer.PARTIAL, ResponseDecision.choose(u, false, 1, new Fixed(0.44)));
    assertEquals(
        ResponseDecision.Answer.WAIT, ResponseDecision.choose(u, false, 1, new Fixed(0.94)));
    assertEquals(
        ResponseDecision.Answer.HOLD, ResponseDecision.choose(u, false, 1, new Fixed(0.95)));
  }

  /** Fermi: the first draw picks full (x 3 in [0,1)), the second takes it if below 0.8808. */
  @Test
  void theFermiDrawProposesThenTakes() {
    double[] u = {0, -1, -0.2, -2};
    assertEquals(
        ResponseDecision.Answer.FULL, ResponseDecision.choose(u, true, 1, new Fixed(0.1, 0.88)));
    assertEquals(
        ResponseDecision.Answer.HOLD, ResponseDecision.choose(u, true, 1, new Fixed(0.1, 0.89)));
    assertEquals(
        ResponseDecision.Answer.WAIT, ResponseDecision.choose(u, true, 1, new Fixed(0.7, 0.5)));
  }
}
