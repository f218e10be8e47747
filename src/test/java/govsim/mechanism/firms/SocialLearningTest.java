package govsim.mechanism.firms;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M6 social learning (firms.decision_rule fermi): the trailing profit window, the payoff compared,
 * the probability that one decision is copied or explored, and what each decision may change. Every
 * expected value is derived by hand in the test's comments.
 */
class SocialLearningTest {
  private static SocialLearning learning(String... sets) {
    return new SocialLearning(spec(sets).firms());
  }

  /** Two firms with revenue 1 a day each (a mean annual revenue of 365) and no risks. */
  private static World twoFirms() {
    World w = world(1, 0);
    firm(w).revenueStep = 1.0;
    firm(w).revenueStep = 1.0;
    return w;
  }

  @Test
  void theWindowHoldsTheLastStepsAndAveragesThem() {
    assertEquals(90, SocialLearning.windowSteps(90, 1));
    assertEquals(40, SocialLearning.windowSteps(10, 0.25));
    assertEquals(1, SocialLearning.windowSteps(0.4, 1), "at least one step");
    World w = world(1, 0);
    Firm f = firm(w);
    assertEquals(0.0, SocialLearning.windowProfitPerYear(f, 1.0), "nothing booked: 0");
    SocialLearning.book(f, 1.0, 3);
    SocialLearning.book(f, 2.0, 3);
    // Two of three slots: mean 1.5 a day = 547.5 a year.
    assertEquals(547.5, SocialLearning.windowProfitPerYear(f, 1.0), 1e-12);
    SocialLearning.book(f, 3.0, 3);
    SocialLearning.book(f, 4.0, 3);
    SocialLearning.book(f, 5.0, 3);
    // The window holds 3, 4, 5: mean 4 per step; with half-day steps 4 x 730 a year.
    assertEquals(4.0 * 365, SocialLearning.windowProfitPerYear(f, 1.0), 1e-12);
    assertEquals(4.0 * 730, SocialLearning.windowProfitPerYear(f, 0.5), 1e-12);
    // As % of a mean annual revenue of 2,920: 100 x 1,460 / 2,920 = 50.
    assertEquals(50.0, SocialLearning.payoff(f, 1.0, 2920.0), 1e-12);
    assertEquals(0.0, SocialLearning.payoff(f, 1.0, 0.0), "no revenue anywhere: 0");
  }

  @Test
  void theMeanAnnualRevenueCountsActiveFirmsOnly() {
    World w = world(1, 0);
    firm(w).revenueStep = 2.0;
    firm(w).revenueStep = 4.0;
    Firm gone = firm(w);
    gone.revenueStep = 100.0;
    gone.active = false;
    assertEquals(3.0 * 365, SocialLearning.meanAnnualRevenue(w), 1e-9);
  }

  @Test
  void theAccountsBookTheWindowOnlyForSocialLearning() {
    for (String rule : List.of("logit", "fermi")) {
      ModelSpec s =
          spec(
              "firms.decision_rule=" + rule,
              "firms.imitation_window_days=5",
              "firms.revenue_per_user_year=365");
      FirmDecisions d = govsim.mechanism.Fixtures.decisions(s, new Synergy(s.synergy()));
      Accounting books = new Accounting(s.firms(), s.practice(), 0.0);
      World w = world(1, 0);
      Firm f = firm(w);
      f.users = 10; // revenue 10 a day, no costs
      f.finesStep = 4.0; // the first day: profit 6
      books.step(w, d);
      books.step(w, d); // profit 10
      if (rule.equals("logit")) {
        assertNull(f.profitWindow, "the logit rule keeps no window");
      } else {
        assertEquals(5, f.profitWindow.length);
        assertEquals(2, f.profitWindowFilled);
        assertEquals(8.0 * 365, SocialLearning.windowProfitPerYear(f, 1.0), 1e-9);
      }
    }
  }

  @Test
  void theFermiProbabilityOfTheDifferenceInPayoffs() {
    assertEquals(0.5, SocialLearning.copyProbability(3.0, 7.0, 7.0));
    assertEquals(1 / (1 + Math.exp(-1.0)), SocialLearning.copyProbability(0.2, 5.0, 0.0), 1e-15);
    assertEquals(1 / (1 + Math.exp(1.0)), SocialLearning.copyProbability(0.2, 0.0, 5.0), 1e-15);
  }

  @Test
  void decisionsAreThePosturethePracticeKnownRisksAndActiveCommunities() {
    World w = world(1, 0);
    assertEquals(2, SocialLearning.decisionCount(w));
    risk(w, 1, 0.1, 0.01, false);
    risk(w, 1, 0.1, 0.01, true); // Knightian: not known, not decided
    Community c = community(w, 0.5, 0.5, 0L);
    community(w, 0.5, 0.5, 0L).active = false;
    assertEquals(4, SocialLearning.decisionCount(w));
    risk(w, 1, 0.1, 0.01, false);
    risk(w, 1, 0.1, 0.01, false);
    // Four kinds: posture and practice 1/4 each, each of the three known risks 1/12, the
    // community 1/4.
    assertEquals(6, SocialLearning.decisionCount(w));
    assertEquals(0.25, SocialLearning.decisionProbability(w, 0));
    assertEquals(0.25, SocialLearning.decisionProbability(w, 1));
    assertEquals(1 / 12.0, SocialLearning.decisionProbability(w, 3), 1e-15);
    assertEquals(0.25, SocialLearning.decisionProbability(w, 5));
    int[] drawn = new int[6];
    MersenneTwisterFast rng = new MersenneTwisterFast(13);
    int n = 24_000;
    for (int i = 0; i < n; i++) drawn[SocialLearning.drawDecision(w, rng)]++;
    for (int d = 0; d < 6; d++) {
      double p = SocialLearning.decisionProbability(w, d);
      assertEquals(p, drawn[d] / (double) n, 5 * Math.sqrt(p * (1 - p) / n), "decision " + d);
    }
    Firm f = firm(w);
    member(f, c);
    f.mitigates.set(0);
    f.unsafeReleases = true;
    assertTrue(SocialLearning.value(w, f, 0), "posture");
    assertFalse(SocialLearning.value(w, f, 1), "practice");
    assertTrue(SocialLearning.value(w, f, 2), "the known risk");
    assertTrue(SocialLearning.value(w, f, 5), "the active community (after the three risks)");
  }

  /**
   * Two decisions (posture, practice); the peer differs only in its posture and earns 5 points of
   * revenue more: one review makes the firm unsafe with probability (1 - mu) x 1/2 x fermi + mu x
   * 1/2 (exploration of the posture), fermi = logistic(0.2 x 5) = 0.7311.
   */
  @Test
  void oneDecisionIsCopiedWithTheFermiProbabilityOrExplored() {
    double fermi = Draws.logistic(0.2 * 5);
    for (double mu : new double[] {0.0, 0.1}) {
      SocialLearning l =
          learning(
              "firms.decision_rule=fermi",
              "firms.decision_intensity=0.2",
              "firms.mutation_rate=" + mu);
      World w = twoFirms();
      Firm f = w.firms.get(0);
      Firm peer = w.firms.get(1);
      peer.unsafeReleases = true;
      // Window profit of the peer 0.05 a day = 18.25 a year = 5% of the mean revenue of 365.
      SocialLearning.book(peer, 0.05, 1);
      SocialLearning.book(f, 0.0, 1);
      assertEquals(
          5.0, SocialLearning.payoff(peer, 1.0, SocialLearning.meanAnnualRevenue(w)), 1e-12);
      double p = (1 - mu) * 0.5 * fermi + mu * 0.5;
      MersenneTwisterFast rng = new MersenneTwisterFast(8);
      int n = 40_000;
      int unsafe = 0;
      int practice = 0;
      for (int i = 0; i < n; i++) {
        f.unsafeReleases = false;
        f.practice = false;
        l.review(w, f, rng);
        if (f.unsafeReleases) unsafe++;
        if (f.practice) practice++;
      }
      assertEquals(p, unsafe / (double) n, 5 * Math.sqrt(p * (1 - p) / n), "mu " + mu);
      // The practice is only ever explored (the peer has none): mu x 1/2.
      double q = mu * 0.5;
      assertEquals(q, practice / (double) n, 5 * Math.sqrt(q * (1 - q) / n) + 1e-12, "mu " + mu);
      events(w);
    }
  }

  /** A less profitable peer is copied with the small Fermi probability, never with certainty. */
  @Test
  void aLessProfitablePeerIsRarelyCopiedAndAnExitedFirmNever() {
    SocialLearning l =
        learning(
            "firms.decision_rule=fermi", "firms.decision_intensity=1000", "firms.mutation_rate=0");
    World w = twoFirms();
    Firm f = w.firms.get(0);
    Firm poorer = w.firms.get(1);
    poorer.unsafeReleases = true;
    SocialLearning.book(f, 1.0, 1);
    Firm richGone = firm(w);
    richGone.active = false;
    richGone.unsafeReleases = true;
    SocialLearning.book(richGone, 100.0, 1);
    MersenneTwisterFast rng = new MersenneTwisterFast(9);
    for (int i = 0; i < 2000; i++) l.review(w, f, rng);
    assertFalse(f.unsafeReleases, "logistic(-1000 x 100) is 0 in double precision");
  }

  /**
   * With mu = 1 every review flips exactly one of the four decisions, each with probability 1/4,
   * the practice included (a voluntary drop has no cooldown); after a revision's cooldown the
   * practice can be adopted again (the practice decision stays alive).
   */
  @Test
  void explorationFlipsExactlyOneDecisionAndKeepsThePracticeAlive() {
    SocialLearning l = learning("firms.decision_rule=fermi", "firms.mutation_rate=1");
    World w = twoFirms();
    risk(w, 1, 0.1, 0.01, false);
    Community c = community(w, 0.5, 0.5, 0L);
    Firm f = w.firms.get(0);
    MersenneTwisterFast rng = new MersenneTwisterFast(10);
    int n = 20_000;
    int[] flips = new int[4];
    int adoptions = 0;
    for (int i = 0; i < n; i++) {
      boolean[] before = new boolean[4];
      for (int d = 0; d < 4; d++) before[d] = SocialLearning.value(w, f, d);
      l.review(w, f, rng);
      int changed = 0;
      for (int d = 0; d < 4; d++) {
        if (SocialLearning.value(w, f, d) != before[d]) {
          changed++;
          flips[d]++;
        }
      }
      assertEquals(1, changed, "exactly one decision per review");
      if (f.practice && !before[1]) adoptions++;
    }
    for (int d = 0; d < 4; d++)
      assertEquals(0.25, flips[d] / (double) n, 5 * Math.sqrt(0.25 * 0.75 / n), "decision " + d);
    assertEquals(
        f.memberships.get(c.id), c.members.get(f.id), "joined and left through Membership");
    long logged =
        events(w).stream()
            .filter(e -> e.type() == EventKind.PRACTICE_ADOPTED)
            .filter(e -> e.detail().equals("explored (mutation)"))
            .count();
    assertEquals(adoptions, logged, "every adoption is logged as exploration");
    // A revision's cooldown holds (until day 3 here), then the practice can be adopted again.
    World w2 = twoFirms();
    Firm g = w2.firms.get(0);
    g.noPracticeUntilDay = 3;
    MersenneTwisterFast rng2 = new MersenneTwisterFast(11);
    for (int i = 0; i < 200; i++) l.review(w2, g, rng2);
    assertFalse(g.practice, "cooling down until day 3");
    for (int day = 0; day < 3; day++) tick(w2);
    int tries = 0;
    while (!g.practice && tries++ < 200) l.review(w2, g, rng2);
    assertTrue(g.practice, "adopted by exploration after the cooldown");
  }

  /** A firm banned from a community cannot join it by imitation; it can copy leaving it. */
  @Test
  void membershipsAreCopiedOneAtATimeAndBansHold() {
    SocialLearning l =
        learning(
            "firms.decision_rule=fermi", "firms.decision_intensity=1000", "firms.mutation_rate=0");
    World w = twoFirms();
    Community c = community(w, 0.5, 0.5, 0L);
    Firm f = w.firms.get(0);
    Firm peer = w.firms.get(1);
    member(peer, c);
    SocialLearning.book(peer, 10.0, 1);
    f.bannedUntil = new double[] {50.0};
    MersenneTwisterFast rng = new MersenneTwisterFast(12);
    for (int i = 0; i < 300; i++) l.review(w, f, rng);
    assertFalse(f.memberships.get(c.id), "banned until day 50");
    f.bannedUntil = new double[] {0.0};
    int tries = 0;
    while (!f.memberships.get(c.id) && tries++ < 300) l.review(w, f, rng);
    assertTrue(f.memberships.get(c.id), "joined by imitation");
    assertTrue(c.members.get(f.id));
  }
}
