package govsim.scenario;

import govsim.scenario.Schema.Key;
import govsim.scenario.Schema.Section;
import govsim.scenario.Schema.ValueType;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds records from a validated resolved tree, through their canonical constructors.
 *
 * <p>A record may check its own invariants across fields (say, {@code min_share <= max_share}) by
 * throwing {@link IllegalArgumentException} from its constructor. Such a complaint is a user error,
 * not a crash: it becomes a {@link ScenarioError} at the section's key path and location, with the
 * constructor's message. Sibling sections are still built, so their complaints are reported in the
 * same run.
 */
final class Binder {
  private final List<ScenarioError> errors;
  private final Map<String, Where> sectionWheres;
  private final Where fallback;

  /**
   * @param sectionWheres where each section / list element was written (from {@link Validator})
   * @param fallback location for a section that came entirely from defaults
   */
  Binder(List<ScenarioError> errors, Map<String, Where> sectionWheres, Where fallback) {
    this.errors = errors;
    this.sectionWheres = sectionWheres;
    this.fallback = fallback;
  }

  /** The record for {@code section}, or {@link Validator#INVALID} if it could not be built. */
  Object record(Section section, Object value, String path) {
    if (value == Validator.INVALID || !(value instanceof Map<?, ?> map)) {
      return Validator.INVALID;
    }
    Object[] args = new Object[section.keys.size()];
    boolean complete = true;
    for (int i = 0; i < args.length; i++) {
      Key key = section.keys.get(i);
      args[i] = convert(key.type, map.get(key.name), Naming.join(path, key.name));
      complete &= args[i] != Validator.INVALID && args[i] != null;
    }
    if (!complete) {
      return Validator.INVALID;
    }
    try {
      return section.constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidKeyException k) {
        String full = Naming.join(path, k.keyPath());
        errors.add(where(full).error(full, k.getMessage()));
        return Validator.INVALID;
      }
      if (cause instanceof IllegalArgumentException) {
        String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        errors.add(where(path).error(path, message));
        return Validator.INVALID;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(
          "constructor of " + section.type.getName() + " failed", cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + section.type.getName(), e);
    }
  }

  private Object convert(ValueType type, Object value, String path) {
    if (value == Validator.INVALID || value == null) {
      return Validator.INVALID;
    }
    switch (type.kind) {
      case NUMBER:
        return ((Number) value).doubleValue();
      case INT:
        return ((Number) value).intValue();
      case LONG:
        return ((Number) value).longValue();
      case BOOLEAN:
      case STRING:
        return value;
      case ENUM:
        return type.constant((String) value);
      case SECTION:
        return record(type.section, value, path);
      case LIST:
        List<?> items = (List<?>) value;
        List<Object> out = new ArrayList<>(items.size());
        boolean complete = true;
        for (int i = 0; i < items.size(); i++) {
          Object item = convert(type.element, items.get(i), path + "[" + i + "]");
          complete &= item != Validator.INVALID;
          out.add(item);
        }
        return complete ? List.copyOf(out) : Validator.INVALID;
      default:
        throw new IllegalStateException(type.kind.toString());
    }
  }

  /** The location of a section or value, or of its nearest located ancestor. */
  private Where where(String path) {
    String p = path;
    while (true) {
      Where w = sectionWheres.get(p);
      if (w != null) {
        return w;
      }
      if (p.isEmpty()) {
        return fallback;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }
}
