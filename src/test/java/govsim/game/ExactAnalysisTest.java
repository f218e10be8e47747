package govsim.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Fixation probabilities and stationary distributions against hand-derived values. */
class ExactAnalysisTest {
  @Test
  void neutralDriftFixesWithProbabilityOneOverZ() {
    // beta = 0: every step is a fair coin, rho = 1/Z (Nowak 2006, eq. 6.13).
    Game g = GameFixtures.symmetric2x2(10, 3, 0, 5, 1, 0, 0);
    assertEquals(0.1, ExactAnalysis.fixation(g, new int[] {1}, 0, 0), 1e-15);
    assertEquals(0.1, ExactAnalysis.fixation(g, new int[] {0}, 0, 1), 1e-15);
  }

  @Test
  void constantAdvantageHasTheMoranClosedForm() throws Exception {
    // A earns delta = ln 2 more than B whatever the co-player (payoffs to A: ln2, to B: 0), beta =
    // 1:
    // T-/T+ = e^{-ln2} = 1/2 at every k, so rho_A = 1 / (1 + 1/2 + 1/4 + 1/8) = 8/15 for Z = 4,
    // and a B mutant among A: rho_B = 1 / (1 + 2 + 4 + 8) = 1/15.
    double d = Math.log(2);
    Game g = GameFixtures.symmetric2x2(4, d, d, 0, 0, 1, 0);
    assertEquals(8.0 / 15, ExactAnalysis.fixation(g, new int[] {1}, 0, 0), 1e-14);
    assertEquals(1.0 / 15, ExactAnalysis.fixation(g, new int[] {0}, 0, 1), 1e-14);
    // Two monomorphic states: pi_A / pi_B = rho_A / rho_B = 8, so pi_A = 8/9.
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    assertEquals(8.0 / 9, r.stationary()[0], 1e-14);
    assertEquals(8.0 / 9, r.shares()[0][0], 1e-14);
    // Embedded chain: T(A -> B) = rho_B / (1 population * 1 other strategy).
    assertEquals(1.0 / 15, r.transitions()[0][1], 1e-14);
    assertEquals(14.0 / 15, r.transitions()[0][0], 1e-14);
    assertNull(r.birthDeath(), "mu = 0: no birth-death chain");
  }

  @Test
  void threeStrategiesGiveTheHandSolvedStationaryDistribution() throws Exception {
    // Payoff depends on own strategy only: v_A = 0, v_B = 1, v_C = 2; beta = ln 2; Z = 2.
    // With Z = 2, rho(m in r) = 1 / (1 + e^{-beta (v_m - v_r)}): B in A 2/3, A in B 1/3, C in A
    // 4/5,
    // A in C 1/5, C in B 2/3, B in C 1/3. T(a -> b) = rho / 2 (a mutant picks one of 2 others).
    // Detailed balance: pi_B = 2 pi_A (2/3 vs 1/3), pi_C = 4 pi_A (4/5 vs 1/5), so (1, 2, 4)/7.
    StringBuilder pay = new StringBuilder();
    String[] s = {"A", "B", "C"};
    for (int i = 0; i < 3; i++)
      for (int j = 0; j < 3; j++) {
        pay.append("    ")
            .append(s[i])
            .append(' ')
            .append(s[j])
            .append(": [")
            .append(i)
            .append(", ")
            .append(j)
            .append("]\n");
      }
    Game g =
        GameFixtures.load(
            "game:\n  name: three\n  populations: {pop: {size: 2, strategies: [A, B, C]}}\n"
                + "  slots: [pop, pop]\n  payoffs:\n"
                + pay
                + "  selection_intensity: "
                + Math.log(2)
                + "\n  mutation_rate: 0\n");
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    assertEquals(1.0 / 7, r.stationary()[0], 1e-14);
    assertEquals(2.0 / 7, r.stationary()[1], 1e-14);
    assertEquals(4.0 / 7, r.stationary()[2], 1e-14);
    assertEquals((2.0 / 3) / 2, r.transitions()[0][1], 1e-14);
    assertEquals((1.0 / 5) / 2, r.transitions()[2][0], 1e-14);
  }

  @Test
  void birthDeathChainWithMutationMatchesTheHandSolution() throws Exception {
    // Z = 2, mu = 1/2, beta = ln 2, A earns 1 and B 0 whatever the co-player: F(+1) = 2/3, F(-1) =
    // 1/3.
    // T+(0) = mu = 1/2; T-(1) = 1/2 [mu + (1-mu) * 1/1 * 1/3] = 1/3; T+(1) = 1/2 [1/2 + 1/2 * 2/3]
    // = 5/12;
    // T-(2) = mu = 1/2. pi1/pi0 = (1/2)/(1/3) = 3/2, pi2/pi1 = (5/12)/(1/2) = 5/6: pi = (4, 6,
    // 5)/15,
    // mean share of A = (6 * 1/2 + 5) / 15 = 8/15.
    Game g = GameFixtures.symmetric2x2(2, 1, 1, 0, 0, Math.log(2), 0.5);
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    assertNotNull(r.birthDeath());
    assertEquals(4.0 / 15, r.birthDeath()[0], 1e-14);
    assertEquals(6.0 / 15, r.birthDeath()[1], 1e-14);
    assertEquals(5.0 / 15, r.birthDeath()[2], 1e-14);
    assertEquals(8.0 / 15, r.sharesAtMutationRate()[0][0], 1e-14);
  }

  @Test
  void fixationIsComputedInLogSpaceForStrongSelectionInLargePopulations() throws Exception {
    // Constant disadvantage 1, beta = 10, Z = 1000: rho = (r - 1) / (r^Z - 1) with r = e^{10}, i.e.
    // log rho = 10 - 10000 + log(1 - e^{-10}) - log(1 - e^{-10000}) = -9990.0000454 (rho itself
    // underflows). The advantageous direction: rho = 1 - e^{-10} up to e^{-10000}.
    Game g = GameFixtures.symmetric2x2(1000, 1, 1, 0, 0, 10, 0);
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    double expected = 10 - 10000 + Math.log1p(-Math.exp(-10));
    for (ExactAnalysis.Fixation f : r.fixations()) {
      if (f.mutant() == 1) {
        assertEquals(expected, f.logRho(), 1e-9);
        assertEquals(0.0, f.rho());
      } else {
        assertEquals(-Math.expm1(-10), f.rho(), 1e-15);
      }
    }
  }

  @Test
  void threePopulationFixationsAreTheOneSlotClosedForms() throws Exception {
    // trust-regulation.yaml, one slot per population, so a focal's payoff does not depend on how
    // many
    // of its own population share its strategy: rho = (1 - e^{-beta d}) / (1 - e^{-beta d Z}) for a
    // constant advantage d. In state (CT, D, D) a regulating regulator gains bR - cR - v + b_fo = 8
    // over 0 (beta = 1, Z = 100): rho = (1 - e^{-8}) / (1 - e^{-800}). In (N, D, D) a conditional
    // truster earns 0 like N: neutral, rho = 1/100.
    Game g =
        GameFixtures.load(
            java.nio.file.Files.readString(
                java.nio.file.Path.of("scenarios/games/trust-regulation.yaml")));
    assertEquals(-Math.expm1(-8), ExactAnalysis.fixation(g, new int[] {2, 1, 1}, 2, 0), 1e-15);
    assertEquals(0.01, ExactAnalysis.fixation(g, new int[] {1, 1, 1}, 0, 2), 1e-15);
    // The embedded chain divides by P (S_p - 1): users have 3 strategies, so T((N,D,D) -> (CT,D,D))
    // = 0.01 / (3 * 2).
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    int ndd = 1 * 4 + 1 * 2 + 1;
    int ctdd = 2 * 4 + 1 * 2 + 1;
    assertEquals("N D D", r.stateName(ndd));
    assertEquals(0.01 / 6, r.transitions()[ndd][ctdd], 1e-15);
  }

  @Test
  void threePopulationsUnderNeutralDriftAreUniform() throws Exception {
    // beta = 0: every fixation is 1/Z, the chain is doubly stochastic, every state has 1/12.
    Game g =
        GameFixtures.load(
            java.nio.file.Files.readString(
                    java.nio.file.Path.of("scenarios/games/trust-regulation.yaml"))
                .replace("selection_intensity: 1", "selection_intensity: 0"));
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    assertEquals(12, r.stationary().length);
    for (double p : r.stationary()) assertEquals(1.0 / 12, p, 1e-14);
    assertEquals(1.0 / 3, r.shares()[0][2], 1e-14);
    assertEquals(0.5, r.shares()[2][0], 1e-14);
  }
}
