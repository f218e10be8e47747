package govsim.world;

import java.util.Locale;

/**
 * The vocabulary of the event log (MODEL.md §7): every kind of event a mechanism can log, with what
 * it means and what its value column holds. The {@code type} column of events.csv is {@link #id()};
 * the GUI's event log and flashes, and the table in docs/ODD.md §7.3, are read from here. A new
 * kind of event is one constant here (the compiler then asks the GUI whether it flashes).
 */
public enum EventKind {
  // M1 technology and risk emergence
  RISK_EMERGED(
      "M1",
      "A risk emerged, the initial risks of day 0 included (detail: knightian or known).",
      "severity"),
  RISK_RETIRED("M1", "A risk retired: it causes no more incidents.", ""),
  RISK_KNOWN("M1", "The first incident of a Knightian risk made it known to everyone.", "severity"),
  SEVERE_INCIDENT(
      "M1",
      "An incident of a risk at or above risks.severe_threshold harmed a firm's users.",
      "harm"),
  PRACTICE_INCIDENT("M1", "The harmful practice made news that users can notice.", "visibility"),
  CAPABILITY_SHOCK(
      "M1",
      "A capability shock: the technology generation advanced (detail: risks changed form, new risks).",
      "generation"),
  // M2 centralized rule-making
  AGENDA("M2", "A risk entered a regulator's agenda: a legislative cycle starts.", "salience"),
  RULE_ADOPTED(
      "M2",
      "A regulator's rule came into force (detail: in force, or obsolete on arrival).",
      "days in drafting"),
  // M3 centralized enforcement
  SANCTION(
      "M3",
      "A regulator fined a firm for a violated rule (detail: inspection or investigation).",
      "fine"),
  REVOCATION(
      "M3", "A regulator revoked a firm's license in its jurisdiction after severe harm.", ""),
  // M5 reputation and backlash
  OUTCRY(
      "M5",
      "A firm's complaints in one step made a public outcry (detail: practice or incidents).",
      "complaints"),
  MITIGATION_AFTER_OUTCRY(
      "M5", "After an outcry, a firm mitigates a risk whose incidents caused it.", ""),
  PRACTICE_ADOPTED("M5", "A firm adopted the user-visible harmful practice (detail: why).", ""),
  PRACTICE_REVISED(
      "M5", "A firm revised the harmful practice after an outcry.", "days after first outcry"),
  PRACTICE_DROPPED(
      "M5",
      "A firm dropped the harmful practice before any outcry forced it to (detail: why).",
      ""),
  // M7 compliance communities and standards
  COMMUNITY_FORMED(
      "M7", "A compliance community formed (detail: its assurance level).", "stringency"),
  COMMUNITY_DISSOLVED("M7", "A community fell below communities.min_members and dissolved.", ""),
  JOIN("M7", "A firm joined a community.", ""),
  LEAVE(
      "M7", "A firm left a community (detail: why, e.g. expelled, not worth it, firm exited).", ""),
  STANDARD_DRAFTING(
      "M7", "A community started drafting a standard on a risk (detail: its size).", "lag days"),
  STANDARD_ADOPTED(
      "M7",
      "A community's standard came into force (detail: in force, or obsolete on arrival).",
      "days in drafting"),
  // M8 technical assurance
  AUDIT_VIOLATION(
      "M8", "A community audit detected a member's violated standard.", "detection probability"),
  EXPULSION("M8", "A community expelled a violator and publicised it.", "reputation loss"),
  // M9 competition and contestability
  FIRM_ENTERED("M9", "A new firm entered the market.", "capability"),
  FIRM_EXITED("M9", "A firm exited (detail: too few users, or lost every license).", "users"),
  // M11 hybrid synergy
  MANDATE_ENACTED("M11", "A regulator enacted a hybrid power (detail: which).", ""),
  // M12 malicious actors
  ATTACK("M12", "A malicious actor attacked (detail: which actor, the gain it weighed).", "harm"),
  ATTACK_FORGONE(
      "M12",
      "A malicious actor let an attack opportunity pass (detail: which actor, the gain it weighed,"
          + " and deterred or incapacitated after punishment).",
      "harm the attack would have done"),
  ACTOR_PUNISHED(
      "M12", "A malicious attack was traced and its actor punished and incapacitated.", "penalty"),
  // misuse (issue 12 item 5)
  ATTACK_BLOCKED(
      "M12",
      "The safeguards of the provider whose model an attack used stopped it (firm: the provider).",
      "harm the attack would have done"),
  MISUSE_ATTRIBUTED(
      "M12",
      "A successful attack was publicly traced to the provider whose model it used.",
      "reputation loss"),
  // issue 13.3 and 13.7 (inst): M11, second round
  CODIFICATION(
      "M11",
      "A regulator began adopting a mature community standard on a risk by reference (detail: the"
          + " community, the standard's age and the community's share of active firms).",
      "days until the rule is in force"),
  COMMUNITY_FORMED_WHERE_LAW_SILENT(
      "M11",
      "A community formed for a known risk on the public agenda that the law leaves ungoverned,"
          + " and started drafting a standard on it (detail: its founders).",
      "salience"),
  GUIDELINE_ISSUED(
      "M11",
      "A regulator issued a guideline on a salient risk, a soft signal (detail: whether a rule is"
          + " in force).",
      "salience"),
  // issue 13 item 6 (comm)
  RECOGNITION(
      "M10",
      "A regulator reviewed a community's certificate (detail: recognised, rejected and why, or"
          + " withdrawn: not equivalent).",
      "benefit weighed (currency), or the community's stringency when withdrawn"),
  MARKET_ENTRY(
      "M10", "A firm entered a jurisdiction (started serving its users).", "entry cost paid"),
  // issue 12.1 (resp): the backlash response as a decision
  BACKLASH_DECISION(
      "M5",
      "A firm decided how to answer backlash over its practice (detail: revise fully, revise"
          + " partly, wait or hold).",
      "net value of keeping the practice, % of annual revenue per year"),
  PRACTICE_PARTLY_REVISED(
      "M5",
      "A firm revised its harmful practice in part (its intensity fell by"
          + " reputation.partial_revision_share).",
      "intensity left"),
  // issue 12.4 (race): contestability that can fail
  ENTRY_DECLINED(
      "M9",
      "A would-be entrant stayed out: its expected revenue over competition.entry_horizon_years did"
          + " not cover the entry cost (a logit decision).",
      "capability it could have bought");

  private final String mechanism;
  private final String description;
  private final String valueMeaning;

  EventKind(String mechanism, String description, String valueMeaning) {
    this.mechanism = mechanism;
    this.description = description;
    this.valueMeaning = valueMeaning;
  }

  /** The spelling in events.csv and the docs: the constant's name in lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mechanism (MODEL.md §4 id) that logs it. */
  public String mechanism() {
    return mechanism;
  }

  /** One sentence: what happened. */
  public String description() {
    return description;
  }

  /** What the event's value column holds; empty when it is always 0. */
  public String valueMeaning() {
    return valueMeaning;
  }

  /** The kind with the given id, or null if there is none (reading an events.csv). */
  public static EventKind byId(String id) {
    for (EventKind k : values()) if (k.id().equals(id)) return k;
    return null;
  }

  /** The Markdown table of every kind (docs/ODD.md §7.3). */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder();
    sb.append("| type | mechanism | what happened | value |\n|---|---|---|---|\n");
    for (EventKind k : values()) {
      sb.append("| `")
          .append(k.id())
          .append("` | ")
          .append(k.mechanism)
          .append(" | ")
          .append(k.description)
          .append(" | ")
          .append(k.valueMeaning)
          .append(" |\n");
    }
    return sb.toString();
  }
}
