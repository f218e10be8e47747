package govsim.mechanism.rulemaking;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.3, codification by reference (M2 with the M11 power): the maturity condition (standard
 * age, community's share of active firms), the timing (codification lag against the legislative
 * draft), the scope (risks on the public agenda beyond min_severity) and its cost. Agenda threshold
 * 0.5, salience that does not fade (half-life 36500 days), dt = 1: step s ends on day s + 1.
 */
class CodificationTest {
  private static CentralRuleMaking rulemaking(String... extra) {
    List<String> sets =
        new ArrayList<>(
            List.of(
                "rulemaking.agenda_threshold=0.5",
                "rulemaking.salience_half_life_days=36500",
                "rulemaking.legislative_lag_days=1217"));
    sets.add("rulemaking.drafting_cost_per_rule_year=365");
    sets.add("synergy.codification_min_standard_age_days=100");
    sets.add("synergy.codification_min_member_share=0.25");
    sets.add("synergy.codification_lag_days=50");
    sets.addAll(List.of(extra));
    ModelSpec s = spec(sets.toArray(new String[0]));
    return new CentralRuleMaking(s.rulemaking(), null, s.synergy());
  }

  /** A world of `firms` active firms with one regulator that makes rules and codifies. */
  private static World world(int firms) {
    World w = govsim.mechanism.Fixtures.world(1, 0);
    for (int i = 0; i < firms; i++) firm(w);
    Regulator reg = w.regulators[0];
    reg.rulemaking = true;
    reg.codification = true;
    return w;
  }

  @Test
  void aStandardIsMatureAtItsMinimumAgeAndMemberShare() {
    CentralRuleMaking m = rulemaking();
    World w = world(5);
    Risk r = risk(w, 1, 0.01, 0, false);
    Community small = community(w, 0.8, 0.7, 0L);
    ruleInForce(small.standards, r, 0.8); // in force since day 0
    member(w.firms.get(0), small);
    // 1 of 5 active firms = 0.2 < 0.25
    assertNull(m.matureStandard(w, r, 200));
    member(w.firms.get(1), small);
    // 2 of 5 = 0.4 >= 0.25; age 99.5 < 100 days, then 100 days
    assertNull(m.matureStandard(w, r, 99.5));
    assertSame(small, m.matureStandard(w, r, 100));
    // A larger community with a mature standard wins.
    Community big = community(w, 0.7, 0.7, 0L);
    ruleInForce(big.standards, r, 0.7);
    for (int i = 2; i < 5; i++) member(w.firms.get(i), big);
    assertSame(big, m.matureStandard(w, r, 100));
    // A standard written for an older form of the risk is not a candidate.
    r.generation = 1;
    assertNull(m.matureStandard(w, r, 1000));
  }

  @Test
  void aSalientRiskOutsideMinSeverityIsCodifiedWhenTheStandardMatures() {
    CentralRuleMaking m = rulemaking("rulemaking.min_severity=10");
    World w = world(4);
    Risk r = risk(w, 1, 0.01, 0, false); // severity 1 < 10: never on the legislative agenda
    r.salience[0] = 1.0;
    Community c = community(w, 0.85, 0.7, 0L);
    ruleInForce(c.standards, r, 0.85);
    member(w.firms.get(0), c); // 1 of 4 = 0.25
    Regulator reg = w.regulators[0];
    List<WorldEvent> log = new ArrayList<>();
    for (int s = 0; s < 99; s++) {
      m.step(w);
      tick(w);
    }
    w.drainEvents(log::add);
    assertEquals(0, count(log, EventKind.CODIFICATION), "age 99 days at the end of step 98");
    m.step(w); // step 99 ends on day 100: the standard is 100 days old
    log = events(w);
    assertEquals(1, count(log, EventKind.CODIFICATION));
    WorldEvent e = log.get(0);
    assertEquals(c.id, e.community());
    assertEquals(50.0, e.value());
    Rule draft = reg.rules.pending(r.id);
    assertEquals(150.0, draft.effectiveDay, 1e-9, "day 100 + codification lag 50");
    assertEquals(0.85, draft.stringency, "the rule is the standard");
    assertEquals(c.id, draft.codifiedFrom);
    assertEquals(0.0, w.tally.costRegulator, "a codification is not a legislative draft");
    tick(w);
    for (int s = 100; s < 149; s++) {
      m.step(w);
      tick(w);
    }
    assertTrue(!reg.rules.covers(r), "not before day 150");
    events(w);
    m.step(w); // step 149 ends on day 150
    log = events(w);
    assertEquals(1, count(log, EventKind.RULE_ADOPTED));
    assertTrue(log.get(0).detail().contains("codified by reference from community 0"));
    assertTrue(reg.rules.covers(r));
    assertEquals(150.0, r.firstRegulatorRuleDay, 1e-9);
  }

  @Test
  void withoutAllSalientRisksOnlyRisksOnTheLegislativeAgendaAreCodified() {
    CentralRuleMaking m =
        rulemaking("rulemaking.min_severity=10", "synergy.codification_all_salient_risks=false");
    World w = world(4);
    Risk r = risk(w, 1, 0.01, 0, false);
    r.salience[0] = 1.0;
    Community c = community(w, 0.85, 0.7, 0L);
    ruleInForce(c.standards, r, 0.85);
    member(w.firms.get(0), c);
    w.step = 500;
    w.now = 500;
    m.step(w);
    assertEquals(0, count(events(w), EventKind.CODIFICATION));
    assertNull(w.regulators[0].rules.pending(r.id));
  }

  @Test
  void aDraftIsReplacedOnlyWhenTheCitedStandardComesSooner() {
    // Standard mature at once (age 0); the risk enters the agenda in step 0 (day 1).
    CentralRuleMaking m = rulemaking("synergy.codification_min_standard_age_days=0");
    World w = world(4);
    Risk r = risk(w, 1, 0.01, 0, false);
    r.salience[0] = 1.0;
    Community c = community(w, 0.85, 0.7, 0L);
    ruleInForce(c.standards, r, 0.85);
    member(w.firms.get(0), c);
    m.step(w);
    List<WorldEvent> log = events(w);
    assertEquals(EventKind.AGENDA, log.get(0).type());
    assertEquals(EventKind.CODIFICATION, log.get(1).type());
    Rule draft = w.regulators[0].rules.pending(r.id);
    assertEquals(51.0, draft.effectiveDay, 1e-9, "day 1 + 50, not day 1 + 1217");
    assertEquals(0.0, w.tally.costRegulator);

    // A legislative lag of 30 days beats the codification lag of 50: the regulator keeps its own.
    CentralRuleMaking fast =
        rulemaking(
            "synergy.codification_min_standard_age_days=0", "rulemaking.legislative_lag_days=30");
    World w2 = world(4);
    Risk r2 = risk(w2, 1, 0.01, 0, false);
    r2.salience[0] = 1.0;
    Community c2 = community(w2, 0.85, 0.7, 0L);
    ruleInForce(c2.standards, r2, 0.85);
    member(w2.firms.get(0), c2);
    fast.step(w2);
    assertEquals(0, count(events(w2), EventKind.CODIFICATION));
    Rule own = w2.regulators[0].rules.pending(r2.id);
    assertEquals(31.0, own.effectiveDay, 1e-9);
    assertEquals(-1, own.codifiedFrom);
    assertEquals(1.0, w2.tally.costRegulator, 1e-12, "one day of drafting at 365 a year");
  }

  @Test
  void withoutThePowerOrWithTheOneArgumentConstructorNothingIsCodified() {
    World w = world(4);
    Risk r = risk(w, 1, 0.01, 0, false);
    r.salience[0] = 1.0;
    Community c = community(w, 0.85, 0.7, 0L);
    ruleInForce(c.standards, r, 0.85);
    member(w.firms.get(0), c);
    w.regulators[0].codification = false;
    rulemaking("synergy.codification_min_standard_age_days=0").step(w);
    assertEquals(-1, w.regulators[0].rules.pending(r.id).codifiedFrom);
    World w2 = world(4);
    Risk r2 = risk(w2, 1, 0.01, 0, false);
    r2.salience[0] = 1.0;
    Community c2 = community(w2, 0.85, 0.7, 0L);
    ruleInForce(c2.standards, r2, 0.85);
    member(w2.firms.get(0), c2);
    new CentralRuleMaking(spec("rulemaking.agenda_threshold=0.5").rulemaking()).step(w2);
    assertEquals(-1, w2.regulators[0].rules.pending(r2.id).codifiedFrom);
  }
}
