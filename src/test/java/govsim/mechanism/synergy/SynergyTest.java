package govsim.mechanism.synergy;

import static govsim.mechanism.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.world.Regulator;
import org.junit.jupiter.api.Test;

/**
 * M11 hybrid synergy: what each of the regulator's switches changes. Parameters: transparency
 * notice boost 0.5, audit boost 0.3, certified inspection factor 0.2, signal boost 1, backstop
 * detection 0.6 and penalty multiplier 3, protected capability 0.7.
 */
class SynergyTest {
  private final Synergy synergy = new Synergy(spec("synergy.transparency_notice_boost=0.5",
      "synergy.transparency_audit_boost=0.3", "synergy.certified_inspection_factor=0.2", "synergy.signal_boost=1",
      "synergy.backstop_detection_probability=0.6", "synergy.backstop_penalty_multiplier=3",
      "synergy.protected_capability=0.7").synergy());
  private final Regulator reg = new Regulator(0);

  @Test
  void noPowersChangeNothing() {
    assertEquals(0.3, synergy.noticeCapability(reg, 0.3, true));
    assertEquals(0.8, synergy.auditDetection(0.8, false));
    assertEquals(1.0, synergy.inspectionWeight(reg, true, true));
    assertEquals(1.0, synergy.perceivedSanctionMultiplier(reg, true));
    assertEquals(1.0, synergy.penaltyMultiplier(reg));
    assertEquals(0.0, synergy.maliciousDetection(reg, 0.15), "no enforcement, no backstop: nobody traces attacks");
  }

  @Test
  void transparencyRaisesNoticingUpToOne() {
    reg.transparency = true;
    assertEquals(0.3 * 1.5, synergy.noticeCapability(reg, 0.3, true), 1e-15);
    assertEquals(1.0, synergy.noticeCapability(reg, 0.8, false), "capped at 1");
  }

  @Test
  void protectionRaisesOnlyWeakUsersToTheProtectedCapability() {
    reg.protectVulnerable = true;
    assertEquals(0.7, synergy.noticeCapability(reg, 0.3, true));
    assertEquals(0.3, synergy.noticeCapability(reg, 0.3, false), "ordinary users are not affected");
    assertEquals(0.9, synergy.noticeCapability(reg, 0.9, true), "never lowers a capability");
    reg.transparency = true;
    assertEquals(1.0, synergy.noticeCapability(reg, 0.3, true), "protection (0.7), then transparency (x 1.5), capped at 1");
    assertEquals(0.45, synergy.noticeCapability(reg, 0.3, false), 1e-15, "transparency only for ordinary users");
  }

  @Test
  void transparencyRaisesAuditDetectionCappedAtOne() {
    assertEquals(0.5 * 1.3, synergy.auditDetection(0.5, true), 1e-15);
    assertEquals(1.0, synergy.auditDetection(0.9, true));
  }

  @Test
  void recognitionLightensInspectionOfRecognisedCertifiedFirmsAndSignalsAddWeight() {
    assertEquals(1.0, synergy.inspectionWeight(reg, true, false), "recognition off");
    reg.recognizeCertification = true;
    assertEquals(0.2, synergy.inspectionWeight(reg, true, false));
    assertEquals(1.0, synergy.inspectionWeight(reg, false, false));
    reg.signals = true;
    assertEquals(2.0, synergy.inspectionWeight(reg, false, true));
    assertEquals(0.4, synergy.inspectionWeight(reg, true, true), 1e-15);
  }

  @Test
  void signalsRaiseTheFearOfSignalledFirmsOnly() {
    reg.signals = true;
    assertEquals(2.0, synergy.perceivedSanctionMultiplier(reg, true));
    assertEquals(1.0, synergy.perceivedSanctionMultiplier(reg, false));
  }

  @Test
  void maliciousDetectionNeedsEnforcementOrTheBackstop() {
    reg.enforcement = true;
    assertEquals(0.15, synergy.maliciousDetection(reg, 0.15), "ordinary law enforcement");
    reg.backstop = true;
    assertEquals(0.6, synergy.maliciousDetection(reg, 0.15), "the backstop's higher detection");
    assertEquals(0.8, synergy.maliciousDetection(reg, 0.8), "never lower than ordinary detection");
    reg.enforcement = false;
    assertEquals(0.6, synergy.maliciousDetection(reg, 0.15), "the backstop works without routine enforcement");
    assertEquals(3.0, synergy.penaltyMultiplier(reg));
  }

  @Test
  void initialPowersComeFromTheScenario() {
    Synergy all = new Synergy(spec("synergy.transparency_mandate=true", "synergy.recognize_certification=true",
        "synergy.signals=true", "synergy.backstop=true", "synergy.protect_vulnerable=true").synergy());
    Regulator r = new Regulator(1);
    all.grantInitialPowers(r);
    assertTrue(r.transparency && r.recognizeCertification && r.signals && r.backstop && r.protectVulnerable);
    Regulator none = new Regulator(2);
    synergy.grantInitialPowers(none);
    assertFalse(none.transparency || none.recognizeCertification || none.signals || none.backstop || none.protectVulnerable);
    assertEquals(3, all.signalTopFirms(), "default");
  }
}
