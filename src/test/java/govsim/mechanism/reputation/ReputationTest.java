package govsim.mechanism.reputation;

import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;

import govsim.world.Firm;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/** M5 the one owner of reputation changes: cuts floored at 0, recovery capped at 1. */
class ReputationTest {
  @Test
  void aCutSubtractsTheLossAndNeverGoesBelowZero() {
    World w = world(1, 0);
    Firm f = firm(w);
    f.reputation = 0.5;
    Reputation.cut(f, 0.2);
    assertEquals(0.3, f.reputation, 1e-15);
    Reputation.cut(f, 0.25);
    assertEquals(0.05, f.reputation, 1e-15);
    Reputation.cut(f, 0.1);
    assertEquals(0.0, f.reputation, "0.05 - 0.1 is floored at 0");
    Reputation.cut(f, 0.0);
    assertEquals(0.0, f.reputation);
  }

  @Test
  void recoveryAddsTheGainAndNeverGoesAboveOne() {
    World w = world(1, 0);
    Firm f = firm(w);
    f.reputation = 0.9;
    Reputation.recover(f, 0.05);
    assertEquals(0.95, f.reputation, 1e-15);
    Reputation.recover(f, 0.1);
    assertEquals(1.0, f.reputation, "0.95 + 0.1 is capped at 1");
  }
}
