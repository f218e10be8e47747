package govsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads untrusted YAML text into a {@link Located} tree, safely. Sweep files are read by the same
 * code ({@link YamlFile}): same limits, same messages.
 *
 * <p>Scenario files come from users, from other people's repositories and from the internet, so
 * reading one must never run code, hang, or exhaust memory:
 *
 * <ul>
 *   <li>SnakeYAML only <em>composes</em> the text into its node tree (its parser and composer; no
 *       constructor, so no object is ever built from the text), with limits on aliases, nesting
 *       depth and document length;
 *   <li>every tag other than the standard str/int/float/bool/null/map/seq is rejected at its
 *       location ({@code !!javax.script.ScriptEngineManager} and friends);
 *   <li>values are counted while aliases are expanded, and reading stops at a budget, so an alias
 *       bomb ("billion laughs") fails in milliseconds;
 *   <li>files are size-checked before they are read and decoded as strict UTF-8;
 *   <li>duplicate keys are errors (SnakeYAML checks them only when constructing, so it is done
 *       here).
 * </ul>
 *
 * Plain scalars are resolved by the YAML 1.2 core schema in {@link CoreScalars}, not by SnakeYAML's
 * YAML 1.1 resolver. Every problem becomes a {@link ScenarioError}; none escapes as an exception.
 */
final class SafeYaml {
  private SafeYaml() {}

  /** Largest scenario file (or preset, or text) accepted: 1 MiB. */
  static final int MAX_BYTES = 1 << 20;

  /** Most values (scalars, lists, mappings, keys) one document may expand to, aliases included. */
  static final int MAX_VALUES = 100_000;

  /** Deepest nesting of lists and mappings. */
  static final int MAX_DEPTH = 50;

  /** Most aliases to lists or mappings in one document. */
  static final int MAX_ALIASES = 50;

  /** Longest document in code points (SnakeYAML's own limit; the byte limit usually hits first). */
  static final int MAX_CODE_POINTS = 3_000_000;

  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

  /** Turns SnakeYAML marks (0-based) into locations in the user's terms. */
  interface Locator {
    /** The location of a mark. */
    Where at(Mark mark);

    /** The location used for problems that have no mark (the whole text). */
    Where whole();
  }

  /** Locations in a file or a named text: 1-based line and column. */
  static Locator source(String source) {
    return new Locator() {
      @Override
      public Where at(Mark mark) {
        return mark == null
            ? whole()
            : new Where(source, mark.getLine() + 1, mark.getColumn() + 1, null);
      }

      @Override
      public Where whole() {
        return Where.of(source);
      }
    };
  }

  /**
   * Locations inside the value of the {@code index}-th (1-based) {@code --set} override, whose
   * value starts at 0-based {@code valueOffset} in {@code overrideText}.
   */
  static Locator override(String overrideText, int index, int valueOffset) {
    return new Locator() {
      @Override
      public Where at(Mark mark) {
        if (mark == null) {
          return whole();
        }
        int column =
            mark.getLine() == 0 ? valueOffset + mark.getColumn() + 1 : mark.getColumn() + 1;
        return new Where(ScenarioLoader.SET_SOURCE, index, column, overrideText);
      }

      @Override
      public Where whole() {
        return new Where(ScenarioLoader.SET_SOURCE, index, 1, overrideText);
      }
    };
  }

  /**
   * Reads a file's bytes, refusing files over {@link #MAX_BYTES}. Problems are reported at {@code
   * errorAt} under {@code keyPath}; returns null then.
   */
  static byte[] readFile(Path path, Where errorAt, String keyPath, List<ScenarioError> errors) {
    try {
      if (Files.isDirectory(path)) {
        errors.add(errorAt.error(keyPath, "cannot read " + path + ": it is a directory"));
        return null;
      }
      // Checked before opening: opening a named pipe would block until something writes to it.
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        errors.add(
            errorAt.error(
                keyPath,
                "cannot read "
                    + path
                    + ": it is not a regular file (a named pipe,"
                    + " device or socket); give a YAML file"));
        return null;
      }
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        errors.add(errorAt.error(keyPath, tooLarge(path.toString(), size)));
        return null;
      }
      try (InputStream in = Files.newInputStream(path)) {
        // Read at most one byte past the limit: the file may grow after the size check.
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          errors.add(errorAt.error(keyPath, tooLarge(path.toString(), bytes.length)));
          return null;
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      errors.add(errorAt.error(keyPath, "cannot read " + path + ": no such file"));
    } catch (AccessDeniedException e) {
      errors.add(errorAt.error(keyPath, "cannot read " + path + ": permission denied"));
    } catch (IOException | SecurityException e) {
      errors.add(errorAt.error(keyPath, "cannot read " + path + ": " + e.getMessage()));
    }
    return null;
  }

  private static String tooLarge(String what, long size) {
    return what
        + " is "
        + size
        + " bytes; the limit for a scenario or sweep file is "
        + MAX_BYTES
        + " bytes (1 MiB)";
  }

  /** Strict UTF-8 decoding (a leading byte-order mark is dropped); null and an error if invalid. */
  static String decodeUtf8(
      byte[] bytes, Where errorAt, String keyPath, List<ScenarioError> errors) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      errors.add(
          errorAt.error(
              keyPath, "not valid UTF-8 text (bad byte at offset " + in.position() + ")"));
      return null;
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Parses a whole scenario document, which must be a non-empty mapping. Returns null when it could
   * not be read at all (the reasons are in {@code errors}); otherwise the tree, from which values
   * already reported as errors are marked {@link Located.Broken}.
   */
  static Located.Mapping parseDocument(String text, Locator loc, List<ScenarioError> errors) {
    if (!checkLength(text, loc, errors)) {
      return null;
    }
    Composed composed = compose(text, loc, errors);
    if (composed.failed) {
      return null;
    }
    if (composed.node == null) {
      errors.add(loc.whole().error("", "the scenario is empty; expected a mapping of keys"));
      return null;
    }
    Located tree = new Walker(loc, errors).start(composed.node);
    if (tree == null) {
      return null;
    }
    if (tree instanceof Located.Mapping m) {
      return m;
    }
    if (!(tree instanceof Located.Broken)) {
      errors.add(
          tree.where()
              .error("", "expected a mapping of keys at the top level, found " + Found.of(tree)));
    }
    return null;
  }

  /**
   * Parses one value (a {@code --set} value, a {@code @Param} default): any scalar or flow
   * collection; empty text is null. Returns null when the text could not be read.
   */
  static Located parseValue(String text, Locator loc, List<ScenarioError> errors) {
    if (!checkLength(text, loc, errors)) {
      return null;
    }
    if (plainWord(text)) {
      // What the composer and walker make of one plain word (the schema reads about 280 such
      // defaults at every start): a plain scalar at line 1, column 1, resolved by the core schema.
      CoreScalars.Resolved r = CoreScalars.plain(text);
      return new Located.Scalar(
          loc.at(FIRST), r.value(), text, false, r.numberHint(), r.booleanHint());
    }
    if (text.equals("[]")) {
      return new Located.Sequence(loc.at(FIRST), new ArrayList<>(0));
    }
    Composed composed = compose(text, loc, errors);
    if (composed.failed) {
      return null;
    }
    if (composed.node == null) {
      return new Located.Scalar(loc.whole(), null, "", false, null, null);
    }
    return new Walker(loc, errors).start(composed.node);
  }

  /** The mark of a text's first character (0-based line and column, as SnakeYAML's marks). */
  private static final Mark FIRST = new Mark("", 0, 0, 0, new int[0], 0);

  /**
   * Whether the text is one word that YAML reads as a plain scalar of exactly that text: an ASCII
   * letter or digit, then letters, digits and {@code _ . + -} (no indicator, space, colon, comma,
   * bracket, quote, tag or comment can occur, so the parser has nothing else to find). SafeYamlTest
   * checks the shortcut against the parser.
   */
  static boolean plainWord(String text) {
    int n = text.length();
    if (n == 0 || !asciiAlnum(text.charAt(0))) return false;
    for (int i = 1; i < n; i++) {
      char c = text.charAt(i);
      if (!asciiAlnum(c) && c != '_' && c != '.' && c != '+' && c != '-') return false;
    }
    return true;
  }

  private static boolean asciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** {@link #parseValue} without the shortcuts: always through SnakeYAML (for tests). */
  static Located parseValueWithParser(String text, Locator loc, List<ScenarioError> errors) {
    Composed composed = compose(text, loc, errors);
    if (composed.failed) {
      return null;
    }
    if (composed.node == null) {
      return new Located.Scalar(loc.whole(), null, "", false, null, null);
    }
    return new Walker(loc, errors).start(composed.node);
  }

  private static boolean checkLength(String text, Locator loc, List<ScenarioError> errors) {
    // A UTF-8 encoding has at least as many bytes as the text has chars.
    long bytes = text.length() > MAX_BYTES ? text.length() : utf8Length(text);
    if (bytes > MAX_BYTES) {
      errors.add(loc.whole().error("", tooLarge("the text", bytes)));
      return false;
    }
    return true;
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private record Composed(Node node, boolean failed) {}

  /** The limits on aliases, nesting depth and document length (also used by {@link YamlFile}). */
  static LoaderOptions limits() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static Composed compose(String text, Locator loc, List<ScenarioError> errors) {
    LoaderOptions options = limits();
    options.setAllowDuplicateKeys(false);
    options.setMergeOnCompose(false);
    // Nothing is ever constructed from the node tree, so no tag can run code here; letting the
    // composer pass every tag through means the walker reports each forbidden tag with its key
    // path, together with the file's other errors, instead of aborting at the first one.
    options.setTagInspector(tag -> true);
    try {
      // What Yaml.compose does, without building the Yaml object's constructor and representer
      // (nothing is constructed or dumped here; building them cost more than composing a short
      // text, and the schema composes every key's default).
      Composer composer =
          new Composer(
              new ParserImpl(new StreamReader(new StringReader(text)), options),
              new Resolver(),
              options);
      return new Composed(composer.getSingleNode(), false);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      errors.add(loc.at(mark).error("", "invalid YAML: " + describe(e, loc)));
    } catch (YAMLException e) {
      errors.add(loc.whole().error("", describe(e)));
    }
    return new Composed(null, true);
  }

  private static String describe(MarkedYAMLException e, Locator loc) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    if (problem == null) {
      problem = "malformed document";
    }
    if (e.getProblem() != null && e.getContext() != null && problem.startsWith("but ")) {
      // "expected a single document in the stream" + "but found another document"
      return e.getContext().strip() + ", " + problem.strip();
    }
    StringBuilder sb = new StringBuilder(problem.strip());
    if (e.getProblem() != null && e.getContext() != null) {
      sb.append(" (").append(e.getContext().strip());
      if (e.getContextMark() != null) {
        Where w = loc.at(e.getContextMark());
        sb.append(" at line ").append(w.line()).append(", column ").append(w.column());
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /** SnakeYAML's limit violations carry no position; translate them into plain words. */
  private static String describe(YAMLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("Number of aliases")) {
      return "more than "
          + MAX_ALIASES
          + " aliases to lists or mappings; alias expansion produces too many values"
          + " (an alias bomb?)";
    }
    if (m.contains("Nesting Depth")) {
      return "lists and mappings are nested deeper than " + MAX_DEPTH + " levels";
    }
    if (m.contains("exceeds the limit")) {
      return "the document is longer than " + MAX_CODE_POINTS + " characters";
    }
    return "invalid YAML: " + Text.shorten(m);
  }

  /** Thrown inside the walker to stop at once when a limit is hit (already reported). */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  /**
   * Walks SnakeYAML's node graph into a {@link Located} tree. Aliases make that graph a DAG (or,
   * with a recursive alias, a cycle); the walk expands them, so it counts values and depth and
   * gives up at the limits.
   */
  private static final class Walker {
    private final Locator loc;
    private final List<ScenarioError> errors;
    private final Resolver resolver = new Resolver();
    private int values;

    Walker(Locator loc, List<ScenarioError> errors) {
      this.loc = loc;
      this.errors = errors;
    }

    /** The tree, or null when a limit was hit. */
    Located start(Node root) {
      try {
        return walk(root, "", 0);
      } catch (Abort stop) {
        return null;
      }
    }

    private void count(Node node, String path) {
      if (++values > MAX_VALUES) {
        errors.add(
            loc.at(node.getStartMark())
                .error(
                    path,
                    "alias expansion produces too many values (more than "
                        + MAX_VALUES
                        + "); is this an alias bomb?"));
        throw new Abort();
      }
    }

    private Located walk(Node node, String path, int depth) {
      count(node, path);
      Where where = loc.at(node.getStartMark());
      if (depth > MAX_DEPTH) {
        errors.add(
            where.error(
                path,
                "lists and mappings are nested deeper than "
                    + MAX_DEPTH
                    + " levels (a recursive alias?)"));
        throw new Abort();
      }
      Tag tag = node.getTag();
      boolean explicit = !tag.equals(implicitTag(node));
      if (explicit && !tagFits(tag, node.getNodeId())) {
        errors.add(where.error(path, forbiddenTag(tag)));
        return new Located.Broken(where);
      }
      switch (node.getNodeId()) {
        case scalar:
          return scalar((ScalarNode) node, where, path, explicit ? tag : null);
        case sequence:
          return sequence((SequenceNode) node, where, path, depth);
        case mapping:
          return mapping((MappingNode) node, where, path, depth);
        default:
          errors.add(where.error(path, "unsupported YAML node"));
          return new Located.Broken(where);
      }
    }

    private Tag implicitTag(Node node) {
      switch (node.getNodeId()) {
        case scalar:
          ScalarNode s = (ScalarNode) node;
          return s.isPlain() ? resolver.resolve(NodeId.scalar, s.getValue(), true) : Tag.STR;
        case sequence:
          return Tag.SEQ;
        case mapping:
          return Tag.MAP;
        default:
          return null;
      }
    }

    private static boolean tagFits(Tag tag, NodeId id) {
      switch (id) {
        case scalar:
          return SCALAR_TAGS.contains(tag);
        case sequence:
          return tag.equals(Tag.SEQ);
        case mapping:
          return tag.equals(Tag.MAP);
        default:
          return false;
      }
    }

    private static String showTag(Tag tag) {
      String v = tag.getValue();
      return Text.shorten(v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v);
    }

    private static String forbiddenTag(Tag tag) {
      return "tag "
          + showTag(tag)
          + " is not allowed here: scenario files hold plain data"
          + " (allowed: !!str, !!int, !!float, !!bool, !!null on values, !!seq on lists,"
          + " !!map on mappings)";
    }

    private Located scalar(ScalarNode node, Where where, String path, Tag explicitTag) {
      String text = node.getValue();
      if (!node.isPlain() || Tag.STR.equals(explicitTag)) {
        return new Located.Scalar(where, text, text, true, null, null);
      }
      CoreScalars.Resolved r = CoreScalars.plain(text);
      Object value = r.value();
      if (explicitTag != null) {
        boolean fits =
            (explicitTag.equals(Tag.INT) && value instanceof Long)
                || (explicitTag.equals(Tag.FLOAT) && value instanceof Number)
                || (explicitTag.equals(Tag.BOOL) && value instanceof Boolean)
                || (explicitTag.equals(Tag.NULL) && value == null);
        if (!fits) {
          errors.add(
              where.error(
                  path,
                  "tag " + showTag(explicitTag) + " does not fit the value " + Text.quote(text)));
          return new Located.Broken(where);
        }
        if (explicitTag.equals(Tag.FLOAT)) {
          value = ((Number) value).doubleValue();
        }
      }
      return new Located.Scalar(where, value, text, false, r.numberHint(), r.booleanHint());
    }

    private Located sequence(SequenceNode node, Where where, String path, int depth) {
      List<Located> items = new ArrayList<>(node.getValue().size());
      int i = 0;
      for (Node child : node.getValue()) {
        items.add(walk(child, path + "[" + i + "]", depth + 1));
        i++;
      }
      return new Located.Sequence(where, items);
    }

    private Located mapping(MappingNode node, Where where, String path, int depth) {
      Map<String, Located.Entry> entries = new LinkedHashMap<>();
      for (NodeTuple tuple : node.getValue()) {
        Node keyNode = tuple.getKeyNode();
        count(keyNode, path);
        Where keyWhere = loc.at(keyNode.getStartMark());
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          errors.add(keyWhere.error(path, "a key must be a plain name, found " + kind(keyNode)));
          continue;
        }
        if (!keyNode.getTag().equals(implicitTag(keyNode))
            && !SCALAR_TAGS.contains(keyNode.getTag())) {
          errors.add(keyWhere.error(path, forbiddenTag(keyNode.getTag())));
          continue;
        }
        String key = keyScalar.getValue();
        String keyPath = Naming.join(path, key);
        if (keyScalar.isPlain() && key.equals("<<")) {
          errors.add(
              keyWhere.error(
                  path, "merge keys (<<) are not supported; use 'extends:' or write the values"));
          continue;
        }
        Located.Entry first = entries.get(key);
        if (first != null) {
          errors.add(
              keyWhere.error(
                  keyPath,
                  "duplicate key '"
                      + Text.shorten(key)
                      + "' (first written at line "
                      + first.keyWhere().line()
                      + ")"));
          continue;
        }
        entries.put(
            key, new Located.Entry(key, keyWhere, walk(tuple.getValueNode(), keyPath, depth + 1)));
      }
      return new Located.Mapping(where, entries);
    }

    private static String kind(Node node) {
      return node.getNodeId() == NodeId.mapping ? "a mapping" : "a list";
    }
  }
}
