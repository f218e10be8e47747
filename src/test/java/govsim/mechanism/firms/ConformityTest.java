package govsim.mechanism.firms;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.world;
import static govsim.mechanism.rulemaking.ConformityScope.BOUND;
import static govsim.mechanism.rulemaking.ConformityScope.UNMET;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Which releases wait a conformity assessment (issue 12 item 2): under scope unmet only those of a
 * firm bound by a rule it does not meet, under bound (the model before issue 12) those of every
 * bound firm; a recognised certificate stands in for it; a regime that asks for a certificate
 * assesses compliant firms without one.
 */
class ConformityTest {
  @Test
  void theAssessmentAppliesToFirmsBoundByARuleTheyDoNotMeet() {
    World w = world(1, 0);
    w.regulators[0].rulemaking = true;
    Firm f = firm(w);
    Risk r = risk(w, 3.0, 0.01, 0.01, false);
    assertFalse(Conformity.applies(w, f, UNMET, false), "no rule: nothing to assess");
    assertFalse(Conformity.applies(w, f, BOUND, false));
    ruleInForce(w.regulators[0].rules, r, 0.9);
    assertTrue(Conformity.applies(w, f, UNMET, false), "bound, not mitigating: assessed");
    assertTrue(Conformity.applies(w, f, BOUND, false));
    f.mitigates.set(r.id);
    assertFalse(Conformity.applies(w, f, UNMET, false), "it meets the rule: no delay");
    assertTrue(Conformity.applies(w, f, BOUND, false), "the legacy scope delays it all the same");
    Risk other = risk(w, 3.0, 0.01, 0.01, false);
    ruleInForce(w.regulators[0].rules, other, 0.9);
    assertTrue(Conformity.applies(w, f, UNMET, false), "one unmet rule is enough");
    other.active = false;
    assertFalse(Conformity.applies(w, f, UNMET, false), "a retired risk's rule binds nobody");
  }

  @Test
  void aRecognisedCertificateStandsInAndARegimeMayAskForOne() {
    World w = world(1, 0);
    w.regulators[0].rulemaking = true;
    Firm f = firm(w);
    Risk r = risk(w, 3.0, 0.01, 0.01, false);
    ruleInForce(w.regulators[0].rules, r, 0.9);
    f.mitigates.set(r.id);
    assertFalse(Conformity.applies(w, f, UNMET, true), "recognition off: no certificate asked");
    w.regulators[0].recognizeCertification = true;
    assertTrue(Conformity.applies(w, f, UNMET, true), "compliant, but without a certificate");
    assertFalse(Conformity.applies(w, f, UNMET, false));
    Community c = community(w, 0.7, 0.8, 0b1L);
    member(f, c);
    assertFalse(Conformity.applies(w, f, UNMET, true), "a recognised certificate");
    f.mitigates.clear(r.id);
    assertFalse(
        Conformity.applies(w, f, UNMET, false), "a recognised certificate presumes conformity");
    w.regulators[0].rulemaking = false;
    member(firm(w), c);
    assertFalse(Conformity.applies(w, firm(w), UNMET, true), "no rule-making regulator");
  }

  @Test
  void onlyJurisdictionsTheFirmServesCount() {
    World w = world(2, 0);
    w.regulators[1].rulemaking = true;
    Firm home = firm(w, 0, 0, 0b01);
    Risk r = risk(w, 3.0, 0.01, 0.01, false);
    ruleInForce(w.regulators[1].rules, r, 0.9);
    assertFalse(Conformity.applies(w, home, UNMET, false));
    home.servesMask = 0b11;
    assertTrue(Conformity.applies(w, home, UNMET, false));
  }
}
