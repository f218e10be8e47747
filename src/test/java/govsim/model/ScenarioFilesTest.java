package govsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.SingleRun;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import govsim.scenario.ParamInfo;
import govsim.scenario.ScenarioLoader;
import govsim.world.EventKind;
import govsim.world.WorldEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario file shipped under scenarios/ (sweep and game files excepted: they have their own
 * tests) validates as it is, and runs with a fixed seed on a small population for a short horizon.
 */
class ScenarioFilesTest {
  static Stream<Path> scenarioFiles() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
      return s
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("/sweeps/"))
          .filter(p -> !p.toString().contains("/games/")) // game files: GameFilesTest
          .filter(
              p -> !p.toString().contains("/calibration/")) // calibration files: CalibrationTest
          .sorted()
          .toList()
          .stream();
    }
  }

  /**
   * Runs each file for at least 90 days, and past its last scheduled event, so that every event a
   * shipped scenario schedules happens in the test and leaves its trace in the event log.
   */
  @ParameterizedTest
  @MethodSource("scenarioFiles")
  void validatesAndRunsWithAFixedSeed(Path file) throws Exception {
    ScenarioLoader.Loaded<ModelSpec> full = Scenarios.load(file, List.of());
    assertFalse(full.config().name().isBlank(), "scenario needs a name");
    double lastEvent =
        full.config().events().stream().mapToDouble(EventSpec::atDay).max().orElse(0);
    double horizon = Math.min(full.config().time().horizonDays(), Math.max(90, lastEvent + 30));
    ModelSpec small =
        Scenarios.load(
                file,
                List.of(
                    "users.count=3000",
                    "time.horizon_days=" + horizon,
                    "time.burn_in_days=0",
                    "seed=11"))
            .config();
    List<WorldEvent> log = new ArrayList<>();
    RunResult r =
        SingleRun.run(
            small,
            new RunListener() {
              @Override
              public void event(WorldEvent e) {
                log.add(e);
              }
            });
    assertEquals(small.time().steps(), r.world().step);
    assertTrue(r.summary().get("harm_total") >= 0);
    int users = r.world().firms.stream().filter(f -> f.active).mapToInt(f -> f.users).sum();
    assertEquals(3000, users, "every user has exactly one active provider at the end");
    for (EventSpec e : small.events()) {
      assertTrue(
          log.stream().anyMatch(w -> traceOf(e, w, small)),
          file + ": the " + e.type() + " of day " + e.atDay() + " left no trace in the event log");
    }
  }

  /** Whether a logged event is what the scheduled event does (at or after its day). */
  static boolean traceOf(EventSpec e, WorldEvent w, ModelSpec spec) {
    if (w.day() < e.atDay()) return false;
    return switch (e.type()) {
      case CAPABILITY_SHOCK -> w.type() == EventKind.CAPABILITY_SHOCK;
      case ADOPT_PRACTICE ->
          w.type() == EventKind.PRACTICE_ADOPTED
              && w.detail().equals("scheduled event")
              && (e.firm() < 0 || w.firm() == e.firm());
      case ENACT_MANDATE ->
          w.type() == EventKind.MANDATE_ENACTED
              && w.detail().equals(e.mandate().name().toLowerCase(java.util.Locale.ROOT));
      case FORM_COMMUNITY ->
          w.type() == EventKind.COMMUNITY_FORMED
              && w.value() == e.stringency()
              && w.detail()
                  .equals(String.format(java.util.Locale.ROOT, "assurance %.3f", e.assurance()));
      case EMERGE_RISK ->
          w.type() == EventKind.RISK_EMERGED
              && w.value() == e.severity()
              && w.detail().equals(e.knightian() ? "knightian" : "known");
    };
  }

  /**
   * Every kind of scheduled event, every mandate and every value of every mechanism switch (the
   * boolean and enum keys outside outputs) is used by at least one shipped scenario, so that the
   * smoke test above runs it.
   */
  @Test
  void everyEventTypeAndEverySwitchValueIsShipped() throws Exception {
    Map<String, java.util.Set<Object>> seen = new java.util.HashMap<>();
    for (Path file : scenarioFiles().toList()) {
      collect("", Scenarios.load(file, List.of()).resolved(), seen);
    }
    for (ParamInfo p : Scenarios.loader().schema().params()) {
      if (p.path().startsWith("outputs.")) continue;
      List<Object> values;
      if (p.type().equals("boolean")) values = List.of(true, false);
      else if (p.type().equals("enum")) values = new ArrayList<>(p.allowedValues());
      else continue;
      for (Object v : values) {
        assertTrue(
            seen.getOrDefault(p.path(), java.util.Set.of()).contains(v),
            "no shipped scenario under scenarios/ sets " + p.path() + " to " + v);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void collect(String prefix, Object node, Map<String, java.util.Set<Object>> seen) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet())
        collect(
            prefix.isEmpty() ? e.getKey().toString() : prefix + "." + e.getKey(),
            e.getValue(),
            seen);
    } else if (node instanceof List<?> list) {
      for (Object o : list) collect(prefix + "[]", o, seen);
    } else if (node != null) {
      seen.computeIfAbsent(prefix, k -> new java.util.HashSet<>())
          .add(node instanceof String str ? str : node);
    }
  }

  @Test
  void shippedScenariosIncludeTheRequiredOnes() {
    for (String f :
        List.of(
            "baseline.yaml",
            "regimes/laissez_faire.yaml",
            "regimes/centralized.yaml",
            "regimes/distributed.yaml",
            "regimes/hybrid.yaml",
            "bench/market-kernel.yaml")) {
      assertTrue(Files.exists(Path.of("scenarios", f)), f);
    }
  }

  /** The baseline shows every key with its default: keep the two from drifting apart. */
  @Test
  void baselineValuesAreTheSchemaDefaults() throws Exception {
    Map<String, Object> resolved =
        Scenarios.load(Path.of("scenarios/baseline.yaml"), List.of()).resolved();
    Map<String, Object> preset =
        Scenarios.loader().loadString("regime: hybrid\n", "defaults", null, List.of()).resolved();
    for (ParamInfo p : Scenarios.loader().schema().params()) {
      if (p.isSection()
          || p.path().contains("[]")
          || p.path().equals("name")
          || p.path().equals("description")) continue;
      assertEquals(
          lookup(preset, p.path()),
          lookup(resolved, p.path()),
          "scenarios/baseline.yaml: "
              + p.path()
              + " differs from its schema default; update the file or the default (and its comment)");
    }
  }

  /**
   * The baseline shows every key of the schema (list elements excepted) on a line of its own with a
   * comment after it; keys that a regime preset sets appear commented out, with why.
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
          if (section.isEmpty() && current.equals(key) && line.indexOf('#') > line.indexOf(':'))
            found = true;
          if (parts.length == 1 && p.isSection() && current.equals(key)) found = line.contains("#");
          continue;
        }
        if (!current.equals(section) || section.isEmpty()) continue;
        String t = line.strip();
        if (t.startsWith(key + ":") && t.indexOf('#') > key.length()) found = true;
        if (t.startsWith("# " + key + ":") && t.contains("<- set by the regime preset"))
          found = true;
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
      ModelSpec s =
          Scenarios.load(Path.of("scenarios/regimes/" + r.yamlName() + ".yaml"), List.of())
              .config();
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
