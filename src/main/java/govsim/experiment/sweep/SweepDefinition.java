package govsim.experiment.sweep;

import govsim.model.ModelSpec;
import govsim.model.Regime;
import govsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep: the sweep file's settings, its parameters, and the base scenario loaded once
 * per regime (the regime preset applies at load time). Built by {@link SweepFile#load}.
 *
 * @param file the sweep file
 * @param sha256 hex SHA-256 of the sweep file's bytes
 * @param spec the sweep file's settings (all keys but parameters)
 * @param name the sweep's name ({@code name:} or the file name without extension)
 * @param parameters the varied keys, in file order
 * @param baseFile the base scenario file (resolved against the sweep file's folder)
 * @param regimes the regimes crossed with every point (the base scenario's own if none listed)
 * @param scenarios the base scenario loaded under each regime, in regime order, with the sweep's
 *     {@code set} overrides
 * @param metrics the summary metrics to summarise, in {@link govsim.observe.Metrics#RUN_METRICS}
 *     order when all, else in the file's order
 * @param inputs every input file (the sweep file, then the scenario files of the extends chain)
 *     with its SHA-256, to refuse resuming after one changed
 */
public record SweepDefinition(
    Path file,
    String sha256,
    SweepSpec spec,
    String name,
    List<SweepParameter> parameters,
    Path baseFile,
    List<Regime> regimes,
    List<ScenarioLoader.Loaded<ModelSpec>> scenarios,
    List<String> metrics,
    Map<String, String> inputs) {

  public SweepDefinition {
    parameters = List.copyOf(parameters);
    regimes = List.copyOf(regimes);
    scenarios = List.copyOf(scenarios);
    metrics = List.copyOf(metrics);
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
  }

  /** The base scenario's name (under the first regime). */
  public String scenarioName() {
    return scenarios.get(0).config().name();
  }
}
