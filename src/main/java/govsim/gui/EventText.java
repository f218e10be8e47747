package govsim.gui;

import govsim.world.EventKind;
import govsim.world.WorldEvent;
import java.util.Locale;

/**
 * Readable text for one event of the world's log, for the event panel and the inspectors: who it
 * concerns and what its number means (the log stores a bare value per event; {@link
 * EventKind#valueMeaning()} names it).
 */
final class EventText {
  private EventText() {}

  /** The event type as shown: "practice revised". */
  static String name(EventKind kind) {
    return kind.id().replace('_', ' ');
  }

  /** Who the event concerns: "firm 3", "firm 3, community 1", "regulator J0", "risk 5". */
  static String who(WorldEvent e) {
    StringBuilder sb = new StringBuilder();
    if (e.firm() >= 0) append(sb, "firm " + e.firm());
    if (e.community() >= 0) append(sb, "community " + e.community());
    if (e.firm() < 0 && e.community() < 0 && e.jurisdiction() >= 0) {
      append(
          sb,
          (NodeActivity.REGULATOR_EVENTS.contains(e.type()) ? "regulator J" : "jurisdiction J")
              + e.jurisdiction());
    }
    if (e.risk() >= 0) append(sb, "risk " + e.risk());
    return sb.toString();
  }

  /** The event's value, named, and its detail text: "complaints 45; practice". */
  static String detail(WorldEvent e) {
    StringBuilder sb = new StringBuilder();
    String meaning = e.type().valueMeaning();
    if (!meaning.isEmpty()) sb.append(meaning).append(' ').append(number(e.value()));
    if (e.detail() != null && !e.detail().isEmpty()) {
      if (sb.length() > 0) sb.append("; ");
      sb.append(e.detail());
    }
    return sb.toString();
  }

  /** One line: "day 123 outcry (firm 3): complaints 45; practice". */
  static String line(WorldEvent e) {
    String d = detail(e);
    return "day "
        + number(e.day())
        + " "
        + name(e.type())
        + " ("
        + who(e)
        + ")"
        + (d.isEmpty() ? "" : ": " + d);
  }

  /** A number with four significant digits, plain where possible. */
  static String number(double x) {
    if (Double.isNaN(x)) return "n/a";
    if (x == Math.rint(x) && Math.abs(x) < 1e9) return Long.toString((long) x);
    double a = Math.abs(x);
    if (a >= 1e6 || a < 1e-3) return String.format(Locale.ROOT, "%.3g", x);
    return new java.math.BigDecimal(x)
        .round(new java.math.MathContext(4))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static void append(StringBuilder sb, String s) {
    if (sb.length() > 0) sb.append(", ");
    sb.append(s);
  }
}
