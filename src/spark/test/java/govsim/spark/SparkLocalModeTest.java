package govsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.sweep.Shard;
import govsim.experiment.sweep.SweepExecution;
import govsim.experiment.sweep.SweepMerge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine in local mode ({@code local[2,2]}: 2 cores, a task may fail once and be retried)
 * writes the same bytes as the local engine: in one go, when a task fails its first attempt, after
 * an aborted job and a resume (which submits only the missing runs), and as a shard merged with a
 * shard run locally. One Spark context serves every test of this class (starting one takes
 * seconds).
 */
class SparkLocalModeTest {
  static JavaSparkContext sc;
  @TempDir static Path shared;
  static Path sweep;
  static Path reference;

  @BeforeAll
  static void start() throws Exception {
    sweep = SparkFixtures.write(shared.resolve("in"));
    reference = shared.resolve("local");
    SparkFixtures.Run local = SparkFixtures.sweep(sweep, reference, null, null);
    assertEquals(SweepExecution.Status.OK, local.status(), local.err());
    sc = new JavaSparkContext(SparkSweepEngine.conf("local[2,2]", 2, "govsim test"));
  }

  @AfterAll
  static void stop() {
    if (sc != null) sc.stop();
  }

  @TempDir Path tmp;

  @Test
  void sameBytesAsTheLocalEngine() throws Exception {
    SparkFixtures.TaskCounter tasks = new SparkFixtures.TaskCounter(sc.sc());
    Path out = tmp.resolve("spark");
    SparkFixtures.Run r =
        SparkFixtures.sweep(sweep, out, new SparkSweepEngine(sc, AttemptHook.NONE), null);
    tasks.close();
    assertEquals(SweepExecution.Status.OK, r.status(), r.err());
    SparkFixtures.assertSameResults(out, reference);
    assertEquals(SparkFixtures.RUNS, tasks.succeeded, "one task per run");
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertTrue(
        manifest.contains("\"engine\": \"spark\"")
            && manifest.contains("\"spark_master\": \"local[2,2]\""),
        manifest);
  }

  @Test
  void aTaskFailingItsFirstAttemptIsRetriedWithoutDuplicateRows() throws Exception {
    AttemptHook failOnce =
        (run, attempt) -> {
          if ((run == 1 || run == 6) && attempt == 0) {
            throw new IllegalStateException("injected failure of the first attempt of run " + run);
          }
        };
    SparkFixtures.TaskCounter tasks = new SparkFixtures.TaskCounter(sc.sc());
    Path out = tmp.resolve("retried");
    SparkFixtures.Run r = SparkFixtures.sweep(sweep, out, new SparkSweepEngine(sc, failOnce), null);
    tasks.close();
    assertEquals(SweepExecution.Status.OK, r.status(), r.err());
    assertEquals(2, tasks.failed, "the two injected failures happened: " + tasks.failures);
    assertTrue(
        tasks.failures.toString().contains("injected failure of the first attempt of run 1"),
        tasks.failures.toString());
    assertEquals(SparkFixtures.RUNS, tasks.succeeded);
    assertEquals(
        1 + SparkFixtures.RUNS,
        Files.readAllLines(out.resolve("runs.csv")).size(),
        "one row per run");
    SparkFixtures.assertSameResults(out, reference);
  }

  @Test
  void anAbortedJobKeepsItsFinishedRunsAndAResumeSubmitsOnlyTheMissingOnes() throws Exception {
    AttemptHook alwaysFails =
        (run, attempt) -> {
          if (run == 5) throw new IllegalStateException("injected: run 5's executor keeps dying");
        };
    Path out = tmp.resolve("aborted");
    SparkFixtures.Run first =
        SparkFixtures.sweep(sweep, out, new SparkSweepEngine(sc, alwaysFails), null);
    assertEquals(SweepExecution.Status.FAILURE, first.status(), first.err());
    assertTrue(
        first.err().contains("the Spark job failed")
            && first.err().contains("continue with --resume"),
        first.err());
    int done = SparkFixtures.journaled(out);
    assertTrue(done < SparkFixtures.RUNS, "run 5 is missing: " + done);
    assertTrue(!Files.exists(out.resolve("runs.csv")));

    SparkFixtures.TaskCounter tasks = new SparkFixtures.TaskCounter(sc.sc());
    SparkFixtures.Run resumed =
        SparkFixtures.sweep(
            sweep, out, new SparkSweepEngine(sc, AttemptHook.NONE), null, "--resume");
    tasks.close();
    assertEquals(SweepExecution.Status.OK, resumed.status(), resumed.err());
    assertEquals(
        SparkFixtures.RUNS - done,
        tasks.succeeded + tasks.failed,
        "only the missing runs are submitted");
    assertTrue(
        resumed
            .err()
            .contains("resuming: " + done + " of 8 runs already done; running " + (8 - done)),
        resumed.err());
    SparkFixtures.assertSameResults(out, reference);
  }

  @Test
  void aShardRunOnSparkMergesWithAShardRunLocally() throws Exception {
    Path one = tmp.resolve("shard-1");
    Path two = tmp.resolve("shard-2");
    assertEquals(
        SweepExecution.Status.OK,
        SparkFixtures.sweep(sweep, one, new SparkSweepEngine(sc, AttemptHook.NONE), new Shard(1, 2))
            .status());
    assertEquals(
        SweepExecution.Status.OK, SparkFixtures.sweep(sweep, two, null, new Shard(2, 2)).status());
    Path merged = tmp.resolve("merged");
    SweepMerge.merge(
        new SweepMerge.Options(List.of(one, two), merged, null, false, List.of("test")),
        new PrintWriter(new StringWriter()));
    SparkFixtures.assertSameResults(merged, reference);
  }
}
