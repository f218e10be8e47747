package govsim.game;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Finite-population expected payoffs, co-players drawn without replacement, against hand sums. */
class FinitePayoffTest {
  @Test
  void pairwiseGameIsTheTextbookFormula() {
    // Prisoner's dilemma R = 3, S = 0, T = 5, P = 1; Z = 5 with k = 2 cooperators.
    // f_C(2) = [(k-1) R + (Z-k) S] / (Z-1) = (1*3 + 3*0)/4 = 0.75
    // f_D(2) = [k T + (Z-k-1) P] / (Z-1) = (2*5 + 2*1)/4 = 3
    Game g = GameFixtures.symmetric2x2(5, 3, 0, 5, 1, 1, 0);
    FinitePayoff f = new FinitePayoff(g);
    int[][] n = {{2, 3}};
    assertEquals(0.75, f.of(0, 0, n), 1e-15);
    assertEquals(3.0, f.of(0, 1, n), 1e-15);
  }

  @Test
  void threeSlotsFromOnePopulationAreHypergeometric() {
    // Each co-player playing C gives the focal player 1. Z = 4, 2 C and 2 D.
    // Focal C: the 3 others are 1 C and 2 D; 2 drawn without replacement: E[#C] = 2 * 1/3 = 2/3.
    // Focal D: the others are 2 C and 1 D: E[#C] = 2 * 2/3 = 4/3.
    StringBuilder pay = new StringBuilder();
    String[] s = {"C", "D"};
    for (String a : s)
      for (String b : s)
        for (String c : s) {
          int ca = a.equals("C") ? 1 : 0;
          int cb = b.equals("C") ? 1 : 0;
          int cc = c.equals("C") ? 1 : 0;
          pay.append("    ")
              .append(a)
              .append(' ')
              .append(b)
              .append(' ')
              .append(c)
              .append(": [")
              .append(cb + cc)
              .append(", ")
              .append(ca + cc)
              .append(", ")
              .append(ca + cb)
              .append("]\n");
        }
    Game g =
        GameFixtures.load(
            "game:\n  name: pg\n  populations: {pop: {size: 4, strategies: [C, D]}}\n"
                + "  slots: [pop, pop, pop]\n  payoffs:\n"
                + pay
                + "  selection_intensity: 1\n  mutation_rate: 0\n");
    FinitePayoff f = new FinitePayoff(g);
    int[][] n = {{2, 2}};
    assertEquals(2.0 / 3, f.of(0, 0, n), 1e-15);
    assertEquals(4.0 / 3, f.of(0, 1, n), 1e-15);
  }

  @Test
  void aSlotFromAnotherPopulationTakesItsComposition() {
    // Two populations, one slot each; row player gets 10 against X and 1 against Y.
    // Column population monomorphic in X: the row player gets 10 whatever its strategy.
    // Column population 1 X and 3 Y: 10 * 1/4 + 1 * 3/4 = 3.25.
    Game g =
        GameFixtures.load(
            "game:\n  name: bi\n  populations:\n    rows: {size: 3, strategies: [U, V]}\n"
                + "    cols: {size: 4, strategies: [X, Y]}\n  slots: [rows, cols]\n  payoffs:\n"
                + "    U X: [10, 0]\n    U Y: [1, 0]\n    V X: [10, 0]\n    V Y: [1, 0]\n"
                + "  selection_intensity: 1\n  mutation_rate: 0\n");
    FinitePayoff f = new FinitePayoff(g);
    assertEquals(10.0, f.of(0, 0, new int[][] {{2, 1}, {4, 0}}), 1e-15);
    assertEquals(3.25, f.of(0, 1, new int[][] {{2, 1}, {1, 3}}), 1e-15);
  }
}
