package govsim.model;

/**
 * The process order within one step (the ODD's "process overview and scheduling"). Each phase is
 * scheduled on MASON's Schedule with its ordinal as the ordering, so lower phases run first.
 * Observers that the experiment layer attaches run at {@link #OBSERVE}, after every mechanism and
 * before the clock advances, so they see the finished step with its own step index.
 */
public enum Phase {
  /**
   * Scheduled scenario events due at the start of this step; M11 marks the firms signals address.
   */
  EVENTS,
  /** M1: novel risks arrive, old ones retire, firms release models. */
  EMERGENCE,
  /** M6 (+M7 entry/exit): firms review compliance, practice and memberships. */
  FIRM_DECISIONS,
  /** M7: communities discover risks, set standards; communities form and dissolve. */
  STANDARDS,
  /** M2: salience fades, risks enter the agenda, rules come into force. */
  RULEMAKING,
  /** M1: incidents happen and do harm; the harmful practice harms and makes news. */
  INCIDENTS,
  /** M12: malicious actors attack or are deterred. */
  MALICIOUS,
  /** M4: users notice, complain, reconsider and switch. */
  USERS,
  /** M5: outcries, reputation, practice revisions. */
  BACKLASH,
  /** M8: community audits and expulsions. */
  AUDITS,
  /** M3: inspections, investigations, sanctions, revocations. */
  ENFORCEMENT,
  /** M9: entry and exit. */
  COMPETITION,
  /**
   * Books of the step: revenue, compliance costs (M10), fees, fines; and the record of the day each
   * risk's rules first bind the effective share of exposed users (the governance gap's end).
   */
  ACCOUNTING,
  /** Reserved for observers attached by the experiment layer or the GUI (not model code). */
  OBSERVE,
  /** The clock advances; the step is complete. */
  CLOCK;

  /**
   * MASON ordering of the phase: ten apart, so that an instrument (a benchmark's timer) can be
   * scheduled just before or after a phase without touching the model.
   */
  public int ordering() {
    return ordinal() * 10;
  }
}
