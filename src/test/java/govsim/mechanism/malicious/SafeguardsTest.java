package govsim.mechanism.malicious;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static govsim.mechanism.malicious.MisuseFixtures.outlook;
import static govsim.mechanism.malicious.MisuseFixtures.safeguards;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Providers' misuse safeguards (issue 12 item 5): cost and success arithmetic, the initial draws,
 * the firms' belief of attempts, the value of a level and the logit probabilities of a review (by
 * hand from the defaults: reputation_value 30, harm_aversion 20, attack severity Pareto(2, 10) of
 * mean 20, victim_share 0.0002, attribution 0.1 x 0.05, efficacy 0.8, cost 2 x^2, step 0.1,
 * decision intensity 1), liability and expulsion terms, and social learning.
 */
class SafeguardsTest {
  private static Safeguards sg(String... sets) {
    ModelSpec s = spec(sets);
    return safeguards(s, new Synergy(s.synergy()));
  }

  @Test
  void costAndSuccessProbabilityFollowTheirFormulas() {
    Safeguards g = sg();
    assertEquals(2 * 0.25, g.cost(0.5), 1e-15); // cost_at_full x x^2
    assertEquals(0.0, g.cost(0.0));
    assertEquals(2.0, g.cost(1.0));
    assertEquals(1 - 0.8 * 0.5, g.successProbability(0.5), 1e-15);
    assertEquals(0.2, g.successProbability(1.0), 1e-15, "even full safeguards miss a fifth");
    assertEquals(1.0, g.successProbability(0.0));
    Safeguards linear = sg("malicious.safeguards.cost_exponent=1");
    assertEquals(1.0, linear.cost(0.5), 1e-15);
    assertEquals(20.0, g.meanSeverity(), 1e-12, "Pareto mean 2 x 10 / (2 - 1)");
    World w = world(1, 0);
    Firm f = firm(w);
    g.set(f, 0.3);
    assertEquals(0.3, f.safeguards);
    assertEquals(2 * 0.09, f.safeguardCostPercent, 1e-15);
  }

  @Test
  void initialLevelsAreUniformDrawsInFirmIdOrderAndDrawnOnce() {
    Safeguards g = sg();
    World w = world(1, 0);
    for (int i = 0; i < 3; i++) firm(w);
    MersenneTwisterFast rng = new MersenneTwisterFast(42);
    g.drawInitial(w, rng);
    MersenneTwisterFast same = new MersenneTwisterFast(42);
    for (Firm f : w.firms) assertEquals(0.2 + 0.6 * same.nextDouble(), f.safeguards, 1e-15);
    double first = w.firms.get(0).safeguards;
    Firm entrant = firm(w); // enters later: gets the next draw, the others keep theirs
    g.drawInitial(w, rng);
    assertEquals(first, w.firms.get(0).safeguards);
    assertEquals(0.2 + 0.6 * same.nextDouble(), entrant.safeguards, 1e-15);
  }

  @Test
  void theBeliefOfAttemptsIsAnExponentiallyWeightedYearlyCount() {
    Safeguards g = sg("malicious.safeguards.belief_days=365");
    World w = world(1, 0);
    Firm f = firm(w);
    g.observeAttempt(f);
    assertEquals(1.0, f.misuseAttemptsBelief, 1e-15, "one attempt: 365/365 a year");
    for (int d = 0; d < 365; d++) g.decayBeliefs(w);
    assertEquals(Math.exp(-1), f.misuseAttemptsBelief, 1e-12, "a year later e^-1 of it");
    // A steady 10 attempts a year (one every 36.5 days on average) keeps it near 10: every day
    // adds 10/365 attempts' worth, 10/365 x 365/365 a year, and keeps e^-1/365 of the rest.
    f.misuseAttemptsBelief = 0;
    for (int d = 0; d < 365 * 20; d++) {
      g.decayBeliefs(w);
      f.misuseAttemptsBelief += 10.0 / 365;
    }
    // (20 years: the geometric sum is within 10 e^-20 ~ 2e-8 of its limit)
    assertEquals(10.0 / 365 / (1 - Math.exp(-1.0 / 365)), f.misuseAttemptsBelief, 1e-6);
  }

  /**
   * V(x) = -2x^2 - A (1 - 0.8x) (0.1 x 0.05 x 30 + alignment x 20 x 20 x 0.0002): with alignment
   * 0.5 the bracket is 0.15 + 0.04 = 0.19; A = 10 attempts a year.
   */
  @Test
  void theValueOfALevelWeighsCostAgainstExpectedLossesPerSuccess() {
    Safeguards g = sg();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0.0, 1L);
    f.misuseAttemptsBelief = 10;
    FirmDecisionsOutlookHolder o = new FirmDecisionsOutlookHolder(1, 100);
    assertEquals(-0.5 - 1.9 * 0.6, g.value(w, f, 0.5, o.outlook), 1e-12); // -1.64
    assertEquals(-0.32 - 1.9 * 0.68, g.value(w, f, 0.4, o.outlook), 1e-12); // -1.612
    assertEquals(-0.72 - 1.9 * 0.52, g.value(w, f, 0.6, o.outlook), 1e-12); // -1.708
    f.misuseAttemptsBelief = 0;
    assertEquals(-0.5, g.value(w, f, 0.5, o.outlook), 1e-15, "no attempts seen: only the cost");
  }

  /** Keep 0.5, down 0.4, up 0.6 with the logit weights exp(V) of the values above. */
  @Test
  void aReviewPicksKeepDownOrUpWithLogitProbabilities() {
    Safeguards g = sg();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0.0, 1L);
    g.set(f, 0.5);
    f.misuseAttemptsBelief = 10;
    FirmDecisionsOutlookHolder o = new FirmDecisionsOutlookHolder(1, 100);
    double[] opts = new double[4];
    assertEquals(3, g.options(w, f, opts));
    assertEquals(0.5, opts[0]);
    assertEquals(0.4, opts[1], 1e-15);
    assertEquals(0.6, opts[2], 1e-15);
    double keep = Math.exp(-1.64);
    double down = Math.exp(-1.612);
    double up = Math.exp(-1.708);
    double total = keep + down + up;
    double[] probs = new double[4];
    assertEquals(3, g.probabilities(w, f, o.outlook, probs));
    assertEquals(keep / total, probs[0], 1e-12); // 0.3356
    assertEquals(down / total, probs[1], 1e-12); // 0.3451
    assertEquals(up / total, probs[2], 1e-12); // 0.3136
    // The draws of step() follow these probabilities: 20,000 days from 0.5 at 365 reviews a year
    // (a review on a day with q = 1 - e^-1), so 0.4 with q x p_down, 0.6 with q x p_up and 0.5
    // otherwise; tolerance 5 binomial sd.
    Safeguards daily = sg("firms.review_rate_per_year=365");
    double q = 1 - Math.exp(-1);
    MersenneTwisterFast rng = new MersenneTwisterFast(8);
    int n = 20_000;
    int[] seen = new int[3];
    for (int i = 0; i < n; i++) {
      daily.set(f, 0.5);
      daily.step(w, rng, o.outlook);
      seen[f.safeguards < 0.45 ? 1 : f.safeguards > 0.55 ? 2 : 0]++;
    }
    for (int k = 0; k < 3; k++) {
      double p = k == 0 ? 1 - q + q * probs[0] : q * probs[k];
      assertEquals(n * p, seen[k], 5 * Math.sqrt(n * p * (1 - p)), "option " + k);
    }
  }

  @Test
  void levelsStayWithinZeroAndOne() {
    Safeguards g = sg();
    World w = world(1, 0);
    Firm f = firm(w);
    double[] opts = new double[4];
    g.set(f, 0.0);
    assertEquals(2, g.options(w, f, opts), "keep 0 or raise to 0.1");
    assertEquals(0.1, opts[1], 1e-15);
    g.set(f, 1.0);
    assertEquals(2, g.options(w, f, opts), "keep 1 or lower to 0.9");
    assertEquals(0.9, opts[1], 1e-15);
    g.set(f, 0.95);
    assertEquals(3, g.options(w, f, opts));
    assertEquals(1.0, opts[2], "capped at 1");
  }

  /**
   * A member at 0.2 of a community (assurance 0.8, no transparency) that requires 0.5, audited
   * twice a year, certificate worth 0: each level below 0.5 risks 2 x 0.8 x 0.15 x 30 = 7.2 a year
   * of expulsion. No attempts seen. Options keep 0.2, down 0.1, up 0.3 and meet 0.5: V = -0.08 -
   * 7.2, -0.02 - 7.2, -0.18 - 7.2 and -0.5.
   */
  @Test
  void aMemberBelowTheCommunityMinimumMayMeetItAtOnce() {
    Safeguards g = sg("firms.certification_value_share=0");
    World w = world(1, 0);
    Firm f = firm(w);
    Community c = community(w, 0.8, 0.8, 0L);
    member(f, c);
    g.set(f, 0.2);
    FirmDecisionsOutlookHolder o = new FirmDecisionsOutlookHolder(1, 100);
    assertEquals(7.2, g.expulsionRisk(w, f, 0.2, o.outlook), 1e-12);
    assertEquals(0.0, g.expulsionRisk(w, f, 0.5, o.outlook), "at the minimum: no risk");
    double[] opts = new double[4];
    assertEquals(4, g.options(w, f, opts));
    assertEquals(0.5, opts[3]);
    double[] probs = new double[4];
    g.probabilities(w, f, o.outlook, probs);
    double[] v = {-0.08 - 7.2, -0.02 - 7.2, -0.18 - 7.2, -0.5};
    double total = 0;
    for (double x : v) total += Math.exp(x);
    for (int k = 0; k < 4; k++) assertEquals(Math.exp(v[k]) / total, probs[k], 1e-12, "" + k);
    assertTrue(probs[3] > 0.99);
    // The certificate's value counts when it is the firm's only one: with the default share 1, a
    // firm with no users of 100 forgoes 100 x (1 - e^-(5 x 0.1)) = 39.35% a year without it.
    Safeguards cert = sg();
    double certificate = 100 * (1 - Math.exp(-0.5));
    assertEquals(2 * 0.8 * (4.5 + certificate), cert.expulsionRisk(w, f, 0.2, o.outlook), 1e-9);
    // A non-member has no community requirement and no expulsion risk.
    f.memberships.clear();
    assertEquals(3, g.options(w, f, opts));
    assertEquals(0.0, g.expulsionRisk(w, f, 0.2, o.outlook));
  }

  /**
   * Centralized: the regulator traces an attack with 0.15 and fines 3% of revenue plus a published
   * sanction worth 0.1 x 30 = 3%: liability 0.15 x 6 = 0.9 per successful attack below 0.5. Under
   * the backstop: 0.6 x (3 x 3 + 3) = 7.2. Without enforcement: 0.
   */
  @Test
  void liabilityAppliesBelowTheRegulatorsMinimumWhereItEnforces() {
    Safeguards g = sg();
    World w = world(1, 0);
    Firm f = firm(w);
    assertEquals(0.0, g.liability(w, f, 0.3), "no regulator enforces");
    w.regulators[0].enforcement = true;
    assertEquals(0.9, g.liability(w, f, 0.3), 1e-12);
    assertEquals(0.0, g.liability(w, f, 0.5), "at the minimum");
    w.regulators[0].backstop = true;
    assertEquals(7.2, g.liability(w, f, 0.3), 1e-12);
    double[] opts = new double[4];
    g.set(f, 0.2);
    assertEquals(4, g.options(w, f, opts), "the requirement binds: meeting it is an option");
    assertEquals(0.5, opts[3]);
    // Two jurisdictions, only one enforcing: the mean over the two served, (0.9 + 0) / 2.
    World two = world(2, 0);
    Firm both = firm(two);
    two.regulators[0].enforcement = true;
    assertEquals(0.45, g.liability(two, both, 0.3), 1e-12);
    assertEquals(0.0, sg("malicious.safeguards.regulator_minimum=0").liability(w, f, 0.0));
  }

  @Test
  void socialLearningExploresOneStepOrCopiesAPeerWithTheFermiProbability() {
    World w = world(1, 0);
    Firm f = firm(w);
    Firm peer = firm(w);
    FirmDecisionsOutlookHolder o = new FirmDecisionsOutlookHolder(2, 100);
    // Pure exploration: one step up or down, each half the time.
    Safeguards explore =
        sg("firms.decision_rule=fermi", "firms.mutation_rate=1", "firms.review_rate_per_year=365");
    // A review on a day with q = 1 - e^-1: up with q/2, down with q/2, unchanged otherwise.
    double q = 1 - Math.exp(-1);
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    int n = 10_000;
    int up = 0;
    int down = 0;
    for (int i = 0; i < n; i++) {
      explore.set(f, 0.5);
      explore.set(peer, 0.5);
      explore.step(w, rng, o.outlook);
      if (f.safeguards > 0.55) up++;
      else if (f.safeguards < 0.45) down++;
      else assertEquals(0.5, f.safeguards);
    }
    assertEquals(n * q / 2, up, 5 * Math.sqrt(n * q / 2 * (1 - q / 2)));
    assertEquals(n * q / 2, down, 5 * Math.sqrt(n * q / 2 * (1 - q / 2)));
    // Pure imitation with equal payoffs (nothing booked: both 0): copy with logistic(0) = 1/2.
    Safeguards imitate =
        sg("firms.decision_rule=fermi", "firms.mutation_rate=0", "firms.review_rate_per_year=365");
    // f (id 0) reviews with q and then copies the peer's 0.9 with probability 1/2; the peer's own
    // review afterwards cannot change f.
    int copied = 0;
    for (int i = 0; i < n; i++) {
      imitate.set(f, 0.2);
      imitate.set(peer, 0.9);
      imitate.step(w, rng, o.outlook);
      if (f.safeguards == 0.9) copied++;
      else assertEquals(0.2, f.safeguards);
    }
    assertEquals(n * q / 2, copied, 5 * Math.sqrt(n * q / 2 * (1 - q / 2)));
  }

  /** Holds an outlook for tests (nobody signalled, no inspections). */
  private static final class FirmDecisionsOutlookHolder {
    final govsim.mechanism.firms.FirmDecisions.Outlook outlook;

    FirmDecisionsOutlookHolder(int firms, int totalUsers) {
      outlook = outlook(firms, totalUsers);
    }
  }
}
