package govsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.RunResult;
import govsim.experiment.SingleRun;
import govsim.observe.RunListener;
import govsim.scenario.ParamInfo;
import govsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every scenario file shipped under scenarios/ (sweep files excepted: they have their own tests)
 * validates as it is, and runs with a fixed seed on a small population for a short horizon.
 */
class ScenarioFilesTest {
  static Stream<Path> scenarioFiles() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
      return s.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("/sweeps/"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scenarioFiles")
  void validatesAndRunsWithAFixedSeed(Path file) throws Exception {
    ScenarioLoader.Loaded<ModelSpec> full = Scenarios.load(file, List.of());
    assertFalse(full.config().name().isBlank(), "scenario needs a name");
    double horizon = Math.min(full.config().time().horizonDays(), 90);
    ModelSpec small = Scenarios.load(file, List.of("users.count=3000", "time.horizon_days=" + horizon,
        "time.burn_in_days=0", "seed=11")).config();
    RunResult r = SingleRun.run(small, RunListener.NONE);
    assertEquals(small.time().steps(), r.world().step);
    assertTrue(r.summary().get("harm_total") >= 0);
    int users = r.world().firms.stream().filter(f -> f.active).mapToInt(f -> f.users).sum();
    assertEquals(3000, users, "every user has exactly one active provider at the end");
  }

  @Test
  void shippedScenariosIncludeTheRequiredOnes() {
    for (String f : List.of("baseline.yaml", "regimes/laissez_faire.yaml", "regimes/centralized.yaml",
        "regimes/distributed.yaml", "regimes/hybrid.yaml", "bench/market-kernel.yaml")) {
      assertTrue(Files.exists(Path.of("scenarios", f)), f);
    }
  }

  /** The baseline shows every key with its default: keep the two from drifting apart. */
  @Test
  void baselineValuesAreTheSchemaDefaults() throws Exception {
    Map<String, Object> resolved = Scenarios.load(Path.of("scenarios/baseline.yaml"), List.of()).resolved();
    Map<String, Object> preset = Scenarios.loader().loadString("regime: hybrid\n", "defaults", null, List.of()).resolved();
    for (ParamInfo p : Scenarios.loader().schema().params()) {
      if (p.isSection() || p.path().contains("[]") || p.path().equals("name") || p.path().equals("description")) continue;
      assertEquals(lookup(preset, p.path()), lookup(resolved, p.path()), "scenarios/baseline.yaml: " + p.path()
          + " differs from its schema default; update the file or the default (and its comment)");
    }
  }

  /**
   * The baseline shows every key of the schema (list elements excepted) on a line of its own with
   * a comment after it; keys that a regime preset sets appear commented out, with why.
   */
  @Test
  void baselineShowsEveryKeyWithAComment() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("scenarios/baseline.yaml"));
    for (ParamInfo p : Scenarios.loader().schema().params()) {
      if (p.path().contains("[]")) continue;
      String[] parts = p.path().split("\\.");
      String section = parts.length == 1 ? "" : parts[0];
      String key = parts[parts.length - 1];
      String current = "";
      boolean found = false;
      for (String line : lines) {
        if (!line.startsWith(" ") && !line.startsWith("#") && line.contains(":")) {
          current = line.substring(0, line.indexOf(':'));
          if (section.isEmpty() && current.equals(key) && line.indexOf('#') > line.indexOf(':')) found = true;
          if (parts.length == 1 && p.isSection() && current.equals(key)) found = line.contains("#");
          continue;
        }
        if (!current.equals(section) || section.isEmpty()) continue;
        String t = line.strip();
        if (t.startsWith(key + ":") && t.indexOf('#') > key.length()) found = true;
        if (t.startsWith("# " + key + ":") && t.contains("<- set by the regime preset")) found = true;
      }
      assertTrue(found, "scenarios/baseline.yaml lacks a commented line for " + p.path());
    }
  }

  @SuppressWarnings("unchecked")
  static Object lookup(Map<String, Object> tree, String path) {
    Object node = tree;
    for (String part : path.split("\\.")) node = ((Map<String, Object>) node).get(part);
    return node;
  }

  @Test
  void regimeFilesDifferOnlyInTheirPreset() throws Exception {
    for (Regime r : Regime.values()) {
      ModelSpec s = Scenarios.load(Path.of("scenarios/regimes/" + r.yamlName() + ".yaml"), List.of()).config();
      assertEquals(r, s.regime());
      boolean regulator = r == Regime.CENTRALIZED || r == Regime.HYBRID;
      boolean communities = r == Regime.DISTRIBUTED || r == Regime.HYBRID;
      assertEquals(regulator, s.rulemaking().enabled(), r + " rule-making");
      assertEquals(regulator, s.enforcement().enabled(), r + " enforcement");
      assertEquals(communities, s.communities().enabled(), r + " communities");
      assertEquals(r == Regime.HYBRID, s.synergy().backstop(), r + " backstop");
      assertEquals(100_000, s.users().count());
    }
  }
}
