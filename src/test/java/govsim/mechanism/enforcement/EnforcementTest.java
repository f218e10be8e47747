package govsim.mechanism.enforcement;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.synergy.Synergy;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * M3 centralized enforcement: information-asymmetric detection, fines as a share of annual revenue,
 * ex-post investigation of severe incidents with the backstop's multiplier and revocation, and the
 * lighter inspection of firms holding a recognised certificate.
 */
class EnforcementTest {
  private static final double REVENUE_PER_USER_YEAR = 20.0;
  private static final double SANCTION_LOSS = 0.1;
  private final Synergy synergy = new Synergy(spec().synergy());
  private final boolean[] noSignals = new boolean[8];

  /**
   * Certain detection of mature and novel risks alike, unless overridden; inspections_per_year is
   * the capacity (no budget binds: BudgetTest tests the budget).
   */
  private static Enforcement enforcement(String... extra) {
    String[] sets = new String[extra.length + 5];
    sets[0] = "enforcement.detection_probability=1";
    sets[1] = "enforcement.novelty_detection_penalty=0";
    sets[2] = "enforcement.fine_revenue_share=0.03";
    sets[3] = "enforcement.cost_per_inspection=100";
    sets[4] = "enforcement.budget_binds=false";
    System.arraycopy(extra, 0, sets, 5, extra.length);
    return new Enforcement(spec(sets).enforcement(), SANCTION_LOSS, REVENUE_PER_USER_YEAR);
  }

  @Test
  void detectionIsLowerForNovelRisksAndLearnedOverTime() {
    Enforcement e =
        new Enforcement(
            spec(
                    "enforcement.detection_probability=0.6",
                    "enforcement.novelty_detection_penalty=0.7",
                    "enforcement.novelty_learning_days=730")
                .enforcement(),
            0,
            0);
    assertEquals(0.6 * 0.3, e.detection(0), 1e-15);
    assertEquals(0.6 * (1 - 0.7 * Math.exp(-1)), e.detection(730), 1e-15);
    assertEquals(0.6, e.detection(1e6), 1e-12);
  }

  /** A one-firm world whose firm violates a rule in force in jurisdiction 0. */
  private static World violator(int users) {
    World w = world(1, users);
    w.regulators[0].enforcement = true;
    Firm f = firm(w);
    assignUsers(w, f, 0, users);
    Risk r = risk(w, 1.0, 0.1, 0.01, false);
    ruleInForce(w.regulators[0].rules, r, 0.9);
    return w;
  }

  @Test
  void anInspectionFinesAShareOfAnnualRevenueOnceAndRemediesTheViolation() {
    World w = violator(1000);
    Firm f = w.firms.get(0);
    // 365000 inspections a year: about 1000 in the step, the first one finds the violation.
    enforcement("enforcement.inspections_per_year=365000")
        .step(w, new MersenneTwisterFast(1), synergy, noSignals);
    assertEquals(0.03 * 1000 * REVENUE_PER_USER_YEAR, f.finesStep, 1e-9);
    assertEquals(1.0 - SANCTION_LOSS, f.reputation, 1e-15);
    assertTrue(f.mitigates.get(0), "the violation is remedied");
    assertEquals(1, w.tally.sanctions, "a remedied violation is not fined again");
    assertTrue(w.tally.inspections > 800);
    assertEquals(100.0 * w.tally.inspections, w.tally.costRegulator, 1e-6);
    assertEquals(1, count(events(w), EventKind.SANCTION));
  }

  @Test
  void nothingIsFinedWithoutAViolationOfACoveringRuleOrWithoutEnforcementPower() {
    Enforcement e = enforcement("enforcement.inspections_per_year=365000");
    World mitigating = violator(100);
    mitigating.firms.get(0).mitigates.set(0);
    e.step(mitigating, new MersenneTwisterFast(2), synergy, noSignals);
    assertEquals(0, mitigating.tally.sanctions);

    World obsolete = violator(100);
    obsolete.risks.get(0).generation = 1; // the rule was written for the old form
    e.step(obsolete, new MersenneTwisterFast(2), synergy, noSignals);
    assertEquals(0, obsolete.tally.sanctions);

    World powerless = violator(100);
    powerless.regulators[0].enforcement = false;
    e.step(powerless, new MersenneTwisterFast(2), synergy, noSignals);
    assertEquals(0, powerless.tally.sanctions);
    assertEquals(0, powerless.tally.inspections);
  }

  @Test
  void aSevereIncidentOfAViolatedRuleIsInvestigatedFinedWithTheBackstopAndRevokesTheLicense() {
    World w = violator(1000);
    Firm f = w.firms.get(0);
    w.regulators[0].backstop = true; // penalty multiplier 3 (default)
    w.severeIncidentsThisStep.add(new int[] {f.id, 0});
    enforcement("enforcement.inspections_per_year=0")
        .step(w, new MersenneTwisterFast(3), synergy, noSignals);
    assertEquals(0.03 * 1000 * REVENUE_PER_USER_YEAR * 3, f.finesStep, 1e-9);
    assertEquals(1, w.tally.inspections);
    assertEquals(100.0, w.tally.costRegulator, 1e-12);
    assertFalse(f.serves(0), "license revoked");
    assertEquals(1, w.tally.revocations);
    assertEquals(1, count(events(w), EventKind.REVOCATION));
  }

  @Test
  void revocationClearsOnlyTheInvestigatingJurisdiction() {
    World w = world(2, 100);
    w.regulators[1].enforcement = true;
    Firm f = firm(w); // serves both
    assignUsers(w, f, 0, 100);
    Risk r = risk(w, 1.0, 0.1, 0.01, false);
    ruleInForce(w.regulators[1].rules, r, 0.9);
    w.severeIncidentsThisStep.add(new int[] {f.id, r.id});
    enforcement("enforcement.inspections_per_year=0")
        .step(w, new MersenneTwisterFast(4), synergy, noSignals);
    assertEquals(0b01, f.servesMask);
    assertEquals(
        0.03 * 100 * REVENUE_PER_USER_YEAR, f.finesStep, 1e-9, "no backstop: multiplier 1");
  }

  @Test
  void withoutRevocationOrInvestigationTheLicenseStays() {
    World w = violator(100);
    Firm f = w.firms.get(0);
    w.severeIncidentsThisStep.add(new int[] {f.id, 0});
    enforcement("enforcement.inspections_per_year=0", "enforcement.revocation=false")
        .step(w, new MersenneTwisterFast(5), synergy, noSignals);
    assertTrue(f.serves(0));
    assertEquals(1, w.tally.sanctions);

    World w2 = violator(100);
    Firm f2 = w2.firms.get(0);
    w2.severeIncidentsThisStep.add(new int[] {f2.id, 0});
    enforcement(
            "enforcement.inspections_per_year=0", "enforcement.investigate_severe_incidents=false")
        .step(w2, new MersenneTwisterFast(5), synergy, noSignals);
    assertTrue(f2.serves(0));
    assertEquals(0, w2.tally.sanctions);
    assertEquals(0, w2.tally.inspections);
  }

  @Test
  void aCertifiedFirmIsRecognisedOnlyByJurisdictionsOnItsCommunitysList() {
    World w = world(2, 0);
    Firm f = firm(w);
    assertFalse(Enforcement.certifiedRecognized(w, f, w.regulators[0]));
    Community c = community(w, 0.7, 0.8, 0b10);
    member(f, c);
    assertFalse(Enforcement.certifiedRecognized(w, f, w.regulators[0]));
    assertTrue(Enforcement.certifiedRecognized(w, f, w.regulators[1]));
    c.active = false;
    assertFalse(Enforcement.certifiedRecognized(w, f, w.regulators[1]));
  }

  @Test
  void inspectionsPickARecognisedCertifiedFirmLessOften() {
    // Two violators; firm 0 holds a certificate that jurisdiction 0 recognises (weight 0.2, the
    // default certified_inspection_factor, against 1). With Poisson(1) inspections a step, each
    // picking firm 0 with probability q = 0.2/1.2, the picks of firm 0 are Poisson(q) (thinning),
    // so firm 0 is sanctioned in a step with probability 1 - exp(-q); firm 1 with 1 - exp(-(1-q)).
    World w = world(1, 0);
    w.regulators[0].enforcement = true;
    w.regulators[0].recognizeCertification = true;
    Firm cert = firm(w);
    Firm plain = firm(w);
    Community c = community(w, 0.7, 0.8, 0b1);
    member(cert, c);
    Risk r = risk(w, 1.0, 0.1, 0.01, false);
    ruleInForce(w.regulators[0].rules, r, 0.9);
    Enforcement e = enforcement("enforcement.inspections_per_year=365");
    MersenneTwisterFast rng = new MersenneTwisterFast(6);
    int steps = 20_000;
    int certHits = 0;
    int plainHits = 0;
    for (int s = 0; s < steps; s++) {
      cert.mitigates.clear();
      plain.mitigates.clear();
      e.step(w, rng, synergy, noSignals);
      if (cert.mitigates.get(r.id)) certHits++;
      if (plain.mitigates.get(r.id)) plainHits++;
    }
    double q = 0.2 / 1.2;
    double pCert = 1 - Math.exp(-q);
    double pPlain = 1 - Math.exp(-(1 - q));
    assertEquals(pCert, certHits / (double) steps, 5 * Math.sqrt(pCert * (1 - pCert) / steps));
    assertEquals(pPlain, plainHits / (double) steps, 5 * Math.sqrt(pPlain * (1 - pPlain) / steps));
  }

  @Test
  void aBrandNewRiskIsDetectedLessOften() {
    // The risk emerged today (age 0): each inspection detects the violation with
    // 0.6 * (1 - 0.7) = 0.18. With Poisson(1) inspections a step, the detecting inspections are
    // Poisson(0.18) (thinning), so a step ends in a sanction with probability 1 - exp(-0.18).
    World w = violator(10);
    Firm f = w.firms.get(0);
    Enforcement e =
        new Enforcement(
            spec(
                    "enforcement.inspections_per_year=365",
                    "enforcement.detection_probability=0.6",
                    "enforcement.novelty_detection_penalty=0.7",
                    "enforcement.budget_binds=false")
                .enforcement(),
            0,
            1);
    MersenneTwisterFast rng = new MersenneTwisterFast(7);
    int steps = 20_000;
    int hits = 0;
    for (int s = 0; s < steps; s++) {
      f.mitigates.clear();
      e.step(w, rng, synergy, noSignals);
      if (f.mitigates.get(0)) hits++;
    }
    double p = 1 - Math.exp(-0.18);
    assertEquals(p, hits / (double) steps, 5 * Math.sqrt(p * (1 - p) / steps));
  }

  /**
   * The firms' outlook uses the inspections' own weighting: capacity 12/year over weights 0.2
   * (recognised certificate), 1 x (1 + 1) (signalled), 1 (plain) = 3.2 in total gives 0.75, 7.5 and
   * 3.75 inspections a year; a firm the regulator does not license, an inactive firm, and a
   * jurisdiction without enforcement get 0.
   */
  @Test
  void firmsExpectTheInspectionsTheWeightingGivesThem() {
    World w = world(2, 0);
    w.regulators[0].enforcement = true;
    w.regulators[0].recognizeCertification = true;
    w.regulators[0].signals = true;
    Firm cert = firm(w);
    Firm loud = firm(w);
    Firm plain = firm(w);
    Firm abroad = firm(w, 0, 0, 0b10);
    Firm gone = firm(w);
    gone.active = false;
    member(cert, community(w, 0.7, 0.8, 0b1));
    boolean[] signalled = {false, true, false, false, false};
    Synergy s =
        new Synergy(
            spec("synergy.certified_inspection_factor=0.2", "synergy.signal_boost=1").synergy());
    Enforcement.InspectionTargets t =
        Enforcement.inspectionTargets(w, w.regulators[0], s, signalled);
    assertEquals(
        java.util.List.of(cert, loud, plain), t.candidates(), "licensed active firms, in id order");
    assertEquals(java.util.List.of(0.2, 2.0, 1.0), t.weights());
    assertEquals(3.2, t.total(), 1e-15);
    double[][] expected =
        enforcement("enforcement.inspections_per_year=12")
            .expectedInspectionsPerYear(w, s, signalled);
    assertEquals(0.75, expected[cert.id][0], 1e-12);
    assertEquals(7.5, expected[loud.id][0], 1e-12);
    assertEquals(3.75, expected[plain.id][0], 1e-12);
    assertEquals(0.0, expected[abroad.id][0]);
    assertEquals(0.0, expected[gone.id][0]);
    for (Firm f : w.firms) assertEquals(0.0, expected[f.id][1], "jurisdiction 1 does not enforce");
  }

  /**
   * enforcement.inspection_penalty_multiplier scales the fine of a violation an inspection finds.
   */
  @Test
  void theInspectionPenaltyMultiplierScalesTheFine() {
    World w = violator(1000);
    enforcement(
            "enforcement.inspections_per_year=365000",
            "enforcement.inspection_penalty_multiplier=2.5")
        .step(w, new MersenneTwisterFast(1), synergy, noSignals);
    assertEquals(2.5 * 0.03 * 1000 * REVENUE_PER_USER_YEAR, w.firms.get(0).finesStep, 1e-9);
  }
}
