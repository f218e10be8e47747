package govsim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import govsim.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same scenario + same seed => byte-identical outputs, also for two runs in one JVM (issue 2 item
 * 6).
 */
class ReproducibilityTest {
  static final List<String> SMALL =
      List.of("--set", "users.count=5000", "--set", "time.horizon_days=200");

  @TempDir Path tmp;

  private Path run(String name, String seed, List<String> extra) {
    Path out = tmp.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "scenarios/baseline.yaml",
                "--seed",
                seed,
                "--out",
                out.toString(),
                "--quiet"));
    args.addAll(SMALL);
    args.addAll(extra);
    assertEquals(0, Main.execute(args.toArray(String[]::new)));
    return out;
  }

  @Test
  void sameSeedSameBytesTwiceInOneJvm() throws Exception {
    Path a = run("a", "7", List.of());
    Path b = run("b", "7", List.of());
    for (String f : List.of("timeseries.csv", "summary.csv", "events.csv", "risks.csv")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void anotherSeedGivesAnotherRun() throws Exception {
    Path a = run("a", "7", List.of());
    Path c = run("c", "8", List.of());
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(a.resolve("timeseries.csv")),
            Files.readAllBytes(c.resolve("timeseries.csv"))));
  }

  @Test
  void seedsDifferingOnlyInTheHigh32BitsGiveDifferentRuns() throws Exception {
    Path a = run("a", "5", List.of());
    Path c = run("c", Long.toString(5L + (1L << 32)), List.of());
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(a.resolve("events.csv")),
            Files.readAllBytes(c.resolve("events.csv"))));
  }

  @Test
  void aRunRestartedInTheSameModelObjectReplaysExactly() {
    GovSimModel m = new GovSimModel(small());
    m.start();
    while (!m.isDone()) m.stepOnce();
    int[] firstRun = m.world().users.firm.clone();
    int events = m.world().risks.size();
    m.finish();
    m.start();
    while (!m.isDone()) m.stepOnce();
    assertArrayEquals(firstRun, m.world().users.firm, "every user ends at the same provider");
    assertEquals(events, m.world().risks.size());
  }

  private static ModelSpec small() {
    try {
      return Scenarios.load(
              Path.of("scenarios/baseline.yaml"),
              List.of("users.count=2000", "time.horizon_days=100"))
          .config();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
