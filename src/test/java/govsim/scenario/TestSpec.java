package govsim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small scenario root used by the tests: every supported kind of key (enum, string, int, double,
 * long, boolean, a section with a nested section and a cross-field check, a list of records with a
 * required key, lists of numbers and strings).
 */
record TestSpec(
    @Param(def = "hybrid", doc = "Governance regime; selects a preset.") Regime regime,
    @Param(doc = "Scenario name.") String name,
    @Param(def = "365", unit = "days", min = 1, max = 36500, doc = "Simulated horizon.")
        int horizonDays,
    @Param(def = "1", unit = "days", min = 0.01, max = 30, doc = "Time step.") double dtDays,
    @Param(def = "42", doc = "Master seed.") long seed,
    @Param(def = "true", doc = "Write CSV outputs.") boolean writeCsv,
    @Param(doc = "The user population.") Users users,
    @Param(def = "[]", doc = "Scheduled events.") List<Event> events,
    @Param(def = "[0.5, 0.5]", unit = "share", min = 0, max = 1, doc = "Mixture weights.")
        List<Double> weights,
    @Param(def = "[csv]", doc = "Outputs to write.") List<String> outputs) {

  /** The presets used by the tests: centralized and laissez_faire have one, the others none. */
  static final Map<String, String> PRESETS =
      Map.of(
          "centralized",
          "users:\n  switching_cost_mean: 3.0\n  count: 500\nhorizon_days: 100\n",
          "laissez_faire",
          "users:\n  learning:\n    enabled: true\n");

  static ScenarioLoader<TestSpec> loader() {
    return new ScenarioLoader<>(
        TestSpec.class, "regime", name -> Optional.ofNullable(PRESETS.get(name)));
  }

  enum Regime {
    CENTRALIZED,
    DISTRIBUTED,
    HYBRID,
    LAISSEZ_FAIRE
  }

  enum EventKind {
    BAN,
    SUBSIDY,
    AUDIT
  }

  record Users(
      @Param(def = "1000", min = 1, max = 10_000_000, doc = "Number of users.") int count,
      @Param(
              def = "1.5",
              unit = "utility units",
              min = 0,
              max = 10,
              plausibleMin = 0.5,
              plausibleMax = 3,
              doc = "Mean switching cost.",
              source = "Farrell & Klemperer 2007, section 2")
          double switchingCostMean,
      @Param(def = "0.1", unit = "share", min = 0, max = 1, doc = "Smallest market share.")
          double minShare,
      @Param(def = "0.9", unit = "share", min = 0, max = 1, doc = "Largest market share.")
          double maxShare,
      @Param(doc = "How users learn.") Learning learning) {

    Users {
      if (minShare > maxShare) {
        throw new IllegalArgumentException(
            "min_share (" + minShare + ") must not exceed max_share (" + maxShare + ")");
      }
    }
  }

  record Learning(
      @Param(def = "0.05", unit = "1/day", min = 0, max = 1, doc = "Learning rate.") double rate,
      @Param(def = "false", doc = "Whether users learn at all.") boolean enabled) {}

  record Event(
      @Param(unit = "days", min = 0, max = 36500, doc = "Day the event happens.") int atDay,
      @Param(def = "ban", doc = "What happens.") EventKind kind,
      @Param(def = "1", min = 0, doc = "How strong it is.") double magnitude,
      @Param(def = "[]", min = 0, doc = "Indices of the firms it applies to.")
          List<Integer> targets) {}
}
