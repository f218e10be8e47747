package govsim.mechanism.malicious;

import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.synergy.Synergy;
import govsim.world.EventKind;
import govsim.world.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M12 malicious actors: the logit attack decision against expected punishment, the weak-victim
 * share, harm accounting, no punishment without enforcement or backstop, incapacitation, and a
 * statistical check of the attack rate against its closed form.
 */
class MaliciousAttacksTest {
  private static final double ORDINARY_DETECTION = 0.15;

  /** The targets stream: unused here, since these actors' attacks use no provider. */
  private static final MersenneTwisterFast TARGETS = new MersenneTwisterFast(99);

  private final Synergy synergy =
      new Synergy(
          spec(
                  "synergy.backstop_detection_probability=0.6",
                  "synergy.backstop_penalty_multiplier=3")
              .synergy());

  private static MaliciousAttacks attacks(String... extra) {
    List<String> sets =
        new ArrayList<>(
            List.of(
                "malicious.decision_intensity=3",
                "malicious.penalty=10",
                "malicious.weak_targeting=2",
                "malicious.victim_share=0.002",
                "malicious.severity_min=10"));
    sets.addAll(List.of(extra));
    return new MaliciousAttacks(
        spec(sets.toArray(new String[0])).malicious(), ORDINARY_DETECTION, 10.0);
  }

  @Test
  void attackProbabilityIsLogisticOfGainMinusExpectedPenalty() {
    MaliciousAttacks m = attacks();
    assertEquals(Draws.logistic(3 * (2 - 0.15 * 10)), m.attackProbability(2, 0.15, 1), 1e-15);
    assertEquals(Draws.logistic(3 * (2 - 0.6 * 10 * 3)), m.attackProbability(2, 0.6, 3), 1e-15);
    assertEquals(
        Draws.logistic(6), m.attackProbability(2, 0.0, 3), 1e-15, "no detection, no deterrence");
  }

  @Test
  void weakVictimShareWeighsTheWeakByTheTargetingOdds() {
    MaliciousAttacks m = attacks();
    assertEquals(0.4 / 1.2, m.weakVictimShare(0.2), 1e-15); // 0.2 x 2 / (0.2 x 2 + 0.8)
    assertEquals(0.0, m.weakVictimShare(0.0));
    assertEquals(1.0, m.weakVictimShare(1.0));
    assertEquals(
        0.2, attacks("malicious.weak_targeting=1").weakVictimShare(0.2), 1e-15, "no targeting");
    assertEquals(0.0, attacks("malicious.weak_targeting=0").weakVictimShare(0.0), "0/0 is 0");
  }

  /** Opportunities every day and gains so large that every opportunity is taken. */
  private static MaliciousAttacks eager(String... extra) {
    List<String> sets =
        new ArrayList<>(
            List.of(
                "malicious.opportunity_rate_per_year=36500",
                "malicious.gain_mean=1e9",
                "malicious.incapacitation_days=365"));
    sets.addAll(List.of(extra));
    return attacks(sets.toArray(new String[0]));
  }

  @Test
  void anAttackHarmsItsVictimsSeverelyAndMostlyTheWeak() {
    World w = world(1, 10_000, 1);
    eager().step(w, new MersenneTwisterFast(1), TARGETS, synergy, 100, 0.2);
    assertEquals(1, w.tally.attacks);
    assertTrue(w.tally.harm >= 10 * 20, "severity >= 10 for 0.002 x 10,000 = 20 victims");
    assertEquals(w.tally.harm, w.tally.harmMalicious);
    assertEquals(
        w.tally.harm,
        w.tally.harmSevere,
        "severity_min at the severe threshold: every attack is severe");
    assertEquals(w.tally.harm / 3, w.tally.harmWeak, 1e-9);
    assertEquals(1, count(events(w), EventKind.ATTACK));
  }

  /**
   * Issue 11 item 2: victims are a share of the population, so one attack's harm per user is
   * severity x victim_share whatever the population (it was severity x 20 / users). With the same
   * draws (the step's draws do not depend on the population) the attack at 100,000 users harms
   * exactly five times as many users as at 20,000, and harm per user is the same.
   */
  @Test
  void maliciousHarmPerUserDoesNotDependOnThePopulation() {
    double[] perUser = new double[2];
    int[] populations = {20_000, 100_000};
    for (int i = 0; i < 2; i++) {
      World w = world(1, populations[i], 1);
      attacks(
              "malicious.victim_share=0.0002",
              "malicious.opportunity_rate_per_year=36500",
              "malicious.gain_mean=1e9")
          .step(w, new MersenneTwisterFast(7), TARGETS, synergy, 0, 0.2);
      assertEquals(1, w.tally.attacks);
      perUser[i] = w.tally.harmMalicious / populations[i];
      assertTrue(perUser[i] >= 10 * 0.0002, "severity >= severity_min 10, 0.0002 of users hit");
    }
    assertEquals(perUser[0], perUser[1], 1e-15);
    // The ranking against an incident source that harms 0.01 per user (exposure_share 0.01 of a
    // firm holding every user, severity 1: per user 1 x 0.01 whatever the population): an attack of
    // severity s harms s x 0.0002 per user at both sizes, so the ranking is the same at both. With
    // the old fixed 20 victims, an attack of severity 20 harmed 20 x 20 / 20,000 = 0.02 per user
    // (above 0.01) but 20 x 20 / 100,000 = 0.004 (below): the ranking flipped with the population.
    double incidentPerUser = 1 * 0.01;
    double attackPerUser = 20 * 0.0002;
    assertTrue(attackPerUser < incidentPerUser);
    assertTrue(20.0 * 20 / 20_000 > incidentPerUser && 20.0 * 20 / 100_000 < incidentPerUser);
  }

  @Test
  void withoutEnforcementOrBackstopNobodyIsTracedOrPunished() {
    World w = world(1, 0, 5);
    MaliciousAttacks m = eager();
    MersenneTwisterFast rng = new MersenneTwisterFast(2);
    for (int s = 0; s < 30; s++) {
      m.step(w, rng, TARGETS, synergy, 100, 0.2);
      tick(w);
    }
    assertEquals(150, w.tally.attacks, "five actors, every day");
    assertEquals(0, w.tally.sanctions);
    assertEquals(0.0, w.tally.costRegulator, "nothing is investigated");
    assertEquals(0, count(events(w), EventKind.ACTOR_PUNISHED));
  }

  @Test
  void aPunishedActorIsIncapacitatedForTheIncapacitationDays() {
    World w = world(1, 0, 1);
    w.regulators[0].backstop = true;
    // Certain tracing under the backstop.
    Synergy certain = new Synergy(spec("synergy.backstop_detection_probability=1").synergy());
    MaliciousAttacks m = eager();
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    m.step(w, rng, TARGETS, certain, 100, 0.2); // day 0: attack, traced, punished
    assertEquals(1, w.tally.sanctions);
    assertEquals(100.0, w.tally.costRegulator);
    assertEquals(365.0, w.malicious.freeFromDay[0]);
    for (int s = 1; s < 365; s++) {
      tick(w);
      m.step(w, rng, TARGETS, certain, 100, 0.2);
    }
    assertEquals(1, w.tally.attacks, "no attack while incapacitated");
    tick(w); // day 365: free again
    m.step(w, rng, TARGETS, certain, 100, 0.2);
    assertEquals(2, w.tally.attacks);
  }

  @Test
  void eachActorFacesThePowersOfItsOwnJurisdiction() {
    World w = world(2, 0, 2);
    w.malicious.jurisdiction[0] = 0;
    w.malicious.jurisdiction[1] = 1;
    w.regulators[1].backstop = true;
    Synergy certain = new Synergy(spec("synergy.backstop_detection_probability=1").synergy());
    eager().step(w, new MersenneTwisterFast(4), TARGETS, certain, 100, 0.2);
    assertEquals(2, w.tally.attacks);
    assertEquals(0.0, w.malicious.freeFromDay[0]);
    assertEquals(365.0, w.malicious.freeFromDay[1]);
  }

  /**
   * E[logistic(k (G - c))] for G exponential with mean 1: numerical integral (trapezoid, step 1e-3:
   * error ~1e-7).
   */
  private static double attackShare(double k, double c) {
    double h = 1e-3;
    double sum = 0;
    for (double g = 0; g < 60; g += h) { // the tail beyond 60 is below e^-60
      double a = Math.exp(-g) * Draws.logistic(k * (g - c));
      double b = Math.exp(-(g + h)) * Draws.logistic(k * (g + h - c));
      sum += 0.5 * (a + b) * h;
    }
    return sum;
  }

  @Test
  void theAttackRateMatchesItsClosedFormAndTheBackstopCutsIt() {
    // 100 actors, an opportunity with probability 1 - e^-1 a day, never incapacitated; each
    // opportunity is taken with q = E[logistic(3 (G - d x penalty x multiplier))]. Attacks in
    // n actor-days are binomial(n, p_opp x q): tolerance 5 sd.
    double pOpportunity = 1 - Math.exp(-1);
    int steps = 400;
    int actors = 100;
    double n = (double) steps * actors;
    double[] costs = {0.0, ORDINARY_DETECTION * 1 * 1, 0.6 * 1 * 3};
    int[] observed = new int[3];
    for (int regime = 0; regime < 3; regime++) {
      World w = world(1, 0, actors);
      w.regulators[0].enforcement = regime >= 1;
      w.regulators[0].backstop = regime == 2;
      MaliciousAttacks m =
          attacks(
              "malicious.opportunity_rate_per_year=365",
              "malicious.gain_mean=1",
              "malicious.penalty=1",
              "malicious.incapacitation_days=0");
      MersenneTwisterFast rng = new MersenneTwisterFast(5);
      for (int s = 0; s < steps; s++) {
        m.step(w, rng, TARGETS, synergy, 0, 0.2);
        tick(w);
      }
      double p = pOpportunity * attackShare(3, costs[regime]);
      observed[regime] = w.tally.attacks;
      assertEquals(n * p, w.tally.attacks, 5 * Math.sqrt(n * p * (1 - p)), "regime " + regime);
    }
    assertTrue(
        observed[2] < observed[1] && observed[1] < observed[0],
        java.util.Arrays.toString(observed));
  }

  @Test
  void incapacitationUnderTheBackstopCutsAttacksOverAYear() {
    // Default-like actors: 12 opportunities a year, mean gain 1, penalty 10, a year off when
    // caught.
    int[] attacksPerRegime = new int[2];
    for (int regime = 0; regime < 2; regime++) {
      World w = world(1, 0, 200);
      w.regulators[0].backstop = regime == 1;
      MaliciousAttacks m =
          attacks(
              "malicious.opportunity_rate_per_year=12",
              "malicious.gain_mean=1",
              "malicious.incapacitation_days=365");
      MersenneTwisterFast rng = new MersenneTwisterFast(6);
      for (int s = 0; s < 365; s++) {
        m.step(w, rng, TARGETS, synergy, 0, 0.2);
        tick(w);
      }
      attacksPerRegime[regime] = w.tally.attacks;
    }
    // Without any power: 200 x 12 x E[logistic(3G)] ~ 1900 attacks (sd ~ 25); with the backstop
    // (deterrence 0.6 x 10 x 3 = 18) attacks are rare.
    double expected = 200 * 365 * (1 - Math.exp(-12 / 365.0)) * attackShare(3, 0);
    assertEquals(expected, attacksPerRegime[0], 5 * Math.sqrt(expected));
    assertTrue(
        attacksPerRegime[1] < 0.01 * attacksPerRegime[0],
        java.util.Arrays.toString(attacksPerRegime));
  }
}
