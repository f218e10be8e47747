package govsim.mechanism.community;

import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;

/**
 * M7 — free entry and exit of compliance communities (MODEL.md §4 M7; paper §2.1). Joining commits
 * the firm to its community's standards in force; leaving or expulsion removes its certificate. The
 * firm's reasons to join or leave are weighed in mechanism.firms.
 */
public final class Membership {
  private Membership() {}

  public static void join(World w, Firm f, Community c) {
    c.members.set(f.id);
    f.memberships.set(c.id);
    for (var r : w.risks) {
      if (r.active && c.standards.covers(r)) f.mitigates.set(r.id);
    }
    w.log(EventKind.JOIN, f.id, c.id, -1, -1, 0, "");
  }

  /**
   * A community dissolves (M7): every member loses its certificate at once. No leave events are
   * logged; the community_dissolved event says it all.
   */
  public static void dissolve(World w, Community c) {
    c.active = false;
    for (int m = c.members.nextSetBit(0); m >= 0; m = c.members.nextSetBit(m + 1)) {
      w.firms.get(m).memberships.clear(c.id);
    }
    c.members.clear();
  }

  public static void leave(World w, Firm f, Community c, String why) {
    c.members.clear(f.id);
    f.memberships.clear(c.id);
    w.log(EventKind.LEAVE, f.id, c.id, -1, -1, 0, why);
  }
}
