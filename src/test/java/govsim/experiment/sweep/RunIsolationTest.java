package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.Deadline;
import govsim.experiment.SingleRun;
import govsim.experiment.batch.ModelRunner;
import govsim.model.ModelSpec;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, items 4 and 6, for sweeps: one run cannot take the sweep down (heap, time-out), a
 * finished sweep notices damaged outputs, a damaged state file gets one clear message, and errors
 * of the disk say whether resuming can help.
 */
class RunIsolationTest {
  @TempDir Path tmp;

  private static final String THREE_POINTS =
      """
      base: tiny.yaml
      design: grid
      parameters:
        users.count: [1500, 20000000, 1600]
      replications: 1
      regimes: [centralized]
      seed: 9
      metrics: [harm_total]
      record_every_steps: 20
      """;

  /**
   * Runs {@code govsim.cli.Main} in a child JVM with the test's class path; returns exit code and
   * output.
   */
  static String[] child(Path log, List<String> jvm, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "govsim.cli.Main"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child did not finish: " + Files.readString(log));
    }
    return new String[] {Integer.toString(p.exitValue()), Files.readString(log)};
  }

  @Test
  @Timeout(60)
  void aRunThatExhaustsA200MiBHeapFailsAloneAndTheOthersFinish() throws Exception {
    // Before: a 15-line OutOfMemoryError trace, no runs.csv, the third run never ran.
    Path sweep = SweepFixtures.write(tmp, THREE_POINTS);
    Path out = tmp.resolve("out");
    String[] r =
        child(
            tmp.resolve("child.log"),
            List.of("-Xmx200m"),
            "sweep",
            sweep.toString(),
            "--out",
            out.toString(),
            "--threads",
            "1",
            "--quiet",
            "--no-report");
    assertEquals("3", r[0], r[1]);
    assertFalse(
        r[1].contains("Exception") || r[1].contains("Error") || r[1].contains("\tat "), r[1]);
    assertTrue(r[1].contains("1 of 3 runs failed"), r[1]);
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    assertEquals(4, runs.size());
    assertTrue(
        runs.get(1).startsWith("0,0,1500,centralized,0,") && runs.get(1).contains(",ok,"),
        runs.get(1));
    assertTrue(
        runs.get(3).startsWith("2,2,1600,centralized,0,") && runs.get(3).contains(",ok,"),
        runs.get(3));
    String failed = runs.get(2);
    long seed = SweepFixtures.plan(sweep).run(1).seed();
    assertTrue(failed.startsWith("1,1,20000000,centralized,0," + seed + ",failed,"), failed);
    assertTrue(
        failed.endsWith(
            ",\"the run needs about 352 MiB of memory for its 20,000,000 users (18 bytes a user"
                + " plus 8 MiB), more than the 160 MiB that runs may use in this Java heap of 200 MiB; give Java more memory,"
                + " e.g. GOVSIM_JAVA_OPTS=-Xmx512m, or use fewer users\""),
        failed);
  }

  /**
   * A model that never finishes for seed {@code slowSeed} (it checks the deadline as the model
   * does).
   */
  private static ModelRunner stuckFor(long slowSeed) {
    return new ModelRunner() {
      @Override
      public RunResult run(ModelSpec spec, RunListener listener) {
        return SingleRun.run(spec, listener);
      }

      @Override
      public RunResult run(ModelSpec spec, RunListener listener, Deadline deadline) {
        if (spec.seed() != slowSeed) return SingleRun.run(spec, listener, deadline);
        for (int day = 0; ; day++) {
          deadline.check(day, spec.time().horizonDays());
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  private static SweepFixtures.Run execute(
      Path sweep, Path out, Duration timeout, ModelRunner model, boolean retry) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    SweepExecution.Status s =
        SweepExecution.execute(
            new SweepExecution.Request(
                sweep,
                out,
                2,
                false,
                retry,
                false,
                false,
                true,
                false,
                List.of("test"),
                SweepExecution.LOCAL,
                null,
                null,
                false,
                timeout,
                null),
            new PrintWriter(o, true),
            new PrintWriter(e, true),
            model);
    return new SweepFixtures.Run(s, o.toString(), e.toString());
  }

  @Test
  @Timeout(60)
  void aRunPastTheRunTimeoutIsRecordedFailedAndRetryFailedRerunsExactlyIt() throws Exception {
    // Before: no run time-out existed, so a stuck run held the sweep forever.
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path reference = tmp.resolve("reference");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, reference, 2, ModelRunner.SINGLE_RUN).status());
    long stuckSeed =
        SweepFixtures.plan(sweep).run(5).seed(); // point 1, replication 0: runs 4 and 5
    Path out = tmp.resolve("out");
    SweepFixtures.Run first =
        execute(sweep, out, Duration.ofMillis(300), stuckFor(stuckSeed), false);
    assertEquals(SweepExecution.Status.RUNS_FAILED, first.status(), first.err());
    assertTrue(first.err().contains("2 of 16 runs failed"), first.err());
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    for (int run : new int[] {4, 5}) {
      String row = runs.get(run + 1);
      assertTrue(row.contains("," + stuckSeed + ",failed,"), row);
      assertTrue(
          row.matches(
              ".*,exceeded the run time-out of 300 ms at day \\d+ of 60; rerun it with a larger"
                  + " --run-timeout \\(--retry-failed reruns exactly the failed runs of a sweep\\)$"),
          row);
    }
    assertEquals(14, runs.stream().filter(l -> l.contains(",ok,")).count());

    List<Long> rerun = new java.util.concurrent.CopyOnWriteArrayList<>();
    ModelRunner watching =
        (spec, listener) -> {
          rerun.add(spec.seed());
          return SingleRun.run(spec, listener);
        };
    SweepFixtures.Run retried = execute(sweep, out, null, watching, true);
    assertEquals(SweepExecution.Status.OK, retried.status(), retried.err());
    assertEquals(
        List.of(stuckSeed, stuckSeed), rerun, "exactly the two failed runs, with their seed");
    SweepRunnerTest.assertSameResults(out, reference);
  }

  @Test
  void aFinishedSweepWithATruncatedOrDeletedOutputWritesItAgainOnResume() throws Exception {
    // Before: "already complete (16 runs, 0 failed)", exit 0, and the damage stayed.
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN).status());
    Map<String, byte[]> before = new java.util.HashMap<>();
    for (String f : SweepFixtures.deterministicFiles())
      before.put(f, Files.readAllBytes(out.resolve(f)));

    Files.write(out.resolve("runs.csv"), java.util.Arrays.copyOf(before.get("runs.csv"), 100));
    Files.delete(out.resolve("timeseries.csv.gz"));
    SweepFixtures.Run resumed =
        SweepFixtures.execute(sweep, out, 1, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.OK, resumed.status(), resumed.err());
    assertTrue(
        resumed
            .err()
            .contains(
                "is complete but runs.csv changed (100 bytes, written as "
                    + String.format(java.util.Locale.ROOT, "%,d", before.get("runs.csv").length)
                    + "); writing its outputs again"
                    + " from the runs recorded in"),
        resumed.err());
    for (String f : SweepFixtures.deterministicFiles())
      assertArrayEquals(before.get(f), Files.readAllBytes(out.resolve(f)), f);

    // A changed byte of the same size is found by its checksum.
    byte[] agg = Files.readAllBytes(out.resolve("aggregate.csv"));
    agg[agg.length - 2] = (byte) (agg[agg.length - 2] == '1' ? '2' : '1');
    Files.write(out.resolve("aggregate.csv"), agg);
    SweepFixtures.Run again =
        SweepFixtures.execute(sweep, out, 1, ModelRunner.SINGLE_RUN, "--resume");
    assertTrue(
        again.err().contains("aggregate.csv changed (its SHA-256 differs from the one written)"),
        again.err());
    assertArrayEquals(
        before.get("aggregate.csv"), Files.readAllBytes(out.resolve("aggregate.csv")));

    SweepFixtures.Run intact =
        SweepFixtures.execute(sweep, out, 1, ModelRunner.SINGLE_RUN, "--resume");
    assertTrue(intact.err().contains("is already complete (16 runs, 0 failed)"), intact.err());
  }

  @Test
  void aDamagedStateFileGetsOneMessageThatSaysWhatToDo() throws Exception {
    // Before: exit 1 with "JsonSyntaxException"/"MalformedJsonException" and advice to --resume
    // (which failed the same
    // way); {} was reported as "govsim changed".
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN).status());
    Path state = out.resolve(".sweep/state.json");
    String whole = Files.readString(state);
    Map<String, String> damage =
        Map.of(
            "truncated", whole.substring(0, whole.length() / 2),
            "{}", "{}",
            "wrong types", whole.replaceFirst("\"runs\": \\d+", "\"runs\": \"many\""),
            "a list", "[1, 2, 3]",
            "empty", "");
    for (Map.Entry<String, String> d : damage.entrySet()) {
      Files.writeString(state, d.getValue());
      SweepFixtures.Run r =
          SweepFixtures.execute(sweep, out, 1, ModelRunner.SINGLE_RUN, "--resume");
      assertEquals(SweepExecution.Status.BAD_INPUT, r.status(), d.getKey() + ": " + r.err());
      String err = r.err().strip();
      assertEquals(1, err.lines().count(), d.getKey() + ": " + err);
      assertTrue(
          err.startsWith("govsim: the sweep's state file " + state + " is damaged ("),
          d.getKey() + ": " + err);
      assertTrue(
          err.endsWith(
              "start the sweep again with --force (this replaces the folder's contents), or use --out"
                  + " DIR for a new folder"),
          d.getKey() + ": " + err);
      assertFalse(
          err.contains("Exception")
              || err.contains("Json")
              || err.contains("gson")
              || err.contains("--resume"),
          d.getKey() + ": " + err);
    }
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--force").status(),
        "the advice works");
  }

  /** An engine whose disk fails in the given way. */
  private static SweepEngine failingWith(IOException e) {
    return new SweepEngine() {
      @Override
      public void execute(SweepWork work, List<Integer> runs, RecordSink sink) throws IOException {
        throw e;
      }

      @Override
      public String label() {
        return "a failing disk";
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of();
      }
    };
  }

  @Test
  void readOnlyAndFullDiskErrorsSayWhetherResumingCanHelp() throws Exception {
    // Before: both said "Finished runs are recorded; continue with --resume.", which cannot help on
    // a read-only folder.
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    StringWriter e1 = new StringWriter();
    SweepExecution.Status s1 =
        SweepExecution.execute(
            new SweepExecution.Request(
                sweep, out, 1, false, false, false, false, true, false, List.of("t")),
            new PrintWriter(e1),
            new PrintWriter(e1, true),
            failingWith(
                new FileSystemException(
                    out.resolve(".sweep/journal").toString(), null, "Read-only file system")));
    assertEquals(SweepExecution.Status.FAILURE, s1);
    assertEquals(
        "govsim: failed while running: "
            + out.resolve(".sweep/journal")
            + ": Read-only file system; "
            + out
            + " cannot be written here (read-only or not yours): choose a writable folder with --out DIR (resuming in this"
            + " folder would fail the same way)",
        e1.toString().strip());

    StringWriter e2 = new StringWriter();
    SweepExecution.Status s2 =
        SweepExecution.execute(
            new SweepExecution.Request(
                sweep,
                tmp.resolve("out2"),
                1,
                false,
                false,
                false,
                false,
                true,
                false,
                List.of("t")),
            new PrintWriter(e2),
            new PrintWriter(e2, true),
            failingWith(new IOException("No space left on device")));
    assertEquals(SweepExecution.Status.FAILURE, s2);
    assertEquals(
        "govsim: failed while running: No space left on device; the disk holding "
            + tmp.resolve("out2")
            + " is full: free some space, then continue with --resume (finished runs are recorded)",
        e2.toString().strip());
  }
}
