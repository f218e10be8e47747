package govsim.gui;

import govsim.world.WorldEvent;
import java.util.Locale;
import java.util.Map;

/**
 * Readable text for one event of the world's log, for the event panel and the inspectors: who it
 * concerns and what its number means. The log stores a bare value per event; its meaning depends
 * on the type (see the mechanisms' {@code w.log} calls), so it is named here.
 */
final class EventText {
  private EventText() {}

  private static final Map<String, String> VALUE_MEANING = Map.ofEntries(
      Map.entry("risk_emerged", "severity"),
      Map.entry("risk_known", "severity"),
      Map.entry("severe_incident", "harm"),
      Map.entry("practice_incident", "visibility"),
      Map.entry("outcry", "complaints"),
      Map.entry("practice_revised", "days after first outcry"),
      Map.entry("standard_drafting", "lag days"),
      Map.entry("standard_adopted", "days in drafting"),
      Map.entry("rule_adopted", "days in drafting"),
      Map.entry("agenda", "salience"),
      Map.entry("community_formed", "stringency"),
      Map.entry("audit_violation", "detection probability"),
      Map.entry("expulsion", "reputation loss"),
      Map.entry("sanction", "fine"),
      Map.entry("attack", "harm"),
      Map.entry("actor_punished", "penalty"),
      Map.entry("firm_entered", "capability"),
      Map.entry("firm_exited", "users"),
      Map.entry("capability_shock", "generation"));

  /** Who the event concerns: "firm 3", "firm 3, community 1", "regulator J0", "risk 5". */
  static String who(WorldEvent e) {
    StringBuilder sb = new StringBuilder();
    if (e.firm() >= 0) append(sb, "firm " + e.firm());
    if (e.community() >= 0) append(sb, "community " + e.community());
    if (e.firm() < 0 && e.community() < 0 && e.jurisdiction() >= 0) {
      append(sb, (NodeActivity.REGULATOR_EVENTS.contains(e.type()) ? "regulator J" : "jurisdiction J") + e.jurisdiction());
    }
    if (e.risk() >= 0) append(sb, "risk " + e.risk());
    return sb.toString();
  }

  /** The event's value, named, and its detail text: "complaints 45; practice". */
  static String detail(WorldEvent e) {
    StringBuilder sb = new StringBuilder();
    String meaning = VALUE_MEANING.get(e.type());
    if (meaning != null) sb.append(meaning).append(' ').append(number(e.value()));
    if (e.detail() != null && !e.detail().isEmpty()) {
      if (sb.length() > 0) sb.append("; ");
      sb.append(e.detail());
    }
    return sb.toString();
  }

  /** One line: "day 123 outcry (firm 3): complaints 45; practice". */
  static String line(WorldEvent e) {
    String d = detail(e);
    return "day " + number(e.day()) + " " + e.type().replace('_', ' ') + " (" + who(e) + ")" + (d.isEmpty() ? "" : ": " + d);
  }

  /** A number with four significant digits, plain where possible. */
  static String number(double x) {
    if (Double.isNaN(x)) return "n/a";
    if (x == Math.rint(x) && Math.abs(x) < 1e9) return Long.toString((long) x);
    double a = Math.abs(x);
    if (a >= 1e6 || a < 1e-3) return String.format(Locale.ROOT, "%.3g", x);
    return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static void append(StringBuilder sb, String s) {
    if (sb.length() > 0) sb.append(", ");
    sb.append(s);
  }
}
