package govsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copying helpers for resolved trees (nested Maps and Lists of Double/Long/Boolean/String). */
final class Trees {
  private Trees() {}

  /** A deep, mutable copy; maps keep their order. */
  static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(deepCopy(item));
      }
      return out;
    }
    return value;
  }

  /** A deep copy that cannot be modified; maps keep their order. */
  static Object unmodifiable(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), unmodifiable(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(unmodifiable(item));
      }
      return Collections.unmodifiableList(out);
    }
    return value;
  }
}
