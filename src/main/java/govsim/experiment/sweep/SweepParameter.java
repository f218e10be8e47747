package govsim.experiment.sweep;

import govsim.observe.Num;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One varied scenario key of a sweep: either a list of values or a numeric range.
 *
 * <p>Values are those of a resolved scenario tree: Long for integer keys, Double for number keys,
 * Boolean, String (enums in their YAML spelling), or a List for list-valued keys. How a point of
 * the unit interval becomes a value ({@link #at}):
 *
 * <ul>
 *   <li>a list of m values: value number {@code floor(u * m)} (categorical);
 *   <li>a range: {@code min + u (max - min)}; with {@code log}, uniform in log space; for integer
 *       keys (or {@code integer: true}) every whole number of [min, max] is equally likely (equally
 *       likely in log space with {@code log}).
 * </ul>
 *
 * A grid uses the list's values, or {@code levels} evenly spaced values of a range, ends included
 * ({@link #gridValues}).
 *
 * @param path the scenario key path, e.g. {@code users.switching_cost_mean}
 * @param values the values of a list parameter (null for a range)
 * @param min smallest value of a range (NaN for a list)
 * @param max largest value of a range (NaN for a list)
 * @param log a range sampled uniformly in log space (min &gt; 0)
 * @param integer a range of whole numbers
 * @param integerKey the scenario key is an integer key (values are Long, else Double)
 * @param levels grid levels of a range (0 if not given)
 * @param group the Morris group of a range ({@code group:}; empty: a group of its own)
 */
public record SweepParameter(
    String path,
    List<Object> values,
    double min,
    double max,
    boolean log,
    boolean integer,
    boolean integerKey,
    int levels,
    String group) {

  public SweepParameter {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(group, "group");
    if (values != null) {
      if (values.isEmpty())
        throw new IllegalArgumentException(path + ": a list parameter needs values");
      values = List.copyOf(values);
    } else {
      if (!(min < max)) throw new IllegalArgumentException(path + ": min must be below max");
      if (log && !(min > 0))
        throw new IllegalArgumentException(path + ": a log range needs min > 0");
      if (levels == 1 || levels < 0)
        throw new IllegalArgumentException(path + ": levels must be at least 2");
    }
  }

  /** A list parameter. */
  public static SweepParameter ofValues(String path, List<Object> values) {
    return new SweepParameter(path, values, Double.NaN, Double.NaN, false, false, false, 0, "");
  }

  /** A range parameter (in no Morris group). */
  public static SweepParameter ofRange(
      String path,
      double min,
      double max,
      boolean log,
      boolean integer,
      boolean integerKey,
      int levels) {
    return ofRange(path, min, max, log, integer, integerKey, levels, "");
  }

  /** A range parameter in a Morris group ({@code ""}: a group of its own). */
  public static SweepParameter ofRange(
      String path,
      double min,
      double max,
      boolean log,
      boolean integer,
      boolean integerKey,
      int levels,
      String group) {
    return new SweepParameter(
        path, null, min, max, log, integer || integerKey, integerKey, levels, group);
  }

  /** The name of this parameter's Morris group: {@code group}, or the key path when it has none. */
  public String groupName() {
    return group.isEmpty() ? path : group;
  }

  /** True for a list of values, false for a range. */
  public boolean isList() {
    return values != null;
  }

  /**
   * The value at {@code u} of the unit interval.
   *
   * @param u in [0, 1) (1 is clamped to the last value)
   */
  public Object at(double u) {
    if (!(u >= 0 && u <= 1)) throw new IllegalArgumentException("u must be in [0, 1], got " + u);
    if (isList())
      return values.get(Math.min((int) Math.floor(u * values.size()), values.size() - 1));
    double v;
    if (integer) {
      // Whole numbers: cut [min, max + 1) (in log space for log) into equal cells, floor.
      double hi = max + 1;
      double x =
          log ? Math.exp(Math.log(min) + u * (Math.log(hi) - Math.log(min))) : min + u * (hi - min);
      v = Math.min(Math.max(Math.floor(x), min), max);
    } else {
      v =
          log
              ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)))
              : min + u * (max - min);
      v = Math.min(Math.max(v, min), max);
    }
    return box(v);
  }

  /**
   * The values a grid takes: the list's values, or {@code levels} evenly spaced values (log spaced
   * with {@code log}) from min to max, rounded for integer ranges.
   *
   * @throws IllegalStateException for a range without levels (the loader reports it first)
   */
  public List<Object> gridValues() {
    if (isList()) return values;
    if (levels < 2) throw new IllegalStateException(path + ": a range in a grid needs levels");
    List<Object> out = new ArrayList<>(levels);
    for (int i = 0; i < levels; i++) {
      double f = i / (double) (levels - 1);
      double v =
          log
              ? Math.exp(Math.log(min) + f * (Math.log(max) - Math.log(min)))
              : min + f * (max - min);
      if (i == 0) v = min;
      if (i == levels - 1) v = max;
      if (integer) v = Math.rint(v);
      out.add(box(v));
    }
    return out;
  }

  private Object box(double v) {
    return integerKey ? (Object) Long.valueOf((long) v) : (Object) Double.valueOf(v);
  }

  /** The value as a CSV cell: numbers in govsim's format, lists as YAML flow text. */
  public static String cell(Object value) {
    if (value instanceof Double d) return Num.format(d);
    if (value instanceof Long l) return Long.toString(l);
    if (value instanceof Number n) return Num.format(n.doubleValue());
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) parts.add(cell(o));
      return "[" + String.join(", ", parts) + "]";
    }
    return String.valueOf(value);
  }

  /**
   * The value as exact, JVM-independent text for a run's identity (and so its seed): whole numbers
   * in decimal, other doubles as {@link Double#toHexString} (exact and specified, unlike
   * Double.toString, which changed in Java 19), strings with their length.
   */
  public static String identity(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 0x1p53) return Long.toString((long) d);
      return Double.toHexString(d);
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) parts.add(identity(o));
      return "[" + String.join(",", parts) + "]";
    }
    if (value instanceof String s) return s.length() + ":" + s;
    return String.valueOf(value);
  }

  /** A short description for reports: "list of 3 values" or "range [0.01, 1] (log)". */
  public String describe() {
    if (isList()) {
      List<String> parts = new ArrayList<>();
      for (Object v : values) parts.add(cell(v));
      return "values " + String.join(", ", parts);
    }
    StringBuilder sb =
        new StringBuilder("range [")
            .append(Num.format(min))
            .append(", ")
            .append(Num.format(max))
            .append(']');
    if (log) sb.append(" log");
    if (integer) sb.append(" integer");
    if (levels > 0) sb.append(", ").append(levels).append(" levels");
    if (!group.isEmpty()) sb.append(", group ").append(group);
    return sb.toString();
  }
}
