package govsim.mechanism.firms;

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
import govsim.mechanism.Draws;
import govsim.mechanism.Governance;
import govsim.mechanism.crossborder.ComplianceCost;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M6 firm decisions: the values of the practice, of mitigation and of membership by hand from the
 * formulas in FirmDecisions' Javadoc, the logit choice at its extremes and in between (social
 * learning is in SocialLearningTest), membership consequences and what binds a firm to a conformity
 * assessment.
 *
 * <p>Defaults used in the hand computations: harm_aversion 20, voluntary efficacy 0.5,
 * reputation_value 30, exposure_share 0.01, outcry threshold 0.01, outcry loss 0.2, sanction loss
 * 0.1, expulsion loss 0.15, practice revenue share 0.1 and harm 0.002/user/day, users' mean
 * information capability 0.8 x 1 + 0.2 x 0.3 = 0.86 with voice 1, choice intensity 5, certification
 * weight 0.1, detection 0.6 with novelty penalty 0.7, fine 3%, audit rate 2/year, community fee
 * 0.3, tooling reduction 0.3, compliance cost per rule 0.5, rule cost multiplier 1.5.
 */
class FirmDecisionsTest {
  /**
   * The legacy expected backlash unless {@code sets} say otherwise (learned: BacklashBeliefTest).
   */
  private static FirmDecisions decisions(String... sets) {
    String[] all = new String[sets.length + 1];
    all[0] = "reputation.expected_backlash=legacy";
    System.arraycopy(sets, 0, all, 1, sets.length);
    ModelSpec s = spec(linearCost(all));
    return govsim.mechanism.Fixtures.decisions(s, new Synergy(s.synergy()));
  }

  /** The sets plus a compliance cost linear in stringency (the legacy cost these values assume). */
  private static String[] linearCost(String... sets) {
    String[] all = java.util.Arrays.copyOf(sets, sets.length + 1);
    all[sets.length] = "cross_border.stringency_cost_exponent=1";
    return all;
  }

  private static ComplianceCost cost() {
    ModelSpec s = spec(linearCost());
    return new ComplianceCost(s.crossBorder(), 0.5, 0.5, 1.5, 0.3);
  }

  /**
   * No firm signalled; `inspections` expected inspections a year of every firm in jurisdiction 0.
   */
  private static FirmDecisions.Outlook outlook(int firms, double inspections, int totalUsers) {
    double[][] perYear = new double[firms][1];
    for (double[] row : perYear) row[0] = inspections;
    return new FirmDecisions.Outlook(new boolean[firms], perYear, totalUsers);
  }

  /** Hazard 2 a year, emerged on day 0. */
  private static Risk risk2(World w, double severity, double visibility) {
    return risk(w, severity, visibility, 2.0 / 365.0, false);
  }

  @Test
  void practiceValueIsExtraRevenueMinusAlignedHarmMinusExpectedBacklash() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    f.backlashBelief = 0.3;
    // 0.1 x 100 - 0.5 x 20 x 0.002 x 365 - 0.3 x 0.2 x 30 = 10 - 7.3 - 1.8
    assertEquals(0.9, d.practiceValue(w, f), 1e-12);
    Firm cynic = firm(w, 0.0, 0, 1);
    assertEquals(10.0, d.practiceValue(w, cynic), 1e-12);
  }

  @Test
  void mitigationValueOfAnUngovernedRiskIsAlignedHarmAvoidedPlusOutcriesAvoided() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk quiet = risk2(w, 3.0, 0.01); // 0.01 x 0.86 < 1% complain: no outcry expected
    Risk visible = risk2(w, 3.0, 0.02); // 0.02 x 0.86 = 1.72% > 1%
    FirmDecisions.Outlook o = outlook(1, 0, 100);
    // avoided = 2/year x 0.5 = 1 incident/year; aligned harm 0.5 x 20 x 1 x 3 x 0.01 = 0.3
    assertEquals(0.3, d.mitigationValue(w, f, quiet, Governance.of(w, f, quiet), o), 1e-12);
    // + outcries avoided 1 x 0.2 x 30 = 6
    assertEquals(6.3, d.mitigationValue(w, f, visible, Governance.of(w, f, visible), o), 1e-12);
  }

  /**
   * An unsafe firm's risks are unsafe_hazard_multiplier (2) times as hazardous: twice the value.
   */
  @Test
  void mitigationIsWorthMoreToAnUnsafeFirm() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    f.unsafeReleases = true;
    Risk quiet = risk2(w, 3.0, 0.01);
    Risk visible = risk2(w, 3.0, 0.02);
    FirmDecisions.Outlook o = outlook(1, 0, 100);
    // avoided = 2 x 2/year x 0.5 = 2 incidents/year: 0.6 aligned harm, + 2 x 0.2 x 30 = 12.
    assertEquals(0.6, d.mitigationValue(w, f, quiet, Governance.of(w, f, quiet), o), 1e-12);
    assertEquals(12.6, d.mitigationValue(w, f, visible, Governance.of(w, f, visible), o), 1e-12);
  }

  @Test
  void mitigationValueUnderAnEnforcedRegulatorRuleAddsExpectedSanctions() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    w.regulators[0].enforcement = true;
    Firm f = firm(w, 0.5, 0, 1);
    Risk r = risk2(w, 3.0, 0.02);
    ruleInForce(w.regulators[0].rules, r, 0.9);
    FirmDecisions.Outlook o = outlook(1, 10, 100);
    // avoided 2 x 0.9 = 1.8; harm 0.5 x 20 x 1.8 x 3 x 0.01 = 0.54; outcries 1.8 x 6 = 10.8;
    // inspections 10 x detection(age 0) 0.6 x 0.3 x (fine 3 + published 0.1 x 30) = 10.8.
    double expected = 0.54 + 10.8 + 10.8;
    assertEquals(expected, d.mitigationValue(w, f, r, Governance.of(w, f, r), o), 1e-12);
    // Without the power to enforce, the rule only changes the efficacy.
    w.regulators[0].enforcement = false;
    assertEquals(0.54 + 10.8, d.mitigationValue(w, f, r, Governance.of(w, f, r), o), 1e-12);
  }

  @Test
  void aSevereRiskAddsExpectedInvestigationsWithBackstopAndRevocation() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    w.regulators[0].enforcement = true;
    Firm f = firm(w, 0.5, 0, 1);
    Risk r = risk2(w, 20.0, 0.001); // severe (>= 10), no outcry expected
    ruleInForce(w.regulators[0].rules, r, 0.9);
    FirmDecisions.Outlook o = outlook(1, 10, 100);
    double harm = 0.5 * 20 * 1.8 * 20 * 0.01; // 3.6
    double inspections = 10 * 0.18 * 6; // 10.8
    // Investigations: hazard 2/year x detection 0.18 x (fine 3 x multiplier + published 3 +
    // revocation 100% of revenue / 1 jurisdiction served).
    assertEquals(
        harm + inspections + 2 * 0.18 * (3 + 3 + 100),
        d.mitigationValue(w, f, r, Governance.of(w, f, r), o),
        1e-9);
    w.regulators[0].backstop = true; // penalty multiplier 3
    assertEquals(
        harm + inspections + 2 * 0.18 * (9 + 3 + 100),
        d.mitigationValue(w, f, r, Governance.of(w, f, r), o),
        1e-9);
    // Signals on a signalled firm double the fear of both (signal_boost 1).
    w.regulators[0].signals = true;
    FirmDecisions.Outlook signalled =
        new FirmDecisions.Outlook(new boolean[] {true}, new double[][] {{10}}, 100);
    assertEquals(
        harm + 2 * (inspections + 2 * 0.18 * (9 + 3 + 100)),
        d.mitigationValue(w, f, r, Governance.of(w, f, r), signalled),
        1e-9);
    // Without revocation the license is not at stake.
    FirmDecisions noRevocation = decisions("enforcement.revocation=false");
    w.regulators[0].signals = false;
    w.regulators[0].backstop = false;
    assertEquals(
        harm + inspections + 2 * 0.18 * (3 + 3),
        noRevocation.mitigationValue(w, f, r, Governance.of(w, f, r), o),
        1e-9);
  }

  @Test
  void mitigationValueUnderACommunityStandardAddsExpectedExpulsion() {
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk r = risk2(w, 3.0, 0.02);
    Community c = community(w, 0.7, 0.8, 0L);
    ruleInForce(c.standards, r, 0.7);
    member(f, c);
    FirmDecisions.Outlook o = outlook(1, 0, 100);
    // avoided 1.4; harm 0.42; outcries 1.4 x 6 = 8.4;
    // expulsion: 2 audits/year x assurance 0.8 x (0.15 x 30 + certificate value of its only
    // membership 100 x (1 - 0/100) x (1 - e^(-5 x 0.1))).
    double certificate = 100 * (1 - Math.exp(-0.5));
    double expulsion = 2 * 0.8 * (4.5 + certificate);
    assertEquals(certificate, decisions().certificationValue(w, f, o), 1e-12);
    assertEquals(
        0.42 + 8.4 + expulsion,
        decisions().mitigationValue(w, f, r, Governance.of(w, f, r), o),
        1e-9);
    // A community that does not expel poses no such threat.
    assertEquals(
        0.42 + 8.4,
        decisions("assurance.expel_on_violation=false")
            .mitigationValue(w, f, r, Governance.of(w, f, r), o),
        1e-9);
    // A firm with half the market gains half as much from a certificate.
    f.users = 50;
    assertEquals(certificate / 2, decisions().certificationValue(w, f, o), 1e-12);
  }

  @Test
  void aHugeIntensityMakesTheLogitChoiceDeterministic() {
    FirmDecisions d = decisions("firms.decision_intensity=1000");
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Firm cynic = firm(w, 0.0, 0, 1);
    Risk visible = risk2(w, 3.0, 0.02); // net value 6.3 - 0.25 for f, 6 - 0.25 for the cynic
    Risk quiet = risk2(w, 3.0, 0.001); // net value 0.3 - 0.25 = 0.05 for f, 0 - 0.25 for the cynic
    FirmDecisions.Outlook o = outlook(2, 0, 100);
    for (int seed = 0; seed < 200; seed++) {
      MersenneTwisterFast rng = new MersenneTwisterFast(seed);
      f.mitigates.clear();
      cynic.mitigates.set(quiet.id);
      d.review(w, f, rng, o);
      d.review(w, cynic, rng, o);
      assertTrue(f.mitigates.get(visible.id));
      assertTrue(f.mitigates.get(quiet.id), "logistic(1000 x 0.05) = 1 - 2e-22");
      assertTrue(cynic.mitigates.get(visible.id));
      assertFalse(cynic.mitigates.get(quiet.id), "logistic(-250) ~ 0");
    }
  }

  @Test
  void onlyActiveKnownRisksAreDecided() {
    FirmDecisions d = decisions("firms.decision_intensity=1000");
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk unknown = risk(w, 3.0, 0.02, 2.0 / 365, true);
    Risk retired = risk2(w, 3.0, 0.02);
    retired.active = false;
    d.review(w, f, new MersenneTwisterFast(1), outlook(1, 0, 100));
    assertFalse(
        f.mitigates.get(unknown.id), "nobody knows a Knightian risk before its first incident");
    assertFalse(f.mitigates.get(retired.id));
  }

  @Test
  void theLogitChoiceMitigatesWithProbabilityLogisticOfIntensityTimesNetValue() {
    // The posture stays safe (a chosen unsafe posture would double the hazard the value weighs).
    FirmDecisions d =
        decisions("firms.decision_intensity=2", "firms.investment.posture_choice=false");
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk r = risk2(w, 3.0, 0.01); // value 0.3, cost of ad hoc mitigation 0.5 x 0.5 = 0.25
    FirmDecisions.Outlook o = outlook(1, 0, 100);
    double p = Draws.logistic(2 * (0.3 - 0.25));
    MersenneTwisterFast rng = new MersenneTwisterFast(2);
    int n = 20_000;
    int yes = 0;
    for (int i = 0; i < n; i++) {
      d.review(w, f, rng, o);
      if (f.mitigates.get(r.id)) yes++;
    }
    assertEquals(p, yes / (double) n, 5 * Math.sqrt(p * (1 - p) / n));
  }

  @Test
  void thePracticeIsAdoptedOrDroppedByItsValueButNotDuringARevisionOrCooldown() {
    FirmDecisions d = decisions("firms.decision_intensity=1000");
    World w = world(1, 0);
    Firm cynic = firm(w, 0.0, 0, 1); // value 10 - 0.3 x 6 > 0
    cynic.backlashBelief = 0.3;
    Firm aligned = firm(w, 1.0, 0, 1); // value 10 - 14.6 - 1.8 < 0
    aligned.practice = true;
    FirmDecisions.Outlook o = outlook(2, 0, 100);
    d.review(w, cynic, new MersenneTwisterFast(3), o);
    d.review(w, aligned, new MersenneTwisterFast(3), o);
    assertTrue(cynic.practice);
    assertFalse(aligned.practice);
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.PRACTICE_ADOPTED));
    assertEquals(1, count(ev, EventKind.PRACTICE_DROPPED));

    Firm revising = firm(w, 1.0, 0, 1);
    revising.practice = true;
    revising.revisionDueDay = 5; // an outcry has happened: the revision is already on its way
    Firm cooling = firm(w, 0.0, 0, 1);
    cooling.noPracticeUntilDay = 10;
    FirmDecisions.Outlook o4 = outlook(4, 0, 100);
    d.review(w, revising, new MersenneTwisterFast(4), o4);
    d.review(w, cooling, new MersenneTwisterFast(4), o4);
    assertTrue(revising.practice);
    assertFalse(cooling.practice);
  }

  @Test
  void aDueReviewHappensOnceAndAnotherOnlyAtTheReviewRate() {
    FirmDecisions d = decisions("firms.review_rate_per_year=0", "firms.decision_intensity=1000");
    World w = world(1, 0);
    Firm f = firm(w, 0.0, 0, 1);
    f.nextReviewDay = 0;
    Firm g = firm(w, 0.0, 0, 1);
    g.nextReviewDay = 1;
    d.step(w, new MersenneTwisterFast(5), outlook(2, 0, 100));
    assertTrue(f.practice, "reviewed: a cynic adopts the practice");
    assertEquals(Double.POSITIVE_INFINITY, f.nextReviewDay);
    assertFalse(g.practice, "not due yet");
  }

  @Test
  void membershipValueByHand() {
    FirmDecisions d = decisions();
    ComplianceCost cost = cost();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk r = risk2(w, 3.0, 0.02);
    Community c = community(w, 0.7, 0.8, 0L);
    ruleInForce(c.standards, r, 0.7);
    FirmDecisions.Outlook o = outlook(1, 0, 100);
    double certificate = 100 * (1 - Math.exp(-0.5));
    double costWith = 0.5 * 0.7 * (1 - 0.3); // cost per rule x stringency x tooling
    assertEquals(costWith, cost.annualPercent(Governance.of(w, f, r, c.id, -1)), 1e-15);
    // Not mitigating yet: joining commits it to mitigate, avoiding 2 x 0.7 incidents a year.
    double harmAvoided = 0.5 * 20 * (2 * 0.7) * 3 * 0.01;
    assertEquals(
        certificate - 0.3 + harmAvoided - costWith, d.membershipValue(w, f, c, true, o), 1e-9);
    // Already mitigating ad hoc (cost 0.5 x 0.5): joining only changes the cost.
    f.mitigates.set(r.id);
    assertEquals(certificate - 0.3 + (0.25 - costWith), d.membershipValue(w, f, c, true, o), 1e-9);
    // A member with another certificate gets no certification value from this one.
    Community other = community(w, 0.6, 0.8, 0L);
    member(f, other);
    assertEquals(-0.3 + (0.25 - costWith), d.membershipValue(w, f, c, true, o), 1e-9);
    // Staying is valued the same way, removing the community instead of adding it.
    member(f, c);
    f.memberships.clear(other.id);
    other.members.clear(f.id);
    assertEquals(certificate - 0.3 + (0.25 - costWith), d.membershipValue(w, f, c, false, o), 1e-9);
  }

  @Test
  void aReviewJoinsTheBestCommunityAndLeavesOneNotWorthIt() {
    FirmDecisions d = decisions("firms.decision_intensity=1000");
    World w = world(1, 0);
    Firm f = firm(w, 0.0, 0, 1);
    Community banned = community(w, 0.7, 0.8, 0L);
    Community open = community(w, 0.7, 0.8, 0L);
    f.ban(banned.id, 100);
    d.review(w, f, new MersenneTwisterFast(9), outlook(1, 0, 100));
    assertTrue(f.memberships.get(open.id), "certification is worth ~39% of revenue, the fee 0.3%");
    assertTrue(open.members.get(f.id));
    assertFalse(f.memberships.get(banned.id), "banned until day 100");

    // A second membership brings no certificate, only the fee: the firm leaves the first one it
    // reviews (c0); then c1 is its only certificate and worth keeping, and rejoining c0 is not
    // worth the fee.
    World w2 = world(1, 0);
    Firm g = firm(w2, 0.0, 0, 1);
    Community c0 = community(w2, 0.7, 0.8, 0L);
    Community c1 = community(w2, 0.7, 0.8, 0L);
    member(g, c0);
    member(g, c1);
    d.review(w2, g, new MersenneTwisterFast(10), outlook(1, 0, 100));
    assertFalse(g.memberships.get(c0.id));
    assertFalse(c0.members.get(g.id));
    assertTrue(g.memberships.get(c1.id));
    List<WorldEvent> ev = events(w2);
    assertEquals(1, count(ev, EventKind.LEAVE));
    assertEquals(0, count(ev, EventKind.JOIN));
  }

  @Test
  void compliancePercentSumsTheCostOfEveryMitigatedActiveRisk() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    Firm f = firm(w, 0.0, 0, 1);
    Risk adHoc = risk2(w, 1, 0.01);
    Risk ruled = risk2(w, 1, 0.01);
    Risk retired = risk2(w, 1, 0.01);
    Risk ignored = risk2(w, 1, 0.01);
    retired.active = false;
    ruleInForce(w.regulators[0].rules, ruled, 0.9);
    f.mitigates.set(adHoc.id);
    f.mitigates.set(ruled.id);
    f.mitigates.set(retired.id);
    // Ad hoc 0.5 x 0.5; regulator rule 0.5 x 0.9 x 1.5; nothing for retired or unmitigated risks.
    assertEquals(0.25 + 0.675, d.compliancePercent(w, f), 1e-12);
    assertFalse(f.mitigates.get(ignored.id));
  }

  @Test
  void aFirmIsBoundToConformityAssessmentByARuleInForceUnlessItsCertificateIsRecognised() {
    FirmDecisions d = decisions();
    World w = world(2, 0);
    Firm f = firm(w, 0.0, 0, 0b01);
    Risk r = risk2(w, 1, 0.01);
    assertFalse(d.boundByRegulator(w, f));
    ruleInForce(w.regulators[1].rules, r, 0.9);
    w.regulators[1].rulemaking = true;
    assertFalse(d.boundByRegulator(w, f), "the rule is in a jurisdiction it does not serve");
    ruleInForce(w.regulators[0].rules, r, 0.9);
    assertFalse(d.boundByRegulator(w, f), "jurisdiction 0 does not make rules");
    w.regulators[0].rulemaking = true;
    assertTrue(d.boundByRegulator(w, f));
    r.generation = 1;
    assertFalse(d.boundByRegulator(w, f), "an obsolete rule binds nobody");
    r.generation = 0;
    Community c = community(w, 0.7, 0.8, 0b01);
    member(f, c);
    assertTrue(d.boundByRegulator(w, f), "certified, but recognition is off");
    w.regulators[0].recognizeCertification = true;
    assertFalse(d.boundByRegulator(w, f), "a recognised certificate presumes conformity");
  }

  /**
   * firms.revocation_loss_years values a lost license at that many years of the jurisdiction's
   * revenue, 100% / jurisdictions served a year; inspections fine x inspection_penalty_multiplier.
   * Same world as aSevereRiskAddsExpectedInvestigationsWithBackstopAndRevocation, serving two
   * jurisdictions of which only jurisdiction 0 regulates.
   */
  @Test
  void revocationLossYearsAndTheInspectionMultiplierEnterTheExpectedSanctions() {
    World w = world(2, 0);
    w.regulators[0].enforcement = true;
    Firm f = firm(w, 0.5, 0, 0b11);
    Risk r = risk2(w, 20.0, 0.001);
    ruleInForce(w.regulators[0].rules, r, 0.9);
    double[][] perYear = {{10, 0}};
    FirmDecisions.Outlook o = new FirmDecisions.Outlook(new boolean[1], perYear, 100);
    double harm = 0.5 * 20 * 1.8 * 20 * 0.01;
    double inspections = 10 * 0.18 * 6;
    assertEquals(
        harm + inspections + 2 * 0.18 * (3 + 3 + 100.0 / 2),
        decisions().mitigationValue(w, f, r, Governance.of(w, f, r), o),
        1e-9,
        "one year of half the revenue");
    assertEquals(
        harm + inspections + 2 * 0.18 * (3 + 3 + 3 * 100.0 / 2),
        decisions("firms.revocation_loss_years=3")
            .mitigationValue(w, f, r, Governance.of(w, f, r), o),
        1e-9);
    // Inspections fine 3% x 2 = 6 (+ published 3) instead of 3 (+ 3).
    assertEquals(
        harm + 10 * 0.18 * (6 + 3) + 2 * 0.18 * (3 + 3 + 100.0 / 2),
        decisions("enforcement.inspection_penalty_multiplier=2")
            .mitigationValue(w, f, r, Governance.of(w, f, r), o),
        1e-9);
  }

  /** firms.certification_value_share scales the certificate's value linearly. */
  @Test
  void theCertificationValueShareScalesTheCertificatesValue() {
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    f.users = 20;
    FirmDecisions.Outlook o = outlook(1, 0, 100);
    double certificate = 100 * (1 - 0.2) * (1 - Math.exp(-0.5));
    assertEquals(certificate, decisions().certificationValue(w, f, o), 1e-12);
    assertEquals(
        0.25 * certificate,
        decisions("firms.certification_value_share=0.25").certificationValue(w, f, o),
        1e-12);
  }

  // issue 12.1 (resp): the learned expected backlash.
  /**
   * Learned (reputation.expected_backlash learned, defaults: incident prior 1 per unit visibility
   * worth 10, rival weight 0.5): with no evidence an incident of visibility v is expected to make v
   * outcries, so the quiet risk (v 0.01, 1 incident/year avoided) adds 1 x 0.01 x 0.2 x 30 = 0.06
   * to the aligned harm 0.3 (the legacy step added 0). Own 2 outcries over visibility 5, everyone's
   * 4 over 15: belief (10 + 2 + 1) / (10 + 5 + 5) = 0.65, so 0.3 + 0.0065 x 6 = 0.339; the visible
   * risk (v 0.02) adds 0.013 x 6: 0.378 (the legacy step added 6).
   */
  @Test
  void learnedExpectedBacklashIsSmoothInVisibility() {
    FirmDecisions d = decisions("reputation.expected_backlash=learned");
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk quiet = risk2(w, 3.0, 0.01);
    Risk visible = risk2(w, 3.0, 0.02);
    FirmDecisions.Outlook o = outlook(1, 0, 100);
    assertEquals(0.36, d.mitigationValue(w, f, quiet, Governance.of(w, f, quiet), o), 1e-12);
    f.ownIncidentOutcries = 2;
    f.ownIncidentVisibility = 5;
    w.allIncidentOutcries = 4;
    w.allIncidentVisibility = 15;
    assertEquals(0.0065, d.expectedOutcriesPerIncident(w, f, quiet), 1e-15);
    assertEquals(0.339, d.mitigationValue(w, f, quiet, Governance.of(w, f, quiet), o), 1e-12);
    assertEquals(0.378, d.mitigationValue(w, f, visible, Governance.of(w, f, visible), o), 1e-12);
  }

  /**
   * Learned practice value: the prior 0.3 outcries a year gives the legacy 0.9 (10 - 7.3 - 0.3 x
   * 0.2 x 30); one own outcry in half a year: (0.3 + 1) / 1.5 outcries, 10 - 7.3 - 0.8667 x 6 =
   * -2.5.
   */
  @Test
  void learnedPracticeValueUsesTheOutcryRateBelief() {
    FirmDecisions d = decisions("reputation.expected_backlash=learned");
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    assertEquals(0.9, d.practiceValue(w, f), 1e-12);
    f.ownPracticeOutcries = 1;
    f.ownPracticeYears = 0.5;
    w.allPracticeOutcries = 1;
    w.allPracticeYears = 0.5;
    assertEquals(-2.5, d.practiceValue(w, f), 1e-12);
  }
}
