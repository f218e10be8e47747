package govsim.experiment.bench;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
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
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * govsim's own benchmark (`govsim bench`): medians over repeated runs after a warm-up, in one JVM,
 * of the market kernel and the baseline scenario, run through the real engine; the Mesa peer of the
 * kernel run side by side in the same command; and how stepping time grows with users and with
 * attention. A timer is scheduled just before and after the users' phase to measure the user step
 * alone. Every time is given as wall time and as CPU time of the thread (or process) that did the
 * work: on a shared machine wall time also counts waiting for a core, CPU time does not.
 */
public final class Benchmark {
  private final PrintWriter out;
  private final int reps;
  private final int warmup;
  private MesaPeer mesa;
  private int mesaReps = 3;
  private int mesaDays = 30;
  private int scaleMaxUsers = 10_000_000;

  public Benchmark(PrintWriter out, int reps, int warmup) {
    this.out = out;
    this.reps = reps;
    this.warmup = warmup;
  }

  /**
   * Runs the Mesa peer in {@code dir} with {@code python}, {@code reps} times for {@code days} days
   * each (its cost per day is flat: stepping scales to the kernel's horizon by proportion).
   */
  public Benchmark withMesa(Path python, Path dir, int days, int reps) {
    this.mesa = new MesaPeer(python, dir);
    this.mesaDays = days;
    this.mesaReps = reps;
    return this;
  }

  /** The scaling table goes up to this many users (10^4, 10^5, ... while at most this). */
  public Benchmark withScalingUpTo(int maxUsers) {
    this.scaleMaxUsers = maxUsers;
    return this;
  }

  /** Timing of one run: wall and CPU seconds of stepping and of the users' phase alone. */
  public record Timing(
      double stepSeconds,
      double stepCpuSeconds,
      double userPhaseSeconds,
      double userPhaseCpuSeconds,
      long userDays,
      long peakHeapBytes,
      double firm0Share,
      double firm0RevisedDay) {}

  public void runAll(Path kernelFile, Path baselineFile)
      throws ScenarioException, InterruptedException {
    out.printf(
        Locale.ROOT,
        "govsim bench: %d warm-up + %d measured runs each; Java %s, %d processors; load average %.1f%n",
        warmup,
        reps,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        load());
    out.println(
        "(wall: elapsed time; CPU: time on a core of the thread or process that did the work."
            + " On a shared machine wall time includes waiting for a core; CPU time does not.)");
    out.flush();
    double reference = referenceLoop(100_000, 365);
    out.printf(
        Locale.ROOT,
        "%nReference: plain struct-of-arrays loop, two draws per user-day (MersenneTwisterFast): %.1f M user-days/s%n",
        reference / 1e6);

    ModelSpec kernel = Scenarios.load(kernelFile, List.of()).config();
    List<Timing> k = series(kernel);
    double kStep = median(k, Timing::stepSeconds);
    double kStepCpu = median(k, Timing::stepCpuSeconds);
    double kUsers = median(k, Timing::userPhaseSeconds);
    double kUsersCpu = median(k, Timing::userPhaseCpuSeconds);
    long kUserDays = k.get(0).userDays();
    out.printf(
        Locale.ROOT,
        "%nMarket kernel (%s): %,d users x %d days, warm JVM, medians of %d%n",
        kernelFile,
        kernel.users().count(),
        kernel.time().steps(),
        k.size());
    out.printf(Locale.ROOT, "                                     wall        CPU%n");
    out.printf(
        Locale.ROOT,
        "  stepping                         %7.3f s   %7.3f s   (wall min %.3f, max %.3f)%n",
        kStep,
        kStepCpu,
        min(k, Timing::stepSeconds),
        max(k, Timing::stepSeconds));
    out.printf(
        Locale.ROOT,
        "  users' phase alone               %7.3f s   %7.3f s   = %.0f M user-days/s (wall), %.0f M (CPU)%n",
        kUsers,
        kUsersCpu,
        kUserDays / kUsers / 1e6,
        kUserDays / kUsersCpu / 1e6);
    out.printf(
        Locale.ROOT,
        "  user-days per second, whole step %7.1f M (wall), %.1f M (CPU); the reference loop: %.1f M%n",
        kUserDays / kStep / 1e6,
        kUserDays / kStepCpu / 1e6,
        reference / 1e6);
    out.printf(
        Locale.ROOT,
        "  peak heap, median                %7.1f MB%n",
        median(k, t -> t.peakHeapBytes() / 1e6));
    out.printf(
        Locale.ROOT,
        "  firm 0: final share %.4f (seed %d); revised on day %s; mean over the %d seeds run here: %s%n",
        k.get(0).firm0Share(),
        kernel.seed(),
        fmtDay(k.get(0).firm0RevisedDay()),
        k.size(),
        meanRevision(k));
    out.flush();

    sideBySide(kernelFile, kernel, kStep, kStepCpu);

    ModelSpec base = Scenarios.load(baselineFile, List.of()).config();
    List<Timing> b = series(base);
    double bStep = median(b, Timing::stepSeconds);
    out.printf(
        Locale.ROOT,
        "%nBaseline (%s): %,d users x %d days, regime %s, warm JVM, medians of %d%n",
        baselineFile,
        base.users().count(),
        base.time().steps(),
        base.regime().yamlName(),
        b.size());
    out.printf(
        Locale.ROOT,
        "  stepping                         %7.3f s   %7.3f s CPU   (wall min %.3f, max %.3f)%n",
        bStep,
        median(b, Timing::stepCpuSeconds),
        min(b, Timing::stepSeconds),
        max(b, Timing::stepSeconds));
    out.printf(
        Locale.ROOT,
        "  users' phase alone               %7.3f s   %7.3f s CPU%n",
        median(b, Timing::userPhaseSeconds),
        median(b, Timing::userPhaseCpuSeconds));
    out.printf(
        Locale.ROOT,
        "  user-days per second (whole)     %7.1f M%n",
        b.get(0).userDays() / bStep / 1e6);
    out.printf(
        Locale.ROOT,
        "  peak heap, median                %7.1f MB%n",
        median(b, t -> t.peakHeapBytes() / 1e6));
    out.flush();

    double perUser = bytesPerUser(base, 1_000_000);
    out.printf(
        Locale.ROOT,
        "%nMemory: %.1f bytes per user (baseline world with 1,000,000 users, heap after GC); 10 million users need about %.0f MB%n",
        perUser,
        perUser * 1e7 / 1e6);
    out.flush();

    scaling(kernelFile, kernel);

    List<FreshRun> walls = cliRuns(baselineFile, 3);
    if (!walls.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%n`govsim run %s` in a fresh JVM (start-up and output writing included), median of %d: %.2f s wall, %.2f s CPU%n",
          baselineFile,
          walls.size(),
          medianOf(walls.stream().mapToDouble(FreshRun::wallSeconds).toArray()),
          medianOf(walls.stream().mapToDouble(FreshRun::cpuSeconds).toArray()));
    }
    out.printf(Locale.ROOT, "%nload average at the end: %.1f%n", load());
    out.flush();
  }

  /**
   * The kernel against its Mesa peer in this command: govsim's warm-JVM stepping against Mesa's
   * stepping, and a fresh `govsim run` of the kernel against a fresh Python process of the peer,
   * their repetitions interleaved so that both see the same load.
   */
  private void sideBySide(Path kernelFile, ModelSpec kernel, double kStep, double kStepCpu)
      throws InterruptedException {
    out.printf(Locale.ROOT, "%nSide by side with the Mesa 3.3.1 peer of the kernel:%n");
    if (mesa == null) {
      out.println("  skipped: --mesa-reps 0");
      return;
    }
    Optional<String> why = mesa.unavailable();
    if (why.isPresent()) {
      out.println("  skipped: " + why.get());
      out.flush();
      return;
    }
    int users = kernel.users().count();
    int firms = kernel.firms().count();
    int days = (int) kernel.time().steps();
    int mdays = Math.min(mesaDays, days);
    double scale = days / (double) mdays;
    out.printf(
        Locale.ROOT,
        "  peer: %s (PYTHONPATH=%s %s market_kernel.py --users %d --firms %d --days %d);%n"
            + "  its cost per day is flat, so its stepping is scaled by %d/%d and its whole process"
            + " adds the scaled rest of the stepping.%n"
            + "  govsim: `java %s -jar govsim.jar run %s` in a fresh JVM (the launcher's flags for"
            + " run), %d days. %d runs each, interleaved.%n",
        mesa.dir(),
        mesa.dir(),
        "python3",
        users,
        firms,
        mdays,
        days,
        mdays,
        String.join(" ", launcherFlags(jarPath())),
        kernelFile,
        days,
        mesaReps);
    out.flush();
    List<MesaPeer.Run> m = new ArrayList<>();
    List<FreshRun> g = new ArrayList<>();
    try {
      for (int i = 0; i < mesaReps; i++) {
        m.add(mesa.run(users, firms, mdays, kernel.seed() + i));
        List<FreshRun> one = cliRuns(kernelFile, 1);
        if (one.isEmpty()) {
          out.println("  skipped: govsim runs from a jar only (build it with mvn package)");
          return;
        }
        g.addAll(one);
      }
    } catch (java.io.IOException e) {
      out.println("  skipped: " + e.getMessage());
      return;
    }
    double mStep = scale * medianOf(m.stream().mapToDouble(MesaPeer.Run::stepWall).toArray());
    double mStepCpu = scale * medianOf(m.stream().mapToDouble(MesaPeer.Run::stepCpu).toArray());
    double mWhole =
        medianOf(
            m.stream().mapToDouble(r -> r.processWall() + (scale - 1) * r.stepWall()).toArray());
    double mWholeCpu =
        medianOf(m.stream().mapToDouble(r -> r.processCpu() + (scale - 1) * r.stepCpu()).toArray());
    double gWhole = medianOf(g.stream().mapToDouble(FreshRun::wallSeconds).toArray());
    double gWholeCpu = medianOf(g.stream().mapToDouble(FreshRun::cpuSeconds).toArray());
    out.printf(
        Locale.ROOT,
        "                                  govsim          Mesa       Mesa / govsim%n");
    row("stepping, wall", kStep, mStep);
    row("stepping, CPU", kStepCpu, mStepCpu);
    row("whole process, wall", gWhole, mWhole);
    row("whole process, CPU", gWholeCpu, mWholeCpu);
    out.printf(
        Locale.ROOT,
        "  (medians; the peer's firm 0 after its %d days, seed %d: share %.4f, revised on day %s)%n",
        mdays,
        kernel.seed(),
        m.get(0).firm0Share(),
        m.get(0).firm0Revised());
    out.print(outsideStepping(g));
    out.flush();
  }

  /**
   * Issue 16 item 4's target: a fresh `govsim run` of the kernel takes at most this much longer
   * than its own stepping (whole-process wall time minus the step_seconds its manifest records).
   */
  static final double OUTSIDE_STEPPING_TARGET_SECONDS = 0.25;

  /**
   * The lines on the time a fresh run spends outside stepping (JVM start and exit, reading the
   * scenario, building the world, writing the outputs): medians over the runs of the whole-process
   * wall time, of the fresh stepping each run's manifest records (step_seconds: cold code and JIT
   * warm-up included, so more than the warm stepping above), and of the difference taken run by
   * run, against {@link #OUTSIDE_STEPPING_TARGET_SECONDS}. Empty when no run recorded its stepping.
   */
  static String outsideStepping(List<FreshRun> runs) {
    double[] step =
        runs.stream().mapToDouble(FreshRun::stepSeconds).filter(x -> !Double.isNaN(x)).toArray();
    double[] outside =
        runs.stream().mapToDouble(FreshRun::outsideSeconds).filter(x -> !Double.isNaN(x)).toArray();
    if (step.length == 0) return "";
    double median = medianOf(outside);
    String verdict =
        median <= OUTSIDE_STEPPING_TARGET_SECONDS
            ? "met"
            : String.format(
                Locale.ROOT, "not met, %.3f s over", median - OUTSIDE_STEPPING_TARGET_SECONDS);
    return String.format(
        Locale.ROOT,
        "  fresh `govsim run` of the kernel, medians of %d (issue 16.4):%n"
            + "    whole process %.3f s wall; its own stepping %.3f s (step_seconds of its manifest);%n"
            + "    outside stepping %.3f s (wall - step_seconds, run by run; target at most %.2f s:"
            + " %s)%n",
        outside.length,
        medianOf(runs.stream().mapToDouble(FreshRun::wallSeconds).toArray()),
        medianOf(step),
        median,
        OUTSIDE_STEPPING_TARGET_SECONDS,
        verdict);
  }

  private void row(String what, double govsim, double mesa) {
    out.printf(
        Locale.ROOT, "  %-26s %9.3f s   %9.2f s   %7.0fx%n", what, govsim, mesa, mesa / govsim);
  }

  /**
   * Stepping time of the kernel by users (10^4 up to the limit) and by attention rate (0.002, 0.02,
   * 0.2 a day at the kernel's users), with bytes per user of each world.
   */
  private void scaling(Path kernelFile, ModelSpec kernel) throws ScenarioException {
    out.printf(
        Locale.ROOT,
        "%nScaling (the kernel, %d days; medians of %d runs up to 100,000 users, one run above):%n",
        kernel.time().steps(),
        reps);
    out.printf(
        Locale.ROOT,
        "  %12s %10s %12s %12s %16s %14s%n",
        "users",
        "attention",
        "ms/step wall",
        "ms/step CPU",
        "user-days/s CPU",
        "bytes/user");
    for (int n = 10_000; n <= scaleMaxUsers && n > 0; n *= 10) {
      scalingRow(kernelFile, n, kernel.users().attentionRatePerDay());
      if (n > Integer.MAX_VALUE / 10) break;
    }
    for (double daily : new double[] {0.002, 0.02, 0.2}) {
      scalingRow(kernelFile, kernel.users().count(), -Math.log1p(-daily));
    }
  }

  private void scalingRow(Path kernelFile, int users, double ratePerDay) throws ScenarioException {
    ModelSpec s = kernelWith(kernelFile, users, ratePerDay);
    int n = users <= 100_000 ? reps : 1;
    List<Timing> ts = new ArrayList<>();
    for (int i = 0; i < n; i++) ts.add(time(s.withSeed(s.seed() + i)));
    double steps = s.time().steps();
    double cpu = median(ts, Timing::stepCpuSeconds);
    double perUser =
        (settledHeap(s) - settledHeap(kernelWith(kernelFile, 1, ratePerDay)))
            / (double) (users - 1);
    out.printf(
        Locale.ROOT,
        "  %,12d %9.3f/d %12.3f %12.3f %14.1f M %14.1f%n",
        users,
        Draws.stepProbability(ratePerDay, 1.0),
        1e3 * median(ts, Timing::stepSeconds) / steps,
        1e3 * cpu / steps,
        users * steps / cpu / 1e6,
        perUser);
    out.flush();
  }

  private static ModelSpec kernelWith(Path kernelFile, int users, double ratePerDay)
      throws ScenarioException {
    return Scenarios.load(
            kernelFile,
            List.of(
                "users.count=" + users,
                "users.attention_rate_per_day=" + Double.toString(ratePerDay)))
        .config();
  }

  private static String meanRevision(List<Timing> k) {
    double revised = 0;
    int revisedN = 0;
    for (Timing t : k) {
      if (!Double.isNaN(t.firm0RevisedDay())) {
        revised += t.firm0RevisedDay();
        revisedN++;
      }
    }
    return revisedN == 0 ? "never" : String.format(Locale.ROOT, "day %.1f", revised / revisedN);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
    // Wall and CPU time of this thread around the users' phase: {wall sum, CPU sum, wall at
    // start, CPU at start}.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] users = {0L, 0L, 0L, 0L};
    Steppable before =
        (SimState s) -> {
          users[2] = System.nanoTime();
          users[3] = threads.getCurrentThreadCpuTime();
        };
    Steppable after =
        (SimState s) -> {
          users[0] += System.nanoTime() - users[2];
          users[1] += threads.getCurrentThreadCpuTime() - users[3];
        };
    model.schedule.scheduleRepeating(Schedule.EPOCH, Phase.USERS.ordering() - 1, before, dt);
    model.schedule.scheduleRepeating(Schedule.EPOCH, Phase.USERS.ordering() + 1, after, dt);
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    while (!model.isDone()) model.stepOnce();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    Firm f0 = model.world().firms.get(0);
    double share = f0.users / (double) spec.users().count();
    return new Timing(
        seconds,
        cpu,
        users[0] / 1e9,
        users[1] / 1e9,
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
   * One fresh `govsim run`: wall and CPU seconds of the whole process, and the stepping seconds its
   * manifest.json records (NaN if it records none).
   */
  record FreshRun(double wallSeconds, double cpuSeconds, double stepSeconds) {
    /** Whole-process wall time outside stepping: start-up, set-up, output writing, exit. */
    double outsideSeconds() {
      return wallSeconds - stepSeconds;
    }
  }

  /** The {@code step_seconds} of a run's manifest.json, NaN if it is missing or unreadable. */
  static double stepSeconds(Path manifest) {
    try {
      com.google.gson.JsonElement e =
          com.google.gson.JsonParser.parseString(Files.readString(manifest))
              .getAsJsonObject()
              .get("step_seconds");
      return e != null && e.isJsonPrimitive() ? e.getAsDouble() : Double.NaN;
    } catch (java.io.IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Times `govsim run` in fresh JVMs (the way a user runs it), if this JVM was started from a jar:
   * wall and CPU seconds of each whole process and the stepping time its manifest records. Empty
   * when not run from a jar or a run failed.
   */
  static List<FreshRun> cliRuns(Path scenario, int times) {
    List<FreshRun> runs = new ArrayList<>();
    String jar = jarPath();
    if (!jar.endsWith(".jar")) return runs;
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      Path tmp = Files.createTempDirectory("govsim-bench");
      try {
        for (int i = 0; i < times; i++) {
          Path outDir = tmp.resolve("run-" + i);
          List<String> command = new ArrayList<>();
          command.add(java);
          command.addAll(launcherFlags(jar));
          command.addAll(
              List.of(
                  "-jar",
                  jar,
                  "run",
                  scenario.toAbsolutePath().toString(),
                  "--out",
                  outDir.toString(),
                  "--quiet"));
          TimedProcess.Result r = TimedProcess.run(command, Map.of(), null);
          if (r.exitCode() != 0) return new ArrayList<>();
          runs.add(
              new FreshRun(
                  r.wallSeconds(), r.cpuSeconds(), stepSeconds(outDir.resolve("manifest.json"))));
        }
      } finally {
        govsim.io.FileTrees.delete(tmp);
      }
    } catch (Exception e) {
      return new ArrayList<>();
    }
    return runs;
  }

  /** The jar this JVM runs from (a folder of classes in tests). */
  private static String jarPath() {
    return Benchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath();
  }

  /**
   * The JVM flags the launcher (./govsim) gives a `govsim run`, so that a fresh-JVM run here is the
   * run a user starts: the quick compiler only (-XX:TieredStopAtLevel=1) and, when the launcher has
   * recorded it for this jar (target/govsim.jsa, newer than the jar), the class-data sharing
   * archive. LauncherFlagsTest checks that the launcher still uses these flags.
   */
  static List<String> launcherFlags(String jar) {
    List<String> flags = new ArrayList<>();
    Path jarFile = Path.of(jar);
    Path jsa = jarFile.resolveSibling("govsim.jsa");
    try {
      if (Files.isRegularFile(jsa)
          && Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jarFile)) >= 0) {
        flags.addAll(
            List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:SharedArchiveFile=" + jsa));
      }
    } catch (java.io.IOException | RuntimeException e) {
      // No archive: the JVM loads classes as usual, as the launcher's would.
    }
    flags.add("-XX:TieredStopAtLevel=1");
    return flags;
  }

  static double medianOf(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    if (n == 0) return Double.NaN;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
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
