package govsim.world;

/**
 * A rule on one risk, made by a regulator (M2) or a community (M7): when work on it started, when
 * it takes effect, and the form (generation) of the risk it was written for.
 */
public final class Rule implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public final int riskId;
  public final int generation;
  public final double startedDay;
  public final double effectiveDay;
  public final double stringency;
  public boolean effective;

  // ---- issue 13 items 1-2 (know) ----

  /**
   * Stringency written minus the stringency the rule-maker would have written knowing the true
   * hazard (positive: too strict; 0 without beliefs or targeting).
   */
  public double strictnessError;

  /**
   * Entrenchment factor on the compliance cost of this rule, fixed when it came into force (1:
   * none).
   */
  public double costFactor = 1.0;

  /** inst (issue 13.3): the community whose standard a regulator's rule cites (-1: its own). */
  public int codifiedFrom = -1;

  public Rule(
      int riskId, int generation, double startedDay, double effectiveDay, double stringency) {
    this.riskId = riskId;
    this.generation = generation;
    this.startedDay = startedDay;
    this.effectiveDay = effectiveDay;
    this.stringency = stringency;
  }

  /** Whether the rule is in force and written for the risk's current form. */
  public boolean covers(Risk risk) {
    return effective && generation == risk.generation;
  }
}
