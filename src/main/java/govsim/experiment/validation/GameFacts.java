package govsim.experiment.validation;

import govsim.experiment.batch.Seeds;
import govsim.game.AgentBased;
import govsim.game.Crossing;
import govsim.game.ExactAnalysis;
import govsim.game.Game;
import govsim.game.GameFile;
import govsim.scenario.ScenarioException;
import govsim.stats.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The published anchor of the game engine (issue 14 item 4): the DSAIR race of Han, Pereira, Santos
 * &amp; Lenaerts (JAIR 2020), shipped as scenarios/games/dsair.yaml. The thresholds are computed by
 * the exact analysis (bisection on p_r) and compared with the paper's; the agent-based imitation
 * dynamics at Z = 100 and μ = 0.01 are compared with the exact birth–death chain they simulate.
 * Nothing here is tuned: the file holds the paper's parameters and payoffs.
 */
public final class GameFacts {
  /**
   * The paper's thresholds: p_r where the small-mutation share of AS is one half, for s = 1.5, 2,
   * 3.
   */
  static final double[] SPEEDS = {1.5, 2, 3};

  static final double[] PUBLISHED = {0.779, 0.834, 0.890};
  static final double TOLERANCE = 0.002;

  /** Imitation events per agent-based replication, and the burn-in. */
  static final long UPDATES = 3_000_000;

  static final long BURN_IN = 200_000;

  /** The p_r of the agent-based check (s = 1.5): below, at and above the crossing. */
  static final double[] ABM_PR = {0.70, 0.78, 0.86};

  private final Path scenarios;
  private final int reps;
  private final long master;
  private final int threads;

  public GameFacts(Path scenariosDir, int reps, long masterSeed, int threads) {
    this.scenarios = scenariosDir;
    this.reps = reps;
    this.master = masterSeed;
    this.threads = threads;
  }

  public List<Finding> all() throws ScenarioException, InterruptedException {
    return List.of(dsair());
  }

  private Path file() {
    return scenarios.resolve("games/dsair.yaml");
  }

  private Game game(double s, double pr) throws ScenarioException {
    return GameFile.load(file(), List.of("game.parameters.s=" + s, "game.parameters.p_r=" + pr))
        .game();
  }

  private double smallMutationShare(double s, double pr) {
    try {
      return ExactAnalysis.analyse(game(s, pr)).shares()[0][0];
    } catch (ScenarioException | ExactAnalysis.Reducible e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static Estimate exact(double x) {
    return new Estimate(x, Double.NaN, Double.NaN, Double.NaN, 1);
  }

  public Finding dsair() throws ScenarioException, InterruptedException {
    game(1.5, 0.5); // reports a broken file as a ScenarioException before anything runs
    List<Finding.Measure> measures = new ArrayList<>();
    boolean holds = true;
    int checks = 0;
    int failed = 0;
    StringBuilder crossings = new StringBuilder();
    for (int i = 0; i < SPEEDS.length; i++) {
      double s = SPEEDS[i];
      double x;
      try {
        x = Crossing.bisect(pr -> smallMutationShare(s, pr), 0.5, 0.5, 0.99, 1e-7);
      } catch (Crossing.NotBracketed e) {
        throw new IllegalStateException("DSAIR s = " + s + ": " + e.getMessage(), e);
      }
      boolean ok = Math.abs(x - PUBLISHED[i]) <= TOLERANCE;
      holds &= ok;
      measures.add(
          new Finding.Measure(
              "p_r where the small-mutation share of AS is 1/2, s = "
                  + Finding.num(s)
                  + " (paper: "
                  + String.format(Locale.ROOT, "%.3f", PUBLISHED[i])
                  + ")",
              exact(x),
              ""));
      crossings
          .append(i == 0 ? "" : "; ")
          .append(
              String.format(
                  Locale.ROOT,
                  "s = %s: %.4f against %.3f (off by %.4f, %s)",
                  Finding.num(s),
                  x,
                  PUBLISHED[i],
                  Math.abs(x - PUBLISHED[i]),
                  ok ? "within" : "outside"));
      failed += ok ? 0 : 1;
      checks++;
    }
    // Closed forms of the paper (s = 1.5), from the file's payoffs at p_r = 0 (the AU payoffs scale
    // with 1 - p_r):
    // AS risk-dominates AU when pi(AS,AS) + pi(AS,AU) > pi(AU,AS) + pi(AU,AU); AS is the social
    // optimum when
    // pi(AS,AS) > pi(AU,AU).
    Game g0 = game(1.5, 0);
    double ss = g0.payoff(0, 0);
    double su = g0.payoff(1, 0);
    double us = g0.payoff(2, 0);
    double uu = g0.payoff(3, 0);
    double riskDominance = 1 - (ss + su) / (us + uu);
    double socialOptimum = 1 - ss / uu;
    measures.add(
        new Finding.Measure(
            "risk-dominance threshold of p_r, s = 1.5 (closed form; paper: about 0.775)",
            exact(riskDominance),
            ""));
    measures.add(
        new Finding.Measure(
            "social-optimum threshold of p_r, s = 1.5 (closed form; paper: about 0.338)",
            exact(socialOptimum),
            ""));
    boolean riskOk = Math.abs(riskDominance - 0.775) <= TOLERANCE;
    boolean optimumOk = Math.abs(socialOptimum - 0.338) <= TOLERANCE;
    holds &= riskOk && optimumOk;
    checks += 2;
    failed += (riskOk ? 0 : 1) + (optimumOk ? 0 : 1);

    // Agent-based check: Z = 100, mu = 0.01, the exact birth-death share against the mean over
    // seeds.
    StringBuilder abm = new StringBuilder();
    boolean contained = true;
    for (double pr : ABM_PR) {
      Game g = game(1.5, pr);
      g = g.withSimulation(new Game.Simulation(master, reps, UPDATES, BURN_IN, UPDATES));
      double bd;
      try {
        bd = ExactAnalysis.analyse(g).sharesAtMutationRate()[0][0];
      } catch (ExactAnalysis.Reducible e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      long[] seeds = new long[reps];
      for (int r = 0; r < reps; r++)
        seeds[r] = Seeds.derive(master, "game=dsair,s=1.5,p_r=" + pr + ",replication=" + r);
      Estimate e = AgentBased.run(g, seeds, threads, false).shares()[0][0];
      boolean in = e.ciLow() <= bd && bd <= e.ciHigh();
      contained &= in;
      measures.add(
          new Finding.Measure(
              "share of AS at p_r = " + Finding.num(pr) + ", mu = 0.01: exact birth-death chain",
              exact(bd),
              ""));
      measures.add(
          new Finding.Measure(
              "share of AS at p_r = "
                  + Finding.num(pr)
                  + ", mu = 0.01: agent-based, "
                  + reps
                  + " seeds x "
                  + UPDATES / 1_000_000
                  + " million imitation events",
              e,
              ""));
      abm.append(abm.length() == 0 ? "" : "; ")
          .append("p_r = ")
          .append(Finding.num(pr))
          .append(": ")
          .append(Finding.num(e.mean()))
          .append(" [")
          .append(Finding.num(e.ciLow()))
          .append(", ")
          .append(Finding.num(e.ciHigh()))
          .append("] against ")
          .append(Finding.num(bd))
          .append(in ? " (contained)" : " (not contained)");
      checks++;
      failed += in ? 0 : 1;
    }
    holds &= contained;
    String verdict =
        String.format(
            Locale.ROOT,
            "%s. The exact small-mutation share of AS crosses 1/2 at %s, tolerance %s. The closed-form"
                + " thresholds (s = 1.5) are %s for risk dominance (paper: about 0.775, %s) and %s for the"
                + " social optimum (paper: about 0.338, %s). Agent-based long-run share of AS (Z = 100, mu ="
                + " 0.01, 95%% interval over seeds) against the exact birth-death value: %s.",
            failed == 0
                ? "All " + checks + " checks agree with the paper and the exact chain"
                : failed + " of " + checks + " checks disagree",
            crossings,
            Finding.num(TOLERANCE),
            Finding.num(riskDominance),
            riskOk ? "within the tolerance" : "outside the tolerance",
            Finding.num(socialOptimum),
            optimumOk ? "within the tolerance" : "outside the tolerance",
            abm);
    return new Finding(
        "G1",
        "DSAIR race thresholds (Han et al. 2020)",
        "In the DSAIR race of Han, Pereira, Santos & Lenaerts (JAIR 2020; Z = 100, beta = 0.01, b = 4, c = 1, "
            + "B = 10^4, W = 100), the small-mutation stationary share of always-safe firms crosses 1/2 at p_r = "
            + "0.779, 0.834 and 0.890 for s = 1.5, 2 and 3 (within 0.002); the agent-based imitation dynamics "
            + "reproduce the exact chain.",
        "scenarios/games/dsair.yaml",
        "./govsim validation --only G1 --reps " + reps + " --seed " + master,
        measures,
        holds,
        verdict,
        "None beyond the paper's: its payoffs (eq. 1) and parameters, pairwise-comparison imitation with co-players "
            + "sampled without replacement (f_i(k) = [(k-1) pi(i,i) + (Z-k) pi(i,j)] / (Z-1)). The mutation rate "
            + "0.01 of the agent-based check is a choice (the paper's analysis is the limit mu -> 0); at that rate "
            + "the exact chain and the simulation are the same process, so they must agree within sampling error.");
  }
}
