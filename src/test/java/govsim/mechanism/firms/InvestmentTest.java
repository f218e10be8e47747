package govsim.mechanism.firms;

import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.risk.RiskEmergence;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Capability investment and the release posture (issue 12 item 2): the menu, the production
 * function, the value of one release, the joint logit choice of R&amp;D share and posture in a
 * small case by hand, the draws it makes, the unsafe posture's expected cost and the gain factor
 * applied at releases.
 *
 * <p>Defaults used by hand: users' choice intensity 5 and quality weight 1, release_step_mean 0.05,
 * release rate 4/year, innovation crowd-out 2, reference share 0.15 and elasticity 0.5, harm
 * aversion 20, exposure 0.01, outcry threshold 0.01, outcry loss 0.2, reputation value 30, users'
 * mean information capability 0.86 with voice 1, detection 0.6 with novelty penalty 0.7 over 730
 * days, fine 3%, sanction loss 0.1, revocation loss 1 year.
 */
class InvestmentTest {
  private static final double EPS = 1e-12;

  private static Investment investment(String... sets) {
    ModelSpec s = spec(sets);
    return new Investment(
        s.firms(), s.risks(), s.users(), s.competition().scaleFeedbackElasticity());
  }

  private static FirmDecisions decisions(String... sets) {
    ModelSpec s = spec(sets);
    return govsim.mechanism.Fixtures.decisions(s, new Synergy(s.synergy()));
  }

  private static FirmDecisions.Outlook outlook(int firms) {
    return new FirmDecisions.Outlook(new boolean[firms], new double[firms][1], 100);
  }

  @Test
  void theMenuIsEvenlySpacedFromZeroToShareMax() {
    InvestmentParams p =
        spec("firms.investment.share_max=0.3", "firms.investment.levels=4").firms().investment();
    assertEquals(0.0, Investment.level(p, 0), EPS);
    assertEquals(0.1, Investment.level(p, 1), EPS);
    assertEquals(0.2, Investment.level(p, 2), EPS);
    assertEquals(0.3, Investment.level(p, 3), EPS);
  }

  @Test
  void theProductionFunctionHasDiminishingReturnsAndIsOneAtTheReferenceShare() {
    InvestmentParams p = spec().firms().investment(); // (x / 0.15)^0.5
    assertEquals(1.0, Investment.productivity(p, 0.15), EPS);
    assertEquals(2.0, Investment.productivity(p, 0.6), EPS, "four times the R&D, twice the gain");
    assertEquals(0.5, Investment.productivity(p, 0.0375), EPS);
    assertEquals(0.0, Investment.productivity(p, 0.0), EPS, "no R&D, no gain");
    InvestmentParams linear = spec("firms.investment.elasticity=1").firms().investment();
    assertEquals(2.0, Investment.productivity(linear, 0.3), EPS);
    InvestmentParams flat = spec("firms.investment.elasticity=0").firms().investment();
    assertEquals(1.0, Investment.productivity(flat, 0.0), EPS, "elasticity 0: R&D buys nothing");
  }

  @Test
  void oneReleaseIsWorthTheLogitShareGainOfItsMeanCapabilityGain() {
    World w = world(1, 100);
    Firm f = firm(w);
    f.users = 25;
    f.complianceCostPercent = 10;
    // (1 - 0.25) x 5 x 1 x 0.05 x (1 - 2 x 10%) = 0.15
    assertEquals(0.15, investment().releaseValue(w, f, 100), EPS);
    assertEquals(0.0, investment("risks.release_rate_per_year=0").releaseValue(w, f, 100), EPS);
  }

  /**
   * Menu {0, 0.6} (share_max 0.6, 2 levels), K = 0.15, H = 2 with hazard multiplier 3 (extra cost
   * (3 - 1) x 2 = 4), speedup 2, intensity 0.25. Values: (0, safe) 0; (0, unsafe) -4; (0.6, safe)
   * 100 (0.15 x 2 - 0.6) = -30; (0.6, unsafe) 100 (0.15 x 2 x 2 - 0.6) - 4 = -4. Probabilities
   * proportional to exp(0.25 V): 1, e^-1, e^-7.5, e^-1.
   */
  private static final String[] SMALL = {
    "firms.investment.share_max=0.6",
    "firms.investment.levels=2",
    "firms.investment.initial_share=0",
    "firms.decision_intensity=0.25",
    "firms.unsafe_release_speedup=2",
    "firms.unsafe_hazard_multiplier=3"
  };

  private static double[] smallCase() {
    double z = 1 + 2 * Math.exp(-1) + Math.exp(-7.5);
    return new double[] {1 / z, Math.exp(-1) / z, Math.exp(-7.5) / z, Math.exp(-1) / z};
  }

  private static Firm smallFirm(World w) {
    Firm f = firm(w);
    f.users = 25;
    f.complianceCostPercent = 10;
    return f;
  }

  @Test
  void theJointChoiceOfRdShareAndPostureIsALogitOverTheirValues() {
    World w = world(1, 100);
    Firm f = smallFirm(w);
    assertEquals(0.0, Investment.optionValue(0.15, 0.0, 1, 0.0, 0), EPS);
    assertEquals(-4.0, Investment.optionValue(0.15, 0.0, 2, 0.0, 4), EPS);
    assertEquals(-30.0, Investment.optionValue(0.15, 2.0, 1, 0.6, 0), EPS);
    assertEquals(-4.0, Investment.optionValue(0.15, 2.0, 2, 0.6, 4), EPS);
    assertArrayEquals(smallCase(), investment(SMALL).choiceProbabilities(w, f, 100, 2.0), EPS);
  }

  @Test
  void aReviewDrawsTheOptionsWithTheirProbabilities() {
    World w = world(1, 100);
    Firm f = smallFirm(w);
    Investment inv = investment(SMALL);
    MersenneTwisterFast rng = new MersenneTwisterFast(7);
    int n = 40_000;
    int[] seen = new int[4];
    for (int i = 0; i < n; i++) {
      inv.review(w, f, rng, 100, 2.0);
      seen[(f.rdShare == 0.6 ? 2 : 0) + (f.unsafeReleases ? 1 : 0)]++;
      assertTrue(f.rdShare == 0.0 || f.rdShare == 0.6, "a share of the menu");
    }
    double[] p = smallCase();
    for (int k = 0; k < 4; k++) {
      assertEquals(p[k], seen[k] / (double) n, 5 * Math.sqrt(p[k] * (1 - p[k]) / n), "option " + k);
    }
  }

  @Test
  void withoutInvestmentTheChoiceIsThePostureAloneAndNothingIsSpent() {
    World w = world(1, 100);
    Firm f = smallFirm(w);
    Investment inv = investment("firms.investment.enabled=false", "firms.decision_intensity=0.25");
    // Options safe, unsafe: 100 x 0.15 = 15 and 100 x 0.15 x 2 - (2 - 1) x 2 = 28.
    double pUnsafe = 1 / (1 + Math.exp(-0.25 * 13));
    assertArrayEquals(
        new double[] {1 - pUnsafe, pUnsafe}, inv.choiceProbabilities(w, f, 100, 2.0), EPS);
    assertEquals(0.0, Investment.initialShare(inv.params()), EPS);
    f.rdShare = 0.0;
    assertEquals(1.0, inv.gainMultiplier(w, f), EPS, "the draw as before issue 12");
  }

  @Test
  void withInvestmentAndPostureChoiceBothOffAReviewDrawsNothing() {
    World w = world(1, 100);
    Firm f = smallFirm(w);
    f.unsafeReleases = true;
    f.rdShare = 0.123;
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    investment("firms.investment.enabled=false", "firms.investment.posture_choice=false")
        .review(w, f, rng, 100, 2.0);
    assertEquals(new MersenneTwisterFast(3).nextDouble(), rng.nextDouble(), "no draw");
    assertTrue(f.unsafeReleases);
    assertEquals(0.123, f.rdShare, EPS);
  }

  @Test
  void theGainFactorIsTheProductionFunctionTimesTheScaleFeedback() {
    World w = world(1, 400);
    Firm big = firm(w);
    big.users = 300;
    Firm small = firm(w);
    small.users = 100;
    big.rdShare = 0.6;
    assertEquals(2.0, investment().gainMultiplier(w, big), EPS, "elasticity 0: no feedback");
    // Mean users 200: big has 1.5 times the mean, (1.5)^0.5.
    assertEquals(
        2.0 * Math.sqrt(1.5),
        investment("competition.scale_feedback_elasticity=0.5").gainMultiplier(w, big),
        EPS);
  }

  @Test
  void aReleaseGainIsScaledByTheFactorAndDrawsTheSameNumbers() {
    RiskEmergence m = new RiskEmergence(spec().risks());
    double[] gain = new double[2];
    double[] next = new double[2];
    for (int k = 0; k < 2; k++) {
      World w = world(1, 0);
      Firm f = firm(w, 0, 1.0, 1);
      f.nextReleaseDay = 0;
      MersenneTwisterFast rng = new MersenneTwisterFast(11);
      double factor = k == 0 ? 1.0 : 2.5;
      m.releases(w, id -> rng, 0.0, 0.0, 2.0, id -> false, id -> factor);
      gain[k] = f.capability - 1.0;
      next[k] = f.nextReleaseDay;
    }
    assertTrue(gain[0] > 0);
    assertEquals(2.5 * gain[0], gain[1], EPS);
    assertEquals(next[0], next[1], 0.0, "the interval is drawn the same");
  }

  // ---- the unsafe posture's expected cost (FirmDecisions.unsafeCost / incidentCost)

  @Test
  void anIncidentCostsAlignedHarmAndTheLearnedExpectedOutcry() {
    // The default, reputation.expected_backlash learned: an incident is expected to cause min(1,
    // belief x visibility) outcries, the belief at its prior 1 (no outcry seen yet), as in
    // mitigationValue. Harm: 0.5 x 20 x 3 x 0.01 = 0.3; an outcry costs 0.2 x 30 = 6.
    FirmDecisions d = decisions();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk quiet = risk(w, 3.0, 0.01, 2.0 / 365, false);
    Risk visible = risk(w, 3.0, 0.02, 2.0 / 365, false);
    assertEquals(0.3 + 0.01 * 6, d.incidentCost(w, f, quiet, outlook(1)), EPS);
    assertEquals(0.3 + 0.02 * 6, d.incidentCost(w, f, visible, outlook(1)), EPS);
    assertEquals(2 * 0.36 + 2 * 0.42, d.unsafeCost(w, f, outlook(1)), 1e-9);
  }

  @Test
  void anIncidentCostsAlignedHarmAndTheExpectedOutcry() {
    // reputation.expected_backlash legacy: the step at the outcry threshold.
    FirmDecisions d = decisions("reputation.expected_backlash=legacy");
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk quiet = risk(w, 3.0, 0.01, 2.0 / 365, false); // 0.0086 complain: below 1%
    Risk visible = risk(w, 3.0, 0.02, 2.0 / 365, false); // 0.0172: an outcry
    // Harm: 0.5 x 20 x 3 x 0.01 = 0.3; outcry: 0.2 x 30 = 6.
    assertEquals(0.3, d.incidentCost(w, f, quiet, outlook(1)), EPS);
    assertEquals(6.3, d.incidentCost(w, f, visible, outlook(1)), EPS);
    // H = 2/year x (0.3 + 6.3); mitigating the visible risk ad hoc halves its residual hazard.
    assertEquals(2 * 0.3 + 2 * 6.3, d.unsafeCost(w, f, outlook(1)), 1e-9);
    f.mitigates.set(visible.id);
    assertEquals(2 * 0.3 + 2 * 0.5 * 6.3, d.unsafeCost(w, f, outlook(1)), 1e-9);
    visible.known = false;
    assertEquals(2 * 0.3, d.unsafeCost(w, f, outlook(1)), 1e-9, "unknown risks are not weighed");
  }

  @Test
  void aSevereIncidentOfAViolatedRuleAddsTheExpectedSanction() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    w.regulators[0].enforcement = true;
    Firm f = firm(w, 0.0, 0, 1);
    Risk severe = risk(w, 10.0, 0.0, 2.0 / 365, false); // invisible: no outcry
    assertEquals(0.0, d.incidentCost(w, f, severe, outlook(1)), EPS, "no rule: no sanction");
    ruleInForce(w.regulators[0].rules, severe, 0.9);
    // Detection at age 0: 0.6 x (1 - 0.7) = 0.18; fine 3 + published 0.1 x 30 + revocation 100.
    assertEquals(0.18 * (3 + 3 + 100), d.incidentCost(w, f, severe, outlook(1)), 1e-9);
    f.mitigates.set(severe.id);
    assertEquals(0.0, d.incidentCost(w, f, severe, outlook(1)), EPS, "complying: no sanction");
  }

  @Test
  void logitFirmsChooseTheirPostureAtReviewsWhenPostureChoiceIsOn() {
    World w = world(1, 0);
    Firm f = firm(w, 1.0, 0, 1);
    risk(w, 3.0, 0.02, 2.0 / 365, false);
    // Decisive intensity. Without users K = 5 x 0.05 = 0.25: the unsafe posture gains at most
    // 100 x 0.25 x m(0.3) x (2 - 1) = 35.4; with hazard multiplier 10 it costs 9 H, H = 2/year x
    // (1 x 20 x 3 x 0.01 + 6) = 13.2 (6.6 if the review mitigates the risk): at least 59.4.
    // The legacy expected outcry (a step: one outcry per incident of this risk), as derived above.
    FirmDecisions on =
        decisions(
            "firms.decision_intensity=1000",
            "firms.unsafe_hazard_multiplier=10",
            "reputation.expected_backlash=legacy");
    f.unsafeReleases = true;
    on.review(w, f, new MersenneTwisterFast(5), outlook(1));
    assertFalse(f.unsafeReleases, "ten times the hazard: the firm turns safe");
    FirmDecisions off =
        decisions(
            "firms.decision_intensity=1000",
            "firms.unsafe_hazard_multiplier=10",
            "firms.investment.posture_choice=false",
            "reputation.expected_backlash=legacy");
    f.unsafeReleases = true;
    off.review(w, f, new MersenneTwisterFast(5), outlook(1));
    assertTrue(f.unsafeReleases, "posture choice off: the posture it started with");
  }

  // ---- social learning of the R&D share

  @Test
  void socialLearningDrawsTheRdShareAsAKindOfItsOwn() {
    World w = world(1, 0);
    firm(w);
    risk(w, 3.0, 0.01, 0.01, false);
    // Kinds: posture, practice, risks (one), R&D: 1/4 each; the R&D decision is index 2 + 1 + 0.
    assertEquals(0.25, SocialLearning.decisionProbability(w, 0, true), EPS);
    assertEquals(0.25, SocialLearning.decisionProbability(w, 2, true), EPS);
    assertEquals(0.25, SocialLearning.decisionProbability(w, 3, true), EPS);
    assertEquals(1.0 / 3, SocialLearning.decisionProbability(w, 2, false), EPS, "as before");
    MersenneTwisterFast rng = new MersenneTwisterFast(4);
    int n = 20_000;
    int rd = 0;
    for (int i = 0; i < n; i++) if (SocialLearning.drawDecision(w, rng, true) == 3) rd++;
    assertEquals(0.25, rd / (double) n, 5 * Math.sqrt(0.25 * 0.75 / n));
  }

  @Test
  void explorationMovesTheShareToAnotherLevelOfTheMenuUniformly() {
    InvestmentParams p = spec().firms().investment(); // {0, 0.1, 0.2, 0.3}
    MersenneTwisterFast rng = new MersenneTwisterFast(8);
    int n = 30_000;
    int[] seen = new int[4];
    for (int i = 0; i < n; i++) {
      double x = SocialLearning.exploreShare(p, Investment.level(p, 1), rng);
      seen[(int) Math.round(x * 10)]++;
    }
    assertEquals(0, seen[1], "never the current share");
    for (int k : new int[] {0, 2, 3}) {
      assertEquals(1.0 / 3, seen[k] / (double) n, 5 * Math.sqrt(2.0 / 9 / n), "level " + k);
    }
    int[] off = new int[4];
    for (int i = 0; i < n; i++)
      off[(int) Math.round(SocialLearning.exploreShare(p, 0.15, rng) * 10)]++;
    for (int k = 0; k < 4; k++) {
      assertEquals(
          0.25, off[k] / (double) n, 5 * Math.sqrt(0.1875 / n), "off the menu: level " + k);
    }
  }

  @Test
  void imitationCopiesAMoreProfitablePeersShare() {
    ModelSpec s =
        spec("firms.decision_rule=fermi", "firms.mutation_rate=0", "firms.decision_intensity=1000");
    SocialLearning learning =
        new SocialLearning(s.firms(), new Investment(s.firms(), s.risks(), s.users(), 0.0));
    World w = world(1, 0);
    Firm f = firm(w);
    Firm peer = firm(w);
    f.revenueStep = 1.0;
    peer.revenueStep = 1.0;
    SocialLearning.book(f, 0.0, 1);
    SocialLearning.book(peer, 1.0, 1);
    f.rdShare = 0.0;
    peer.rdShare = 0.3;
    MersenneTwisterFast rng = new MersenneTwisterFast(9);
    // Kinds posture, practice, R&D (1/3 each); the peer's payoff is 50 points higher: copied.
    for (int i = 0; i < 60; i++) learning.review(w, f, rng);
    assertEquals(0.3, f.rdShare, 0.0);
  }
}
