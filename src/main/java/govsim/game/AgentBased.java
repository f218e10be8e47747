package govsim.game;

import govsim.stats.Estimate;
import govsim.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replications of {@link ImitationDynamics} over given seeds, and the long-run mean share of every
 * strategy with its 95% t-interval over seeds. Each seed is an independent run with its own
 * generator, so the results do not depend on the number of threads.
 */
public final class AgentBased {
  /**
   * The replications.
   *
   * @param runs one per seed, in the order of the seeds
   * @param shares shares[p][s]: mean over seeds of the long-run share, with its interval
   */
  public record Result(List<ImitationDynamics.Run> runs, Estimate[][] shares, long eventsPerRun) {}

  private AgentBased() {}

  /**
   * Runs the game's simulation settings once per seed.
   *
   * @param seeds one seed per replication (derive them from the master seed as {@code govsim
   *     compare} does)
   * @param threads worker threads, at least 1
   * @param recordSeries keep each run's time series
   */
  public static Result run(Game game, long[] seeds, int threads, boolean recordSeries)
      throws InterruptedException {
    List<ImitationDynamics.Run> runs = new ArrayList<>();
    if (threads <= 1 || seeds.length == 1) {
      ImitationDynamics dyn = new ImitationDynamics(game);
      for (long s : seeds) runs.add(dyn.run(s, recordSeries));
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, seeds.length));
      try {
        List<Future<ImitationDynamics.Run>> futures = new ArrayList<>();
        for (long s : seeds)
          futures.add(pool.submit(() -> new ImitationDynamics(game).run(s, recordSeries)));
        for (Future<ImitationDynamics.Run> f : futures) runs.add(f.get());
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException r) throw r;
        if (c instanceof Error err) throw err;
        throw new IllegalStateException(c);
      } finally {
        pool.shutdownNow();
      }
    }
    Estimate[][] shares = new Estimate[game.populationCount()][];
    for (int p = 0; p < shares.length; p++) {
      int sp = game.population(p).strategyCount();
      shares[p] = new Estimate[sp];
      for (int s = 0; s < sp; s++) {
        double[] x = new double[runs.size()];
        for (int i = 0; i < x.length; i++) x[i] = runs.get(i).meanShares()[p][s];
        shares[p][s] = Stats.estimate(x, Stats.DEFAULT_LEVEL);
      }
    }
    return new Result(List.copyOf(runs), shares, game.simulation().updates());
  }
}
