package govsim.cli;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.experiment.batch.RunGuard;
import govsim.experiment.explain.Explanation;
import govsim.experiment.explain.Shapley;
import govsim.io.OutputFolder;
import govsim.io.OutputGuard;
import govsim.model.Regime;
import govsim.observe.Num;
import govsim.report.ExplainFigures;
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
 * {@code govsim explain}: Shapley attribution of the paired difference between two regimes (or two
 * scenario files) to the keys in which they differ. The work is {@link Explanation}'s; this class
 * parses options and maps outcomes to exit codes.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain why two regimes (or two scenarios) differ, key by key.",
      "",
      "Compares the resolved scenarios of the two sides (presets applied) and takes every key in"
          + " which they differ as an item (name, description, seed and regime aside; --by section:"
          + " one item per section). Each coalition of items is the 'from' scenario with those"
          + " items set to their 'to' values; every coalition runs on the same --reps seeds (common"
          + " random numbers, the seeds of govsim compare). The paired difference to - from of"
          + " every summary metric is split into Shapley values, one per item, which sum to the"
          + " difference on each seed. Exact (all 2^k coalitions) for up to 8 items; beyond, or"
          + " with --permutations M, estimated from M random permutations with the sampling error"
          + " reported. Intervals are t-intervals over the seeds' own Shapley values.",
      "",
      "Writes to results/<name>/explain-<from>-<to>-seed-<seed>/ (plus -<hash> of the options that"
          + " shape the runs; or --out DIR):",
      "  shapley.csv     metric, item, from_value, to_value, shapley, sd, ci_low,",
      "                  ci_high, n, sampling_se (empty when exact)",
      "  totals.csv      metric, from_mean, to_mean, difference, ci_low, ci_high, n",
      "  coalitions.csv  coalition, switched items, replication, seed, status,",
      "                  every summary metric, error: one row per run",
      "  explain.png/.svg  waterfall of --metric's Shapley values and their sum",
      "  explain.csv     the waterfall's data (panel, series, x, y, interval)",
      "  manifest.json   items, seeds, method, resolved scenarios, versions"
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim explain scenarios/baseline.yaml --from distributed --to hybrid \\",
      "      --by section --reps 8",
      "  ./govsim explain scenarios/baseline.yaml --from distributed --to hybrid \\",
      "      --set users.count=10000 --reps 4 --dry-run",
      "",
      "Exit codes: 0 success, 2 bad input (also: the sides do not differ, or a coalition is not a"
          + " valid scenario), 1 failure while running, 3 some runs failed (their seeds are left"
          + " out of every value; see coalitions.csv), 130/143 stopped by Ctrl-C or SIGTERM."
    })
public final class ExplainCommand implements Callable<Integer> {

  /** Default replications per coalition. */
  public static final int DEFAULT_REPS = 8;

  static final double DEFAULT_CONFIDENCE = 0.95;

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "Scenario YAML file: the 'from' side.")
  Path scenario;

  @Option(
      names = "--from",
      paramLabel = "REGIME",
      description = "Regime of the 'from' side (default: the scenario's own).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "REGIME",
      description = "Regime of the 'to' side (default: the to-scenario's own).")
  String to;

  @Option(
      names = "--to-scenario",
      paramLabel = "FILE",
      description = "A second scenario file as the 'to' side (default: SCENARIO again).")
  Path toScenario;

  @Option(
      names = "--metric",
      paramLabel = "M",
      description =
          "Summary metric of the printed table and the figure (default: ${DEFAULT-VALUE}); shapley.csv has every metric.")
  String metric = "harm_total";

  @Option(
      names = {"-n", "--reps"},
      paramLabel = "N",
      description = "Seeds per coalition (default: ${DEFAULT-VALUE}).")
  int reps = DEFAULT_REPS;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      description = "Master seed (default: the scenario's seed).")
  Long seed;

  @Option(
      names = "--by",
      paramLabel = "key|section",
      description = "One item per differing key (default) or per top-level section.")
  String by = "key";

  @Option(
      names = "--permutations",
      paramLabel = "M",
      description =
          "Estimate from M random permutations instead of all coalitions (default: exact up to 8 items, else 32).")
  int permutations;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a key on both sides. Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confidence = DEFAULT_CONFIDENCE;

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
          "Let the scenarios' extends: reach files outside their own folder and the project's scenarios/ folder.")
  boolean allowExtendsOutside;

  @Option(names = "--dry-run", description = "List the items and the number of runs; run nothing.")
  boolean dryRun;

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
    Regime fromRegime = null;
    Regime toRegime = null;
    try {
      fromRegime = regime("--from", from);
      toRegime = regime("--to", to);
    } catch (IllegalArgumentException e) {
      err.println("govsim explain: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    if (!by.equals("key") && !by.equals("section")) {
      err.println("govsim explain: --by must be key or section, got '" + by + "'");
      return Main.BAD_INPUT;
    }
    if (threads < 1 || threads > BatchRunner.MAX_THREADS) {
      err.println(
          "govsim explain: --threads must be between 1 and "
              + BatchRunner.MAX_THREADS
              + ", got "
              + threads);
      return Main.BAD_INPUT;
    }
    Explanation ex;
    try {
      ex =
          Explanation.prepare(
              new Explanation.Request(
                  scenario,
                  toScenario,
                  fromRegime,
                  toRegime,
                  sets,
                  reps,
                  seed,
                  confidence,
                  by.equals("section"),
                  permutations,
                  metric,
                  allowExtendsOutside));
    } catch (ScenarioException e) {
      err.println(e.format());
      return Main.BAD_INPUT;
    } catch (Explanation.ExplainException e) {
      err.println("govsim explain: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    if (dryRun || !quiet) {
      err.printf(
          Locale.ROOT,
          "govsim explain: %s, %s -> %s: %d item(s), %s, %d coalitions x %d seeds = %d runs on %d threads (master seed %d)%n",
          ex.name(),
          ex.fromLabel(),
          ex.toLabel(),
          ex.items().size(),
          ex.exact() ? "exact" : ex.permutationCount() + " sampled permutations",
          ex.coalitionCount(),
          ex.replications(),
          ex.runs(),
          threads,
          ex.masterSeed());
      for (Explanation.Item it : ex.items())
        err.println("  " + it.name() + ": " + it.fromText() + " -> " + it.toText());
      err.flush();
    }
    if (dryRun) return 0;
    RunGuard guard = RunGuard.of(runTimeout);
    String tooBig = null;
    for (var s : ex.specs()) if (tooBig == null) tooBig = guard.refusal(s, false);
    if (tooBig != null) {
      err.println("govsim explain: cannot run: " + tooBig);
      return Main.FAILURE;
    }
    Path target;
    OutputFolder folder;
    try {
      target =
          out != null
              ? out
              : OutputGuard.defaultFolder(
                  ex.name(),
                  "explain-"
                      + ex.fromLabel()
                      + "-"
                      + (toScenario == null ? ex.toLabel() : "to-" + safe(ex.toLabel()))
                      + "-seed-"
                      + ex.masterSeed()
                      + OutputGuard.overridesTag(overrides()));
      Interruption.removeLeftovers(target);
      folder = OutputFolder.open(target, force);
    } catch (OutputGuard.Refused | OutputFolder.ExistsException e) {
      err.println("govsim explain: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      err.println("govsim explain: " + e.getMessage());
      return Main.FAILURE;
    }
    Interruption stop = Interruption.process();
    stop.stage(folder);
    stop.note(
        "nothing was written to "
            + target
            + " (the partial output was removed); run the command again");
    Progress progress =
        quiet
            ? Progress.NONE
            : Progress.onTerminal()
                ? Progress.bar(System.err, "explain", ex.runs(), 0)
                : Progress.lines(
                    err, "govsim explain", ex.runs(), 0, true, Duration.ZERO, System::nanoTime);
    Explanation.Result result;
    try {
      try (progress) {
        result = ex.run(folder, new BatchRunner(threads), model, guard, progress, commandLine());
      }
      ExplainFigures.write(ex, result, folder.staging());
      stop.commit(
          folder,
          () -> {
            folder.commit();
            return null;
          },
          "the results in " + target + " are complete");
    } catch (InterruptedException e) {
      folder.abandon();
      stop.unstage(folder);
      Thread.currentThread().interrupt();
      err.println("govsim explain: interrupted; nothing was written to " + target);
      return Main.FAILURE;
    } catch (OutputFolder.ExistsException e) {
      folder.abandon();
      stop.unstage(folder);
      err.println("govsim explain: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      folder.abandon();
      stop.unstage(folder);
      err.println("govsim explain: " + e.getMessage());
      return Main.FAILURE;
    } catch (Exception | Error e) {
      folder.abandon();
      stop.unstage(folder);
      throw e;
    }
    stdout.print(table(ex, result.of(metric)));
    stdout.printf(
        Locale.ROOT,
        "%d runs in %.1f s; every metric in %s/shapley.csv%n",
        ex.runs(),
        result.wallSeconds(),
        target);
    stdout.flush();
    if (!result.failures().isEmpty()) {
      err.println(
          "govsim explain: "
              + result.failures().size()
              + " of "
              + ex.runs()
              + " runs failed (their seeds are left out; see coalitions.csv):");
      for (String f : result.failures()) err.println("  " + f);
      err.flush();
      return Main.RUNS_FAILED;
    }
    return 0;
  }

  /** The printed table: the two means, each item's share with its interval, the difference. */
  static String table(Explanation ex, Shapley.Result r) {
    StringBuilder sb = new StringBuilder();
    int width = "difference (to - from)".length();
    for (Explanation.Item it : ex.items()) width = Math.max(width, it.name().length());
    String ci = Num.format(ex.level() * 100) + "% CI";
    sb.append(
        String.format(
            Locale.ROOT,
            "%n%s: %s -> %s (n = %d seeds)%n",
            ex.metric(),
            ex.fromLabel(),
            ex.toLabel(),
            r.total().n()));
    String fmt = "  %-" + width + "s  %14s  %s%n";
    sb.append(
        String.format(
            Locale.ROOT, fmt, "from (" + ex.fromLabel() + ")", Num.format(r.from().mean()), ""));
    for (int i = 0; i < ex.items().size(); i++) {
      var e = r.items().get(i).estimate();
      sb.append(
          String.format(
              Locale.ROOT,
              fmt,
              ex.items().get(i).name(),
              signed(e.mean()),
              interval(e.ciLow(), e.ciHigh(), ci)));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            fmt,
            "difference (to - from)",
            signed(r.total().mean()),
            interval(r.total().ciLow(), r.total().ciHigh(), ci)));
    sb.append(String.format(Locale.ROOT, fmt, "to", Num.format(r.to().mean()), ""));
    return sb.toString();
  }

  private static String signed(double v) {
    if (Double.isNaN(v)) return "";
    return (v > 0 ? "+" : "") + Num.format(v);
  }

  private static String interval(double lo, double hi, String ci) {
    if (Double.isNaN(lo)) return "";
    return ci + " [" + Num.format(lo) + ", " + Num.format(hi) + "]";
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+$", "");
  }

  private List<String> overrides() {
    List<String> o = new ArrayList<>(sets);
    if (toScenario != null) o.add("--to-scenario " + toScenario);
    if (!metric.equals("harm_total")) o.add("--metric " + metric);
    if (reps != DEFAULT_REPS) o.add("--reps " + reps);
    if (!by.equals("key")) o.add("--by " + by);
    if (permutations != 0) o.add("--permutations " + permutations);
    if (confidence != DEFAULT_CONFIDENCE) o.add("--confidence " + confidence);
    return o;
  }

  private static Regime regime(String option, String name) {
    if (name == null) return null;
    for (Regime r : Regime.values()) if (r.yamlName().equals(name.strip())) return r;
    throw new IllegalArgumentException(
        option
            + ": unknown regime '"
            + name.strip()
            + "' (one of: "
            + String.join(", ", Arrays.stream(Regime.values()).map(Regime::yamlName).toList())
            + ")");
  }

  private List<String> commandLine() {
    List<String> args = new ArrayList<>();
    args.add("govsim");
    if (spec.commandLine().getParseResult() != null)
      args.addAll(spec.commandLine().getParseResult().originalArgs());
    return args;
  }
}
