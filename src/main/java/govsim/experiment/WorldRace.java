package govsim.experiment;

import govsim.game.Game;
import govsim.mechanism.firms.SocialLearning;
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
 * left out; the estimate is the mean over seeds with its 95% t-interval.
 *
 * <p>It also measures the payoffs the firms compare (SocialLearning's window profit, % of an
 * average firm's annual revenue) by posture, against the share of unsafe firms, to build the
 * pairwise game that has the same fitness lines ({@link #matchedGame}). Runs are independent (each
 * model has its own generator), so the result does not depend on the number of threads.
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
   * @param safe the payoff line of safe firms
   * @param unsafe the payoff line of unsafe firms
   */
  public record Run(
      long seed,
      double meanSafeShare,
      double finalSafeShare,
      double meanFirms,
      long postureChanges,
      Fit safe,
      Fit unsafe) {}

  /**
   * Least-squares sums of a line y = a + b x: the mean payoff (y) of the firms of one posture
   * against the share of unsafe firms (x), one sample per step after the burn-in in which both
   * postures are present.
   */
  public record Fit(long n, double sx, double sxx, double sy, double sxy) {
    static final Fit EMPTY = new Fit(0, 0, 0, 0, 0);

    Fit plus(double x, double y) {
      return new Fit(n + 1, sx + x, sxx + x * x, sy + y, sxy + x * y);
    }

    /**
     * Pools runs "within": each run's sums are centred on its own means before they are added (a
     * fixed effect per run), so that differences between runs (one run with many unsafe firms and a
     * bad draw of risks) do not pass for an effect of the unsafe share; the pooled line goes
     * through the overall means.
     */
    static Fit within(List<Fit> fits) {
      long n = 0;
      double sx = 0, sy = 0, cxx = 0, cxy = 0;
      for (Fit f : fits) {
        if (f.n == 0) continue;
        n += f.n;
        sx += f.sx;
        sy += f.sy;
        cxx += f.sxx - f.sx * f.sx / f.n;
        cxy += f.sxy - f.sx * f.sy / f.n;
      }
      if (n == 0) return EMPTY;
      // Stored so that slope() and at() give the within estimate: sxx and sxy as if centred
      // overall, i.e. add back n * mean^2 and n * mean_x * mean_y.
      return new Fit(n, sx, cxx + sx * sx / n, sy, cxy + sx * sy / n);
    }

    /** The two sets of samples pooled as one (the naive pooling {@link #within} avoids). */
    Fit plus(Fit o) {
      return new Fit(n + o.n, sx + o.sx, sxx + o.sxx, sy + o.sy, sxy + o.sxy);
    }

    /** The slope b; NaN with fewer than two samples or without spread in x. */
    public double slope() {
      double d = n * sxx - sx * sx;
      return n < 2 || !(d > 1e-12 * n * (double) n) ? Double.NaN : (n * sxy - sx * sy) / d;
    }

    /** The fitted y at x (NaN when the slope is). */
    public double at(double x) {
      double b = slope();
      return Double.isNaN(b) ? Double.NaN : (sy - b * sx) / n + b * x;
    }
  }

  /**
   * The runs, the estimates over them, and the payoff lines pooled within runs ({@link
   * Fit#within}): a safe firm earns {@code safe.at(x)} when a share x of the firms is unsafe.
   */
  public record Result(
      List<Run> runs, Estimate safeShare, Estimate finalSafeShare, Fit safe, Fit unsafe) {}

  /** One run of {@code spec} with {@code seed}, measured after {@code burnInDays}. */
  public static Run run(ModelSpec spec, long seed, double burnInDays) {
    GovSimModel model = new GovSimModel(spec.withSeed(seed));
    model.start();
    double sum = 0;
    double firms = 0;
    long counted = 0;
    long changes = 0;
    boolean[] before = new boolean[0];
    Fit fitSafe = Fit.EMPTY;
    Fit fitUnsafe = Fit.EMPTY;
    while (!model.isDone()) {
      model.stepOnce();
      World w = model.world();
      if (w.now < burnInDays) continue;
      int active = 0;
      int safe = 0;
      double revenue = SocialLearning.meanAnnualRevenue(w);
      double paySafe = 0;
      double payUnsafe = 0;
      if (before.length < w.firms.size()) before = java.util.Arrays.copyOf(before, w.firms.size());
      boolean changed = false;
      for (Firm f : w.firms) {
        if (!f.active) continue;
        active++;
        double pay = SocialLearning.payoff(f, w.dtDays, revenue);
        if (f.unsafeReleases) {
          payUnsafe += pay;
        } else {
          safe++;
          paySafe += pay;
        }
        if (counted > 0 && before[f.id] != f.unsafeReleases) changed = true;
        before[f.id] = f.unsafeReleases;
      }
      if (changed) changes++;
      if (active == 0) continue;
      if (safe > 0 && safe < active) {
        double x = (active - safe) / (double) active;
        fitSafe = fitSafe.plus(x, paySafe / safe);
        fitUnsafe = fitUnsafe.plus(x, payUnsafe / (active - safe));
      }
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
        changes,
        fitSafe,
        fitUnsafe);
  }

  /** One run per seed, on {@code threads} threads; runs are reported in the order of the seeds. */
  public static Result run(ModelSpec spec, long[] seeds, double burnInDays, int threads)
      throws InterruptedException {
    List<Run> runs = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, seeds.length)));
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
    List<Fit> safe = new ArrayList<>();
    List<Fit> unsafe = new ArrayList<>();
    for (int i = 0; i < mean.length; i++) {
      mean[i] = runs.get(i).meanSafeShare();
      last[i] = runs.get(i).finalSafeShare();
      safe.add(runs.get(i).safe());
      unsafe.add(runs.get(i).unsafe());
    }
    return new Result(
        List.copyOf(runs),
        Stats.estimate(mean, Stats.DEFAULT_LEVEL),
        Stats.estimate(last, Stats.DEFAULT_LEVEL),
        Fit.within(safe),
        Fit.within(unsafe));
  }

  /**
   * The pairwise game with the measured payoff lines: π(AS,AS) = safe.at(0), π(AS,AU) = safe.at(1),
   * π(AU,AS) = unsafe.at(0), π(AU,AU) = unsafe.at(1) (a pairwise game's fitness is linear in the
   * share of co-players of each kind, so in a large population it has these lines), one population
   * of {@code size} firms, the world's selection intensity and mutation rate; null when a line
   * could not be fitted (a posture never present beside the other, or the unsafe share never
   * varied).
   */
  public static Game matchedGame(Result r, int size, double beta, double mu) {
    double[][] pay = {
      {r.safe().at(0), r.safe().at(0)},
      {r.safe().at(1), r.unsafe().at(0)},
      {r.unsafe().at(0), r.safe().at(1)},
      {r.unsafe().at(1), r.unsafe().at(1)}
    };
    for (double[] row : pay) for (double v : row) if (!Double.isFinite(v)) return null;
    return new Game(
        "matched",
        List.of(new Game.Population("firms", Math.max(2, size), List.of("AS", "AU"))),
        new int[] {0, 0},
        java.util.Map.of(),
        pay,
        beta,
        mu,
        new Game.Simulation(1, 1, 2, 1, 1));
  }
}
