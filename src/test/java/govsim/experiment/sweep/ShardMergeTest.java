package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.SingleRun;
import govsim.experiment.TinyWorld;
import govsim.experiment.batch.ModelRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HPC job arrays (issue 7): a sweep run as N shards ({@code --shard i/N}) and merged ({@code govsim
 * merge}) writes the same bytes as the sweep run whole; merge refuses folders that are not exactly
 * the N complete shards of one sweep, and says which and why.
 */
class ShardMergeTest {
  @TempDir Path tmp;

  /** Runs one shard in-process (like {@code govsim sweep SWEEP --shard i/N --out DIR}). */
  static SweepFixtures.Run shard(
      Path sweep, Path out, Shard shard, ModelRunner model, String... flags) {
    List<String> f = List.of(flags);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    SweepExecution.Status s =
        SweepExecution.execute(
            new SweepExecution.Request(
                sweep,
                out,
                1,
                f.contains("--resume"),
                f.contains("--retry-failed"),
                false,
                f.contains("--force"),
                true,
                false,
                List.of("test"),
                SweepExecution.LOCAL,
                null,
                shard),
            new PrintWriter(o, true),
            new PrintWriter(e, true),
            model);
    return new SweepFixtures.Run(s, o.toString(), e.toString());
  }

  /** Runs shards 1..n of the sweep into tmp/name-i; returns the folders. */
  private List<Path> shards(Path sweep, String name, int n, ModelRunner model) {
    List<Path> dirs = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Path d = tmp.resolve(name + "-" + i);
      SweepFixtures.Run r = shard(sweep, d, new Shard(i, n), model);
      assertTrue(
          r.status() == SweepExecution.Status.OK || r.status() == SweepExecution.Status.RUNS_FAILED,
          r.err());
      dirs.add(d);
    }
    return dirs;
  }

  private static SweepMerge.Result merge(List<Path> dirs, Path out, String... flags)
      throws Exception {
    return SweepMerge.merge(
        new SweepMerge.Options(
            dirs, out, null, List.of(flags).contains("--force"), List.of("test")),
        new PrintWriter(new StringWriter()));
  }

  /** The message of the refusal of merging dirs into out. */
  private static String refusal(List<Path> dirs, Path out) {
    return assertThrows(SweepRunner.Refused.class, () -> merge(dirs, out)).getMessage();
  }

  @Test
  void shardsAreDisjointAndCoverEveryRun() {
    for (int n = 1; n <= 7; n++) {
      BitSet seen = new BitSet();
      int total = 0;
      for (int i = 1; i <= n; i++) {
        Shard s = new Shard(i, n);
        int size = 0;
        for (int r = 0; r < 23; r++) {
          if (!s.contains(r)) continue;
          assertFalse(seen.get(r), "run " + r + " is in two shards");
          seen.set(r);
          size++;
        }
        assertEquals(size, s.size(23), s.toString());
        total += size;
      }
      assertEquals(23, total);
      assertEquals(23, seen.cardinality());
    }
    assertEquals(new Shard(3, 8), Shard.parse(" 3/8 "));
    assertTrue(
        new Shard(1, 4).contains(0) && new Shard(2, 4).contains(5),
        "run r is in shard (r mod N) + 1");
    for (String bad : List.of("0/4", "5/4", "3", "a/b", "-1/4", "1/0", "1/4/2", "")) {
      assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
    }
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/4"))
            .getMessage()
            .contains("shards are numbered from 1"));
  }

  @Test
  void mergedShardsWriteTheSameBytesAsTheWholeSweep() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path whole = tmp.resolve("whole");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, whole, 2, ModelRunner.SINGLE_RUN).status());

    List<Path> dirs = shards(sweep, "shard", 3, ModelRunner.SINGLE_RUN);
    assertEquals(
        List.of("shard.json"),
        TinyWorld.files(dirs.get(0)),
        "a shard writes no outputs of its own");
    assertTrue(Files.readString(dirs.get(1).resolve("shard.json")).contains("\"shard\": \"2/3\""));
    assertEquals(
        5,
        KillAndResumeTest.completeRecords(dirs.get(2).resolve(".sweep/journal")),
        "runs 2, 5, 8, 11, 14");

    Path merged = tmp.resolve("merged");
    SweepMerge.Result r =
        merge(List.of(dirs.get(2), dirs.get(0), dirs.get(1)), merged); // any order
    assertEquals(16, r.runs());
    assertEquals(0, r.failed());
    SweepRunnerTest.assertSameResults(merged, whole);
    assertEquals(TinyWorld.files(whole), TinyWorld.files(merged));
    assertTrue(Files.readString(merged.resolve("manifest.json")).contains("\"merged_from\""));
    assertFalse(
        Files.exists(merged.resolve(".sweep/journal")),
        "no failures: the journal is dropped, as in a sweep");
    assertEquals(
        5,
        KillAndResumeTest.completeRecords(dirs.get(2).resolve(".sweep/journal")),
        "shards are left alone");

    // The merged folder is a complete sweep folder: resuming it says so.
    SweepFixtures.Run again =
        SweepFixtures.execute(sweep, merged, 1, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.OK, again.status(), again.err());
    assertTrue(again.err().contains("already complete"), again.err());
  }

  @Test
  void mergedShardsOfASobolSweepGiveTheSameIndices() throws Exception {
    Path sweep =
        SweepFixtures.write(
            tmp,
            """
        base: tiny.yaml
        design: sobol
        samples: 4
        parameters:
          users.switching_cost_mean: {min: 0.01, max: 1, log: true}
          users.info_weak_share: {min: 0, max: 0.5}
        seed: 5
        bootstrap: 50
        metrics: [harm_total, compliance_rate]
        """);
    Path whole = tmp.resolve("whole");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, whole, 2, ModelRunner.SINGLE_RUN).status());
    Path merged = tmp.resolve("merged");
    merge(shards(sweep, "sobol", 5, ModelRunner.SINGLE_RUN), merged);
    SweepRunnerTest.assertSameResults(merged, whole);
    assertTrue(
        java.util.Arrays.equals(
            Files.readAllBytes(whole.resolve("sobol.csv")),
            Files.readAllBytes(merged.resolve("sobol.csv"))),
        "sobol.csv");
  }

  @Test
  void aShardResumesItsOwnRunsOnlyAndDefaultsToASiblingFolder() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    SweepPlan plan = SweepFixtures.plan(sweep);
    long bad = plan.run(5).seed();
    ModelRunner failing =
        (spec, listener) -> {
          if (spec.seed() == bad && spec.regime() == govsim.model.Regime.HYBRID)
            throw new IllegalStateException("boom");
          return SingleRun.run(spec, listener);
        };
    Path d = tmp.resolve("s2");
    SweepFixtures.Run first = shard(sweep, d, new Shard(2, 4), failing);
    assertEquals(SweepExecution.Status.RUNS_FAILED, first.status(), first.err());
    assertTrue(
        first.err().contains("1 of 4 runs failed") && first.err().contains("--shard 2/4"),
        first.err());
    SweepFixtures.Run retry =
        shard(sweep, d, new Shard(2, 4), ModelRunner.SINGLE_RUN, "--retry-failed");
    assertEquals(SweepExecution.Status.OK, retry.status(), retry.err());
    assertTrue(retry.out().contains("shard 2/4: 4 runs (1 this session, 0 failed)"), retry.out());

    SweepFixtures.Run other = shard(sweep, d, new Shard(3, 4), ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.BAD_INPUT, other.status());
    assertTrue(
        other.err().contains("the folder holds shard 2/4 of this sweep, not shard 3/4"),
        other.err());
    SweepFixtures.Run whole =
        SweepFixtures.execute(sweep, d, 1, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.BAD_INPUT, whole.status());
    assertTrue(whole.err().contains("not the whole sweep"), whole.err());

    SweepRunner runner = new SweepRunner(plan, ModelRunner.SINGLE_RUN);
    assertEquals(
        Path.of("results", "tiny", "sweep-sweep-shard-2-of-4"),
        runner.defaultFolder(new Shard(2, 4)));
    assertEquals(Path.of("results", "tiny", "sweep-sweep"), runner.defaultFolder());
  }

  @Test
  void mergedFailuresAreThoseOfTheWholeSweepAndRetryInTheMergedFolder() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    long bad = SweepFixtures.plan(sweep).run(6).seed();
    ModelRunner failing =
        (spec, listener) -> {
          if (spec.seed() == bad) throw new IllegalStateException("injected failure");
          return SingleRun.run(spec, listener);
        };
    Path whole = tmp.resolve("whole");
    assertEquals(
        SweepExecution.Status.RUNS_FAILED,
        SweepFixtures.execute(sweep, whole, 2, failing).status());
    Path merged = tmp.resolve("merged");
    SweepMerge.Result r = merge(shards(sweep, "s", 2, failing), merged);
    assertEquals(2, r.failed(), "both regimes of the failing seed");
    SweepRunnerTest.assertSameResults(merged, whole);

    SweepFixtures.Run retry =
        SweepFixtures.execute(sweep, merged, 2, ModelRunner.SINGLE_RUN, "--retry-failed");
    assertEquals(SweepExecution.Status.OK, retry.status(), retry.err());
    assertTrue(retry.out().contains("16 runs (2 this session, 0 failed)"), retry.out());
    Path clean = tmp.resolve("clean");
    SweepFixtures.execute(sweep, clean, 2, ModelRunner.SINGLE_RUN);
    SweepRunnerTest.assertSameResults(merged, clean);
  }

  @Test
  void mergeRefusesShardsThatAreNotTheShardsOfOneSweep() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    List<Path> three = shards(sweep, "three", 3, ModelRunner.SINGLE_RUN);
    List<Path> two = shards(sweep, "two", 2, ModelRunner.SINGLE_RUN);
    Path out = tmp.resolve("out");

    String counts = refusal(List.of(three.get(0), two.get(1)), out);
    assertTrue(
        counts.contains(three.get(0) + " (shard 1/3) and " + two.get(1) + " (shard 2/2)")
            && counts.contains("different numbers of shards (3 and 2)"),
        counts);

    Path copy = tmp.resolve("copy-of-2");
    shard(sweep, copy, new Shard(2, 3), ModelRunner.SINGLE_RUN);
    String overlap = refusal(List.of(three.get(0), three.get(1), copy, three.get(2)), out);
    assertTrue(
        overlap.contains(
            three.get(1) + " and " + copy + " both hold shard 2/3 (overlapping shards)"),
        overlap);

    String missing = refusal(List.of(three.get(0), three.get(2)), out);
    assertTrue(missing.contains("shard 2/3 is missing (given 2 of 3)"), missing);

    Path otherDir = tmp.resolve("other");
    Path otherSweep =
        SweepFixtures.write(otherDir, SweepFixtures.GRID.replace("seed: 9", "seed: 10"));
    Path foreign = tmp.resolve("foreign-3");
    shard(otherSweep, foreign, new Shard(3, 3), ModelRunner.SINGLE_RUN);
    String sweeps = refusal(List.of(three.get(0), three.get(1), foreign), out);
    assertTrue(sweeps.contains("were run from different sweep files (" + sweep), sweeps);

    Path whole = tmp.resolve("whole");
    SweepFixtures.execute(sweep, whole, 2, ModelRunner.SINGLE_RUN);
    String notShard = refusal(List.of(three.get(0), whole), out);
    assertTrue(
        notShard.contains(whole + " holds a whole sweep (run without --shard), not a shard"),
        notShard);
    String empty = refusal(List.of(three.get(0), tmp), out);
    assertTrue(empty.contains(tmp + " is not a shard folder"), empty);

    String inside = refusal(three, tmp);
    assertTrue(inside.contains("the output folder " + tmp + " contains the shard folder"), inside);

    Path state = three.get(1).resolve(".sweep/state.json");
    String original = Files.readString(state);
    Files.writeString(state, original.replace("\"complete\": true", "\"complete\": false"));
    String incomplete = refusal(three, out);
    assertTrue(
        incomplete.contains(
            "shard 2/3 in "
                + three.get(1)
                + " is incomplete (5 of 5 runs done); finish it"
                + " with: govsim sweep "
                + sweep
                + " --shard 2/3 --out "
                + three.get(1)
                + " --resume"),
        incomplete);
    Files.writeString(state, original);

    Files.writeString(sweep, SweepFixtures.GRID + "# edited after the shards ran\n");
    String changed = refusal(three, out);
    assertTrue(
        changed.contains(
            "cannot merge the shards of "
                + sweep
                + ": the sweep file "
                + sweep
                + " changed since the sweep started"),
        changed);
    Files.writeString(sweep, SweepFixtures.GRID);

    assertFalse(Files.exists(out), "nothing is written when a merge is refused");
    merge(three, out);
    String again = refusal(three, out);
    assertTrue(again.contains("already holds a sweep; use --force"), again);
    merge(three, out, "--force");
  }
}
