package govsim.cli;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.experiment.sweep.Shard;
import govsim.experiment.sweep.SweepExecution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code govsim sweep}: a batch parameter sweep from a sweep file. Parses options and maps the
 * outcome of {@link SweepExecution} to an exit code.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a parameter sweep (grid, random, LHS, Sobol, Morris) with replications.",
      "",
      "A design over scenario keys, with replications and regimes. The sweep file names a base"
          + " scenario, the parameters to vary (a list of values or a range {min, max, log,"
          + " integer, levels, group}), a design (grid, random, lhs, sobol, morris), replications,"
          + " a master seed, optional regimes crossed with every point (common random numbers) and"
          + " the metrics to summarise; see scenarios/sweeps/ for commented examples. A sweep file"
          + " with game: (a game file) instead of base: is a game sweep:",
      "a grid over game keys, each point analysed exactly and, with abm: true, agent-based"
          + " (points.csv, stationary.csv, abm_runs.csv; docs/games.md). All cores by default;"
          + " results do not depend on --threads. Each finished run is recorded at once: after a"
          + " crash or kill, --resume runs exactly the missing runs and the outputs are identical"
          + " to those of an uninterrupted sweep. --precision H adds replications per point until"
          + " the named metrics' intervals are narrow enough (the n used is in precision.csv).",
      "",
      "Writes to results/<scenario>/sweep-<name>/ (or --out DIR): runs.csv, timings.csv,"
          + " timeseries.csv.gz, runs.parquet and timeseries.parquet (the same tables as Parquet),"
          + " aggregate.csv (mean, sd, interval per point and regime: t, on the logit or log scale"
          + " for bounded metrics), sobol.csv (Sobol designs: first-order and total indices with"
          + " bootstrap intervals), morris.csv (Morris designs: elementary effects mu, mu*, sigma"
          + " with bootstrap intervals), experiments.csv + outcomes.csv (EMA Workbench layout),"
          + " ema_results.tar.gz (for ema_workbench.load_results) and manifest.json (see"
          + " scenarios/sweeps/README.md).",
      "",
      "Past one machine: --engine spark runs the runs as Spark tasks (the Spark build,"
          + " target/govsim-spark.jar; see docs/cluster.md), and --shard i/N runs one slice of an"
          + " HPC job array; govsim merge combines the shards. The outputs are the same bytes on"
          + " every engine."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim sweep scenarios/sweeps/switching-x-lag.yaml --dry-run",
      "  ./govsim sweep scenarios/sweeps/switching-x-lag.yaml",
      "  ./govsim sweep scenarios/sweeps/sobol-key-parameters.yaml --threads 2",
      "  ./govsim sweep scenarios/sweeps/sobol-key-parameters.yaml --resume",
      "  ./govsim sweep scenarios/sweeps/morris-screening.yaml",
      "  ./govsim sweep scenarios/sweeps/dsair-pr.yaml",
      "  ./govsim sweep scenarios/sweeps/switching-x-lag.yaml --shard 2/8",
      "  ./govsim sweep scenarios/sweeps/lag-precision.yaml --precision 0.1 \\",
      "      --precision-metrics harm_total --max-reps 32",
      "",
      "Exit codes: 0 success, 2 bad input (sweep file or scenario invalid, folder locked or"
          + " holding another sweep, inputs changed since the sweep started), 1 failure while"
          + " running, 3 some runs failed (recorded in runs.csv; --retry-failed reruns them with"
          + " the same seeds), 130/143 stopped by Ctrl-C or SIGTERM (finished runs are kept;"
          + " --resume continues)."
    })
public final class SweepCommand implements Callable<Integer> {

  /** Exit code when every run was attempted but some failed (results are still written). */
  public static final int RUNS_FAILED = Main.RUNS_FAILED;

  @Parameters(
      index = "0",
      paramLabel = "SWEEP",
      description = "Sweep YAML file (see scenarios/sweeps/).")
  Path sweepFile;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Runs in parallel (default: all processors, here ${DEFAULT-VALUE}).")
  int threads = BatchRunner.defaultThreads();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder (default: results/<scenario>/sweep-<name>/).")
  Path out;

  @Option(
      names = "--resume",
      description = "Continue the sweep in the output folder: run exactly its missing runs.")
  boolean resume;

  @Option(
      names = "--retry-failed",
      description = "Rerun the runs that failed (and any missing ones), with the same seeds.")
  boolean retryFailed;

  @Option(
      names = "--precision",
      paramLabel = "H",
      description =
          "Add replications per design point (in rounds, after the sweep file's replications)"
              + " until, in every regime, the interval of every --precision-metrics metric (as in"
              + " aggregate.csv) has a half-width of at most H times its mean (relative: 0.05 for"
              + " +/- 5%%), or the point has --max-reps; n per point in precision.csv, aggregate.csv"
              + " and the report. Not with --shard.")
  Double precision;

  @Option(
      names = "--max-reps",
      paramLabel = "N",
      description = "Most replications per point with --precision (default: ${DEFAULT-VALUE}).")
  int maxReps = CompareCommand.DEFAULT_MAX_REPS;

  @Option(
      names = "--precision-metrics",
      split = ",",
      paramLabel = "LIST",
      description =
          "Summary metrics whose intervals --precision targets, comma-separated (default: the"
              + " sweep file's metrics:).")
  List<String> precisionMetrics;

  @Option(
      names = "--run-timeout",
      paramLabel = "TIME",
      converter = RunTimeout.class,
      description = RunTimeout.HELP)
  java.time.Duration runTimeout;

  @Option(
      names = "--dry-run",
      description =
          "Print the design, the number of runs and a time estimate from a short calibration; write nothing.")
  boolean dryRun;

  @Option(
      names = "--allow-extends-outside",
      description =
          "Let the base scenario's extends: reach files outside its own folder and the project's scenarios/ folder.")
  boolean allowExtendsOutside;

  @Option(
      names = "--force",
      description =
          "Discard what the output folder holds and start the sweep again (only a folder govsim wrote: a sweep or a govsim manifest.json).")
  boolean force;

  @Option(names = "--quiet", description = "No progress report.")
  boolean quiet;

  @Option(
      names = "--no-report",
      description = "Do not write report.html and figures/ when the sweep's outputs are written.")
  boolean noReport;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "Where the runs are executed: local (this"
              + " machine's threads, the default) or spark (Spark tasks; needs the Spark build, see docs/cluster.md).")
  String engine = SweepExecution.LOCAL;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "spark://HOST:PORT, yarn, local[4], ...: the"
              + " Spark master of --engine spark (default: spark-submit's, else local with --threads cores).")
  String master;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Run only shard I of N (1 <= I <= N; run r belongs to"
              + " shard (r mod N) + 1) into its own folder, for HPC job arrays; then combine the shards with govsim merge.")
  String shard;

  @Spec CommandSpec spec;

  /** How one run is executed; the model itself unless a test replaces it. */
  ModelRunner model = ModelRunner.SINGLE_RUN;

  @Override
  public Integer call() {
    if (force && (resume || retryFailed)) {
      spec.commandLine()
          .getErr()
          .println(
              "govsim: --force starts the sweep again; it cannot be combined with --resume"
                  + " or --retry-failed");
      return Main.BAD_INPUT;
    }
    if (precision == null
        && (precisionMetrics != null || maxReps != CompareCommand.DEFAULT_MAX_REPS)) {
      spec.commandLine()
          .getErr()
          .println("govsim: --max-reps and --precision-metrics go with --precision H");
      return Main.BAD_INPUT;
    }
    if (java.nio.file.Files.isRegularFile(sweepFile)
        && govsim.experiment.sweep.GameSweep.isGameSweep(sweepFile)) {
      return gameSweep();
    }
    Shard slice = null;
    if (shard != null) {
      try {
        slice = Shard.parse(shard);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("govsim: --shard: " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    String again =
        "govsim sweep "
            + sweepFile
            + " --resume"
            + (shard != null ? " --shard " + shard : "")
            + (out != null ? " --out " + out : "");
    Interruption.process()
        .note(
            dryRun
                ? "nothing was written"
                : "every finished run is recorded in the sweep's folder;"
                    + " continue with: "
                    + again);
    java.io.PrintWriter stdout = spec.commandLine().getOut();
    java.io.PrintWriter err = spec.commandLine().getErr();
    SweepExecution.Status status =
        SweepExecution.execute(
            new SweepExecution.Request(
                sweepFile,
                out,
                threads,
                resume,
                retryFailed,
                dryRun,
                force,
                quiet,
                Progress.onTerminal(),
                commandLine(),
                engine,
                master,
                slice,
                allowExtendsOutside,
                runTimeout,
                precision == null
                    ? null
                    : new govsim.experiment.sweep.SweepPrecision(
                        precision,
                        maxReps,
                        precisionMetrics == null ? List.of() : precisionMetrics)),
            stdout,
            err,
            model,
            noReport ? null : folder -> writeReport(folder, stdout, err));
    return switch (status) {
      case OK -> 0;
      case BAD_INPUT -> Main.BAD_INPUT;
      case FAILURE -> Main.FAILURE;
      case RUNS_FAILED -> RUNS_FAILED;
    };
  }

  /** The report belongs to the folder's outputs: a resumed sweep replaces it (force). */
  static void writeReport(
      java.nio.file.Path folder, java.io.PrintWriter stdout, java.io.PrintWriter err) {
    Interruption.process().writingReport(folder);
    Interruption.process()
        .note(
            "the results in "
                + folder
                + " are complete; if the report is missing, write it"
                + " with: govsim report "
                + folder
                + " --force");
    try {
      stdout.println("report: " + govsim.report.ReportWriter.write(folder, null, true).html());
    } catch (govsim.report.ReportException | java.io.UncheckedIOException e) {
      err.println(
          "govsim: the results are complete but the report failed: "
              + e.getMessage()
              + " (retry: govsim report "
              + folder
              + " --force)");
    }
    stdout.flush();
    err.flush();
  }

  /**
   * A sweep file with {@code game:} instead of {@code base:}: a grid over a game file's keys,
   * analysed exactly (and agent-based with abm: true) per point (docs/games.md).
   */
  private int gameSweep() {
    java.io.PrintWriter stdout = spec.commandLine().getOut();
    java.io.PrintWriter err = spec.commandLine().getErr();
    String unsupported =
        precision != null
            ? "--precision (a game point is analysed exactly; abm runs are set in the file)"
            : shard != null
                ? "--shard"
                : retryFailed
                    ? "--retry-failed (a failed point stops the sweep; --resume continues it)"
                    : runTimeout != null
                        ? "--run-timeout"
                        : allowExtendsOutside
                            ? "--allow-extends-outside"
                            : !SweepExecution.LOCAL.equals(engine) ? "--engine " + engine : null;
    if (unsupported != null) {
      err.println(
          "govsim: "
              + sweepFile
              + " is a game sweep (game: instead of base:); it does not take "
              + unsupported);
      return Main.BAD_INPUT;
    }
    Interruption.process()
        .note(
            dryRun
                ? "nothing was written"
                : "every finished point is kept in the sweep's folder; continue with: govsim sweep "
                    + sweepFile
                    + " --resume"
                    + (out != null ? " --out " + out : ""));
    govsim.experiment.sweep.GameSweepRunner.Status status =
        govsim.experiment.sweep.GameSweepRunner.run(
            sweepFile, out, threads, resume, force, dryRun, quiet, commandLine(), stdout, err);
    if (status == govsim.experiment.sweep.GameSweepRunner.Status.OK && !dryRun && !noReport) {
      java.nio.file.Path folder = out;
      if (folder == null) {
        try {
          govsim.experiment.sweep.GameSweep.Definition d =
              govsim.experiment.sweep.GameSweep.load(sweepFile);
          folder =
              govsim.io.OutputGuard.defaultFolder(
                  "game-" + d.base().game().name(), "sweep-" + d.name());
        } catch (govsim.scenario.ScenarioException | govsim.io.OutputGuard.Refused e) {
          folder = null;
        }
      }
      if (folder != null) writeReport(folder, stdout, err);
    }
    stdout.flush();
    err.flush();
    return switch (status) {
      case OK -> 0;
      case BAD_INPUT -> Main.BAD_INPUT;
      case FAILURE -> Main.FAILURE;
    };
  }

  private List<String> commandLine() {
    List<String> args = new ArrayList<>();
    args.add("govsim");
    if (spec.commandLine().getParseResult() != null) {
      args.addAll(spec.commandLine().getParseResult().originalArgs());
    }
    return args;
  }
}
