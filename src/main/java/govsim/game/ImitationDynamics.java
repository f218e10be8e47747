package govsim.game;

import ec.util.MersenneTwisterFast;

/**
 * The agent-based simulation of a game (issue 14 item 3): finite populations of individuals, each
 * holding one strategy, revising one at a time by pairwise-comparison imitation with mutation — the
 * process whose exact analysis is {@link ExactAnalysis}.
 *
 * <p>One imitation event: a population is chosen uniformly; a learner is drawn uniformly from it;
 * with probability μ the learner mutates to a strategy drawn uniformly among its other strategies;
 * otherwise a model is drawn uniformly among the other members of the population and the learner
 * adopts the model's strategy with probability 1 / (1 + exp(−β (f_model − f_learner))). Payoffs are
 * the finite-population expectations of {@link FinitePayoff} (every co-player sampled without
 * replacement, from the current composition of every population), so the simulation samples the
 * strategies of learner and model, not the games they play — the same convention as the analysis,
 * which is what makes the two comparable value for value.
 *
 * <p>Speed: fitness and adoption probabilities depend only on the counts, so they are recomputed
 * only when a strategy actually changes (for one population of two strategies they are tabulated
 * for every count once); which events are mutations is drawn as geometric gaps; an event costs two
 * or three draws and a few array reads. The loop allocates nothing.
 *
 * <p>Randomness: one {@link MersenneTwisterFast} per run, seeded with all 64 bits of the run's seed
 * (as the ABM does: MASON's long seed keeps only 32); the initial strategies are drawn uniformly
 * from the same stream.
 */
public final class ImitationDynamics {
  /** Most rows of a recorded time series (updates / record_every). */
  public static final long MAX_ROWS = 1_000_000;

  /**
   * One run.
   *
   * @param meanShares meanShares[p][s]: the share of s in population p averaged over the events
   *     after the burn-in (the state after each event)
   * @param series null, or one row per recorded event: the number of events so far, then the shares
   *     of every population's strategies in order
   * @param changes how many events changed a strategy
   */
  public record Run(long seed, double[][] meanShares, double[][] series, long changes) {}

  private final Game game;
  private final FinitePayoff payoff;
  private final int pops;
  private final int[] size;
  private final int[] strategies;
  private final int[][] strat; // [population][individual]
  private final int[][] n; // [population][strategy]
  private final double[][][] adopt; // [population][learner strategy][model strategy]
  private final double[][] fit;

  /**
   * One population of two strategies: the adoption probabilities for every count k of strategy-0
   * players, computed once ({@code table[k][learner][model]}), so that a change of strategy costs a
   * table look-up instead of two payoff sums and two exponentials. Null for other games.
   */
  private final double[][][] table;

  public ImitationDynamics(Game game) {
    this.game = game;
    this.payoff = new FinitePayoff(game);
    pops = game.populationCount();
    size = new int[pops];
    strategies = new int[pops];
    strat = new int[pops][];
    n = new int[pops][];
    adopt = new double[pops][][];
    fit = new double[pops][];
    for (int p = 0; p < pops; p++) {
      size[p] = game.population(p).size();
      strategies[p] = game.population(p).strategyCount();
      strat[p] = new int[size[p]];
      n[p] = new int[strategies[p]];
      adopt[p] = new double[strategies[p]][strategies[p]];
      fit[p] = new double[strategies[p]];
    }
    if (pops == 1 && strategies[0] == 2) {
      int z = size[0];
      table = new double[z + 1][2][2];
      for (int k = 0; k <= z; k++) {
        n[0][0] = k;
        n[0][1] = z - k;
        refresh();
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) table[k][i][j] = adopt[0][i][j];
      }
    } else {
      table = null;
    }
  }

  /** Runs the game's simulation settings with one seed. */
  public Run run(long seed, boolean recordSeries) {
    Game.Simulation sim = game.simulation();
    return run(seed, sim.updates(), sim.burnIn(), recordSeries ? sim.recordEvery() : 0);
  }

  /**
   * Runs {@code updates} imitation events.
   *
   * @param recordEvery record the shares every this many events; 0 for no series
   */
  public Run run(long seed, long updates, long burnIn, long recordEvery) {
    MersenneTwisterFast rng = new MersenneTwisterFast();
    rng.setSeed(new int[] {(int) seed, (int) (seed >>> 32), 0x67616d65});
    for (int p = 0; p < pops; p++) {
      java.util.Arrays.fill(n[p], 0);
      for (int i = 0; i < size[p]; i++) {
        int s = rng.nextInt(strategies[p]);
        strat[p][i] = s;
        n[p][s]++;
      }
    }
    update();
    double mu = game.mutationRate();
    double[][] occupancy = new double[pops][];
    long[] since = new long[pops];
    for (int p = 0; p < pops; p++) {
      occupancy[p] = new double[strategies[p]];
      since[p] = burnIn;
    }
    int width = 1;
    for (int p = 0; p < pops; p++) width += strategies[p];
    double[][] series = null;
    long nextRecord = Long.MAX_VALUE;
    int row = 0;
    if (recordEvery > 0) {
      long rows = updates / recordEvery;
      if (rows > MAX_ROWS)
        throw new IllegalArgumentException("more than " + MAX_ROWS + " rows of time series");
      series = new double[(int) rows][width];
      nextRecord = recordEvery;
    }
    long changes = 0;
    // Which events are mutations is a Bernoulli(mu) sequence; it is drawn as geometric gaps
    // (the same law), so that an imitation event spends no draw on it.
    double logKeep = mu > 0 && mu < 1 ? Math.log1p(-mu) : 0;
    long nextMutation = nextMutation(rng, -1, mu, logKeep);
    for (long t = 0; t < updates; t++) {
      int p = pops == 1 ? 0 : rng.nextInt(pops);
      int z = size[p];
      int[] sp = strat[p];
      int learner = rng.nextInt(z);
      int from = sp[learner];
      int to;
      if (t == nextMutation) {
        nextMutation = nextMutation(rng, t, mu, logKeep);
        to = rng.nextInt(strategies[p] - 1);
        if (to >= from) to++;
      } else {
        int model = rng.nextInt(z - 1);
        if (model >= learner) model++;
        to = sp[model];
        if (to == from || !(rng.nextDouble() < adopt[p][from][to])) to = from;
      }
      if (to != from) {
        // The old counts held from 'since' up to this event; the new ones count from this event on.
        if (t > since[p]) {
          double dt = t - since[p];
          for (int s = 0; s < strategies[p]; s++) occupancy[p][s] += n[p][s] * dt;
          since[p] = t;
        } else if (t >= burnIn) {
          since[p] = t;
        }
        sp[learner] = to;
        n[p][from]--;
        n[p][to]++;
        changes++;
        update();
      }
      if (t + 1 == nextRecord) {
        double[] r = series[row++];
        r[0] = t + 1;
        int c = 1;
        for (int q = 0; q < pops; q++)
          for (int s = 0; s < strategies[q]; s++) r[c++] = n[q][s] / (double) size[q];
        nextRecord += recordEvery;
      }
    }
    double[][] mean = new double[pops][];
    double span = updates - burnIn;
    for (int p = 0; p < pops; p++) {
      double dt = updates - since[p];
      mean[p] = new double[strategies[p]];
      for (int s = 0; s < strategies[p]; s++) {
        mean[p][s] = (occupancy[p][s] + n[p][s] * dt) / (span * size[p]);
      }
    }
    return new Run(seed, mean, series, changes);
  }

  /** The event after {@code t} at which the next mutation happens (Long.MAX_VALUE for none). */
  private static long nextMutation(MersenneTwisterFast rng, long t, double mu, double logKeep) {
    if (!(mu > 0)) return Long.MAX_VALUE;
    if (mu >= 1) return t + 1;
    // P(gap = g) = (1 - mu)^(g - 1) mu for g >= 1: g = 1 + floor(log(U) / log(1 - mu)), U in (0,
    // 1].
    double gap = Math.floor(Math.log(1 - rng.nextDouble()) / logKeep);
    return gap >= Long.MAX_VALUE - t - 1 ? Long.MAX_VALUE : t + 1 + (long) gap;
  }

  /** Brings the adoption probabilities in line with the counts. */
  private void update() {
    if (table != null) {
      adopt[0] = table[n[0][0]];
    } else {
      refresh();
    }
  }

  /** Recomputes every fitness and adoption probability from the counts. */
  private void refresh() {
    double beta = game.beta();
    for (int p = 0; p < pops; p++) {
      for (int s = 0; s < strategies[p]; s++) fit[p][s] = n[p][s] > 0 ? payoff.of(p, s, n) : 0;
      for (int i = 0; i < strategies[p]; i++) {
        if (n[p][i] == 0) continue;
        for (int j = 0; j < strategies[p]; j++) {
          adopt[p][i][j] =
              i == j || n[p][j] == 0 ? 0 : ExactAnalysis.fermi(beta * (fit[p][j] - fit[p][i]));
        }
      }
    }
  }
}
