package govsim.mechanism.community;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M7 compliance communities and standards: the size-dependent lag, adoption after the lag,
 * discovery when a member meets a risk, revision after a change of form, formation and dissolution.
 * Days: dt = 1, a step s ends on day s + 1.
 */
class StandardSettingTest {
  /** Lag 20 x (1 + members/2)^1: 40 days for two members. Certain discovery unless overridden. */
  private static StandardSetting standards(String... extra) {
    List<String> sets =
        new ArrayList<>(
            List.of(
                "communities.standard_lag_days=20",
                "communities.lag_size_scale=2",
                "communities.lag_size_exponent=1",
                "communities.risk_discovery_rate_per_year=36500",
                "communities.cost_per_member_year=365",
                // The legacy rules (issue 13 item 4 is tested in CommunityChoiceTest).
                "communities.choice.stringency_rule=fixed",
                "communities.choice.founder_rule=random"));
    sets.add("assurance.assurance_min=0.7");
    sets.add("assurance.assurance_max=0.8");
    sets.addAll(List.of(extra));
    var s = spec(sets.toArray(new String[0]));
    return build(s);
  }

  /** The mechanism as the model builds it, with recognition drawn at formation with chance 0. */
  static StandardSetting build(govsim.model.ModelSpec s) {
    return govsim.mechanism.Fixtures.standards(
        s, s.assurance().assuranceMin(), s.assurance().assuranceMax());
  }

  @Test
  void lagGrowsWithSizeAsAPowerLaw() {
    var s =
        spec(
            "communities.standard_lag_days=30",
            "communities.lag_size_scale=10",
            "communities.lag_size_exponent=0.5");
    StandardSetting m = build(s);
    assertEquals(30.0, m.lagDays(0), 1e-12);
    assertEquals(30.0 * Math.sqrt(2), m.lagDays(10), 1e-12);
    assertEquals(60.0, m.lagDays(30), 1e-12);
    assertEquals(30.0 * Math.sqrt(1.2), m.lagDays(2), 1e-12);
  }

  @Test
  void aStandardIsAdoptedExactlyTheLagAfterDraftingStarts() {
    World w = world(1, 0);
    Community c = community(w, 0.8, 0.9, 0L);
    member(firm(w), c);
    member(firm(w), c);
    Risk r = risk(w, 1, 0.1, 0.01, false);
    StandardSetting m = standards();
    MersenneTwisterFast rng = new MersenneTwisterFast(1);
    m.step(w, rng); // step 0 ends on day 1: discovered, drafting starts
    Rule pending = c.standards.pending(r.id);
    assertNotNull(pending);
    assertEquals(1.0, pending.startedDay);
    assertEquals(41.0, pending.effectiveDay, 1e-12);
    assertEquals(0.8, pending.stringency, "the community's stringency");
    WorldEvent drafting = events(w).get(0);
    assertEquals(EventKind.STANDARD_DRAFTING, drafting.type());
    assertEquals(40.0, drafting.value(), 1e-12);
    assertEquals(2 * 365 / 365.0, w.tally.costCommunity, 1e-12, "running cost per member");
    tick(w);
    for (int s = 1; s < 40; s++) {
      m.step(w, rng);
      assertFalse(c.standards.covers(r), "step " + s);
      tick(w);
    }
    assertEquals(
        0, count(events(w), EventKind.STANDARD_DRAFTING), "no second draft while drafting");
    m.step(w, rng); // step 40 ends on day 41
    assertTrue(c.standards.covers(r));
    assertEquals(41.0, r.firstCommunityRuleDay);
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.STANDARD_ADOPTED));
    assertEquals(40.0, ev.get(0).value(), 1e-12);
    assertEquals("in force", ev.get(0).detail());
  }

  @Test
  void withoutFollowingTheFieldACommunityDiscoversARiskWhenAMemberMeetsIt() {
    World w = world(1, 0);
    Community c = community(w, 0.8, 0.9, 0L);
    Firm inside = firm(w);
    Firm outside = firm(w);
    member(inside, c);
    Risk r = risk(w, 1, 0.1, 0.01, false);
    StandardSetting m = standards("communities.risk_discovery_rate_per_year=0");
    MersenneTwisterFast rng = new MersenneTwisterFast(2);
    outside.addIncident(0.1, r.id);
    m.step(w, rng);
    assertNull(
        c.standards.pending(r.id), "a non-member's incident is not the community's experience");
    inside.addIncident(0.1, r.id);
    m.step(w, rng);
    assertNotNull(c.standards.pending(r.id));
    assertEquals(
        20.0 * 1.5,
        c.standards.pending(r.id).effectiveDay - c.standards.pending(r.id).startedDay,
        1e-12,
        "one member: lag 20 x (1 + 1/2)");
  }

  @Test
  void unknownRetiredRisksAndDissolvedCommunitiesAreNotWorkedOn() {
    World w = world(1, 0);
    Community c = community(w, 0.8, 0.9, 0L);
    Community dead = community(w, 0.8, 0.9, 0L);
    dead.active = false;
    Risk unknown = risk(w, 1, 0.1, 0.01, true);
    Risk retired = risk(w, 1, 0.1, 0.01, false);
    retired.active = false;
    Risk live = risk(w, 1, 0.1, 0.01, false);
    standards().step(w, new MersenneTwisterFast(3));
    assertNull(c.standards.pending(unknown.id));
    assertNull(c.standards.pending(retired.id));
    assertNotNull(c.standards.pending(live.id));
    assertNull(dead.standards.pending(live.id));
  }

  @Test
  void aRiskThatChangesFormIsPickedUpAgainAndTheStandardRevised() {
    World w = world(1, 0);
    Community c = community(w, 0.8, 0.9, 0L);
    Risk r = risk(w, 1, 0.1, 0.01, false);
    ruleInForce(c.standards, r, 0.8);
    r.firstCommunityRuleDay = 0;
    StandardSetting m = standards();
    MersenneTwisterFast rng = new MersenneTwisterFast(4);
    m.step(w, rng);
    assertNull(c.standards.pending(r.id), "the standard covers the current form");
    w.generation = 1;
    r.generation = 1;
    assertFalse(c.standards.covers(r));
    assertFalse(StandardSetting.addressesCurrentForm(c, r));
    tick(w);
    m.step(w, rng);
    Rule revision = c.standards.pending(r.id);
    assertNotNull(revision);
    assertEquals(1, revision.generation);
    assertTrue(StandardSetting.addressesCurrentForm(c, r));
    for (int s = 0; s < 20; s++) {
      tick(w);
      m.step(w, rng);
    }
    assertTrue(c.standards.covers(r), "lag 20 with no members");
    assertEquals(0.0, r.firstCommunityRuleDay, "the first rule day is the first one ever");
  }

  @Test
  void aCommunityBelowTheMinimumSizeDissolves() {
    World w = world(1, 0);
    Community small = community(w, 0.8, 0.9, 0L);
    Community big = community(w, 0.8, 0.9, 0L);
    Firm a = firm(w);
    Firm b = firm(w);
    member(a, small);
    member(a, big);
    member(b, big);
    standards("communities.min_members=2", "communities.formation_rate_per_year=0")
        .formAndDissolve(w, new MersenneTwisterFast(5));
    assertFalse(small.active);
    assertEquals(0, small.size());
    assertFalse(a.memberships.get(small.id));
    assertTrue(a.memberships.get(big.id));
    assertTrue(big.active);
    assertEquals(1, count(events(w), EventKind.COMMUNITY_DISSOLVED));
  }

  @Test
  void aCommunityFormsWithFoundingMembersWhileAKnownRiskHasNoStandard() {
    World w = world(1, 0);
    for (int i = 0; i < 5; i++) firm(w);
    w.firms.get(1).active = false;
    w.firms.get(3).active = false;
    Risk r = risk(w, 1, 0.1, 0.01, false);
    StandardSetting m =
        standards(
            "communities.formation_rate_per_year=1000",
            "communities.founding_members=3",
            "communities.stringency_min=0.6",
            "communities.stringency_max=0.7");
    m.formAndDissolve(w, new MersenneTwisterFast(6));
    assertEquals(1, w.communities.size());
    Community c = w.communities.get(0);
    assertEquals(3, c.size(), "three of the three active firms");
    for (int id = c.members.nextSetBit(0); id >= 0; id = c.members.nextSetBit(id + 1)) {
      assertTrue(w.firms.get(id).active);
      assertTrue(w.firms.get(id).memberships.get(c.id));
    }
    assertTrue(c.stringency >= 0.6 && c.stringency <= 0.7);
    assertTrue(
        c.assurance >= 0.7 && c.assurance <= 0.8,
        "assurance drawn from [assurance_min, assurance_max]");
    assertEquals(0L, c.recognizedMask, "recognition probability 0: no jurisdiction recognises it");
    // Once some community addresses every known risk, no more form.
    c.standards.startPending(new Rule(r.id, r.generation, 0, 50, 0.6));
    m.formAndDissolve(w, new MersenneTwisterFast(7));
    assertEquals(1, w.communities.size());
  }

  @Test
  void noCommunityFormsWhenEveryRiskIsUnknownOrAtZeroRate() {
    World w = world(1, 0);
    firm(w);
    firm(w);
    risk(w, 1, 0.1, 0.01, true);
    standards("communities.formation_rate_per_year=1000")
        .formAndDissolve(w, new MersenneTwisterFast(8));
    assertTrue(w.communities.isEmpty());
    risk(w, 1, 0.1, 0.01, false);
    standards("communities.formation_rate_per_year=0")
        .formAndDissolve(w, new MersenneTwisterFast(8));
    assertTrue(w.communities.isEmpty());
  }

  /**
   * communities.founder_draws_per_seat bounds the random draws of founders: one active firm among
   * 10, one seat; with 2 draws a seat exactly two firm ids are drawn (both missing the active firm
   * for this seed), with 1000 draws the active firm is found (missed with chance 0.9^1000).
   */
  @Test
  void founderDrawsPerSeatBoundsTheSearchForFounders() {
    World w = world(1, 0);
    for (int i = 0; i < 10; i++) firm(w).active = i == 0;
    MersenneTwisterFast mirror = new MersenneTwisterFast(12);
    int first = mirror.nextInt(10);
    int second = mirror.nextInt(10);
    int third = mirror.nextInt(10);
    assertTrue(first != 0 && second != 0, "the seed's first two draws miss firm 0");
    MersenneTwisterFast rng = new MersenneTwisterFast(12);
    StandardSetting two =
        standards("communities.founding_members=1", "communities.founder_draws_per_seat=2");
    Community c = community(w, 0.8, 0.8, 0L);
    two.recruitFounders(w, rng, c);
    assertEquals(0, c.size(), "two draws, both missed");
    assertEquals(third, rng.nextInt(10), "exactly two draws were spent");
    Community d = community(w, 0.8, 0.8, 0L);
    standards("communities.founding_members=1", "communities.founder_draws_per_seat=1000")
        .recruitFounders(w, new MersenneTwisterFast(12), d);
    assertEquals(1, d.size());
    assertTrue(d.members.get(0));
  }
}
