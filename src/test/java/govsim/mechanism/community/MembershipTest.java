package govsim.mechanism.community;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * M7 free entry and exit: joining commits a firm to the standards in force; leaving keeps its
 * mitigation.
 */
class MembershipTest {
  @Test
  void joiningCommitsTheFirmToTheStandardsInForceOnActiveRisks() {
    World w = world(1, 0);
    Firm f = firm(w);
    Community c = community(w, 0.7, 0.8, 0L);
    Risk covered = risk(w, 1, 0.1, 0.01, false);
    Risk drafting = risk(w, 1, 0.1, 0.01, false);
    Risk changed = risk(w, 1, 0.1, 0.01, false);
    Risk retired = risk(w, 1, 0.1, 0.01, false);
    Risk none = risk(w, 1, 0.1, 0.01, false);
    ruleInForce(c.standards, covered, 0.7);
    c.standards.startPending(new Rule(drafting.id, 0, 0, 99, 0.7));
    ruleInForce(c.standards, changed, 0.7);
    changed.generation = 1;
    ruleInForce(c.standards, retired, 0.7);
    retired.active = false;

    Membership.join(w, f, c);

    assertTrue(f.memberships.get(c.id));
    assertTrue(c.members.get(f.id));
    assertTrue(f.certified());
    assertTrue(f.mitigates.get(covered.id));
    assertFalse(f.mitigates.get(drafting.id), "a standard in drafting does not bind yet");
    assertFalse(f.mitigates.get(changed.id), "a standard for the old form does not bind");
    assertFalse(f.mitigates.get(retired.id));
    assertFalse(f.mitigates.get(none.id));
    List<WorldEvent> ev = events(w);
    assertEquals(EventKind.JOIN, ev.get(0).type());
    assertEquals(f.id, ev.get(0).firm());
    assertEquals(c.id, ev.get(0).community());
  }

  @Test
  void leavingRemovesTheCertificateButNotTheMitigation() {
    World w = world(1, 0);
    Firm f = firm(w);
    Community c = community(w, 0.7, 0.8, 0L);
    Risk r = risk(w, 1, 0.1, 0.01, false);
    ruleInForce(c.standards, r, 0.7);
    Membership.join(w, f, c);
    Membership.leave(w, f, c, "not worth it");
    assertFalse(f.memberships.get(c.id));
    assertFalse(c.members.get(f.id));
    assertFalse(f.certified());
    assertTrue(
        f.mitigates.get(r.id), "the firm decides at its next review whether to keep mitigating");
    List<WorldEvent> ev = events(w);
    assertEquals(EventKind.LEAVE, ev.get(1).type());
    assertEquals("not worth it", ev.get(1).detail());
  }

  /** Dissolution clears both sides of every membership at once and logs no leave events. */
  @Test
  void dissolvingACommunityRemovesEveryMembershipWithoutLeaveEvents() {
    World w = world(1, 0);
    Firm a = firm(w);
    Firm b = firm(w);
    Community c = community(w, 0.7, 0.8, 0L);
    Community other = community(w, 0.7, 0.8, 0L);
    Membership.join(w, a, c);
    Membership.join(w, b, c);
    Membership.join(w, b, other);
    events(w);
    Membership.dissolve(w, c);
    assertFalse(c.active);
    assertEquals(0, c.size());
    assertFalse(a.memberships.get(c.id));
    assertFalse(b.memberships.get(c.id));
    assertTrue(b.memberships.get(other.id), "other memberships stay");
    assertTrue(events(w).isEmpty());
  }
}
