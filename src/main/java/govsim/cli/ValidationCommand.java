package govsim.cli;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.validation.Finding;
import govsim.experiment.validation.GameFacts;
import govsim.experiment.validation.StylizedFacts;
import govsim.experiment.validation.ValidationReport;
import govsim.io.OutputFolder;
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
          + " 95%% intervals and verdict; --write regenerates docs/validation.md."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim validation",
      "  ./govsim validation --only SF4",
      "  ./govsim validation --only G1",
      "  ./govsim validation --write docs/validation.md"
    })
final class ValidationCommand implements Callable<Integer> {
  @Option(
      names = {"-n", "--reps"},
      paramLabel = "N",
      defaultValue = "" + StylizedFacts.DEFAULT_REPS,
      description =
          "Replications per regime (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      defaultValue = "" + StylizedFacts.DEFAULT_SEED,
      description =
          "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description =
          "Worker threads (default: all processors). Results do not depend on it.")
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
      description =
          "Folder with the shipped scenarios (default: ${DEFAULT-VALUE}).")
  Path scenarios;

  @Option(
      names = "--write",
      paramLabel = "FILE",
      description = "Write the Markdown report to FILE (all facts only).")
  Path write;

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
    if (write != null && only != null) {
      spec.commandLine()
          .getErr()
          .println("govsim validation: --write regenerates the whole report; drop --only");
      return Main.BAD_INPUT;
    }
    StylizedFacts facts =
        new StylizedFacts(
            scenarios, reps, seed, threads == null ? BatchRunner.defaultThreads() : threads);
    int workers = threads == null ? BatchRunner.defaultThreads() : threads;
    GameFacts games = new GameFacts(scenarios, reps, seed, workers);
    List<Finding> findings = new ArrayList<>();
    List<Finding> gameFindings = new ArrayList<>();
    try {
      if (only == null) {
        findings.addAll(facts.all());
        gameFindings.addAll(games.all());
      } else {
        switch (only.toUpperCase(Locale.ROOT)) {
          case "SF1" -> findings.add(facts.sf1());
          case "SF2" -> findings.add(facts.sf2());
          case "SF3" -> {
            findings.add(facts.sf3Yuanbao());
            findings.add(facts.sf3Tay());
          }
          case "SF4" -> findings.add(facts.sf4());
          case "SF5" -> findings.add(facts.sf5());
          case "SF6" -> findings.add(facts.sf6());
          case "G1" -> gameFindings.add(games.dsair());
          default -> {
            spec.commandLine()
                .getErr()
                .println("govsim validation: unknown fact '" + only + "'; use SF1 ... SF6 or G1");
            return Main.BAD_INPUT;
          }
        }
      }
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.format());
      return Main.BAD_INPUT;
    }
    for (Finding f : findings) spec.commandLine().getOut().println(f.markdown());
    for (Finding f : gameFindings) spec.commandLine().getOut().println(f.markdown());
    if (write != null) {
      OutputFolder.writeAtomically(
          write, ValidationReport.render(findings, gameFindings, reps, seed));
      spec.commandLine().getOut().println("govsim: wrote " + write);
    }
    spec.commandLine().getOut().flush();
    return findings.stream().allMatch(Finding::holds)
            && gameFindings.stream().allMatch(Finding::holds)
        ? 0
        : 3;
  }
}
