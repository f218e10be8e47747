package govsim.model;

import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point from scenario files to {@link ModelSpec}: a loader over the ModelSpec schema whose
 * {@code regime} key selects a preset from src/main/resources/govsim/regimes/.
 */
public final class Scenarios {
  private Scenarios() {}

  public static ScenarioLoader<ModelSpec> loader() {
    return new ScenarioLoader<>(ModelSpec.class, "regime", Scenarios::preset);
  }

  /** The preset YAML of a regime (its YAML name), if there is one. */
  public static Optional<String> preset(String regime) {
    String name = "/govsim/regimes/" + regime + ".yaml";
    try (InputStream in = Scenarios.class.getResourceAsStream(name)) {
      if (in == null) return Optional.empty();
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static ScenarioLoader.Loaded<ModelSpec> load(Path file, List<String> sets) throws ScenarioException {
    return loader().load(file, sets);
  }

  /** Rebinds a resolved tree (for example from a run's manifest) to a ModelSpec. */
  public static ModelSpec bind(Map<String, ?> resolved, String source) throws ScenarioException {
    return loader().bind(resolved, source);
  }
}
