package govsim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written.
 *
 * <p>Files, presets and {@code --set} overrides are each read into this tree and then deep-merged
 * before validation. Keeping the location on every value is what lets an error in a merged scenario
 * still point at the file, line and column that supplied the offending value.
 */
sealed interface Located permits Located.Mapping, Located.Sequence, Located.Scalar, Located.Broken {

  /** Where the value starts. */
  Where where();

  /** One key of a mapping, with the location of the key itself. */
  record Entry(String key, Where keyWhere, Located value) {}

  /** A mapping, in the order the keys were written. */
  record Mapping(Where where, Map<String, Entry> entries) implements Located {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The value under {@code key}, or null. */
    Located get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    /** This mapping without {@code key}. */
    Mapping without(String key) {
      Map<String, Entry> copy = new LinkedHashMap<>(entries);
      copy.remove(key);
      return new Mapping(where, copy);
    }
  }

  /** A list. */
  record Sequence(Where where, List<Located> items) implements Located {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /**
   * A scalar, already resolved by the YAML 1.2 core-schema rules of {@link CoreScalars}.
   *
   * @param value Long, Double, Boolean, String, or null
   * @param text the text as written (for messages, and for string keys)
   * @param quoted written quoted (or tagged {@code !!str}): a string even if it looks like a number
   * @param numberHint why a plain scalar that looks like a number is not one (e.g. YAML 1.1 octal),
   *     or null
   * @param booleanHint why a plain scalar that looks like a boolean is not one (e.g. {@code yes}),
   *     or null
   */
  record Scalar(
      Where where, Object value, String text, boolean quoted, String numberHint, String booleanHint)
      implements Located {}

  /**
   * A value that was already reported as an error while reading (a forbidden tag, a duplicate key).
   * Validation skips it silently, so one mistake is reported once.
   */
  record Broken(Where where) implements Located {}

  /**
   * Deep merge: mappings are merged key by key (recursively), anything else in {@code over}
   * replaces {@code base} whole. Keys keep the location of the layer that wrote them last, except
   * that a {@code --set} wrapper does not take over a section written in a file (so a section-level
   * error still points at the file).
   */
  static Located merge(Located base, Located over) {
    if (base == null) {
      return over;
    }
    if (over == null) {
      return base;
    }
    if (base instanceof Mapping b && over instanceof Mapping o) {
      Map<String, Entry> merged = new LinkedHashMap<>(b.entries());
      for (Entry e : o.entries().values()) {
        Entry old = merged.get(e.key());
        if (old == null) {
          merged.put(e.key(), e);
        } else {
          Where keyWhere = e.keyWhere().fromOverride() ? old.keyWhere() : e.keyWhere();
          merged.put(e.key(), new Entry(e.key(), keyWhere, merge(old.value(), e.value())));
        }
      }
      Where where = o.where().fromOverride() ? b.where() : o.where();
      return new Mapping(where, merged);
    }
    return over;
  }

  /**
   * A tree built in code (nested Maps, Lists, numbers, booleans, strings, enum constants), e.g. a
   * resolved scenario with one value substituted by a sweep. Every value is placed at {@code
   * where}.
   */
  static Located fromPlain(Object value, Where where) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        entries.put(key, new Entry(key, where, fromPlain(e.getValue(), where)));
      }
      return new Mapping(where, entries);
    }
    if (value instanceof List<?> list) {
      List<Located> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(fromPlain(item, where));
      }
      return new Sequence(where, items);
    }
    if (value == null) {
      return new Scalar(where, null, "null", false, null, null);
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      long v = ((Number) value).longValue();
      return new Scalar(where, v, Long.toString(v), false, null, null);
    }
    if (value instanceof BigInteger b) {
      Object v = b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
      return new Scalar(where, v, b.toString(), false, null, null);
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      double v = ((Number) value).doubleValue();
      if (!Double.isFinite(v)) {
        return new Scalar(
            where, Text.number(v), Text.number(v), false, "not a finite number", null);
      }
      return new Scalar(where, v, Text.number(v), false, null, null);
    }
    if (value instanceof Boolean b) {
      return new Scalar(where, b, b.toString(), false, null, null);
    }
    if (value instanceof Enum<?> e) {
      String spelling = Naming.enumSpelling(e);
      return new Scalar(where, spelling, spelling, false, null, null);
    }
    String s = String.valueOf(value);
    return new Scalar(where, s, s, true, null, null);
  }
}
