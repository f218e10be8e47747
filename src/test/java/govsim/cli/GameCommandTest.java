package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `govsim game` as a user meets it: the issue's example, the outputs, bad input, no overwriting.
 */
class GameCommandTest {
  @TempDir Path tmp;

  @Test
  void theIssuesExamplePrintsTheExactSharesAndWritesTheFolder() throws Exception {
    Path out = tmp.resolve("dsair");
    CliTest.Outcome o =
        CliTest.exec(
            "game",
            "scenarios/games/dsair.yaml",
            "--set",
            "game.parameters.s=2",
            "--set",
            "game.parameters.p_r=0.834",
            "--out",
            out.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("small-mutation limit"), o.out());
    assertTrue(o.out().matches("(?s).*firms\\s+AS\\s+0\\.5\\d*\\s+0\\.5\\d*.*"), o.out());
    for (String f :
        new String[] {
          "stationary.csv",
          "shares.csv",
          "fixation.csv",
          "transitions.csv",
          "payoffs.csv",
          "birth_death.csv",
          "game.resolved.yaml",
          "manifest.json"
        }) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    assertFalse(Files.exists(out.resolve("abm_shares.csv")), "no agent-based files without --abm");
    String shares = Files.readString(out.resolve("shares.csv"));
    assertTrue(
        shares.startsWith("population,strategy,share,share_at_mutation_rate\nfirms,AS,0.5"),
        shares);
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertTrue(
        manifest.contains("\"game_sha256\"") && manifest.contains("game.parameters.p_r=0.834"),
        manifest);
    assertEquals(101, Files.readAllLines(out.resolve("birth_death.csv")).size() - 1);
  }

  @Test
  void withAbmItRunsTheSeedsAndIsReproducible() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    String[] common = {
      "game",
      "scenarios/games/dsair.yaml",
      "--abm",
      "--seeds",
      "3",
      "--updates",
      "200000",
      "--set",
      "simulation.burn_in=1000",
      "--set",
      "simulation.record_every=50000"
    };
    CliTest.Outcome o = CliTest.exec(concat(common, "--out", a.toString(), "--threads", "1"));
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("agent-based mean [95% interval]"), o.out());
    assertEquals(
        0, CliTest.exec(concat(common, "--out", b.toString(), "--threads", "2", "--quiet")).code());
    for (String f :
        new String[] {"abm_shares.csv", "abm_runs.csv", "abm_timeseries.csv", "stationary.csv"}) {
      assertEquals(
          Files.readString(a.resolve(f)),
          Files.readString(b.resolve(f)),
          f + " differs between thread counts");
    }
    assertEquals(1 + 3 * 4, Files.readAllLines(a.resolve("abm_timeseries.csv")).size());
  }

  @Test
  void badGameFileExitsTwoWithTheLineAndWritesNothing() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad,
        "game:\n  name: x\n  populations: {p: {size: 5, strategies: [A, B]}}\n  slots: [p, p]\n"
            + "  payoffs:\n    A A: [1, 1]\n    A B: [\"1 +\", 0]\n  selection_intensity: 1\n  mutation_rate: 0\n");
    Path out = tmp.resolve("out");
    CliTest.Outcome o = CliTest.exec("game", bad.toString(), "--out", out.toString());
    assertEquals(2, o.code());
    assertTrue(
        o.err()
            .contains(
                bad
                    + ":6:5: game.payoffs: every strategy profile needs its payoffs; missing 2 of 4"),
        o.err());
    assertTrue(
        o.err().contains(bad + ":7:11: game.payoffs.A B[0]: cannot read the expression '1 +'"),
        o.err());
    assertFalse(o.err().contains("Exception"), o.err());
    assertFalse(Files.exists(out));
    CliTest.Outcome set =
        CliTest.exec(
            "game",
            "scenarios/games/dsair.yaml",
            "--set",
            "game.parameters.pr=0.8",
            "--out",
            out.toString());
    assertEquals(2, set.code());
    assertTrue(
        set.err().contains("unknown parameter 'pr'") && set.err().contains("did you mean 'p_r'?"),
        set.err());
  }

  @Test
  void varyAnalysesEveryValueAndFindsTheCrossing() throws Exception {
    // DSAIR, s = 1.5: the small-mutation share of AS crosses 1/2 at p_r = 0.778
    // (docs/validation.md, G1).
    Path out = tmp.resolve("vary");
    CliTest.Outcome o =
        CliTest.exec(
            "game",
            "scenarios/games/dsair.yaml",
            "--vary",
            "game.parameters.p_r=0.77:0.79:0.01",
            "--out",
            out.toString());
    assertEquals(0, o.code(), o.err());
    java.util.List<String> rows = Files.readAllLines(out.resolve("vary.csv"));
    assertEquals(
        "game.parameters.p_r,population,strategy,share,share_at_mutation_rate", rows.get(0));
    assertEquals(1 + 3 * 2, rows.size());
    double at077 = Double.parseDouble(rows.get(1).split(",")[3]);
    double at078 = Double.parseDouble(rows.get(3).split(",")[3]);
    assertTrue(
        rows.get(1).startsWith("0.77,firms,AS,") && rows.get(3).startsWith("0.78,firms,AS,"),
        rows.toString());
    assertTrue(at077 < 0.5 && at078 > 0.5, rows.toString());
    assertEquals(
        java.util.List.of("0.1", "0.2", "0.3"),
        GameCommand.VaryRange.parse("k=0.1:0.3:0.1").values());
    assertEquals(null, GameCommand.VaryRange.parse("k=1:0:0.1"));
    CliTest.Outcome bad =
        CliTest.exec(
            "game",
            "scenarios/games/dsair.yaml",
            "--vary",
            "game.parameters.p_r=0:1",
            "--out",
            tmp.resolve("v2").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--vary expects KEY=FROM:TO:STEP"), bad.err());
  }

  @Test
  void anExistingFolderIsNotOverwritten() throws Exception {
    Path out = tmp.resolve("taken");
    Files.createDirectories(out);
    Files.writeString(out.resolve("mine.txt"), "keep");
    CliTest.Outcome o = CliTest.exec("game", "scenarios/games/dsair.yaml", "--out", out.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("already exists"), o.err());
    assertEquals("keep", Files.readString(out.resolve("mine.txt")));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** --world runs the safety-race world per seed and prints its safe share beside the game. */
  @Test
  void withWorldItMeasuresTheSafeShareOfTheWorld() throws Exception {
    Path out = tmp.resolve("race");
    CliTest.Outcome o =
        CliTest.exec(
            "game",
            "scenarios/games/dsair.yaml",
            "--world",
            "scenarios/paper/safety-race.yaml",
            "--world-set",
            "users.count=500",
            "--world-set",
            "time.horizon_days=90",
            "--world-burn-in-days",
            "30",
            "--seeds",
            "2",
            "--out",
            out.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("World: long-run share of safe releases"), o.out());
    assertTrue(o.out().contains("n=2 seeds"), o.out());
    List<String> rows = Files.readAllLines(out.resolve("world_race.csv"));
    assertEquals(3, rows.size());
    assertEquals(
        "seed,mean_safe_share,final_safe_share,mean_active_firms,steps_with_posture_changes",
        rows.get(0));
    assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"burn_in_days\": 30"));
    CliTest.Outcome bad =
        CliTest.exec(
            "game",
            "scenarios/games/dsair.yaml",
            "--world",
            "scenarios/paper/safety-race.yaml",
            "--world-burn-in-days",
            "99999",
            "--out",
            tmp.resolve("bad").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--world-burn-in-days must be in [0, 7300)"), bad.err());
  }
}
