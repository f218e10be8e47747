package govsim.experiment.bench;

import ec.util.MersenneTwisterFast;
import govsim.model.GovSimModel;
import govsim.model.ModelSpec;
import govsim.model.Phase;
import govsim.model.Scenarios;
import govsim.observe.Recorder;
import govsim.observe.RunListener;
import govsim.scenario.ScenarioException;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.WorldEvent;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * govsim's own benchmark (`govsim bench`): medians over repeated runs after a warm-up, in one JVM,
 * of the market kernel and the baseline scenario, run through the real engine. A timer is scheduled
 * just before and after the users' phase to measure the user step alone.
 */
public final class Benchmark {
  /**
   * Mesa 3.3 reference, seconds of stepping for 100,000 users x 365 days
   * (shared/bench/market-kernel.md).
   */
  public static final double MESA_QUIET_SECONDS = 54.0;

  public static final double MESA_BUSY_SECONDS = 72.0;

  private final PrintWriter out;
  private final int reps;
  private final int warmup;

  public Benchmark(PrintWriter out, int reps, int warmup) {
    this.out = out;
    this.reps = reps;
    this.warmup = warmup;
  }

  /** Timing of one run. */
  public record Timing(
      double stepSeconds,
      double userPhaseSeconds,
      long userDays,
      long peakHeapBytes,
      double firm0Share,
      double firm0RevisedDay) {}

  public void runAll(Path kernelFile, Path baselineFile) throws ScenarioException {
    out.printf(
        Locale.ROOT,
        "govsim bench: %d warm-up + %d measured runs each; Java %s, %d processors%n",
        warmup,
        reps,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    out.flush();
    double reference = referenceLoop(100_000, 365);
    out.printf(
        Locale.ROOT,
        "%nReference: plain struct-of-arrays loop, two draws per user-day (MersenneTwisterFast): %.1f M user-days/s%n",
        reference / 1e6);

    ModelSpec kernel = Scenarios.load(kernelFile, List.of()).config();
    List<Timing> k = series(kernel);
    double kStep = median(k, Timing::stepSeconds);
    double kUsers = median(k, Timing::userPhaseSeconds);
    long kUserDays = k.get(0).userDays();
    out.printf(
        Locale.ROOT,
        "%nMarket kernel (%s): %,d users x %d days%n",
        kernelFile,
        kernel.users().count(),
        kernel.time().steps());
    out.printf(
        Locale.ROOT,
        "  stepping, median               %8.3f s   (min %.3f, max %.3f)%n",
        kStep,
        min(k, Timing::stepSeconds),
        max(k, Timing::stepSeconds));
    out.printf(Locale.ROOT, "  user-days per second (whole)   %8.1f M%n", kUserDays / kStep / 1e6);
    out.printf(
        Locale.ROOT,
        "  users' phase alone             %8.3f s = %.1f M user-days/s = %.0f%% of the reference loop%n",
        kUsers,
        kUserDays / kUsers / 1e6,
        100.0 * (kUserDays / kUsers) / reference);
    out.printf(
        Locale.ROOT,
        "  peak heap, median              %8.1f MB%n",
        median(k, t -> t.peakHeapBytes() / 1e6));
    out.printf(
        Locale.ROOT,
        "  vs Mesa 3.3 (%.0f s quiet, %.0f s busy, as reported in shared/bench/market-kernel.md for a machine like this; not measured here): %.0fx / %.0fx faster%n",
        MESA_QUIET_SECONDS,
        MESA_BUSY_SECONDS,
        MESA_QUIET_SECONDS / kStep,
        MESA_BUSY_SECONDS / kStep);
    double revised = 0;
    int revisedN = 0;
    for (Timing t : k) {
      if (!Double.isNaN(t.firm0RevisedDay())) {
        revised += t.firm0RevisedDay();
        revisedN++;
      }
    }
    out.printf(
        Locale.ROOT,
        "  firm 0: final share %.4f (seed %d); revised on day %s; mean over the %d seeds run here: %s%n",
        k.get(0).firm0Share(),
        kernel.seed(),
        fmtDay(k.get(0).firm0RevisedDay()),
        k.size(),
        revisedN == 0 ? "never" : String.format(Locale.ROOT, "day %.1f", revised / revisedN));
    out.flush();

    ModelSpec base = Scenarios.load(baselineFile, List.of()).config();
    List<Timing> b = series(base);
    double bStep = median(b, Timing::stepSeconds);
    out.printf(
        Locale.ROOT,
        "%nBaseline (%s): %,d users x %d days, regime %s%n",
        baselineFile,
        base.users().count(),
        base.time().steps(),
        base.regime().yamlName());
    out.printf(
        Locale.ROOT,
        "  stepping, median               %8.3f s   (min %.3f, max %.3f)%n",
        bStep,
        min(b, Timing::stepSeconds),
        max(b, Timing::stepSeconds));
    out.printf(
        Locale.ROOT,
        "  user-days per second (whole)   %8.1f M%n",
        b.get(0).userDays() / bStep / 1e6);
    out.printf(
        Locale.ROOT,
        "  peak heap, median              %8.1f MB%n",
        median(b, t -> t.peakHeapBytes() / 1e6));
    out.flush();

    double perUser = bytesPerUser(base, 1_000_000);
    out.printf(
        Locale.ROOT,
        "%nMemory: %.1f bytes per user (baseline world with 1,000,000 users, heap after GC); 10 million users need about %.0f MB%n",
        perUser,
        perUser * 1e7 / 1e6);
    out.flush();

    List<Double> walls = cliWall(baselineFile, 3);
    if (!walls.isEmpty()) {
      double[] w = walls.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      out.printf(
          Locale.ROOT,
          "%n`govsim run %s` in a fresh JVM (start-up and output writing included), median of %d: %.2f s wall%n",
          baselineFile,
          w.length,
          w[w.length / 2]);
    }
    out.flush();
  }

  /**
   * Sweep throughput (issue 4): runs per minute of a sweep on 1 and 2 threads after a warm-up, the
   * parallel efficiency rpm(2) / (2 rpm(1)), and the set-up cost of one run of the baseline world
   * (binding the scenario, building 100,000 users, everything but stepping).
   */
  public void sweeps(Path sweepFile, Path baselineFile)
      throws ScenarioException, InterruptedException {
    out.printf(
        Locale.ROOT,
        "govsim bench --sweep: %s; Java %s, %d processors%n",
        sweepFile,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    out.flush();
    int warm = Math.max(2, warmup * 2);
    govsim.experiment.sweep.SweepBench.Measurement one =
        govsim.experiment.sweep.SweepBench.measure(sweepFile, 1, Integer.MAX_VALUE, warm);
    govsim.experiment.sweep.SweepBench.Measurement two =
        govsim.experiment.sweep.SweepBench.measure(sweepFile, 2, Integer.MAX_VALUE, warm);
    out.printf(
        Locale.ROOT,
        "  1 thread : %4d runs in %6.1f s = %6.1f runs/min (set-up %.1f ms/run)%n",
        one.runs(),
        one.wallSeconds(),
        one.runsPerMinute(),
        one.setupMillisMean());
    out.printf(
        Locale.ROOT,
        "  2 threads: %4d runs in %6.1f s = %6.1f runs/min (set-up %.1f ms/run)%n",
        two.runs(),
        two.wallSeconds(),
        two.runsPerMinute(),
        two.setupMillisMean());
    out.printf(
        Locale.ROOT,
        "  parallel efficiency on 2 threads: %.0f%%%n",
        100.0 * two.runsPerMinute() / (2.0 * one.runsPerMinute()));
    ModelSpec base = Scenarios.load(baselineFile, List.of()).config();
    var resolved = Scenarios.load(baselineFile, List.of()).resolved();
    double[] ms = new double[Math.max(3, reps)];
    for (int i = -2; i < ms.length; i++) {
      long t0 = System.nanoTime();
      ModelSpec s =
          Scenarios.bind(
              govsim.scenario.ScenarioLoader.withValue(resolved, "seed", (long) (100 + i)),
              "bench");
      GovSimModel model = new GovSimModel(s);
      model.start();
      double took = (System.nanoTime() - t0) / 1e6;
      if (i >= 0) ms[i] = took;
    }
    java.util.Arrays.sort(ms);
    out.printf(
        Locale.ROOT,
        "  set-up of one %,d-user baseline run (bind the scenario, build the world), median of %d: %.1f ms%n",
        base.users().count(),
        ms.length,
        ms[ms.length / 2]);
    out.flush();
  }

  private static String fmtDay(double d) {
    return Double.isNaN(d) ? "never" : String.format(Locale.ROOT, "%.0f", d);
  }

  /** Warm-up runs (seeds 1001...) then measured runs (the scenario's seed, then +1, +2...). */
  List<Timing> series(ModelSpec spec) {
    for (int i = 0; i < warmup; i++) time(spec.withSeed(spec.seed() + 1000 + i));
    List<Timing> out = new ArrayList<>();
    for (int i = 0; i < reps; i++) out.add(time(spec.withSeed(spec.seed() + i)));
    return out;
  }

  /** One run through the real engine, with a timer around the users' phase. */
  public static Timing time(ModelSpec spec) {
    System.gc();
    resetPeaks();
    GovSimModel model = new GovSimModel(spec);
    model.start();
    double[] revised = {Double.NaN};
    RunListener listener =
        new RunListener() {
          @Override
          public void event(WorldEvent e) {
            if (e.firm() == 0 && e.type() == EventKind.PRACTICE_REVISED && Double.isNaN(revised[0]))
              revised[0] = e.day();
          }
        };
    Recorder recorder = new Recorder(spec, model::world, listener);
    double dt = spec.time().dtDays();
    model.schedule.scheduleRepeating(Schedule.EPOCH, Phase.OBSERVE.ordering(), recorder, dt);
    long[] userNanos = {0L, 0L};
    Steppable before = (SimState s) -> userNanos[1] = System.nanoTime();
    Steppable after = (SimState s) -> userNanos[0] += System.nanoTime() - userNanos[1];
    model.schedule.scheduleRepeating(Schedule.EPOCH, Phase.USERS.ordering() - 1, before, dt);
    model.schedule.scheduleRepeating(Schedule.EPOCH, Phase.USERS.ordering() + 1, after, dt);
    long t0 = System.nanoTime();
    while (!model.isDone()) model.stepOnce();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Firm f0 = model.world().firms.get(0);
    double share = f0.users / (double) spec.users().count();
    return new Timing(
        seconds,
        userNanos[0] / 1e9,
        (long) spec.users().count() * spec.time().steps(),
        peakHeap(),
        share,
        revised[0]);
  }

  /**
   * A plain struct-of-arrays loop with two draws per user-day: the speed of the generator itself.
   */
  static double referenceLoop(int users, int days) {
    MersenneTwisterFast rng = new MersenneTwisterFast(42);
    int[] firm = new int[users];
    float[] p = new float[users];
    Arrays.fill(p, 0.02f);
    long hits = 0;
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      for (int d = 0; d < days; d++) {
        for (int i = 0; i < users; i++) {
          double a = (rng.nextInt() >>> 1) * 0x1.0p-31;
          double b = (rng.nextInt() >>> 1) * 0x1.0p-31;
          if (a < p[i]) {
            hits++;
            if (b < 0.5) firm[i]++;
          }
        }
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    if (hits == 42) System.out.print(""); // keeps the loop from being optimised away
    return (double) users * days / best;
  }

  static double bytesPerUser(ModelSpec base, int users) throws ScenarioException {
    ModelSpec small = withUsers(base, 1);
    ModelSpec big = withUsers(base, users);
    long before = settledHeap(small);
    long after = settledHeap(big);
    return (after - before) / (double) (users - 1);
  }

  private static ModelSpec withUsers(ModelSpec s, int users) throws ScenarioException {
    var tree =
        govsim.scenario.ScenarioLoader.withValue(
            govsim.scenario.ScenarioLoader.withValue(
                Scenarios.loader().schema().defaults(), "users.count", (long) users),
            "regime",
            s.regime().yamlName());
    // Only the population size matters for memory; the rest of the world is the default one.
    return Scenarios.bind(tree, "bench");
  }

  private static long settledHeap(ModelSpec spec) {
    GovSimModel model = new GovSimModel(spec);
    model.start();
    for (int i = 0; i < 3; i++) System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    if (model.world().users.size < 0) throw new AssertionError(); // keeps the model reachable
    return used;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  /**
   * Times `govsim run` in fresh JVMs (the way a user runs it), if this JVM was started from a jar.
   */
  static List<Double> cliWall(Path scenario, int times) {
    List<Double> walls = new ArrayList<>();
    String jar = Benchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    if (!jar.endsWith(".jar")) return walls;
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      Path tmp = Files.createTempDirectory("govsim-bench");
      for (int i = 0; i < times; i++) {
        Path outDir = tmp.resolve("run-" + i);
        long t0 = System.nanoTime();
        Process p =
            new ProcessBuilder(
                    java,
                    "-jar",
                    jar,
                    "run",
                    scenario.toString(),
                    "--out",
                    outDir.toString(),
                    "--quiet")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) return new ArrayList<>();
        walls.add((System.nanoTime() - t0) / 1e9);
      }
      govsim.io.FileTrees.delete(tmp);
    } catch (Exception e) {
      return new ArrayList<>();
    }
    return walls;
  }

  interface Metric {
    double of(Timing t);
  }

  static double median(List<Timing> ts, Metric m) {
    double[] xs = ts.stream().mapToDouble(m::of).sorted().toArray();
    int n = xs.length;
    return n % 2 == 1 ? xs[n / 2] : 0.5 * (xs[n / 2 - 1] + xs[n / 2]);
  }

  static double min(List<Timing> ts, Metric m) {
    return ts.stream().mapToDouble(m::of).min().orElse(Double.NaN);
  }

  static double max(List<Timing> ts, Metric m) {
    return ts.stream().mapToDouble(m::of).max().orElse(Double.NaN);
  }
}
