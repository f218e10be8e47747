package govsim.world;

/**
 * Public power in one jurisdiction (MODEL.md §3 Regulators): its rules (M2), its enforcement
 * switches (M3) and the hybrid powers it holds (M11). Powers can be switched on by a scheduled
 * enact_mandate event, so they are state, not parameters.
 */
public final class Regulator implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public final int jurisdiction;
  public final RuleBook rules = new RuleBook();
  public boolean rulemaking;
  public boolean enforcement;
  public boolean transparency;
  public boolean recognizeCertification;
  public boolean signals;
  public boolean backstop;
  public boolean protectVulnerable;

  // inst (issue 13.3, 13.5, 13.7)
  public boolean codification;
  public boolean lawSilenceFormation;
  public boolean softSignals;

  /** Routine inspections per year its budget allows this step (NaN while it does not enforce). */
  public double inspectionCapacityPerYear = Double.NaN;

  // comm (issue 13 item 6): this jurisdiction's rule content (M2, M10), from cross_border's
  // per-jurisdiction lists or rulemaking's uniform values; NaN (a hand-built world): the
  // rule-maker's uniform value.
  /** Stringency of this jurisdiction's rules (share of hazard removed by complying). */
  public double ruleStringency = Double.NaN;

  /** Legislative lag from agenda to a rule in force (days). */
  public double legislativeLagDays = Double.NaN;

  /** This jurisdiction regulates only risks at least this severe (harm per affected user). */
  public double minSeverity;

  public Regulator(int jurisdiction) {
    this.jurisdiction = jurisdiction;
  }
}
