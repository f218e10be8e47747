package govsim.game;

import govsim.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code govsim bench --game}: the speed of the game engine (issue 14). Medians over repeated runs
 * after a warm-up, in one JVM: the exact analysis of DSAIR, of the three-population trust game and
 * of a synthetic game of 4 populations x 3 strategies (81 monomorphic states, the largest size the
 * issue asks to be well under a second), and the agent-based imitation events per second on one
 * core.
 */
public final class GameBench {
  private GameBench() {}

  /** Imitation events per timed agent-based run. */
  static final long EVENTS = 20_000_000;

  public static void run(PrintWriter out, Path dsairFile, Path trustFile, int reps, int warmup)
      throws ScenarioException, ExactAnalysis.Reducible {
    out.printf(
        Locale.ROOT,
        "govsim bench --game: %d warm-up + %d measured runs each; Java %s%n",
        warmup,
        reps,
        System.getProperty("java.version"));
    Game dsair = GameFile.load(dsairFile, List.of()).game();
    Game trust = GameFile.load(trustFile, List.of()).game();
    Game big = synthetic(4, 3, 100);
    out.println();
    out.println(
        "Exact analysis (fixation probabilities, small-mutation stationary distribution, birth-death chain):");
    exact(out, "DSAIR, 1 population x 2 strategies, Z = 100", dsair, reps, warmup);
    exact(
        out, "trust-regulation, 3 populations (3, 2, 2 strategies), Z = 100", trust, reps, warmup);
    exact(out, "synthetic, 4 populations x 3 strategies (81 states), Z = 100", big, reps, warmup);
    double t0 = System.nanoTime();
    GameFile.load(dsairFile, List.of());
    out.printf(
        Locale.ROOT,
        "  reading and checking %s (after warm-up): %.1f ms%n",
        dsairFile,
        (System.nanoTime() - t0) / 1e6);
    out.println();
    out.println(
        "Agent-based imitation dynamics, one thread ("
            + EVENTS / 1_000_000
            + " million events per run):");
    abm(out, "DSAIR (Z = 100, mu = 0.01)", dsair, reps, warmup);
    abm(out, "trust-regulation (3 x 100, mu = 0.0005)", trust, reps, warmup);
    out.flush();
  }

  private static void exact(PrintWriter out, String label, Game g, int reps, int warmup)
      throws ExactAnalysis.Reducible {
    double[] t = new double[reps];
    double[] c = new double[reps];
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    boolean cpu = mx.isCurrentThreadCpuTimeSupported();
    for (int i = 0; i < warmup + reps; i++) {
      long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
      long t0 = System.nanoTime();
      ExactAnalysis.analyse(g);
      double s = (System.nanoTime() - t0) / 1e9;
      if (i >= warmup) {
        t[i - warmup] = s;
        c[i - warmup] = cpu ? (mx.getCurrentThreadCpuTime() - c0) / 1e9 : Double.NaN;
      }
    }
    out.printf(
        Locale.ROOT,
        "  %-64s median %7.2f ms wall, %7.2f ms CPU (max %.2f ms wall)%n",
        label,
        1e3 * median(t),
        1e3 * median(c),
        1e3 * max(t));
  }

  private static void abm(PrintWriter out, String label, Game g, int reps, int warmup) {
    ImitationDynamics dyn = new ImitationDynamics(g);
    double[] rate = new double[reps];
    double[] cpuRate = new double[reps];
    long changes = 0;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    boolean cpu = mx.isCurrentThreadCpuTimeSupported();
    for (int i = 0; i < warmup + reps; i++) {
      long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
      long t0 = System.nanoTime();
      ImitationDynamics.Run run = dyn.run(100 + i, EVENTS, 0, 0);
      double s = (System.nanoTime() - t0) / 1e9;
      double cs = cpu ? (mx.getCurrentThreadCpuTime() - c0) / 1e9 : Double.NaN;
      if (i >= warmup) {
        rate[i - warmup] = EVENTS / s;
        cpuRate[i - warmup] = EVENTS / cs;
        changes += run.changes();
      }
    }
    // Events per second of this thread's CPU time are events per second per core, whatever else the
    // machine is running; wall-clock rates fall when other processes share the core.
    out.printf(
        Locale.ROOT,
        "  %-40s median %6.1f M events/s of CPU time (min %.1f, max %.1f); wall clock %.1f M/s; "
            + "%.2f%% of events changed a strategy%n",
        label,
        median(cpuRate) / 1e6,
        min(cpuRate) / 1e6,
        max(cpuRate) / 1e6,
        median(rate) / 1e6,
        100.0 * changes / ((double) EVENTS * reps));
  }

  /**
   * A game of {@code pops} populations of {@code strategies} strategies each, one slot per
   * population, with fixed payoffs in [0, 5] spread by a multiplicative hash of the profile and
   * slot (no randomness: every run of the bench analyses the same game).
   */
  static Game synthetic(int pops, int strategies, int z) {
    List<Game.Population> populations = new ArrayList<>();
    int[] slots = new int[pops];
    for (int p = 0; p < pops; p++) {
      List<String> names = new ArrayList<>();
      for (int s = 0; s < strategies; s++) names.add("S" + s);
      populations.add(new Game.Population("P" + p, z, names));
      slots[p] = p;
    }
    int profiles = (int) Math.pow(strategies, pops);
    double[][] pay = new double[profiles][pops];
    for (int f = 0; f < profiles; f++) {
      for (int s = 0; s < pops; s++) pay[f][s] = ((f * 2654435761L + s * 40503L) % 1000) / 200.0;
    }
    Map<String, Double> none = new LinkedHashMap<>();
    return new Game(
        "synthetic",
        populations,
        slots,
        none,
        pay,
        0.1,
        0.001,
        new Game.Simulation(1, 1, 1000, 0, 1000));
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  private static double min(double[] x) {
    return Arrays.stream(x).min().orElse(Double.NaN);
  }

  private static double max(double[] x) {
    return Arrays.stream(x).max().orElse(Double.NaN);
  }
}
