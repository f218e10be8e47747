package govsim.game;

import govsim.model.GovSimModel;
import govsim.model.ModelSpec;
import govsim.stats.Estimate;
import govsim.stats.Stats;
import govsim.world.Firm;
import govsim.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The safety race inside the full world (issue 14 item 5): runs a scenario once per seed and
 * measures the share of active firms whose release posture is safe ({@code
 * firms.unsafe_share_initial}, changed by social learning), so that it can be set beside the
 * analytic game's stationary share of "always safe". Each run's long-run share is the mean over the
 * steps after the burn-in of (safe active firms) / (active firms), steps without an active firm
 * left out; the estimate is the mean over seeds with its 95% t-interval. Runs are independent
 * (each model has its own generator), so the result does not depend on the number of threads.
 */
public final class WorldRace {
  private WorldRace() {}

  /**
   * One run.
   *
   * @param meanSafeShare time mean of the safe share after the burn-in (NaN if no step counted)
   * @param finalSafeShare the safe share at the horizon (NaN without active firms)
   * @param meanFirms time mean of the number of active firms after the burn-in
   * @param postureChanges steps after the burn-in in which some firm's posture changed
   */
  public record Run(
      long seed,
      double meanSafeShare,
      double finalSafeShare,
      double meanFirms,
      long postureChanges) {}

  /** The runs and the estimates over them. */
  public record Result(List<Run> runs, Estimate safeShare, Estimate finalSafeShare) {}

  /** One run of {@code spec} with {@code seed}, measured after {@code burnInDays}. */
  public static Run run(ModelSpec spec, long seed, double burnInDays) {
    GovSimModel model = new GovSimModel(spec.withSeed(seed));
    model.start();
    double sum = 0;
    double firms = 0;
    long counted = 0;
    long changes = 0;
    boolean[] before = new boolean[0];
    while (!model.isDone()) {
      model.stepOnce();
      World w = model.world();
      if (w.now < burnInDays) continue;
      int active = 0;
      int safe = 0;
      if (before.length < w.firms.size()) before = java.util.Arrays.copyOf(before, w.firms.size());
      boolean changed = false;
      for (Firm f : w.firms) {
        if (!f.active) continue;
        active++;
        if (!f.unsafeReleases) safe++;
        if (counted > 0 && before[f.id] != f.unsafeReleases) changed = true;
        before[f.id] = f.unsafeReleases;
      }
      if (changed) changes++;
      if (active == 0) continue;
      sum += safe / (double) active;
      firms += active;
      counted++;
    }
    World w = model.world();
    int active = 0;
    int safe = 0;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      active++;
      if (!f.unsafeReleases) safe++;
    }
    model.finish();
    return new Run(
        seed,
        counted == 0 ? Double.NaN : sum / counted,
        active == 0 ? Double.NaN : safe / (double) active,
        counted == 0 ? Double.NaN : firms / counted,
        changes);
  }

  /** One run per seed, on {@code threads} threads; runs are reported in the order of the seeds. */
  public static Result run(ModelSpec spec, long[] seeds, double burnInDays, int threads)
      throws InterruptedException {
    List<Run> runs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, seeds.length)));
    try {
      List<Future<Run>> futures = new ArrayList<>();
      for (long s : seeds) futures.add(pool.submit(() -> run(spec, s, burnInDays)));
      for (Future<Run> f : futures) runs.add(f.get());
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
    double[] mean = new double[runs.size()];
    double[] last = new double[runs.size()];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = runs.get(i).meanSafeShare();
      last[i] = runs.get(i).finalSafeShare();
    }
    return new Result(
        List.copyOf(runs),
        Stats.estimate(mean, Stats.DEFAULT_LEVEL),
        Stats.estimate(last, Stats.DEFAULT_LEVEL));
  }
}
