package govsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value typed as text (in the GUI's parameter panel) read exactly as a {@code --set key=value}
 * override's value is read: YAML, a scalar or a flow collection ({@code [1, 2]}, {@code {a: 1}}),
 * under the same size and tag limits as a scenario file. The result is a plain tree for {@link
 * ScenarioLoader#withValue}; validation against the schema (type, range) happens when the tree is
 * resolved, as for any file.
 */
public final class ValueText {
  private ValueText() {}

  /**
   * Reads {@code text} as the value of {@code keyPath}.
   *
   * @throws ScenarioException when the text is not readable YAML (the message names the key and
   *     the column)
   */
  public static Object parse(String keyPath, String text) throws ScenarioException {
    List<ScenarioError> errors = new ArrayList<>();
    String override = keyPath + "=" + text;
    Located value =
        SafeYaml.parseValue(text, SafeYaml.override(override, 1, keyPath.length() + 1), errors);
    if (value == null || !errors.isEmpty()) {
      if (errors.isEmpty()) {
        errors.add(Where.of(ScenarioLoader.SET_SOURCE).error(keyPath, "unreadable value"));
      }
      throw new ScenarioException(ScenarioLoader.SET_SOURCE, errors);
    }
    return plain(value);
  }

  private static Object plain(Located v) {
    if (v instanceof Located.Scalar s) return s.value();
    if (v instanceof Located.Sequence q) {
      List<Object> out = new ArrayList<>();
      for (Located item : q.items()) out.add(plain(item));
      return out;
    }
    if (v instanceof Located.Mapping m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Located.Entry e : m.entries().values()) out.put(e.key(), plain(e.value()));
      return out;
    }
    return null;
  }

  /**
   * The text a value is shown as: scalars as they would be written in a file, lists and mappings
   * in YAML flow style, so that the text read back by {@link #parse} is the same value.
   */
  public static String show(Object value) {
    if (value == null) return "";
    if (value instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        sb.append(e.getKey()).append(": ").append(show(e.getValue()));
      }
      return sb.append('}').toString();
    }
    if (value instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(show(l.get(i)));
      }
      return sb.append(']').toString();
    }
    if (value instanceof Enum<?> e) return Naming.enumSpelling(e);
    if (value instanceof Double d) {
      double x = d;
      if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
      return Double.toString(x);
    }
    if (value instanceof String s) {
      return s.isEmpty() || !s.matches("[A-Za-z_][A-Za-z0-9_.\\-/ ]*") || s.matches("(?i)true|false|null|yes|no|on|off|~")
          ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
          : s;
    }
    return String.valueOf(value);
  }
}
