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

  public Regulator(int jurisdiction) {
    this.jurisdiction = jurisdiction;
  }
}
