package govsim.cli;

import govsim.experiment.SingleRun;
import govsim.experiment.batch.RunGuard;
import govsim.io.OutputFolder;
import govsim.io.OutputGuard;
import govsim.io.RunWriter;
import govsim.model.ModelSpec;
import govsim.observe.RunResult;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `govsim run`: one run of a scenario, written to results/NAME/seed-SEED/. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one scenario with one seed and write its results.",
      "",
      "Writes timeseries.csv, summary.csv, events.csv, risks.csv, scenario.resolved.yaml and"
          + " manifest.json to results/<scenario name>/seed-<seed>/ (or --out DIR); with --set"
          + " overrides the folder is seed-<seed>-<hash>/ (8 hex digits of the overrides' SHA-256),"
          + " so runs with different overrides never collide. An existing non-empty folder is never"
          + " overwritten without --force, and --force replaces only a folder that govsim wrote."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim run scenarios/baseline.yaml",
      "  ./govsim run scenarios/baseline.yaml --seed 7 --set regime=centralized \\",
      "      --out results/my-run"
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ScenarioInput input;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "Output folder (default: results/<name>/seed-<seed>/, seed-<seed>-<hash of the --set overrides>/ with overrides).")
  Path out;

  @Option(
      names = "--force",
      description =
          "Replace an existing non-empty output folder that govsim wrote (it holds a govsim manifest.json).")
  boolean force;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "DAYS",
      description =
          "Write a checkpoint of the whole run every DAYS simulated days to <output"
              + " folder>.checkpoint/checkpoint.govsim (atomically; each replaces the last); if the"
              + " run is stopped or killed, govsim resume continues it to the same bytes as an"
              + " uninterrupted run. Removed when the run finishes.")
  Double checkpointEvery;

  @Spec CommandSpec spec;

  /** Set instead of {@link #spec} when {@link FastRun} parsed the command line. */
  FastRun direct;

  private java.io.PrintWriter out() {
    return spec != null ? spec.commandLine().getOut() : direct.out();
  }

  private java.io.PrintWriter err() {
    return spec != null ? spec.commandLine().getErr() : direct.err();
  }

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    ScenarioLoader.Loaded<ModelSpec> loaded;
    try {
      loaded = input.load();
    } catch (ScenarioException e) {
      err().println(e.format());
      return Main.BAD_INPUT;
    }
    ModelSpec model = loaded.config();
    String tooBig = RunGuard.of(null).refusal(model, false);
    if (tooBig != null) {
      err().println("govsim: cannot run: " + tooBig);
      return Main.FAILURE;
    }
    Path target;
    OutputFolder folder;
    if (checkpointEvery != null && !(checkpointEvery > 0 && checkpointEvery < 1e9)) {
      err()
          .println(
              "govsim: --checkpoint-every must be a positive number of days, got "
                  + checkpointEvery);
      return Main.BAD_INPUT;
    }
    try {
      target =
          out != null
              ? out
              : OutputGuard.defaultFolder(
                  model.name(), "seed-" + model.seed() + OutputGuard.overridesTag(input.sets));
      if (checkpointEvery != null) return checkpointed(loaded, target, started);
      Interruption.removeLeftovers(target);
      folder = OutputFolder.open(target, force);
    } catch (OutputGuard.Refused e) {
      err().println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (OutputFolder.ExistsException e) {
      err().println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      err().println("govsim: " + e.getMessage());
      return Main.FAILURE;
    }
    Interruption stop = Interruption.process();
    stop.stage(folder);
    stop.note(
        "nothing was written to "
            + target
            + " (the run's partial output was removed); run the command again");
    RunWriter writer =
        new RunWriter(folder, model.outputs().timeseries(), model.outputs().events())
            .inBackground();
    try {
      if (!quiet) {
        out()
            .printf(
                Locale.ROOT,
                "govsim: running %s (regime %s, seed %d, %d users, %.0f days)%n",
                model.name(),
                model.regime().yamlName(),
                model.seed(),
                model.users().count(),
                model.time().horizonDays());
      }
      warmUpWriting(loaded.resolved());
      RunResult result = SingleRun.run(model, writer);
      Map<String, Object> provenance = provenance(loaded);
      stop.commit(
          folder,
          () -> {
            writer.finish(
                result, loaded.resolved(), provenance, started, (System.nanoTime() - t0) / 1e9);
            return null;
          },
          "the results in " + target + " are complete");
      if (!quiet) Report.printRun(out(), result, target);
      return 0;
    } catch (OutputFolder.ExistsException e) {
      writer.abandon();
      err().println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      writer.abandon();
      stop.unstage(folder);
      err().println("govsim: " + e.getMessage());
      return Main.FAILURE;
    } catch (Exception | Error e) {
      writer.abandon();
      stop.unstage(folder);
      throw e;
    }
  }

  /** `govsim run --checkpoint-every DAYS`: the run in a {@link CheckpointSession}. */
  private int checkpointed(ScenarioLoader.Loaded<ModelSpec> loaded, Path target, Instant started)
      throws Exception {
    java.io.PrintWriter err = err();
    Path dir = govsim.experiment.checkpoint.Checkpoint.folderOf(target);
    Path file = dir.resolve(govsim.experiment.checkpoint.Checkpoint.FILE);
    if (java.nio.file.Files.exists(file)) {
      if (!force) {
        err.println(
            "govsim: a checkpoint of an unfinished run into "
                + target
                + " exists ("
                + file
                + "); continue that run with: govsim resume "
                + target
                + " (or start again with --force, which discards the checkpoint)");
        return Main.BAD_INPUT;
      }
      try {
        govsim.io.FileTrees.delete(dir);
      } catch (java.io.IOException e) {
        err.println("govsim: cannot remove the old checkpoint " + dir + ": " + e.getMessage());
        return Main.FAILURE;
      }
    }
    ModelSpec model = loaded.config();
    if (!quiet) {
      out()
          .printf(
              Locale.ROOT,
              "govsim: running %s (regime %s, seed %d, %d users, %.0f days; a checkpoint every %s"
                  + " days in %s)%n",
              model.name(),
              model.regime().yamlName(),
              model.seed(),
              model.users().count(),
              model.time().horizonDays(),
              govsim.observe.Num.format(checkpointEvery),
              dir);
    }
    govsim.experiment.checkpoint.CheckpointedRun run =
        govsim.experiment.checkpoint.CheckpointedRun.start(
            model,
            CheckpointSession.context(
                loaded.resolved(),
                provenance(loaded),
                target,
                force,
                checkpointEvery,
                started,
                input.scenario.toString(),
                loaded.sha256()));
    return CheckpointSession.execute(run, quiet ? null : out(), err);
  }

  private Map<String, Object> provenance(ScenarioLoader.Loaded<ModelSpec> loaded) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("command", commandLine());
    provenance.put("scenario_file", input.scenario.toString());
    provenance.put("scenario_sha256", loaded.sha256());
    provenance.put("scenario_files", loaded.files().stream().map(Path::toString).toList());
    provenance.put("overrides", input.sets);
    return provenance;
  }

  /**
   * Started by {@link Main#main} for {@code govsim run} before anything else: two threads that,
   * while the main thread reads and parses the scenario, build the scenario schema (shared, see
   * {@link govsim.scenario.Schema#of}) and initialise what the run needs only once its scenario is
   * read. One builds the schema, which the main thread needs first (to validate), then the SHA-256
   * digest of the scenario's bytes (Java's security providers behind it) and the process handle
   * that names the staging folder; the other the metric catalogue (the columns of timeseries.csv,
   * which the main thread needs next), the Kaplan-Meier estimator's normal quantile, JSON and the
   * build information. On one thread, the main thread waited for the catalogue after the schema
   * (kernel run, probes in one window: the world build started 200-310 ms after JVM start, against
   * 180-210 ms with two threads). Computes nothing that is kept and has no effect on any output; a
   * failure here is ignored (the run itself reports any real problem).
   */
  static void warmUpEarly() {
    daemon(
        "govsim-warm-up-schema",
        () -> {
          govsim.scenario.Schema.of(ModelSpec.class);
          java.security.MessageDigest.getInstance("SHA-256").digest(new byte[1]);
          ProcessHandle.current().pid();
        });
    daemon(
        "govsim-warm-up-outputs",
        () -> {
          govsim.observe.Metrics.STEP_NAMES.size();
          new govsim.stats.KaplanMeier(new double[] {1}, new boolean[] {true}, 0.95);
          govsim.io.Json.pretty(Map.of("warm", List.of(1.5, "x")));
          govsim.io.BuildInfo.current();
        });
  }

  /** Something a warm-up does; what it throws is ignored. */
  private interface WarmUp {
    void run() throws Exception;
  }

  /** Starts {@code work} on a daemon thread, ignoring what it throws (it is only a warm-up). */
  private static void daemon(String name, WarmUp work) {
    Thread t =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (Exception e) {
                // Only a warm-up.
              }
            },
            name);
    t.setDaemon(true);
    t.start();
  }

  /**
   * Loads and initialises the classes that writing the results needs (the YAML emitter; JSON and
   * the build information are done by {@link #warmUpEarly}) on another core while the model steps,
   * so that the end-of-run writing does not wait for them: a single run is otherwise one thread,
   * and this saves a fresh JVM about a tenth of a second after the last step. Nothing it computes
   * is kept; a failure here is ignored (the writing itself reports any real problem).
   */
  private static void warmUpWriting(Map<String, Object> resolved) {
    daemon("govsim-warm-up-writing", () -> govsim.scenario.ScenarioYaml.dump(resolved));
  }

  private List<String> commandLine() {
    List<String> args = new ArrayList<>();
    args.add("govsim");
    args.addAll(spec != null ? spec.commandLine().getParseResult().originalArgs() : direct.args());
    return args;
  }
}
