package govsim.experiment.sweep;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.experiment.batch.RunGuard;
import govsim.io.IoErrors;
import govsim.observe.RunListener;
import govsim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One invocation of {@code govsim sweep}: validate the sweep file, plan it, then either describe it
 * with a time estimate ({@code --dry-run}) or run a session ({@link SweepRunner}) on the chosen
 * engine (this machine's threads, or Spark through {@link SparkBridge}), for the whole sweep or one
 * shard, reporting on the given streams. The CLI command ({@code govsim sweep}) only parses options
 * and maps the {@link Status} to an exit code; tests call this directly (with a model runner or an
 * engine of their own).
 */
public final class SweepExecution {
  private SweepExecution() {}

  /** How an invocation ended. */
  public enum Status {
    /** Every run succeeded (or a dry run was printed). */
    OK,
    /** The sweep file, base scenario or folder state was refused; nothing was run. */
    BAD_INPUT,
    /** Something failed while running (an I/O error, an internal error). */
    FAILURE,
    /**
     * The sweep finished but some runs failed (recorded in runs.csv; --retry-failed reruns them).
     */
    RUNS_FAILED
  }

  /**
   * What to do.
   *
   * @param sweepFile the sweep YAML
   * @param out output folder, or null for the default results/&lt;scenario&gt;/sweep-&lt;name&gt;/
   * @param threads worker threads, at least 1
   * @param resume continue the sweep in the folder
   * @param retryFailed rerun failed runs (and missing ones) with the same seeds
   * @param dryRun print the plan and a time estimate; run and write nothing
   * @param force replace the folder's contents
   * @param quiet no progress report
   * @param terminal draw a progress bar (else plain lines every {@link #LINE_INTERVAL})
   * @param command the command line, for the manifest
   * @param engine {@link #LOCAL} or {@link #SPARK}
   * @param master the Spark master URL, or null (spark only)
   * @param shard the slice of the runs to run, or null for the whole sweep
   * @param extendsAnywhere let the base scenario's extends leave its default scope
   * @param runTimeout the longest a run may step before it is recorded as failed, or null for no
   *     limit (local engine)
   * @param precision a replication target (--precision), or null for the sweep file's fixed
   *     replications; its metrics may be empty for the sweep file's metrics
   */
  public record Request(
      Path sweepFile,
      Path out,
      int threads,
      boolean resume,
      boolean retryFailed,
      boolean dryRun,
      boolean force,
      boolean quiet,
      boolean terminal,
      List<String> command,
      String engine,
      String master,
      Shard shard,
      boolean extendsAnywhere,
      java.time.Duration runTimeout,
      SweepPrecision precision) {

    /**
     * A request whose base scenario's extends stay in the default scope, without a run time-out.
     */
    public Request(
        Path sweepFile,
        Path out,
        int threads,
        boolean resume,
        boolean retryFailed,
        boolean dryRun,
        boolean force,
        boolean quiet,
        boolean terminal,
        List<String> command,
        String engine,
        String master,
        Shard shard) {
      this(
          sweepFile,
          out,
          threads,
          resume,
          retryFailed,
          dryRun,
          force,
          quiet,
          terminal,
          command,
          engine,
          master,
          shard,
          false,
          null,
          null);
    }

    /** A request for the whole sweep on the local engine. */
    public Request(
        Path sweepFile,
        Path out,
        int threads,
        boolean resume,
        boolean retryFailed,
        boolean dryRun,
        boolean force,
        boolean quiet,
        boolean terminal,
        List<String> command) {
      this(
          sweepFile,
          out,
          threads,
          resume,
          retryFailed,
          dryRun,
          force,
          quiet,
          terminal,
          command,
          LOCAL,
          null,
          null);
    }
  }

  /** The engine running on this machine's threads. */
  public static final String LOCAL = "local";

  /** The Spark engine. */
  public static final String SPARK = "spark";

  /** Least time between two progress lines when not on a terminal. */
  public static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

  /**
   * Runs the invocation.
   *
   * @param r what to do
   * @param out results and plans
   * @param err errors and progress
   * @param model how one run is executed
   */
  public static Status execute(Request r, PrintWriter out, PrintWriter err, ModelRunner model) {
    return execute(r, out, err, model, null, null);
  }

  /**
   * Runs the invocation and, when this session wrote the sweep's outputs (a whole sweep, not a
   * shard), hands the folder to {@code onOutputs} (the command line writes the report there).
   */
  public static Status execute(
      Request r,
      PrintWriter out,
      PrintWriter err,
      ModelRunner model,
      java.util.function.Consumer<Path> onOutputs) {
    return execute(r, out, err, model, null, onOutputs);
  }

  /**
   * Runs the invocation on the given engine, whatever the request's engine says (tests run the
   * Spark engine with settings of their own this way).
   *
   * @param engine where the runs are executed
   */
  public static Status execute(Request r, PrintWriter out, PrintWriter err, SweepEngine engine) {
    return execute(r, out, err, ModelRunner.SINGLE_RUN, engine, null);
  }

  private static Status execute(
      Request r,
      PrintWriter out,
      PrintWriter err,
      ModelRunner model,
      SweepEngine given,
      java.util.function.Consumer<Path> onOutputs) {
    if (r.threads() < 1 || r.threads() > BatchRunner.MAX_THREADS) {
      err.println(
          "govsim: --threads must be between 1 and "
              + BatchRunner.MAX_THREADS
              + ", got "
              + r.threads());
      return Status.BAD_INPUT;
    }
    if (given == null && !LOCAL.equals(r.engine()) && !SPARK.equals(r.engine())) {
      err.println("govsim: --engine must be local or spark, got '" + r.engine() + "'");
      return Status.BAD_INPUT;
    }
    if (given == null && r.runTimeout() != null && SPARK.equals(r.engine())) {
      err.println("govsim: --run-timeout applies to the local engine only (--engine local)");
      return Status.BAD_INPUT;
    }
    if (given == null && r.master() != null && !SPARK.equals(r.engine())) {
      err.println("govsim: --master is the Spark master URL: it goes with --engine spark");
      return Status.BAD_INPUT;
    }
    SweepDefinition def;
    try {
      def = SweepFile.load(r.sweepFile(), r.extendsAnywhere());
    } catch (ScenarioException e) {
      err.println(e.format());
      err.flush();
      return Status.BAD_INPUT;
    }
    SweepPrecision precision = r.precision();
    if (precision != null) {
      if (r.shard() != null) {
        err.println(
            "govsim: --precision decides each point's replications from all of its runs, which a"
                + " shard does not see; run the sweep without --shard (on --engine spark for a"
                + " cluster), or give the sweep file fixed replications");
        err.flush();
        return Status.BAD_INPUT;
      }
      if (precision.metrics().isEmpty())
        precision =
            new SweepPrecision(
                precision.relative(), precision.maxReplications(), def.spec().metrics());
    }
    SweepPlan plan;
    try {
      plan = SweepPlan.of(def, precision);
    } catch (IllegalArgumentException e) {
      err.println("govsim: " + e.getMessage());
      err.flush();
      return Status.BAD_INPUT;
    }
    SweepRunner runner = new SweepRunner(plan, model);
    Path folder = r.out() != null ? r.out() : runner.defaultFolder(r.shard());
    if (r.dryRun()) {
      out.print(describe(plan, folder, r.threads()));
      if (r.shard() != null) {
        out.println(
            "  shard:          "
                + r.shard()
                + ": "
                + r.shard().size(plan.runs())
                + " runs (run r belongs to"
                + " shard (r mod "
                + r.shard().count()
                + ") + 1)");
      }
      out.flush();
      calibrate(runner, plan, r.threads(), out);
      return Status.OK;
    }
    SweepEngine engine = given;
    if (engine == null && SPARK.equals(r.engine())) {
      try {
        engine = SparkBridge.engine(r.master(), r.threads(), "govsim sweep " + def.name());
      } catch (SparkBridge.Unavailable e) {
        err.println("govsim: " + e.getMessage());
        err.flush();
        return Status.BAD_INPUT;
      }
    } else if (engine == null) {
      engine = new LocalEngine(r.threads(), model, RunGuard.of(r.runTimeout()));
    }
    int mine = r.shard() == null ? plan.runs() : r.shard().size(plan.runs());
    if (!r.quiet()) {
      err.printf(
          Locale.ROOT,
          "govsim sweep: %s: %s%s runs (%s) on %s -> %s%n"
              + "  (each finished run is recorded at once: if stopped, continue with --resume)%n",
          def.name(),
          r.shard() == null ? "" : "shard " + r.shard() + ", " + mine + " of ",
          plan.precision() == null
              ? Integer.toString(plan.runs())
              : plan.points() * plan.initialReplications() * plan.regimes() + " to " + plan.runs(),
          shape(plan),
          engine.label(),
          folder);
      err.flush();
    }
    SweepRunner.Result result;
    try {
      result =
          runner.run(
              new SweepRunner.Options(
                  folder,
                  r.threads(),
                  r.resume(),
                  r.retryFailed(),
                  r.force(),
                  r.command(),
                  r.shard()),
              engine,
              err,
              (total, done) ->
                  r.quiet()
                      ? Progress.NONE
                      : r.terminal()
                          ? Progress.bar(System.err, "sweep", total, done)
                          : Progress.lines(
                              err,
                              "govsim sweep",
                              total,
                              done,
                              false,
                              LINE_INTERVAL,
                              System::nanoTime));
    } catch (SweepRunner.Refused e) {
      err.println("govsim: " + e.getMessage());
      err.flush();
      return Status.BAD_INPUT;
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println(
          "govsim: failed while running: "
              + IoErrors.describe(e)
              + "; "
              + IoErrors.advice(
                  e, folder.toString(), "continue with --resume (finished runs are recorded)"));
      err.flush();
      return Status.FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("govsim: interrupted; finished runs are recorded; continue with --resume");
      err.flush();
      return Status.FAILURE;
    }
    if (r.shard() != null && (result.ran() > 0 || result.failed() > 0)) {
      out.printf(
          Locale.ROOT,
          "govsim sweep: shard %s: %d runs (%d this session, %d failed) in %s; recorded in %s%n",
          r.shard(),
          result.runs(),
          result.ran(),
          result.failed(),
          Progress.formatDuration(result.wallSeconds()),
          folder);
      out.println(
          "  when all "
              + r.shard().count()
              + " shards are done, write the sweep's outputs with: govsim merge"
              + " <the "
              + r.shard().count()
              + " shard folders>");
      out.flush();
    } else if (result.wrote() || result.failed() > 0) {
      out.printf(
          Locale.ROOT,
          "govsim sweep: %d runs (%d this session, %d failed) in %s; results in %s%n",
          result.runs(),
          result.ran(),
          result.failed(),
          Progress.formatDuration(result.wallSeconds()),
          folder);
      if (runner.precisionSummary() != null)
        out.println("  precision: " + runner.precisionSummary());
      out.println(
          "  runs.csv, aggregate.csv (mean and "
              + percent(def.spec().confidence())
              + "% interval per point and regime)"
              + (def.spec().design() == SweepDesign.SOBOL
                  ? ", sobol.csv (first-order and total indices, bootstrap intervals)"
                  : def.spec().design() == SweepDesign.MORRIS
                      ? ", morris.csv (elementary effects mu, mu*, sigma, bootstrap" + " intervals)"
                      : "")
              + ", experiments.csv + outcomes.csv and ema_results.tar.gz (EMA Workbench),"
              + (def.spec().timeseries() ? " timeseries.parquet," : "")
              + " runs.parquet, manifest.json");
      out.flush();
      if (onOutputs != null) onOutputs.accept(folder);
    }
    if (result.failed() > 0) {
      err.println(
          "govsim: "
              + result.failed()
              + " of "
              + result.runs()
              + " runs failed ("
              + (r.shard() == null
                  ? "status and error in runs.csv"
                  : "their errors will be in runs.csv after govsim merge")
              + ");"
              + " rerun them with the same seeds: govsim sweep "
              + r.sweepFile()
              + " --retry-failed"
              + (r.shard() != null ? " --shard " + r.shard() : "")
              + (r.out() != null ? " --out " + r.out() : ""));
      err.flush();
      return Status.RUNS_FAILED;
    }
    return Status.OK;
  }

  /** "3 points x 2 replications x 2 regimes". */
  static String shape(SweepPlan plan) {
    if (plan.precision() != null) {
      return plan.points()
          + " points x "
          + plan.initialReplications()
          + " to "
          + plan.replications()
          + " replications (--precision) x "
          + plan.regimes()
          + " regimes";
    }
    return plan.points()
        + " points x "
        + plan.replications()
        + " replications x "
        + plan.regimes()
        + " regimes";
  }

  private static String percent(double level) {
    return new java.math.BigDecimal(level * 100)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The dry run's description of the plan. */
  static String describe(SweepPlan plan, Path folder, int threads) {
    SweepDefinition d = plan.definition();
    StringBuilder sb = new StringBuilder();
    sb.append("govsim sweep (dry run): ")
        .append(d.name())
        .append(" (")
        .append(d.file())
        .append(")\n");
    sb.append("  base scenario:  ")
        .append(d.baseFile())
        .append(" (")
        .append(d.scenarioName())
        .append(", ")
        .append(d.scenarios().get(0).config().users().count())
        .append(" users, ")
        .append(SweepParameter.cell(d.scenarios().get(0).config().time().horizonDays()))
        .append(" days)\n");
    String design = d.spec().design().name().toLowerCase(Locale.ROOT);
    sb.append("  design:         ").append(design);
    if (d.spec().design() == SweepDesign.SOBOL) {
      sb.append(", N = ")
          .append(d.spec().samples())
          .append(" base rows x (k + 2) = ")
          .append(d.parameters().size() + 2)
          .append(" -> ")
          .append(plan.points())
          .append(" points");
      int n = d.spec().samples();
      if (Integer.bitCount(n) != 1)
        sb.append(" (N is not a power of two: the Sobol' sequence is best balanced for 2^m)");
    } else if (d.spec().design() == SweepDesign.MORRIS) {
      sb.append(", r = ")
          .append(d.spec().samples())
          .append(" trajectories x (")
          .append(Designs.groups(d.parameters()).size())
          .append(" groups + 1) -> ")
          .append(plan.points())
          .append(" points, ")
          .append(d.spec().morrisLevels())
          .append(" levels");
    } else {
      sb.append(", ").append(plan.points()).append(" points");
    }
    sb.append('\n');
    sb.append("  parameters:\n");
    if (d.parameters().isEmpty()) sb.append("    (none)\n");
    for (SweepParameter p : d.parameters())
      sb.append("    ").append(p.path()).append(": ").append(p.describe()).append('\n');
    sb.append("  replications:   ").append(d.spec().replications());
    if (plan.precision() != null) {
      sb.append(", then more per point until ")
          .append(plan.precision().describe())
          .append(" (--precision)");
    }
    sb.append('\n');
    sb.append("  regimes:        ")
        .append(String.join(", ", d.regimes().stream().map(x -> x.yamlName()).toList()))
        .append(" (common random numbers)\n");
    sb.append("  runs:           ")
        .append(
            plan.precision() == null
                ? Integer.toString(plan.runs())
                : "from "
                    + plan.points() * plan.initialReplications() * plan.regimes()
                    + " to "
                    + plan.runs())
        .append(" (")
        .append(shape(plan))
        .append(")\n");
    sb.append("  output folder:  ").append(folder).append('\n');
    sb.append("  threads:        ").append(threads).append('\n');
    return sb.toString();
  }

  /**
   * Times up to 3 runs of the sweep, one after another on this thread (at most about 20 s), and
   * prints the estimated time of the whole sweep on {@code threads} threads.
   */
  static void calibrate(SweepRunner runner, SweepPlan plan, int threads, PrintWriter out) {
    int n = Math.min(3, plan.runs());
    double[] seconds = new double[n];
    int done = 0;
    double total = 0;
    for (int i = 0; i < n && total < 20; i++) {
      long t0 = System.nanoTime();
      try {
        var spec = runner.spec(plan.run(i));
        String tooBig = RunGuard.of(null).refusal(spec, false);
        if (tooBig != null) throw new govsim.experiment.RunFailure(tooBig);
        runner.modelRunner().run(spec, RunListener.NONE);
      } catch (ScenarioException | RuntimeException e) {
        out.println(
            "  calibration:    run "
                + i
                + " failed: "
                + govsim.experiment.batch.Outcome.describe(e));
      }
      seconds[i] = (System.nanoTime() - t0) / 1e9;
      total += seconds[i];
      done++;
    }
    if (done == 0) return;
    // The first run includes the JVM's warm-up: use the later ones when there are any.
    double perRun = 0;
    int from = done > 1 ? 1 : 0;
    for (int i = from; i < done; i++) perRun += seconds[i];
    perRun /= done - from;
    double estimate = perRun * plan.runs() / Math.min(threads, Math.max(1, plan.runs()));
    out.printf(
        Locale.ROOT, "  calibration:    %d run(s): %.2f s per run after warm-up%n", done, perRun);
    if (plan.precision() != null) {
      int least = plan.points() * plan.initialReplications() * plan.regimes();
      out.printf(
          Locale.ROOT,
          "  estimated time: from about %s (every point reaches its target with the first"
              + " replications) to %s (every point needs --max-reps) on %d threads%n",
          Progress.formatDuration(perRun * least / Math.min(threads, Math.max(1, least))),
          Progress.formatDuration(estimate),
          threads);
      out.flush();
      return;
    }
    out.printf(
        Locale.ROOT,
        "  estimated time: about %s on %d threads (if they run in parallel at full speed)%n",
        Progress.formatDuration(estimate),
        threads);
    out.flush();
  }
}
