package govsim.mechanism.crossborder;

import static govsim.mechanism.Fixtures.community;
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
import govsim.mechanism.Fixtures;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Recognition as a regulator's decision (issue 13 item 6), by hand: the chance B^k / (B^k + R^k),
 * the compliance cost a recognition saves, the benefit weighed, the equivalence test and
 * withdrawal. Cost per rule 0.5, uniform-rule multiplier 1.5, tooling 0.3, extra rule set 0.5,
 * stringency cost exponent 2.
 */
class RecognitionReviewTest {
  private static final ModelSpec S =
      spec(
          "cross_border.extra_rule_set_cost=0.5",
          "cross_border.stringency_cost_exponent=2",
          "cross_border.entry_cost=1000",
          "cross_border.recognised_entry_cost_saving=0.8",
          "cross_border.entry_amortisation_years=2",
          "cross_border.equivalence_tolerance=0.1",
          "cross_border.recognition_review_cost=10",
          "firms.revenue_per_user_year=20");
  private static final ComplianceCost COST =
      new ComplianceCost(S.crossBorder(), 0.5, 0.5, 1.5, 0.3);
  private static final RecognitionReview REVIEW = new RecognitionReview(S.crossBorder(), COST, 20);

  @Test
  void theChanceOfRecognisingIsBenefitToTheKOverBenefitToTheKPlusCostToTheK() {
    assertEquals(0.9, RecognitionReview.probability(3, 1, 2), 1e-15); // 9 / (9 + 1)
    assertEquals(0.5, RecognitionReview.probability(3, 1, 0), 0.0);
    assertEquals(0.5, RecognitionReview.probability(2, 2, 5), 1e-15);
    assertEquals(1.0 / 9, RecognitionReview.probability(1, 2, 3), 1e-15); // 1 / (1 + 8)
    assertEquals(0.0, RecognitionReview.probability(0, 1, 2), 0.0);
    assertEquals(1.0, RecognitionReview.probability(1, 0, 2), 0.0);
  }

  /** A member serving jurisdiction 0, whose rule and the community's standard cover one risk. */
  private static World world2() {
    World w = world(2, 0);
    Firm f = firm(w, 0.5, 0, 0b01);
    f.users = 100;
    Risk r = risk(w, 1, 0.1, 0.01, false);
    for (Regulator reg : w.regulators) {
      ruleInForce(reg.rules, r, 0.9);
      reg.ruleStringency = 0.9;
      reg.recognizeCertification = true;
    }
    Community c = community(w, 0.85, 0.8, 0L);
    ruleInForce(c.standards, r, 0.9);
    member(f, c);
    return w;
  }

  @Test
  void recognitionSavesTheJurisdictionsOwnRuleSetAndTheUniformRuleMultiplier() {
    World w = world2();
    Firm f = w.firms.get(0);
    Community c = w.communities.get(0);
    // Without: community + jurisdiction 0's rule set, multiplier 1.5 x 0.7:
    // 0.5 x 0.81 x 1.05 x 1.5 = 0.637875. With: one rule set, tooling only: 0.5 x 0.81 x 0.7.
    double saving = 0.5 * 0.81 * 1.5 * 0.7 * 1.5 - 0.5 * 0.81 * 0.7;
    assertEquals(saving, REVIEW.savingPercent(w, f, c, w.regulators[0]), 1e-12);
    assertEquals(0L, c.recognizedMask, "the comparison leaves the recognitions as they were");
    assertEquals(0b01, f.servesMask, "and the licenses");
    // Jurisdiction 1, which the firm does not serve: the same saving as if it served it (both
    // jurisdictions' rule sets without; jurisdiction 0's with).
    double without1 = 0.5 * 0.81 * 1.5 * 0.7 * (1 + 0.5 * 2);
    double with1 = 0.5 * 0.81 * 1.5 * 0.7 * (1 + 0.5);
    assertEquals(without1 - with1, REVIEW.savingPercent(w, f, c, w.regulators[1]), 1e-12);
    // The benefit per year: revenue 100 x 20 = 2000 times the saving; for jurisdiction 1 also the
    // entry cost saved, 1000 x 0.8 / 2 years = 400 a year.
    assertEquals(2000 * saving / 100, REVIEW.benefitPerYear(w, w.regulators[0], c), 1e-9);
    assertEquals(
        2000 * (without1 - with1) / 100 + 400, REVIEW.benefitPerYear(w, w.regulators[1], c), 1e-9);
  }

  @Test
  void onlyAnEquivalentCertificateIsRecognisedAndOneThatStopsBeingSoIsWithdrawn() {
    World w = world2();
    Community c = w.communities.get(0);
    Regulator reg = w.regulators[0];
    assertTrue(REVIEW.equivalent(reg, c), "0.85 >= 0.9 - 0.1");
    c.stringency = 0.79;
    assertFalse(REVIEW.equivalent(reg, c));
    // An assessment of a non-equivalent certificate costs the review and recognises nothing.
    REVIEW.review(w, new MersenneTwisterFast(1), reg, c);
    assertEquals(10.0, w.tally.costRegulator, 0.0);
    assertFalse(c.recognizedBy(0));
    // An equivalent one with benefit 3 x 2000 x saving / 100 = 38.27 against cost 10, k = 2:
    // recognised with chance 1 / (1 + (10 / 38.27)^2) = 0.936; a uniform of 0.5 recognises it.
    c.stringency = 0.85;
    MersenneTwisterFast half =
        new MersenneTwisterFast(1) {
          private static final long serialVersionUID = 1L;

          @Override
          public double nextDouble() {
            return 0.5;
          }
        };
    REVIEW.review(w, half, reg, c);
    assertTrue(c.recognizedBy(0));
    assertEquals(20.0, w.tally.costRegulator, 0.0);
    // The members' consensus falls below the equivalence bar: withdrawn at the next review, free.
    c.stringency = 0.7;
    REVIEW.review(w, half, reg, c);
    assertFalse(c.recognizedBy(0));
    assertEquals(20.0, w.tally.costRegulator, 0.0);
    assertEquals(3, Fixtures.count(Fixtures.events(w), EventKind.RECOGNITION));
  }
}
