package govsim.experiment.sweep;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Outcome;
import govsim.observe.RunListener;
import govsim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;

/**
 * Sweep throughput for {@code govsim bench --sweep}: runs a sweep's runs on N threads without
 * writing anything and reports runs per minute and the per-run set-up cost (everything but stepping
 * the model: binding the scenario, building the world, summarising). Calling it with 1 and then 2
 * threads gives the parallel efficiency {@code rpm(2) / (2 rpm(1))}.
 */
public final class SweepBench {
  private SweepBench() {}

  /**
   * One measurement.
   *
   * @param runs runs timed (warm-up runs excluded)
   * @param threads worker threads
   * @param wallSeconds wall time of the timed runs
   * @param runsPerMinute runs / wall minutes
   * @param setupMillisMean mean per-run time outside stepping (bind + build + summary), ms
   * @param failed timed runs that failed
   */
  public record Measurement(
      int runs,
      int threads,
      double wallSeconds,
      double runsPerMinute,
      double setupMillisMean,
      int failed) {}

  /** Times every run of the sweep on {@code threads} threads, without warm-up. */
  public static Measurement measure(Path sweepFile, int threads)
      throws ScenarioException, InterruptedException {
    return measure(sweepFile, threads, Integer.MAX_VALUE, 0);
  }

  /**
   * Times the first {@code maxRuns} runs of the sweep on {@code threads} threads, after {@code
   * warmupRuns} untimed runs (taken from the start of the sweep too) to let the JIT compile.
   *
   * @param sweepFile the sweep YAML
   * @param threads worker threads, at least 1
   * @param maxRuns most runs to time
   * @param warmupRuns untimed runs first, on the same threads
   * @throws ScenarioException if the sweep file is invalid
   * @throws InterruptedException if interrupted
   */
  public static Measurement measure(Path sweepFile, int threads, int maxRuns, int warmupRuns)
      throws ScenarioException, InterruptedException {
    SweepPlan plan = SweepPlan.of(SweepFile.load(sweepFile));
    SweepRunner runner = new SweepRunner(plan, ModelRunner.SINGLE_RUN);
    BatchRunner batch = new BatchRunner(threads);
    if (warmupRuns > 0)
      batch.run(jobs(runner, plan, Math.min(warmupRuns, plan.runs())), (Outcome<Double> o) -> {});
    int n = Math.min(maxRuns, plan.runs());
    double[] setup = new double[1];
    int[] failed = new int[1];
    BatchRunner.Summary s =
        batch.run(
            jobs(runner, plan, n),
            (Outcome<Double> o) -> {
              if (o.ok()) setup[0] += o.wallSeconds() - o.result();
              else failed[0]++;
            });
    int ok = n - failed[0];
    return new Measurement(
        n,
        threads,
        s.wallSeconds(),
        n / (s.wallSeconds() / 60.0),
        ok == 0 ? Double.NaN : setup[0] / ok * 1000,
        failed[0]);
  }

  private static Iterator<Callable<Double>> jobs(SweepRunner runner, SweepPlan plan, int n) {
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public Callable<Double> next() {
        SweepPlan.Run run = plan.run(next++);
        // Only the stepping time is kept: the world is dropped as soon as the run ends.
        return () -> ModelRunner.SINGLE_RUN.run(runner.spec(run), RunListener.NONE).stepSeconds();
      }
    };
  }
}
