package govsim.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every game file shipped under scenarios/games/ loads, is analysed exactly and runs agent-based.
 */
class GameFilesTest {
  static Stream<Path> gameFiles() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("scenarios/games"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("gameFiles")
  void loadsAnalysesAndRuns(Path file) throws Exception {
    Game g = GameFile.load(file, List.of()).game();
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    double total = 0;
    for (double p : r.stationary()) total += p;
    assertEquals(1.0, total, 1e-12);
    for (int p = 0; p < g.populationCount(); p++) {
      double s = 0;
      for (double x : r.shares()[p]) s += x;
      assertEquals(1.0, s, 1e-12);
    }
    ImitationDynamics.Run run = new ImitationDynamics(g).run(11, 100_000, 10_000, 10_000);
    assertEquals(10, run.series().length);
    for (int p = 0; p < g.populationCount(); p++) {
      double s = 0;
      for (double x : run.meanShares()[p]) s += x;
      assertEquals(1.0, s, 1e-12);
    }
  }

  @Test
  void everyKeyOfTheShippedGamesIsCommented() throws IOException {
    // A key line (not a list item, not a profile continuation) must follow a comment line or carry
    // one.
    for (Path f : gameFiles().toList()) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#") || !line.matches("^\"?[A-Za-z_][^:]*\"?:.*"))
          continue;
        String before = lines.get(i - 1).strip();
        assertTrue(
            before.startsWith("#") || line.contains(" # "),
            f + ":" + (i + 1) + " has no comment: " + line);
      }
    }
  }
}
