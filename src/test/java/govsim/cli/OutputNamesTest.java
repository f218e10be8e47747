package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.ChildGovsim.Child;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "writing outside results/": a scenario's or sweep's name is a safe file name, refused
 * with file:line:col and the key otherwise, and nothing is written. The commands run in a child JVM
 * inside a throw-away folder, so that even the old behaviour wrote only there.
 */
class OutputNamesTest {
  @TempDir Path tmp;

  Path work;
  ChildGovsim govsim;

  @BeforeEach
  void world() throws IOException {
    work = Files.createDirectories(tmp.resolve("box/work"));
    govsim = new ChildGovsim(work, Files.createDirectories(tmp.resolve("home")), tmp);
  }

  private Path scenario(String name) throws IOException {
    Path f = work.resolve("s.yaml");
    Files.writeString(
        f, "name: \"" + name + "\"\nusers:\n  count: 1500\ntime:\n  horizon_days: 40\n");
    return f;
  }

  /** Everything in the box but the working folder's two input files. */
  private long written() throws IOException {
    try (Stream<Path> s = Files.walk(tmp.resolve("box"))) {
      return s.filter(
              p ->
                  !p.equals(tmp.resolve("box"))
                      && !p.equals(work)
                      && !p.getFileName().toString().matches("s\\.yaml|sweep\\.yaml|g\\.yaml"))
          .count();
    }
  }

  @Test
  void scenarioNameWithParentStepsIsRefusedWithItsLine() throws Exception {
    scenario("../escaped");
    Child c = govsim.run("run", "s.yaml");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("s.yaml:1:7: name: expected a safe file name"), c.err());
    assertTrue(c.err().contains("found the string '../escaped'"), c.err());
    assertFalse(Files.exists(work.resolve("escaped")));
    assertEquals(0, written(), "nothing written");
  }

  @Test
  void scenarioNameThatClimbsAboveTheWorkingFolderIsRefused() throws Exception {
    scenario("../../x");
    Child c = govsim.run("compare", "s.yaml", "--regimes", "hybrid", "--reps", "2");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("s.yaml:1:7: name: expected a safe file name"), c.err());
    assertFalse(Files.exists(tmp.resolve("box/x")));
    assertEquals(0, written(), "nothing written");
  }

  @Test
  void nameGivenWithSetIsCheckedToo() throws Exception {
    scenario("fine");
    Child c = govsim.run("run", "s.yaml", "--set", "name=a/b");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("--set:1:6: name: expected a safe file name"), c.err());
    assertEquals(0, written(), "nothing written");
  }

  @Test
  void sweepNameWithParentStepsIsRefusedWithItsLine() throws Exception {
    scenario("fine");
    Files.writeString(
        work.resolve("sweep.yaml"),
        "base: s.yaml\nname: ../../out\ndesign: grid\nparameters:\n"
            + "  users.switching_cost_mean: [0.01, 0.5]\nreplications: 1\nregimes: [hybrid]\nseed: 3\n");
    Child c = govsim.run("sweep", "sweep.yaml", "--quiet");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("sweep.yaml:2:7: name: expected a safe file name"), c.err());
    assertFalse(c.err().contains("lock"), "no word of a lock path: " + c.err());
    assertEquals(0, written(), "nothing written");
  }

  @Test
  void safeNamesStillWriteUnderResults() throws Exception {
    scenario("my-run_2.v1");
    Child c = govsim.run("run", "s.yaml", "--quiet");
    assertEquals(0, c.code(), c.err());
    assertTrue(Files.isRegularFile(work.resolve("results/my-run_2.v1/seed-1/manifest.json")));
  }

  /** The first 8 hex digits of the SHA-256 of the lines: the documented folder suffix. */
  private static String tag(String... lines) throws Exception {
    byte[] d =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(d, 0, 4);
  }

  @Test
  void runsWithDifferentOverridesGetTheirOwnDefaultFolders() throws Exception {
    scenario("x");
    assertEquals(0, govsim.run("run", "s.yaml", "--quiet").code());
    Child set = govsim.run("run", "s.yaml", "--set", "users.count=1600", "--quiet");
    assertEquals(
        0, set.code(), "a run with an override does not collide with the plain one: " + set.err());
    assertTrue(Files.isRegularFile(work.resolve("results/x/seed-1/manifest.json")));
    assertTrue(
        Files.isRegularFile(
            work.resolve("results/x/seed-1-" + tag("users.count=1600") + "/manifest.json")));
    Child two =
        govsim.run(
            "run",
            "s.yaml",
            "--set",
            "users.count=1600",
            "--set",
            "regime=centralized",
            "--seed",
            "4",
            "--quiet");
    assertEquals(0, two.code(), two.err());
    assertTrue(
        Files.isDirectory(
            work.resolve("results/x/seed-4-" + tag("users.count=1600", "regime=centralized"))));
    // The same overrides again still meet their own folder.
    Child again = govsim.run("run", "s.yaml", "--set", "users.count=1600", "--quiet");
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().contains("already exists"), again.err());
  }

  @Test
  void comparisonsWithDifferentRegimesOrRepsGetTheirOwnDefaultFolders() throws Exception {
    scenario("x");
    Child c = govsim.run("compare", "s.yaml", "--regimes", "hybrid", "--reps", "2", "--quiet");
    assertEquals(0, c.code(), c.err());
    assertTrue(
        Files.isRegularFile(
            work.resolve(
                "results/x/compare-seed-1-"
                    + tag("--regimes hybrid", "--reps 2")
                    + "/comparison.csv")),
        c.out());
    Child d =
        govsim.run(
            "compare", "s.yaml", "--regimes", "hybrid", "--reps", "3", "--quiet", "--no-report");
    assertEquals(0, d.code(), d.err());
    assertTrue(
        Files.isDirectory(
            work.resolve("results/x/compare-seed-1-" + tag("--regimes hybrid", "--reps 3"))));
  }

  @Test
  void gameNameWithParentStepsIsRefusedWithItsLine() throws Exception {
    String text =
        Files.readString(Path.of("scenarios/games/dsair.yaml"))
            .replace("  name: dsair", "  name: ../../x");
    Files.writeString(work.resolve("g.yaml"), text);
    Child c = govsim.run("game", "g.yaml");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("g.yaml:14:9: game.name: expected a safe file name"), c.err());
    assertEquals(0, written(), "nothing written");
  }
}
