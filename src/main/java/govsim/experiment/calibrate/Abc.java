package govsim.experiment.calibrate;

import govsim.experiment.batch.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Approximate Bayesian computation: rejection, then sequential Monte Carlo (ABC-SMC, the population
 * Monte Carlo scheme of Beaumont, Cornuet, Marin and Robert 2009, as in Toni et al. 2009), for a
 * model given as a {@link Simulator}: parameters in, statistics out.
 *
 * <p><b>Prior and space.</b> Each parameter has a uniform prior over its range (uniform in log
 * space for a log range; every whole number equally likely for an integer range), so that in the
 * unit coordinates u in [0, 1]^d of {@link Parameter#value} the prior is uniform. Perturbation
 * happens in u.
 *
 * <p><b>Distance.</b> d = sqrt(sum_j ((s_j - o_j) / sd_j)^2), s the simulated statistics, o the
 * observed ones and sd_j their stated uncertainty; an undefined statistic (NaN) gives an infinite
 * distance (never accepted).
 *
 * <p><b>Generation 0 (rejection).</b> {@code samples} draws from the prior are simulated; the
 * {@code particles} nearest (ties: earlier draw first) are kept with equal weights, and the
 * tolerance eps_0 is the distance of the last one kept.
 *
 * <p><b>Generation t &ge; 1 (SMC).</b> eps_t is the {@code quantile} (0.5: the median) of the
 * previous population's distances, weighted quantile (an adaptive schedule, Del Moral, Doucet and
 * Jasra 2012; Beaumont et al. 2009 fix it in advance). Proposals: a particle of generation t-1
 * drawn by weight, moved by the kernel K: independent normal steps in every coordinate with
 * variance twice the weighted variance of that coordinate in generation t-1 (Beaumont et al. 2009);
 * a proposal outside [0, 1]^d (prior density 0) is redrawn. Proposals are simulated in batches of
 * {@code batch} and accepted, in proposal order, while d &le; eps_t, until {@code particles} are
 * accepted; the weight of an accepted u is 1 / sum_j W_j K(u | u_j) (the prior is uniform),
 * normalised. A generation that needs more than {@code maxSimulations} simulations stops the
 * algorithm: the previous generation is the result, and the note says so.
 *
 * <p>Every draw comes from generators seeded by {@code seed} and the generation, and simulation i
 * of generation t gets the seed {@code Seeds.derive(seed, "abc/generation=t/simulation=i")}, so the
 * result is a pure function of the inputs, whatever the simulator's parallelism.
 */
public final class Abc {
  private Abc() {}

  /** A simulator: statistics of each parameter vector. */
  @FunctionalInterface
  public interface Simulator {
    /**
     * Simulates a batch.
     *
     * @param values one parameter vector (in model units) per simulation
     * @param seeds the seed of each simulation
     * @return the statistics of each simulation, in target order (NaN where undefined)
     */
    double[][] simulate(double[][] values, long[] seeds) throws InterruptedException;
  }

  /**
   * A parameter with a uniform prior over [low, high].
   *
   * @param log uniform in log space (low &gt; 0)
   * @param integer whole numbers, each equally likely (in log space with log)
   */
  public record Parameter(String name, double low, double high, boolean log, boolean integer) {
    public Parameter {
      if (!(low < high)) throw new IllegalArgumentException(name + ": low must be below high");
      if (log && !(low > 0))
        throw new IllegalArgumentException(name + ": a log range needs low > 0");
    }

    /** The value at unit coordinate u (as a sweep's {@code SweepParameter.at}). */
    public double value(double u) {
      u = Math.min(Math.max(u, 0), 1);
      if (integer) {
        double hi = high + 1;
        double x =
            log
                ? Math.exp(Math.log(low) + u * (Math.log(hi) - Math.log(low)))
                : low + u * (hi - low);
        return Math.min(Math.max(Math.floor(x), low), high);
      }
      double v =
          log
              ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))
              : low + u * (high - low);
      return Math.min(Math.max(v, low), high);
    }
  }

  /**
   * The settings.
   *
   * @param particles population size N
   * @param generations SMC generations after the rejection step (0: rejection only)
   * @param samples prior draws of the rejection step (at least N)
   * @param quantile the quantile of the previous distances that becomes the next tolerance, in (0,
   *     1)
   * @param maxSimulations most simulations one SMC generation may use
   * @param batch proposals simulated together (for parallelism; proposals are drawn before a batch
   *     is simulated, so the batch size is part of the result's definition, like the seed)
   * @param seed the master seed
   */
  public record Settings(
      int particles,
      int generations,
      int samples,
      double quantile,
      int maxSimulations,
      int batch,
      long seed) {
    public Settings {
      if (particles < 2) throw new IllegalArgumentException("particles must be at least 2");
      if (generations < 0) throw new IllegalArgumentException("generations must be at least 0");
      if (samples < particles)
        throw new IllegalArgumentException("samples must be at least particles");
      if (!(quantile > 0 && quantile < 1))
        throw new IllegalArgumentException("quantile must be in (0, 1)");
      if (maxSimulations < particles)
        throw new IllegalArgumentException("maxSimulations must be at least particles");
      if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
    }
  }

  /**
   * One population.
   *
   * @param index 0 for the rejection step
   * @param tolerance eps_t
   * @param simulated simulations used
   * @param u unit coordinates of the particles [particle][parameter]
   * @param values their model values
   * @param weights normalised weights
   * @param stats their statistics
   * @param distance their distances
   * @param seeds their simulations' seeds
   */
  public record Generation(
      int index,
      double tolerance,
      int simulated,
      double[][] u,
      double[][] values,
      double[] weights,
      double[][] stats,
      double[] distance,
      long[] seeds) {
    /** Effective sample size 1 / sum w^2. */
    public double ess() {
      double s = 0;
      for (double w : weights) s += w * w;
      return 1 / s;
    }

    public double acceptanceRate() {
      return u.length / (double) simulated;
    }
  }

  /** One simulation, accepted or not (for the record of every run). */
  public record Simulation(
      int generation,
      int index,
      long seed,
      double[] values,
      double[] stats,
      double distance,
      boolean accepted) {}

  /**
   * The outcome.
   *
   * @param generations every completed population; the last is the posterior sample
   * @param simulations every simulation in order
   * @param note empty, or why the algorithm stopped before the last generation
   */
  public record Result(List<Generation> generations, List<Simulation> simulations, String note) {
    public Generation posterior() {
      return generations.get(generations.size() - 1);
    }
  }

  /** The distance of statistics s to the observations o with uncertainties sd. */
  public static double distance(double[] s, double[] o, double[] sd) {
    double sum = 0;
    for (int j = 0; j < o.length; j++) {
      if (Double.isNaN(s[j])) return Double.POSITIVE_INFINITY;
      double z = (s[j] - o[j]) / sd[j];
      sum += z * z;
    }
    return Math.sqrt(sum);
  }

  /**
   * Told after every batch of simulations: generation, simulations so far in it, accepted so far.
   */
  @FunctionalInterface
  public interface Listener {
    void progress(int generation, int simulated, int accepted, double tolerance);

    Listener NONE = (g, s, a, t) -> {};
  }

  /**
   * Runs rejection and then ABC-SMC.
   *
   * @param observed the observed statistics
   * @param sd their uncertainties (positive)
   */
  public static Result run(
      List<Parameter> parameters,
      double[] observed,
      double[] sd,
      Settings s,
      Simulator simulator,
      Listener listener)
      throws InterruptedException {
    int d = parameters.size();
    if (d == 0) throw new IllegalArgumentException("no parameter to calibrate");
    for (double x : sd)
      if (!(x > 0)) throw new IllegalArgumentException("every target's sd must be positive");
    List<Simulation> all = new ArrayList<>();
    List<Generation> gens = new ArrayList<>();

    // Generation 0: rejection from the prior.
    MersenneTwister rng = new MersenneTwister(Seeds.derive(s.seed(), "abc/generation=0"));
    double[][] u0 = new double[s.samples()][d];
    for (double[] row : u0) for (int j = 0; j < d; j++) row[j] = rng.nextDouble();
    double[][] stats0 = new double[s.samples()][];
    long[] seeds0 = new long[s.samples()];
    for (int i = 0; i < s.samples(); i++) seeds0[i] = seed(s.seed(), 0, i);
    for (int from = 0; from < s.samples(); from += s.batch()) {
      int to = Math.min(s.samples(), from + s.batch());
      double[][] vals = new double[to - from][];
      for (int i = from; i < to; i++) vals[i - from] = values(parameters, u0[i]);
      double[][] out = simulator.simulate(vals, Arrays.copyOfRange(seeds0, from, to));
      System.arraycopy(out, 0, stats0, from, to - from);
      listener.progress(0, to, 0, Double.NaN);
    }
    double[] dist0 = new double[s.samples()];
    for (int i = 0; i < s.samples(); i++) dist0[i] = distance(stats0[i], observed, sd);
    Integer[] order = new Integer[s.samples()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(dist0[a], dist0[b]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    int finite = 0;
    for (double x : dist0) if (Double.isFinite(x)) finite++;
    if (finite < s.particles()) {
      throw new IllegalStateException(
          "only "
              + finite
              + " of "
              + s.samples()
              + " prior draws gave every target statistic a defined value; "
              + s.particles()
              + " are needed (more --samples, a narrower range, or a longer horizon)");
    }
    boolean[] keep = new boolean[s.samples()];
    for (int r = 0; r < s.particles(); r++) keep[order[r]] = true;
    int n = s.particles();
    double[][] u = new double[n][];
    double[][] st = new double[n][];
    double[] dist = new double[n];
    long[] sds = new long[n];
    int k = 0;
    for (int i = 0; i < s.samples(); i++) {
      all.add(
          new Simulation(0, i, seeds0[i], values(parameters, u0[i]), stats0[i], dist0[i], keep[i]));
      if (!keep[i]) continue;
      u[k] = u0[i];
      st[k] = stats0[i];
      dist[k] = dist0[i];
      sds[k++] = seeds0[i];
    }
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    gens.add(
        new Generation(
            0, dist0[order[n - 1]], s.samples(), u, valuesOf(parameters, u), w, st, dist, sds));

    String note = "";
    for (int t = 1; t <= s.generations(); t++) {
      Generation prev = gens.get(gens.size() - 1);
      double eps = weightedQuantile(prev.distance(), prev.weights(), s.quantile());
      double[] sigma = new double[d];
      for (int j = 0; j < d; j++) {
        double m = 0;
        for (int i = 0; i < n; i++) m += prev.weights()[i] * prev.u()[i][j];
        double v = 0;
        for (int i = 0; i < n; i++)
          v += prev.weights()[i] * (prev.u()[i][j] - m) * (prev.u()[i][j] - m);
        sigma[j] = Math.sqrt(2 * v);
        if (sigma[j] == 0) sigma[j] = 1e-6; // a collapsed coordinate still moves a little
      }
      double[] cum = new double[n];
      double c = 0;
      for (int i = 0; i < n; i++) cum[i] = c += prev.weights()[i];
      MersenneTwister g = new MersenneTwister(Seeds.derive(s.seed(), "abc/generation=" + t));
      List<double[]> accU = new ArrayList<>();
      List<double[]> accS = new ArrayList<>();
      List<Double> accD = new ArrayList<>();
      List<Long> accSeed = new ArrayList<>();
      int simulated = 0;
      while (accU.size() < n && simulated < s.maxSimulations()) {
        int size = Math.min(s.batch(), s.maxSimulations() - simulated);
        double[][] prop = new double[size][];
        double[][] vals = new double[size][];
        long[] seeds = new long[size];
        for (int b = 0; b < size; b++) {
          prop[b] = propose(prev.u(), cum, sigma, g);
          vals[b] = values(parameters, prop[b]);
          seeds[b] = seed(s.seed(), t, simulated + b);
        }
        double[][] out = simulator.simulate(vals, seeds);
        for (int b = 0; b < size; b++) {
          double dd = distance(out[b], observed, sd);
          boolean ok = accU.size() < n && dd <= eps;
          all.add(new Simulation(t, simulated + b, seeds[b], vals[b], out[b], dd, ok));
          if (ok) {
            accU.add(prop[b]);
            accS.add(out[b]);
            accD.add(dd);
            accSeed.add(seeds[b]);
          }
        }
        simulated += size;
        listener.progress(t, simulated, accU.size(), eps);
      }
      if (accU.size() < n) {
        note =
            "generation "
                + t
                + " (tolerance "
                + govsim.observe.Num.format(eps)
                + ") accepted only "
                + accU.size()
                + " of "
                + n
                + " particles in "
                + simulated
                + " simulations (the limit); the posterior is generation "
                + (t - 1)
                + "'s";
        break;
      }
      double[][] nu = accU.toArray(new double[0][]);
      double[] nw = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        double den = 0;
        for (int j = 0; j < n; j++) den += prev.weights()[j] * kernel(nu[i], prev.u()[j], sigma);
        nw[i] = 1 / den;
        total += nw[i];
      }
      for (int i = 0; i < n; i++) nw[i] /= total;
      double[] nd = new double[n];
      long[] ns = new long[n];
      for (int i = 0; i < n; i++) {
        nd[i] = accD.get(i);
        ns[i] = accSeed.get(i);
      }
      gens.add(
          new Generation(
              t,
              eps,
              simulated,
              nu,
              valuesOf(parameters, nu),
              nw,
              accS.toArray(new double[0][]),
              nd,
              ns));
    }
    return new Result(List.copyOf(gens), List.copyOf(all), note);
  }

  static long seed(long master, int generation, int index) {
    return Seeds.derive(master, "abc/generation=" + generation + "/simulation=" + index);
  }

  private static double[] propose(double[][] u, double[] cum, double[] sigma, MersenneTwister g) {
    int d = sigma.length;
    for (int attempt = 0; attempt < 1_000_000; attempt++) {
      double r = g.nextDouble() * cum[cum.length - 1];
      int i = Arrays.binarySearch(cum, r);
      if (i < 0) i = -i - 1;
      i = Math.min(i, cum.length - 1);
      double[] x = new double[d];
      boolean inside = true;
      for (int j = 0; j < d; j++) {
        x[j] = u[i][j] + sigma[j] * g.nextGaussian();
        if (x[j] < 0 || x[j] > 1) inside = false;
      }
      if (inside) return x;
    }
    throw new IllegalStateException("the perturbation kernel keeps leaving the prior's range");
  }

  /** The product of normal densities (the normalising constants cancel in the weights). */
  private static double kernel(double[] x, double[] y, double[] sigma) {
    double e = 0;
    for (int j = 0; j < x.length; j++) {
      double z = (x[j] - y[j]) / sigma[j];
      e += z * z;
    }
    return Math.exp(-0.5 * e);
  }

  private static double[] values(List<Parameter> p, double[] u) {
    double[] v = new double[u.length];
    for (int j = 0; j < u.length; j++) v[j] = p.get(j).value(u[j]);
    return v;
  }

  private static double[][] valuesOf(List<Parameter> p, double[][] u) {
    double[][] out = new double[u.length][];
    for (int i = 0; i < u.length; i++) out[i] = values(p, u[i]);
    return out;
  }

  /**
   * The weighted p-quantile: the smallest value whose cumulative weight (values sorted) reaches p
   * (the inverse of the weighted empirical distribution function).
   */
  public static double weightedQuantile(double[] x, double[] w, double p) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Double.compare(x[a], x[b]));
    double total = 0;
    for (double v : w) total += v;
    double c = 0;
    for (Integer i : idx) {
      c += w[i] / total;
      if (c >= p - 1e-12) return x[i];
    }
    return x[idx[idx.length - 1]];
  }

  /** Weighted mean. */
  public static double weightedMean(double[] x, double[] w) {
    double s = 0;
    double t = 0;
    for (int i = 0; i < x.length; i++) {
      s += w[i] * x[i];
      t += w[i];
    }
    return s / t;
  }

  /**
   * Weighted standard deviation with reliability weights: sqrt(sum w (x - m)^2 / (1 - sum w^2)),
   * weights normalised to sum 1 (the sample sd, divisor n - 1, for equal weights).
   */
  public static double weightedSd(double[] x, double[] w) {
    double t = 0;
    for (double v : w) t += v;
    double m = weightedMean(x, w);
    double s = 0;
    double w2 = 0;
    for (int i = 0; i < x.length; i++) {
      double wi = w[i] / t;
      s += wi * (x[i] - m) * (x[i] - m);
      w2 += wi * wi;
    }
    return w2 >= 1 ? Double.NaN : Math.sqrt(s / (1 - w2));
  }
}
