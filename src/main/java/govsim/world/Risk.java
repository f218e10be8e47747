package govsim.world;

/**
 * A class of harm that AI systems can cause (M1): its severity, visibility, hazard and whether it
 * is known. A capability shock can change its form (generation), after which rules written for the
 * old form no longer cover it.
 */
public final class Risk {
  public final int id;
  public final double emergedDay;
  public final double severity;
  public final double visibility;

  /** Incidents per day at a firm that does not mitigate the risk. */
  public final double hazardPerDay;

  public final boolean knightian;

  /**
   * Present at the start of the run (not a novel risk): excluded from governance-gap statistics.
   */
  public boolean initial;

  public boolean known;
  public boolean active = true;
  public final double retireDay;

  /** Technology generation of the risk's current form. */
  public int generation;

  /** Day the first effective rule of each source covered the risk (NaN while none has). */
  public double firstCommunityRuleDay = Double.NaN;

  public double firstRegulatorRuleDay = Double.NaN;

  /**
   * Day the rules in force on the risk's current form first bound at least the effective share of
   * exposed users (metrics.effective_rule_user_share), NaN while they have not: the end of the
   * governance gap (issue 11 item 3).
   */
  public double effectiveRuleDay = Double.NaN;

  /** Public salience in each jurisdiction (M2 agenda setting). */
  public final double[] salience;

  public Risk(
      int id,
      double emergedDay,
      double severity,
      double visibility,
      double hazardPerDay,
      boolean knightian,
      double retireDay,
      int generation,
      int jurisdictions) {
    this.id = id;
    this.emergedDay = emergedDay;
    this.severity = severity;
    this.visibility = visibility;
    this.hazardPerDay = hazardPerDay;
    this.knightian = knightian;
    this.known = !knightian;
    this.retireDay = retireDay;
    this.generation = generation;
    this.salience = new double[jurisdictions];
  }

  /** Day of the first effective rule from either source, NaN if none yet. */
  public double firstRuleDay() {
    if (Double.isNaN(firstCommunityRuleDay)) return firstRegulatorRuleDay;
    if (Double.isNaN(firstRegulatorRuleDay)) return firstCommunityRuleDay;
    return Math.min(firstCommunityRuleDay, firstRegulatorRuleDay);
  }
}
