package govsim.mechanism.assurance;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
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
import govsim.mechanism.synergy.Synergy;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M8 technical assurance: audits at the audit rate, detection with the community's assurance
 * (raised by transparency), expulsion with a ban and a publicised reputation loss, or remedy.
 */
class AuditsTest {
  private static final double EXPULSION_LOSS = 0.15;
  private final Synergy synergy = new Synergy(spec().synergy());

  private static Audits audits(String... sets) {
    return new Audits(spec(sets).assurance(), EXPULSION_LOSS);
  }

  /** A world with one community (assurance a) whose only standard, in force, firm 0 violates. */
  private static World violatorWorld(double assurance) {
    World w = world(1, 0);
    Firm f = firm(w);
    Community c = community(w, 0.8, assurance, 0L);
    member(f, c);
    Risk r = risk(w, 1, 0.1, 0.01, false);
    ruleInForce(c.standards, r, 0.8);
    return w;
  }

  /** Steps until the first audit (at 365 audits a year, 63% a day). */
  private void untilAudited(Audits a, World w, MersenneTwisterFast rng) {
    for (int s = 0; s < 100 && w.tally.audits == 0; s++) a.step(w, rng, synergy);
    assertEquals(1, w.tally.audits);
  }

  @Test
  void aDetectedViolatorIsExpelledBannedAndLosesReputation() {
    World w = violatorWorld(1.0);
    w.now = 50;
    Firm f = w.firms.get(0);
    Community c = w.communities.get(0);
    untilAudited(
        audits(
            "assurance.audit_rate_per_year=365",
            "assurance.rejoin_ban_days=365",
            "assurance.cost_per_audit=5000"),
        w,
        new MersenneTwisterFast(1));
    assertFalse(f.memberships.get(c.id));
    assertFalse(c.members.get(f.id));
    assertTrue(f.bannedFrom(c.id, 50 + 364.9));
    assertFalse(f.bannedFrom(c.id, 50 + 365));
    assertEquals(1.0 - EXPULSION_LOSS, f.reputation, 1e-15);
    assertFalse(f.mitigates.get(0), "an expelled firm is not forced to comply");
    assertEquals(1, w.tally.expulsions);
    assertEquals(5000.0, w.tally.costCommunity);
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.AUDIT_VIOLATION));
    assertEquals(1, count(ev, EventKind.EXPULSION));
  }

  @Test
  void reputationAfterExpulsionHasAFloorOfZero() {
    World w = violatorWorld(1.0);
    Firm f = w.firms.get(0);
    f.reputation = 0.1;
    untilAudited(audits("assurance.audit_rate_per_year=365"), w, new MersenneTwisterFast(2));
    assertEquals(0.0, f.reputation);
  }

  @Test
  void withoutExpulsionTheViolationIsRemedied() {
    World w = violatorWorld(1.0);
    Firm f = w.firms.get(0);
    untilAudited(
        audits("assurance.audit_rate_per_year=365", "assurance.expel_on_violation=false"),
        w,
        new MersenneTwisterFast(3));
    assertTrue(f.memberships.get(0), "still a member");
    assertTrue(f.mitigates.get(0), "complies now");
    assertEquals(1.0, f.reputation);
    assertEquals(0, w.tally.expulsions);
  }

  @Test
  void compliantMembersAndStandardsNotInForceGiveNoViolation() {
    World w = violatorWorld(1.0);
    Firm f = w.firms.get(0);
    Community c = w.communities.get(0);
    f.mitigates.set(0);
    Risk drafting = risk(w, 1, 0.1, 0.01, false);
    c.standards.startPending(new Rule(drafting.id, 0, 0, 99, 0.8));
    Risk changed = risk(w, 1, 0.1, 0.01, false);
    ruleInForce(c.standards, changed, 0.8);
    changed.generation = 1;
    Audits a = audits("assurance.audit_rate_per_year=365");
    MersenneTwisterFast rng = new MersenneTwisterFast(4);
    for (int s = 0; s < 100; s++) a.step(w, rng, synergy);
    assertTrue(w.tally.audits > 30);
    assertTrue(f.memberships.get(c.id));
    assertEquals(0, count(events(w), EventKind.AUDIT_VIOLATION));
  }

  @Test
  void auditsDetectWithTheAssuranceLevelRaisedByTransparencyAtHome() {
    // Per audit, a violation is detected with assurance 0.5, or 0.5 x 1.3 under transparency
    // (default boost 0.3). Remedy instead of expulsion keeps the firm a member between trials.
    for (boolean transparency : new boolean[] {false, true}) {
      World w = violatorWorld(0.5);
      w.regulators[0].transparency = transparency;
      Firm f = w.firms.get(0);
      Audits a = audits("assurance.audit_rate_per_year=365", "assurance.expel_on_violation=false");
      MersenneTwisterFast rng = new MersenneTwisterFast(5);
      int audited = 0;
      int detected = 0;
      while (audited < 10_000) {
        f.mitigates.clear();
        int before = w.tally.audits;
        a.step(w, rng, synergy);
        if (w.tally.audits > before) {
          audited++;
          if (f.mitigates.get(0)) detected++;
        }
      }
      double p = transparency ? 0.65 : 0.5;
      assertEquals(
          p,
          detected / (double) audited,
          5 * Math.sqrt(p * (1 - p) / audited),
          "transparency " + transparency);
    }
  }

  @Test
  void eachMemberIsAuditedAtTheAuditRate() {
    World w = world(1, 0);
    Community c = community(w, 0.8, 1.0, 0L);
    for (int i = 0; i < 10; i++) member(firm(w), c);
    Community dead = community(w, 0.8, 1.0, 0L);
    member(w.firms.get(0), dead);
    dead.active = false;
    Audits a = audits("assurance.audit_rate_per_year=12");
    MersenneTwisterFast rng = new MersenneTwisterFast(6);
    int steps = 5000;
    for (int s = 0; s < steps; s++) a.step(w, rng, synergy);
    double p = 1 - Math.exp(-12 / 365.0);
    double n = 10.0 * steps;
    assertEquals(p * n, w.tally.audits, 5 * Math.sqrt(n * p * (1 - p)));
  }
}
