package govsim.mechanism.risk;

import static govsim.mechanism.Fixtures.assignUsers;
import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.RandomStreams;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * M1 (realisation): incidents at the hazard rate cut by mitigation, harm accounting (severe,
 * information-weak share), salience, Knightian risks becoming known, the harmful practice.
 */
class IncidentsTest {
  /** A hazard so high that the per-step probability is exactly 1 in double precision. */
  private static final double CERTAIN = 1000.0;

  private static Incidents incidents(String... sets) {
    ModelSpec s = spec(sets);
    return new Incidents(s.risks(), s.practice(), 0.5, 2.0);
  }

  @Test
  void hazardFactorIsOneUnmitigatedAndOneMinusEfficacyMitigated() {
    World w = world(1, 0);
    Firm f = firm(w);
    Risk r = risk(w, 1, 0.1, 0.01, false);
    Incidents m = incidents();
    assertEquals(1.0, m.hazardFactor(w, f, r), "unmitigated, ungoverned");
    f.mitigates.set(r.id);
    assertEquals(0.5, m.hazardFactor(w, f, r), 1e-15, "mitigated ad hoc: voluntary efficacy");
    ruleInForce(w.regulators[0].rules, r, 0.9);
    assertEquals(0.1, m.hazardFactor(w, f, r), 1e-15, "mitigated under a rule: its stringency");
    Community c = community(w, 0.95, 0.8, 0L);
    ruleInForce(c.standards, r, 0.95);
    member(f, c);
    assertEquals(0.05, m.hazardFactor(w, f, r), 1e-15, "the most stringent binding rule");
    f.mitigates.clear(r.id);
    assertEquals(1.0, m.hazardFactor(w, f, r), "governed but violated: full hazard");
  }

  /** An unsafe release posture multiplies the hazard (unsafe_hazard_multiplier 2 here). */
  @Test
  void anUnsafeFirmsHazardIsMultiplied() {
    World w = world(1, 0);
    Firm f = firm(w);
    Risk r = risk(w, 1, 0.1, 0.01, false);
    Incidents m = incidents();
    f.unsafeReleases = true;
    assertEquals(2.0, m.hazardFactor(w, f, r), "unmitigated: 2 x 1");
    f.mitigates.set(r.id);
    assertEquals(1.0, m.hazardFactor(w, f, r), 1e-15, "mitigated ad hoc: 2 x (1 - 0.5)");
  }

  @Test
  void incidentsHappenWithProbabilityOneMinusExpOfHazardTimesFactor() {
    World w = world(1, 0);
    Firm f = firm(w);
    Risk r = risk(w, 1, 0.1, 0.2, false);
    f.mitigates.set(r.id); // ungoverned: factor 0.5
    Incidents m = incidents();
    MersenneTwisterFast rng = new MersenneTwisterFast(1);
    int steps = 40_000;
    for (int s = 0; s < steps; s++) m.step(w, id -> rng);
    double p = 1 - Math.exp(-0.2 * 0.5);
    assertEquals(p, w.tally.incidents / (double) steps, 5 * Math.sqrt(p * (1 - p) / steps));
  }

  @Test
  void aKnightianRiskBecomesKnownAtItsFirstIncidentOnly() {
    World w = world(1, 0);
    Firm f = firm(w);
    Risk r = risk(w, 1, 0.1, CERTAIN, true);
    assertFalse(r.known);
    Incidents m = incidents();
    MersenneTwisterFast rng = new MersenneTwisterFast(2);
    m.step(w, id -> rng);
    assertTrue(r.known);
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.RISK_KNOWN));
    WorldEvent known =
        ev.stream().filter(e -> e.type() == EventKind.RISK_KNOWN).findFirst().orElseThrow();
    assertEquals(f.id, known.firm());
    assertEquals(r.id, known.risk());
    m.step(w, id -> rng);
    assertEquals(0, count(events(w), EventKind.RISK_KNOWN));
    // A known risk never logs it.
    World w2 = world(1, 0);
    firm(w2);
    risk(w2, 1, 0.1, CERTAIN, false);
    m.step(w2, id -> rng);
    assertEquals(0, count(events(w2), EventKind.RISK_KNOWN));
  }

  @Test
  void anIncidentHarmsTheExposedShareAndCountsTheWeakUsersShare() {
    World w = world(3, 1000);
    for (int i = 0; i < 250; i++) w.users.weak[i] = 1;
    Firm f = firm(w, 0, 0, 0b011); // serves jurisdictions 0 and 1, not 2
    assignUsers(w, f, 0, 1000);
    Risk r = risk(w, 5.0, 0.2, CERTAIN, false);
    incidents("risks.exposure_share=0.01", "risks.severe_threshold=10").step(w, seeded(3));
    // 1% of 1000 users, severity 5 each: 50; a quarter of the users are weak.
    assertEquals(1, w.tally.incidents);
    assertEquals(50.0, w.tally.harm, 1e-12);
    assertEquals(12.5, w.tally.harmWeak, 1e-12);
    assertEquals(0.0, w.tally.harmSevere);
    assertEquals(0, w.tally.severeIncidents);
    assertTrue(w.severeIncidentsThisStep.isEmpty());
    // Salience grows by severity x visibility where the firm operates.
    assertArrayEquals(new double[] {1.0, 1.0, 0.0}, r.salience, 1e-15);
    // The incident is recorded for the users to notice (M4).
    assertEquals(1, f.stepIncidents);
    assertEquals(0.2, f.stepIncidentVisibility[0]);
    assertEquals(r.id, f.stepIncidentRisk[0]);
  }

  @Test
  void aSevereIncidentIsCountedAndQueuedForInvestigation() {
    World w = world(1, 200);
    Firm f = firm(w);
    assignUsers(w, f, 0, 200);
    Risk r = risk(w, 10.0, 0.2, CERTAIN, false);
    incidents("risks.exposure_share=0.05", "risks.severe_threshold=10").step(w, seeded(4));
    assertEquals(100.0, w.tally.harm, 1e-12);
    assertEquals(100.0, w.tally.harmSevere, 1e-12, "severity at the threshold counts as severe");
    assertEquals(0.0, w.tally.harmWeak);
    assertEquals(1, w.tally.severeIncidents);
    assertEquals(1, w.severeIncidentsThisStep.size());
    assertArrayEquals(new int[] {f.id, r.id}, w.severeIncidentsThisStep.get(0));
    assertEquals(1, count(events(w), EventKind.SEVERE_INCIDENT));
  }

  @Test
  void retiredRisksAndExitedFirmsHaveNoIncidents() {
    World w = world(1, 0);
    Firm f = firm(w);
    Firm gone = firm(w);
    gone.active = false;
    gone.stepIncidents = 3; // left over from an earlier step
    Risk r = risk(w, 1, 0.1, CERTAIN, false);
    Risk retired = risk(w, 1, 0.1, CERTAIN, false);
    retired.active = false;
    incidents().step(w, seeded(5));
    assertEquals(1, w.tally.incidents);
    assertEquals(1, f.stepIncidents);
    assertEquals(r.id, f.stepIncidentRisk[0]);
    assertEquals(0, gone.stepIncidents, "incidents of an exited firm are reset");
  }

  @Test
  void theHarmfulPracticeHarmsEveryUserDailyAndMakesNews() {
    World w = world(1, 100);
    for (int i = 0; i < 10; i++) w.users.weak[i] = 1;
    Firm f = firm(w);
    assignUsers(w, f, 0, 100);
    f.practice = true;
    Incidents m =
        incidents(
            "practice.harm_per_user_day=0.002",
            "practice.incident_rate_per_day=1000",
            "practice.visibility=0.3");
    m.step(w, seeded(6));
    assertEquals(0.2, w.tally.harm, 1e-15);
    assertEquals(0.02, w.tally.harmWeak, 1e-15);
    assertEquals(0, w.tally.incidents, "practice news is not a risk incident");
    assertEquals(1, f.stepIncidents);
    assertEquals(0.3, f.stepIncidentVisibility[0]);
    assertEquals(-1, f.stepIncidentRisk[0]);
    assertEquals(1, count(events(w), EventKind.PRACTICE_INCIDENT));
  }

  @Test
  void aFirmWithoutUsersDoesNoHarm() {
    World w = world(1, 0);
    firm(w);
    risk(w, 50, 0.1, CERTAIN, false);
    incidents().step(w, seeded(7));
    assertEquals(1, w.tally.incidents);
    assertEquals(0.0, w.tally.harm);
    assertFalse(Double.isNaN(w.tally.harmWeak));
  }

  /**
   * Common random numbers (issue 11 item 1): each firm draws from its own stream one uniform per
   * active risk per step whether or not it mitigates, so a firm that mitigates has exactly the
   * incidents of the same firm unmitigated whose uniform falls below the mitigated probability — a
   * subset, on the same days — and another firm's mitigation changes nothing of its incidents.
   */
  @Test
  void mitigationRemovesIncidentsFromTheSameDrawsWithoutShiftingOtherFirms() {
    long[][] days = new long[2][];
    long[][] othersDays = new long[2][];
    for (int k = 0; k < 2; k++) {
      World w = world(1, 100);
      Firm f = firm(w);
      Firm other = firm(w);
      assignUsers(w, f, 0, 50);
      assignUsers(w, other, 50, 100);
      Risk r = risk(w, 1, 0.1, 0.02, false);
      risk(w, 1, 0.1, 0.03, false);
      if (k == 1) f.mitigates.set(r.id); // voluntary efficacy 0.5 halves the hazard
      RandomStreams streams = new RandomStreams(7, 2);
      Incidents m = incidents();
      List<Long> mine = new java.util.ArrayList<>();
      List<Long> theirs = new java.util.ArrayList<>();
      for (int s = 0; s < 3000; s++) {
        m.step(w, streams::incidents);
        for (int c = 0; c < f.stepIncidents; c++) {
          if (f.stepIncidentRisk[c] == r.id) mine.add(w.step);
        }
        for (int c = 0; c < other.stepIncidents; c++)
          theirs.add(w.step * 10 + other.stepIncidentRisk[c]);
        w.step++;
        w.now = w.step;
      }
      days[k] = mine.stream().mapToLong(Long::longValue).toArray();
      othersDays[k] = theirs.stream().mapToLong(Long::longValue).toArray();
    }
    // 3000 days at 0.02 a day: about 60 unmitigated incidents, about 30 mitigated.
    assertTrue(
        days[0].length > 40 && days[1].length < days[0].length,
        days[0].length + " " + days[1].length);
    assertTrue(days[1].length > 10);
    java.util.Set<Long> unmitigated = new java.util.HashSet<>();
    for (long d : days[0]) unmitigated.add(d);
    for (long d : days[1]) assertTrue(unmitigated.contains(d), "mitigated incident on day " + d);
    assertArrayEquals(othersDays[0], othersDays[1], "the other firm's incidents do not move");
  }

  /** Every firm draws from one generator with the given seed. */
  private static IntFunction<MersenneTwisterFast> seeded(int seed) {
    MersenneTwisterFast rng = new MersenneTwisterFast(seed);
    return id -> rng;
  }

  @Test
  void eachFirmStepFeedsTheBeliefsAndGovernedRisksCountTheirDays() {
    // issue 13: firm 0 mitigates at the voluntary efficacy 0.5 (factor 0.5), firm 1 does not;
    // one step of a day: exposures 0.5 and 1 unmitigated-equivalent days, one incident each (the
    // hazard is certain). The regulator sees the reported share 0.3 of both.
    World w = world(1, 100);
    RiskParams p =
        spec(
                "risks.hazard_heterogeneity=0",
                "risks.hazard_per_firm_year=36500", // 100 a day: p = 1 - e^-50 = 1 in double
                "risks.regulator_observed_share=0.3")
            .risks();
    Risk r = new RiskEmergence(p).emerge(w, new MersenneTwisterFast(1), 1, 0.1, false);
    Risk quiet =
        new RiskEmergence(spec("risks.hazard_heterogeneity=0").risks())
            .emerge(w, new MersenneTwisterFast(1), 1, 0.1, false);
    Firm careful = firm(w);
    Firm careless = firm(w);
    assignUsers(w, careful, 0, 50);
    assignUsers(w, careless, 50, 100);
    careful.mitigates.set(r.id);
    ruleInForce(w.regulators[0].rules, quiet, 0.5);
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    new Incidents(p, spec().practice(), 0.5, 2.0).step(w, id -> rng);
    assertEquals(1.0, r.firmIncidents[0]);
    assertEquals(0.5, r.firmExposure[0], 1e-15);
    assertEquals(1.0, r.firmIncidents[1]);
    assertEquals(1.0, r.firmExposure[1], 1e-15);
    assertEquals(0.6, r.regulatorIncidents[0], 1e-15);
    assertEquals(0.45, r.regulatorExposure[0], 1e-15);
    assertEquals(0.0, r.governedDays, "no rule on r");
    assertEquals(1.0, quiet.governedDays, "a regulator rule in force on quiet: one day");
  }

  @Test
  void theRememberedStepProbabilityIsDrawsOwn() {
    Incidents inc = incidents();
    // -expm1(-0.01) = 0.009950166250831947 (1 - e^-0.01); asked again (remembered), the same bits.
    assertEquals(0.009950166250831947, inc.stepProbability(0.01, 1.0));
    assertEquals(0.009950166250831947, inc.stepProbability(0.01, 1.0));
    assertEquals(0.0, inc.stepProbability(0.0, 1.0), "no hazard");
    assertEquals(0.0, inc.stepProbability(-1.0, 1.0), "no hazard");
    // Many arguments (more than the memo holds, so slots are shared and overwritten), each asked
    // twice: always exactly Draws.stepProbability.
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    double[] rates = new double[5000];
    for (int k = 0; k < rates.length; k++) rates[k] = rng.nextDouble() * 0.1;
    for (int pass = 0; pass < 2; pass++) {
      for (double rate : rates) {
        assertEquals(Draws.stepProbability(rate, 0.5), inc.stepProbability(rate, 0.5));
        assertEquals(Draws.stepProbability(rate, 1.0), inc.stepProbability(rate, 1.0));
      }
    }
  }
}
