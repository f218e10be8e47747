package govsim.mechanism.synergy;

import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.world.EventKind;
import govsim.world.Regulator;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M11 hybrid synergy: what each of the regulator's switches changes. Parameters: transparency
 * notice boost 0.5, audit boost 0.3, certified inspection factor 0.2, signal boost 1, backstop
 * detection 0.6 and penalty multiplier 3, protected capability 0.7.
 */
class SynergyTest {
  private final Synergy synergy =
      new Synergy(
          spec(
                  "synergy.transparency_notice_boost=0.5",
                  "synergy.transparency_audit_boost=0.3",
                  "synergy.certified_inspection_factor=0.2",
                  "synergy.signal_boost=1",
                  "synergy.backstop_detection_probability=0.6",
                  "synergy.backstop_penalty_multiplier=3",
                  "synergy.protected_capability=0.7")
              .synergy());
  private final Regulator reg = new Regulator(0);

  @Test
  void noPowersChangeNothing() {
    assertEquals(0.3, synergy.noticeCapability(reg, 0.3, true));
    assertEquals(0.8, synergy.auditDetection(0.8, false));
    assertEquals(1.0, synergy.inspectionWeight(reg, true, true));
    assertEquals(1.0, synergy.perceivedSanctionMultiplier(reg, true));
    assertEquals(1.0, synergy.penaltyMultiplier(reg));
    assertEquals(
        0.0,
        synergy.maliciousDetection(reg, 0.15),
        "no enforcement, no backstop: nobody traces attacks");
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
    assertEquals(
        1.0,
        synergy.noticeCapability(reg, 0.3, true),
        "protection (0.7), then transparency (x 1.5), capped at 1");
    assertEquals(
        0.45,
        synergy.noticeCapability(reg, 0.3, false),
        1e-15,
        "transparency only for ordinary users");
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
    assertEquals(
        0.6,
        synergy.maliciousDetection(reg, 0.15),
        "the backstop works without routine enforcement");
    assertEquals(3.0, synergy.penaltyMultiplier(reg));
  }

  @Test
  void initialPowersComeFromTheScenario() {
    Synergy all =
        new Synergy(
            spec(
                    "synergy.transparency_mandate=true",
                    "synergy.recognize_certification=true",
                    "synergy.signals=true",
                    "synergy.backstop=true",
                    "synergy.protect_vulnerable=true")
                .synergy());
    Regulator r = new Regulator(1);
    all.grantInitialPowers(r);
    assertTrue(
        r.transparency
            && r.recognizeCertification
            && r.signals
            && r.backstop
            && r.protectVulnerable);
    Regulator none = new Regulator(2);
    synergy.grantInitialPowers(none);
    assertFalse(
        none.transparency
            || none.recognizeCertification
            || none.signals
            || none.backstop
            || none.protectVulnerable);
  }

  /** Each initial power comes from its own key: granting one switches on that one alone. */
  @Test
  void eachInitialPowerComesFromItsOwnKey() {
    String[] keys = {
      "transparency_mandate",
      "recognize_certification",
      "signals",
      "backstop",
      "protect_vulnerable",
      "codification",
      "law_silence_formation",
      "soft_signals"
    };
    for (int k = 0; k < keys.length; k++) {
      Regulator r = new Regulator(0);
      new Synergy(spec("synergy." + keys[k] + "=true").synergy()).grantInitialPowers(r);
      boolean[] on = {
        r.transparency,
        r.recognizeCertification,
        r.signals,
        r.backstop,
        r.protectVulnerable,
        r.codification,
        r.lawSilenceFormation,
        r.softSignals
      };
      for (int j = 0; j < keys.length; j++)
        assertEquals(j == k, on[j], keys[k] + " granted; power " + keys[j]);
    }
  }

  /**
   * enact_mandate switches on exactly the power it names (a transparency mandate is not a signal),
   * in every jurisdiction or only in the one named, and logs one mandate_enacted per jurisdiction.
   */
  @Test
  void enactingAMandateSwitchesOnExactlyThatPower() {
    for (Mandate m : Mandate.values()) {
      World w = world(1, 0);
      Regulator r = w.regulators[0];
      Synergy.enact(w, m, -1);
      boolean[] on = {
        r.transparency,
        r.recognizeCertification,
        r.signals,
        r.backstop,
        r.protectVulnerable,
        r.rulemaking,
        r.codification,
        r.lawSilenceFormation,
        r.softSignals
      };
      for (Mandate other : Mandate.values()) {
        assertEquals(other == m, on[other.ordinal()], m + " enacted; power " + other);
      }
      assertEquals(
          m == Mandate.RULEMAKING,
          r.enforcement,
          "rule-making comes with enforcement, nothing else does");
      List<WorldEvent> ev = events(w);
      assertEquals(1, count(ev, EventKind.MANDATE_ENACTED));
      assertEquals(m.name().toLowerCase(java.util.Locale.ROOT), ev.get(0).detail());
    }
  }

  @Test
  void aMandateForOneJurisdictionLeavesTheOthersAlone() {
    World w = world(3, 0);
    Synergy.enact(w, Mandate.TRANSPARENCY, 1);
    assertFalse(w.regulators[0].transparency);
    assertTrue(w.regulators[1].transparency);
    assertFalse(w.regulators[2].transparency);
    List<WorldEvent> ev = events(w);
    assertEquals(1, ev.size());
    assertEquals(1, ev.get(0).jurisdiction());
    Synergy.enact(w, Mandate.BACKSTOP, -1);
    assertEquals(3, count(events(w), EventKind.MANDATE_ENACTED), "-1: every jurisdiction");
  }

  /**
   * Signal targeting: the signal_top_firms (here 2) active firms with most users, the lower id
   * winning a tie; inactive firms are never marked; every other mark is cleared.
   */
  @Test
  void signalsTargetTheActiveFirmsWithMostUsersTiesToTheLowerId() {
    Synergy two = new Synergy(spec("synergy.signal_top_firms=2").synergy());
    World w = world(1, 0);
    int[] users = {10, 50, 30, 50, 70};
    for (int u : users) firm(w).users = u;
    w.firms.get(4).active = false;
    boolean[] signalled = {true, true, true, true, true, true};
    two.markSignalled(w, signalled);
    // Active: 0 (10), 1 (50), 2 (30), 3 (50); the top two are 1 and 3 (50 each), 4 is inactive.
    assertEquals(List.of(false, true, false, true, false, false), asList(signalled));
    w.firms.get(2).users = 50;
    two.markSignalled(w, signalled);
    assertEquals(
        List.of(false, true, true, false, false, false),
        asList(signalled),
        "three at 50: ids 1 and 2");
    new Synergy(spec("synergy.signal_top_firms=0").synergy()).markSignalled(w, signalled);
    assertEquals(
        List.of(false, false, false, false, false, false),
        asList(signalled),
        "no targets: all cleared");
    new Synergy(spec("synergy.signal_top_firms=10").synergy()).markSignalled(w, signalled);
    assertEquals(
        List.of(true, true, true, true, false, false),
        asList(signalled),
        "more targets than firms");
  }

  private static List<Boolean> asList(boolean[] a) {
    List<Boolean> out = new java.util.ArrayList<>();
    for (boolean b : a) out.add(b);
    return out;
  }

  /** Per-jurisdiction capabilities follow each regulator's own powers. */
  @Test
  void noticeCapabilitiesArePerJurisdiction() {
    World w = world(2, 0);
    w.regulators[1].transparency = true;
    w.regulators[1].protectVulnerable = true;
    double[] strong = new double[2];
    double[] weak = new double[2];
    synergy.noticeCapabilities(w, 0.6, false, strong);
    synergy.noticeCapabilities(w, 0.3, true, weak);
    assertEquals(0.6, strong[0]);
    assertEquals(0.9, strong[1], 1e-15, "0.6 x 1.5");
    assertEquals(0.3, weak[0]);
    assertEquals(1.0, weak[1], "protected 0.7 x 1.5, capped at 1");
  }
}
