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

import ec.util.MersenneTwisterFast;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Entering a jurisdiction (issue 13 item 6), by hand: the share a firm expects there, the entry
 * cost with and without a recognised certificate, the extra compliance cost of the jurisdiction's
 * rules and the value of entering. Two jurisdictions with 50 users each, revenue 20 per user and
 * year, entry cost 100 over 2 years, a recognised certificate saving 80% of it; users' utility is
 * capability + reputation (choice intensity 5, certification weight 0 here).
 */
class MarketEntryTest {
  private static final ModelSpec S =
      spec(
          "cross_border.jurisdictions=2",
          "cross_border.entry_cost=100",
          "cross_border.entry_amortisation_years=2",
          "cross_border.recognised_entry_cost_saving=0.8",
          "cross_border.stringency_cost_exponent=2",
          "users.weight_certification=0",
          "firms.revenue_per_user_year=20");
  private static final ComplianceCost COST =
      new ComplianceCost(S.crossBorder(), 0.5, 0.5, 1.5, 0.3);
  private static final MarketEntry ENTRY = new MarketEntry(COST, 20, S.users());

  /** Firm 0 serves jurisdiction 0 with 20 users; firm 1, as good, serves jurisdiction 1. */
  private static World twoMarkets() {
    World w = world(2, 100);
    Firm a = firm(w, 0.5, 0.0, 0b01);
    a.users = 20;
    Firm b = firm(w, 0.5, 0.0, 0b10);
    b.users = 30;
    return w;
  }

  @Test
  void aFirmExpectsItsLogitShareAmongTheFirmsAlreadyThere() {
    World w = twoMarkets();
    Firm a = w.firms.get(0);
    assertEquals(0.5, ENTRY.expectedShare(w, a, 1), 1e-15, "one rival as good as it");
    w.firms.get(1).capability = 0.2; // the rival's utility is 0.2 higher: weight exp(5 x 0.2)
    assertEquals(1 / (1 + Math.exp(1.0)), ENTRY.expectedShare(w, a, 1), 1e-15);
    assertEquals(1.0, ENTRY.expectedShare(w, a, 0), 0.0, "alone at home");
  }

  @Test
  void theValueOfEnteringWeighsTheRevenueExpectedThereAgainstEntryAndComplianceCosts() {
    World w = twoMarkets();
    Firm a = w.firms.get(0);
    // Expected users 0.5 x 0.5 x 100 = 25, 125% of its 20; entry 100 / (2 x 400) = 12.5%.
    assertEquals(100.0, ENTRY.entryCost(w, a, w.regulators[1]), 0.0);
    assertEquals(125.0 - 12.5, ENTRY.value(w, a, w.regulators[1]), 1e-12);
    // A rule in force in jurisdiction 1 on a risk the firm mitigates voluntarily now
    // (0.5 x 0.5^2 = 0.125): serving there binds it, at 0.5 x 0.9^2 x 1.5 = 0.6075.
    Risk r = risk(w, 1, 0.1, 0.01, false);
    ruleInForce(w.regulators[1].rules, r, 0.9);
    a.mitigates.set(r.id);
    assertEquals(0.6075 - 0.125, ENTRY.extraCompliancePercent(w, a, w.regulators[1]), 1e-12);
    assertEquals(0b01, a.servesMask, "the comparison leaves the licenses as they were");
    assertEquals(125.0 - 12.5 - 0.4825, ENTRY.value(w, a, w.regulators[1]), 1e-12);
    // A certificate jurisdiction 1 recognises: entry costs 20, and the community's standard
    // (stringency 0.9, tooling 0.3) stands in for the rule: 0.5 x 0.81 x 0.7 = 0.2835 in place
    // of the voluntary 0.125 before.
    Community c = community(w, 0.9, 0.8, 0b10);
    ruleInForce(c.standards, r, 0.9);
    member(a, c);
    w.regulators[1].recognizeCertification = true;
    assertEquals(20.0, ENTRY.entryCost(w, a, w.regulators[1]), 1e-12);
    double nowCost = 0.5 * 0.81 * 0.7; // the firm is bound by the community standard already
    assertEquals(0.0, ENTRY.extraCompliancePercent(w, a, w.regulators[1]), 1e-12);
    assertEquals(125.0 - 2.5, ENTRY.value(w, a, w.regulators[1]), 1e-12);
    assertTrue(nowCost > 0);
    // Without the recognition power the certificate saves nothing at the border.
    w.regulators[1].recognizeCertification = false;
    assertEquals(100.0, ENTRY.entryCost(w, a, w.regulators[1]), 0.0);
  }

  @Test
  void aFirmThatEntersPaysTheEntryCostAndServesTheJurisdiction() {
    World w = twoMarkets();
    Firm a = w.firms.get(0);
    ENTRY.review(w, a, new MersenneTwisterFast(3), 1.0); // logistic(112.5) = 1
    assertEquals(0b11, a.servesMask);
    assertEquals(100.0, a.entryCostStep, 0.0);
    assertEquals(100.0, w.tally.costEntry, 0.0);
    // A revoked license is not re-entered; a firm without users does not enter.
    Firm b = w.firms.get(1);
    b.revokedMask = 0b01;
    ENTRY.review(w, b, new MersenneTwisterFast(3), 1.0);
    assertEquals(0b10, b.servesMask);
    Firm c = firm(w, 0.5, 0.0, 0b01);
    assertEquals(Double.NEGATIVE_INFINITY, ENTRY.value(w, c, w.regulators[1]), 0.0);
    ENTRY.review(w, c, new MersenneTwisterFast(3), 1.0);
    assertEquals(0b01, c.servesMask);
  }
}
