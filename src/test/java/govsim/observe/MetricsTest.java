package govsim.observe;

import static govsim.mechanism.Fixtures.assignUsers;
import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static govsim.observe.Metrics.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.StepTally;
import govsim.world.World;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every metric of the catalogue on a hand-built world, against a value derived by hand. The world
 * is chosen so that the expected values of the step metrics are pairwise distinct (and those of the
 * run metrics too): swapping any two metrics, or mis-computing one, fails the test named after the
 * metric. The undefined cases (empty cells) have tests of their own.
 */
class MetricsTest {
  private static final double EPS = 1e-12;

  /** Utility weights of the hand computation of welfare_consumer; burn-in of the run tests. */
  private static final ModelSpec SPEC =
      spec(
          "users.weight_quality=1",
          "users.weight_reputation=2",
          "users.weight_practice=0.5",
          "users.weight_certification=0.25",
          "metrics.harm_valuation=2",
          "time.burn_in_days=2",
          "firms.count=2");

  // ---- The catalogue itself ---------------------------------------------------------------

  @Test
  void namesAreUniqueAndSnakeCaseWithinEachKind() {
    assertEquals(STEP_NAMES.size(), new HashSet<>(STEP_NAMES).size(), "duplicate step metric name");
    assertEquals(RUN_NAMES.size(), new HashSet<>(RUN_NAMES).size(), "duplicate run metric name");
    for (String n : STEP_NAMES) assertTrue(n.matches("[a-z][a-z0-9_]*"), n);
    for (String n : RUN_NAMES) assertTrue(n.matches("[a-z][a-z0-9_]*"), n);
  }

  @Test
  void columnsAndIndicesArePositionsInDeclarationOrder() {
    for (int i = 0; i < STEP_METRICS.size(); i++) assertEquals(i, STEP_METRICS.get(i).column());
    for (int i = 0; i < RUN_METRICS.size(); i++) assertEquals(i, RUN_METRICS.get(i).index());
    assertEquals(STEP_METRICS.stream().map(StepMetric::name).toList(), STEP_NAMES);
    assertEquals(RUN_METRICS.stream().map(RunMetric::name).toList(), RUN_NAMES);
  }

  @Test
  void everyMetricIsDocumentedWithTitleUnitMeaningAndBounds() {
    List<MetricDoc> docs = new ArrayList<>();
    STEP_METRICS.forEach(m -> docs.add(m.doc()));
    RUN_METRICS.forEach(m -> docs.add(m.doc()));
    for (MetricDoc d : docs) {
      assertFalse(d.title().isBlank(), d.name());
      assertFalse(d.meaning().isBlank(), d.name());
      assertTrue(d.bounds().min() <= d.bounds().max(), d.name());
    }
    // Only the step index is a pure number; every other metric states its unit.
    for (MetricDoc d : docs)
      assertTrue(d.name().equals("step") || !d.unit().isEmpty(), d.name() + " has no unit");
  }

  @Test
  void runMetricsAggregateDeclaredStepMetricsAndOnlySumAlwaysDefinedOnes() {
    for (RunMetric m : RUN_METRICS) {
      if (m.aggregation() == RunMetric.Aggregation.RUN) {
        assertEquals(null, m.source(), m.name());
        continue;
      }
      assertTrue(STEP_METRICS.contains(m.source()), m.name());
      if (m.aggregation() == RunMetric.Aggregation.SUM)
        assertFalse(m.source().doc().mayBeUndefined(), m.name());
    }
    assertEquals("time mean of compliance_rate", COMPLIANCE_RATE_RUN.doc().meaning());
    assertEquals(
        "sum of harm_total over the steps after burn-in", HARM_TOTAL_RUN.aggregationText());
    assertEquals("hhi at the last step", HHI_FINAL.aggregationText());
  }

  @Test
  void lookupsByNameFindTheDeclarationsAndDescribeUnknownColumnsByName() {
    assertEquals(HARM_TOTAL, Metrics.step("harm_total").orElseThrow());
    assertEquals(HARM_TOTAL_RUN, Metrics.run("harm_total").orElseThrow());
    assertEquals("per 1,000 users per step", stepDoc("harm_total").unit());
    assertEquals("per 1,000 users, run total", runDoc("harm_total").unit());
    assertTrue(runDoc("compliance_rate").isShare());
    assertEquals("Governance gap (days)", runDoc("governance_gap_days_mean").axisLabel());
    assertEquals("no_such_metric", runDoc("no_such_metric").axisLabel());
    assertFalse(Metrics.step("hhi_final").isPresent(), "hhi_final is a run metric only");
  }

  // ---- Step metrics on a hand-built world -------------------------------------------------

  /**
   * Two jurisdictions, 10 users, dt = 1 day, at step 41 (day 42).
   *
   * <pre>
   * firms       users (weak)  capability  reputation  practice  member of  mitigates
   *   A active  5 (2)         2.0         0.8         yes       C0         R0, R1
   *   B active  3 (0)         1.0         0.5         no        -          R0, R1, R2
   *   E active  0             3.6         0.41        no        C1         R4
   *   D exited  2 (0)         10          0.9         yes       C2         all
   * (D exited during the step; its users move at the next users' phase.)
   * risks: R0..R3 initial (R1 appeared on day 3, first standard day 4); R3 retired. Unknown: R2.
   *   Novel: R4 (day 10, first standard day 25),
   *   R5 (day 20, first standard 32, first regulator rule 28), R6 (day 30, Knightian, first standard 40),
   *   R7 (day 40, retired, never governed).
   * regulator rules in force: R0 in both jurisdictions, R2 (unknown) in jurisdiction 1.
   * communities C0, C1, C3, C4 active, C2 dissolved. Standards in force: R1 (C0, C1),
   *   R4 (C0, C1, C3), R5 (C3, C4), R3 (C0; retired), R0 (C2; dissolved).
   * backlash response days [5, 7, 30]; practice durations [50, 70, 90].
   * </pre>
   */
  static World handBuilt() {
    World w = world(2, 10);
    w.step = 41;
    w.now = 41;
    w.users.weak[0] = 1;
    w.users.weak[1] = 1;
    Firm a = firm(w, 0, 2.0, 3);
    a.reputation = 0.8;
    a.practice = true;
    assignUsers(w, a, 0, 5);
    Firm b = firm(w, 0, 1.0, 1); // serves jurisdiction 0 only
    b.reputation = 0.5;
    assignUsers(w, b, 5, 8);
    Firm e = firm(w, 0, 3.6, 1); // serves jurisdiction 0 only
    w.incumbent = b.id; // issue 12.3 (users): incumbent_usage_share follows B
    e.reputation = 0.41;
    Firm d = firm(w, 0, 10, 3);
    d.reputation = 0.9;
    d.practice = true;
    assignUsers(w, d, 8, 10);
    d.active = false;
    // issue 12.2 (race): R&D shares and postures; firms.count = 2 makes A and B the day-0 cohort.
    a.rdShare = 0.12;
    b.rdShare = 0.3;
    e.rdShare = 0.09;
    a.unsafeReleases = true;

    List<Risk> r = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Risk x = risk(w, i == 1 ? 3 : 0);
      x.initial = true;
      r.add(x);
    }
    r.get(2).known = false;
    r.get(3).active = false;
    r.add(risk(w, 10));
    r.add(risk(w, 20));
    // R6 is Knightian, known since its first incident (issue 13: only its strictness metric reads
    // the flag).
    Risk knightian =
        new Risk(w.risks.size(), 30, 1.0, 0.5, 0.01, true, Double.POSITIVE_INFINITY, 0, 2);
    knightian.known = true;
    w.risks.add(knightian);
    r.add(knightian);
    r.add(risk(w, 40));
    r.get(7).active = false;
    r.get(1).firstCommunityRuleDay = 4;
    r.get(4).firstCommunityRuleDay = 25;
    r.get(5).firstCommunityRuleDay = 32;
    r.get(5).firstRegulatorRuleDay = 28;
    r.get(6).firstCommunityRuleDay = 40;

    for (int i : new int[] {0, 1}) a.mitigates.set(i);
    for (int i : new int[] {0, 1, 2}) b.mitigates.set(i);
    e.mitigates.set(4);
    d.mitigates.set(0, 8);

    ruleInForce(w.regulators[0].rules, r.get(0), 0.5);
    ruleInForce(w.regulators[1].rules, r.get(0), 0.5);
    ruleInForce(w.regulators[1].rules, r.get(2), 0.5);
    Community c0 = community(w, 0.5, 0.5, 0L);
    Community c1 = community(w, 0.5, 0.5, 0L);
    Community c2 = community(w, 0.5, 0.5, 0L);
    Community c3 = community(w, 0.5, 0.5, 0L);
    Community c4 = community(w, 0.5, 0.5, 0L);
    c2.active = false;
    // Issue 13 items 4 and 6 (comm): C1 is stricter; 70% of the users live in jurisdiction 0;
    // every community's certificate is recognised in both jurisdictions, whose regulators hold
    // the power.
    c1.stringency = 0.8;
    w.populationShare = new double[] {0.7, 0.3};
    for (Community c : List.of(c0, c1, c2, c3, c4)) c.recognizedMask = 0b11;
    for (var reg : w.regulators) reg.recognizeCertification = true;
    member(a, c0);
    member(e, c1);
    member(d, c2);
    for (Community c : List.of(c0, c1)) {
      ruleInForce(c.standards, r.get(1), 0.5);
      ruleInForce(c.standards, r.get(4), 0.5);
    }
    ruleInForce(c3.standards, r.get(4), 0.5);
    ruleInForce(c3.standards, r.get(5), 0.5);
    ruleInForce(c4.standards, r.get(5), 0.5);
    ruleInForce(c0.standards, r.get(3), 0.5);
    ruleInForce(c2.standards, r.get(0), 0.5);

    w.backlashResponseDays.addAll(List.of(5.0, 7.0, 30.0));
    w.practiceDurationDays.addAll(List.of(50.0, 70.0, 90.0));

    // issue 13 (know): first rules' strictness errors and entrenchment factors, control costs.
    r.get(4).firstCommunityStrictnessError = 0.21;
    r.get(4).firstCommunityCostFactor = 1.1;
    r.get(5).firstCommunityStrictnessError = -0.13;
    r.get(5).firstCommunityCostFactor = 1.3;
    r.get(5).firstRegulatorStrictnessError = -0.47;
    r.get(5).firstRegulatorCostFactor = 1.5;
    r.get(6).firstCommunityStrictnessError = 0.37;
    r.get(6).firstCommunityCostFactor = 1.2;
    r.get(1).controlCost = 1000; // initial: left out
    r.get(1).governedDays = 37;
    r.get(4).controlCost = 310;
    r.get(4).governedDays = 16;
    r.get(5).controlCost = 500;
    r.get(5).governedDays = 13;
    r.get(6).controlCost = 100;
    r.get(6).governedDays = 1;
    // issue 12.5 (misuse): safeguard levels A 0.6, B 0.2, E 0.9, D (exited) 1.0.
    a.safeguards = 0.6;
    b.safeguards = 0.2;
    e.safeguards = 0.9;
    d.safeguards = 1.0;
    // issue 13 (inst): both regulators enforce, with 7.25 and 3.75 affordable inspections a year;
    // guidelines on R0, R1, R4 and R6 (R6's in jurisdiction 1), R2's guideline is for an older
    // form; jurisdiction 1's rule on R0 cites community C0.
    w.regulators[0].enforcement = true;
    w.regulators[0].inspectionCapacityPerYear = 7.25;
    w.regulators[1].enforcement = true;
    w.regulators[1].inspectionCapacityPerYear = 3.75;
    for (int i : new int[] {0, 1, 4, 6}) {
      r.get(i).guidedGeneration = 0;
      r.get(i).guidedMask = i == 6 ? 2L : 1L;
    }
    r.get(2).guidedGeneration = -1;
    r.get(2).guidedMask = 1L;
    w.regulators[1].rules.inForce(r.get(0).id).codifiedFrom = c0.id;
    return w;
  }

  private static Risk risk(World w, double emergedDay) {
    Risk x =
        new Risk(
            w.risks.size(),
            emergedDay,
            1.0,
            0.5,
            0.01,
            false,
            Double.POSITIVE_INFINITY,
            0,
            w.jurisdictions);
    w.risks.add(x);
    return x;
  }

  /** The tally of the hand-built world's step: every count different from every other value. */
  static void tally(StepTally t, double harm, double severe, double malicious, double weak) {
    t.reset();
    t.harm = harm;
    t.harmSevere = severe;
    t.harmMalicious = malicious;
    t.harmWeak = weak;
    t.switches = 1;
    t.costCompliance = 123;
    t.costRegulator = 456;
    t.costCommunity = 789;
    t.profit = -12.5;
    t.expulsions = 31;
    t.sanctions = 32;
    t.revocations = 33;
    t.outcries = 34;
    t.complaints = 35;
    t.incidents = 36;
    t.attacks = 37;
    t.entries = 38;
    t.exits = 39;
    // issue 12.5 (misuse)
    t.attacksBlocked = 40;
    t.attemptsCertified = 47;
    t.harmMaliciousCertified = 0.45 * malicious;
    t.costSafeguards = 43.5;
    t.costPowersRegulator = 41.5;
    t.costPowersFirms = 42.5;
    t.revenue = 800;
    t.costEntry = 23;
    t.entriesDeclined = 44;
    t.costInvestment = 321;
  }

  /**
   * The hand-built world after two steps: the first with harm 0.3 (severe 0.1, malicious 0.05,
   * borne by the weak 0.07), the second, observed, with harm 0.5 (0.2, 0.1, 0.13).
   */
  private static Map<StepMetric, Double> observed() {
    World w = handBuilt();
    StepView v = new StepView(SPEC);
    tally(w.tally, 0.3, 0.1, 0.05, 0.07);
    v.advance(w);
    tally(w.tally, 0.5, 0.2, 0.1, 0.13);
    v.advance(w);
    Map<StepMetric, Double> out = new LinkedHashMap<>();
    for (StepMetric m : STEP_METRICS) out.put(m, m.value(v));
    return out;
  }

  /** The values derived by hand (per 1,000 users: x 100, since there are 10 users). */
  private static Map<StepMetric, Double> expected() {
    Map<StepMetric, Double> e = new LinkedHashMap<>();
    e.put(STEP, 41.0);
    e.put(DAY, 42.0);
    e.put(HARM_TOTAL, 50.0);
    e.put(HARM_SEVERE, 20.0);
    e.put(HARM_MALICIOUS, 10.0);
    e.put(HARM_TOTAL_CUM, 80.0);
    e.put(HARM_SEVERE_CUM, 30.0);
    e.put(HARM_MALICIOUS_CUM, 15.0);
    e.put(HARM_INFO_WEAK_SHARE, 0.2 / 0.8);
    // Active risks R0 R1 R2 R4 R5 R6 (6), 10 users: 60 pairs. Governed and complied with: R0 by A
    // (5
    // users) and B (3), regulator rules; R1 by A (member of C0). B on R1 is not governed; R2 is
    // unknown;
    // D's users do not count (D has exited).
    e.put(COMPLIANCE_RATE, 13.0 / 60);
    // Mitigated: R0 by A and B (8), R1 by A and B (8), R2 by B (3); E mitigates R4 but has no
    // users.
    e.put(MITIGATION_RATE, 19.0 / 60);
    // Known active risks R0 R1 R4 R5 R6: regulator covers R0; communities cover R1, R4, R5.
    e.put(COVERAGE_REGULATOR, 1.0 / 5);
    e.put(COVERAGE_COMMUNITY, 3.0 / 5);
    // Novel risks with a first rule: R4 (25 - 10), R5 (min(32, 28) - 20), R6 (40 - 30); R1 is
    // initial.
    e.put(GOVERNANCE_GAP_DAYS_MEAN, (15.0 + 8 + 10) / 3);
    e.put(RULES_REGULATOR, 2.0);
    e.put(RULES_COMMUNITY, 7.0);
    e.put(BACKLASH_RESPONSE_DAYS_MEAN, 14.0);
    e.put(PRACTICE_DURATION_DAYS_MEAN, 70.0);
    e.put(REPUTATION_MEAN, (0.8 + 0.5 + 0.41) / 3);
    // User shares of the active firms: A 0.5, B 0.3 (D's 0.2 is not an active provider's).
    e.put(TRUST_MEAN, 0.5 * 0.8 + 0.3 * 0.5);
    e.put(HHI, 0.5 * 0.5 + 0.3 * 0.3);
    e.put(INCUMBENT_USAGE_SHARE, 0.3); // issue 12.3 (users): B's 3 of the 10 served users
    e.put(ACTIVE_FIRMS, 3.0);
    e.put(SWITCHING_RATE, 0.1);
    e.put(CAPABILITY_MEAN, (2.0 + 1.0 + 3.6) / 3);
    e.put(COST_COMPLIANCE, 123.0);
    e.put(COST_REGULATOR, 456.0);
    e.put(COST_COMMUNITY, 789.0);
    // Utility per year: A = 1 x 2.0 + 2 x 0.8 - 0.5 (practice) + 0.25 (certified) = 3.35; B = 1.0 +
    // 1.0 = 2.
    // (5 x 3.35 + 3 x 2) = 22.75 utility-years per year; over one day, per 1,000 users, minus 50
    // harm valued at metrics.harm_valuation = 2 utility-years per harm unit.
    e.put(WELFARE_CONSUMER, 22.75 / 365 * 100 - 2 * 50);
    e.put(WELFARE_PRODUCER, -12.5);
    e.put(COMMUNITIES, 4.0);
    e.put(COMMUNITY_MEMBER_SHARE, 2.0 / 3);
    e.put(EXPULSIONS, 31.0);
    e.put(SANCTIONS, 32.0);
    e.put(REVOCATIONS, 33.0);
    e.put(OUTCRIES, 34.0);
    e.put(COMPLAINTS, 35.0);
    e.put(INCIDENTS, 36.0);
    e.put(ATTACKS, 37.0);
    e.put(PRACTICE_FIRMS, 1.0);
    e.put(ACTIVE_RISKS, 6.0);
    e.put(KNOWN_RISKS, 5.0);
    e.put(ENTRIES, 38.0);
    e.put(EXITS, 39.0);
    // Active communities C0 {A}, C1 {E}, C3 {}, C4 {}; the dissolved C2 (with D) does not count.
    e.put(COMMUNITY_SIZE_MEAN, 2.0 / 4);
    // issue 12.5 (misuse): certified harm 0.45 x 0.1 raw, x 100 per 1,000 users; safeguards
    // user-weighted over the active firms: (0.6 x 5 + 0.2 x 3 + 0.9 x 0) / 8 (D exited).
    e.put(ATTACKS_BLOCKED, 40.0);
    e.put(ATTACK_ATTEMPTS_CERTIFIED, 47.0);
    e.put(HARM_MALICIOUS_CERTIFIED, 4.5);
    e.put(SAFEGUARDS_MEAN, 3.6 / 8);
    e.put(COST_SAFEGUARDS, 43.5);
    // issue 13 (inst)
    e.put(COST_REGULATOR_POWERS, 41.5);
    e.put(COST_FIRMS_POWERS, 42.5);
    e.put(INSPECTION_CAPACITY, (7.25 + 3.75) / 2);
    // Known active risks R0 R1 R4 R5 R6: all but R5 guided (R2 is unknown, and guided for an older
    // form).
    e.put(GUIDED_RISK_SHARE, 4.0 / 5);
    // Rules in force on active risks: R0 (jurisdictions 0 and 1), R2 (1); R0's in 1 is codified.
    e.put(CODIFIED_RULE_SHARE, 1.0 / 3);
    // issue 13 items 4 and 6 (comm). Communities with members: C0 (0.5, one member) and C1 (0.8,
    // one member).
    e.put(COMMUNITY_STRINGENCY_MEAN, 0.65);
    e.put(COMMUNITY_STRINGENCY_RANGE, 0.3);
    e.put(REVENUE, 800.0);
    e.put(COST_ENTRY, 23.0);
    e.put(COMPLIANCE_COST_REVENUE_SHARE, (123.0 - 23) / 800);
    // A serves both jurisdictions, B and E jurisdiction 0 only (D has exited).
    e.put(JURISDICTIONS_SERVED_MEAN, 4.0 / 3);
    // Reach: A 1, B 0.7 (E has no users): (5 x 1 + 3 x 0.7) / 8.
    e.put(REACH_USER_WEIGHTED, (5 + 3 * 0.7) / 8);
    // C0, C1, C3, C4 active, each recognised in both jurisdictions (dissolved C2 not counted).
    e.put(RECOGNITIONS, 8.0);
    // issue 12.2/12.4 (race). User-weighted over A (5 users, 2.0) and B (3, 1.0); cohort A, B.
    e.put(CAPABILITY_MEAN_USER_WEIGHTED, (5 * 2.0 + 3 * 1.0) / 8);
    e.put(CAPABILITY_MEAN_COHORT, (2.0 + 1.0) / 2);
    e.put(RD_SHARE_MEAN, (0.12 + 0.3 + 0.09) / 3);
    e.put(UNSAFE_FIRM_SHARE, 1.0 / 3);
    // Of the 8 users of active firms (D's 2 are still at the exited firm), A holds 5; E (an
    // entrant, id 2 >= firms.count) holds none.
    e.put(LARGEST_FIRM_SHARE, 5.0 / 8);
    e.put(ENTRANT_USER_SHARE, 0.0);
    e.put(ENTRIES_DECLINED, 44.0);
    e.put(COST_INVESTMENT, 321.0);
    return e;
  }

  @Test
  void everyStepMetricHasAHandDerivedValue() {
    assertEquals(
        new HashSet<>(STEP_METRICS),
        expected().keySet(),
        "a step metric without a hand-derived value");
  }

  @Test
  void theHandDerivedStepValuesArePairwiseDistinctSoThatASwapFails() {
    assertDistinct(expected());
  }

  @Test
  void theHandDerivedStepValuesLieWithinTheirBounds() {
    for (Map.Entry<StepMetric, Double> e : expected().entrySet()) {
      assertTrue(
          e.getKey().doc().bounds().contains(e.getValue()), e.getKey() + " = " + e.getValue());
    }
  }

  private static void check(StepMetric m) {
    assertEquals(expected().get(m), observed().get(m), EPS, m.name());
  }

  @Test
  void step() {
    check(STEP);
  }

  @Test
  void day() {
    check(DAY);
  }

  @Test
  void harmTotal() {
    check(HARM_TOTAL);
  }

  @Test
  void harmSevere() {
    check(HARM_SEVERE);
  }

  @Test
  void harmMalicious() {
    check(HARM_MALICIOUS);
  }

  @Test
  void harmTotalCum() {
    check(HARM_TOTAL_CUM);
  }

  @Test
  void harmSevereCum() {
    check(HARM_SEVERE_CUM);
  }

  @Test
  void harmMaliciousCum() {
    check(HARM_MALICIOUS_CUM);
  }

  @Test
  void harmInfoWeakShare() {
    check(HARM_INFO_WEAK_SHARE);
  }

  @Test
  void complianceRate() {
    check(COMPLIANCE_RATE);
  }

  @Test
  void mitigationRate() {
    check(MITIGATION_RATE);
  }

  @Test
  void coverageRegulator() {
    check(COVERAGE_REGULATOR);
  }

  @Test
  void coverageCommunity() {
    check(COVERAGE_COMMUNITY);
  }

  @Test
  void governanceGapDaysMean() {
    check(GOVERNANCE_GAP_DAYS_MEAN);
  }

  @Test
  void rulesRegulator() {
    check(RULES_REGULATOR);
  }

  @Test
  void rulesCommunity() {
    check(RULES_COMMUNITY);
  }

  @Test
  void backlashResponseDaysMean() {
    check(BACKLASH_RESPONSE_DAYS_MEAN);
  }

  @Test
  void practiceDurationDaysMean() {
    check(PRACTICE_DURATION_DAYS_MEAN);
  }

  @Test
  void reputationMean() {
    check(REPUTATION_MEAN);
  }

  @Test
  void trustMean() {
    check(TRUST_MEAN);
  }

  @Test
  void hhi() {
    check(HHI);
  }

  @Test
  void activeFirms() {
    check(ACTIVE_FIRMS);
  }

  @Test
  void switchingRate() {
    check(SWITCHING_RATE);
  }

  @Test
  void capabilityMean() {
    check(CAPABILITY_MEAN);
  }

  @Test
  void costCompliance() {
    check(COST_COMPLIANCE);
  }

  @Test
  void costRegulator() {
    check(COST_REGULATOR);
  }

  @Test
  void costCommunity() {
    check(COST_COMMUNITY);
  }

  @Test
  void welfareConsumer() {
    check(WELFARE_CONSUMER);
  }

  @Test
  void welfareProducer() {
    check(WELFARE_PRODUCER);
  }

  @Test
  void communities() {
    check(COMMUNITIES);
  }

  @Test
  void communityMemberShare() {
    check(COMMUNITY_MEMBER_SHARE);
  }

  @Test
  void expulsions() {
    check(EXPULSIONS);
  }

  @Test
  void sanctions() {
    check(SANCTIONS);
  }

  @Test
  void revocations() {
    check(REVOCATIONS);
  }

  @Test
  void outcries() {
    check(OUTCRIES);
  }

  @Test
  void complaints() {
    check(COMPLAINTS);
  }

  @Test
  void incidents() {
    check(INCIDENTS);
  }

  @Test
  void attacks() {
    check(ATTACKS);
  }

  @Test
  void practiceFirms() {
    check(PRACTICE_FIRMS);
  }

  @Test
  void activeRisks() {
    check(ACTIVE_RISKS);
  }

  @Test
  void knownRisks() {
    check(KNOWN_RISKS);
  }

  @Test
  void entries() {
    check(ENTRIES);
  }

  @Test
  void exits() {
    check(EXITS);
  }

  @Test
  void communitySizeMean() {
    check(COMMUNITY_SIZE_MEAN);
  }

  // issue 13 (inst)
  @Test
  void costRegulatorPowers() {
    check(COST_REGULATOR_POWERS);
  }

  @Test
  void costFirmsPowers() {
    check(COST_FIRMS_POWERS);
  }

  @Test
  void inspectionCapacity() {
    check(INSPECTION_CAPACITY);
  }

  @Test
  void guidedRiskShare() {
    check(GUIDED_RISK_SHARE);
  }

  @Test
  void codifiedRuleShare() {
    check(CODIFIED_RULE_SHARE);
  }

  @Test
  void inspectionCapacityIsUndefinedWithoutAnEnforcingRegulator() {
    World w = handBuilt();
    w.regulators[0].enforcement = false;
    assertEquals(3.75, value(INSPECTION_CAPACITY, w), EPS, "only jurisdiction 1 enforces");
    w.regulators[1].enforcement = false;
    assertTrue(Double.isNaN(value(INSPECTION_CAPACITY, w)));
    assertTrue(Double.isNaN(value(CODIFIED_RULE_SHARE, world(1, 10))), "no rule in force");
  }

  @Test
  void capabilityMeanUserWeighted() {
    check(CAPABILITY_MEAN_USER_WEIGHTED);
  }

  @Test
  void capabilityMeanCohort() {
    check(CAPABILITY_MEAN_COHORT);
  }

  @Test
  void rdShareMean() {
    check(RD_SHARE_MEAN);
  }

  @Test
  void unsafeFirmShare() {
    check(UNSAFE_FIRM_SHARE);
  }

  @Test
  void largestFirmShare() {
    check(LARGEST_FIRM_SHARE);
  }

  @Test
  void entrantUserShare() {
    check(ENTRANT_USER_SHARE);
  }

  @Test
  void entriesDeclined() {
    check(ENTRIES_DECLINED);
  }

  @Test
  void costInvestment() {
    check(COST_INVESTMENT);
  }

  /**
   * Entrants' share with users at an entrant: firms 0 and 1 are the cohort (firms.count 2), firm 2
   * entered and holds 3 of 10 users; an exited cohort firm keeps its capability in the cohort mean.
   */
  @Test
  void entrantShareAndCohortMeanCountEntrantsAndExitedFirmsAsDeclared() {
    World w = world(1, 10);
    Firm a = firm(w, 0, 1.0, 1);
    assignUsers(w, a, 0, 7);
    Firm gone = firm(w, 0, 5.0, 1);
    gone.active = false;
    Firm entrant = firm(w, 0, 9.0, 1);
    assignUsers(w, entrant, 7, 10);
    assertEquals(0.3, value(ENTRANT_USER_SHARE, w), EPS);
    assertEquals(0.7, value(LARGEST_FIRM_SHARE, w), EPS);
    assertEquals(3.0, value(CAPABILITY_MEAN_COHORT, w), EPS, "(1 + 5) / 2: exits do not select");
    assertEquals((7 * 1.0 + 3 * 9.0) / 10, value(CAPABILITY_MEAN_USER_WEIGHTED, w), EPS);
    assertEquals((1.0 + 9.0) / 2, value(CAPABILITY_MEAN, w), EPS, "survivors only");
  }

  @Test
  void stepMetricsWritesTheCatalogueValuesIntoItsRowInColumnOrder() {
    World w = handBuilt();
    tally(w.tally, 0.5, 0.2, 0.1, 0.13);
    double[] row = new StepMetrics(SPEC).compute(w);
    assertEquals(STEP_METRICS.size(), row.length);
    assertEquals(50.0, row[HARM_TOTAL.column()], EPS);
    assertEquals(
        50.0, row[HARM_TOTAL_CUM.column()], EPS, "one step: the cumulative harm is the step's");
    assertEquals(38.0, row[ENTRIES.column()], EPS);
    assertEquals(39.0, row[EXITS.column()], EPS);
  }

  // ---- Undefined values: NaN (an empty cell), never 0 -------------------------------------

  private static double value(StepMetric m, World w) {
    StepView v = new StepView(SPEC);
    v.advance(w);
    return m.value(v);
  }

  /** issue 12.5 (misuse): undefined without levels (targeting none) or without users. */
  @Test
  void safeguardsMeanIsUndefinedWithoutLevelsOrUsers() {
    World w = world(1, 10);
    Firm f = firm(w, 0, 0, 1);
    assertTrue(Double.isNaN(value(SAFEGUARDS_MEAN, w)), "no level drawn");
    f.safeguards = 0.3;
    assertTrue(Double.isNaN(value(SAFEGUARDS_MEAN, w)), "no user at an active firm");
    assignUsers(w, f, 0, 10);
    assertEquals(0.3, value(SAFEGUARDS_MEAN, w), EPS);
  }

  @Test
  void anEmptyWorldLeavesTheSharesAndMeansOfFirmsAndRisksUndefined() {
    World w = world(1, 10);
    for (StepMetric m :
        List.of(
            HARM_INFO_WEAK_SHARE,
            COMPLIANCE_RATE,
            MITIGATION_RATE,
            COVERAGE_REGULATOR,
            COVERAGE_COMMUNITY,
            GOVERNANCE_GAP_DAYS_MEAN,
            BACKLASH_RESPONSE_DAYS_MEAN,
            PRACTICE_DURATION_DAYS_MEAN,
            REPUTATION_MEAN,
            CAPABILITY_MEAN,
            COMMUNITY_MEMBER_SHARE,
            COMMUNITY_SIZE_MEAN)) {
      assertTrue(Double.isNaN(value(m, w)), m + " must be undefined in an empty world");
    }
    for (StepMetric m : STEP_METRICS) {
      assertEquals(
          m.doc().mayBeUndefined(), Double.isNaN(value(m, w)), m + ": declared undefinedness");
    }
  }

  @Test
  void complianceIsUndefinedWithoutRulesOrRuleMakersAndZeroWhenARuleMakerHasNotActedYet() {
    World w = world(1, 10);
    Firm a = firm(w);
    assignUsers(w, a, 0, 10);
    Risk r = risk(w, 0);
    a.mitigates.set(r.id);
    assertTrue(
        Double.isNaN(value(COMPLIANCE_RATE, w)),
        "no rule and no rule-maker: nothing to comply with");
    assertEquals(1.0, value(MITIGATION_RATE, w), EPS, "mitigation is defined without rules");
    assertTrue(
        Double.isNaN(value(COVERAGE_REGULATOR, w)), "no regulator makes rules: coverage undefined");
    assertTrue(Double.isNaN(value(COVERAGE_COMMUNITY, w)), "no community: coverage undefined");
    w.regulators[0].rulemaking = true;
    assertEquals(
        0.0, value(COVERAGE_REGULATOR, w), EPS, "a rule-maker that has not covered the risk yet");
    assertEquals(
        0.0,
        value(COMPLIANCE_RATE, w),
        EPS,
        "a regulator that has not legislated yet: governance gap");
    w.regulators[0].rulemaking = false;
    Community c = community(w, 0.5, 0.5, 0L);
    assertEquals(0.0, value(COMPLIANCE_RATE, w), EPS, "an active community is a rule-maker");
    assertEquals(0.0, value(COVERAGE_COMMUNITY, w), EPS, "an active community, no standard yet");
    c.active = false;
    assertTrue(Double.isNaN(value(COMPLIANCE_RATE, w)), "a dissolved community makes no rules");
    ruleInForce(w.regulators[0].rules, r, 0.5);
    assertEquals(
        1.0, value(COMPLIANCE_RATE, w), EPS, "a rule still in force binds without a rule-maker");
  }

  // ---- Run metrics: four steps, burn-in 2 days (steps 0 and 1) ----------------------------

  /**
   * The hand-built world (plus a fifth active community C5 without members or standards) run for
   * four steps, days 0-4, burn-in 2 days: steps 2 and 3 count. At step s the harm is 0.1 (s + 1)
   * (severe 0.05 (s + 1), malicious 0.02 (s + 1), weak 0.01 (s + 1)), s users switch, and A's
   * capability is 2 + s. At step 1 (burn-in) a revision adds 40 backlash days and 100 practice
   * days; at step 3 another adds 60 and 200, B's reputation falls to 0.14 and user 4 moves from A
   * to B (A 4 users, B 4), E starts serving jurisdiction 1 and jurisdiction 1 withdraws its
   * recognition of C4.
   */
  private static Map<RunMetric, Double> observedRun() {
    World w = handBuilt();
    w.incumbent = 0; // issue 12.3 (users): here the incumbent is A
    community(w, 0.5, 0.5, 0L);
    RunSummary summary = new RunSummary(SPEC);
    StepMetrics metrics = new StepMetrics(SPEC);
    Firm a = w.firms.get(0);
    Firm b = w.firms.get(1);
    for (int s = 0; s < 4; s++) {
      w.step = s;
      w.now = s;
      tally(w.tally, 0.1 * (s + 1), 0.05 * (s + 1), 0.02 * (s + 1), 0.01 * (s + 1));
      w.tally.switches = s;
      a.capability = 2 + s;
      if (s == 1) {
        w.backlashResponseDays.add(40.0);
        w.practiceDurationDays.add(100.0);
      }
      if (s == 3) {
        w.backlashResponseDays.add(60.0);
        w.practiceDurationDays.add(200.0);
        b.reputation = 0.14;
        w.users.firm[4] = b.id;
        a.users--;
        b.users++;
        w.firms.get(2).servesMask =
            0b11; // E enters jurisdiction 1 (it has no users: reach as before)
        w.communities.get(4).recognizedMask = 0b01; // jurisdiction 1 withdraws C4's recognition
      }
      summary.add(w, metrics.compute(w));
    }
    Map<String, Double> byName = summary.finish(w);
    assertEquals(
        RUN_NAMES,
        new ArrayList<>(byName.keySet()),
        "finish returns the run metrics in catalogue order");
    Map<RunMetric, Double> out = new LinkedHashMap<>();
    for (RunMetric m : RUN_METRICS) out.put(m, byName.get(m.name()));
    return out;
  }

  private static Map<RunMetric, Double> expectedRun() {
    Map<RunMetric, Double> e = new LinkedHashMap<>();
    // Steps 2 and 3: raw harm 0.3 + 0.4, x 100 per 1,000 users.
    e.put(HARM_TOTAL_RUN, 70.0);
    e.put(HARM_SEVERE_RUN, 35.0);
    e.put(HARM_MALICIOUS_RUN, 14.0);
    // Weak 0.03 + 0.04 of raw harm 0.7: sums after burn-in only (the step metric is cumulative from
    // 0).
    e.put(HARM_INFO_WEAK_SHARE_RUN, 0.07 / 0.7);
    // Step 2 as in the step test (13 of 60); step 3: R0 by A (4) and B (4), R1 by A (4): 12 of 60.
    e.put(COMPLIANCE_RATE_RUN, (13.0 / 60 + 12.0 / 60) / 2);
    // Step 2: 19 of 60; step 3: R0 8, R1 8, R2 B's 4 users: 20 of 60.
    e.put(MITIGATION_RATE_RUN, (19.0 / 60 + 20.0 / 60) / 2);
    e.put(COVERAGE_REGULATOR_RUN, 1.0 / 5);
    e.put(COVERAGE_COMMUNITY_RUN, 3.0 / 5);
    // Novel risks emerged on or after day 2: R4 (gap 15, community), R5 (8: regulator 8, community
    // 12),
    // R6 (10, community), R7 (never governed). R1 appeared on day 3 but is initial.
    e.put(GOVERNANCE_GAP_DAYS_MEAN_RUN, (15.0 + 8 + 10) / 3);
    e.put(GOVERNANCE_GAP_REGULATOR_DAYS_MEAN, 8.0);
    e.put(GOVERNANCE_GAP_COMMUNITY_DAYS_MEAN, (15.0 + 12 + 10) / 3);
    e.put(RISKS_EMERGED, 4.0);
    e.put(RISKS_GOVERNED_SHARE, 3.0 / 4);
    // Four revisions were logged by the end of the burn-in; the one after: 60 and 200 days.
    e.put(BACKLASH_RESPONSE_DAYS_MEAN_RUN, 60.0);
    e.put(PRACTICE_DURATION_DAYS_MEAN_RUN, 200.0);
    e.put(REVISIONS, 1.0);
    e.put(OUTCRIES_RUN, 68.0);
    // Reputation: step 2 (0.8 + 0.5 + 0.41) / 3 = 0.57, step 3 (0.8 + 0.14 + 0.41) / 3 = 0.45.
    e.put(REPUTATION_MEAN_RUN, (0.57 + 0.45) / 2);
    // Trust: step 2 0.5 x 0.8 + 0.3 x 0.5 = 0.55, step 3 0.4 x 0.8 + 0.4 x 0.14 = 0.376.
    e.put(TRUST_MEAN_RUN, (0.55 + 0.376) / 2);
    // HHI: step 2 0.25 + 0.09, step 3 0.16 + 0.16.
    e.put(HHI_RUN, (0.34 + 0.32) / 2);
    e.put(HHI_FINAL, 0.32);
    // issue 12.3 (users): A's usage share (the run's incumbent), 5 of 10 at step 2, 4 at step 3.
    e.put(INCUMBENT_USAGE_SHARE_RUN, (0.5 + 0.4) / 2);
    e.put(ACTIVE_FIRMS_FINAL, 3.0);
    e.put(SWITCHING_RATE_RUN, (0.2 + 0.3) / 2);
    // Mean capability (A + 1 + 3.6) / 3: 8.6 / 3 at step 2, 9.6 / 3 at step 3.
    e.put(CAPABILITY_MEAN_FINAL, 9.6 / 3);
    // From 8.6 / 3 at the first step after burn-in (starting day 2) to 9.6 / 3 at day 4: 1/3 per 2
    // days.
    e.put(CAPABILITY_GROWTH_PER_YEAR, (1.0 / 3) / (2.0 / 365));
    e.put(COST_COMPLIANCE_RUN, 246.0);
    e.put(COST_REGULATOR_RUN, 912.0);
    e.put(COST_COMMUNITY_RUN, 1578.0);
    // Utility per year: step 2 A (4 + 1.6 - 0.5 + 0.25) x 5 + B (1 + 1) x 3 = 32.75;
    // step 3 A (5 + 1.35) x 4 + B (1 + 0.28) x 4 = 30.52. Per day, per 1,000 users, minus harm.
    // Harm valued at 2 utility-years per harm unit.
    e.put(WELFARE_CONSUMER_RUN, (32.75 + 30.52) / 365 * 100 - 2 * 70);
    e.put(WELFARE_PRODUCER_RUN, -25.0);
    e.put(COMMUNITIES_FINAL, 5.0);
    e.put(COMMUNITY_MEMBER_SHARE_RUN, 2.0 / 3);
    e.put(EXPULSIONS_RUN, 62.0);
    e.put(SANCTIONS_RUN, 64.0);
    e.put(REVOCATIONS_RUN, 66.0);
    e.put(ATTACKS_RUN, 74.0);
    // Five active communities (C5 added), two members: 0.4 at both steps.
    e.put(COMMUNITY_SIZE_MEAN_RUN, 2.0 / 5);
    // Absolute harm: the per-1,000-users totals (70, 35, 14) times 10 users / 1,000.
    e.put(HARM_TOTAL_ABSOLUTE, 0.7);
    e.put(HARM_SEVERE_ABSOLUTE, 0.35);
    e.put(HARM_MALICIOUS_ABSOLUTE, 0.14);
    // issue 13 (know). Novel risks after burn-in with a first rule: R4 (community), R5 (regulator
    // day 28 before community day 32), R6 (community, the only Knightian one).
    e.put(STRICTNESS_ERROR_REGULATOR_MEAN, -0.47);
    e.put(STRICTNESS_ABS_ERROR_REGULATOR_MEAN, 0.47);
    e.put(STRICTNESS_ERROR_COMMUNITY_MEAN, (0.21 - 0.13 + 0.37) / 3);
    e.put(STRICTNESS_ABS_ERROR_COMMUNITY_MEAN, (0.21 + 0.13 + 0.37) / 3);
    e.put(STRICTNESS_ABS_ERROR_KNIGHTIAN_MEAN, 0.37);
    // First rules' factors: R4 1.1 (community), R5 1.5 (the regulator's came first), R6 1.2.
    e.put(ENTRENCHMENT_FACTOR_FIRST_RULE_MEAN, (1.1 + 1.5 + 1.2) / 3);
    // (310 + 500 + 100) over 3 governed novel risks; over (16 + 13 + 1) / 365 governed years.
    e.put(CONTROL_COST_PER_GOVERNED_RISK, 910.0 / 3);
    e.put(CONTROL_COST_PER_GOVERNED_RISK_YEAR, 910.0 / (30.0 / 365));
    // issue 12.5 (misuse), steps 2 and 3: 2 x 40 blocked, 2 x 37 attacks, 2 x 47 certified
    // attempts; certified harm 0.45 of malicious harm at both steps; safeguards (3.6 / 8 with A 5
    // and B 3 users, then (0.6 x 4 + 0.2 x 4) / 8 = 0.4): mean 0.425.
    e.put(ATTACKS_BLOCKED_RUN, 80.0);
    e.put(ATTACKS_BLOCKED_SHARE, 80.0 / 154);
    e.put(ATTACK_ATTEMPTS_CERTIFIED_SHARE, 94.0 / 154);
    e.put(HARM_MALICIOUS_CERTIFIED_SHARE, 0.45);
    e.put(SAFEGUARDS_MEAN_RUN, 0.425);
    e.put(COST_SAFEGUARDS_RUN, 87.0);
    // issue 13 (inst): two steps after burn-in of the step test's values
    e.put(COST_REGULATOR_POWERS_RUN, 83.0);
    e.put(COST_FIRMS_POWERS_RUN, 85.0);
    e.put(INSPECTION_CAPACITY_RUN, 5.5);
    e.put(GUIDED_RISK_SHARE_RUN, 4.0 / 5);
    e.put(CODIFIED_RULE_SHARE_RUN, 1.0 / 3);
    // issue 13 items 4 and 6 (comm): C5 has no members and does not count.
    e.put(COMMUNITY_STRINGENCY_MEAN_RUN, 0.65);
    e.put(COMMUNITY_STRINGENCY_RANGE_RUN, 0.3);
    e.put(REVENUE_RUN, 1600.0);
    e.put(COST_ENTRY_RUN, 46.0);
    e.put(COMPLIANCE_COST_REVENUE_SHARE_RUN, (246.0 - 46) / 1600);
    e.put(ENTRY_COST_REVENUE_SHARE_RUN, 46.0 / 1600);
    // Step 2: A 2, B 1, E 1 jurisdictions; step 3: E has entered jurisdiction 1 too (5 / 3).
    e.put(JURISDICTIONS_SERVED_MEAN_RUN, (4.0 / 3 + 5.0 / 3) / 2);
    e.put(JURISDICTIONS_SERVED_FINAL, 5.0 / 3);
    // Step 2: (5 + 3 x 0.7) / 8 = 0.8875; step 3 (A 4 users, B 4): (4 + 4 x 0.7) / 8 = 0.85.
    e.put(REACH_USER_WEIGHTED_RUN, (0.8875 + 0.85) / 2);
    e.put(RECOGNITIONS_FINAL, 7.0); // C4's recognition in jurisdiction 1 withdrawn at step 3
    // issue 12.2/12.4 (race). User-weighted: step 2 (5 x 4 + 3 x 1) / 8 = 2.875, step 3
    // (4 x 5 + 4 x 1) / 8 = 3; cohort (A, B): 2.5 then 3; over 2 days.
    e.put(CAPABILITY_GROWTH_USER_WEIGHTED_PER_YEAR, (3.0 - 2.875) / (2.0 / 365));
    e.put(CAPABILITY_GROWTH_COHORT_PER_YEAR, (3.0 - 2.5) / (2.0 / 365));
    e.put(RD_SHARE_MEAN_RUN, 0.17);
    e.put(UNSAFE_FIRM_SHARE_RUN, 1.0 / 3);
    // Largest share: 5/8 at step 2, 4/8 at step 3 (A and B tie).
    e.put(LARGEST_FIRM_SHARE_RUN, (5.0 / 8 + 4.0 / 8) / 2);
    e.put(LARGEST_FIRM_SHARE_FINAL, 0.5);
    e.put(ENTRANT_USER_SHARE_FINAL, 0.0);
    e.put(ENTRIES_RUN, 76.0);
    e.put(EXITS_RUN, 78.0);
    e.put(ENTRIES_DECLINED_RUN, 88.0);
    e.put(COST_INVESTMENT_RUN, 642.0);
    return e;
  }

  @Test
  void knowledgeAndEntrenchmentRunMetrics() {
    for (RunMetric m :
        List.of(
            STRICTNESS_ERROR_REGULATOR_MEAN,
            STRICTNESS_ABS_ERROR_REGULATOR_MEAN,
            STRICTNESS_ERROR_COMMUNITY_MEAN,
            STRICTNESS_ABS_ERROR_COMMUNITY_MEAN,
            STRICTNESS_ABS_ERROR_KNIGHTIAN_MEAN,
            ENTRENCHMENT_FACTOR_FIRST_RULE_MEAN,
            CONTROL_COST_PER_GOVERNED_RISK,
            CONTROL_COST_PER_GOVERNED_RISK_YEAR)) {
      check(m);
    }
  }

  @Test
  void everyRunMetricHasAHandDerivedValue() {
    Set<RunMetric> covered = new HashSet<>(expectedRun().keySet());
    covered.addAll(expectedSurvival().keySet());
    covered.addAll(expectedResponse().keySet());
    assertEquals(new HashSet<>(RUN_METRICS), covered, "a run metric without a hand-derived value");
  }

  @Test
  void harmTotalAbsolute() {
    check(HARM_TOTAL_ABSOLUTE);
  }

  @Test
  void harmSevereAbsolute() {
    check(HARM_SEVERE_ABSOLUTE);
  }

  @Test
  void harmMaliciousAbsolute() {
    check(HARM_MALICIOUS_ABSOLUTE);
  }

  /** switching_rate is a rate per day: 1 switch among 10 users in a half-day step is 0.2/day. */
  @Test
  void switchingRateIsPerDayWhateverTheStep() {
    World w =
        new World(
            1,
            0.5,
            new govsim.world.UserPopulation(10, false),
            new govsim.world.MaliciousActors(0));
    w.tally.switches = 1;
    assertEquals(0.2, value(SWITCHING_RATE, w), EPS);
  }

  // ---- Survival metrics (Kaplan-Meier, issue 11 item 3) on a world of their own -----------

  /**
   * A run ending on day 110 with burn-in 10: tau = 100.
   *
   * <pre>
   * governance gap (novel risks emerged on or after day 10):
   *   G1 emerged 10, effective 30: 20 observed     G2 emerged 20, effective 60: 40 observed
   *   G3 emerged 50, never governed: 60 censored   G5 emerged 80, retired on day 90: 10 censored
   *   excluded: G4 (emerged day 5, before burn-in) and an initial risk
   * backlash spells: {15, 3, obs} {30, 5, obs} {40, 9, censored} {60, 4, obs}, {5, 2} before
   *   burn-in; open: firm A, practice with first outcry on day 100: 10 censored
   * practice spells: {12, 8, obs} {20, 8, obs}; open: firm A adopted on day 50: 60 censored;
   *   the exited firm D's practice is not open
   * </pre>
   */
  private static RunView survivalRun() {
    World w = world(1, 10);
    Firm a = firm(w);
    a.practice = true;
    a.practiceAdoptedDay = 50;
    a.firstOutcryDay = 100;
    Firm d = firm(w);
    d.practice = true;
    d.practiceAdoptedDay = 11;
    d.active = false;
    Risk initial = risk(w, 0);
    initial.initial = true;
    Risk g1 = risk(w, 10);
    g1.effectiveRuleDay = 30;
    Risk g2 = risk(w, 20);
    g2.effectiveRuleDay = 60;
    risk(w, 50);
    Risk g4 = risk(w, 5);
    g4.effectiveRuleDay = 6;
    Risk g5 = new Risk(w.risks.size(), 80, 1.0, 0.5, 0.01, false, 90, 0, w.jurisdictions);
    g5.active = false;
    w.risks.add(g5);
    for (double[] sp : new double[][] {{15, 3, 1}, {30, 5, 1}, {40, 9, 0}, {60, 4, 1}, {5, 2, 1}})
      w.backlashSpells.add(sp);
    w.practiceSpells.add(new double[] {12, 8, 1});
    w.practiceSpells.add(new double[] {20, 8, 1});
    // issue 12.1 (resp): first responses, partial revisions, decisions and answers to outcries.
    for (double[] sp : new double[][] {{15, 1, 1}, {30, 2, 1}, {40, 9, 0}, {5, 1, 1}})
      w.firstResponseSpells.add(sp);
    w.partialRevisionDays.addAll(List.of(5.0, 12.0, 20.0));
    w.responseDecisionDays.addAll(List.of(5.0, 12.0, 20.0, 30.0));
    for (double[] ans : new double[][] {{5, 1}, {12, 1}, {20, 0}, {30, 0}})
      w.outcryAnswers.add(ans);
    return new RunView() {
      public World world() {
        return w;
      }

      public double burnInDays() {
        return 10;
      }

      public double sum(StepMetric m) {
        throw new UnsupportedOperationException();
      }

      public double mean(StepMetric m) {
        throw new UnsupportedOperationException();
      }

      public double last(StepMetric m) {
        if (m != DAY) throw new UnsupportedOperationException(m.name());
        return 110;
      }

      public double atBurnIn(StepMetric m) {
        throw new UnsupportedOperationException();
      }

      public double dayAtBurnIn() {
        return 10;
      }

      public int revisionsBeforeBurnIn() {
        return 0;
      }

      public double harmWeakAfterBurnIn() {
        return 0;
      }
    };
  }

  private static final double Z = 1.959963984540054;

  /**
   * Hand-derived Kaplan-Meier values (tau = 100; Greenwood variance, log-scale pointwise band,
   * normal interval for the restricted mean, clipped to [0, tau]).
   */
  private static Map<RunMetric, Double> expectedSurvival() {
    Map<RunMetric, Double> e = new LinkedHashMap<>();
    // Gap: sorted 10+, 20, 40, 60+. t=20: 3 at risk, S = 2/3; t=40: 2 at risk, S = 1/3.
    // Greenwood 1/6, then 1/6 + 1/2. Lower limit at 20: 2/3 exp(-z sqrt(1/6)) = 0.2995 <= 0.5.
    // Upper limits stay at 1 (capped): no upper end. Area: 20 + 2/3 x 20 + 1/3 x 60 = 160/3.
    // Var: A(20) = 2/3 x 20 + 1/3 x 60 = 100/3, (100/3)^2 / 6; A(40) = 20, 400 / 2.
    double gapSe = Math.sqrt((100.0 / 3) * (100.0 / 3) / 6 + 400.0 / 2);
    put(e, "governance_gap_km_n", 4);
    put(e, "governance_gap_km_observed_share", 0.5);
    put(e, "governance_gap_km_median_days", 40);
    put(e, "governance_gap_km_median_low", 20);
    put(e, "governance_gap_km_median_high", Double.NaN);
    put(e, "governance_gap_km_rmst_days", 160.0 / 3);
    put(e, "governance_gap_km_rmst_low", 160.0 / 3 - Z * gapSe);
    put(e, "governance_gap_km_rmst_high", 160.0 / 3 + Z * gapSe);
    // Backlash: 3, 4, 5, 9+, 10+. S: 4/5, 3/5, 2/5. Greenwood 1/20, + 1/12, + 1/6. Lower limits:
    // 0.8 exp(-z sqrt(0.05)) = 0.516 > 0.5, 0.6 exp(-z sqrt(2/15)) = 0.293 <= 0.5: at 4.
    // Area: 3 + 0.8 + 0.6 + 0.4 x 95 = 42.4. A(3) = 39.4, A(4) = 38.6, A(5) = 38.
    double backSe = Math.sqrt(39.4 * 39.4 / 20 + 38.6 * 38.6 / 12 + 38.0 * 38.0 / 6);
    put(e, "backlash_response_km_n", 5);
    put(e, "backlash_response_km_observed_share", 0.6);
    put(e, "backlash_response_km_median_days", 5);
    put(e, "backlash_response_km_median_low", 4);
    put(e, "backlash_response_km_median_high", Double.NaN);
    put(e, "backlash_response_km_rmst_days", 42.4);
    put(e, "backlash_response_km_rmst_low", 42.4 - Z * backSe);
    put(e, "backlash_response_km_rmst_high", 42.4 + Z * backSe);
    // Practice: 8, 8, 60+. t=8: 3 at risk, 2 events, S = 1/3, Greenwood 2/3; lower limit
    // 1/3 exp(-z sqrt(2/3)) = 0.067. Area: 8 + 1/3 x 92 = 38.667; A(8) = 92/3, var (92/3)^2 x 2/3;
    // the lower end 38.667 - 49.08 is clipped to 0.
    double pracSe = Math.sqrt((92.0 / 3) * (92.0 / 3) * 2 / 3);
    put(e, "practice_duration_km_n", 3);
    put(e, "practice_duration_km_observed_share", 2.0 / 3);
    put(e, "practice_duration_km_median_days", 8);
    put(e, "practice_duration_km_median_low", 8);
    put(e, "practice_duration_km_median_high", Double.NaN);
    put(e, "practice_duration_km_rmst_days", 8 + 92.0 / 3);
    put(e, "practice_duration_km_rmst_low", 0);
    put(e, "practice_duration_km_rmst_high", 8 + 92.0 / 3 + Z * pracSe);
    // issue 12.1 (resp). First response: 1, 2, 9+ and firm A's open 10+ (the spell from day 5 is
    // before burn-in). S: 3/4 at 1, 1/2 at 2; Greenwood 1/12, + 1/6. Median 2; lower limit at 1:
    // 0.75 exp(-z sqrt(1/12)) = 0.426 <= 0.5, so 1; the upper limits never fall to 0.5. Area: 1 +
    // 0.75 + 0.5 x 98 = 50.75; A(1) = 49.75, A(2) = 49.
    double firstSe = Math.sqrt(49.75 * 49.75 / 12 + 49.0 * 49.0 / 6);
    put(e, "backlash_first_response_km_n", 4);
    put(e, "backlash_first_response_km_observed_share", 0.5);
    put(e, "backlash_first_response_km_median_days", 2);
    put(e, "backlash_first_response_km_median_low", 1);
    put(e, "backlash_first_response_km_median_high", Double.NaN);
    put(e, "backlash_first_response_km_rmst_days", 50.75);
    put(e, "backlash_first_response_km_rmst_low", 50.75 - Z * firstSe);
    put(e, "backlash_first_response_km_rmst_high", 50.75 + Z * firstSe);
    return e;
  }

  // issue 12.1 (resp)
  /**
   * On survivalRun's world: partial revisions on days 12 and 20 (day 5 is burn-in); decisions 12,
   * 20, 30; answers to outcries after burn-in: hold (12), not (20, 30): 1/3.
   */
  private static Map<RunMetric, Double> expectedResponse() {
    Map<RunMetric, Double> e = new LinkedHashMap<>();
    put(e, "partial_revisions", 2);
    put(e, "backlash_decisions", 3);
    put(e, "backlash_hold_share", 1.0 / 3);
    return e;
  }

  @Test
  void responseDecisionMetricsMatchTheirHandDerivedValues() {
    RunView r = survivalRun();
    for (Map.Entry<RunMetric, Double> e : expectedResponse().entrySet()) {
      assertEquals(e.getValue(), e.getKey().value(r), 1e-12, e.getKey().name());
      assertTrue(e.getKey().doc().bounds().contains(e.getValue()), e.getKey().name());
    }
    World empty = world(1, 10);
    assertTrue(
        Double.isNaN(Metrics.run("backlash_hold_share").orElseThrow().value(withWorld(r, empty))),
        "no answered outcry: undefined");
    assertEquals(0.0, Metrics.run("partial_revisions").orElseThrow().value(withWorld(r, empty)));
  }

  /** The same run view over another world. */
  private static RunView withWorld(RunView r, World w) {
    return new RunView() {
      public World world() {
        return w;
      }

      public double burnInDays() {
        return r.burnInDays();
      }

      public double sum(StepMetric m) {
        return r.sum(m);
      }

      public double mean(StepMetric m) {
        return r.mean(m);
      }

      public double last(StepMetric m) {
        return r.last(m);
      }

      public double atBurnIn(StepMetric m) {
        return r.atBurnIn(m);
      }

      public double dayAtBurnIn() {
        return r.dayAtBurnIn();
      }

      public int revisionsBeforeBurnIn() {
        return r.revisionsBeforeBurnIn();
      }

      public double harmWeakAfterBurnIn() {
        return r.harmWeakAfterBurnIn();
      }
    };
  }

  private static void put(Map<RunMetric, Double> e, String name, double value) {
    e.put(Metrics.run(name).orElseThrow(), value);
  }

  @Test
  void survivalColumnsMatchTheirHandDerivedKaplanMeierValues() {
    RunView r = survivalRun();
    for (Map.Entry<RunMetric, Double> e : expectedSurvival().entrySet()) {
      double got = e.getKey().value(r);
      if (Double.isNaN(e.getValue())) {
        assertTrue(Double.isNaN(got), e.getKey() + " must be undefined, got " + got);
        assertTrue(e.getKey().doc().mayBeUndefined(), e.getKey() + " declares undefinedness");
      } else {
        assertEquals(e.getValue(), got, 1e-9, e.getKey().name());
        assertTrue(e.getKey().doc().bounds().contains(got), e.getKey() + " within bounds");
      }
    }
    // The three quantities are not swapped: their n and medians differ.
    assertEquals(
        Set.of(4.0, 5.0, 3.0),
        Set.of(
            Metrics.run("governance_gap_km_n").orElseThrow().value(r),
            Metrics.run("backlash_response_km_n").orElseThrow().value(r),
            Metrics.run("practice_duration_km_n").orElseThrow().value(r)));
  }

  @Test
  void survivalColumnsOfARunWithoutSubjectsAreUndefinedButN() {
    RunView full = survivalRun();
    World empty = world(1, 10);
    RunView r =
        new RunView() {
          public World world() {
            return empty;
          }

          public double burnInDays() {
            return 10;
          }

          public double sum(StepMetric m) {
            return full.sum(m);
          }

          public double mean(StepMetric m) {
            return full.mean(m);
          }

          public double last(StepMetric m) {
            return full.last(m);
          }

          public double atBurnIn(StepMetric m) {
            return full.atBurnIn(m);
          }

          public double dayAtBurnIn() {
            return 10;
          }

          public int revisionsBeforeBurnIn() {
            return 0;
          }

          public double harmWeakAfterBurnIn() {
            return 0;
          }
        };
    for (RunMetric m : expectedSurvival().keySet()) {
      double v = m.value(r);
      if (m.name().endsWith("_km_n")) assertEquals(0.0, v, m.name());
      else assertTrue(Double.isNaN(v), m.name() + " must be undefined without subjects");
    }
  }

  @Test
  void theHandDerivedRunValuesArePairwiseDistinctAndWithinTheirBounds() {
    assertDistinct(expectedRun());
    for (Map.Entry<RunMetric, Double> e : expectedRun().entrySet()) {
      assertTrue(
          e.getKey().doc().bounds().contains(e.getValue()), e.getKey() + " = " + e.getValue());
    }
  }

  private static void check(RunMetric m) {
    assertEquals(expectedRun().get(m), observedRun().get(m), 1e-9, m.name());
  }

  @Test
  void harmTotalRun() {
    check(HARM_TOTAL_RUN);
  }

  @Test
  void harmSevereRun() {
    check(HARM_SEVERE_RUN);
  }

  @Test
  void harmMaliciousRun() {
    check(HARM_MALICIOUS_RUN);
  }

  @Test
  void harmInfoWeakShareRun() {
    check(HARM_INFO_WEAK_SHARE_RUN);
  }

  @Test
  void complianceRateRun() {
    check(COMPLIANCE_RATE_RUN);
  }

  @Test
  void mitigationRateRun() {
    check(MITIGATION_RATE_RUN);
  }

  @Test
  void coverageRegulatorRun() {
    check(COVERAGE_REGULATOR_RUN);
  }

  @Test
  void coverageCommunityRun() {
    check(COVERAGE_COMMUNITY_RUN);
  }

  @Test
  void governanceGapDaysMeanRun() {
    check(GOVERNANCE_GAP_DAYS_MEAN_RUN);
  }

  @Test
  void governanceGapRegulatorDaysMean() {
    check(GOVERNANCE_GAP_REGULATOR_DAYS_MEAN);
  }

  @Test
  void governanceGapCommunityDaysMean() {
    check(GOVERNANCE_GAP_COMMUNITY_DAYS_MEAN);
  }

  @Test
  void risksEmerged() {
    check(RISKS_EMERGED);
  }

  @Test
  void risksGovernedShare() {
    check(RISKS_GOVERNED_SHARE);
  }

  @Test
  void backlashResponseDaysMeanRun() {
    check(BACKLASH_RESPONSE_DAYS_MEAN_RUN);
  }

  @Test
  void practiceDurationDaysMeanRun() {
    check(PRACTICE_DURATION_DAYS_MEAN_RUN);
  }

  @Test
  void revisions() {
    check(REVISIONS);
  }

  @Test
  void outcriesRun() {
    check(OUTCRIES_RUN);
  }

  @Test
  void reputationMeanRun() {
    check(REPUTATION_MEAN_RUN);
  }

  @Test
  void trustMeanRun() {
    check(TRUST_MEAN_RUN);
  }

  @Test
  void hhiRun() {
    check(HHI_RUN);
  }

  @Test
  void hhiFinal() {
    check(HHI_FINAL);
  }

  @Test
  void activeFirmsFinal() {
    check(ACTIVE_FIRMS_FINAL);
  }

  @Test
  void switchingRateRun() {
    check(SWITCHING_RATE_RUN);
  }

  @Test
  void capabilityMeanFinal() {
    check(CAPABILITY_MEAN_FINAL);
  }

  @Test
  void capabilityGrowthPerYear() {
    check(CAPABILITY_GROWTH_PER_YEAR);
  }

  @Test
  void costComplianceRun() {
    check(COST_COMPLIANCE_RUN);
  }

  @Test
  void costRegulatorRun() {
    check(COST_REGULATOR_RUN);
  }

  @Test
  void costCommunityRun() {
    check(COST_COMMUNITY_RUN);
  }

  @Test
  void welfareConsumerRun() {
    check(WELFARE_CONSUMER_RUN);
  }

  @Test
  void welfareProducerRun() {
    check(WELFARE_PRODUCER_RUN);
  }

  @Test
  void communitiesFinal() {
    check(COMMUNITIES_FINAL);
  }

  @Test
  void communityMemberShareRun() {
    check(COMMUNITY_MEMBER_SHARE_RUN);
  }

  @Test
  void expulsionsRun() {
    check(EXPULSIONS_RUN);
  }

  @Test
  void sanctionsRun() {
    check(SANCTIONS_RUN);
  }

  @Test
  void revocationsRun() {
    check(REVOCATIONS_RUN);
  }

  @Test
  void attacksRun() {
    check(ATTACKS_RUN);
  }

  @Test
  void communitySizeMeanRun() {
    check(COMMUNITY_SIZE_MEAN_RUN);
  }

  // issue 13 (inst)
  @Test
  void hybridPowerRunMetrics() {
    for (RunMetric m :
        List.of(
            COST_REGULATOR_POWERS_RUN,
            COST_FIRMS_POWERS_RUN,
            INSPECTION_CAPACITY_RUN,
            GUIDED_RISK_SHARE_RUN,
            CODIFIED_RULE_SHARE_RUN)) check(m);
  }

  @Test
  void aRunThatNeverLeavesTheBurnInHasZeroSumsAndUndefinedMeansAndRates() {
    World w = handBuilt();
    RunSummary summary = new RunSummary(spec("time.burn_in_days=100"));
    StepMetrics metrics = new StepMetrics(SPEC);
    for (int s = 0; s < 3; s++) {
      w.step = s;
      tally(w.tally, 0.1, 0.05, 0.02, 0.01);
      summary.add(w, metrics.compute(w));
    }
    Map<String, Double> r = summary.finish(w);
    assertEquals(0.0, r.get(HARM_TOTAL_RUN.name()), "a sum over no step is 0");
    assertEquals(0.0, r.get(OUTCRIES_RUN.name()));
    for (RunMetric m :
        List.of(
            HARM_INFO_WEAK_SHARE_RUN,
            COMPLIANCE_RATE_RUN,
            TRUST_MEAN_RUN,
            HHI_RUN,
            SWITCHING_RATE_RUN,
            CAPABILITY_GROWTH_PER_YEAR,
            RISKS_GOVERNED_SHARE,
            BACKLASH_RESPONSE_DAYS_MEAN_RUN)) {
      assertTrue(
          Double.isNaN(r.get(m.name())), m + " must be undefined without a step after burn-in");
      assertTrue(m.doc().mayBeUndefined(), m + " must declare when it is undefined");
    }
    assertEquals(
        0.34, r.get(HHI_FINAL.name()), EPS, "the last value does not wait for the burn-in");
    assertEquals(0.0, r.get(RISKS_EMERGED.name()), "every novel risk emerged before day 100");
  }

  @Test
  void complianceOverARunWithoutRuleMakersIsUndefinedNotZero() {
    World w = world(1, 10);
    Firm a = firm(w);
    assignUsers(w, a, 0, 10);
    risk(w, 0);
    RunSummary summary = new RunSummary(SPEC);
    StepMetrics metrics = new StepMetrics(SPEC);
    for (int s = 0; s < 4; s++) {
      w.step = s;
      w.tally.reset();
      summary.add(w, metrics.compute(w));
    }
    Map<String, Double> r = summary.finish(w);
    assertTrue(Double.isNaN(r.get(COMPLIANCE_RATE_RUN.name())));
    assertTrue(
        Double.isNaN(r.get(HARM_INFO_WEAK_SHARE_RUN.name())),
        "no harm: the weak users' share is undefined");
    assertEquals(0.0, r.get(MITIGATION_RATE_RUN.name()), "nobody mitigates: 0, defined");
  }

  /**
   * Pairs whose hand-derived values coincide because the hand-built world is small (three active
   * firms, three rules in force, ten users): every share of them is a third, two thirds, 0, 1 or a
   * tenth, and several are already another metric's value. A swap between the two members of a pair
   * would go unnoticed; each member's own value is still checked.
   */
  private static final java.util.Set<String> COINCIDENT =
      java.util.Set.of(
          "unsafe_firm_share|codified_rule_share",
          "community_stringency_range|incumbent_usage_share",
          "harm_malicious_certified_share|incumbent_usage_share");

  private static void assertDistinct(Map<?, Double> values) {
    Map<Long, Object> seen = new LinkedHashMap<>();
    for (Map.Entry<?, Double> e : values.entrySet()) {
      long key = Math.round(e.getValue() * 1e9);
      Object other = seen.put(key, e.getKey());
      if (other != null
          && (COINCIDENT.contains(other + "|" + e.getKey())
              || COINCIDENT.contains(e.getKey() + "|" + other))) continue;
      assertEquals(
          null,
          other,
          e.getKey() + " and " + other + " have the same hand-derived value " + e.getValue());
    }
  }
}
