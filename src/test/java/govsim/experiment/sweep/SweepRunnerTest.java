package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.SingleRun;
import govsim.experiment.TinyWorld;
import govsim.experiment.batch.ModelRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * govsim sweep in-process on tiny worlds: thread invariance, failed runs and --retry-failed,
 * refused resumes, the folder lock, --dry-run. (Kill -9 and resume: {@link KillAndResumeTest}.)
 */
class SweepRunnerTest {
  @TempDir Path tmp;

  static void assertSameResults(Path a, Path b) throws Exception {
    for (String f : SweepFixtures.deterministicFiles()) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    assertEquals(
        TinyWorld.manifestWithout(a.resolve("manifest.json"), List.of("session")),
        TinyWorld.manifestWithout(b.resolve("manifest.json"), List.of("session")));
  }

  @Test
  void oneAndTwoThreadsWriteTheSameBytes() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    SweepFixtures.Run one =
        SweepFixtures.execute(sweep, tmp.resolve("one"), 1, ModelRunner.SINGLE_RUN);
    SweepFixtures.Run two =
        SweepFixtures.execute(sweep, tmp.resolve("two"), 2, ModelRunner.SINGLE_RUN);
    assertEquals(SweepExecution.Status.OK, one.status(), one.err());
    assertEquals(SweepExecution.Status.OK, two.status(), two.err());
    assertSameResults(tmp.resolve("one"), tmp.resolve("two"));
    List<String> runs = Files.readAllLines(tmp.resolve("one/runs.csv"));
    assertEquals(17, runs.size());
    assertTrue(
        runs.get(0)
            .startsWith(
                "run,point,users.switching_cost_mean,rulemaking.legislative_lag_days,regime,"
                    + "replication,seed,status,harm_total,"),
        runs.get(0));
    assertEquals(
        List.of(
            "aggregate.csv",
            "ema_results.tar.gz",
            "experiments.csv",
            "manifest.json",
            "outcomes.csv",
            "runs.csv",
            "runs.parquet",
            "timeseries.csv.gz",
            "timeseries.parquet",
            "timings.csv"),
        TinyWorld.files(tmp.resolve("one")));
    // aggregate: 4 points x 2 regimes x 3 metrics
    assertEquals(1 + 4 * 2 * 3, Files.readAllLines(tmp.resolve("one/aggregate.csv")).size());
    assertEquals(
        "harm_total,compliance_rate,governance_gap_days_mean",
        Files.readAllLines(tmp.resolve("one/outcomes.csv")).get(0));
    assertTrue(
        Files.exists(tmp.resolve("one/.sweep/journal")),
        "the journal is kept: damaged outputs are written again from it");
  }

  @Test
  void aThrowingRunIsRecordedAndRetriedWithItsSeed() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    SweepPlan plan = SweepFixtures.plan(sweep);
    long badSeed = plan.run(5).seed();
    // The injection hook: a model runner that throws for one seed (and one regime).
    ModelRunner failing =
        (spec, listener) -> {
          if (spec.seed() == badSeed && spec.regime() == govsim.model.Regime.HYBRID) {
            throw new IllegalStateException("injected failure");
          }
          return SingleRun.run(spec, listener);
        };
    Path out = tmp.resolve("out");
    SweepFixtures.Run first = SweepFixtures.execute(sweep, out, 2, failing);
    assertEquals(SweepExecution.Status.RUNS_FAILED, first.status());
    assertTrue(first.err().contains("1 of 16 runs failed"), first.err());
    String row = Files.readAllLines(out.resolve("runs.csv")).get(1 + 5);
    assertTrue(
        row.startsWith("5,")
            && row.contains("," + badSeed + ",failed,")
            && row.endsWith(",injected failure"),
        row);
    assertEquals(15, Files.readAllLines(out.resolve("outcomes.csv")).size() - 1);
    assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"runs_failed\": 1"));

    SweepFixtures.Run again = SweepFixtures.execute(sweep, out, 2, failing, "--resume");
    assertEquals(
        SweepExecution.Status.RUNS_FAILED, again.status(), "--resume leaves failed runs failed");
    assertTrue(again.err().contains("already complete"), again.err());

    SweepFixtures.Run retry =
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--retry-failed");
    assertEquals(SweepExecution.Status.OK, retry.status(), retry.err());
    assertTrue(retry.out().contains("16 runs (1 this session, 0 failed)"), retry.out());
    SweepFixtures.execute(sweep, tmp.resolve("clean"), 1, ModelRunner.SINGLE_RUN);
    assertSameResults(out, tmp.resolve("clean"));
  }

  @Test
  void resumingWithChangedInputsIsRefusedWithTheReason() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN).status());

    SweepFixtures.Run noFlag = SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN);
    assertEquals(SweepExecution.Status.BAD_INPUT, noFlag.status());
    assertTrue(
        noFlag.err().contains("already holds a sweep (complete); use --resume"), noFlag.err());

    Files.writeString(sweep, SweepFixtures.GRID + "# an edit\n");
    SweepFixtures.Run edited =
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.BAD_INPUT, edited.status());
    assertTrue(
        edited
            .err()
            .contains(
                "cannot resume the sweep in "
                    + out
                    + ": the sweep file "
                    + sweep
                    + " changed since the sweep started"),
        edited.err());
    Files.writeString(sweep, SweepFixtures.GRID);

    Path scenario = tmp.resolve("tiny.yaml");
    Files.writeString(scenario, Files.readString(scenario) + "description: changed\n");
    SweepFixtures.Run scenarioEdited =
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.BAD_INPUT, scenarioEdited.status());
    assertTrue(
        scenarioEdited.err().contains("the scenario file " + scenario + " changed"),
        scenarioEdited.err());
    TinyWorld.scenario(tmp, "tiny.yaml", 1500, 60);

    Path state = out.resolve(".sweep/state.json");
    String original = Files.readString(state);
    Files.writeString(
        state, original.replaceFirst("\"gitCommit\": \"[^\"]*\"", "\"gitCommit\": \"0000000\""));
    SweepFixtures.Run version =
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.BAD_INPUT, version.status());
    assertTrue(version.err().contains("govsim changed since the sweep started"), version.err());
    Files.writeString(state, original);

    SweepFixtures.Run same =
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.OK, same.status(), same.err());
    assertTrue(same.err().contains("already complete"), same.err());
  }

  @Test
  void twoSweepsCannotWriteOneFolder() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ModelRunner blocking =
        (spec, listener) -> {
          running.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return SingleRun.run(spec, listener);
        };
    SweepFixtures.Run[] first = new SweepFixtures.Run[1];
    Thread t = new Thread(() -> first[0] = SweepFixtures.execute(sweep, out, 2, blocking));
    t.start();
    assertTrue(running.await(30, TimeUnit.SECONDS));
    SweepFixtures.Run second =
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--resume");
    release.countDown();
    t.join(60_000);
    assertEquals(SweepExecution.Status.BAD_INPUT, second.status());
    assertTrue(second.err().contains("another govsim sweep is writing " + out), second.err());
    assertEquals(SweepExecution.Status.OK, first[0].status(), first[0].err());
  }

  @Test
  void dryRunPlansAndEstimatesButWritesNothing() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    SweepFixtures.Run r = SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--dry-run");
    assertEquals(SweepExecution.Status.OK, r.status(), r.err());
    assertTrue(
        r.out().contains("runs:           16 (4 points x 2 replications x 2 regimes)"), r.out());
    assertTrue(r.out().contains("estimated time: about"), r.out());
    assertFalse(Files.exists(out));
  }

  @Test
  void aFolderThatIsNotASweepIsLeftAlone() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "mine");
    SweepFixtures.Run r = SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN);
    assertEquals(SweepExecution.Status.BAD_INPUT, r.status());
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    // --force replaces only what govsim wrote (issue 17): the user's folder is refused too.
    SweepFixtures.Run forced =
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--force");
    assertEquals(SweepExecution.Status.BAD_INPUT, forced.status());
    assertTrue(forced.err().contains("holds files that govsim did not write"), forced.err());
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    assertFalse(Files.exists(out.resolve(SweepRunner.WORK)), "nothing written into it");
    // A folder govsim wrote (a run's manifest) is replaced.
    Files.delete(out.resolve("notes.txt"));
    Files.writeString(out.resolve("manifest.json"), "{\"govsim_version\": \"0.1\"}\n");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--force").status());
    assertTrue(Files.isRegularFile(out.resolve("runs.csv")));
  }
}
