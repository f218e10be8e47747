package govsim.mechanism.synergy;

import govsim.world.Regulator;

/**
 * M11 — hybrid synergy (MODEL.md §4 M11; paper §4.2-§4.4): the powers by which public authority
 * makes distributed governance work rather than replacing it. Each power is a switch on a
 * jurisdiction's regulator (set by the regime preset or enacted by a scheduled event); this
 * class says what each switch changes, and every other mechanism asks it.
 */
public final class Synergy {
  private final SynergyParams p;

  public Synergy(SynergyParams p) {
    this.p = p;
  }

  /** Switches on the powers the scenario grants from the start. */
  public void grantInitialPowers(Regulator reg) {
    reg.transparency = p.transparencyMandate();
    reg.recognizeCertification = p.recognizeCertification();
    reg.signals = p.signals();
    reg.backstop = p.backstop();
    reg.protectVulnerable = p.protectVulnerable();
  }

  /** Information capability of users in the regulator's jurisdiction (transparency, protection). */
  public double noticeCapability(Regulator reg, double baseCapability, boolean weak) {
    double cap = baseCapability;
    if (weak && reg.protectVulnerable) cap = Math.max(cap, p.protectedCapability());
    if (reg.transparency) cap *= 1.0 + p.transparencyNoticeBoost();
    return Math.min(1.0, cap);
  }

  /** An audit's detection probability under the transparency mandate. */
  public double auditDetection(double assurance, boolean transparency) {
    return Math.min(1.0, transparency ? assurance * (1.0 + p.transparencyAuditBoost()) : assurance);
  }

  /** Relative chance that a firm is picked for inspection. */
  public double inspectionWeight(Regulator reg, boolean certifiedRecognized, boolean signalled) {
    double weight = 1.0;
    if (reg.recognizeCertification && certifiedRecognized) weight *= p.certifiedInspectionFactor();
    if (reg.signals && signalled) weight *= 1.0 + p.signalBoost();
    return weight;
  }

  /** How much more a signalled leading firm fears sanctions. */
  public double perceivedSanctionMultiplier(Regulator reg, boolean signalled) {
    return reg.signals && signalled ? 1.0 + p.signalBoost() : 1.0;
  }

  public int signalTopFirms() {
    return p.signalTopFirms();
  }

  /** Chance a malicious attack in this jurisdiction is traced and punished. */
  public double maliciousDetection(Regulator reg, double ordinaryDetection) {
    if (reg.backstop) return Math.max(ordinaryDetection, p.backstopDetectionProbability());
    return reg.enforcement ? ordinaryDetection : 0.0;
  }

  /** Penalty multiplier for malicious use and severe harm under the backstop. */
  public double penaltyMultiplier(Regulator reg) {
    return reg.backstop ? p.backstopPenaltyMultiplier() : 1.0;
  }
}
