package govsim.world;

/**
 * A class of harm that AI systems can cause (M1): its severity, visibility, hazard and whether it
 * is known. A capability shock can change its form (generation), after which rules written for the
 * old form no longer cover it.
 */
public final class Risk implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

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

  // ---- issue 13 items 1-2 (know): beliefs about the hazard, targeting and entrenchment -------

  /** The lognormal multiplier the hazard was drawn with (1 without heterogeneity). */
  public double hazardMultiplier = 1.0;

  /**
   * Gamma prior on {@link #hazardPerDay}: shape (pseudo-incidents) and rate (pseudo firm-days of
   * unmitigated exposure); NaN when no one holds beliefs (risks.beliefs: none).
   */
  public double priorShape = Double.NaN;

  public double priorRate = Double.NaN;

  /**
   * Incidents each firm observed at itself and its exposure (unmitigated-equivalent firm-days: days
   * times its hazard factor), by firm id; grown as firms appear, null without beliefs.
   */
  public double[] firmIncidents;

  public double[] firmExposure;

  /** The same, as seen by each jurisdiction's regulator (weighted by the reported share). */
  public double[] regulatorIncidents;

  public double[] regulatorExposure;

  /**
   * Stringency error (written minus informed: positive too strict, negative too loose) of the first
   * effective rule of each source, NaN while none.
   */
  public double firstCommunityStrictnessError = Double.NaN;

  public double firstRegulatorStrictnessError = Double.NaN;

  /** Entrenchment cost factor of the first effective rule of each source, NaN while none. */
  public double firstCommunityCostFactor = Double.NaN;

  public double firstRegulatorCostFactor = Double.NaN;

  /** Firms' compliance cost borne under rules on this risk so far (currency units). */
  public double controlCost;

  /** Days on which some rule in force covered the risk's current form. */
  public double governedDays;

  // inst (issue 13.7): soft signals, set by mechanism/synergy/HybridPowers each step
  /** Bit j: jurisdiction j has issued a guideline on the risk's form {@link #guidedGeneration}. */
  public long guidedMask;

  public int guidedGeneration = -1;

  /** Guided: communities put the risk on their agenda at once (M7). */
  public boolean onGuidedAgenda;

  /** Multiplier on a community's standard-setting lag on this risk (1: no guideline). */
  public double signalLagFactor = 1.0;

  /** Multiplier on the visibility of the risk's incidents to users (1: no guideline). */
  public double signalNoticeFactor = 1.0;

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
