package govsim.scenario;

import govsim.scenario.Schema.Key;
import govsim.scenario.Schema.Kind;
import govsim.scenario.Schema.Section;
import govsim.scenario.Schema.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a merged {@link Located} tree against the schema and produces the resolved tree: every key
 * in schema order, defaults filled in, values as Double/Long/Boolean/String (enums as their YAML
 * spelling), sections as maps, lists as lists.
 *
 * <p>It never stops at the first problem: each error is added to the list and the walk goes on, so
 * that a user sees every mistake in one run. A value that failed is {@link #INVALID} in the output
 * (and the caller does not bind such a tree).
 */
final class Validator {

  /** Marks a value that failed validation (already reported). */
  static final Object INVALID =
      new Object() {
        @Override
        public String toString() {
          return "<invalid>";
        }
      };

  private final List<ScenarioError> errors;
  private final Map<String, Where> sectionWheres = new HashMap<>();

  Validator(List<ScenarioError> errors) {
    this.errors = errors;
  }

  /**
   * Where each section and list element was written (by key path), so that a record constructor's
   * complaint can be reported there.
   */
  Map<String, Where> sectionWheres() {
    return sectionWheres;
  }

  /** Validates the root mapping; returns the resolved tree (with INVALID where values failed). */
  @SuppressWarnings("unchecked")
  Map<String, Object> root(Section root, Located.Mapping tree) {
    sectionWheres.put("", tree.where());
    return (Map<String, Object>) section(root, tree, "", tree.where());
  }

  private Object section(Section section, Located node, String path, Where at) {
    if (node instanceof Located.Broken) {
      return INVALID;
    }
    if (!(node instanceof Located.Mapping mapping)) {
      fail(node.where(), path, "expected a mapping of keys, found " + Found.of(node));
      return INVALID;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Key key : section.keys) {
      String keyPath = Naming.join(path, key.name);
      Located.Entry entry = mapping.entries().get(key.name);
      if (entry != null) {
        out.put(key.name, value(key, key.type, entry.value(), keyPath, entry.keyWhere()));
      } else if (key.type.kind == Kind.SECTION) {
        // Absent section: its keys take their defaults (and required ones are reported).
        Located empty = new Located.Mapping(at, Map.of());
        sectionWheres.putIfAbsent(keyPath, at);
        out.put(key.name, section(key.type.section, empty, keyPath, at));
      } else if (key.required) {
        fail(
            at,
            keyPath,
            "missing required key '" + key.name + "' (" + expected(key, key.type) + ")");
        out.put(key.name, INVALID);
      } else {
        out.put(key.name, Trees.deepCopy(key.defaultValue));
      }
    }
    for (Located.Entry entry : mapping.entries().values()) {
      if (!section.byName.containsKey(entry.key())) {
        unknownKey(section, entry, path);
      }
    }
    return out;
  }

  private void unknownKey(Section section, Located.Entry entry, String path) {
    StringBuilder sb = new StringBuilder("unknown key ").append(Text.quote(entry.key()));
    Optional<String> near = Naming.nearest(entry.key(), section.byName.keySet());
    near.ifPresent(n -> sb.append("; did you mean '").append(n).append("'?"));
    sb.append(" (allowed ")
        .append(path.isEmpty() ? "at the top level" : "in " + path)
        .append(": ")
        .append(String.join(", ", section.byName.keySet()))
        .append(')');
    fail(entry.keyWhere(), Naming.join(path, entry.key()), sb.toString());
  }

  /** Validates one value of {@code key} (of type {@code type}: the key's or its list element's). */
  Object value(Key key, ValueType type, Located node, String path, Where keyWhere) {
    if (node instanceof Located.Broken) {
      return INVALID;
    }
    switch (type.kind) {
      case SECTION:
        sectionWheres.put(path, keyWhere);
        return section(type.section, node, path, node.where());
      case LIST:
        return list(key, type, node, path);
      default:
        sectionWheres.put(path, node.where());
        return scalar(key, type, node, path);
    }
  }

  private Object list(Key key, ValueType type, Located node, String path) {
    if (!(node instanceof Located.Sequence seq)) {
      fail(node.where(), path, "expected " + expected(key, type) + ", found " + Found.of(node));
      return INVALID;
    }
    List<Object> out = new ArrayList<>(seq.items().size());
    for (int i = 0; i < seq.items().size(); i++) {
      Located item = seq.items().get(i);
      out.add(value(key, type.element, item, path + "[" + i + "]", item.where()));
    }
    return out;
  }

  private Object scalar(Key key, ValueType type, Located node, String path) {
    if (!(node instanceof Located.Scalar s)) {
      return typeError(key, type, node, path, null);
    }
    Param p = key.param;
    Object v = s.value();
    switch (type.kind) {
      case NUMBER:
        if (!(v instanceof Number n) || s.quoted()) {
          return typeError(key, type, s, path, s.numberHint());
        }
        double d = n.doubleValue();
        if (d < p.min() || d > p.max()) {
          return rangeError(key, type, s, path, p.min(), p.max());
        }
        return d;
      case INT:
      case LONG:
        return integer(key, type, s, path);
      case BOOLEAN:
        if (!(v instanceof Boolean) || s.quoted()) {
          return typeError(key, type, s, path, s.booleanHint());
        }
        return v;
      case STRING:
        if (v == null) {
          return typeError(key, type, s, path, "write '' for an empty string");
        }
        String text = v instanceof String str ? str : s.text();
        if (p.fileName()
            && !(text.isEmpty() && p.def().isEmpty())
            && !Naming.isSafeFileName(text)) {
          fail(s.where(), path, "expected " + Naming.SAFE_FILE_NAME + ", found " + Found.of(s));
          return INVALID;
        }
        return text;
      case ENUM:
        String spelling = v instanceof String str ? str : v == null ? null : s.text();
        if (spelling == null || type.constant(spelling) == null) {
          String hint =
              spelling == null
                  ? null
                  : Naming.nearest(spelling, type.spellings())
                      .map(n -> "did you mean '" + n + "'?")
                      .orElse(null);
          return typeError(key, type, s, path, hint);
        }
        return spelling;
      default:
        throw new IllegalStateException("not a scalar kind: " + type.kind);
    }
  }

  private Object integer(Key key, ValueType type, Located.Scalar s, String path) {
    Object v = s.value();
    if (!(v instanceof Number n) || s.quoted()) {
      return typeError(key, type, s, path, s.numberHint());
    }
    double lo =
        type.kind == Kind.INT
            ? Math.max(key.param.min(), Integer.MIN_VALUE)
            : Math.max(key.param.min(), Long.MIN_VALUE);
    double hi =
        type.kind == Kind.INT
            ? Math.min(key.param.max(), Integer.MAX_VALUE)
            : Math.min(key.param.max(), Long.MAX_VALUE);
    double d = n.doubleValue();
    if (!(v instanceof Long) && d != Math.rint(d)) {
      return typeError(key, type, s, path, null);
    }
    // Compare as doubles; Long.MAX_VALUE as a double is 2^63, itself out of range.
    boolean outside = v instanceof Long l ? l < lo || l > hi : d < lo || d > hi || d >= 0x1p63;
    if (outside) {
      // Name the documented range if the value breaks it, else the range of the Java type.
      boolean breaksParam = d < key.param.min() || d > key.param.max();
      return breaksParam
          ? rangeError(key, type, s, path, key.param.min(), key.param.max())
          : rangeError(key, type, s, path, lo, hi);
    }
    return v instanceof Long l ? l : (long) d;
  }

  private Object typeError(Key key, ValueType type, Located node, String path, String hint) {
    String m = "expected " + expected(key, type) + ", found " + Found.of(node);
    fail(node.where(), path, hint == null ? m : m + ": " + hint);
    return INVALID;
  }

  private Object rangeError(
      Key key, ValueType type, Located.Scalar s, String path, double min, double max) {
    String unit = key.param.unit().isEmpty() ? "" : " (" + key.param.unit() + ")";
    String what = type.kind == Kind.NUMBER ? "a number " : "an integer ";
    fail(
        s.where(),
        path,
        "expected " + what + Text.range(min, max) + unit + ", found " + Found.of(s));
    return INVALID;
  }

  /** "a number in [0, 10] (utility units)", "one of a, b, c", "a list of integers >= 0". */
  static String expected(Key key, ValueType type) {
    Param p = key.param;
    String unit = p.unit().isEmpty() ? "" : " (" + p.unit() + ")";
    String range = Text.range(p.min(), p.max());
    String ranged = range.isEmpty() ? unit : " " + range + unit;
    switch (type.kind) {
      case NUMBER:
        return "a number" + ranged;
      case INT:
      case LONG:
        return "an integer" + ranged;
      case BOOLEAN:
        return "true or false";
      case STRING:
        return "a string";
      case ENUM:
        return "one of " + String.join(", ", type.spellings());
      case SECTION:
        return "a mapping of keys";
      case LIST:
        return "a list of " + plural(type.element) + ranged;
      default:
        throw new IllegalStateException(type.kind.toString());
    }
  }

  private static String plural(ValueType element) {
    switch (element.kind) {
      case NUMBER:
        return "numbers";
      case INT:
      case LONG:
        return "integers";
      case STRING:
        return "strings";
      case ENUM:
        return "values (" + String.join(", ", element.spellings()) + ")";
      case SECTION:
        return "mappings";
      default:
        return "values";
    }
  }

  private void fail(Where where, String path, String message) {
    errors.add(where.error(path, message));
  }
}
