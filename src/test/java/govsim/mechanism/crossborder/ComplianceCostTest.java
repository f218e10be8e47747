package govsim.mechanism.crossborder;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.mechanism.Governance;
import govsim.mechanism.Governance.Binding;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * M10 cross-border certification: the annual compliance cost of one risk, % of revenue, by hand.
 * Cost per rule 0.5, voluntary efficacy 0.5, uniform-rule multiplier 1.5, tooling reduction 0.3,
 * extra cost per rule set beyond the first 0.5; linear in stringency (exponent 1, the legacy cost)
 * unless a test says otherwise.
 */
class ComplianceCostTest {
  private final ComplianceCost cost =
      new ComplianceCost(
          spec("cross_border.extra_rule_set_cost=0.5", "cross_border.stringency_cost_exponent=1")
              .crossBorder(),
          0.5,
          0.5,
          1.5,
          0.3);

  @Test
  void ungovernedMitigationCostsTheVoluntaryEffort() {
    assertEquals(0.5 * 0.5, cost.annualPercent(new Binding(false, false, 0.0, 0, false)), 1e-15);
  }

  @Test
  void aCommunityStandardCostsLessThanksToSharedTooling() {
    assertEquals(
        0.5 * 0.8 * (1 - 0.3), cost.annualPercent(new Binding(true, false, 0.8, 1, false)), 1e-15);
  }

  @Test
  void aUniformRuleCostsTheRuleMultiplierMore() {
    assertEquals(
        0.5 * 0.9 * 1.5, cost.annualPercent(new Binding(false, true, 0.9, 1, false)), 1e-15);
  }

  @Test
  void bothSourcesCombineMultipliersAndRuleSets() {
    assertEquals(
        0.5 * 0.9 * 1.5 * 0.7 * (1 + 0.5),
        cost.annualPercent(new Binding(true, true, 0.9, 2, false)),
        1e-15);
  }

  @Test
  void everyRuleSetBeyondTheFirstAddsTheExtraCost() {
    for (int k = 1; k <= 5; k++) {
      assertEquals(
          0.5 * 0.9 * 1.5 * (1 + 0.5 * (k - 1)),
          cost.annualPercent(new Binding(false, true, 0.9, k, false)),
          1e-15,
          k + " rule sets");
    }
    assertEquals(
        cost.annualPercent(new Binding(false, true, 0.9, 1, false)),
        cost.annualPercent(new Binding(false, true, 0.9, 0, false)),
        "at least one set");
  }

  @Test
  void aRecognisedCertificateRemovesTheUniformRuleMultiplier() {
    assertEquals(0.5 * 0.9 * 0.7, cost.annualPercent(new Binding(true, true, 0.9, 1, true)), 1e-15);
  }

  @Test
  void aCertificateRecognisedByKJurisdictionsCountsAsOneRuleSetForAllOfThem() {
    // A firm serving 3 regulating jurisdictions and certified by a community.
    World w = world(3, 0);
    Firm f = firm(w); // serves all three
    Risk r = risk(w, 1, 0.1, 0.01, false);
    for (Regulator reg : w.regulators) ruleInForce(reg.rules, r, 0.9);
    Community c = community(w, 0.9, 0.8, 0b111);
    ruleInForce(c.standards, r, 0.9);
    member(f, c);
    double unrecognised = cost.annualPercent(Governance.of(w, f, r));
    assertEquals(
        0.5 * 0.9 * 1.5 * 0.7 * (1 + 0.5 * 3), unrecognised, 1e-12, "community + 3 rule sets");
    for (Regulator reg : w.regulators) reg.recognizeCertification = true;
    double recognised = cost.annualPercent(Governance.of(w, f, r));
    assertEquals(0.5 * 0.9 * 0.7, recognised, 1e-12, "one certificate for all three");
  }

  /**
   * BUG (main code, Governance.of + ComplianceCost.annualPercent): Binding has one flag,
   * regulatorAcceptsCertificate, set when ANY binding jurisdiction accepts the firm's certificate;
   * ComplianceCost then drops the uniform-rule multiplier for ALL of them. A firm serving
   * jurisdiction 1 (whose uniform rule does not accept its certificate) pays 0.70875%; if it also
   * serves jurisdiction 0, which has a rule too but recognises the certificate, its cost falls to
   * 0.4725%: taking on one more regulated market makes compliance cheaper. Expected: serving an
   * extra jurisdiction with its own rule never lowers the cost (the multiplier applies while some
   * binding uniform rule is not stood in for by a certificate).
   */
  @Test
  void servingOneMoreRegulatedJurisdictionNeverLowersTheCost() {
    World w = world(2, 0);
    Firm f = firm(w, 0, 0, 0b10); // serves jurisdiction 1 only
    Risk r = risk(w, 1, 0.1, 0.01, false);
    for (Regulator reg : w.regulators) {
      ruleInForce(reg.rules, r, 0.9);
      reg.recognizeCertification = true;
    }
    Community c = community(w, 0.9, 0.8, 0b01); // certificate recognised by jurisdiction 0 only
    ruleInForce(c.standards, r, 0.9);
    member(f, c);
    double oneMarket = cost.annualPercent(Governance.of(w, f, r));
    assertEquals(
        0.5 * 0.9 * 1.5 * 0.7 * (1 + 0.5),
        oneMarket,
        1e-12,
        "community + jurisdiction 1's rule set");
    f.servesMask = 0b11;
    double twoMarkets = cost.annualPercent(Governance.of(w, f, r));
    assertTrue(
        twoMarkets >= oneMarket - 1e-12,
        "serving jurisdiction 0 as well cut the cost from " + oneMarket + " to " + twoMarkets);
  }

  /**
   * Issue 13 item 6: a firm serving four regulating jurisdictions, certified by a community whose
   * certificate k of them recognise, pays c s^2 x 0.7 x 1.5 x (1 + 0.5 (4 - k)) for k < 4 (the
   * community's rule set plus the 4 - k unrecognised ones, the uniform-rule multiplier while one
   * remains) and c s^2 x 0.7 for k = 4, with the quadratic stringency cost.
   */
  @Test
  void complianceCostWithKRecognitionsUnderQuadraticStringencyCost() {
    ComplianceCost quadratic =
        new ComplianceCost(
            spec("cross_border.extra_rule_set_cost=0.5", "cross_border.stringency_cost_exponent=2")
                .crossBorder(),
            0.5,
            0.5,
            1.5,
            0.3);
    assertEquals(
        0.5 * 0.64 * 0.7, quadratic.annualPercent(new Binding(true, false, 0.8, 1, false)), 1e-15);
    assertEquals(
        0.5 * 0.25, quadratic.annualPercent(new Binding(false, false, 0, 0, false)), 1e-15);
    for (int k = 0; k <= 4; k++) {
      World w = world(4, 0);
      Firm f = firm(w);
      Risk r = risk(w, 1, 0.1, 0.01, false);
      for (Regulator reg : w.regulators) {
        ruleInForce(reg.rules, r, 0.9);
        reg.recognizeCertification = true;
      }
      Community c = community(w, 0.9, 0.8, (1L << k) - 1);
      ruleInForce(c.standards, r, 0.9);
      member(f, c);
      double expected = k < 4 ? 0.5 * 0.81 * 0.7 * 1.5 * (1 + 0.5 * (4 - k)) : 0.5 * 0.81 * 0.7;
      assertEquals(expected, quadratic.annualPercent(Governance.of(w, f, r)), 1e-12, "k = " + k);
    }
  }
}
