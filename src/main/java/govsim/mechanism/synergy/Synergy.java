package govsim.mechanism.synergy;

import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;
import java.util.Arrays;
import java.util.Locale;

/**
 * M11 — hybrid synergy (MODEL.md §4 M11; paper §4.2-§4.4): the powers by which public authority
 * makes distributed governance work rather than replacing it. Each power is a switch on a
 * jurisdiction's regulator (set by the regime preset or enacted by a scheduled event); this class
 * says what each switch changes, and every other mechanism asks it.
 */
public final class Synergy implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

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
    reg.codification = p.codification();
    reg.lawSilenceFormation = p.lawSilenceFormation();
    reg.softSignals = p.softSignals();
  }

  /**
   * A regulator enacts a power from this day (a scheduled enact_mandate event): in every
   * jurisdiction, or only in {@code jurisdiction} when it is not -1. Enacting rule-making also
   * switches on enforcement, since a rule nobody enforces would bind nobody (M2, M3).
   */
  public static void enact(World w, Mandate mandate, int jurisdiction) {
    for (Regulator reg : w.regulators) {
      if (jurisdiction >= 0 && reg.jurisdiction != jurisdiction) continue;
      switch (mandate) {
        case TRANSPARENCY -> reg.transparency = true;
        case RECOGNIZE_CERTIFICATION -> reg.recognizeCertification = true;
        case SIGNALS -> reg.signals = true;
        case BACKSTOP -> reg.backstop = true;
        case PROTECT_VULNERABLE -> reg.protectVulnerable = true;
        case RULEMAKING -> {
          reg.rulemaking = true;
          reg.enforcement = true;
        }
        case CODIFICATION -> reg.codification = true;
        case LAW_SILENCE_FORMATION -> reg.lawSilenceFormation = true;
        case SOFT_SIGNALS -> reg.softSignals = true;
      }
      w.log(
          EventKind.MANDATE_ENACTED,
          -1,
          -1,
          -1,
          reg.jurisdiction,
          0,
          mandate.name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Signal targeting: marks the {@code signal_top_firms} active firms with most users (ties go to
   * the lower id) in {@code signalled} (indexed by firm id) and clears every other entry. Public
   * attention falls on the leading firms whether or not a jurisdiction uses signals; whether a mark
   * matters is decided by each regulator's switch ({@link #perceivedSanctionMultiplier}, {@link
   * #inspectionWeight}).
   */
  public void markSignalled(World w, boolean[] signalled) {
    Arrays.fill(signalled, false);
    int top = p.signalTopFirms();
    if (top <= 0) return;
    // The top active firms by users (the lowest id among equals), picked one by one: the same
    // firms as sorting them all, without a list and a sort every step.
    for (int k = 0; k < top; k++) {
      Firm best = null;
      for (Firm f : w.firms) {
        if (!f.active || signalled[f.id]) continue;
        if (best == null || f.users > best.users || (f.users == best.users && f.id < best.id)) {
          best = f;
        }
      }
      if (best == null) return;
      signalled[best.id] = true;
    }
  }

  /**
   * Information capability, per jurisdiction, of users whose own capability is {@code base}
   * (ordinary or information-weak users, M4), after each jurisdiction's transparency mandate and
   * protection of vulnerable users; written into {@code out} (one entry per jurisdiction).
   */
  public void noticeCapabilities(World w, double base, boolean weak, double[] out) {
    for (Regulator reg : w.regulators) out[reg.jurisdiction] = noticeCapability(reg, base, weak);
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

  /** Chance a malicious attack in this jurisdiction is traced and punished. */
  public double maliciousDetection(Regulator reg, double ordinaryDetection) {
    if (reg.backstop) return Math.max(ordinaryDetection, p.backstopDetectionProbability());
    return reg.enforcement ? ordinaryDetection : 0.0;
  }

  /** Penalty multiplier for malicious use and severe harm under the backstop. */
  public double penaltyMultiplier(Regulator reg) {
    return reg.backstop ? p.backstopPenaltyMultiplier() : 1.0;
  }

  // ---- issue 13.5 and 13.7 (inst) -------------------------------------------------------------

  /**
   * Yearly cost to the regulator of the hybrid powers it holds (synergy.cost_*_per_year), 0 when
   * synergy.powers_cost is off. Rule-making and enforcement are not hybrid powers: drafting and
   * inspections have costs of their own.
   */
  public double regulatorPowerCostPerYear(Regulator reg) {
    if (!p.powersCost()) return 0.0;
    double c = 0.0;
    if (reg.transparency) c += p.costTransparencyPerYear();
    if (reg.recognizeCertification) c += p.costRecognitionPerYear();
    if (reg.signals) c += p.costSignalsPerYear();
    if (reg.backstop) c += p.costBackstopPerYear();
    if (reg.protectVulnerable) c += p.costProtectionPerYear();
    if (reg.codification) c += p.costCodificationPerYear();
    if (reg.lawSilenceFormation) c += p.costLawSilencePerYear();
    if (reg.softSignals) c += p.costSoftSignalsPerYear();
    return c;
  }

  /**
   * Multiplier on the outcry a firm expects from incidents of a risk (M6): 1 + signal_strength if a
   * jurisdiction it serves has issued a guideline on the risk's current form and guidelines move
   * backlash beliefs (synergy.signal_backlash), else 1.
   */
  public double riskBacklashMultiplier(Firm f, Risk r) {
    if (!p.signalBacklash() || r.guidedGeneration != r.generation) return 1.0;
    return (r.guidedMask & f.servesMask) != 0 ? 1.0 + p.signalStrength() : 1.0;
  }
}
