package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.CliTest;
import govsim.experiment.batch.Seeds;
import govsim.game.AgentBased;
import govsim.game.ExactAnalysis;
import govsim.game.Game;
import govsim.game.GameFile;
import govsim.observe.Num;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Game sweeps end to end (govsim sweep with game:): the grid, every point's exact and agent-based
 * values equal to govsim game's at that point with the point's seed, resume to the same bytes,
 * thread invariance, the report and the notebook, and bad input.
 */
class GameSweepTest {
  @TempDir Path tmp;

  private Path sweep(String parameters, String more) throws Exception {
    Path games = tmp.resolve("games");
    Files.createDirectories(games);
    Files.copy(
        Path.of("scenarios/games/dsair.yaml"),
        games.resolve("dsair.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path f = tmp.resolve("small.yaml");
    Files.writeString(
        f,
        "name: small\n"
            + "game: games/dsair.yaml\n"
            + "set: [simulation.seeds=3, simulation.updates=20000, simulation.burn_in=2000]\n"
            + "parameters:\n"
            + parameters
            + more);
    return f;
  }

  private Path standard() throws Exception {
    return sweep(
        "  game.parameters.s: [1.5, 2]\n  game.parameters.p_r: {min: 0.7, max: 0.9, levels: 3}\n",
        "abm: true\nseed: 7\n");
  }

  @Test
  void everyPointIsTheGameAtThatPointWithThePointsSeed() throws Exception {
    Path f = standard();
    Path out = tmp.resolve("out");
    CliTest.Outcome o = CliTest.exec("sweep", f.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, o.code(), o.err());
    List<String> lines = Files.readAllLines(out.resolve("points.csv"));
    assertEquals(
        "point,game.parameters.s,game.parameters.p_r,seed,population,strategy,share,"
            + "share_at_mutation_rate,abm_mean,abm_ci_low,abm_ci_high,abm_n,abm_exact,abm_exact_kind",
        lines.get(0));
    assertEquals(1 + 6 * 2, lines.size(), "2 x 3 points, two strategies each");
    // Point 4 is s = 2 (the first parameter varies slowest), p_r = 0.8.
    String[] row = lines.get(1 + 4 * 2).split(",");
    assertEquals("4", row[0]);
    assertEquals("2", row[1]);
    assertEquals("0.8", row[2]);
    long seed = Seeds.derive(7, "game.parameters.s=2;game.parameters.p_r=0.8");
    assertEquals(Long.toString(seed), row[3]);
    assertEquals("AS", row[5]);
    Game g =
        GameFile.load(
                tmp.resolve("games/dsair.yaml"),
                List.of(
                    "simulation.seeds=3",
                    "simulation.updates=20000",
                    "simulation.burn_in=2000",
                    "game.parameters.s=2",
                    "game.parameters.p_r=0.8"))
            .game();
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    assertEquals(Num.format(r.shares()[0][0]), row[6]);
    assertEquals(Num.format(r.sharesAtMutationRate()[0][0]), row[7]);
    long[] seeds = new long[3];
    for (int k = 0; k < 3; k++) seeds[k] = Seeds.derive(seed, "replication=" + k);
    AgentBased.Result sim = AgentBased.run(g, seeds, 1, false);
    assertEquals(Num.format(sim.shares()[0][0].mean()), row[8]);
    assertEquals(Num.format(sim.shares()[0][0].ciLow()), row[9]);
    assertEquals("3", row[11]);
    assertEquals("birth_death_at_mutation_rate", row[13]);
    // The exact share of AU is one minus that of AS.
    String[] au = lines.get(2 + 4 * 2).split(",");
    assertEquals(1.0, Double.parseDouble(row[6]) + Double.parseDouble(au[6]), 1e-9);
    assertEquals(1 + 6 * 3 * 2, Files.readAllLines(out.resolve("abm_runs.csv")).size());
    assertEquals(1 + 6 * 2, Files.readAllLines(out.resolve("stationary.csv")).size());
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertTrue(manifest.contains("\"kind\": \"game sweep\""), manifest);
    // The sweep wrote its report: one figure.
    assertTrue(Files.exists(out.resolve("report.html")));
    assertTrue(Files.exists(out.resolve("figures/stationary-shares.png")));
  }

  @Test
  void aResumedSweepWritesTheSameBytesAndThreadsDoNotMatter() throws Exception {
    Path f = standard();
    Path one = tmp.resolve("one");
    assertEquals(
        0,
        CliTest.exec(
                "sweep",
                f.toString(),
                "--out",
                one.toString(),
                "--quiet",
                "--threads",
                "1",
                "--no-report")
            .code());
    Path two = tmp.resolve("two");
    assertEquals(
        0,
        CliTest.exec(
                "sweep",
                f.toString(),
                "--out",
                two.toString(),
                "--quiet",
                "--threads",
                "2",
                "--no-report")
            .code());
    for (String file : List.of("points.csv", "stationary.csv", "abm_runs.csv"))
      assertArrayEquals(
          Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
    // As if killed after point 2: later points and the outputs are gone.
    byte[] before = Files.readAllBytes(one.resolve("points.csv"));
    for (int i = 3; i < 6; i++)
      Files.delete(GameSweepRunner.pointFile(one.resolve(".game-sweep/points"), i));
    Files.delete(one.resolve("points.csv"));
    CliTest.Outcome again =
        CliTest.exec("sweep", f.toString(), "--out", one.toString(), "--resume", "--no-report");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("(3 done already)"), again.out());
    assertArrayEquals(before, Files.readAllBytes(one.resolve("points.csv")));
    // Without --resume or --force an existing sweep is left alone.
    CliTest.Outcome refused = CliTest.exec("sweep", f.toString(), "--out", one.toString());
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("--resume"), refused.err());
    // A changed sweep file is not resumed.
    Files.writeString(f, Files.readString(f).replace("seed: 7", "seed: 8"));
    CliTest.Outcome changed =
        CliTest.exec("sweep", f.toString(), "--out", one.toString(), "--resume");
    assertEquals(2, changed.code());
    assertTrue(changed.err().contains("the sweep file changed"), changed.err());
  }

  @Test
  void theNotebookLoadsThePointsAndDrawsTheSameFigure() throws Exception {
    Path f = sweep("  game.parameters.p_r: [0.7, 0.8]\n", "abm: false\n");
    Path out = tmp.resolve("nb");
    assertEquals(0, CliTest.exec("sweep", f.toString(), "--out", out.toString(), "--quiet").code());
    Path nb = tmp.resolve("x.ipynb");
    CliTest.Outcome o = CliTest.exec("notebook", out.toString(), "--out", nb.toString());
    assertEquals(0, o.code(), o.err());
    String text = Files.readString(nb);
    assertTrue(text.contains("pd.read_csv(DATA / \\\"points.csv\\\")"), text);
    assertTrue(text.contains("share_at_mutation_rate"));
    // Exact only: no agent-based columns filled, no abm_runs.csv.
    assertFalse(Files.exists(out.resolve("abm_runs.csv")));
    String[] row = Files.readAllLines(out.resolve("points.csv")).get(1).split(",", -1);
    assertEquals("", row[7], "abm_mean empty without abm");
  }

  @Test
  void badInputIsReportedAtItsLineAndNothingIsWritten() throws Exception {
    Path f =
        sweep(
            "  game.selection_intensity: [0.01, -1]\n  game.parameters.q: [1]\n",
            "design: lhs\nabm: yes\n");
    Path out = tmp.resolve("bad");
    CliTest.Outcome o = CliTest.exec("sweep", f.toString(), "--out", out.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains(f + ":5:"), o.err()); // selection_intensity's line
    assertTrue(o.err().contains("game.selection_intensity = -1: "), o.err());
    assertTrue(o.err().contains(f + ":6:"), o.err()); // q's line
    assertTrue(o.err().contains("expected grid"), o.err());
    assertTrue(o.err().contains("expected true or false"), o.err());
    assertFalse(Files.exists(out));
    Path ok = standard();
    CliTest.Outcome shard = CliTest.exec("sweep", ok.toString(), "--shard", "1/2");
    assertEquals(2, shard.code());
    assertTrue(shard.err().contains("game sweep"), shard.err());
  }
}
