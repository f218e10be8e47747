package govsim.mechanism.rulemaking;

import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.world.EventKind;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M2 centralized rule-making: salience half-life, the agenda conditions, the legislative lag in day
 * arithmetic (dt = 1), obsolescence on arrival after a shock during drafting.
 */
class CentralRuleMakingTest {
  private static CentralRuleMaking rulemaking(String... extra) {
    String[] sets = new String[extra.length + 4];
    sets[0] = "rulemaking.agenda_threshold=0.5";
    sets[1] = "rulemaking.salience_half_life_days=36500";
    sets[2] = "rulemaking.legislative_lag_days=10";
    sets[3] = "rulemaking.rule_stringency=0.9";
    System.arraycopy(extra, 0, sets, 4, extra.length);
    return new CentralRuleMaking(spec(sets).rulemaking());
  }

  @Test
  void salienceHalvesEveryHalfLife() {
    CentralRuleMaking m =
        new CentralRuleMaking(spec("rulemaking.salience_half_life_days=180").rulemaking());
    assertEquals(0.5, m.decayed(1.0, 180), 1e-15);
    assertEquals(0.25, m.decayed(1.0, 360), 1e-15);
    assertEquals(Math.pow(0.5, 1 / 180.0), m.decayed(1.0, 1), 1e-15);
    // 180 daily steps of the mechanism halve it too.
    World w = world(2, 0);
    Risk r = risk(w, 1, 0.1, 0, false);
    r.salience[0] = 0.4; // below the default agenda threshold: nothing else happens
    r.salience[1] = 0.2;
    for (int s = 0; s < 180; s++) {
      m.step(w);
      tick(w);
    }
    assertEquals(0.2, r.salience[0], 1e-12);
    assertEquals(0.1, r.salience[1], 1e-12);
  }

  @Test
  void aRiskEntersTheAgendaOnlyWhenKnownActiveSevereEnoughAndSalient() {
    World w = world(1, 0);
    Regulator reg = w.regulators[0];
    CentralRuleMaking m = rulemaking("rulemaking.min_severity=10");
    Risk r = risk(w, 10.0, 0.1, 0, false);
    r.salience[0] = 0.5;
    assertTrue(m.entersAgenda(reg, r), "at the threshold and at the minimum severity");
    r.salience[0] = 0.4999;
    assertFalse(m.entersAgenda(reg, r), "below the agenda threshold");
    r.salience[0] = 5;
    Risk mild = risk(w, 9.99, 0.1, 0, false);
    mild.salience[0] = 5;
    assertFalse(m.entersAgenda(reg, mild), "below min_severity");
    Risk unknown = risk(w, 20, 0.1, 0, true);
    unknown.salience[0] = 5;
    assertFalse(m.entersAgenda(reg, unknown), "a Knightian risk before its first incident");
    r.active = false;
    assertFalse(m.entersAgenda(reg, r), "retired");
    r.active = true;
    reg.rules.startPending(new Rule(r.id, r.generation, 0, 100, 0.9));
    assertFalse(m.entersAgenda(reg, r), "already in drafting");
  }

  @Test
  void aRuleComesIntoForceExactlyTheLegislativeLagAfterTheAgenda() {
    World w = world(1, 0);
    Regulator reg = w.regulators[0];
    reg.rulemaking = true;
    Risk r = risk(w, 2.0, 0.1, 0, false);
    r.salience[0] = 1.0;
    CentralRuleMaking m = rulemaking("rulemaking.drafting_cost_per_rule_year=365000");

    m.step(w); // step 0, ending on day 1: the cycle starts
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.AGENDA));
    Rule pending = reg.rules.pending(r.id);
    assertNotNull(pending);
    assertEquals(1.0, pending.startedDay);
    assertEquals(11.0, pending.effectiveDay);
    assertEquals(0.9, pending.stringency);
    assertEquals(0, pending.generation);
    assertEquals(
        1000.0, w.tally.costRegulator, 1e-9, "one rule in drafting for one day at 365000 a year");
    tick(w);

    for (int s = 1; s < 10; s++) {
      m.step(w);
      assertFalse(reg.rules.covers(r), "not yet in force at step " + s);
      tick(w);
    }
    assertTrue(Double.isNaN(r.firstRegulatorRuleDay));
    m.step(w); // step 10, ending on day 11
    assertTrue(reg.rules.covers(r));
    assertNull(reg.rules.pending(r.id));
    assertEquals(11.0, r.firstRegulatorRuleDay);
    assertEquals(11.0, r.firstRuleDay());
    ev = events(w);
    assertEquals(1, count(ev, EventKind.RULE_ADOPTED));
    WorldEvent adopted =
        ev.stream().filter(e -> e.type() == EventKind.RULE_ADOPTED).findFirst().orElseThrow();
    assertEquals(10.0, adopted.value(), "days from agenda to force");
    assertEquals("in force", adopted.detail());
    assertEquals(0, count(ev, EventKind.AGENDA), "a covered risk does not return to the agenda");
  }

  @Test
  void aRegulatorWithoutRulemakingPowerMakesNoRules() {
    World w = world(1, 0);
    Risk r = risk(w, 2.0, 0.1, 0, false);
    r.salience[0] = 1.0;
    rulemaking().step(w);
    assertNull(w.regulators[0].rules.pending(r.id));
    assertEquals(0.0, w.tally.costRegulator);
  }

  @Test
  void eachJurisdictionLegislatesOnItsOwnSalience() {
    World w = world(2, 0);
    for (Regulator reg : w.regulators) reg.rulemaking = true;
    Risk r = risk(w, 2.0, 0.1, 0, false);
    r.salience[1] = 1.0;
    rulemaking().step(w);
    assertNull(w.regulators[0].rules.pending(r.id));
    assertNotNull(w.regulators[1].rules.pending(r.id));
  }

  @Test
  void aShockDuringDraftingMakesTheRuleObsoleteOnArrivalAndOnlyThenStartsANewCycle() {
    World w = world(1, 0);
    Regulator reg = w.regulators[0];
    reg.rulemaking = true;
    Risk r = risk(w, 2.0, 0.1, 0, false);
    r.salience[0] = 1.0;
    CentralRuleMaking m = rulemaking();
    for (int s = 0; s < 10; s++) {
      if (s == 5) {
        w.generation = 1; // a capability shock changes the risk's form
        r.generation = 1;
      }
      m.step(w);
      if (s > 0) {
        assertEquals(
            0,
            reg.rules.pending(r.id).generation,
            "no second cycle while the stale one runs (step " + s + ")");
      }
      tick(w);
    }
    assertEquals(1, count(events(w), EventKind.AGENDA));
    m.step(w); // step 10: the stale rule arrives
    List<WorldEvent> ev = events(w);
    WorldEvent adopted =
        ev.stream().filter(e -> e.type() == EventKind.RULE_ADOPTED).findFirst().orElseThrow();
    assertTrue(adopted.detail().startsWith("obsolete on arrival"));
    assertFalse(reg.rules.covers(r));
    assertEquals(0, reg.rules.inForce(r.id).generation);
    assertTrue(Double.isNaN(r.firstRegulatorRuleDay), "an obsolete rule is no effective rule");
    // The new cycle, for the new form, starts in the same step.
    assertEquals(1, count(ev, EventKind.AGENDA));
    Rule next = reg.rules.pending(r.id);
    assertEquals(1, next.generation);
    assertEquals(11.0, next.startedDay);
    tick(w);
    for (int s = 11; s <= 20; s++) {
      m.step(w);
      tick(w);
    }
    assertTrue(reg.rules.covers(r));
    assertEquals(21.0, r.firstRegulatorRuleDay);
  }
}
