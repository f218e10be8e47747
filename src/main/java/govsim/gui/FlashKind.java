package govsim.gui;

import govsim.world.EventKind;
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

  /**
   * The flash of an event type of the world's log, or null if the type does not flash. The switch
   * lists every kind, so a new kind of event does not compile until it is decided here.
   */
  public static FlashKind of(EventKind kind) {
    return switch (kind) {
      case OUTCRY -> OUTCRY;
      case SANCTION, REVOCATION -> SANCTION;
      case EXPULSION -> EXPULSION;
      case RULE_ADOPTED, STANDARD_ADOPTED, MANDATE_ENACTED -> NEW_RULE;
      case RISK_EMERGED,
          RISK_RETIRED,
          RISK_KNOWN,
          SEVERE_INCIDENT,
          PRACTICE_INCIDENT,
          CAPABILITY_SHOCK,
          AGENDA,
          MITIGATION_AFTER_OUTCRY,
          PRACTICE_ADOPTED,
          PRACTICE_REVISED,
          PRACTICE_DROPPED,
          COMMUNITY_FORMED,
          COMMUNITY_DISSOLVED,
          JOIN,
          LEAVE,
          STANDARD_DRAFTING,
          AUDIT_VIOLATION,
          FIRM_ENTERED,
          FIRM_EXITED,
          ATTACK,
          ATTACK_FORGONE,
          ACTOR_PUNISHED,
          ATTACK_BLOCKED,
          MISUSE_ATTRIBUTED,
          // issue 13 (inst): a codification shows when its rule comes into force (RULE_ADOPTED)
          CODIFICATION,
          COMMUNITY_FORMED_WHERE_LAW_SILENT,
          GUIDELINE_ISSUED,
          RECOGNITION,
          MARKET_ENTRY,
          BACKLASH_DECISION,
          PRACTICE_PARTLY_REVISED,
          ENTRY_DECLINED ->
          null;
    };
  }
}
