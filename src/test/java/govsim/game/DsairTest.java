package govsim.game;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published DSAIR thresholds (Han, Pereira, Santos & Lenaerts, JAIR 2020): the exact
 * small-mutation share of AS crosses 1/2 at p_r = 0.779, 0.834, 0.890 for s = 1.5, 2, 3.
 */
class DsairTest {
  static double share(double s, double pr) {
    try {
      Game g =
          GameFile.load(
                  Path.of("scenarios/games/dsair.yaml"),
                  List.of("game.parameters.s=" + s, "game.parameters.p_r=" + pr))
              .game();
      return ExactAnalysis.analyse(g).shares()[0][0];
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void thresholdsMatchThePaper() throws Exception {
    double[] speeds = {1.5, 2, 3};
    double[] paper = {0.779, 0.834, 0.890};
    for (int i = 0; i < speeds.length; i++) {
      double s = speeds[i];
      double x = Crossing.bisect(pr -> share(s, pr), 0.5, 0.5, 0.99, 1e-7);
      assertEquals(paper[i], x, 0.002, "s = " + s);
    }
  }

  @Test
  void theFileHoldsThePapersPayoffs() throws Exception {
    // s = 2, p_r = 0.5: pi(AS,AS) = -1 + 2 + 50 = 51; pi(AS,AU) = -1 + 4/3; pi(AU,AS) = 0.5 (200 +
    // 8/3);
    // pi(AU,AU) = 0.5 (100 + 2).
    Game g =
        GameFile.load(
                Path.of("scenarios/games/dsair.yaml"),
                List.of("game.parameters.s=2", "game.parameters.p_r=0.5"))
            .game();
    assertEquals(51, g.payoff(0, 0), 1e-12);
    assertEquals(-1 + 4.0 / 3, g.payoff(1, 0), 1e-12);
    assertEquals(0.5 * (200 + 8.0 / 3), g.payoff(1, 1), 1e-12);
    assertEquals(0.5 * (200 + 8.0 / 3), g.payoff(2, 0), 1e-12);
    assertEquals(0.5 * 102, g.payoff(3, 0), 1e-12);
    assertEquals(100, g.population(0).size());
    assertEquals(0.01, g.beta());
  }
}
