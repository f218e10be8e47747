package govsim.gui;

import java.awt.Color;

/**
 * The events that make a node flash on the network display, each with its colour (shared by the
 * display, the legend and the event log). These are the moments the paper's argument turns on:
 * public outcry (M5), public sanctions (M3), expulsion from a community (M8), and a rule or
 * standard coming into force (M2, M7) or a mandate being enacted (M11).
 */
public enum FlashKind {
  OUTCRY("outcry", new Color(255, 140, 0)),
  SANCTION("sanction / revocation", new Color(220, 20, 60)),
  EXPULSION("expulsion", new Color(148, 0, 211)),
  NEW_RULE("new rule, standard, mandate", new Color(30, 110, 255));

  private final String label;
  private final Color color;

  FlashKind(String label, Color color) {
    this.label = label;
    this.color = color;
  }

  public String label() {
    return label;
  }

  public Color color() {
    return color;
  }

  /** The flash of an event type of the world's log, or null if the type does not flash. */
  public static FlashKind of(String eventType) {
    return switch (eventType) {
      case "outcry" -> OUTCRY;
      case "sanction", "revocation" -> SANCTION;
      case "expulsion" -> EXPULSION;
      case "rule_adopted", "standard_adopted", "mandate_enacted" -> NEW_RULE;
      default -> null;
    };
  }
}
