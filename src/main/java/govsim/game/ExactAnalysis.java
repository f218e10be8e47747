package govsim.game;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact analysis of a game under pairwise-comparison (Fermi) imitation (issue 14 item 2).
 *
 * <p><b>Imitation.</b> A revising individual (the learner) of population p compares its payoff f_L
 * with that of a model drawn among the other Z_p − 1 members of p and adopts the model's strategy
 * with probability 1 / (1 + exp(−β (f_M − f_L))) (Traulsen, Nowak &amp; Pacheco 2006; the rule of
 * Han, Pereira, Santos &amp; Lenaerts 2020). Payoffs are the finite-population expectations of
 * {@link FinitePayoff}.
 *
 * <p><b>Fixation.</b> With k mutants m in a resident population r (every other population
 * monomorphic), T⁻(k)/T⁺(k) = exp(−β (f_m(k) − f_r(k))), so ρ = 1 / Σ_{i=0}^{Z−1} exp(L_i) with L_0
 * = 0 and L_i = L_{i−1} − β (f_m(i) − f_r(i)). The sum is taken in log space (log-sum-exp), so
 * large β·Z neither overflows nor loses the small terms: log ρ is exact to rounding even when ρ
 * itself is below the smallest double.
 *
 * <p><b>Small-mutation limit.</b> Mutations are rare enough that the populations are monomorphic
 * between them; a mutant arises in a population chosen uniformly and plays a strategy chosen
 * uniformly among the other strategies of that population. The embedded chain over monomorphic
 * states has T(a→b) = ρ / (P (S_p − 1)); its stationary distribution is solved with the
 * Grassmann–Taksar–Heyman algorithm, which uses no subtractions and so stays accurate when
 * transition probabilities differ by hundreds of orders of magnitude.
 *
 * <p><b>Birth–death chain with mutation.</b> For one population of two strategies and μ &gt; 0,
 * each revision is a mutation to the other strategy with probability μ and an imitation otherwise:
 * T⁺(k) = (Z−k)/Z · [μ + (1−μ) k/(Z−1) F(f_0 − f_1)], T⁻(k) = k/Z · [μ + (1−μ) (Z−k)/(Z−1) F(f_1 −
 * f_0)], with k the number of strategy-0 players and F the Fermi function; the stationary
 * distribution follows from detailed balance, in log space. This is exactly the process {@link
 * ImitationDynamics} simulates.
 */
public final class ExactAnalysis {
  /** One fixation probability: a mutant strategy in a population whose state is {@code from}. */
  public record Fixation(
      int from, int to, int population, int resident, int mutant, double rho, double logRho) {}

  /**
   * The analysis.
   *
   * @param states the monomorphic states: states[a][p] = the strategy of population p
   * @param transitions the embedded chain of the small-mutation limit, rows summing to 1
   * @param stationary its stationary distribution
   * @param shares shares[p][s]: the stationary probability that population p plays s
   * @param fixations every fixation probability the chain uses
   * @param birthDeath for one population of two strategies and μ &gt; 0: the stationary probability
   *     of k strategy-0 players, k = 0..Z; null otherwise
   * @param sharesAtMutationRate the mean shares under {@code birthDeath}; null when it is null
   */
  public record Result(
      Game game,
      int[][] states,
      double[][] transitions,
      double[] stationary,
      double[][] shares,
      List<Fixation> fixations,
      double[] birthDeath,
      double[][] sharesAtMutationRate) {

    /** "AS" or "T S R": the strategies of a monomorphic state in population order. */
    public String stateName(int a) {
      List<String> parts = new ArrayList<>();
      for (int p = 0; p < states[a].length; p++)
        parts.add(game.population(p).strategies().get(states[a][p]));
      return String.join(" ", parts);
    }
  }

  /**
   * Thrown when the chain has no unique stationary distribution (fixation probabilities that
   * underflow).
   */
  public static final class Reducible extends Exception {
    private static final long serialVersionUID = 1L;

    Reducible(String message) {
      super(message);
    }
  }

  private ExactAnalysis() {}

  public static Result analyse(Game g) throws Reducible {
    FinitePayoff payoff = new FinitePayoff(g);
    int pops = g.populationCount();
    int[] radix = new int[pops];
    int n = 1;
    for (int p = pops - 1; p >= 0; p--) {
      radix[p] = n;
      n *= g.population(p).strategyCount();
    }
    int[][] states = new int[n][pops];
    for (int a = 0; a < n; a++) {
      for (int p = 0; p < pops; p++)
        states[a][p] = (a / radix[p]) % g.population(p).strategyCount();
    }
    double[][] t = new double[n][n];
    List<Fixation> fixations = new ArrayList<>();
    int[][] counts = new int[pops][];
    for (int p = 0; p < pops; p++) counts[p] = new int[g.population(p).strategyCount()];
    for (int a = 0; a < n; a++) {
      double out = 0;
      for (int p = 0; p < pops; p++) {
        int sp = g.population(p).strategyCount();
        int r = states[a][p];
        for (int m = 0; m < sp; m++) {
          if (m == r) continue;
          double logRho = logFixation(g, payoff, states[a], p, r, m, counts);
          double rho = Math.exp(logRho);
          int b = a + (m - r) * radix[p];
          fixations.add(new Fixation(a, b, p, r, m, rho, logRho));
          double x = rho / (pops * (double) (sp - 1));
          t[a][b] = x;
          out += x;
        }
      }
      t[a][a] = 1 - out;
    }
    double[] pi = stationary(t);
    double[][] shares = new double[pops][];
    for (int p = 0; p < pops; p++) shares[p] = new double[g.population(p).strategyCount()];
    for (int a = 0; a < n; a++) for (int p = 0; p < pops; p++) shares[p][states[a][p]] += pi[a];
    double[] bd = null;
    double[][] sharesMu = null;
    if (pops == 1 && g.population(0).strategyCount() == 2 && g.mutationRate() > 0) {
      bd = birthDeath(g, payoff);
      int z = g.population(0).size();
      double s0 = 0;
      for (int k = 0; k <= z; k++) s0 += bd[k] * k / z;
      sharesMu = new double[][] {{s0, 1 - s0}};
    }
    return new Result(g, states, t, pi, shares, List.copyOf(fixations), bd, sharesMu);
  }

  /**
   * log ρ of one mutant {@code m} in population {@code p} of residents {@code r}, the other
   * populations in {@code state}. {@code counts} is scratch space.
   */
  static double logFixation(
      Game g, FinitePayoff payoff, int[] state, int p, int r, int m, int[][] counts) {
    for (int q = 0; q < counts.length; q++) {
      java.util.Arrays.fill(counts[q], 0);
      counts[q][state[q]] = g.population(q).size();
    }
    int z = g.population(p).size();
    double beta = g.beta();
    // log-sum-exp of L_0..L_{Z-1}, accumulated with a running maximum.
    double l = 0;
    double max = 0;
    double sum = 1; // exp(L_0 - max)
    counts[p][r] = 0;
    for (int i = 1; i < z; i++) {
      counts[p][m] = i;
      counts[p][r] = z - i;
      l -= beta * (payoff.of(p, m, counts) - payoff.of(p, r, counts));
      if (l > max) {
        sum = sum * Math.exp(max - l) + 1;
        max = l;
      } else {
        sum += Math.exp(l - max);
      }
    }
    return -(max + Math.log(sum));
  }

  /** The fixation probability of one mutant (tests and the bench call it). */
  public static double fixation(Game g, int[] state, int p, int mutant) {
    int[][] counts = new int[g.populationCount()][];
    for (int q = 0; q < counts.length; q++) counts[q] = new int[g.population(q).strategyCount()];
    return Math.exp(logFixation(g, new FinitePayoff(g), state, p, state[p], mutant, counts));
  }

  /** Stationary distribution of a finite irreducible chain (rows sum to 1), by GTH elimination. */
  static double[] stationary(double[][] transitions) throws Reducible {
    int n = transitions.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) a[i] = transitions[i].clone();
    for (int k = n - 1; k >= 1; k--) {
      double s = 0;
      for (int j = 0; j < k; j++) s += a[k][j];
      if (!(s > 0)) {
        throw new Reducible(
            "the chain over monomorphic states is reducible: some fixation probabilities are 0 "
                + "(below 1e-308) so no unique stationary distribution exists; lower selection_intensity or check the payoffs");
      }
      for (int i = 0; i < k; i++) a[i][k] /= s;
      for (int i = 0; i < k; i++) {
        double aik = a[i][k];
        if (aik == 0) continue;
        for (int j = 0; j < k; j++) a[i][j] += aik * a[k][j];
      }
    }
    double[] pi = new double[n];
    pi[0] = 1;
    double total = 1;
    for (int j = 1; j < n; j++) {
      double v = 0;
      for (int i = 0; i < j; i++) v += pi[i] * a[i][j];
      pi[j] = v;
      total += v;
    }
    for (int j = 0; j < n; j++) pi[j] /= total;
    return pi;
  }

  /**
   * The birth–death chain with mutation of one population of two strategies: P(k strategy-0
   * players).
   */
  static double[] birthDeath(Game g, FinitePayoff payoff) {
    int z = g.population(0).size();
    double mu = g.mutationRate();
    double beta = g.beta();
    int[][] counts = new int[1][2];
    double[] logP = new double[z + 1];
    double[] up = new double[z + 1];
    double[] down = new double[z + 1];
    for (int k = 0; k <= z; k++) {
      counts[0][0] = k;
      counts[0][1] = z - k;
      double f0 = k > 0 ? payoff.of(0, 0, counts) : 0;
      double f1 = k < z ? payoff.of(0, 1, counts) : 0;
      up[k] =
          k == z
              ? 0
              : (z - k) / (double) z * (mu + (1 - mu) * k / (z - 1.0) * fermi(beta * (f0 - f1)));
      down[k] =
          k == 0
              ? 0
              : k / (double) z * (mu + (1 - mu) * (z - k) / (z - 1.0) * fermi(beta * (f1 - f0)));
    }
    double max = 0;
    for (int k = 1; k <= z; k++) {
      logP[k] = logP[k - 1] + Math.log(up[k - 1]) - Math.log(down[k]);
      max = Math.max(max, logP[k]);
    }
    double total = 0;
    double[] p = new double[z + 1];
    for (int k = 0; k <= z; k++) {
      p[k] = Math.exp(logP[k] - max);
      total += p[k];
    }
    for (int k = 0; k <= z; k++) p[k] /= total;
    return p;
  }

  /** 1 / (1 + exp(−x)), without overflow for large |x|. */
  static double fermi(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
}
