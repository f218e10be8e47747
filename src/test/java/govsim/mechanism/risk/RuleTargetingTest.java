package govsim.mechanism.risk;

import static govsim.mechanism.Fixtures.assignUsers;
import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Governance;
import govsim.mechanism.crossborder.ComplianceCost;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 items 1-2: rules written for the believed hazard (strictness, mis-targeting) and the
 * entrenchment factor on their cost. Values worked out by hand.
 */
class RuleTargetingTest {
  private static final double TYPICAL = 2.0 / 365; // risks.hazard_per_firm_year = 2

  private static RuleTargeting targeting(String... sets) {
    String[] all = new String[sets.length + 2];
    all[0] = "risks.hazard_per_firm_year=2";
    all[1] = "risks.hazard_heterogeneity=0";
    System.arraycopy(sets, 0, all, 2, sets.length);
    return new RuleTargeting(spec(all).risks());
  }

  @Test
  void stringencyScalesWithTheBelievedHazardAndSaturatesAtOne() {
    RuleTargeting t = targeting("risks.rule_hazard_elasticity=1");
    assertEquals(0.6, t.stringencyFor(0.6, TYPICAL), 1e-15, "typical hazard: nominal");
    assertEquals(0.3, t.stringencyFor(0.6, TYPICAL / 2), 1e-15, "half: 0.6 x 0.5");
    assertEquals(1.0, t.stringencyFor(0.6, 2 * TYPICAL), 1e-15, "0.6 x 2 = 1.2, capped at 1");
    RuleTargeting root = targeting("risks.rule_hazard_elasticity=0.5");
    assertEquals(0.6 * Math.sqrt(2), root.stringencyFor(0.6, 2 * TYPICAL), 1e-12);
    RuleTargeting flat = targeting("risks.rule_hazard_elasticity=0");
    assertEquals(0.6, flat.stringencyFor(0.6, 5 * TYPICAL), "elasticity 0: always nominal");
  }

  @Test
  void aRuleWrittenForTooHighAHazardIsTooStrictForTooLowTooLoose() {
    World w = world(1, 0);
    RuleTargeting t =
        targeting(
            "risks.rule_hazard_elasticity=1",
            "risks.known_prior_shape=2",
            "risks.regulator_observed_share=1");
    // True hazard TYPICAL / 2: the informed rule has stringency 0.6 x 0.5 = 0.3.
    Risk r = risk(w, TYPICAL / 2, t);
    // The regulator saw 4 incidents in 100 days: belief (2 + 4) / (730 + 100) per day,
    // 730 = 2 / (1/365) the prior rate. Written stringency 0.6 x (6/830) / (2/365).
    Firm f = firm(w);
    t.beliefs().observe(r, f, 100, 4);
    double believed = 6.0 / 830.0;
    Rule rule = t.regulatorRule(r, 0, 10, 20, 0.6);
    assertEquals(0.6 * believed / TYPICAL, rule.stringency, 1e-12);
    assertEquals(0.6 * believed / TYPICAL - 0.3, rule.strictnessError, 1e-12);
    assertTrue(rule.strictnessError > 0, "too strict");
    assertEquals(10, rule.startedDay);
    assertEquals(20, rule.effectiveDay);
    // A community with no member yet writes for the prior mean, the true hazard: error 0.
    Community c = community(w, 0.8, 0.5, 0L);
    Rule std = t.communityRule(w, c, r, 0, 5, 0.8);
    assertEquals(0.4, std.stringency, 1e-12);
    assertEquals(0.0, std.strictnessError, 1e-12);
    // Its member saw no incident in 1,095 days: (2 + 0) / (730 + 1095) -> 0.8 x (2/1825)/(2/365)
    // = 0.16; informed 0.4: too loose by 0.24.
    Firm g = firm(w);
    t.beliefs().observe(r, g, 1095, 0);
    member(g, c);
    Rule loose = t.communityRule(w, c, r, 0, 5, 0.8);
    assertEquals(0.16, loose.stringency, 1e-12);
    assertEquals(-0.24, loose.strictnessError, 1e-12);
  }

  @Test
  void entrenchmentGrowsWithTheUnmitigatedUserShareAndTheRisksAge() {
    World w = world(1, 400);
    RuleTargeting t =
        targeting(
            "risks.entrenchment_exposure_coefficient=1", "risks.entrenchment_year_coefficient=0.2");
    Risk r = risk(w, TYPICAL, t);
    Firm careful = firm(w);
    Firm careless = firm(w);
    assignUsers(w, careful, 0, 300);
    assignUsers(w, careless, 300, 400);
    careful.mitigates.set(r.id);
    // Exposed share 100/400 = 0.25; two years after emergence: (1 + 0.25)(1 + 0.2 x 2) = 1.75.
    assertEquals(0.25, RuleTargeting.unmitigatedUserShare(w, r), 1e-15);
    assertEquals(1.75, t.entrenchmentFactor(w, r, 730), 1e-12);
    assertEquals(1.25, t.entrenchmentFactor(w, r, 0), 1e-12, "at emergence: exposure only");
  }

  @Test
  void withoutEntrenchmentTheFactorIsOne() {
    World w = world(1, 10);
    RuleTargeting off =
        targeting(
            "risks.entrenchment_exposure_coefficient=0", "risks.entrenchment_year_coefficient=0");
    Risk r = risk(w, TYPICAL, off);
    assertEquals(1.0, off.entrenchmentFactor(w, r, 5000));
  }

  @Test
  void aRuleComingIntoForceGetsItsFactorAndTheFirstRuleIsRecordedPerSource() {
    World w = world(1, 0);
    RuleTargeting t =
        targeting(
            "risks.entrenchment_exposure_coefficient=0", "risks.entrenchment_year_coefficient=0.5");
    Risk r = risk(w, TYPICAL, t);
    Rule first = ruleInForce(w.regulators[0].rules, r, 0.6);
    first.strictnessError = 0.1;
    // In force on day 365: factor 1 + 0.5 x 1 = 1.5 (ruleInForce's rule has day 0; use a later
    // one).
    Rule later = new Rule(r.id, r.generation, 0, 365, 0.6);
    later.effective = true;
    later.strictnessError = -0.2;
    t.inForce(w, r, later, false);
    assertEquals(1.5, later.costFactor, 1e-12);
    assertEquals(-0.2, r.firstRegulatorStrictnessError);
    assertEquals(1.5, r.firstRegulatorCostFactor, 1e-12);
    t.inForce(w, r, first, false);
    assertEquals(-0.2, r.firstRegulatorStrictnessError, "only the first is recorded");
    assertTrue(Double.isNaN(r.firstCommunityStrictnessError));
  }

  @Test
  void theBindingCarriesTheFactorOfTheRuleThatSetsTheStringencyAndTheCostScalesWithIt() {
    World w = world(1, 0);
    Risk r = risk(w, TYPICAL, targeting());
    Firm f = firm(w);
    Community c = community(w, 0.7, 0.5, 0L);
    member(f, c);
    ruleInForce(c.standards, r, 0.7).costFactor = 1.1;
    Rule reg = ruleInForce(w.regulators[0].rules, r, 0.7);
    reg.costFactor = 1.5;
    assertEquals(1.1, Governance.of(w, f, r).costFactor(), "equal stringency: the cheaper");
    Rule stricter = ruleInForce(w.regulators[0].rules, r, 0.8);
    stricter.costFactor = 1.5;
    Governance.Binding b = Governance.of(w, f, r);
    assertEquals(1.5, b.costFactor(), "the stricter rule sets the cost");
    ModelSpec s = spec();
    ComplianceCost cost =
        new ComplianceCost(s.crossBorder(), 0.5, 0.5, 1.5, s.communities().toolingCostReduction());
    Governance.Binding same = new Governance.Binding(true, true, 0.8, 2, false);
    assertEquals(1.5 * cost.annualPercent(same), cost.annualPercent(b), 1e-12);
  }

  /** A risk emerged on day 0 by RiskEmergence (prior set), with the given true hazard. */
  private static Risk risk(World w, double hazardPerDay, RuleTargeting unused) {
    RiskParams p =
        spec(
                "risks.hazard_heterogeneity=0",
                "risks.known_prior_shape=2",
                "risks.hazard_per_firm_year=" + hazardPerDay * 365)
            .risks();
    return new RiskEmergence(p).emerge(w, new MersenneTwisterFast(1), 1, 0.1, false);
  }
}
