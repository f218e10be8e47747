package govsim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads a scenario: YAML files, a preset and {@code --set} overrides, merged, validated against the
 * {@link Schema} of a root record type, and bound to an immutable record.
 *
 * <p>Resolution order (later wins; mappings are deep-merged, lists and scalars replaced whole):
 *
 * <ol>
 *   <li>the schema defaults (the {@code @Param(def=...)} values);
 *   <li>the preset: the YAML that {@code presetYaml} returns for the value of {@code presetKey}
 *       (e.g. {@code regime}), as given by the files and overrides or else by its default;
 *   <li>the {@code extends:} chain, most distant parent first, the file itself last (a relative
 *       {@code extends} is resolved against the directory of the file that contains it);
 *   <li>the {@code --set key.path=value} overrides, in order (each value is read as YAML: a scalar
 *       or a flow collection such as {@code []}).
 * </ol>
 *
 * Every error in every source is collected and reported at once in a {@link ScenarioException}. The
 * loader knows nothing of the model; it is safe to share between threads.
 *
 * @param <R> the root record type
 */
public final class ScenarioLoader<R extends Record> {

  /** The key naming a scenario's parent file; never part of the schema or the record. */
  public static final String EXTENDS_KEY = "extends";

  /** The source name of errors in {@code --set} overrides. */
  public static final String SET_SOURCE = "--set";

  /** The most files an {@code extends} chain may hold (a guard against runaway chains). */
  public static final int MAX_CHAIN = 32;

  /**
   * A loaded scenario.
   *
   * @param config the bound root record
   * @param resolved the complete resolved tree: every key (defaults included) in schema order;
   *     nested maps and lists of Double, Long, Boolean and String (enums as their YAML spelling);
   *     unmodifiable. {@link ScenarioYaml#dump} writes it; {@link ScenarioLoader#bind} reads it
   *     back.
   * @param sha256 hex SHA-256 of the top file's bytes (of the text's UTF-8 bytes for {@link
   *     ScenarioLoader#loadString})
   * @param files the files read: the top file first (for {@link ScenarioLoader#load}), then its
   *     parent, its grandparent, ... along the {@code extends} chain
   */
  public record Loaded<R>(R config, Map<String, Object> resolved, String sha256, List<Path> files) {
    public Loaded {
      Objects.requireNonNull(config, "config");
      files = List.copyOf(files);
    }
  }

  /**
   * How many errors in a file reached through {@code extends} are shown (its contents stay
   * private).
   */
  public static final int PARENT_ERRORS_SHOWN = 1;

  private final Class<R> rootType;

  /**
   * The schema, taken on first use ({@link #schema()}): a load reads and parses its files first, so
   * that a fresh {@code govsim run}, whose second thread is building the schema meanwhile, does not
   * wait for it before parsing.
   */
  private volatile Schema schema;

  private final String presetKey;
  private final Function<String, Optional<String>> presetYaml;

  /**
   * Folders an {@code extends} may reach besides the top file's own folder tree; null: anywhere.
   */
  private final List<Path> extendsRoots;

  /**
   * A loader over the schema of {@code rootType}. Wrong annotations of the record (see {@link
   * Schema}) or a {@code presetKey} that is not one of its keys are programming errors: the first
   * use of the schema ({@link #schema()}, or a load) throws an {@link IllegalStateException} naming
   * them.
   *
   * @param rootType the root record type (its schema is built, or taken from {@link Schema#of}'s
   *     cache, when this loader first needs it)
   * @param presetKey dotted path of the key that selects a preset (e.g. {@code regime}), or null
   *     for no presets
   * @param presetYaml the preset YAML for a value of {@code presetKey}, if there is one; presets
   *     are validated like files (source {@code preset:<value>}) but may not use {@code extends}
   */
  public ScenarioLoader(
      Class<R> rootType, String presetKey, Function<String, Optional<String>> presetYaml) {
    this.rootType = Objects.requireNonNull(rootType, "rootType");
    this.presetKey = presetKey;
    this.presetYaml = presetYaml == null ? value -> Optional.empty() : presetYaml;
    this.extendsRoots = null;
  }

  private ScenarioLoader(ScenarioLoader<R> from, List<Path> extendsRoots) {
    this.rootType = from.rootType;
    this.schema = from.schema;
    this.presetKey = from.presetKey;
    this.presetYaml = from.presetYaml;
    this.extendsRoots = extendsRoots == null ? null : List.copyOf(extendsRoots);
  }

  /**
   * This loader with {@code extends} confined: a parent file must lie in the top file's own folder
   * or below it, or in one of {@code roots} or below (compared as real paths, so links do not lead
   * out). {@code null} lifts the confinement. Either way a parent must be a regular {@code .yaml}
   * or {@code .yml} file.
   */
  public ScenarioLoader<R> withExtendsRoots(List<Path> roots) {
    return new ScenarioLoader<>(this, roots);
  }

  /**
   * The schema of the root record type.
   *
   * @throws IllegalStateException if the record's annotations are wrong, or the preset key is not
   *     one of its keys
   */
  public Schema schema() {
    Schema s = schema;
    if (s == null) {
      s = Schema.of(rootType);
      if (presetKey != null && s.param(presetKey).isEmpty()) {
        throw new IllegalStateException(
            "preset key '" + presetKey + "' is not a key of " + rootType.getSimpleName());
      }
      schema = s;
    }
    return s;
  }

  /**
   * Loads a scenario file.
   *
   * @param file the scenario; read as UTF-8, at most 1 MiB
   * @param setOverrides {@code key.path=value} texts, applied last, in order (null = none)
   * @throws ScenarioException listing every problem found
   */
  public Loaded<R> load(Path file, List<String> setOverrides) throws ScenarioException {
    String source = file.toString();
    List<ScenarioError> errors = new ArrayList<>();
    byte[] bytes = SafeYaml.readFile(file, Where.of(source), "", errors);
    String text = bytes == null ? null : SafeYaml.decodeUtf8(bytes, Where.of(source), "", errors);
    if (text == null) {
      throw new ScenarioException(source, errors);
    }
    Path dir = file.getParent() != null ? file.getParent() : Path.of("");
    return resolveAll(text, source, dir, identity(file), bytes, file, setOverrides, errors);
  }

  /**
   * Loads a scenario given as text (a test, an embedded example, a dumped resolved tree).
   *
   * @param yamlText the scenario YAML
   * @param sourceName names the text in errors
   * @param baseDir where a relative {@code extends} is resolved; null if the text may not extend
   * @param setOverrides {@code key.path=value} texts (null = none)
   * @throws ScenarioException listing every problem found
   */
  public Loaded<R> loadString(
      String yamlText, String sourceName, Path baseDir, List<String> setOverrides)
      throws ScenarioException {
    byte[] bytes = yamlText.getBytes(StandardCharsets.UTF_8);
    return resolveAll(
        yamlText, sourceName, baseDir, null, bytes, null, setOverrides, new ArrayList<>());
  }

  /**
   * Validates a tree built in code (for example {@link Loaded#resolved()} with one value
   * substituted by a sweep) and returns the complete resolved tree, defaults filled in. Presets and
   * {@code extends} are not applied: the tree is taken as the whole scenario.
   *
   * @param sourceName names the tree in errors (which have no line numbers)
   * @throws ScenarioException listing every problem found
   */
  public Map<String, Object> resolve(Map<String, ?> tree, String sourceName)
      throws ScenarioException {
    return resolveAndBind(tree, sourceName).resolved();
  }

  /**
   * Validates a tree built in code (see {@link #resolve}) and binds it to the root record.
   *
   * @throws ScenarioException listing every problem found
   */
  public R bind(Map<String, ?> tree, String sourceName) throws ScenarioException {
    return resolveAndBind(tree, sourceName).config();
  }

  private Loaded<R> resolveAndBind(Map<String, ?> tree, String sourceName)
      throws ScenarioException {
    List<ScenarioError> errors = new ArrayList<>();
    Where where = Where.of(sourceName);
    Located.Mapping located = (Located.Mapping) Located.fromPlain(tree, where);
    return finish(located, sourceName, where, errors, new byte[0], List.of());
  }

  /**
   * A deep copy of {@code tree} with {@code value} at the dotted {@code keyPath} (intermediate
   * mappings are created). For sweeps: substitute a value, then {@link #bind} the result.
   *
   * @throws IllegalArgumentException if the path runs through a value that is not a mapping
   */
  public static Map<String, Object> withValue(Map<String, ?> tree, String keyPath, Object value) {
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) Trees.deepCopy(tree);
    String[] parts = keyPath.split("\\.", -1);
    Map<String, Object> at = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
      if (!(next instanceof Map)) {
        throw new IllegalArgumentException(
            "cannot set " + keyPath + ": '" + parts[i] + "' is not a section");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) next;
      at = m;
    }
    at.put(parts[parts.length - 1], Trees.deepCopy(value));
    return copy;
  }

  // ------------------------------------------------------------------ resolution

  private Loaded<R> resolveAll(
      String text,
      String source,
      Path baseDir,
      Path topIdentity,
      byte[] topBytes,
      Path topFile,
      List<String> setOverrides,
      List<ScenarioError> errors)
      throws ScenarioException {
    List<Path> files = new ArrayList<>();
    if (topFile != null) {
      files.add(topFile);
    }
    Located.Mapping top = SafeYaml.parseDocument(text, SafeYaml.source(source), errors);
    List<Path> roots = null;
    if (extendsRoots != null) {
      roots = new ArrayList<>();
      if (baseDir != null) roots.add(identity(baseDir));
      for (Path r : extendsRoots) roots.add(identity(r));
    }
    List<Located.Mapping> chain =
        readChain(top, source, baseDir, topIdentity, files, errors, roots);
    List<Located.Mapping> overrides = parseOverrides(setOverrides, errors);

    // Files and overrides first, to learn which preset applies.
    Located merged = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      merged = Located.merge(merged, chain.get(i));
    }
    for (Located.Mapping o : overrides) {
      merged = Located.merge(merged, o);
    }
    Located.Mapping preset = preset(merged, errors);
    merged = Located.merge(preset, merged);

    Where rootWhere = top != null ? top.where() : Where.of(source);
    Located.Mapping tree =
        merged instanceof Located.Mapping m ? m : new Located.Mapping(rootWhere, Map.of());
    try {
      return finish(tree, source, rootWhere, errors, topBytes, files);
    } catch (ScenarioException e) {
      throw new ScenarioException(source, hideParents(e.errors(), files));
    }
  }

  /**
   * Keeps the first {@link #PARENT_ERRORS_SHOWN} errors of each file reached through {@code
   * extends} and replaces the rest by one line that counts them: an error message quotes the
   * offending key or value, so a parent that is not a scenario at all (a file that was never meant
   * to be read) is not echoed line by line.
   */
  private static List<ScenarioError> hideParents(List<ScenarioError> errors, List<Path> files) {
    Set<String> parents = new LinkedHashSet<>();
    for (int i = 1; i < files.size(); i++) parents.add(files.get(i).toString());
    if (parents.isEmpty()) return errors;
    Map<String, Integer> shown = new LinkedHashMap<>();
    Map<String, Integer> hidden = new LinkedHashMap<>();
    List<ScenarioError> out = new ArrayList<>();
    for (ScenarioError e : errors) { // sorted by source, line, column
      if (!parents.contains(e.source())) {
        out.add(e);
      } else if (shown.merge(e.source(), 1, Integer::sum) <= PARENT_ERRORS_SHOWN) {
        out.add(e);
      } else {
        hidden.merge(e.source(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> h : hidden.entrySet()) {
      out.add(
          new ScenarioError(
              h.getKey(),
              0,
              0,
              "",
              Text.count(h.getValue(), "more error")
                  + " in this file, reached through extends, not shown; check it on its own with govsim validate "
                  + h.getKey()));
    }
    return out;
  }

  /** Validates and binds; throws if any error was found on the way (including earlier ones). */
  private Loaded<R> finish(
      Located.Mapping tree,
      String source,
      Where rootWhere,
      List<ScenarioError> errors,
      byte[] topBytes,
      List<Path> files)
      throws ScenarioException {
    Validator validator = new Validator(errors);
    Map<String, Object> resolved = validator.root(schema().root(), tree);
    Object config = Validator.INVALID;
    if (errors.isEmpty()) {
      config =
          new Binder(errors, validator.sectionWheres(), rootWhere)
              .record(schema().root(), resolved, "");
    }
    if (!errors.isEmpty() || config == Validator.INVALID) {
      if (errors.isEmpty()) {
        throw new IllegalStateException("binding failed without an error");
      }
      throw new ScenarioException(source, errors);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> frozen = (Map<String, Object>) Trees.unmodifiable(resolved);
    return new Loaded<>(rootType.cast(config), frozen, sha256(topBytes), files);
  }

  /**
   * Follows {@code extends} from the top document. Returns the documents top first, each without
   * its {@code extends} key; adds each parent's path to {@code files}.
   */
  private static List<Located.Mapping> readChain(
      Located.Mapping top,
      String topSource,
      Path baseDir,
      Path topIdentity,
      List<Path> files,
      List<ScenarioError> errors,
      List<Path> roots) {
    List<Located.Mapping> chain = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    names.add(topSource);
    if (topIdentity != null) {
      seen.add(topIdentity);
    }
    Located.Mapping current = top;
    Path dir = baseDir;
    while (current != null) {
      Located.Entry ext = current.entries().get(EXTENDS_KEY);
      chain.add(current.without(EXTENDS_KEY));
      if (ext == null) {
        break;
      }
      Where at = ext.value().where();
      if (!(ext.value() instanceof Located.Scalar s)
          || !(s.value() instanceof String target)
          || target.isBlank()) {
        if (!(ext.value() instanceof Located.Broken)) {
          errors.add(
              at.error(
                  EXTENDS_KEY,
                  "expected the path of a parent scenario file, found " + Found.of(ext.value())));
        }
        break;
      }
      if (dir == null) {
        errors.add(
            at.error(
                EXTENDS_KEY,
                "cannot follow extends: this text has no base directory to resolve "
                    + Text.quote(target)
                    + " against"));
        break;
      }
      Path parent = dir.resolve(target).normalize();
      names.add(parent.toString());
      if (!seen.add(identity(parent))) {
        errors.add(at.error(EXTENDS_KEY, "extends cycle: " + String.join(" -> ", names)));
        break;
      }
      if (files.size() >= MAX_CHAIN) {
        errors.add(at.error(EXTENDS_KEY, "extends chain is longer than " + MAX_CHAIN + " files"));
        break;
      }
      String refused = refusal(parent, target, roots);
      if (refused != null) {
        errors.add(at.error(EXTENDS_KEY, refused));
        break;
      }
      files.add(parent);
      byte[] bytes = SafeYaml.readFile(parent, at, EXTENDS_KEY, errors);
      String text = bytes == null ? null : SafeYaml.decodeUtf8(bytes, at, EXTENDS_KEY, errors);
      if (text == null) {
        break;
      }
      current = SafeYaml.parseDocument(text, SafeYaml.source(parent.toString()), errors);
      dir = parent.getParent() != null ? parent.getParent() : Path.of("");
    }
    return chain;
  }

  /**
   * Why {@code extends: target} (resolved to {@code parent}) may not be followed, or null: it must
   * name a {@code .yaml}/{@code .yml} file (as written and once links are resolved), be a regular
   * file, and lie under one of {@code roots} (null: anywhere).
   */
  private static String refusal(Path parent, String target, List<Path> roots) {
    Path real = identity(parent);
    if (!isYamlName(parent) || !isYamlName(real)) {
      return "extends may only name a .yaml or .yml file, found "
          + Text.quote(target)
          + (isYamlName(parent) ? " (a link to " + real + ")" : "");
    }
    if (!java.nio.file.Files.exists(real)) {
      return "cannot read " + parent + ": no such file";
    }
    if (!java.nio.file.Files.isRegularFile(real)) {
      return "extends may only name a regular file; "
          + parent
          + " is a folder, named pipe, device or socket";
    }
    if (roots == null) {
      return null;
    }
    for (Path root : roots) {
      if (real.startsWith(root)) {
        return null;
      }
    }
    List<String> shown = new ArrayList<>();
    for (Path root : roots) shown.add(root.toString());
    return "extends may only reach files in the scenario's own folder and below it or in the project's"
        + " scenarios/ folder ("
        + String.join(", ", shown)
        + "); "
        + parent
        + " is outside them (the"
        + " option --allow-extends-outside lifts this)";
  }

  private static boolean isYamlName(Path p) {
    Path name = p.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** The real path when the file exists (so links and ./ do not hide a cycle), else absolute. */
  private static Path identity(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Each {@code key.path=value} as a one-path mapping located in the override text. */
  static List<Located.Mapping> parseOverrides(List<String> overrides, List<ScenarioError> errors) {
    List<Located.Mapping> out = new ArrayList<>();
    if (overrides == null) {
      return out;
    }
    for (int i = 0; i < overrides.size(); i++) {
      String text = overrides.get(i);
      int index = i + 1;
      Where whole = new Where(SET_SOURCE, index, 1, text);
      int eq = text.indexOf('=');
      String path = eq < 0 ? "" : text.substring(0, eq).strip();
      if (eq < 0 || path.isEmpty()) {
        errors.add(whole.error("", "expected key.path=value, e.g. users.count=5000"));
        continue;
      }
      String[] parts = path.split("\\.", -1);
      boolean ok = true;
      for (String part : parts) {
        ok &= !part.isBlank();
      }
      if (!ok) {
        errors.add(whole.error(path, "empty key in the path " + Text.quote(path)));
        continue;
      }
      Located value =
          SafeYaml.parseValue(
              text.substring(eq + 1), SafeYaml.override(text, index, eq + 1), errors);
      if (value == null) {
        continue;
      }
      for (int p = parts.length - 1; p >= 0; p--) {
        String key = parts[p].strip();
        value = new Located.Mapping(whole, Map.of(key, new Located.Entry(key, whole, value)));
      }
      out.add((Located.Mapping) value);
    }
    return out;
  }

  /** The preset layer selected by the merged files and overrides (or the default), if any. */
  private Located.Mapping preset(Located merged, List<ScenarioError> errors) {
    if (presetKey == null) {
      return null;
    }
    String name = presetName(merged);
    if (name == null) {
      return null;
    }
    Optional<String> yaml = presetYaml.apply(name);
    if (yaml.isEmpty()) {
      return null;
    }
    String source = "preset:" + name;
    Located.Mapping preset = SafeYaml.parseDocument(yaml.get(), SafeYaml.source(source), errors);
    if (preset == null) {
      return null;
    }
    Located.Entry ext = preset.entries().get(EXTENDS_KEY);
    if (ext != null) {
      errors.add(ext.keyWhere().error(EXTENDS_KEY, "a preset may not use extends"));
      preset = preset.without(EXTENDS_KEY);
    }
    Located own = at(preset, presetKey);
    if (own instanceof Located.Scalar s && !name.equals(s.text())) {
      errors.add(
          s.where()
              .error(
                  presetKey,
                  "preset '" + name + "' sets " + presetKey + " to " + Text.quote(s.text())));
    }
    return preset;
  }

  private String presetName(Located merged) {
    Located value = at(merged, presetKey);
    if (value == null) {
      Object def = schemaDefault(presetKey);
      return def == null ? null : String.valueOf(def);
    }
    if (value instanceof Located.Scalar s && s.value() != null) {
      return s.value() instanceof String str ? str : s.text();
    }
    return null; // not a scalar: validation reports it
  }

  private Object schemaDefault(String path) {
    Object node = schema().defaults();
    for (String part : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(part);
    }
    return node;
  }

  private static Located at(Located tree, String path) {
    Located node = tree;
    for (String part : path.split("\\.")) {
      if (!(node instanceof Located.Mapping m)) {
        return null;
      }
      node = m.get(part);
    }
    return node;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
