package govsim.cli;

import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario argument and the options every scenario-reading command shares. */
final class ScenarioInput {
  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "Scenario YAML file (see scenarios/).")
  Path scenario;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one key, e.g. --set users.count=5000 --set regime=centralized. Repeatable; validated like the file.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      description = "Seed of the run (overrides the scenario's seed).")
  Long seed;

  @Option(
      names = "--allow-extends-outside",
      description =
          "Let the scenario's extends: reach files outside its own folder and the project's scenarios/ folder.")
  boolean allowExtendsOutside;

  /** Loads and validates; the seed option is applied like a --set so it is recorded everywhere. */
  ScenarioLoader.Loaded<ModelSpec> load() throws ScenarioException {
    List<String> all = new ArrayList<>(sets);
    if (seed != null) all.add("seed=" + seed);
    return Scenarios.load(scenario, all, allowExtendsOutside);
  }
}
