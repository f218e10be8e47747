package govsim.spark;

import govsim.experiment.batch.ModelRunner;
import govsim.experiment.sweep.LocalEngine;
import govsim.experiment.sweep.SweepEngine;
import govsim.experiment.sweep.SweepFile;
import govsim.experiment.sweep.SweepPlan;
import govsim.experiment.sweep.SweepRunner;
import govsim.experiment.sweep.SweepWork;
import govsim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark engine's cost on one machine, for {@code govsim bench}: the same runs of a sweep on the
 * local engine ({@code threads} threads) and on Spark in local mode ({@code local[threads]}),
 * nothing written. The difference per run is what Spark adds to each run (scheduling a task,
 * shipping its result, decoding it on the driver). Paid once per sweep and reported apart: the
 * context's start-up, and the first job's extra time (Spark loading and compiling its own code),
 * which a warm-up job absorbs before the timed one. On a cluster add the network; runs of real
 * worlds take seconds, so the overhead per run decides whether small runs are worth distributing.
 */
public final class SparkBench {
  private SparkBench() {}

  /** Timed passes per engine in {@link #report}. */
  static final int REPS = 3;

  /**
   * One measurement.
   *
   * @param runs runs timed on each engine
   * @param threads local threads, and cores of the local Spark master
   * @param localSeconds wall time of the runs on the local engine (median of the passes)
   * @param sparkSeconds wall time of the same runs as Spark tasks, context started and warmed up
   *     (median of the passes)
   * @param sparkStartSeconds start-up of the Spark context (once per sweep)
   * @param warmupRuns runs of the warm-up job (and of the local engine's warm-up)
   * @param sparkWarmupSeconds wall time of Spark's warm-up job, its first
   */
  public record Measurement(
      int runs,
      int threads,
      double localSeconds,
      double sparkSeconds,
      double sparkStartSeconds,
      int warmupRuns,
      double sparkWarmupSeconds) {
    /** Spark's added wall time per run, in milliseconds. */
    public double overheadMillisPerRun() {
      return (sparkSeconds - localSeconds) / runs * 1000;
    }
  }

  /**
   * Times the first {@code maxRuns} runs of the sweep on both engines: a warm-up of each on the
   * first {@code 2 x threads} runs (the JIT compiles the model in this JVM, where local Spark runs
   * its tasks too; Spark's first job loads its own code), then {@code reps} rounds of local then
   * Spark, alternating so that neither profits from running later; the medians are reported.
   *
   * @param sweepFile the sweep
   * @param threads local threads, and cores of the local Spark master
   * @param maxRuns most runs per timed pass
   * @param reps timed passes per engine, at least 1
   * @throws ScenarioException if the sweep file is invalid
   */
  public static Measurement measure(Path sweepFile, int threads, int maxRuns, int reps)
      throws ScenarioException, IOException, InterruptedException {
    SweepPlan plan = SweepPlan.of(SweepFile.load(sweepFile));
    SweepWork work = new SweepRunner(plan, ModelRunner.SINGLE_RUN).work();
    List<Integer> runs = new ArrayList<>();
    for (int i = 0; i < Math.min(maxRuns, plan.runs()); i++) runs.add(i);
    List<Integer> warmup = runs.subList(0, Math.min(runs.size(), 2 * threads));
    SweepEngine local = new LocalEngine(threads, ModelRunner.SINGLE_RUN);
    local.execute(work, warmup, r -> {});

    long t0 = System.nanoTime();
    JavaSparkContext sc =
        new JavaSparkContext(
            SparkSweepEngine.conf("local[" + threads + "]", threads, "govsim bench"));
    try {
      double start = seconds(t0);
      SparkSweepEngine spark = new SparkSweepEngine(sc, AttemptHook.NONE);
      long t1 = System.nanoTime();
      spark.execute(work, warmup, r -> {});
      double first = seconds(t1);
      double[] localTimes = new double[Math.max(1, reps)];
      double[] sparkTimes = new double[localTimes.length];
      for (int i = 0; i < localTimes.length; i++) {
        long a = System.nanoTime();
        local.execute(work, runs, r -> {});
        localTimes[i] = seconds(a);
        long b = System.nanoTime();
        spark.execute(work, runs, r -> {});
        sparkTimes[i] = seconds(b);
      }
      return new Measurement(
          runs.size(),
          threads,
          median(localTimes),
          median(sparkTimes),
          start,
          warmup.size(),
          first);
    } finally {
      sc.stop();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /**
   * Measures and prints the report of {@code govsim bench} (called through {@link
   * govsim.experiment.sweep.SparkBridge#bench}).
   */
  public static void report(Path sweepFile, int threads, int maxRuns, PrintWriter out)
      throws ScenarioException, IOException, InterruptedException {
    out.printf(
        Locale.ROOT,
        "Spark engine vs local engine: %s, %d threads / local[%d], medians of %d passes%n",
        sweepFile,
        threads,
        threads,
        REPS);
    out.flush();
    Measurement m = measure(sweepFile, threads, maxRuns, REPS);
    out.printf(
        Locale.ROOT,
        "  local engine: %4d runs in %7.2f s = %7.1f ms/run%n",
        m.runs(),
        m.localSeconds(),
        m.localSeconds() / m.runs() * 1000);
    out.printf(
        Locale.ROOT,
        "  Spark engine: %4d runs in %7.2f s = %7.1f ms/run%n",
        m.runs(),
        m.sparkSeconds(),
        m.sparkSeconds() / m.runs() * 1000);
    out.printf(
        Locale.ROOT,
        "  once per sweep: Spark context start-up %.1f s; first job (%d runs) %.2f s%n",
        m.sparkStartSeconds(),
        m.warmupRuns(),
        m.sparkWarmupSeconds());
    out.printf(
        Locale.ROOT,
        "  Spark's overhead per run: %.1f ms (%+.0f%% of the local engine's time)%n",
        m.overheadMillisPerRun(),
        100 * (m.sparkSeconds() / m.localSeconds() - 1));
    out.flush();
  }
}
