package govsim.world;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Queries on the world's state shared by several mechanisms. */
class WorldTest {
  @Test
  void theLargestActiveFirmHasMostUsersAndTheLowerIdWinsATie() {
    World w = new World(1, 1.0, new UserPopulation(0, false), new MaliciousActors(0));
    assertNull(w.largestActiveFirm(), "no firms");
    int[] users = {5, 40, 40, 90};
    for (int i = 0; i < users.length; i++) {
      Firm f = new Firm(i, 0, 0, 1, 0, 1L);
      f.users = users[i];
      w.firms.add(f);
    }
    w.firms.get(3).active = false;
    assertSame(w.firms.get(1), w.largestActiveFirm(), "firm 3 (90) is inactive; 1 and 2 tie at 40");
    for (Firm f : w.firms) f.active = false;
    assertNull(w.largestActiveFirm());
  }
}
