package govsim.gui;

import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.scenario.ParamInfo;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import govsim.scenario.ScenarioYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario the GUI will run at its next start: where it was loaded from, the values changed
 * since (in the Model tab), and the validated {@link ModelSpec} that results. It imports no Swing,
 * so its validation is tested without a display.
 *
 * <p>Every change goes through the scenario loader's validation, so an out-of-range value is
 * refused with the loader's own message (key, value, allowed range) instead of being clamped or
 * dropped. A change of regime reloads the file with {@code regime=X}, because a regime preset is
 * applied when a file is loaded (under the file's own keys); the other Model-tab changes are then
 * applied again on top, as {@code --set} overrides would be.
 *
 * <p>Methods are synchronized: the Model tab edits on the Swing thread while the model thread reads
 * the spec at start.
 */
public final class ScenarioSession {
  /** Names the Model tab in validation messages. */
  static final String SOURCE = "Model tab";

  private final ScenarioLoader<ModelSpec> loader = Scenarios.loader();
  private Path file;
  private List<String> baseSets;
  private String origin;

  /** Model-tab changes, key path to value, in the order made (a regime change included). */
  private final Map<String, Object> edits = new LinkedHashMap<>();

  private Map<String, Object> resolved;
  private ModelSpec spec;

  private ScenarioSession(
      Path file, List<String> baseSets, String origin, ScenarioLoader.Loaded<ModelSpec> loaded) {
    this.file = file;
    this.baseSets = List.copyOf(baseSets);
    this.origin = origin;
    this.resolved = loaded.resolved();
    this.spec = loaded.config();
  }

  /**
   * Opens a scenario file with {@code --set} overrides (a seed option included as {@code seed=N}).
   *
   * @throws ScenarioException listing every problem of the file or the overrides
   */
  public static ScenarioSession open(Path file, List<String> sets) throws ScenarioException {
    return new ScenarioSession(file, sets, file.toString(), Scenarios.load(file, sets));
  }

  /**
   * Opens a run folder for replay: its resolved scenario with the seed of its manifest.
   *
   * @throws RunFolder.NotARunFolder if the folder is not a run folder
   * @throws ScenarioException if its scenario no longer validates (for example, written by an older
   *     govsim whose keys have since changed)
   */
  public static ScenarioSession replay(Path dir) throws RunFolder.NotARunFolder, ScenarioException {
    RunFolder run = RunFolder.open(dir);
    List<String> sets = List.of("seed=" + run.seed());
    return new ScenarioSession(
        run.scenarioFile(), sets, "replay of " + dir, Scenarios.load(run.scenarioFile(), sets));
  }

  /** The validated scenario the next start will run. */
  public synchronized ModelSpec spec() {
    return spec;
  }

  /** The complete resolved tree of {@link #spec()} (unmodifiable). */
  public synchronized Map<String, Object> resolved() {
    return resolved;
  }

  /** The scenario file the session loaded (a replay's: the run folder's resolved scenario). */
  public synchronized Path file() {
    return file;
  }

  /** Where the scenario came from: the file, or "replay of DIR". */
  public synchronized String origin() {
    return origin;
  }

  /** The Model-tab changes since the scenario was loaded, in order (unmodifiable copy). */
  public synchronized Map<String, Object> edits() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(edits));
  }

  /** The schema entry of a key (range, unit, documentation). */
  public ParamInfo info(String path) {
    return loader
        .schema()
        .param(path)
        .orElseThrow(() -> new IllegalArgumentException("no scenario key " + path));
  }

  /** Every documented key of the scenario schema, sections included, in schema order. */
  public List<ParamInfo> params() {
    return loader.schema().params();
  }

  /** The current value at a dotted key path of the resolved tree. */
  public synchronized Object value(String path) {
    return lookup(resolved, path);
  }

  /**
   * Changes one key. The changed tree is validated like a scenario file; if it is refused, nothing
   * changes.
   *
   * @return the refusal, readable by a user (key, value, allowed range), or empty if accepted
   */
  public synchronized Optional<String> set(String path, Object value) {
    if (path.equals("regime")) return setRegime(String.valueOf(value));
    try {
      Map<String, Object> tree = ScenarioLoader.withValue(resolved, path, value);
      Map<String, Object> checked = loader.resolve(tree, SOURCE);
      ModelSpec next = loader.bind(checked, SOURCE);
      resolved = checked;
      spec = next;
      edits.remove(path);
      edits.put(path, value);
      return Optional.empty();
    } catch (ScenarioException e) {
      return Optional.of(e.format());
    }
  }

  /**
   * Changes the regime: reloads the scenario file with {@code regime=X} (so the regime's preset
   * applies under the file's keys), then applies the other Model-tab changes again.
   *
   * @return the refusal, or empty if accepted
   */
  public synchronized Optional<String> setRegime(String regime) {
    List<String> sets = new ArrayList<>(baseSets);
    sets.add("regime=" + regime);
    try {
      ScenarioLoader.Loaded<ModelSpec> loaded = Scenarios.load(file, sets);
      Map<String, Object> tree = loaded.resolved();
      for (Map.Entry<String, Object> e : edits.entrySet()) {
        if (!e.getKey().equals("regime"))
          tree = ScenarioLoader.withValue(tree, e.getKey(), e.getValue());
      }
      Map<String, Object> checked = loader.resolve(tree, SOURCE);
      ModelSpec next = loader.bind(checked, SOURCE);
      resolved = checked;
      spec = next;
      edits.remove("regime");
      edits.put("regime", regime);
      return Optional.empty();
    } catch (ScenarioException e) {
      return Optional.of(e.format());
    }
  }

  /**
   * Replaces the scenario with another file (no overrides, Model-tab changes forgotten).
   *
   * @return the refusal (every problem of the file), or empty if loaded
   */
  public synchronized Optional<String> loadFile(Path newFile) {
    try {
      ScenarioLoader.Loaded<ModelSpec> loaded = Scenarios.load(newFile, List.of());
      replace(newFile, List.of(), newFile.toString(), loaded);
      return Optional.empty();
    } catch (ScenarioException e) {
      return Optional.of(e.format());
    }
  }

  /**
   * Replaces the scenario with a run folder's, for replay.
   *
   * @return the refusal, or empty if loaded
   */
  public synchronized Optional<String> loadRunFolder(Path dir) {
    try {
      RunFolder run = RunFolder.open(dir);
      List<String> sets = List.of("seed=" + run.seed());
      replace(
          run.scenarioFile(), sets, "replay of " + dir, Scenarios.load(run.scenarioFile(), sets));
      return Optional.empty();
    } catch (RunFolder.NotARunFolder e) {
      return Optional.of(e.getMessage());
    } catch (ScenarioException e) {
      return Optional.of(e.format());
    }
  }

  /**
   * The scenario as a minimal override file: {@code extends:} the file it was loaded from (relative
   * to {@code target}'s folder when both are on one file system), then only the keys that the Model
   * tab changed or the command line set ({@code --set}, {@code --seed}, a replay's seed), at their
   * current values. Running it gives the run the next start would make.
   *
   * @param target where the file will be written (its folder anchors the relative extends)
   */
  public synchronized String overrideYaml(Path target) {
    Map<String, Object> tree = new LinkedHashMap<>();
    Path parent = file.toAbsolutePath().normalize();
    Path dir = target.toAbsolutePath().normalize().getParent();
    String ext;
    try {
      ext = dir == null ? parent.toString() : dir.relativize(parent).toString();
    } catch (IllegalArgumentException e) {
      ext = parent.toString();
    }
    tree.put(ScenarioLoader.EXTENDS_KEY, ext.replace(java.io.File.separatorChar, '/'));
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    for (String set : baseSets) {
      int eq = set.indexOf('=');
      if (eq > 0) keys.add(set.substring(0, eq).strip());
    }
    keys.addAll(edits.keySet());
    for (String key : keys) put(tree, key, lookup(resolved, key));
    String header =
        "Saved from the govsim GUI: "
            + origin
            + (keys.isEmpty() ? " (no changes)" : " with " + String.join(", ", keys))
            + ".\nRun it with: ./govsim run "
            + target;
    return ScenarioYaml.dump(tree, header);
  }

  /**
   * Writes {@link #overrideYaml} to {@code target} (atomically: never a half-written file) and
   * checks that the written file loads to the same scenario.
   *
   * @return the problem (the file could not be written, or it does not reproduce the scenario, e.g.
   *     because its extends leaves the scenario folders), or empty if saved and checked
   */
  public synchronized Optional<String> save(Path target) {
    try {
      govsim.io.OutputFolder.writeAtomically(target, overrideYaml(target));
    } catch (java.io.UncheckedIOException e) {
      return Optional.of(e.getMessage());
    }
    try {
      Map<String, Object> again = Scenarios.load(target, List.of()).resolved();
      if (!again.equals(resolved)) {
        return Optional.of(
            "saved "
                + target
                + ", but it loads to a different scenario: "
                + String.join("; ", differences(again, resolved)));
      }
      return Optional.empty();
    } catch (ScenarioException e) {
      return Optional.of("saved " + target + ", but it does not load as it is:\n" + e.format());
    }
  }

  private static List<String> differences(Map<String, Object> a, Map<String, Object> b) {
    List<String> out = new ArrayList<>();
    diff("", a, b, out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> at = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      at = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
    }
    at.put(parts[parts.length - 1], value);
  }

  private void replace(
      Path newFile, List<String> sets, String newOrigin, ScenarioLoader.Loaded<ModelSpec> loaded) {
    file = newFile;
    baseSets = List.copyOf(sets);
    origin = newOrigin;
    resolved = loaded.resolved();
    spec = loaded.config();
    edits.clear();
  }

  /**
   * The keys whose values differ between {@code before} (for example the tree of the run on screen)
   * and the scenario the next start will run, as "key: old → new" lines.
   */
  public synchronized List<String> differencesFrom(Map<String, Object> before) {
    List<String> out = new ArrayList<>();
    diff("", before, resolved, out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void diff(String prefix, Object a, Object b, List<String> out) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      for (Map.Entry<?, ?> e : ((Map<String, Object>) mb).entrySet()) {
        String key = prefix.isEmpty() ? e.getKey().toString() : prefix + "." + e.getKey();
        diff(key, ma.get(e.getKey()), e.getValue(), out);
      }
      return;
    }
    if (a == null ? b != null : !a.equals(b)) {
      out.add(prefix + ": " + text(a) + " \u2192 " + text(b));
    }
  }

  private static String text(Object v) {
    if (v instanceof Double d) return govsim.observe.Num.format(d);
    if (v instanceof List<?> l) return l.size() + " items";
    return String.valueOf(v);
  }

  static Object lookup(Map<String, Object> tree, String path) {
    Object at = tree;
    for (String part : path.split("\\.")) {
      if (!(at instanceof Map<?, ?> m))
        throw new IllegalArgumentException("no scenario key " + path);
      at = m.get(part);
    }
    if (at == null) throw new IllegalArgumentException("no scenario key " + path);
    return at;
  }
}
