package govsim.cli;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.experiment.batch.RunGuard;
import govsim.experiment.compare.ComparisonTable;
import govsim.experiment.compare.RegimeComparison;
import govsim.io.OutputFolder;
import govsim.io.OutputGuard;
import govsim.model.Regime;
import govsim.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code govsim compare}: one scenario under several regimes with common random numbers, written to
 * results/NAME/compare-seed-SEED/ and summarised on the terminal. The experiment itself is {@link
 * RegimeComparison}; this class parses options and maps outcomes to exit codes.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare governance regimes on one scenario, with intervals.",
      "",
      "Runs the scenario under several regimes with the same seeds and compares them. Every regime"
          + " runs the same N seeds (common random numbers: replication i uses the same seed in"
          + " every regime, and each random process draws from its own stream, so the risks,"
          + " incident draws, malicious opportunities, users and entrants are the same in every"
          + " regime; what differs is what the regime makes of them). Prints the headline metrics"
          + " per regime as mean [95%% CI] (t-intervals over seeds, on the logit scale for shares"
          + " and the log scale for one-sided bounds, so that no interval leaves the metric's"
          + " range) and writes to results/<name>/compare-seed-<seed>/ (with --set, --regimes,"
          + " --reps or --confidence other than the defaults, compare-seed-<seed>-<hash>/, 8 hex"
          + " digits of their SHA-256; or --out DIR):",
      "  runs.csv                regime, replication, seed, status, every summary",
      "                          metric, error: one row per run",
      "  runs.parquet            the same, as a typed Parquet table, plus run",
      "  timeseries.csv.gz       every run's time series: run, regime,",
      "                          replication, then every time-series column",
      "  timeseries.parquet      the same, as Parquet",
      "  comparison.csv          regime, metric, mean, sd, ci_low, ci_high, n,",
      "                          interval (t, log or logit)",
      "  paired_differences.csv  regime_a, regime_b, metric, mean_diff, ci_low,",
      "                          ci_high, p_value, n, p_holm: a - b paired over",
      "                          seeds (paired t-test, two-sided; p_holm adjusted",
      "                          by Holm over every row of the file)",
      "  timeseries_mean.csv     per regime and recorded step: mean, ci_low,",
      "                          ci_high and n of every time-series column",
      "  survival.csv            per regime: Kaplan-Meier over all runs' censored",
      "                          durations (governance gap to an effective rule,",
      "                          backlash response, practice duration, first",
      "                          backlash response): n,",
      "                          median and restricted mean with intervals",
      "  manifest.json           command, scenario + sha256, resolved scenario",
      "                          per regime, seeds, versions, timing",
      "Results do not depend on --threads. Rerun one run alone with",
      "  govsim run SCENARIO --set regime=<regime> --seed <seed from runs.csv>"
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim compare scenarios/baseline.yaml",
      "  ./govsim compare scenarios/baseline.yaml --regimes centralized,hybrid \\",
      "      --reps 20 --seed 7",
      "  ./govsim compare scenarios/baseline.yaml --set users.count=20000",
      "  ./govsim compare scenarios/baseline.yaml --set users.count=20000 \\",
      "      --reps 4 --precision 0.1 --max-reps 32",
      "",
      "Exit codes: 0 success, 2 bad input, 1 failure while running, 3 some runs failed (results"
          + " are still written; failed runs are listed in runs.csv and manifest.json), 130/143"
          + " stopped by Ctrl-C or SIGTERM (one line says what was kept)."
    })
public final class CompareCommand implements Callable<Integer> {

  /**
   * Default replications per regime. The bundled baseline (100,000 users, 5 years) takes a few
   * seconds per run; 4 regimes x 8 seeds = 32 runs keep {@code govsim compare
   * scenarios/baseline.yaml} near a minute on 2 cores while giving t-intervals with 7 degrees of
   * freedom.
   */
  public static final int DEFAULT_REPS = 8;

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "Scenario YAML file (see scenarios/).")
  Path scenario;

  @Option(
      names = "--regimes",
      split = ",",
      paramLabel = "LIST",
      description =
          "Regimes to compare, comma-separated (default: laissez_faire,centralized,distributed,hybrid).")
  List<String> regimes = new ArrayList<>(DEFAULT_REGIMES);

  static final List<String> DEFAULT_REGIMES =
      List.of("laissez_faire", "centralized", "distributed", "hybrid");
  static final double DEFAULT_CONFIDENCE = 0.95;

  @Option(
      names = {"-n", "--reps"},
      paramLabel = "N",
      description = "Seeds (replications) per regime (default: ${DEFAULT-VALUE}).")
  int reps = DEFAULT_REPS;

  @Option(
      names = "--precision",
      paramLabel = "H",
      description =
          "Add replications (in rounds, after the first --reps) until every headline metric's"
              + " interval in every regime has a half-width of at most H times its mean (relative:"
              + " 0.05 for +/- 5%%), or --max-reps is reached; the n used is printed and in"
              + " manifest.json.")
  Double precision;

  @Option(
      names = "--max-reps",
      paramLabel = "N",
      description = "Most replications per regime with --precision (default: ${DEFAULT-VALUE}).")
  int maxReps = DEFAULT_MAX_REPS;

  /** Default ceiling of --precision. */
  public static final int DEFAULT_MAX_REPS = 128;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      description = "Master seed; replication seeds derive from it (default: the scenario's seed).")
  Long seed;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "Output folder (default: results/<name>/compare-seed-<seed>/, plus -<hash> with overrides).")
  Path out;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Runs in parallel (default: all processors, here ${DEFAULT-VALUE}).")
  int threads = BatchRunner.defaultThreads();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one scenario key in every regime, e.g. --set users.count=20000. Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
  double confidence = DEFAULT_CONFIDENCE;

  @Option(
      names = "--allow-extends-outside",
      description =
          "Let the scenario's extends: reach files outside its own folder and the project's scenarios/ folder.")
  boolean allowExtendsOutside;

  @Option(
      names = "--run-timeout",
      paramLabel = "TIME",
      converter = RunTimeout.class,
      description = RunTimeout.HELP)
  java.time.Duration runTimeout;

  @Option(
      names = "--force",
      description =
          "Replace an existing non-empty output folder that govsim wrote (it holds a govsim manifest.json).")
  boolean force;

  @Option(names = "--quiet", description = "Print nothing but errors and the final table.")
  boolean quiet;

  @Option(names = "--no-report", description = "Do not write report.html and figures/ at the end.")
  boolean noReport;

  @Spec CommandSpec spec;

  /** How one run is executed; the model itself unless a test replaces it. */
  ModelRunner model = ModelRunner.SINGLE_RUN;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    List<Regime> chosen = new ArrayList<>();
    for (String name : regimes) {
      Regime r = regime(name.strip());
      if (r == null) {
        err.println(
            "govsim: --regimes: unknown regime '"
                + name.strip()
                + "' (one of: "
                + String.join(", ", Arrays.stream(Regime.values()).map(Regime::yamlName).toList())
                + ")");
        return Main.BAD_INPUT;
      }
      chosen.add(r);
    }
    if (threads < 1 || threads > BatchRunner.MAX_THREADS) {
      err.println(
          "govsim: --threads must be between 1 and "
              + BatchRunner.MAX_THREADS
              + ", got "
              + threads);
      return Main.BAD_INPUT;
    }
    RegimeComparison comparison;
    try {
      comparison =
          RegimeComparison.prepare(
              scenario, sets, chosen, reps, seed, confidence, allowExtendsOutside);
      if (precision != null) comparison = comparison.withPrecision(precision, maxReps);
    } catch (ScenarioException e) {
      err.println(e.format());
      return Main.BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    RunGuard guard = RunGuard.of(runTimeout);
    String tooBig = null;
    for (var l : comparison.loaded()) if (tooBig == null) tooBig = guard.refusal(l.config(), true);
    if (tooBig != null) {
      err.println("govsim: cannot compare: " + tooBig);
      return Main.FAILURE;
    }
    Path target;
    OutputFolder folder;
    try {
      target =
          out != null
              ? out
              : OutputGuard.defaultFolder(
                  comparison.name(),
                  "compare-seed-"
                      + comparison.masterSeed()
                      + OutputGuard.overridesTag(overrides()));
      Interruption.removeLeftovers(target);
      folder = OutputFolder.open(target, force);
    } catch (OutputGuard.Refused e) {
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (OutputFolder.ExistsException e) {
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      err.println("govsim: " + e.getMessage());
      return Main.FAILURE;
    }
    Interruption stop = Interruption.process();
    stop.stage(folder);
    stop.note(
        "nothing was written to "
            + target
            + " (the comparison's partial output was removed); run the"
            + " command again");
    if (!quiet) {
      err.printf(
          Locale.ROOT,
          "govsim compare: %s, %d regimes x %d seeds = %d runs on %d threads (master seed %d)%s%n",
          comparison.name(),
          chosen.size(),
          reps,
          comparison.runs(),
          threads,
          comparison.masterSeed(),
          precision == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; then more seeds until every headline half-width is <= %s x |mean| (at most"
                      + " %d seeds)",
                  govsim.observe.Num.format(precision),
                  maxReps));
      err.flush();
    }
    Progress progress =
        quiet
            ? Progress.NONE
            : Progress.onTerminal()
                ? Progress.bar(System.err, "compare", comparison.maxRuns(), 0)
                : Progress.lines(
                    err,
                    "govsim compare",
                    comparison.maxRuns(),
                    0,
                    true,
                    Duration.ZERO,
                    System::nanoTime);
    RegimeComparison.Result result;
    try {
      try (progress) {
        result =
            comparison.run(folder, new BatchRunner(threads), model, guard, progress, commandLine());
      }
      stop.commit(
          folder,
          () -> {
            folder.commit();
            return null;
          },
          "the results in "
              + target
              + " are complete"
              + (noReport
                  ? ""
                  : "; if the report is missing, write it with:"
                      + " govsim report "
                      + target
                      + " --force"));
    } catch (InterruptedException e) {
      folder.abandon();
      stop.unstage(folder);
      Thread.currentThread().interrupt();
      err.println("govsim: interrupted; nothing was written to " + target);
      return Main.FAILURE;
    } catch (OutputFolder.ExistsException e) {
      folder.abandon();
      stop.unstage(folder);
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      folder.abandon();
      stop.unstage(folder);
      err.println("govsim: " + e.getMessage());
      return Main.FAILURE;
    } catch (Exception | Error e) {
      folder.abandon();
      stop.unstage(folder);
      throw e;
    }
    stdout.println();
    stdout.print(
        ComparisonTable.render(
            result.estimates(), ComparisonTable.HEADLINE, result.replications(), confidence));
    if (precision != null) {
      stdout.printf(
          Locale.ROOT,
          "%nprecision: %d seeds per regime; every headline half-width <= %s x |mean|: %s%n",
          result.replications(),
          govsim.observe.Num.format(precision),
          result.precisionRatio() <= 1
              ? "yes"
              : String.format(
                  Locale.ROOT,
                  "no (--max-reps %d reached; the widest is %.3g times its target)",
                  maxReps,
                  result.precisionRatio()));
    }
    stdout.printf(
        Locale.ROOT,
        "%n%d runs in %.1f s; all metrics and paired differences (paired t-tests) in %s%n",
        chosen.size() * result.replications(),
        result.wallSeconds(),
        target);
    if (!noReport) {
      stop.writingReport(target);
      try {
        stdout.println("report: " + govsim.report.ReportWriter.write(target, null, true).html());
      } catch (govsim.report.ReportException | java.io.UncheckedIOException e) {
        err.println(
            "govsim: the results are complete but the report failed: "
                + e.getMessage()
                + " (retry: govsim report "
                + target
                + " --force)");
      }
    }
    stdout.flush();
    if (!result.failures().isEmpty()) {
      err.println(
          "govsim: "
              + result.failures().size()
              + " of "
              + chosen.size() * result.replications()
              + " runs failed (left out of the statistics; see runs.csv):");
      for (String f : result.failures()) err.println("  " + f);
      err.flush();
      return Main.RUNS_FAILED;
    }
    return 0;
  }

  /**
   * What makes this comparison differ from the default one besides the seed: the --set overrides,
   * and the regimes, replications and confidence level where they are not the defaults.
   */
  private List<String> overrides() {
    List<String> o = new ArrayList<>(sets);
    List<String> names = regimes.stream().map(String::strip).toList();
    if (!names.equals(DEFAULT_REGIMES)) o.add("--regimes " + String.join(",", names));
    if (reps != DEFAULT_REPS) o.add("--reps " + reps);
    if (precision != null) o.add("--precision " + precision + " --max-reps " + maxReps);
    if (confidence != DEFAULT_CONFIDENCE) o.add("--confidence " + confidence);
    return o;
  }

  private static Regime regime(String name) {
    for (Regime r : Regime.values()) if (r.yamlName().equals(name)) return r;
    return null;
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
