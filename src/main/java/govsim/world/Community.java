package govsim.world;

import java.util.BitSet;

/**
 * A technical or compliance community (MODEL.md §3): standards body, evaluation alliance or
 * certification scheme. Members share its rules; entry and exit are free (M7, M8).
 */
public final class Community implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public final int id;
  public boolean active = true;

  /**
   * Stringency of the standards the community writes now: drawn at formation, then, under the
   * consensus rule, the members' collective choice (issue 13 item 4, comm).
   */
  public double stringency;

  public final double assurance;
  public final double formedDay;

  /**
   * Bit j set: jurisdiction j recognises this community's certificate (M10): drawn at formation
   * (legacy) or decided by each regulator (issue 13 item 6, comm).
   */
  public long recognizedMask;

  // comm (issue 13 item 4)
  /**
   * Id of the first founder, whom the others resemble under the similar founder rule (-1: none).
   */
  public int founder = -1;

  /** Formed by decree (a form_community event): its stringency is the decree's, not chosen. */
  public boolean decreed;

  /**
   * Per risk id: the community's chosen stringency its newest standard on the risk was drafted for
   * (before any writing for a believed hazard; NaN or absent: not recorded, e.g. day 0).
   */
  public double[] draftedFor = new double[0];

  /** Records the chosen stringency a standard on the risk is drafted for. */
  public void draftedFor(int riskId, double stringency) {
    if (riskId >= draftedFor.length) {
      int old = draftedFor.length;
      draftedFor = java.util.Arrays.copyOf(draftedFor, Math.max(riskId + 1, 2 * old));
      java.util.Arrays.fill(draftedFor, old, draftedFor.length, Double.NaN);
    }
    draftedFor[riskId] = stringency;
  }

  public final BitSet members = new BitSet();
  public final RuleBook standards = new RuleBook();

  /** Per risk id: whether the community has started to work on it (for discovery). */
  public final BitSet watching = new BitSet();

  public Community(
      int id, double stringency, double assurance, double formedDay, long recognizedMask) {
    this.id = id;
    this.stringency = stringency;
    this.assurance = assurance;
    this.formedDay = formedDay;
    this.recognizedMask = recognizedMask;
  }

  public int size() {
    return members.cardinality();
  }

  public boolean recognizedBy(int jurisdiction) {
    return (recognizedMask & (1L << jurisdiction)) != 0;
  }
}
