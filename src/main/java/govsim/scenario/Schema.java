package govsim.scenario;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario keys of a root record type, found by reflection over its {@link Param}-annotated
 * components: names, types, defaults, units, ranges and documentation.
 *
 * <p>It is the single description from which the loader validates files and {@code govsim describe}
 * prints tables, so the documentation cannot drift from what the loader accepts. The scenario
 * package knows nothing of the model: any record tree built from the supported types works (see
 * {@link Param} for the list).
 *
 * <p>Mistakes in the annotations are programming errors, reported when the schema is built (an
 * {@link IllegalStateException} naming the component): a missing {@code @Param}, an unsupported
 * type, a default that does not parse or is out of range, min &gt; max, two components with the
 * same snake_case name. A number, boolean or enum without {@code def} is <em>required</em>; that is
 * allowed only for keys of list elements (an event's day, say), because every other key must have a
 * default. A {@code String} without {@code def} defaults to the empty string, a list to {@code []}.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Schema {

  /** The kinds of value a key can hold. */
  enum Kind {
    NUMBER("number"),
    INT("integer"),
    LONG("integer"),
    BOOLEAN("boolean"),
    STRING("string"),
    ENUM("enum"),
    SECTION("section"),
    LIST("list");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** The type of a key: its kind plus the enum, record section or list element it refers to. */
  static final class ValueType {
    final Kind kind;
    final Class<?> enumType;
    final Section section;
    final ValueType element;
    private final Map<String, Enum<?>> constants;

    ValueType(Kind kind, Class<?> enumType, Section section, ValueType element) {
      this.kind = kind;
      this.enumType = enumType;
      this.section = section;
      this.element = element;
      Map<String, Enum<?>> c = new LinkedHashMap<>();
      if (enumType != null) {
        for (Object constant : enumType.getEnumConstants()) {
          Enum<?> e = (Enum<?>) constant;
          c.put(Naming.enumSpelling(e), e);
        }
      }
      this.constants = Collections.unmodifiableMap(c);
    }

    /** The YAML spellings of the enum's constants, in declaration order. */
    List<String> spellings() {
      return List.copyOf(constants.keySet());
    }

    Enum<?> constant(String spelling) {
      return constants.get(spelling);
    }

    String label() {
      return kind == Kind.LIST ? "list<" + element.label() + ">" : kind.label;
    }
  }

  /** One key: a record component's YAML name, annotation, type and default. */
  static final class Key {
    final String name;
    final Param param;
    final ValueType type;
    final boolean required;

    /** The resolved default (not for sections, whose default is built from their keys). */
    final Object defaultValue;

    Key(String name, Param param, ValueType type, boolean required, Object defaultValue) {
      this.name = name;
      this.param = param;
      this.type = type;
      this.required = required;
      this.defaultValue = defaultValue;
    }
  }

  /** The keys of one record type, in component order, and how to construct it. */
  static final class Section {
    final Class<? extends Record> type;
    final List<Key> keys;
    final Map<String, Key> byName;
    final Constructor<?> constructor;

    Section(Class<? extends Record> type, List<Key> keys, Constructor<?> constructor) {
      this.type = type;
      this.keys = List.copyOf(keys);
      Map<String, Key> m = new LinkedHashMap<>();
      for (Key k : keys) {
        m.put(k.name, k);
      }
      this.byName = Collections.unmodifiableMap(m);
      this.constructor = constructor;
    }
  }

  private final Class<? extends Record> rootType;
  private final Section root;
  private final List<ParamInfo> params;
  private final Map<String, ParamInfo> byPath;

  private Schema(Class<? extends Record> rootType, Section root) {
    this.rootType = rootType;
    this.root = root;
    List<ParamInfo> list = new ArrayList<>();
    flatten(root, "", list);
    this.params = List.copyOf(list);
    Map<String, ParamInfo> m = new LinkedHashMap<>();
    for (ParamInfo p : list) {
      m.put(p.path(), p);
    }
    this.byPath = Collections.unmodifiableMap(m);
  }

  /**
   * Builds the schema of a root record type.
   *
   * @throws IllegalStateException if an annotation is missing or wrong (names the component)
   */
  public static Schema of(Class<? extends Record> rootType) {
    // Built once per root type and shared (it is immutable): every loader, --set, sweep and batch
    // asks for it. A type whose annotations are wrong is not kept, so each call throws again.
    return BUILT.computeIfAbsent(rootType, t -> build(t, SchemaIndex.read(t)));
  }

  private static final java.util.concurrent.ConcurrentHashMap<Class<?>, Schema> BUILT =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Builds the schema of a root record type from its components as {@code index} lists them (see
   * {@link SchemaIndex}), or by reflection when {@code index} is null.
   */
  static Schema build(Class<?> type, Map<String, List<SchemaIndex.Component>> index) {
    @SuppressWarnings("unchecked")
    Class<? extends Record> rootType = (Class<? extends Record>) type;
    Section root = new Builder(index).section(rootType, "", false, new ArrayDeque<>());
    if (root.byName.containsKey(ScenarioLoader.EXTENDS_KEY)) {
      throw new IllegalStateException(
          rootType.getSimpleName()
              + ": a top-level key may not be named '"
              + ScenarioLoader.EXTENDS_KEY
              + "' (it names the parent scenario file)");
    }
    return new Schema(rootType, root);
  }

  /** The root record type. */
  public Class<? extends Record> rootType() {
    return rootType;
  }

  /** Every key, flattened in declaration order (a section is followed by its keys). */
  public List<ParamInfo> params() {
    return params;
  }

  /** The key at a path such as {@code users.switching_cost_mean} or {@code events[].at_day}. */
  public Optional<ParamInfo> param(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /**
   * The default scenario as a resolved tree (every key with a default, in schema order), as {@link
   * ScenarioLoader.Loaded#resolved()} would hold it. A fresh, mutable copy.
   */
  public Map<String, Object> defaults() {
    return sectionDefaults(root);
  }

  Section root() {
    return root;
  }

  static Map<String, Object> sectionDefaults(Section section) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Key k : section.keys) {
      if (k.type.kind == Kind.SECTION) {
        out.put(k.name, sectionDefaults(k.type.section));
      } else if (!k.required) {
        out.put(k.name, Trees.deepCopy(k.defaultValue));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ building

  /**
   * Builds sections from record components, as the build-time index lists them or else by
   * reflection; tracks the records being built to refuse cycles.
   */
  private static final class Builder {
    private final Map<String, List<SchemaIndex.Component>> index;

    Builder(Map<String, List<SchemaIndex.Component>> index) {
      this.index = index;
    }

    /** The components of a record: from the index when it lists the record, else by reflection. */
    private List<SchemaIndex.Component> components(Class<?> type) {
      List<SchemaIndex.Component> listed = index == null ? null : index.get(type.getName());
      return listed != null ? listed : SchemaIndex.reflect(type);
    }

    Section section(
        Class<? extends Record> type,
        String path,
        boolean inListElement,
        Deque<Class<?>> visiting) {
      if (visiting.contains(type)) {
        throw new IllegalStateException(
            "record "
                + type.getSimpleName()
                + " contains itself (at '"
                + path
                + "'); scenario sections must form a tree");
      }
      visiting.push(type);
      List<SchemaIndex.Component> components = components(type);
      List<Key> keys = new ArrayList<>();
      Map<String, String> seen = new LinkedHashMap<>();
      Class<?>[] rawTypes = new Class<?>[components.size()];
      for (int i = 0; i < rawTypes.length; i++) {
        SchemaIndex.Component c = components.get(i);
        String where = type.getSimpleName() + "." + c.name();
        Param p = c.param();
        if (p == null) {
          throw new IllegalStateException(
              "record component "
                  + where
                  + " has no @Param annotation; every scenario key must"
                  + " be documented with @Param(doc = ...)");
        }
        String name = Naming.snakeCase(c.name());
        String clash = seen.put(name, c.name());
        if (clash != null) {
          throw new IllegalStateException(
              where
                  + " and "
                  + type.getSimpleName()
                  + "."
                  + clash
                  + " have the same key '"
                  + name
                  + "'");
        }
        if (p.min() > p.max()) {
          throw new IllegalStateException(where + ": @Param min " + p.min() + " > max " + p.max());
        }
        boolean hasLow = !Double.isNaN(p.plausibleMin());
        boolean hasHigh = !Double.isNaN(p.plausibleMax());
        if (hasLow != hasHigh) {
          throw new IllegalStateException(
              where + ": @Param declares one end of its plausible range; give both or neither");
        }
        if (hasLow
            && (p.plausibleMin() > p.plausibleMax()
                || p.plausibleMin() < p.min()
                || p.plausibleMax() > p.max())) {
          throw new IllegalStateException(
              where
                  + ": @Param plausible range ["
                  + p.plausibleMin()
                  + ", "
                  + p.plausibleMax()
                  + "] is empty or leaves the allowed range ["
                  + p.min()
                  + ", "
                  + p.max()
                  + "]");
        }
        String keyPath = Naming.join(path, name);
        rawTypes[i] = rawType(c.type(), type);
        ValueType vt = type(c.type(), type, where, keyPath, inListElement, visiting);
        keys.add(key(name, p, vt, inListElement, where));
      }
      visiting.pop();
      return new Section(type, keys, canonicalConstructor(type, rawTypes));
    }

    private static final Map<String, Class<?>> PRIMITIVES =
        Map.of(
            "double", double.class,
            "int", int.class,
            "long", long.class,
            "boolean", boolean.class,
            "float", float.class,
            "short", short.class,
            "byte", byte.class,
            "char", char.class);

    /**
     * The class named in a component's type ({@link SchemaIndex#typeName}), loaded by the record's
     * class loader; null for a type the schema refuses anyway.
     */
    private static Class<?> load(String name, Class<?> record) {
      Class<?> p = PRIMITIVES.get(name);
      if (p != null) return p;
      if (name.startsWith("?")) return null;
      try {
        return Class.forName(name, false, record.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        return null;
      }
    }

    /** The erased type of a component (its constructor parameter's type). */
    private static Class<?> rawType(String typeName, Class<?> record) {
      return typeName.startsWith("java.util.List<") ? List.class : load(typeName, record);
    }

    private static Constructor<?> canonicalConstructor(
        Class<? extends Record> type, Class<?>[] types) {
      try {
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        return ctor;
      } catch (NoSuchMethodException | InaccessibleObjectException | SecurityException e) {
        throw new IllegalStateException(
            "cannot use the canonical constructor of " + type.getName() + ": " + e.getMessage(), e);
      }
    }

    @SuppressWarnings("unchecked")
    private ValueType type(
        String typeName,
        Class<?> record,
        String where,
        String keyPath,
        boolean inListElement,
        Deque<Class<?>> visiting) {
      if (typeName.startsWith("java.util.List<") && typeName.endsWith(">")) {
        Class<?> arg =
            load(typeName.substring("java.util.List<".length(), typeName.length() - 1), record);
        ValueType element;
        if (arg == Double.class) {
          element = new ValueType(Kind.NUMBER, null, null, null);
        } else if (arg == Integer.class) {
          element = new ValueType(Kind.INT, null, null, null);
        } else if (arg == Long.class) {
          element = new ValueType(Kind.LONG, null, null, null);
        } else if (arg == String.class) {
          element = new ValueType(Kind.STRING, null, null, null);
        } else if (arg != null && arg.isEnum()) {
          element = new ValueType(Kind.ENUM, arg, null, null);
        } else if (arg != null && arg.isRecord()) {
          Section s = section((Class<? extends Record>) arg, keyPath + "[]", true, visiting);
          element = new ValueType(Kind.SECTION, null, s, null);
        } else {
          throw unsupported(where, typeName);
        }
        return new ValueType(Kind.LIST, null, null, element);
      }
      Class<?> generic = load(typeName, record);
      if (generic == null) {
        throw unsupported(where, typeName.startsWith("?") ? typeName.substring(1) : typeName);
      }
      if (generic == double.class) {
        return new ValueType(Kind.NUMBER, null, null, null);
      }
      if (generic == int.class) {
        return new ValueType(Kind.INT, null, null, null);
      }
      if (generic == long.class) {
        return new ValueType(Kind.LONG, null, null, null);
      }
      if (generic == boolean.class) {
        return new ValueType(Kind.BOOLEAN, null, null, null);
      }
      if (generic == String.class) {
        return new ValueType(Kind.STRING, null, null, null);
      }
      if (generic.isEnum()) {
        return new ValueType(Kind.ENUM, generic, null, null);
      }
      if (generic.isRecord()) {
        Section s = section((Class<? extends Record>) generic, keyPath, inListElement, visiting);
        return new ValueType(Kind.SECTION, null, s, null);
      }
      throw unsupported(where, typeName);
    }

    private static IllegalStateException unsupported(String where, String typeName) {
      return new IllegalStateException(
          where
              + " has type "
              + typeName
              + ", which a scenario cannot hold; use double,"
              + " int, long, boolean, String, an enum, a record, or a List of Double, Integer,"
              + " Long, String, an enum or a record");
    }

    private static Key key(
        String name, Param p, ValueType vt, boolean inListElement, String where) {
      String def = p.def().strip();
      switch (vt.kind) {
        case SECTION:
          return new Key(name, p, vt, false, null);
        case STRING:
          // Taken literally: "Baseline: all defaults" is a string, not a YAML mapping.
          return new Key(name, p, vt, false, p.def());
        case LIST:
          if (def.isEmpty()) {
            return new Key(name, p, vt, false, List.of());
          }
          return new Key(name, p, vt, false, parseDefault(def, p, vt, name, where));
        default:
          if (def.isEmpty()) {
            if (!inListElement) {
              throw new IllegalStateException(
                  where
                      + " has no default: give @Param(def = ...); only keys of list elements"
                      + " may be required");
            }
            return new Key(name, p, vt, true, null);
          }
          return new Key(name, p, vt, false, parseDefault(def, p, vt, name, where));
      }
    }

    private static Object parseDefault(
        String def, Param p, ValueType vt, String name, String where) {
      List<ScenarioError> errors = new ArrayList<>();
      String source = "@Param(def) of " + where;
      Located value = SafeYaml.parseValue(def, SafeYaml.source(source), errors);
      Object result = Validator.INVALID;
      if (value != null) {
        Key probe = new Key(name, p, vt, false, null);
        result = new Validator(errors).value(probe, vt, value, name, value.where());
      }
      if (!errors.isEmpty() || result == Validator.INVALID) {
        StringBuilder sb = new StringBuilder("bad default \"" + def + "\" for " + where + ":");
        for (ScenarioError e : errors) {
          sb.append(' ').append(e.message()).append(';');
        }
        throw new IllegalStateException(sb.toString());
      }
      return Trees.unmodifiable(result);
    }
  }

  // ------------------------------------------------------------------ describing

  private static void flatten(Section section, String prefix, List<ParamInfo> out) {
    for (Key k : section.keys) {
      String path = prefix + k.name;
      out.add(info(k, path));
      if (k.type.kind == Kind.SECTION) {
        flatten(k.type.section, path + ".", out);
      } else if (k.type.kind == Kind.LIST && k.type.element.kind == Kind.SECTION) {
        flatten(k.type.element.section, path + "[].", out);
      }
    }
  }

  private static ParamInfo info(Key k, String path) {
    String defaultText;
    if (k.type.kind == Kind.SECTION) {
      defaultText = "";
    } else if (k.required) {
      defaultText = ParamInfo.REQUIRED;
    } else if (k.type.kind == Kind.LIST && k.param.def().isBlank()) {
      defaultText = "[]";
    } else {
      defaultText = k.type.kind == Kind.STRING ? k.param.def() : k.param.def().strip();
    }
    ValueType scalar = k.type.kind == Kind.LIST ? k.type.element : k.type;
    boolean numeric =
        scalar.kind == Kind.NUMBER || scalar.kind == Kind.INT || scalar.kind == Kind.LONG;
    List<String> allowed = scalar.kind == Kind.ENUM ? scalar.spellings() : List.of();
    return new ParamInfo(
        path,
        k.type.label(),
        defaultText,
        k.param.unit(),
        numeric ? k.param.min() : Double.NEGATIVE_INFINITY,
        numeric ? k.param.max() : Double.POSITIVE_INFINITY,
        numeric ? k.param.plausibleMin() : Double.NaN,
        numeric ? k.param.plausibleMax() : Double.NaN,
        k.param.doc(),
        k.type.kind == Kind.SECTION ? "" : k.param.source(),
        allowed);
  }

  /**
   * Markdown for {@code govsim describe --markdown} and the ODD document: one table per top-level
   * section (top-level keys that are not sections come first, under "top level"), with columns key,
   * type, default, unit, range, plausible range, meaning, source.
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Scenario keys (").append(rootType.getSimpleName()).append(")\n");
    List<ParamInfo> topLevel = new ArrayList<>();
    for (Key k : root.keys) {
      if (!groupsOwnTable(k)) {
        topLevel.add(byPath.get(k.name));
      }
    }
    if (!topLevel.isEmpty()) {
      sb.append("\n## top level\n\n");
      table(sb, topLevel);
    }
    for (Key k : root.keys) {
      if (groupsOwnTable(k)) {
        sb.append("\n## ").append(k.name).append("\n\n");
        sb.append(cell(k.param.doc())).append("\n\n");
        List<ParamInfo> rows = new ArrayList<>();
        for (ParamInfo p : params) {
          if (p.path().startsWith(k.name + ".")
              || p.path().startsWith(k.name + "[].")
              || (p.path().equals(k.name) && k.type.kind == Kind.LIST)) {
            rows.add(p);
          }
        }
        table(sb, rows);
      }
    }
    return sb.toString();
  }

  private static boolean groupsOwnTable(Key k) {
    return k.type.kind == Kind.SECTION
        || (k.type.kind == Kind.LIST && k.type.element.kind == Kind.SECTION);
  }

  private static void table(StringBuilder sb, List<ParamInfo> rows) {
    sb.append("| key | type | default | unit | range | plausible | meaning | source |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    for (ParamInfo p : rows) {
      sb.append("| `")
          .append(p.path())
          .append("` | ")
          .append(cell(p.type()))
          .append(" | ")
          .append(defaultCell(p))
          .append(" | ")
          .append(cell(p.unit()))
          .append(" | ")
          .append(cell(p.rangeText()))
          .append(" | ")
          .append(cell(p.plausibleText()))
          .append(" | ")
          .append(cell(p.doc()))
          .append(" | ")
          .append(cell(p.source()))
          .append(" |\n");
    }
  }

  private static String defaultCell(ParamInfo p) {
    if (p.defaultText().equals(ParamInfo.REQUIRED)) {
      return "*required*";
    }
    if (p.defaultText().isEmpty()) {
      return p.type().equals("string") ? "`\"\"`" : "";
    }
    // Inside a code span only the table's pipe needs escaping.
    return "`" + oneLine(p.defaultText()).replace("|", "\\|") + "`";
  }

  /** Text for a table cell: pipes and angle brackets escaped (list<number> is not HTML). */
  private static String cell(String s) {
    return oneLine(s)
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  private static String oneLine(String s) {
    return s.replace("\r", " ").replace("\n", " ");
  }

  /**
   * JSON for {@code govsim describe --json}: {@code {"root": ..., "params": [...]}} with one object
   * per key in schema order; an unbounded min or max is null.
   */
  public String toJson() {
    JsonObject top = new JsonObject();
    top.addProperty("root", rootType.getSimpleName());
    JsonArray array = new JsonArray();
    for (ParamInfo p : params) {
      JsonObject o = new JsonObject();
      o.addProperty("path", p.path());
      o.addProperty("type", p.type());
      o.addProperty("default", p.defaultText());
      o.addProperty("unit", p.unit());
      o.add("min", Double.isInfinite(p.min()) ? JsonNull.INSTANCE : number(p.min()));
      o.add("max", Double.isInfinite(p.max()) ? JsonNull.INSTANCE : number(p.max()));
      o.add(
          "plausible_min",
          Double.isNaN(p.plausibleMin()) ? JsonNull.INSTANCE : number(p.plausibleMin()));
      o.add(
          "plausible_max",
          Double.isNaN(p.plausibleMax()) ? JsonNull.INSTANCE : number(p.plausibleMax()));
      o.addProperty("doc", p.doc());
      o.addProperty("source", p.source());
      JsonArray allowed = new JsonArray();
      p.allowedValues().forEach(allowed::add);
      o.add("allowed_values", allowed);
      array.add(o);
    }
    top.add("params", array);
    return new GsonBuilder()
        .setPrettyPrinting()
        .serializeNulls()
        .disableHtmlEscaping()
        .create()
        .toJson(top);
  }

  private static JsonPrimitive number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return new JsonPrimitive((long) d);
    }
    return new JsonPrimitive(d);
  }

  /** A plain-text listing for the terminal: one block per key. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    for (ParamInfo p : params) {
      sb.append(p.path());
      if (p.isSection()) {
        sb.append("  (section)\n    ").append(p.doc()).append('\n');
        continue;
      }
      sb.append("  ").append(p.type());
      if (!p.defaultText().isEmpty()) {
        sb.append(" = ").append(p.defaultText());
      }
      if (!p.unit().isEmpty()) {
        sb.append("  [").append(p.unit()).append(']');
      }
      String range = p.rangeText();
      if (!range.isEmpty()) {
        sb.append(p.allowedValues().isEmpty() ? "  " : "  one of: ").append(range);
      }
      if (p.hasPlausibleRange()) {
        sb.append("  plausible ").append(p.plausibleText());
      }
      sb.append("\n    ").append(p.doc()).append('\n');
      sb.append("    source: ").append(p.source()).append('\n');
    }
    return sb.toString();
  }
}
