package govsim.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.stats.Estimate;
import org.junit.jupiter.api.Test;

/** The agent-based imitation dynamics against the exact birth-death chain it simulates. */
class ImitationDynamicsTest {
  @Test
  void longRunShareMatchesTheHandSolvedBirthDeathChain() throws Exception {
    // The chain of ExactAnalysisTest: Z = 2, mu = 1/2, beta = ln 2, A's share 8/15 in the long run.
    // 10 seeds x 200,000 events: the 95% interval over seeds must contain 8/15 and be narrow
    // (sd of one run's mean is about 0.002 here, so the half-width is about 0.0015).
    Game g =
        GameFixtures.symmetric2x2(2, 1, 1, 0, 0, Math.log(2), 0.5)
            .withSimulation(new Game.Simulation(1, 10, 200_000, 1_000, 1_000));
    long[] seeds = new long[10];
    for (int i = 0; i < seeds.length; i++) seeds[i] = 1000 + i;
    AgentBased.Result r = AgentBased.run(g, seeds, 1, false);
    Estimate a = r.shares()[0][0];
    assertTrue(a.ciLow() <= 8.0 / 15 && 8.0 / 15 <= a.ciHigh(), "interval " + a + " misses 8/15");
    assertTrue(a.ciHigh() - a.ciLow() < 0.01, "interval too wide: " + a);
    assertEquals(1.0, r.shares()[0][0].mean() + r.shares()[0][1].mean(), 1e-12);
  }

  @Test
  void dsairAtTheCrossingAgreesWithTheExactChain() throws Exception {
    // DSAIR, s = 1.5, p_r = 0.779, Z = 100, mu = 0.01: the exact birth-death share of AS is
    // computed
    // by ExactAnalysis; 6 seeds x 1.5 million events must bracket it.
    GameFile.Loaded loaded =
        GameFile.load(java.nio.file.Path.of("scenarios/games/dsair.yaml"), java.util.List.of());
    Game g = loaded.game().withSimulation(new Game.Simulation(1, 6, 1_500_000, 100_000, 100_000));
    double exact = ExactAnalysis.analyse(g).sharesAtMutationRate()[0][0];
    long[] seeds = {11, 12, 13, 14, 15, 16};
    Estimate a = AgentBased.run(g, seeds, 2, false).shares()[0][0];
    assertTrue(
        a.ciLow() <= exact && exact <= a.ciHigh(), "interval " + a + " misses the exact " + exact);
  }

  @Test
  void sameSeedSameRunWhateverTheThreads() throws Exception {
    Game g =
        GameFixtures.symmetric2x2(20, 3, 0, 5, 1, 0.5, 0.05)
            .withSimulation(new Game.Simulation(1, 3, 50_000, 0, 10_000));
    long[] seeds = {5, 6, 7};
    AgentBased.Result one = AgentBased.run(g, seeds, 1, true);
    AgentBased.Result two = AgentBased.run(g, seeds, 3, true);
    for (int i = 0; i < seeds.length; i++) {
      assertArrayEquals(one.runs().get(i).meanShares()[0], two.runs().get(i).meanShares()[0]);
      assertEquals(5, one.runs().get(i).series().length);
      assertArrayEquals(one.runs().get(i).series()[4], two.runs().get(i).series()[4]);
      assertEquals(50_000, one.runs().get(i).series()[4][0]);
    }
    assertTrue(
        one.runs().get(0).meanShares()[0][0] != one.runs().get(1).meanShares()[0][0],
        "seeds differ");
  }

  @Test
  void withoutMutationAPopulationEndsMonomorphic() {
    // mu = 0 and strong selection for D (the prisoner's dilemma): the run ends all-D and the series
    // says so.
    Game g =
        GameFixtures.symmetric2x2(20, 3, 0, 5, 1, 5, 0)
            .withSimulation(new Game.Simulation(1, 1, 200_000, 0, 200_000));
    ImitationDynamics.Run run = new ImitationDynamics(g).run(3, true);
    assertEquals(0.0, run.series()[0][1]);
    assertEquals(1.0, run.series()[0][2]);
  }
}
