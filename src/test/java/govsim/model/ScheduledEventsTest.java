package govsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.scenario.ScenarioException;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each kind of scheduled event, applied by the model at the start of the first step at or after its
 * day (MODEL.md §2, §6): step k starts on day k, so an event of day d is in effect after d + 1
 * calls of stepOnce and not after d. Small worlds of 500 users and 6 firms.
 */
class ScheduledEventsTest {
  private static GovSimModel model(String regime, String events, String... sets)
      throws ScenarioException {
    String yaml =
        "name: t\nregime: "
            + regime
            + "\nusers: {count: 500}\nfirms: {count: 6}\n"
            + "time: {horizon_days: 30}\nevents:\n"
            + events;
    GovSimModel m =
        new GovSimModel(Scenarios.loader().loadString(yaml, "test", null, List.of(sets)).config());
    m.start();
    return m;
  }

  private static void steps(GovSimModel m, int n) {
    for (int i = 0; i < n; i++) m.stepOnce();
  }

  @Test
  void aTransparencyMandateSwitchesOnTransparencyAndNothingElseOnItsDay() throws Exception {
    GovSimModel m =
        model("distributed", "  - {type: enact_mandate, at_day: 2, mandate: transparency}\n");
    Regulator reg = m.world().regulators[0];
    steps(m, 2);
    assertFalse(reg.transparency, "day 2 has not started");
    steps(m, 1);
    assertTrue(reg.transparency);
    assertFalse(
        reg.signals
            || reg.recognizeCertification
            || reg.backstop
            || reg.protectVulnerable
            || reg.rulemaking
            || reg.enforcement,
        "only the transparency mandate");
  }

  @Test
  void aMandateForOneJurisdictionAndTheRuleMakingMandate() throws Exception {
    GovSimModel m =
        model(
            "distributed",
            "  - {type: enact_mandate, at_day: 0, mandate: rulemaking, jurisdiction: 1}\n",
            "cross_border.jurisdictions=2");
    steps(m, 1);
    World w = m.world();
    assertFalse(w.regulators[0].rulemaking || w.regulators[0].enforcement);
    assertTrue(
        w.regulators[1].rulemaking && w.regulators[1].enforcement,
        "rule-making comes with enforcement");
  }

  @Test
  void aDecreedCommunityFormsWithItsStringencyAssuranceAndFounders() throws Exception {
    // laissez_faire: no community exists or forms on its own; founding_members 3 of 6 firms.
    GovSimModel m =
        model(
            "laissez_faire",
            "  - {type: form_community, at_day: 3, stringency: 0.9, assurance: 0.7}\n");
    steps(m, 3);
    assertTrue(m.world().communities.isEmpty());
    steps(m, 1);
    assertEquals(1, m.world().communities.size());
    Community c = m.world().communities.get(0);
    assertEquals(0.9, c.stringency);
    assertEquals(0.7, c.assurance);
    assertEquals(3.0, c.formedDay);
    assertTrue(c.active);
    assertTrue(
        c.size() >= 1 && c.size() <= 3, "at most founding_members founders, got " + c.size());
    for (int id = c.members.nextSetBit(0); id >= 0; id = c.members.nextSetBit(id + 1)) {
      assertTrue(m.world().firms.get(id).memberships.get(c.id));
    }
  }

  @Test
  void anEmergingRiskHasTheGivenSeverityVisibilityAndIsUnknownIfKnightian() throws Exception {
    GovSimModel m =
        model(
            "laissez_faire",
            "  - {type: emerge_risk, at_day: 1.5, severity: 42, visibility: 0.25, knightian: true}\n",
            "risks.initial_count=0",
            "risks.arrival_rate_per_year=0",
            "risks.hazard_per_firm_year=0");
    steps(m, 2);
    assertTrue(m.world().risks.isEmpty(), "day 1.5 is applied at the start of day 2");
    steps(m, 1);
    assertEquals(1, m.world().risks.size());
    Risk r = m.world().risks.get(0);
    assertEquals(42.0, r.severity);
    assertEquals(0.25, r.visibility);
    assertTrue(r.knightian);
    assertFalse(r.known, "no incident yet (hazard 0)");
    assertEquals(2.0, r.emergedDay);
  }

  @Test
  void aScheduledAdoptionHitsTheNamedFirmOrTheLargest() throws Exception {
    GovSimModel named =
        model(
            "laissez_faire",
            "  - {type: adopt_practice, at_day: 5, firm: 2}\n",
            "firms.review_rate_per_year=0");
    steps(named, 6);
    for (Firm f : named.world().firms) assertEquals(f.id == 2, f.practice, "firm " + f.id);
    assertEquals(5.0, named.world().firms.get(2).practiceAdoptedDay);

    GovSimModel largest =
        model(
            "laissez_faire",
            "  - {type: adopt_practice, at_day: 5, firm: -1}\n",
            "firms.review_rate_per_year=0");
    steps(largest, 5);
    Firm biggest = largest.world().largestActiveFirm();
    steps(largest, 1);
    for (Firm f : largest.world().firms) assertEquals(f == biggest, f.practice, "firm " + f.id);
  }

  @Test
  void aCapabilityShockRaisesCapabilityChangesRisksFormAndBringsNewRisks() throws Exception {
    GovSimModel m =
        model(
            "laissez_faire",
            "  - {type: capability_shock, at_day: 4, new_risks: 3, obsolete_share: 1, capability_boost: 0.25}\n",
            "risks.initial_count=2",
            "risks.arrival_rate_per_year=0",
            "risks.release_rate_per_year=0",
            "competition.entry_rate_per_year=0");
    steps(m, 4);
    World w = m.world();
    double[] before = w.firms.stream().mapToDouble(f -> f.capability).toArray();
    assertEquals(2, w.risks.size());
    steps(m, 1);
    assertEquals(1, w.generation);
    assertEquals(5, w.risks.size(), "two initial risks and three new ones");
    for (Risk r : w.risks)
      assertEquals(1, r.generation, "obsolete share 1: every active risk changed form");
    for (Firm f : w.firms)
      assertEquals(before[f.id] + 0.25, f.capability, 1e-12, "no releases: only the boost");
  }
}
