package govsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.world.Firm;
import govsim.world.UserPopulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "valid scenarios that crash": a jurisdiction where no firm is licensed is a policy
 * case, not an error. Its users have no provider ({@link UserPopulation#UNSERVED}); the others are
 * served as before.
 */
class UnservedJurisdictionsTest {
  private static GovSimModel run(String yaml) throws Exception {
    ModelSpec spec = Scenarios.loader().loadString(yaml, "test", null, List.of()).config();
    GovSimModel m = new GovSimModel(spec);
    m.start();
    return m;
  }

  /** Users whose jurisdiction is at least {@code from} (no firm has its home there). */
  private static int usersFrom(UserPopulation u, int from) {
    int n = 0;
    for (int i = 0; i < u.size; i++) if (u.jurisdictionOf(i) >= from) n++;
    return n;
  }

  @Test
  void oneFirmInEightJurisdictionsServesOnlyItsHome() throws Exception {
    GovSimModel m =
        run(
            "name: one\nusers: {count: 4000}\ntime: {horizon_days: 60}\nfirms: {count: 1}\n"
                + "cross_border: {jurisdictions: 8, serve_abroad_probability: 0}\n");
    UserPopulation u = m.world().users;
    int abroad = usersFrom(u, 1);
    assertTrue(abroad > 3000 && abroad < 4000, "about 7/8 of the users live abroad: " + abroad);
    assertEquals(abroad, u.unserved);
    while (!m.isDone()) m.stepOnce();
    // No license is ever granted during a run, so the same users stay unserved, and the firm keeps
    // the rest.
    assertEquals(abroad, u.unserved);
    for (int i = 0; i < u.size; i++) {
      assertEquals(u.jurisdictionOf(i) == 0 ? 0 : UserPopulation.UNSERVED, u.firm[i], "user " + i);
    }
    Firm only = m.world().firms.get(0);
    assertEquals(u.size - abroad, only.users);
    m.finish();
  }

  @Test
  void sixtyFourJurisdictionsWithoutServingAbroadLeaveFortyFourUnserved() throws Exception {
    // 20 firms (the default) have their homes in jurisdictions 0-19; 20-63 have no firm.
    GovSimModel m =
        run(
            "name: many\nusers: {count: 6400}\ntime: {horizon_days: 60}\n"
                + "cross_border: {jurisdictions: 64, serve_abroad_probability: 0}\n");
    UserPopulation u = m.world().users;
    assertEquals(usersFrom(u, 20), u.unserved);
    int served = 0;
    for (Firm f : m.world().firms) served += f.users;
    assertEquals(u.size - u.unserved, served, "every other user is at a firm");
    while (!m.isDone()) m.stepOnce();
    for (int i = 0; i < u.size; i++) {
      int f = u.firm[i];
      if (f != UserPopulation.UNSERVED)
        assertTrue(m.world().firms.get(f).serves(u.jurisdictionOf(i)), "user " + i);
    }
    m.finish();
  }
}
