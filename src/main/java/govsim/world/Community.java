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
  public final double stringency;
  public final double assurance;
  public final double formedDay;

  /** Bit j set: jurisdiction j recognises this community's certificate (M10). */
  public final long recognizedMask;

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
