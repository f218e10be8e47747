package govsim.report;

import govsim.scenario.ParamInfo;
import java.util.Locale;
import java.util.Optional;

/**
 * Human-readable names of scenario keys for figures, from the scenario schema (the catalogue {@code
 * govsim describe} prints): the key's last part in words, with its unit. {@code
 * rulemaking.legislative_lag_days} becomes "Legislative lag" on a legend and "Legislative lag
 * (days)" on an axis; {@code users.switching_cost_mean}, "Switching cost mean (utility)". A key the
 * schema does not know (a game's parameter such as {@code game.parameters.p_r}) keeps its last part
 * as written ("p_r", the symbol of the game's paper). Captions and tables keep the full keys, so a
 * figure can always be traced to its key.
 */
final class ParamLabels {
  private ParamLabels() {}

  /** The key's documentation, as sweep files are checked against it (reports read no model). */
  private static Optional<ParamInfo> info(String key) {
    try {
      return govsim.experiment.sweep.SweepFile.keyInfo(key);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The unit of a key, "" when it has none or is not a scenario key. */
  static String unit(String key) {
    return info(key).map(ParamInfo::unit).orElse("");
  }

  /** "Legislative lag" for rulemaking.legislative_lag_days. */
  static String name(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1);
    Optional<ParamInfo> p = info(key);
    if (p.isEmpty()) return last;
    String words = last.replace('_', ' ');
    String unit = p.get().unit();
    // The unit said in the key's name is said once, in the parentheses (lag_days: "Lag (days)").
    if (!unit.isEmpty()
        && !unit.equals("share")
        && words.endsWith(" " + unit)
        && words.length() > unit.length() + 1)
      words = words.substring(0, words.length() - unit.length() - 1);
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** "Legislative lag (days)": the name and the unit, for an axis. */
  static String axis(String key) {
    String unit = unit(key);
    if (unit.equals("share")) unit = "share, 0\u20131";
    return name(key) + (unit.isEmpty() ? "" : " (" + unit + ")");
  }

  /**
   * A regime's name in a figure: "laissez-faire" for the preset laissez_faire (as English writes
   * it), other underscores as spaces; the folder's own data files keep the name as given.
   */
  static String regime(String id) {
    return id.equals("laissez_faire") ? "laissez-faire" : id.replace('_', ' ');
  }

  /** "Legislative lag = 365 days": a level of a key, for a legend. */
  static String level(String key, String value) {
    String unit = unit(key);
    boolean say = !unit.isEmpty() && !unit.equals("share") && !unit.contains(",");
    return name(key) + " = " + value + (say ? " " + unit : "");
  }
}
