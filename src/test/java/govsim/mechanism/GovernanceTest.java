package govsim.mechanism;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.mechanism.Governance.Binding;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Governance.of: which rules bind a firm on a risk, shared by incidents (M1), firm decisions (M6),
 * compliance cost (M10) and the compliance metric. Hand-built two-jurisdiction worlds.
 */
class GovernanceTest {
  private final World w = world(2, 0);
  private final Firm f = firm(w, 0, 0, 0b01); // serves jurisdiction 0 only
  private final Risk r = risk(w, 1.0, 0.1, 0.01, false);

  /**
   * Whether a rule binds f on r, asserting that the allocation-free check agrees with the binding.
   */
  private boolean governed() {
    Binding binding = Governance.of(w, f, r);
    boolean b = binding.governed();
    assertEquals(
        b,
        Governance.governed(w, f, r),
        "Governance.governed agrees with Governance.of(...).governed()");
    assertEquals(
        b,
        Governance.governed(w, f, r, Governance.regulatedJurisdictions(w, r)),
        "so does it with the regulated jurisdictions' mask");
    assertEquals(
        b ? binding.maxStringency() : Governance.UNGOVERNED,
        Governance.bindingStringency(w, f, r),
        "Governance.bindingStringency agrees with the binding's stringency");
    return b;
  }

  @Test
  void nothingBindsWithoutRules() {
    Binding b = Governance.of(w, f, r);
    assertFalse(b.governed());
    assertEquals(new Binding(false, false, 0.0, 0, false), b);
  }

  @Test
  void aCommunityStandardBindsMembersOnly() {
    Community c = community(w, 0.7, 0.8, 0L);
    ruleInForce(c.standards, r, 0.7);
    assertFalse(governed(), "non-member");
    member(f, c);
    assertEquals(new Binding(true, false, 0.7, 1, false), Governance.of(w, f, r));
    assertTrue(governed());
  }

  @Test
  void aDissolvedCommunityOrAStandardForAnOldFormBindsNobody() {
    Community c = community(w, 0.7, 0.8, 0L);
    ruleInForce(c.standards, r, 0.7);
    member(f, c);
    r.generation = 1; // a capability shock changed the risk's form
    assertFalse(governed(), "standard written for generation 0");
    r.generation = 0;
    c.active = false;
    assertFalse(governed(), "inactive community");
  }

  @Test
  void aRegulatorsRuleBindsFirmsServingItsJurisdictionOnly() {
    ruleInForce(w.regulators[1].rules, r, 0.9);
    assertFalse(governed(), "firm does not serve jurisdiction 1");
    f.servesMask = 0b11;
    assertEquals(new Binding(false, true, 0.9, 1, false), Governance.of(w, f, r));
    assertEquals(0b10, Governance.regulatedJurisdictions(w, r), "jurisdiction 1's rule");
    assertEquals(0.9, Governance.bindingStringency(w, f, r));
    f.servesMask = 0b10;
    assertTrue(Governance.of(w, f, r).byRegulator());
    assertTrue(governed());
    f.servesMask = 0; // license revoked everywhere
    assertFalse(governed());
  }

  @Test
  void everyRuleSetCountsAndTheMostStringentRuleSetsTheStringency() {
    f.servesMask = 0b11;
    ruleInForce(w.regulators[0].rules, r, 0.9);
    ruleInForce(w.regulators[1].rules, r, 0.8);
    Community c = community(w, 0.95, 0.8, 0L);
    ruleInForce(c.standards, r, 0.95);
    member(f, c);
    assertEquals(new Binding(true, true, 0.95, 3, false), Governance.of(w, f, r));
  }

  @Test
  void aRecognisedCertificateStandsInForTheRegulatorsRuleSet() {
    ruleInForce(w.regulators[0].rules, r, 0.9);
    ruleInForce(w.regulators[1].rules, r, 0.9);
    Community c = community(w, 0.7, 0.8, 0b01); // recognised by jurisdiction 0 only
    ruleInForce(c.standards, r, 0.7);
    member(f, c); // f serves jurisdiction 0 only
    assertEquals(
        new Binding(true, true, 0.9, 2, false), Governance.of(w, f, r), "recognition power off");
    w.regulators[0].recognizeCertification = true;
    assertEquals(
        new Binding(true, true, 0.9, 1, true),
        Governance.of(w, f, r),
        "the certificate is the rule set");
    // Serving jurisdiction 1 too, whose regulator does not accept this certificate, adds its rule
    // set. (Whether regulatorAcceptsCertificate should then be true is the subject of
    // ComplianceCostTest.servingOneMoreRegulatedJurisdictionNeverLowersTheCost.)
    f.servesMask = 0b11;
    Binding mixed = Governance.of(w, f, r);
    assertEquals(2, mixed.distinctRuleSets());
    assertTrue(mixed.byCommunity() && mixed.byRegulator());
    // Jurisdiction 1 recognises certification, but not this community's certificate.
    w.regulators[0].recognizeCertification = false;
    w.regulators[1].recognizeCertification = true;
    assertEquals(new Binding(true, true, 0.9, 3, false), Governance.of(w, f, r));
  }

  @Test
  void aCertificateCountsOnlyOnRisksItsStandardsCover() {
    ruleInForce(w.regulators[0].rules, r, 0.9);
    w.regulators[0].recognizeCertification = true;
    Community c = community(w, 0.7, 0.8, 0b01);
    member(f, c); // member, but the community has no standard on r
    assertEquals(new Binding(false, true, 0.9, 1, false), Governance.of(w, f, r));
  }

  @Test
  void hypotheticalMembershipsAddOrRemoveOneCommunity() {
    Community c0 = community(w, 0.6, 0.8, 0L);
    Community c1 = community(w, 0.7, 0.8, 0L);
    Community c2 = community(w, 0.8, 0.8, 0L);
    for (Community c : new Community[] {c0, c1, c2}) ruleInForce(c.standards, r, c.stringency);
    member(f, c0);
    member(f, c2);
    assertEquals(new Binding(true, false, 0.8, 2, false), Governance.of(w, f, r));
    // Joining c1 (between the two memberships in id order) adds one rule set.
    assertEquals(new Binding(true, false, 0.8, 3, false), Governance.of(w, f, r, c1.id, -1));
    // Joining a community it already belongs to changes nothing.
    assertEquals(new Binding(true, false, 0.8, 2, false), Governance.of(w, f, r, c2.id, -1));
    // Leaving c2 leaves c0's standard.
    assertEquals(new Binding(true, false, 0.6, 1, false), Governance.of(w, f, r, -1, c2.id));
    // Leaving c0 and joining c1.
    assertEquals(new Binding(true, false, 0.8, 2, false), Governance.of(w, f, r, c1.id, c0.id));
    // The hypothetical does not change the firm's real memberships.
    assertEquals(2, f.memberships.cardinality());
    // A non-member's hypothetical joining, with a higher id than any membership.
    Firm g = firm(w, 0, 0, 0b01);
    assertFalse(Governance.of(w, g, r).governed());
    assertEquals(new Binding(true, false, 0.8, 1, false), Governance.of(w, g, r, c2.id, -1));
    member(g, c0);
    assertEquals(new Binding(true, false, 0.8, 2, false), Governance.of(w, g, r, c2.id, -1));
    assertFalse(Governance.of(w, g, r, -1, c0.id).governed());
  }

  /**
   * Issue 11 item 3: a rule is effective once it binds a share of the exposed users, measured by
   * users, not by existence. f (jurisdiction 0, 30 users) and g (jurisdiction 1, 70 users); a
   * community standard whose only member is f binds 30 of 100 exposed users; a regulator rule in
   * jurisdiction 1 binds g's 70. With the default share 0.5 the standard alone is not effective;
   * the rule, in force from day 12.5 and promoted in the step [12, 13), makes the risk governed on
   * day 12.5 (its own day, not the step's end).
   */
  @Test
  void aRiskIsEffectivelyGovernedOnceItsRulesBindTheShareOfExposedUsers() {
    Firm g = firm(w, 0, 0, 0b10);
    f.users = 30;
    g.users = 70;
    Firm exited = firm(w, 0, 0, 0b11);
    exited.users = 900;
    exited.active = false;
    assertEquals(0.0, Governance.boundUserShare(w, r));
    Community c = community(w, 0.5, 0.5, 0L);
    member(f, c);
    ruleInForce(c.standards, r, 0.5);
    assertEquals(
        0.3, Governance.boundUserShare(w, r), 1e-15, "the exited firm's users do not count");
    w.step = 12;
    w.now = 12;
    Governance.trackEffective(w, 0.5);
    assertTrue(Double.isNaN(r.effectiveRuleDay), "a standard binding 30% is not yet effective");
    Governance.trackEffective(w, 0.3);
    assertEquals(13.0, r.effectiveRuleDay, "reached by membership: the end of the step");
    r.effectiveRuleDay = Double.NaN;
    govsim.world.Rule rule = new govsim.world.Rule(r.id, r.generation, 0.0, 12.5, 0.5);
    w.regulators[1].rules.startPending(rule);
    w.regulators[1].rules.promoteIfDue(r.id, 13.0);
    assertEquals(1.0, Governance.boundUserShare(w, r), 1e-15);
    Governance.trackEffective(w, 0.5);
    assertEquals(12.5, r.effectiveRuleDay, "the day the regulator's rule came into force");
    w.step = 20;
    w.now = 20;
    Governance.trackEffective(w, 0.5);
    assertEquals(12.5, r.effectiveRuleDay, "the first day is kept");
    f.users = 0;
    g.users = 0;
    assertTrue(Double.isNaN(Governance.boundUserShare(w, r)), "nobody exposed: undefined");
  }
}
