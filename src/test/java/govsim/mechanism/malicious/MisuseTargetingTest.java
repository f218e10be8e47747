package govsim.mechanism.malicious;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static govsim.mechanism.malicious.MisuseFixtures.safeguards;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5: attacks run through a provider's model. Target selection by each rule on a small
 * world (three providers at levels 0.2, 0.5, 0.8 with 10, 30, 30 users), blocking by the provider's
 * safeguards, attribution, the provider's liability, and the draws of the targets stream spent the
 * same way whatever the regime.
 */
class MisuseTargetingTest {
  private static Safeguards safeguardsOf(MaliciousAttacks unused, ModelSpec s) {
    return safeguards(s, new Synergy(s.synergy()));
  }

  private static MaliciousAttacks attacks(String... sets) {
    List<String> all = new ArrayList<>(List.of(sets));
    ModelSpec s = spec(all.toArray(new String[0]));
    return new MaliciousAttacks(s.malicious(), 0.15, 10.0, safeguards(s, new Synergy(s.synergy())));
  }

  /** Three providers serving jurisdiction 0: levels 0.2, 0.5, 0.8; users 10, 30, 30. */
  private static World threeProviders() {
    World w = world(1, 0);
    double[] levels = {0.2, 0.5, 0.8};
    int[] users = {10, 30, 30};
    for (int i = 0; i < 3; i++) {
      Firm f = firm(w);
      f.safeguards = levels[i];
      f.users = users[i];
    }
    return w;
  }

  /**
   * Weakest, intensity 10: weights e^0, e^-3, e^-6 (relative to the weakest level 0.2), total
   * 1.0522660; probabilities 0.950331, 0.047314, 0.002356.
   */
  @Test
  void weakestIsALogitChoiceFavouringLowSafeguards() {
    MaliciousAttacks m = attacks("malicious.targeting=weakest", "malicious.targeting_intensity=10");
    World w = threeProviders();
    double total = 1 + Math.exp(-3) + Math.exp(-6);
    assertEquals(1 / total, m.targetProbability(w, 0, w.firms.get(0)), 1e-12);
    assertEquals(Math.exp(-3) / total, m.targetProbability(w, 0, w.firms.get(1)), 1e-12);
    assertEquals(Math.exp(-6) / total, m.targetProbability(w, 0, w.firms.get(2)), 1e-12);
    double p0 = 1 / total;
    double p1 = Math.exp(-3) / total;
    assertSame(w.firms.get(0), m.provider(w, 0, 0.0));
    assertSame(w.firms.get(0), m.provider(w, 0, p0 - 1e-9));
    assertSame(w.firms.get(1), m.provider(w, 0, p0 + 1e-9));
    assertSame(w.firms.get(1), m.provider(w, 0, p0 + p1 - 1e-9));
    assertSame(w.firms.get(2), m.provider(w, 0, p0 + p1 + 1e-9));
    assertSame(w.firms.get(2), m.provider(w, 0, 1 - 1e-12));
    // Intensity 0 is the random rule.
    MaliciousAttacks flat =
        attacks("malicious.targeting=weakest", "malicious.targeting_intensity=0");
    assertEquals(1 / 3.0, flat.targetProbability(w, 0, w.firms.get(2)), 1e-15);
  }

  @Test
  void randomMakesEveryServingActiveProviderEquallyLikely() {
    MaliciousAttacks m = attacks("malicious.targeting=random");
    World w = threeProviders();
    assertEquals(1 / 3.0, m.targetProbability(w, 0, w.firms.get(1)), 1e-15);
    assertSame(w.firms.get(0), m.provider(w, 0, 0.2));
    assertSame(w.firms.get(1), m.provider(w, 0, 0.5));
    assertSame(w.firms.get(2), m.provider(w, 0, 0.9));
    w.firms.get(1).active = false; // an exited firm is no one's provider
    assertEquals(0.0, m.targetProbability(w, 0, w.firms.get(1)));
    assertSame(w.firms.get(0), m.provider(w, 0, 0.4));
    assertSame(w.firms.get(2), m.provider(w, 0, 0.6));
    // Two jurisdictions: a provider not licensed in the actor's is not a candidate.
    World two = world(2, 0);
    Firm home = firm(two, 0, 0, 1L); // serves jurisdiction 0 only
    Firm abroad = firm(two, 0, 0, 2L); // serves jurisdiction 1 only
    assertSame(home, m.provider(two, 0, 0.99));
    assertSame(abroad, m.provider(two, 1, 0.01));
    abroad.active = false;
    assertNull(m.provider(two, 1, 0.5), "no provider serves it: the attack uses none");
  }

  @Test
  void largestIsTheProviderWithMostUsersLowestIdAmongEquals() {
    MaliciousAttacks m = attacks("malicious.targeting=largest");
    World w = threeProviders();
    assertSame(w.firms.get(1), m.provider(w, 0, 0.99), "30 users, before firm 2's 30");
    assertEquals(1.0, m.targetProbability(w, 0, w.firms.get(1)));
    assertEquals(0.0, m.targetProbability(w, 0, w.firms.get(2)));
    w.firms.get(0).users = 31;
    assertSame(w.firms.get(0), m.provider(w, 0, 0.0), "it ignores safeguards entirely");
  }

  @Test
  void noneUsesNoProvider() {
    MaliciousAttacks m = attacks("malicious.targeting=none");
    World w = threeProviders();
    assertNull(m.provider(w, 0, 0.5));
    assertEquals(0.0, m.targetProbability(w, 0, w.firms.get(0)));
  }

  /** Opportunities every day and gains so large that every opportunity is taken. */
  private static final String[] EAGER = {
    "malicious.opportunity_rate_per_year=36500",
    "malicious.gain_mean=1e9",
    "malicious.incapacitation_days=0",
    "malicious.severity_min=10",
    "malicious.victim_share=0.002"
  };

  private static MaliciousAttacks eager(String... extra) {
    List<String> all = new ArrayList<>(List.of(EAGER));
    all.addAll(List.of(extra));
    return attacks(all.toArray(new String[0]));
  }

  /**
   * Efficacy 1 and level 1: every attack is stopped, does no harm and is not traced; the provider
   * sees every attempt. Level 0: none is stopped.
   */
  @Test
  void fullSafeguardsStopEveryAttemptAndNoneStopNothing() {
    World w = world(1, 1000, 5);
    Firm f = firm(w);
    f.safeguards = 1.0;
    w.regulators[0].enforcement = true;
    member(f, community(w, 0.8, 0.8, 0L));
    MaliciousAttacks m = eager("malicious.targeting=random", "malicious.safeguards.efficacy=1");
    Synergy synergy = new Synergy(spec().synergy());
    m.step(w, new MersenneTwisterFast(1), new MersenneTwisterFast(2), synergy, 100, 0.2);
    assertEquals(0, w.tally.attacks);
    assertEquals(5, w.tally.attacksBlocked, "five actors, one opportunity each");
    assertEquals(5, w.tally.attemptsCertified, "the provider is a community member");
    assertEquals(0.0, w.tally.harmMalicious);
    assertEquals(0.0, w.tally.costRegulator, "a stopped attack is not investigated");
    // belief_days 365: each attempt adds 365/365 = 1 attempt a year (after the step's decay of 0)
    assertEquals(5.0, f.misuseAttemptsBelief, 1e-12);
    List<WorldEvent> ev = events(w);
    assertEquals(5, count(ev, EventKind.ATTACK_BLOCKED));
    assertEquals(0, count(ev, EventKind.ATTACK));
    f.safeguards = 0.0;
    tick(w);
    w.tally.attacks = 0;
    m.step(w, new MersenneTwisterFast(3), new MersenneTwisterFast(4), synergy, 100, 0.2);
    assertEquals(5, w.tally.attacks, "no safeguards: every attack gets through");
    assertEquals(w.tally.harmMalicious, w.tally.harmMaliciousCertified, 1e-9);
    for (WorldEvent e : events(w)) {
      if (e.type() == EventKind.ATTACK) assertEquals(f.id, e.firm(), "the provider is logged");
    }
  }

  /**
   * Level 0.5 with efficacy 0.8: an attack gets through with 1 - 0.4 = 0.6. 200 actors over 50
   * days: 10,000 attempts; tolerance 5 binomial sd.
   */
  @Test
  void theShareOfAttemptsThatSucceedIsOneMinusEfficacyTimesLevel() {
    World w = world(1, 1000, 200);
    Firm f = firm(w);
    f.safeguards = 0.5;
    MaliciousAttacks m = eager("malicious.targeting=largest", "malicious.safeguards.efficacy=0.8");
    Synergy synergy = new Synergy(spec().synergy());
    MersenneTwisterFast rng = new MersenneTwisterFast(5);
    MersenneTwisterFast targets = new MersenneTwisterFast(6);
    int attacks = 0;
    int blocked = 0;
    for (int d = 0; d < 50; d++) {
      m.step(w, rng, targets, synergy, 0, 0.2);
      attacks += w.tally.attacks;
      blocked += w.tally.attacksBlocked;
      w.tally.reset();
      tick(w);
    }
    int n = attacks + blocked;
    assertEquals(10_000, n);
    assertEquals(0.6 * n, attacks, 5 * Math.sqrt(n * 0.6 * 0.4));
  }

  @Test
  void aSuccessfulAttackIsPubliclyTracedToItsProviderWithTheAttributionProbability() {
    World w = world(1, 1000, 3);
    Firm f = firm(w);
    f.safeguards = 0.0;
    MaliciousAttacks m =
        eager("malicious.targeting=random", "malicious.safeguards.attribution_probability=1");
    m.step(
        w,
        new MersenneTwisterFast(7),
        new MersenneTwisterFast(8),
        new Synergy(spec().synergy()),
        0,
        0.2);
    assertEquals(3, w.tally.attacks);
    assertEquals(1.0 - 3 * 0.05, f.reputation, 1e-12, "three attributions of 0.05 each");
    assertEquals(3, count(events(w), EventKind.MISUSE_ATTRIBUTED));
  }

  /**
   * Ordinary law enforcement traces every attack (detection 1): a provider below the regulator's
   * minimum 0.5 is fined 3% of its revenue (100 users x 20 a year = 2000: 60) and loses 0.1
   * reputation per traced attack; one at 0.6 is not.
   */
  @Test
  void aTracedAttackMakesAProviderBelowTheRegulatorsMinimumLiable() {
    for (double level : new double[] {0.3, 0.6}) {
      World w = world(1, 1000, 1);
      Firm f = firm(w);
      f.users = 100;
      f.safeguards = level;
      w.regulators[0].enforcement = true;
      ModelSpec s =
          spec(
              "malicious.targeting=random",
              "malicious.safeguards.efficacy=0",
              "malicious.safeguards.attribution_probability=0",
              "malicious.opportunity_rate_per_year=36500",
              "malicious.gain_mean=1e9",
              "malicious.incapacitation_days=0");
      MaliciousAttacks m = new MaliciousAttacks(s.malicious(), 1.0, 10.0, safeguardsOf(null, s));
      m.step(
          w,
          new MersenneTwisterFast(9),
          new MersenneTwisterFast(10),
          new Synergy(s.synergy()),
          0,
          0.2);
      assertEquals(1, w.tally.attacks);
      boolean liable = level < 0.5;
      assertEquals(liable ? 2 : 1, w.tally.sanctions, "the actor, and the provider if liable");
      assertEquals(liable ? 60.0 : 0.0, f.finesStep, 1e-9);
      assertEquals(liable ? 0.9 : 1.0, f.reputation, 1e-12);
      assertEquals(liable ? 1 : 0, count(events(w), EventKind.SANCTION));
    }
  }

  /**
   * Common random numbers: every opportunity spends three uniforms of the targets stream whether it
   * is taken, deterred or stopped, so the stream stands at the same place in every regime.
   */
  @Test
  void theTargetsStreamIsSpentTheSameWayWhateverTheRegime() {
    double[] next = new double[2];
    int[] attacks = new int[2];
    for (int regime = 0; regime < 2; regime++) {
      World w = world(1, 1000, 20);
      Firm f = firm(w);
      f.safeguards = 0.5;
      w.regulators[0].backstop = regime == 1; // the backstop deters nearly every attack
      Synergy synergy = new Synergy(spec("synergy.backstop_detection_probability=1").synergy());
      MaliciousAttacks m =
          attacks(
              "malicious.targeting=weakest",
              "malicious.opportunity_rate_per_year=100",
              "malicious.penalty=1000");
      MersenneTwisterFast rng = new MersenneTwisterFast(11);
      MersenneTwisterFast targets = new MersenneTwisterFast(12);
      for (int d = 0; d < 100; d++) {
        m.step(w, rng, targets, synergy, 0, 0.2);
        attacks[regime] += w.tally.attacks + w.tally.attacksBlocked;
        w.tally.reset();
        tick(w);
      }
      next[regime] = targets.nextDouble();
    }
    assertTrue(attacks[0] > 100 && attacks[1] == 0, java.util.Arrays.toString(attacks));
    assertEquals(next[0], next[1], "the same number of draws in both regimes");
  }
}
