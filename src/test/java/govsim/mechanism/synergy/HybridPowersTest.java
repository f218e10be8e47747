package govsim.mechanism.synergy;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.community.StandardSetting;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 items 3, 5, 7 in M11's own step: guidelines at the salience threshold (0.25) and their
 * hooks (signal strength 0.5: factors 1.5 and 1/1.5), backlash of signalled firms, transparency
 * reporting, the regulators' power costs, and communities forming where the law is silent (agenda
 * threshold 0.5).
 */
class HybridPowersTest {
  private static final String[] SETS = {
    "synergy.guideline_salience_threshold=0.25",
    "synergy.signal_strength=0.5",
    "synergy.transparency_report_cost_percent=0.1",
    "synergy.law_silence_formation_rate_per_year=36500",
    "communities.founding_members=2",
    "communities.standard_lag_days=20",
    "communities.lag_size_scale=2",
    "communities.lag_size_exponent=1"
  };

  private static HybridPowers powers(String... extra) {
    String[] sets = new String[SETS.length + extra.length];
    System.arraycopy(SETS, 0, sets, 0, SETS.length);
    System.arraycopy(extra, 0, sets, SETS.length, extra.length);
    ModelSpec s = spec(sets);
    return new HybridPowers(s.synergy(), new Synergy(s.synergy()), 0.5);
  }

  private static StandardSetting standards() {
    ModelSpec s = spec(SETS);
    return govsim.mechanism.Fixtures.standards(s, 0.7, 0.7);
  }

  @Test
  void aGuidelineIsIssuedOnceAtTheThresholdAndSetsTheHooks() {
    HybridPowers hp = powers();
    World w = world(1, 0);
    w.regulators[0].softSignals = true;
    Risk below = risk(w, 1, 0.01, 0, false);
    Risk at = risk(w, 1, 0.01, 0, false);
    Risk unknown = risk(w, 1, 0.01, 0, true);
    below.salience[0] = 0.2499;
    at.salience[0] = 0.25;
    unknown.salience[0] = 5;
    boolean[] none = new boolean[0];
    hp.step(w, new MersenneTwisterFast(1), none, null);
    List<WorldEvent> log = events(w);
    assertEquals(1, count(log, EventKind.GUIDELINE_ISSUED));
    assertEquals(at.id, log.get(0).risk());
    assertEquals("no rule in force", log.get(0).detail());
    assertEquals(1L, at.guidedMask);
    assertTrue(at.onGuidedAgenda);
    assertEquals(1.0 / 1.5, at.signalLagFactor, 1e-15);
    assertEquals(1.5, at.signalNoticeFactor, 1e-15);
    assertFalse(below.onGuidedAgenda);
    assertEquals(1.0, below.signalLagFactor);
    assertEquals(1.0, below.signalNoticeFactor);
    assertEquals(0L, unknown.guidedMask, "a Knightian risk nobody knows gets no guideline");
    hp.step(w, new MersenneTwisterFast(1), none, null);
    assertEquals(0, count(events(w), EventKind.GUIDELINE_ISSUED), "once per form");
    // A change of form needs a new guideline.
    at.generation = 1;
    hp.step(w, new MersenneTwisterFast(1), none, null);
    assertEquals(1, count(events(w), EventKind.GUIDELINE_ISSUED));
    assertEquals(1, at.guidedGeneration);
  }

  @Test
  void channelSwitchesAndTheMissingPowerLeaveTheHooksNeutral() {
    World w = world(1, 0);
    Risk r = risk(w, 1, 0.01, 0, false);
    r.salience[0] = 1;
    powers().step(w, new MersenneTwisterFast(1), new boolean[0], null);
    assertEquals(0L, r.guidedMask, "the regulator does not hold soft_signals");
    w.regulators[0].softSignals = true;
    powers("synergy.signal_community_agenda=false", "synergy.signal_users=false")
        .step(w, new MersenneTwisterFast(1), new boolean[0], null);
    assertEquals(1L, r.guidedMask);
    assertFalse(r.onGuidedAgenda);
    assertEquals(1.0, r.signalLagFactor);
    assertEquals(1.0, r.signalNoticeFactor);
  }

  @Test
  void signalledFirmsOfAGuidingJurisdictionFearMoreBacklash() {
    World w = world(2, 0);
    Firm leader = firm(w, 0, 0, 0b01);
    Firm other = firm(w, 0, 0, 0b01);
    Firm abroad = firm(w, 0, 0, 0b10);
    w.regulators[0].softSignals = true;
    boolean[] signalled = {true, false, true};
    powers().step(w, new MersenneTwisterFast(1), signalled, null);
    assertEquals(1.5, leader.backlashSignalFactor);
    assertEquals(1.0, other.backlashSignalFactor, "not signalled");
    assertEquals(1.0, abroad.backlashSignalFactor, "its jurisdiction sends no soft signals");
    powers("synergy.signal_backlash=false").step(w, new MersenneTwisterFast(1), signalled, null);
    assertEquals(1.0, leader.backlashSignalFactor);
    // The expected outcry on a guided risk: for firms serving a guiding jurisdiction only.
    Synergy syn = new Synergy(spec(SETS).synergy());
    Risk r = risk(w, 1, 0.01, 0, false);
    r.guidedGeneration = r.generation;
    r.guidedMask = 0b01;
    assertEquals(1.5, syn.riskBacklashMultiplier(leader, r));
    assertEquals(1.0, syn.riskBacklashMultiplier(abroad, r));
  }

  @Test
  void transparencyReportingAndPowersCostSomethingEachDay() {
    World w = world(2, 0);
    Firm home = firm(w, 0, 0, 0b01);
    Firm abroad = firm(w, 0, 0, 0b10);
    Regulator reg = w.regulators[0];
    reg.transparency = true;
    powers().step(w, new MersenneTwisterFast(1), new boolean[2], null);
    assertEquals(0.1, home.powerCostPercent);
    assertEquals(0.0, abroad.powerCostPercent, "no mandate where it serves");
    // Transparency 50,000 a year: one day is 50,000 / 365.
    assertEquals(50000.0 / 365.0, w.tally.costRegulator, 1e-9);
    assertEquals(50000.0 / 365.0, w.tally.costPowersRegulator, 1e-9);
    w.tally.reset();
    powers("synergy.powers_cost=false").step(w, new MersenneTwisterFast(1), new boolean[2], null);
    assertEquals(0.0, home.powerCostPercent);
    assertEquals(0.0, w.tally.costRegulator);
  }

  @Test
  void aCommunityFormsForALawSilentRiskAndOnlyThen() {
    HybridPowers hp = powers();
    StandardSetting st = standards();
    World w = world(1, 0);
    for (int i = 0; i < 3; i++) firm(w);
    Regulator reg = w.regulators[0];
    reg.lawSilenceFormation = true;
    Risk quiet = risk(w, 1, 0.01, 0, false);
    Risk silent = risk(w, 1, 0.01, 0, false);
    Risk drafted = risk(w, 1, 0.01, 0, false);
    quiet.salience[0] = 0.49; // below the agenda threshold 0.5: not on the public agenda
    silent.salience[0] = 0.5;
    drafted.salience[0] = 2;
    reg.rules.startPending(new Rule(drafted.id, 0, 0, 1000, 0.9)); // the law is not silent
    assertFalse(hp.lawSilent(reg, quiet));
    assertTrue(hp.lawSilent(reg, silent));
    assertFalse(hp.lawSilent(reg, drafted));
    MersenneTwisterFast rng = new MersenneTwisterFast(2);
    hp.step(w, rng, new boolean[3], st);
    List<WorldEvent> log = events(w);
    // Rate 36,500 a year: formation with probability 1 - exp(-100) on the first day.
    assertEquals(1, count(log, EventKind.COMMUNITY_FORMED_WHERE_LAW_SILENT));
    assertEquals(1, count(log, EventKind.COMMUNITY_FORMED));
    Community c = w.communities.get(0);
    assertEquals(2, c.size());
    assertEquals(1.0 + 20.0 * 2, c.standards.pending(silent.id).effectiveDay, 1e-9);
    // Now a community addresses it: no second one.
    hp.step(w, rng, new boolean[3], st);
    assertEquals(0, count(events(w), EventKind.COMMUNITY_FORMED_WHERE_LAW_SILENT));
    assertEquals(1, w.communities.size());
    // Without communities (standards null) or without the power, nothing forms.
    World w2 = world(1, 0);
    firm(w2);
    firm(w2);
    Risk r2 = risk(w2, 1, 0.01, 0, false);
    r2.salience[0] = 1;
    hp.step(w2, rng, new boolean[2], st);
    assertEquals(0, w2.communities.size(), "the regulator does not hold the power");
    w2.regulators[0].lawSilenceFormation = true;
    hp.step(w2, rng, new boolean[2], null);
    assertEquals(0, w2.communities.size(), "communities are off");
    // An existing community that addresses the risk already: none forms.
    Community old = community(w2, 0.8, 0.7, 0L);
    member(w2.firms.get(0), old);
    old.standards.startPending(new Rule(r2.id, r2.generation, 0, 10, 0.8));
    hp.step(w2, rng, new boolean[2], st);
    assertEquals(1, w2.communities.size());
  }
}
