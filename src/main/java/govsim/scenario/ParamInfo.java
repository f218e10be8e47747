package govsim.scenario;

import java.util.List;

/**
 * One documented scenario key, flattened from the schema for {@code govsim describe}, the ODD
 * parameter tables and tools such as sweep validation.
 *
 * @param path dotted key path: {@code users.switching_cost_mean}; keys of list elements as {@code
 *     events[].at_day}
 * @param type one of {@code number}, {@code integer}, {@code boolean}, {@code string}, {@code
 *     enum}, {@code section}, or {@code list<X>} with X one of those (a list of records is {@code
 *     list<section>})
 * @param defaultText the default as YAML text ("0.05", "hybrid", "[]"); empty for a section; {@code
 *     (required)} for a key of a list element that has no default
 * @param unit the unit, empty when dimensionless
 * @param min smallest allowed number (inclusive), -infinity when unbounded; for lists, per element
 * @param max largest allowed number (inclusive), +infinity when unbounded; for lists, per element
 * @param plausibleMin smallest plausible number (inclusive), NaN when not declared or not numeric
 * @param plausibleMax largest plausible number (inclusive), NaN when not declared or not numeric
 * @param doc what the key means
 * @param source where the default comes from (citation, or "assumption" and why)
 * @param allowedValues the YAML spellings of an enum's constants; empty for other types
 */
public record ParamInfo(
    String path,
    String type,
    String defaultText,
    String unit,
    double min,
    double max,
    double plausibleMin,
    double plausibleMax,
    String doc,
    String source,
    List<String> allowedValues) {

  /** The text shown for a key that must be given (list-element keys without a default). */
  public static final String REQUIRED = "(required)";

  public ParamInfo {
    allowedValues = List.copyOf(allowedValues);
  }

  /** True for a section (a nested record), which groups keys and has no value of its own. */
  public boolean isSection() {
    return type.equals("section");
  }

  /** True for number and integer keys (and lists of them), which have a range. */
  public boolean isNumeric() {
    return type.equals("number")
        || type.equals("integer")
        || type.equals("list<number>")
        || type.equals("list<integer>");
  }

  /** True when the key declares a plausible range. */
  public boolean hasPlausibleRange() {
    return !Double.isNaN(plausibleMin) && !Double.isNaN(plausibleMax);
  }

  /**
   * True when the key's source is the word "assumption" (alone or followed by a reason), the keys
   * that {@code govsim validation --robustness} varies.
   */
  public boolean isAssumption() {
    return source.equals("assumption")
        || source.startsWith("assumption:")
        || source.startsWith("assumption;")
        || source.startsWith("assumption ");
  }

  /** The plausible range as text ({@code [0.1, 0.5]}), empty when none is declared. */
  public String plausibleText() {
    if (!hasPlausibleRange()) return "";
    return "[" + Text.number(plausibleMin) + ", " + Text.number(plausibleMax) + "]";
  }

  /** The allowed range as text: {@code in [0, 10]}, {@code >= 0}, or the enum's spellings. */
  public String rangeText() {
    if (!allowedValues.isEmpty()) {
      return String.join(", ", allowedValues);
    }
    return Text.range(min, max);
  }
}
