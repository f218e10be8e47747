package govsim.cli;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.experiment.batch.RunGuard;
import govsim.experiment.calibrate.Abc;
import govsim.experiment.calibrate.Calibration;
import govsim.io.OutputFolder;
import govsim.io.OutputGuard;
import govsim.observe.Num;
import govsim.report.CalibrateFigures;
import govsim.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code govsim calibrate SWEEP --targets T}: approximate Bayesian computation over a sweep's
 * parameter ranges. The work is {@link Calibration}'s and {@link Abc}'s; this class parses options
 * and maps outcomes to exit codes.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Calibrate a sweep's parameters against observed statistics (ABC).",
      "",
      "Approximate Bayesian computation over the ranges of SWEEP's parameters (uniform priors;"
          + " uniform in log space for log: true), with the sweep's base scenario, set: overrides,"
          + " regime and replications (a simulation's statistic is the metric's mean over its"
          + " replications). TARGETS lists observed statistics, each a summary metric with a value"
          + " and an sd; the distance of a simulation is sqrt(sum ((simulated - observed) / sd)^2)."
          + " First rejection: the --particles nearest of --samples prior draws; then --generations"
          + " of ABC-SMC (Beaumont et al. 2009): each tolerance is the --quantile of the previous"
          + " distances, proposals are previous particles moved by a normal kernel of twice their"
          + " weighted variance, weighted by prior / kernel mixture. The sweep's design and samples"
          + " are not used.",
      "",
      "Writes to results/<scenario>/calibrate-<sweep name>-seed-<seed>/ (plus -<hash> of the"
          + " options and the targets file; or --out DIR):",
      "  posterior.csv    particle, weight, parameters, statistics, distance, seed",
      "  summary.csv      per parameter: prior range, weighted mean, sd, quantiles",
      "                   2.5/25/50/75/97.5%%, n, effective sample size",
      "  generations.csv  tolerance, simulations, acceptance rate, ess per generation",
      "  simulations.csv  every simulation: generation, seed, accepted, values,",
      "                   statistics",
      "  pairs.png/.svg   histograms and pairwise scatter of the posterior sample",
      "  pairs.csv        the figure's data: panel, series, x, y, interval",
      "  manifest.json    targets, settings, seeds, method, versions"
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim calibrate scenarios/calibration/yuanbao-sweep.yaml \\",
      "      --targets scenarios/calibration/yuanbao-targets.yaml",
      "",
      "Exit codes: 0 success, 2 bad input (sweep or target file, options, output exists), 1"
          + " failure while running, 3 some runs failed (their simulations count as undefined and"
          + " are never accepted), 130/143 stopped by Ctrl-C or SIGTERM."
    })
public final class CalibrateCommand implements Callable<Integer> {

  static final int DEFAULT_PARTICLES = 100;
  static final int DEFAULT_GENERATIONS = 3;
  static final double DEFAULT_QUANTILE = 0.5;

  @Parameters(
      index = "0",
      paramLabel = "SWEEP",
      description = "Sweep file: base scenario and parameter ranges.")
  Path sweep;

  @Option(
      names = "--targets",
      paramLabel = "FILE",
      required = true,
      description = "Target file: observed statistics with their sd.")
  Path targets;

  @Option(
      names = "--particles",
      paramLabel = "N",
      description = "Population size (default: ${DEFAULT-VALUE}).")
  int particles = DEFAULT_PARTICLES;

  @Option(
      names = "--generations",
      paramLabel = "G",
      description =
          "ABC-SMC generations after the rejection step (default: ${DEFAULT-VALUE}; 0: rejection only).")
  int generations = DEFAULT_GENERATIONS;

  @Option(
      names = "--samples",
      paramLabel = "S",
      description = "Prior draws of the rejection step (default: 4 x --particles).")
  Integer samples;

  @Option(
      names = "--quantile",
      paramLabel = "Q",
      description =
          "Next tolerance = this quantile of the previous distances (default: ${DEFAULT-VALUE}).")
  double quantile = DEFAULT_QUANTILE;

  @Option(
      names = "--max-simulations",
      paramLabel = "M",
      description =
          "Most simulations per SMC generation (default: 50 x --particles); past it the previous generation is the result.")
  Integer maxSimulations;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      description = "Master seed (default: the sweep's seed).")
  Long seed;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder.")
  Path out;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Runs in parallel (default: all processors).")
  int threads = BatchRunner.defaultThreads();

  @Option(
      names = "--run-timeout",
      paramLabel = "TIME",
      converter = RunTimeout.class,
      description = RunTimeout.HELP)
  Duration runTimeout;

  @Option(
      names = "--allow-extends-outside",
      description =
          "Let the base scenario's extends: reach files outside its own folder and the project's scenarios/ folder.")
  boolean allowExtendsOutside;

  @Option(names = "--force", description = "Replace an existing output folder that govsim wrote.")
  boolean force;

  @Option(names = "--quiet", description = "Print nothing but errors and the final table.")
  boolean quiet;

  @Spec CommandSpec spec;

  /** How one run is executed; the model itself unless a test replaces it. */
  ModelRunner model = ModelRunner.SINGLE_RUN;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (threads < 1 || threads > BatchRunner.MAX_THREADS) {
      err.println(
          "govsim calibrate: --threads must be between 1 and "
              + BatchRunner.MAX_THREADS
              + ", got "
              + threads);
      return Main.BAD_INPUT;
    }
    Calibration cal;
    try {
      cal =
          Calibration.prepare(
              sweep,
              targets,
              particles,
              generations,
              samples,
              quantile,
              maxSimulations,
              seed,
              allowExtendsOutside);
    } catch (ScenarioException e) {
      err.println(e.format());
      return Main.BAD_INPUT;
    } catch (Calibration.CalibrationException e) {
      err.println("govsim calibrate: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    RunGuard guard = RunGuard.of(runTimeout);
    String tooBig = guard.refusal(cal.sweep().scenarios().get(0).config(), false);
    if (tooBig != null) {
      err.println("govsim calibrate: cannot run: " + tooBig);
      return Main.FAILURE;
    }
    Path target;
    OutputFolder folder;
    try {
      target =
          out != null
              ? out
              : OutputGuard.defaultFolder(
                  cal.sweep().scenarioName(),
                  "calibrate-"
                      + cal.sweep().name()
                      + "-seed-"
                      + cal.settings().seed()
                      + OutputGuard.overridesTag(overrides()));
      Interruption.removeLeftovers(target);
      folder = OutputFolder.open(target, force);
    } catch (OutputGuard.Refused | OutputFolder.ExistsException e) {
      err.println("govsim calibrate: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      err.println("govsim calibrate: " + e.getMessage());
      return Main.FAILURE;
    }
    Interruption stop = Interruption.process();
    stop.stage(folder);
    stop.note(
        "nothing was written to "
            + target
            + " (the partial output was removed); run the command again");
    if (!quiet) {
      err.printf(
          Locale.ROOT,
          "govsim calibrate: %s, %d parameter(s), %d target(s); %d particles, rejection from %d prior draws, then up to %d SMC generations; %d replication(s) per simulation on %d threads (seed %d)%n",
          cal.sweep().scenarioName(),
          cal.parameters().size(),
          cal.targets().size(),
          cal.settings().particles(),
          cal.settings().samples(),
          cal.settings().generations(),
          cal.replications(),
          threads,
          cal.settings().seed());
      err.flush();
    }
    Abc.Listener listener =
        quiet
            ? Abc.Listener.NONE
            : (g, sims, acc, tol) -> {
              if (g == 0)
                err.printf(
                    Locale.ROOT,
                    "  rejection: %d of %d prior draws simulated%n",
                    sims,
                    cal.settings().samples());
              else
                err.printf(
                    Locale.ROOT,
                    "  generation %d (tolerance %s): %d of %d particles accepted in %d simulations%n",
                    g,
                    Num.format(tol),
                    acc,
                    cal.settings().particles(),
                    sims);
              err.flush();
            };
    Calibration.Result result;
    try {
      result =
          cal.run(
              folder,
              new BatchRunner(threads),
              model,
              guard,
              Progress.NONE,
              listener,
              commandLine());
      CalibrateFigures.write(cal, result, folder.staging());
      stop.commit(
          folder,
          () -> {
            folder.commit();
            return null;
          },
          "the results in " + target + " are complete");
    } catch (Calibration.CalibrationException e) {
      folder.abandon();
      stop.unstage(folder);
      err.println("govsim calibrate: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (InterruptedException e) {
      folder.abandon();
      stop.unstage(folder);
      Thread.currentThread().interrupt();
      err.println("govsim calibrate: interrupted; nothing was written to " + target);
      return Main.FAILURE;
    } catch (OutputFolder.ExistsException e) {
      folder.abandon();
      stop.unstage(folder);
      err.println("govsim calibrate: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      folder.abandon();
      stop.unstage(folder);
      err.println("govsim calibrate: " + e.getMessage());
      return Main.FAILURE;
    } catch (Exception | Error e) {
      folder.abandon();
      stop.unstage(folder);
      throw e;
    }
    stdout.print(table(cal, result));
    if (!result.abc().note().isEmpty()) stdout.println("note: " + result.abc().note());
    stdout.printf(
        Locale.ROOT,
        "%d simulations (%d runs) in %.1f s; posterior sample and summaries in %s%n",
        result.abc().simulations().size(),
        result.runs(),
        result.wallSeconds(),
        target);
    stdout.flush();
    if (!result.failures().isEmpty()) {
      err.println(
          "govsim calibrate: "
              + result.failures().size()
              + " runs failed (their simulations count as undefined); first: "
              + result.failures().get(0));
      err.flush();
      return Main.RUNS_FAILED;
    }
    return 0;
  }

  static String table(Calibration cal, Calibration.Result r) {
    Abc.Generation post = r.abc().posterior();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%nposterior (generation %d, %d particles, ess %.1f, tolerance %s):%n",
            post.index(),
            post.u().length,
            post.ess(),
            Num.format(post.tolerance())));
    int width = 9;
    for (Abc.Parameter p : cal.parameters()) width = Math.max(width, p.name().length());
    String fmt = "  %-" + width + "s  %12s  %12s  %12s  %12s  %12s  %s%n";
    sb.append(
        String.format(
            Locale.ROOT, fmt, "parameter", "mean", "sd", "2.5%", "median", "97.5%", "prior"));
    for (int j = 0; j < cal.parameters().size(); j++) {
      Abc.Parameter p = cal.parameters().get(j);
      double[] x = Calibration.column(post.values(), j);
      double[] w = post.weights();
      sb.append(
          String.format(
              Locale.ROOT,
              fmt,
              p.name(),
              Num.format(Abc.weightedMean(x, w)),
              Num.format(Abc.weightedSd(x, w)),
              Num.format(Abc.weightedQuantile(x, w, 0.025)),
              Num.format(Abc.weightedQuantile(x, w, 0.5)),
              Num.format(Abc.weightedQuantile(x, w, 0.975)),
              "["
                  + Num.format(p.low())
                  + ", "
                  + Num.format(p.high())
                  + "]"
                  + (p.log() ? " log" : "")));
    }
    for (int m = 0; m < cal.targets().size(); m++) {
      var t = cal.targets().get(m);
      double[] s = Calibration.column(post.stats(), m);
      sb.append(
          String.format(
              Locale.ROOT,
              "  %s: observed %s (sd %s), posterior sample's simulated mean %s%n",
              t.metric(),
              Num.format(t.value()),
              Num.format(t.sd()),
              Num.format(Abc.weightedMean(s, post.weights()))));
    }
    return sb.toString();
  }

  private List<String> overrides() {
    List<String> o = new ArrayList<>();
    o.add("--targets " + targets);
    if (particles != DEFAULT_PARTICLES) o.add("--particles " + particles);
    if (generations != DEFAULT_GENERATIONS) o.add("--generations " + generations);
    if (samples != null) o.add("--samples " + samples);
    if (quantile != DEFAULT_QUANTILE) o.add("--quantile " + quantile);
    if (maxSimulations != null) o.add("--max-simulations " + maxSimulations);
    return o;
  }

  private List<String> commandLine() {
    List<String> args = new ArrayList<>();
    args.add("govsim");
    if (spec.commandLine().getParseResult() != null)
      args.addAll(spec.commandLine().getParseResult().originalArgs());
    return args;
  }
}
