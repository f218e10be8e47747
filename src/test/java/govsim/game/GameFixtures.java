package govsim.game;

import java.util.List;

/** Small games written as game files, for the tests. */
final class GameFixtures {
  private GameFixtures() {}

  static Game load(String yaml) {
    try {
      return GameFile.loadString(yaml, "test.yaml", List.of()).game();
    } catch (govsim.scenario.ScenarioException e) {
      throw new AssertionError(e.format(), e);
    }
  }

  /**
   * One population of {@code z}, two slots, strategies A and B; payoffs to the first slot a_aa,
   * a_ab, a_ba, a_bb and the mirror image to the second (a symmetric 2x2 game).
   */
  static Game symmetric2x2(
      int z, double aa, double ab, double ba, double bb, double beta, double mu) {
    return load(
        "game:\n  name: t\n  populations: {pop: {size: "
            + z
            + ", strategies: [A, B]}}\n"
            + "  slots: [pop, pop]\n  payoffs:\n"
            + "    A A: ["
            + aa
            + ", "
            + aa
            + "]\n    A B: ["
            + ab
            + ", "
            + ba
            + "]\n"
            + "    B A: ["
            + ba
            + ", "
            + ab
            + "]\n    B B: ["
            + bb
            + ", "
            + bb
            + "]\n"
            + "  selection_intensity: "
            + beta
            + "\n  mutation_rate: "
            + mu
            + "\n");
  }
}
