package govsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.game.Game;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.stats.Estimate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The safety race measured in the world: the payoff lines pooled within runs (hand-computed), the
 * matched game's payoff table, and runs that are reproducible and independent of threads.
 */
class WorldRaceTest {
  private static WorldRace.Fit fit(double[][] xy) {
    WorldRace.Fit f = WorldRace.Fit.EMPTY;
    for (double[] p : xy) f = f.plus(p[0], p[1]);
    return f;
  }

  /**
   * Run A: (0.2, 10), (0.4, 14); run B: (0.6, 0), (0.8, 4). Within each run y rises 20 per unit of
   * x; across runs it falls (B has more unsafe firms and less payoff). The within slope is 20, the
   * line passes through the overall means (0.5, 7): 7 - 20 x 0.5 = -3 at x = 0, 17 at x = 1. Pooled
   * naively the slope would be (4 x 10.8 - 2 x 28) / (4 x 1.2 - 4) = -16.
   */
  @Test
  void payoffLinesArePooledWithinRuns() {
    WorldRace.Fit a = fit(new double[][] {{0.2, 10}, {0.4, 14}});
    WorldRace.Fit b = fit(new double[][] {{0.6, 0}, {0.8, 4}});
    assertEquals(20.0, a.slope(), 1e-9);
    assertEquals(-16.0, a.plus(b).slope(), 1e-9);
    WorldRace.Fit w = WorldRace.Fit.within(List.of(a, b, WorldRace.Fit.EMPTY));
    assertEquals(20.0, w.slope(), 1e-9);
    assertEquals(-3.0, w.at(0), 1e-9);
    assertEquals(17.0, w.at(1), 1e-9);
    assertEquals(4, w.n());
    assertTrue(Double.isNaN(fit(new double[][] {{0.5, 1}, {0.5, 2}}).slope()), "no spread in x");
  }

  @Test
  void theMatchedGameHasTheFittedLinesAsItsPayoffs() {
    WorldRace.Fit safe = fit(new double[][] {{0, 90}, {1, 120}});
    WorldRace.Fit unsafe = fit(new double[][] {{0, 150}, {1, 40}});
    WorldRace.Result r =
        new WorldRace.Result(List.of(), Estimate.EMPTY, Estimate.EMPTY, safe, unsafe);
    Game g = WorldRace.matchedGame(r, 20, 0.2, 0.01);
    assertEquals(20, g.population(0).size());
    assertEquals(0.2, g.beta());
    assertEquals(0.01, g.mutationRate());
    // Profiles AS AS, AS AU, AU AS, AU AU; slot 0's payoff first.
    assertEquals(90, g.payoff(0, 0), 1e-9);
    assertEquals(120, g.payoff(1, 0), 1e-9);
    assertEquals(150, g.payoff(1, 1), 1e-9);
    assertEquals(150, g.payoff(2, 0), 1e-9);
    assertEquals(40, g.payoff(3, 0), 1e-9);
    WorldRace.Result none =
        new WorldRace.Result(
            List.of(), Estimate.EMPTY, Estimate.EMPTY, WorldRace.Fit.EMPTY, unsafe);
    assertNull(WorldRace.matchedGame(none, 20, 0.2, 0.01));
  }

  @Test
  void runsAreReproducibleAndDoNotDependOnThreads() throws Exception {
    ModelSpec spec =
        Scenarios.load(
                Path.of("scenarios/paper/safety-race.yaml"),
                List.of("users.count=500", "time.horizon_days=120"))
            .config();
    WorldRace.Result one = WorldRace.run(spec, new long[] {3, 4}, 60, 1);
    WorldRace.Result two = WorldRace.run(spec, new long[] {3, 4}, 60, 2);
    assertEquals(one.runs(), two.runs());
    for (WorldRace.Run run : one.runs()) {
      assertTrue(run.meanSafeShare() >= 0 && run.meanSafeShare() <= 1, run.toString());
      assertEquals(20.0, run.meanFirms(), 1e-12, "no entry, no exit in the race");
    }
    assertEquals(2, one.safeShare().n());
  }
}
