package govsim.experiment.sweep;

import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.io.BuildInfo;
import govsim.io.FileTrees;
import govsim.io.OutputGuard;
import govsim.model.ModelSpec;
import govsim.observe.Metrics;
import govsim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Runs a sweep into its output folder, crash-safely and resumably.
 *
 * <p>The folder holds the outputs and a work area {@code .sweep/}: {@code lock} (see {@link
 * SweepLock}), {@code state.json} (see {@link SweepState}) and {@code journal} (see {@link
 * RunJournal}). A session: take the lock; check the folder's state (a resume with changed inputs is
 * refused with the reason); drop whatever a crash left half-written (the journal's incomplete tail,
 * temporary output files); run every run without a record (and, with retry-failed, every failed
 * one, with the same seed) on all threads, appending each finished run to the journal; when every
 * run has a record, write the output files from the journal in run order ({@link SweepOutputs}),
 * record their sizes and SHA-256 checksums in the state and mark the sweep complete. The journal is
 * kept: a resume of a complete sweep checks the outputs against the recorded checksums and writes
 * damaged or missing ones again from it (the same bytes). Outputs are therefore the same bytes
 * whether the sweep ran in one session or was killed and resumed, on any number of threads, on any
 * {@link SweepEngine} (this machine's threads, a Spark cluster).
 *
 * <p>A shard ({@code --shard i/N}, for HPC job arrays) runs only its slice of the runs into its own
 * folder; when the slice is done the journal is kept (it is the shard's result) and a short {@code
 * shard.json} says what the folder holds. {@link SweepMerge} then writes the outputs of the whole
 * sweep from the shards' journals, through the same {@link SweepOutputs}.
 */
public final class SweepRunner {
  /** Name of the work area inside the output folder. */
  public static final String WORK = ".sweep";

  private final SweepPlan plan;
  private final SweepDefinition def;
  private final ModelRunner model;
  private final SweepWork work;

  /**
   * @param plan the sweep's runs
   * @param model how to execute one run ({@link ModelRunner#SINGLE_RUN} but in tests)
   */
  public SweepRunner(SweepPlan plan, ModelRunner model) {
    this.plan = plan;
    this.def = plan.definition();
    this.model = model;
    this.work = new SweepWork(plan);
  }

  /**
   * Options of a session.
   *
   * @param out the output folder (see {@link #defaultFolder})
   * @param threads worker threads, at least 1
   * @param resume continue the sweep in the folder (run its missing runs)
   * @param retryFailed also rerun the runs that failed, with the same seeds (implies resume)
   * @param force discard whatever the folder holds and start again
   * @param command the command line, for the manifest
   * @param shard the slice of the runs to run, or null for the whole sweep
   */
  public record Options(
      Path out,
      int threads,
      boolean resume,
      boolean retryFailed,
      boolean force,
      List<String> command,
      Shard shard) {

    /** Options of a whole (unsharded) sweep. */
    public Options(
        Path out,
        int threads,
        boolean resume,
        boolean retryFailed,
        boolean force,
        List<String> command) {
      this(out, threads, resume, retryFailed, force, command, null);
    }
  }

  /**
   * What a session did.
   *
   * @param folder the output folder
   * @param runs runs in the sweep (in the shard, for a shard)
   * @param ran runs executed in this session
   * @param failed runs whose latest record is a failure
   * @param complete every run has a record and the outputs (a shard: shard.json) are written
   * @param wallSeconds wall time of this session
   * @param wrote this session wrote the outputs (a shard: shard.json), also when it ran no run
   *     (outputs found damaged and written again from the journal)
   */
  public record Result(
      Path folder,
      int runs,
      int ran,
      int failed,
      boolean complete,
      double wallSeconds,
      boolean wrote) {}

  /** A session that cannot start: the message says why and what to do. The CLI exits with 2. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The replication target's outcome of the last session (null without --precision). */
  private volatile Adaptive lastAdaptive;

  /**
   * With --precision, what the last session's sweep used: "n per point 4 to 32 (mean 9.5); 7 of 8
   * points reached the target (precision.csv)"; null otherwise.
   */
  public String precisionSummary() {
    Adaptive a = lastAdaptive;
    if (a == null) return null;
    int min = Integer.MAX_VALUE;
    int max = 0;
    long sum = 0;
    int reached = 0;
    for (int p = 0; p < a.replications.length; p++) {
      min = Math.min(min, a.replications[p]);
      max = Math.max(max, a.replications[p]);
      sum += a.replications[p];
      if (a.ratios[p] <= 1) reached++;
    }
    return String.format(
        Locale.ROOT,
        "replications per point %d to %d (mean %.1f) in %d round(s); %d of %d points reached the"
            + " target, the others stopped at --max-reps %d (precision.csv)",
        min,
        max,
        (double) sum / a.replications.length,
        a.rounds,
        reached,
        a.replications.length,
        plan.precision().maxReplications());
  }

  /** How one run is executed. */
  ModelRunner modelRunner() {
    return model;
  }

  /** What an engine needs to execute the runs. */
  public SweepWork work() {
    return work;
  }

  /** {@code results/<scenario name>/sweep-<sweep name>/}. */
  public Path defaultFolder() {
    return checked(def.scenarioName(), "sweep-" + def.name());
  }

  /** {@code results/<names>}; the names were validated as safe file names, so this cannot fail. */
  private static Path checked(String... names) {
    try {
      return OutputGuard.defaultFolder(names);
    } catch (OutputGuard.Refused e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * The default folder of a shard, {@code results/<scenario>/sweep-<name>-shard-<i>-of-<N>/}: a
   * sibling of the whole sweep's folder (where {@code govsim merge} writes), not inside it.
   */
  public Path defaultFolder(Shard shard) {
    if (shard == null) return defaultFolder();
    return checked(
        def.scenarioName(),
        "sweep-" + def.name() + "-shard-" + shard.index() + "-of-" + shard.count());
  }

  /**
   * Builds the scenario of one run: the regime's resolved base with the point's values, the sweep's
   * recording interval and the run's seed, validated and bound (on the worker thread).
   *
   * @throws ScenarioException if the combination of values is invalid (the run then fails)
   */
  ModelSpec spec(SweepPlan.Run run) throws ScenarioException {
    return work.spec(run.index());
  }

  /**
   * Runs a session.
   *
   * @param o the options
   * @param log where to say what happens (folder, resume, discarded partial records)
   * @param progress makes the progress report from (total runs, runs already done)
   * @throws Refused if the folder is locked, holds another sweep or a sweep with changed inputs, or
   *     is a non-empty folder that is not a sweep (without force)
   * @throws IOException if the folder cannot be written
   * @throws InterruptedException if interrupted (finished runs stay recorded)
   */
  public Result run(Options o, PrintWriter log, BiFunction<Integer, Integer, Progress> progress)
      throws Refused, IOException, InterruptedException {
    return run(o, new LocalEngine(o.threads(), model), log, progress);
  }

  /**
   * Runs a session on the given engine (see {@link #run(Options, PrintWriter, BiFunction)}); the
   * engine is only asked to work if some runs are missing.
   *
   * @param engine where the runs are executed
   */
  public Result run(
      Options o,
      SweepEngine engine,
      PrintWriter log,
      BiFunction<Integer, Integer, Progress> progress)
      throws Refused, IOException, InterruptedException {
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    Path folder = o.out();
    Path workDir = folder.resolve(WORK);
    Path stateFile = workDir.resolve("state.json");
    guard(folder, o.force());
    if (!o.force() && !Files.exists(stateFile) && hasOtherFiles(folder)) {
      throw new Refused(
          "output folder "
              + folder
              + " exists, is not empty and holds no sweep; use --force to"
              + " replace its contents, or --out DIR");
    }
    Files.createDirectories(workDir);
    try (SweepLock lock = SweepLock.tryAcquire(workDir.resolve("lock"))) {
      if (lock == null) {
        throw new Refused(
            "another govsim sweep is writing "
                + folder
                + " (it holds "
                + workDir.resolve("lock")
                + "); wait for it to finish, or use --out DIR");
      }
      SweepState current = SweepState.fresh(plan, started.toString(), o.shard());
      SweepState state = null;
      if (o.force()) {
        wipe(folder);
      } else if (Files.exists(stateFile)) {
        try {
          state = SweepState.read(stateFile);
        } catch (SweepState.Damaged e) {
          throw new Refused(
              "the sweep's state file "
                  + stateFile
                  + " is damaged ("
                  + e.getMessage()
                  + "), so govsim"
                  + " cannot tell which sweep the runs recorded in "
                  + folder
                  + " belong to; start the sweep again with"
                  + " --force (this replaces the folder's contents), or use --out DIR for a new folder");
        }
      }
      if (state != null) {
        if (!o.resume() && !o.retryFailed()) {
          throw new Refused(
              "output folder "
                  + folder
                  + " already holds a sweep ("
                  + (state.complete ? "complete" : "incomplete")
                  + "); use --resume to continue it, --retry-failed to rerun its failed"
                  + " runs, --force to start again, or --out DIR");
        }
        String why = state.mismatch(current);
        if (why != null) {
          throw new Refused(
              "cannot resume the sweep in "
                  + folder
                  + ": "
                  + why
                  + ". Start a new sweep with --out"
                  + " DIR, or start this one again with --force");
        }
        String damage =
            state.complete && (!o.retryFailed() || state.runsFailed == 0)
                ? state.damagedOutput(folder)
                : null;
        if (damage != null) {
          Path journal = workDir.resolve("journal");
          log.println(
              "govsim sweep: the sweep in "
                  + folder
                  + " is complete but "
                  + damage
                  + (Files.exists(journal)
                      ? "; writing its outputs again from the runs recorded in " + journal
                      : "; its journal "
                          + journal
                          + " is gone, so its runs are run again to write the outputs"));
          log.flush();
        } else if (state.complete && (!o.retryFailed() || state.runsFailed == 0)) {
          int runs =
              o.shard() == null
                  ? (state.runsUsed > 0 ? state.runsUsed : state.runs)
                  : o.shard().size(state.runs);
          log.printf(
              Locale.ROOT,
              "govsim sweep: %s is already complete (%s%d runs, %d failed)%s%n",
              folder,
              o.shard() == null ? "" : "shard " + o.shard() + ": ",
              runs,
              state.runsFailed,
              state.runsFailed > 0 ? "; --retry-failed reruns the failed ones" : "");
          log.flush();
          return new Result(
              folder, runs, 0, state.runsFailed, true, (System.nanoTime() - t0) / 1e9, false);
        }
      } else {
        if (o.resume() || o.retryFailed()) {
          log.println("govsim sweep: no sweep to resume in " + folder + "; starting it");
        }
        state = current;
      }
      state.sessions++;
      state.complete = false;
      state.outputs = null;
      state.write(stateFile);
      AtomicFile.deleteLeftovers(folder);
      AtomicFile.deleteLeftovers(workDir);
      return session(o, engine, log, progress, folder, workDir, state, started, t0);
    }
  }

  private Result session(
      Options o,
      SweepEngine engine,
      PrintWriter log,
      BiFunction<Integer, Integer, Progress> progressFactory,
      Path folder,
      Path workDir,
      SweepState state,
      Instant started,
      long t0)
      throws IOException, InterruptedException {
    Path journalFile = workDir.resolve("journal");
    Shard shard = o.shard();
    int mine = shard == null ? plan.runs() : shard.size(plan.runs());
    int failed;
    int ran;
    Adaptive adaptive = null;
    try (RunJournal journal = RunJournal.open(journalFile, plan.runs())) {
      if (journal.truncatedBytes() > 0) {
        log.printf(
            Locale.ROOT,
            "govsim sweep: discarded an incomplete record (%d bytes) left by an interrupted"
                + " session%n",
            journal.truncatedBytes());
      }
      if (plan.precision() != null) {
        adaptive = adaptive(o, engine, log, progressFactory, journal, journalFile);
        lastAdaptive = adaptive;
        ran = adaptive.ran;
        mine = adaptive.runs();
        failed = 0;
        for (int p = 0; p < plan.points(); p++) {
          for (int i = 0; i < adaptive.replications[p] * plan.regimes(); i++)
            if (journal.isFailed(p * plan.runsPerPoint() + i)) failed++;
        }
      } else {
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < plan.runs(); i++) {
          if (shard != null && !shard.contains(i)) continue;
          if (!journal.isDone(i) || (o.retryFailed() && journal.isFailed(i))) todo.add(i);
        }
        int already = mine - todo.size();
        if (already > 0) {
          log.printf(
              Locale.ROOT,
              "govsim sweep: resuming: %d of %d runs already done; running %d%n",
              already,
              mine,
              todo.size());
        }
        log.flush();
        ran = todo.size();
        if (!todo.isEmpty()) {
          try (Progress progress = progressFactory.apply(mine, already)) {
            engine.execute(this.work, todo, new Recorder(journal, journalFile, todo, progress));
          }
        }
        failed = 0;
        int done = 0;
        for (int i = 0; i < plan.runs(); i++) {
          if (shard != null && !shard.contains(i)) continue;
          if (journal.isDone(i)) done++;
          if (journal.isFailed(i)) failed++;
        }
        if (done < mine) {
          throw new IOException(
              (mine - done)
                  + " runs are missing after the session (the engine returned without"
                  + " them); continue with --resume");
        }
      }
      Map<String, Object> session = new LinkedHashMap<>();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("command", o.command());
      s.putAll(engine.describe());
      s.put("sessions", state.sessions);
      s.put("started_utc", state.startedUtc);
      s.put("this_session_started_utc", started.toString());
      s.put("finished_utc", Instant.now().toString());
      s.put("this_session_wall_seconds", (System.nanoTime() - t0) / 1e9);
      s.put("this_session_runs", ran);
      session.put("session", s);
      if (shard == null) {
        SweepOutputs outputs =
            adaptive == null
                ? new SweepOutputs(plan, journal, folder)
                : new SweepOutputs(
                    plan, journal, folder, adaptive.replications, adaptive.ratios, adaptive.rounds);
        outputs.writeAll(session);
        state.outputs = SweepState.measure(folder, outputs.files());
      } else {
        writeShardSummary(folder, shard, mine, failed, session);
      }
    }
    state.complete = true;
    state.runsFailed = failed;
    state.runsUsed = adaptive == null ? 0 : mine;
    // The journal stays: it is what damaged or missing outputs are written again from (see run()).
    state.write(workDir.resolve("state.json"));
    return new Result(folder, mine, ran, failed, true, (System.nanoTime() - t0) / 1e9, true);
  }

  /**
   * What a sweep with a replication target ran: the replications each point got, its final ratio of
   * half-width to target (at most 1 where the target was reached), the rounds, and the runs
   * executed in this session.
   */
  record Adaptive(int[] replications, double[] ratios, int rounds, int ran, int regimes) {
    int runs() {
      int n = 0;
      for (int r : replications) n += r * regimes;
      return n;
    }
  }

  /**
   * Runs a sweep with a replication target ({@link SweepPrecision}) in rounds: round 0 is every
   * point's first replications; after each round every point still short of its target gets the
   * next replications its worst metric projects. Each decision reads only the journal's records of
   * that point, so a resumed session (whose first rounds find their runs already recorded) makes
   * exactly the decisions of an uninterrupted one, and the thread count cannot change them.
   */
  private Adaptive adaptive(
      Options o,
      SweepEngine engine,
      PrintWriter log,
      BiFunction<Integer, Integer, Progress> progressFactory,
      RunJournal journal,
      Path journalFile)
      throws IOException, InterruptedException {
    SweepPrecision pr = plan.precision();
    int points = plan.points();
    int regimes = plan.regimes();
    int[] metric = new int[pr.metrics().size()];
    for (int m = 0; m < metric.length; m++)
      metric[m] = Metrics.RUN_NAMES.indexOf(pr.metrics().get(m));
    int[] n = new int[points];
    int[] checked = new int[points];
    double[] ratio = new double[points];
    boolean[] open = new boolean[points];
    java.util.Arrays.fill(n, plan.initialReplications());
    java.util.Arrays.fill(open, true);
    java.util.Arrays.fill(ratio, Double.NaN);
    BitSet retried = new BitSet();
    int ran = 0;
    int rounds = 0;
    while (true) {
      List<Integer> todo = new ArrayList<>();
      int asked = 0;
      for (int p = 0; p < points; p++) {
        if (!open[p]) continue;
        for (int rep = checked[p]; rep < n[p]; rep++) {
          for (int g = 0; g < regimes; g++) {
            int id = (p * plan.replications() + rep) * regimes + g;
            asked++;
            boolean retry = o.retryFailed() && journal.isFailed(id) && !retried.get(id);
            if (!journal.isDone(id) || retry) {
              todo.add(id);
              retried.set(id);
            }
          }
        }
      }
      if (asked == 0) break;
      if (rounds == 0 && asked > todo.size()) {
        log.printf(
            Locale.ROOT,
            "govsim sweep: resuming: %d of the first round's %d runs already done; running %d%n",
            asked - todo.size(),
            asked,
            todo.size());
      } else if (rounds > 0 && !todo.isEmpty()) {
        log.printf(
            Locale.ROOT,
            "govsim sweep: precision round %d: %d runs at the points short of their target%n",
            rounds + 1,
            todo.size());
      }
      log.flush();
      if (!todo.isEmpty()) {
        try (Progress progress = progressFactory.apply(asked, asked - todo.size())) {
          engine.execute(this.work, todo, new Recorder(journal, journalFile, todo, progress));
        }
        ran += todo.size();
      }
      for (int id : todo) {
        if (!journal.isDone(id)) {
          throw new IOException(
              "runs are missing after a round (the engine returned without them); continue"
                  + " with --resume");
        }
      }
      rounds++;
      for (int p = 0; p < points; p++) {
        if (!open[p]) continue;
        checked[p] = n[p];
        double[][][] values = new double[regimes][metric.length][n[p]];
        for (int rep = 0; rep < n[p]; rep++) {
          for (int g = 0; g < regimes; g++) {
            RunRecord rec = journal.read((p * plan.replications() + rep) * regimes + g);
            for (int m = 0; m < metric.length; m++) {
              values[g][m][rep] =
                  rec.ok() && metric[m] < rec.summary().length
                      ? rec.summary()[metric[m]]
                      : Double.NaN;
            }
          }
        }
        ratio[p] = pr.worstRatio(values, def.spec().confidence());
        if (ratio[p] <= 1 || n[p] >= pr.maxReplications()) open[p] = false;
        else n[p] = pr.next(n[p], ratio[p]);
      }
    }
    return new Adaptive(n, ratio, rounds, ran, regimes);
  }

  /**
   * The driver's end of every engine: journals each finished run once, keyed by its run id. A
   * second record of a run in one session (a Spark task retried or run speculatively after its
   * result was delivered) is dropped, so it can add no row; a record of a run that was not asked
   * for, or with another seed, is a bug and stops the sweep.
   */
  private final class Recorder implements SweepEngine.RecordSink {
    private final RunJournal journal;
    private final Path journalFile;
    private final BitSet wanted = new BitSet();
    private final BitSet recorded = new BitSet();
    private final Progress progress;

    Recorder(RunJournal journal, Path journalFile, List<Integer> todo, Progress progress) {
      this.journal = journal;
      this.journalFile = journalFile;
      this.progress = progress;
      for (int r : todo) wanted.set(r);
    }

    @Override
    public void accept(RunRecord rec) throws IOException {
      int run = rec.run();
      if (run < 0 || !wanted.get(run)) {
        throw new IllegalStateException(
            "the engine returned run " + run + ", which was not asked for");
      }
      if (rec.seed() != plan.run(run).seed()) {
        throw new IllegalStateException(
            "the engine returned run "
                + run
                + " with seed "
                + rec.seed()
                + ", the plan's"
                + " is "
                + plan.run(run).seed());
      }
      if (recorded.get(run)) return;
      try {
        journal.append(rec);
      } catch (IOException e) {
        throw new IOException(
            "cannot record run " + run + " in " + journalFile + ": " + e.getMessage(), e);
      }
      recorded.set(run);
      progress.finished(rec.ok(), "run " + run);
    }
  }

  /** {@code shard.json}: what a shard folder holds and how to merge it (the results come later). */
  private void writeShardSummary(
      Path folder, Shard shard, int runs, int failed, Map<String, Object> session)
      throws IOException {
    BuildInfo build = BuildInfo.current();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "parameter sweep shard");
    m.put("name", def.name());
    m.put("sweep_file", def.file().toString());
    m.put("sweep_sha256", def.sha256());
    m.put("shard", shard.toString());
    m.put("assignment", "run r belongs to shard (r mod " + shard.count() + ") + 1");
    m.put("sweep_runs", plan.runs());
    m.put("runs", runs);
    m.put("runs_ok", runs - failed);
    m.put("runs_failed", failed);
    m.put(
        "results",
        "this shard's runs are recorded in .sweep/journal; once every shard is complete, write the"
            + " sweep's outputs with: govsim merge <the "
            + shard.count()
            + " shard folders>");
    m.put("govsim_version", build.version());
    m.put("git_commit", build.commit());
    m.putAll(session);
    AtomicFile.write(folder.resolve("shard.json"), govsim.io.Json.pretty(m));
  }

  /** True if the folder exists and holds anything besides the work area. */
  static boolean hasOtherFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) return Files.exists(folder);
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
      for (Path p : s) if (!p.getFileName().toString().equals(WORK)) return true;
    }
    return false;
  }

  /**
   * The {@code --force} rule ({@link OutputGuard}): the folder is never the working folder, home,
   * root or a file; with force, an existing non-empty folder must have been written by govsim.
   */
  static void guard(Path folder, boolean force) throws Refused {
    try {
      OutputGuard.checkTarget(folder);
      if (force) OutputGuard.checkReplaceable(folder);
    } catch (OutputGuard.Refused e) {
      throw new Refused(e.getMessage());
    }
  }

  /** Deletes everything in the folder but the lock file (which this session holds). */
  static void wipe(Path folder) throws IOException {
    FileTrees.deleteContents(folder, Set.of(folder.resolve(WORK).resolve("lock")));
  }
}
