package govsim.mechanism.synergy;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;

/**
 * M11, second round (issue 13 items 3, 5 and 7; paper §4.2-§4.4): the hybrid powers that act every
 * step of their own accord, run in the rule-making phase after M2.
 *
 * <ul>
 *   <li><b>Soft signals</b> (§4.4: "建议、指南、最佳实践 ... 软性举措"): a regulator with {@code soft_signals}
 *       issues a guideline on each known risk whose salience in its jurisdiction reaches {@code
 *       guideline_salience_threshold}, once per form of the risk, whether or not a rule is in
 *       force. A guided risk (in any jurisdiction) is put on every community's agenda at once with
 *       its standard-setting lag divided by 1 + s ({@code signal_community_agenda}), and users
 *       notice its incidents with 1 + s times its visibility ({@code signal_users}); firms serving
 *       a guiding jurisdiction expect 1 + s times the outcry on it, and the signalled leading firms
 *       of such a jurisdiction hold 1 + s times their backlash belief on the practice ({@code
 *       signal_backlash}). s is {@code signal_strength}. The effects are written into hook fields
 *       of the risks and firms that M1, M6 and M7 read (1 when no guideline applies).
 *   <li><b>Communities where the law is silent</b> (the two-way path; §4.4: "政府和外部组织承认社区自定规则的权利"):
 *       for each risk on the public agenda of a regulator with {@code law_silence_formation}
 *       (salience at rulemaking.agenda_threshold) that it neither governs nor drafts a rule for and
 *       that no community addresses, a community forms for it at {@code
 *       law_silence_formation_rate_per_year} and starts drafting a standard on it at once.
 *   <li><b>Costs</b>: each regulator pays its powers' yearly cost (counted in cost_regulator), and
 *       every firm serving a jurisdiction with the transparency mandate pays transparency reporting
 *       (a share of its revenue, booked by the firms' accounting).
 * </ul>
 */
public final class HybridPowers implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final SynergyParams p;
  private final Synergy synergy;
  private final double agendaThreshold;

  /**
   * @param agendaThreshold rulemaking.agenda_threshold: the salience at which a risk is on the
   *     public agenda (passed as a value: M2 owns it)
   */
  public HybridPowers(SynergyParams p, Synergy synergy, double agendaThreshold) {
    this.p = p;
    this.synergy = synergy;
    this.agendaThreshold = agendaThreshold;
  }

  /**
   * One step of the powers.
   *
   * @param rng the synergy stream (law-silent formation and its founding draws)
   * @param signalled the firms signals address this step, by firm id ({@link
   *     Synergy#markSignalled})
   * @param standards M7, or null when communities are off (then no community forms)
   */
  public void step(
      World w, MersenneTwisterFast rng, boolean[] signalled, CommunityFounding standards) {
    issueGuidelines(w);
    setRiskHooks(w);
    setFirmHooks(w, signalled);
    if (standards != null) formWhereLawSilent(w, rng, standards);
    payRegulators(w);
  }

  /** Guidelines on salient known risks, once per jurisdiction and form of the risk. */
  void issueGuidelines(World w) {
    for (Risk r : w.risks) {
      if (r.guidedGeneration != r.generation) {
        // A risk that changed form needs a new guideline (like a rule, M1/M2).
        r.guidedMask = 0L;
        r.guidedGeneration = r.generation;
      }
    }
    for (Regulator reg : w.regulators) {
      if (!reg.softSignals) continue;
      long bit = 1L << reg.jurisdiction;
      for (Risk r : w.risks) {
        if (!r.active || !r.known || (r.guidedMask & bit) != 0) continue;
        if (r.salience[reg.jurisdiction] < p.guidelineSalienceThreshold()) continue;
        r.guidedMask |= bit;
        w.log(
            EventKind.GUIDELINE_ISSUED,
            -1,
            -1,
            r.id,
            reg.jurisdiction,
            r.salience[reg.jurisdiction],
            reg.rules.covers(r) ? "a rule is in force" : "no rule in force");
      }
    }
  }

  /** Hook fields of each risk: communities' agenda and lag (M7), users' noticing (M1/M4). */
  void setRiskHooks(World w) {
    double boost = 1.0 + p.signalStrength();
    for (Risk r : w.risks) {
      boolean guided = r.active && r.known && r.guidedMask != 0L;
      r.onGuidedAgenda = guided && p.signalCommunityAgenda();
      r.signalLagFactor = r.onGuidedAgenda ? 1.0 / boost : 1.0;
      r.signalNoticeFactor = guided && p.signalUsers() ? boost : 1.0;
    }
  }

  /** Hook fields of each firm: backlash belief of signalled leaders (M6), reporting cost. */
  void setFirmHooks(World w, boolean[] signalled) {
    long softMask = 0L;
    long transparencyMask = 0L;
    for (Regulator reg : w.regulators) {
      if (reg.softSignals) softMask |= 1L << reg.jurisdiction;
      if (reg.transparency) transparencyMask |= 1L << reg.jurisdiction;
    }
    for (Firm f : w.firms) {
      boolean attention = p.signalBacklash() && signalled[f.id] && (f.servesMask & softMask) != 0L;
      f.backlashSignalFactor = attention ? 1.0 + p.signalStrength() : 1.0;
      f.powerCostPercent =
          p.powersCost() && f.active && (f.servesMask & transparencyMask) != 0L
              ? p.transparencyReportCostPercent()
              : 0.0;
    }
  }

  /** Whether the regulator leaves the risk to others: on the public agenda, no rule, no draft. */
  public boolean lawSilent(Regulator reg, Risk r) {
    return r.active
        && r.known
        && r.salience[reg.jurisdiction] >= agendaThreshold
        && !reg.rules.addresses(r);
  }

  /** Communities forming for known risks that the law leaves ungoverned and nobody addresses. */
  void formWhereLawSilent(World w, MersenneTwisterFast rng, CommunityFounding standards) {
    double prob = Draws.stepProbabilityPerYear(p.lawSilenceFormationRatePerYear(), w.dtDays);
    if (prob <= 0) return;
    for (Regulator reg : w.regulators) {
      if (!reg.lawSilenceFormation) continue;
      for (int k = 0; k < w.risks.size(); k++) {
        Risk r = w.risks.get(k);
        if (!lawSilent(reg, r) || addressedByACommunity(w, r, standards)) continue;
        if (rng.nextDouble() >= prob) continue;
        Community c = standards.foundForRisk(w, rng, r);
        w.log(
            EventKind.COMMUNITY_FORMED_WHERE_LAW_SILENT,
            -1,
            c.id,
            r.id,
            reg.jurisdiction,
            r.salience[reg.jurisdiction],
            "members " + c.size());
      }
    }
  }

  private static boolean addressedByACommunity(World w, Risk r, CommunityFounding standards) {
    for (Community c : w.communities) {
      if (c.active && standards.addressesCurrentFormOf(c, r)) return true;
    }
    return false;
  }

  /** Each regulator's powers' cost for this step, into cost_regulator. */
  void payRegulators(World w) {
    for (Regulator reg : w.regulators) {
      double cost = synergy.regulatorPowerCostPerYear(reg) * w.dtDays / Draws.DAYS_PER_YEAR;
      w.tally.costRegulator += cost;
      w.tally.costPowersRegulator += cost;
    }
  }
}
