package govsim.experiment.sweep;

import govsim.experiment.RunResult;
import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.Progress;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.observe.RunListener;
import govsim.observe.RunSummary;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * Runs a sweep into its output folder, crash-safely and resumably.
 *
 * <p>The folder holds the outputs and a work area {@code .sweep/}: {@code lock} (see {@link
 * SweepLock}), {@code state.json} (see {@link SweepState}) and {@code journal} (see {@link
 * RunJournal}). A session: take the lock; check the folder's state (a resume with changed inputs
 * is refused with the reason); drop whatever a crash left half-written (the journal's incomplete
 * tail, temporary output files); run every run without a record (and, with retry-failed, every
 * failed one, with the same seed) on all threads, appending each finished run to the journal;
 * when every run has a record, write the output files from the journal in run order ({@link
 * SweepOutputs}), mark the sweep complete and, if no run failed, delete the journal. Outputs are
 * therefore the same bytes whether the sweep ran in one session or was killed and resumed, on any
 * number of threads.
 */
public final class SweepRunner {
  /** Name of the work area inside the output folder. */
  public static final String WORK = ".sweep";

  private final SweepPlan plan;
  private final SweepDefinition def;
  private final ModelRunner model;
  private final ScenarioLoader<ModelSpec> loader = Scenarios.loader();

  /**
   * @param plan the sweep's runs
   * @param model how to execute one run ({@link ModelRunner#SINGLE_RUN} but in tests)
   */
  public SweepRunner(SweepPlan plan, ModelRunner model) {
    this.plan = plan;
    this.def = plan.definition();
    this.model = model;
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
   */
  public record Options(Path out, int threads, boolean resume, boolean retryFailed, boolean force,
      List<String> command) {}

  /**
   * What a session did.
   *
   * @param folder the output folder
   * @param runs runs in the sweep
   * @param ran runs executed in this session
   * @param failed runs whose latest record is a failure
   * @param complete every run has a record and the outputs are written
   * @param wallSeconds wall time of this session
   */
  public record Result(Path folder, int runs, int ran, int failed, boolean complete, double wallSeconds) {}

  /** A session that cannot start: the message says why and what to do. The CLI exits with 2. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** How one run is executed. */
  ModelRunner modelRunner() {
    return model;
  }

  /** {@code results/<scenario name>/sweep-<sweep name>/}. */
  public Path defaultFolder() {
    return Path.of("results", def.scenarioName(), "sweep-" + def.name());
  }

  /**
   * Builds the scenario of one run: the regime's resolved base with the point's values, the
   * sweep's recording interval and the run's seed, validated and bound (on the worker thread).
   *
   * @throws ScenarioException if the combination of values is invalid (the run then fails)
   */
  ModelSpec spec(SweepPlan.Run run) throws ScenarioException {
    Map<String, Object> tree = def.scenarios().get(run.regime()).resolved();
    tree = ScenarioLoader.withValue(tree, "outputs.record_every_steps", (long) def.spec().recordEverySteps());
    Object[] values = plan.point(run.point());
    for (int i = 0; i < values.length; i++) tree = ScenarioLoader.withValue(tree, def.parameters().get(i).path(), values[i]);
    tree = ScenarioLoader.withValue(tree, "seed", run.seed());
    return loader.bind(tree, "sweep run " + run.index() + " (point " + run.point() + ")");
  }

  /**
   * Runs a session.
   *
   * @param o the options
   * @param log where to say what happens (folder, resume, discarded partial records)
   * @param progress makes the progress report from (total runs, runs already done)
   * @throws Refused if the folder is locked, holds another sweep or a sweep with changed inputs,
   *     or is a non-empty folder that is not a sweep (without force)
   * @throws IOException if the folder cannot be written
   * @throws InterruptedException if interrupted (finished runs stay recorded)
   */
  public Result run(Options o, PrintWriter log, BiFunction<Integer, Integer, Progress> progress)
      throws Refused, IOException, InterruptedException {
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    Path folder = o.out();
    Path work = folder.resolve(WORK);
    Path stateFile = work.resolve("state.json");
    if (!o.force() && !Files.exists(stateFile) && hasOtherFiles(folder)) {
      throw new Refused("output folder " + folder + " exists, is not empty and holds no sweep; use --force to"
          + " replace its contents, or --out DIR");
    }
    Files.createDirectories(work);
    try (SweepLock lock = SweepLock.tryAcquire(work.resolve("lock"))) {
      if (lock == null) {
        throw new Refused("another govsim sweep is writing " + folder + " (it holds " + work.resolve("lock")
            + "); wait for it to finish, or use --out DIR");
      }
      SweepState current = SweepState.fresh(plan, started.toString());
      SweepState state = Files.exists(stateFile) ? SweepState.read(stateFile) : null;
      if (state != null && o.force()) {
        wipe(folder);
        state = null;
      } else if (state == null && o.force()) {
        wipe(folder);
      }
      if (state != null) {
        if (!o.resume() && !o.retryFailed()) {
          throw new Refused("output folder " + folder + " already holds a sweep (" + (state.complete
              ? "complete" : "incomplete") + "); use --resume to continue it, --retry-failed to rerun its failed"
              + " runs, --force to start again, or --out DIR");
        }
        String why = state.mismatch(current);
        if (why != null) {
          throw new Refused("cannot resume the sweep in " + folder + ": " + why + ". Start a new sweep with --out"
              + " DIR, or start this one again with --force");
        }
        if (state.complete && (!o.retryFailed() || state.runsFailed == 0)) {
          log.printf(Locale.ROOT, "govsim sweep: %s is already complete (%d runs, %d failed)%s%n", folder, state.runs,
              state.runsFailed, state.runsFailed > 0 ? "; --retry-failed reruns the failed ones" : "");
          log.flush();
          return new Result(folder, state.runs, 0, state.runsFailed, true, (System.nanoTime() - t0) / 1e9);
        }
      } else {
        if (o.resume() || o.retryFailed()) {
          log.println("govsim sweep: no sweep to resume in " + folder + "; starting it");
        }
        state = current;
      }
      state.sessions++;
      state.complete = false;
      state.write(stateFile);
      AtomicFile.deleteLeftovers(folder);
      AtomicFile.deleteLeftovers(work);
      return session(o, log, progress, folder, work, state, started, t0);
    }
  }

  private Result session(Options o, PrintWriter log, BiFunction<Integer, Integer, Progress> progressFactory,
      Path folder, Path work, SweepState state, Instant started, long t0) throws IOException, InterruptedException {
    Path journalFile = work.resolve("journal");
    int failed;
    int ran;
    try (RunJournal journal = RunJournal.open(journalFile, plan.runs())) {
      if (journal.truncatedBytes() > 0) {
        log.printf(Locale.ROOT, "govsim sweep: discarded an incomplete record (%d bytes) left by an interrupted"
            + " session%n", journal.truncatedBytes());
      }
      List<Integer> todo = new ArrayList<>();
      for (int i = 0; i < plan.runs(); i++) {
        if (!journal.isDone(i) || (o.retryFailed() && journal.isFailed(i))) todo.add(i);
      }
      int already = plan.runs() - todo.size();
      if (already > 0) {
        log.printf(Locale.ROOT, "govsim sweep: resuming: %d of %d runs already done; running %d%n", already,
            plan.runs(), todo.size());
      }
      log.flush();
      ran = todo.size();
      if (!todo.isEmpty()) {
        try (Progress progress = progressFactory.apply(plan.runs(), already)) {
          new BatchRunner(o.threads()).run(jobs(todo), (Outcome<RunRecord> out) -> {
            SweepPlan.Run run = plan.run(todo.get((int) out.index()));
            RunRecord rec = out.ok()
                ? new RunRecord(run.index(), true, run.seed(), out.wallSeconds(), out.result().stepSeconds(), "",
                    out.result().summary(), out.result().rows())
                : new RunRecord(run.index(), false, run.seed(), out.wallSeconds(), Double.NaN, out.errorText(),
                    new double[0], List.of());
            try {
              journal.append(rec);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException("cannot record run " + run.index() + " in " + journalFile
                  + ": " + e.getMessage(), e);
            }
            progress.finished(out.ok(), "run " + run.index());
          });
        } catch (java.io.UncheckedIOException e) {
          throw e.getCause();
        }
      }
      failed = journal.failures();
      if (journal.done() < plan.runs()) {
        throw new IllegalStateException("runs are missing from the journal after the session");
      }
      Map<String, Object> session = new LinkedHashMap<>();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("command", o.command());
      s.put("threads", o.threads());
      s.put("sessions", state.sessions);
      s.put("started_utc", state.startedUtc);
      s.put("this_session_started_utc", started.toString());
      s.put("finished_utc", Instant.now().toString());
      s.put("this_session_wall_seconds", (System.nanoTime() - t0) / 1e9);
      s.put("this_session_runs", ran);
      session.put("session", s);
      new SweepOutputs(plan, journal, folder).writeAll(session);
    }
    state.complete = true;
    state.runsFailed = failed;
    state.write(work.resolve("state.json"));
    if (failed == 0) Files.deleteIfExists(journalFile);
    return new Result(folder, plan.runs(), ran, failed, true, (System.nanoTime() - t0) / 1e9);
  }

  /** The jobs of the given runs, in order; each builds its scenario and runs it on a worker. */
  private Iterator<Callable<RunRecord>> jobs(List<Integer> todo) {
    boolean keepRows = def.spec().timeseries();
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < todo.size();
      }

      @Override
      public Callable<RunRecord> next() {
        SweepPlan.Run run = plan.run(todo.get(next++));
        return () -> {
          ModelSpec spec = spec(run);
          List<double[]> rows = new ArrayList<>();
          RunResult r = model.run(spec, keepRows ? new RunListener() {
            @Override
            public void row(double[] row) {
              rows.add(row.clone());
            }
          } : RunListener.NONE);
          double[] summary = new double[RunSummary.METRICS.size()];
          for (int m = 0; m < summary.length; m++) {
            Double v = r.summary().get(RunSummary.METRICS.get(m));
            summary[m] = v == null ? Double.NaN : v;
          }
          return new RunRecord(run.index(), true, run.seed(), Double.NaN, r.stepSeconds(), "", summary, rows);
        };
      }
    };
  }

  /** True if the folder exists and holds anything besides the work area. */
  private static boolean hasOtherFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) return Files.exists(folder);
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
      for (Path p : s) if (!p.getFileName().toString().equals(WORK)) return true;
    }
    return false;
  }

  /** Deletes everything in the folder but the lock file (which this session holds). */
  private static void wipe(Path folder) throws IOException {
    Path lock = folder.resolve(WORK).resolve("lock");
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!file.equals(lock)) Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) throw exc;
        if (!dir.equals(folder) && !dir.equals(lock.getParent())) Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
