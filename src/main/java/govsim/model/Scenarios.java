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

  /**
   * A loader whose {@code extends} stays inside the default scope ({@link
   * #projectScenarioFolders}).
   */
  public static ScenarioLoader<ModelSpec> loader() {
    return loader(false);
  }

  /**
   * A loader over the ModelSpec schema. By default an {@code extends} may reach only files in the
   * scenario's own folder (and below) and in the project's {@code scenarios/} folders; {@code
   * extendsAnywhere} (the CLI's {@code --allow-extends-outside}) lifts that.
   */
  public static ScenarioLoader<ModelSpec> loader(boolean extendsAnywhere) {
    ScenarioLoader<ModelSpec> l =
        new ScenarioLoader<>(ModelSpec.class, "regime", Scenarios::preset);
    return l.withExtendsRoots(extendsAnywhere ? null : projectScenarioFolders());
  }

  /**
   * The project's {@code scenarios/} folders, which every scenario may extend from: {@code
   * scenarios/} in the working folder, and the {@code scenarios/} folder of the govsim installation
   * (the nearest one beside the folder govsim's jar or classes are in, or one or two levels above
   * it: the repository of {@code ./govsim}). Only folders that exist are listed.
   */
  public static List<Path> projectScenarioFolders() {
    List<Path> out = new java.util.ArrayList<>();
    Path here = Path.of("scenarios").toAbsolutePath().normalize();
    if (java.nio.file.Files.isDirectory(here)) out.add(here);
    try {
      Path code =
          Path.of(Scenarios.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = java.nio.file.Files.isDirectory(code) ? code : code.getParent();
      for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
        Path s = dir.resolve("scenarios");
        if (java.nio.file.Files.isDirectory(s)) {
          if (!out.contains(s.toAbsolutePath().normalize()))
            out.add(s.toAbsolutePath().normalize());
          break;
        }
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // No code source (an unusual class loader): the working folder's scenarios/ only.
    }
    return List.copyOf(out);
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

  public static ScenarioLoader.Loaded<ModelSpec> load(Path file, List<String> sets)
      throws ScenarioException {
    return loader().load(file, sets);
  }

  /** Loads a scenario file; {@code extendsAnywhere} lets its extends leave the default scope. */
  public static ScenarioLoader.Loaded<ModelSpec> load(
      Path file, List<String> sets, boolean extendsAnywhere) throws ScenarioException {
    return loader(extendsAnywhere).load(file, sets);
  }

  /** Rebinds a resolved tree (for example from a run's manifest) to a ModelSpec. */
  public static ModelSpec bind(Map<String, ?> resolved, String source) throws ScenarioException {
    return loader().bind(resolved, source);
  }
}
