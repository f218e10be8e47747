package govsim.cli;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.validation.Claim;
import govsim.experiment.validation.Finding;
import govsim.experiment.validation.GameFacts;
import govsim.experiment.validation.Robustness;
import govsim.experiment.validation.StylizedFacts;
import govsim.experiment.validation.ValidationReport;
import govsim.io.OutputFolder;
import govsim.report.RobustnessFigures;
import govsim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `govsim validation`: runs the stylized-fact experiments and (re)writes docs/validation.md. */
@Command(
    name = "validation",
    mixinStandardHelpOptions = true,
    description = {
      "Test the paper's stylized facts (SF1-SF6) with replications, and the game engine's"
          + " published anchor (G1, the DSAIR race of Han et al. 2020).",
      "",
      "Runs each stylized fact of MODEL.md §8 as an experiment and prints the measured values,"
          + " 95%% intervals and the verdict computed from them; --write regenerates"
          + " docs/validation.md. --robustness N also tests every fact over the plausible box: a"
          + " Latin hypercube of N points over the keys whose source is an assumption, within their"
          + " plausible ranges (govsim describe), --robustness-reps replications per point with"
          + " common seeds across regimes; it reports per fact the share of points where it holds"
          + " (95%% Wilson interval) and the parameters that decide it. With --write, the results"
          + " go to validation/robustness.csv and figures beside FILE, and a later --write without"
          + " --robustness renders the stored results again."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim validation",
      "  ./govsim validation --only SF4",
      "  ./govsim validation --only G1",
      "  ./govsim validation --write docs/validation.md",
      "  ./govsim validation --robustness 8 --robustness-reps 2 --only SF6"
    })
final class ValidationCommand implements Callable<Integer> {
  /** The robustness figure of one fact, from the stored design and verdicts. */
  static void figure(Robustness.Data d, Claim c, Path file) {
    Robustness.FactAnalysis a = Robustness.analyse(d, c);
    double[] ax = Robustness.axes(d, a, c);
    int xi = (int) ax[0];
    int yi = (int) ax[1];
    double[] x = new double[d.n()];
    double[] y = new double[d.n()];
    for (int i = 0; i < d.n(); i++) {
      x[i] = d.x()[i][xi];
      y[i] = d.x()[i][yi];
    }
    RobustnessFigures.write(
        file,
        c.id() + " " + c.title() + ": holds at " + a.holds() + " of " + a.n() + " points",
        d.factors().get(xi).key(),
        d.factors().get(yi).key(),
        x,
        y,
        d.holds(c.id()),
        ax[2],
        ax[3]);
  }

  @Option(
      names = {"-n", "--reps"},
      paramLabel = "N",
      defaultValue = "" + StylizedFacts.DEFAULT_REPS,
      description = "Replications per regime (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      defaultValue = "" + StylizedFacts.DEFAULT_SEED,
      description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Worker threads (default: all processors). Results do not depend on it.")
  Integer threads;

  @Option(
      names = "--only",
      paramLabel = "SF",
      description = "Run one fact: SF1, SF2, SF3, SF4, SF5, SF6 or G1.")
  String only;

  @Option(
      names = "--scenarios",
      paramLabel = "DIR",
      defaultValue = "scenarios",
      description = "Folder with the shipped scenarios (default: ${DEFAULT-VALUE}).")
  Path scenarios;

  @Option(
      names = "--write",
      paramLabel = "FILE",
      description = "Write the Markdown report to FILE (all facts only).")
  Path write;

  @Option(
      names = "--robustness",
      paramLabel = "N",
      description = "Also test the facts at N points of the plausible box (Latin hypercube).")
  Integer robustness;

  @Option(
      names = "--robustness-reps",
      paramLabel = "R",
      defaultValue = "3",
      description = "Replications per regime at each robustness point (default ${DEFAULT-VALUE}).")
  int robustnessReps;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (reps < 2) {
      spec.commandLine()
          .getErr()
          .println(
              "govsim validation: --reps must be at least 2 (intervals need two replications)");
      return Main.BAD_INPUT;
    }
    if (robustness != null && robustness < 2) {
      spec.commandLine()
          .getErr()
          .println("govsim validation: --robustness needs at least 2 points");
      return Main.BAD_INPUT;
    }
    if (robustnessReps < 2) {
      spec.commandLine()
          .getErr()
          .println("govsim validation: --robustness-reps must be at least 2 (intervals need two)");
      return Main.BAD_INPUT;
    }
    if (write != null && only != null) {
      spec.commandLine()
          .getErr()
          .println("govsim validation: --write regenerates the whole report; drop --only");
      return Main.BAD_INPUT;
    }
    int workers = threads == null ? BatchRunner.defaultThreads() : threads;
    StylizedFacts facts = new StylizedFacts(scenarios, reps, seed, workers);
    GameFacts games = new GameFacts(scenarios, reps, seed, workers);
    List<Finding> findings = new ArrayList<>();
    List<Finding> gameFindings = new ArrayList<>();
    try {
      if (only == null) {
        findings.addAll(facts.all());
        gameFindings.addAll(games.all());
      } else {
        String id = only.toUpperCase(Locale.ROOT);
        if (id.equals("G1")) gameFindings.add(games.dsair());
        else if (id.matches("SF[1-6]")) findings.addAll(facts.only(id));
        else {
          spec.commandLine()
              .getErr()
              .println("govsim validation: unknown fact '" + only + "'; use SF1 ... SF6 or G1");
          return Main.BAD_INPUT;
        }
      }
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.format());
      return Main.BAD_INPUT;
    }
    Robustness.Data data = null;
    List<Claim> claims =
        StylizedFacts.claims().stream()
            .filter(c -> findings.stream().anyMatch(f -> f.id().equals(c.id())))
            .toList();
    if (robustness != null && !claims.isEmpty()) {
      StylizedFacts boxFacts = new StylizedFacts(scenarios, robustnessReps, seed, workers);
      var err = spec.commandLine().getErr();
      try {
        data =
            Robustness.run(
                boxFacts,
                claims,
                robustness,
                line -> {
                  err.println(line);
                  err.flush();
                });
      } catch (ScenarioException e) {
        err.println(
            "govsim validation: a point of the plausible box is not a valid scenario:\n"
                + e.format());
        return Main.BAD_INPUT;
      }
    } else if (robustness == null && write != null) {
      Path stored = Robustness.csv(write);
      if (java.nio.file.Files.exists(stored)) {
        try {
          data =
              Robustness.fromCsv(
                  java.nio.file.Files.readString(stored),
                  claims,
                  Robustness.held(scenarios, claims));
        } catch (IllegalArgumentException e) {
          spec.commandLine()
              .getErr()
              .println("govsim validation: " + stored + ": " + e.getMessage());
          return Main.BAD_INPUT;
        }
      }
    }
    List<Finding> shown = new ArrayList<>();
    for (Finding f : findings)
      shown.add(
          data == null
              ? f
              : f.withRobustness(Robustness.markdown(data, StylizedFacts.claim(f.id()))));
    for (Finding f : shown) spec.commandLine().getOut().println(f.markdown());
    for (Finding f : gameFindings) spec.commandLine().getOut().println(f.markdown());
    if (write != null) {
      if (data != null) {
        Path csv = Robustness.csv(write);
        java.nio.file.Files.createDirectories(csv.getParent());
        OutputFolder.writeAtomically(csv, Robustness.toCsv(data, claims));
        for (Claim c : claims) figure(data, c, csv.getParent().resolve(Robustness.figureName(c)));
      }
      OutputFolder.writeAtomically(
          write, ValidationReport.render(findings, gameFindings, reps, seed, data));
      spec.commandLine().getOut().println("govsim: wrote " + write);
    }
    spec.commandLine().getOut().flush();
    return findings.stream().allMatch(Finding::holds)
            && gameFindings.stream().allMatch(Finding::holds)
        ? 0
        : 3;
  }
}
