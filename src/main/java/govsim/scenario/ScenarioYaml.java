package govsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a resolved scenario tree as YAML, e.g. the {@code scenario.resolved.yaml} saved next to a
 * run's outputs.
 *
 * <p>The text, loaded again without presets mattering (it holds every key) and without {@code
 * extends}, gives an equal configuration: strings that would read as something else (such as {@code
 * "010"}, {@code "yes"}, {@code "1:30"}) are quoted, numbers are written so they parse to the same
 * double, and no anchors or aliases are emitted.
 */
public final class ScenarioYaml {
  private ScenarioYaml() {}

  /**
   * The tree as block-style YAML.
   *
   * @param resolved nested Maps (String keys) and Lists of Double, Long, Integer, Boolean and
   *     String, e.g. {@link ScenarioLoader.Loaded#resolved()}
   * @throws IllegalArgumentException for any other value, or a non-finite number
   */
  public static String dump(Map<String, ?> resolved) {
    return dump(resolved, null);
  }

  /**
   * The tree as block-style YAML, preceded by {@code headerComment} as {@code #} lines (null or
   * empty for none): a place for the run id, date, scenario name.
   */
  public static String dump(Map<String, ?> resolved, String headerComment) {
    Object plain = check(resolved, "");
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setWidth(100);
    options.setSplitLines(false);
    options.setDereferenceAliases(true);
    options.setAllowUnicode(true);
    LoaderOptions loaderOptions = new LoaderOptions();
    Yaml yaml =
        new Yaml(
            new SafeConstructor(loaderOptions), new Representer(options), options, loaderOptions);
    StringBuilder sb = new StringBuilder();
    if (headerComment != null && !headerComment.isEmpty()) {
      for (String line : headerComment.split("\\R", -1)) {
        sb.append(line.isEmpty() ? "#" : "# " + line).append('\n');
      }
    }
    return sb.append(yaml.dump(plain)).toString();
  }

  /** A fresh copy of the tree with only supported values (fresh: no shared nodes, no aliases). */
  private static Object check(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("key at " + path + " is not a string: " + e.getKey());
        }
        out.put(key, check(e.getValue(), Naming.join(path, key)));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(check(list.get(i), path + "[" + i + "]"));
      }
      return out;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(path + " is not a finite number: " + d);
      }
      return d;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Enum<?> e) {
      return Naming.enumSpelling(e);
    }
    throw new IllegalArgumentException(
        path
            + " holds "
            + (value == null ? "null" : value.getClass().getName())
            + ", which a scenario cannot hold");
  }
}
