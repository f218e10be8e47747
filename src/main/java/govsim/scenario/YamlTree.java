package govsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The safe YAML reader of scenario files, for other file formats that do not fit a {@code @Param}
 * schema (the game files of {@code govsim game}): the file is read with every protection of {@link
 * SafeYaml} (size and alias limits, no tags, strict UTF-8, duplicate keys rejected, YAML 1.2 core
 * scalars), {@code key.path=value} overrides are merged exactly as {@code --set} does for
 * scenarios, and every value keeps its file, line and column so that the caller can report its own
 * errors in the usual {@code file:line:col: key.path: message} format.
 */
public final class YamlTree {
  private YamlTree() {}

  /**
   * A read document.
   *
   * @param root the top-level mapping, or null when the text could not be read at all
   * @param sha256 hex SHA-256 of the file's bytes
   * @param errors the problems found while reading (the caller adds its own and throws a {@link
   *     ScenarioException} with all of them)
   */
  public record Document(Node root, String sha256, List<ScenarioError> errors) {
    public Document {
      errors = new ArrayList<>(errors);
    }
  }

  /**
   * Reads a YAML file and merges {@code key.path=value} overrides into it (later wins; mappings
   * merged key by key).
   */
  public static Document read(Path file, List<String> overrides) {
    String source = file.toString();
    List<ScenarioError> errors = new ArrayList<>();
    byte[] bytes = SafeYaml.readFile(file, Where.of(source), "", errors);
    String text = bytes == null ? null : SafeYaml.decodeUtf8(bytes, Where.of(source), "", errors);
    if (text == null) {
      return new Document(null, "", errors);
    }
    return parse(text, source, bytes, overrides, errors);
  }

  /** Reads YAML text named {@code source} in errors (tests, embedded examples). */
  public static Document readString(String text, String source, List<String> overrides) {
    return parse(
        text,
        source,
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        overrides,
        new ArrayList<>());
  }

  private static Document parse(
      String text,
      String source,
      byte[] bytes,
      List<String> overrides,
      List<ScenarioError> errors) {
    Located.Mapping top = SafeYaml.parseDocument(text, SafeYaml.source(source), errors);
    Located merged = top;
    for (Located.Mapping o : ScenarioLoader.parseOverrides(overrides, errors)) {
      merged = Located.merge(merged, o);
    }
    Node root = merged instanceof Located.Mapping m ? new Node(m, "", null) : null;
    return new Document(root, ScenarioLoader.sha256(bytes), errors);
  }

  /** One value of the document with its location and key path. */
  public static final class Node {
    private final Located value;
    private final String path;
    private final Where keyWhere;

    private Node(Located value, String path, Where keyWhere) {
      this.value = value;
      this.path = path;
      this.keyWhere = keyWhere;
    }

    /** The dotted key path ({@code game.parameters.s}, {@code game.slots[1]}). */
    public String path() {
      return path;
    }

    public boolean isMapping() {
      return value instanceof Located.Mapping;
    }

    public boolean isSequence() {
      return value instanceof Located.Sequence;
    }

    public boolean isScalar() {
      return value instanceof Located.Scalar;
    }

    /** Already reported while reading (a forbidden tag, a duplicate key): skip it silently. */
    public boolean isBroken() {
      return value instanceof Located.Broken;
    }

    /** The keys of a mapping in the order written (empty for anything else). */
    public List<String> keys() {
      return value instanceof Located.Mapping m ? List.copyOf(m.entries().keySet()) : List.of();
    }

    /** The value under {@code key} of a mapping, or null. */
    public Node get(String key) {
      if (!(value instanceof Located.Mapping m)) {
        return null;
      }
      Located.Entry e = m.entries().get(key);
      return e == null ? null : new Node(e.value(), Naming.join(path, key), e.keyWhere());
    }

    /** The items of a list (empty for anything else). */
    public List<Node> items() {
      if (!(value instanceof Located.Sequence s)) {
        return List.of();
      }
      List<Node> out = new ArrayList<>(s.items().size());
      for (int i = 0; i < s.items().size(); i++) {
        out.add(new Node(s.items().get(i), path + "[" + i + "]", null));
      }
      return out;
    }

    /** A scalar's value: Long, Double, Boolean, String or null (null for non-scalars too). */
    public Object value() {
      return value instanceof Located.Scalar s ? s.value() : null;
    }

    /** A scalar as written (empty for non-scalars). */
    public String text() {
      return value instanceof Located.Scalar s ? s.text() : "";
    }

    /**
     * "found ..." wording for error messages: {@code -1}, {@code the string '5'}, {@code a list}.
     */
    public String found() {
      return Found.of(value);
    }

    /**
     * True when this key was written only by a {@code key.path=value} override, not by the file (an
     * override that names a key the file does not have may be a typo).
     */
    public boolean fromOverride() {
      return keyWhere != null ? keyWhere.fromOverride() : value.where().fromOverride();
    }

    /** An error at this value, under its key path. */
    public ScenarioError error(String message) {
      return value.where().error(path, message);
    }

    /** An error at this value's key (where the key is written), under its key path. */
    public ScenarioError keyError(String message) {
      return (keyWhere != null ? keyWhere : value.where()).error(path, message);
    }
  }
}
