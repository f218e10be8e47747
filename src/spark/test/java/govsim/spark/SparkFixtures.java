package govsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import govsim.experiment.TinyWorld;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.sweep.RunJournal;
import govsim.experiment.sweep.Shard;
import govsim.experiment.sweep.SweepEngine;
import govsim.experiment.sweep.SweepExecution;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The Spark tests' sweep: 2 points x 2 replications x 2 regimes = 8 runs of a 2,000-user world over
 * 60 days (tens of milliseconds each), so that the tests measure Spark's plumbing, not the model,
 * on a shared 2-core machine.
 */
final class SparkFixtures {
  private SparkFixtures() {}

  static final String SWEEP =
      """
      base: tiny.yaml
      design: grid
      parameters:
        users.switching_cost_mean: [0.01, 0.5]
      replications: 2
      regimes: [centralized, hybrid]
      seed: 9
      metrics: [harm_total, compliance_rate, governance_gap_days_mean]
      record_every_steps: 20
      """;

  static final int RUNS = 8;

  /** The output files that must be the same bytes on every engine (timings.csv differs). */
  static final List<String> DETERMINISTIC =
      List.of("runs.csv", "timeseries.csv.gz", "aggregate.csv", "experiments.csv", "outcomes.csv");

  /** Writes tiny.yaml and sweep.yaml into dir; returns the sweep file. */
  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    TinyWorld.scenario(dir, "tiny.yaml", 2000, 60);
    Path f = dir.resolve("sweep.yaml");
    Files.writeString(f, SWEEP);
    return f;
  }

  /** An invocation's status and what it printed. */
  record Run(SweepExecution.Status status, String out, String err) {}

  /** {@code govsim sweep} in-process on the given engine (null: the local engine, 2 threads). */
  static Run sweep(Path sweepFile, Path out, SweepEngine engine, Shard shard, String... flags) {
    List<String> f = List.of(flags);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    SweepExecution.Request r =
        new SweepExecution.Request(
            sweepFile,
            out,
            2,
            f.contains("--resume"),
            f.contains("--retry-failed"),
            false,
            false,
            true,
            false,
            List.of("test"),
            SweepExecution.LOCAL,
            null,
            shard);
    SweepExecution.Status s =
        engine == null
            ? SweepExecution.execute(
                r, new PrintWriter(o, true), new PrintWriter(e, true), ModelRunner.SINGLE_RUN)
            : SweepExecution.execute(r, new PrintWriter(o, true), new PrintWriter(e, true), engine);
    return new Run(s, o.toString(), e.toString());
  }

  /** Asserts that two sweep folders hold the same results, byte for byte. */
  static void assertSameResults(Path a, Path b) throws IOException {
    for (String f : DETERMINISTIC) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve(f)),
          Files.readAllBytes(b.resolve(f)),
          f + " of " + a + " and " + b);
    }
    assertEquals(
        TinyWorld.manifestWithout(a.resolve("manifest.json"), List.of("session")),
        TinyWorld.manifestWithout(b.resolve("manifest.json"), List.of("session")),
        "manifest.json but its session");
  }

  /** Runs recorded in a sweep folder's journal. */
  static int journaled(Path folder) throws IOException {
    Path journal = folder.resolve(".sweep/journal");
    if (!Files.exists(journal)) return 0;
    try (RunJournal j = RunJournal.openReadOnly(journal, RUNS)) {
      return j.done();
    }
  }

  /** Counts the task attempts of a Spark context that succeeded and that failed. */
  static final class TaskCounter extends SparkListener {
    private final SparkContext sc;
    volatile int succeeded;
    volatile int failed;
    final StringBuffer failures = new StringBuffer();

    TaskCounter(SparkContext sc) {
      this.sc = sc;
      sc.addSparkListener(this);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskInfo().successful()) {
        succeeded++;
      } else {
        failed++;
        failures.append(end.reason().toString()).append('\n');
      }
    }

    /** Waits until every event posted so far has been seen, then stops listening. */
    void close() throws java.util.concurrent.TimeoutException {
      // listenerBus() is Spark-internal (private[spark]) but public to Java: the exact way to let
      // the asynchronous listener catch up.
      sc.listenerBus().waitUntilEmpty();
      sc.removeSparkListener(this);
    }
  }
}
