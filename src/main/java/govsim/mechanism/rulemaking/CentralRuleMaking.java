package govsim.mechanism.rulemaking;

import govsim.mechanism.risk.RuleTargeting;
import govsim.mechanism.synergy.SynergyParams;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;

/**
 * M2 — centralized rule-making (MODEL.md §4 M2; paper §1.2).
 *
 * <p>Public salience of a risk grows with its incidents (severity x visibility) and fades with a
 * half-life. A known risk enters the political agenda once its salience crosses the agenda
 * threshold; a uniform rule then takes the legislative lag (about 40 months for the EU AI Act) to
 * come into force. The rule is written for the risk's form at the time it entered the agenda: if a
 * capability shock changes the risk meanwhile, the rule is obsolete on arrival, and only then does
 * the legislature start a new cycle for the new form (the legislature finishes a cycle it has
 * begun; the EU AI Act was adopted in 2024 although ChatGPT had overtaken it).
 *
 * <p>Codification by reference (issue 13.3, a hybrid power of M11): a regulator holding it adopts a
 * mature community standard as its rule, as harmonised standards give a presumption of conformity
 * under the EU AI Act (Art. 40). A standard is mature when it has been in force on the risk's
 * current form for at least synergy.codification_min_standard_age_days and its community holds at
 * least synergy.codification_min_member_share of the active firms; of several, the one whose
 * community holds most firms (the lower id among equals). The regulator codifies on a risk on its
 * agenda (a legislative cycle for the current form is under way) when the cited rule would come
 * into force sooner than its own, and, with synergy.codification_all_salient_risks, on any risk on
 * the public agenda (salience at the agenda threshold) that it has no rule for, whatever
 * min_severity says. The codified rule has the standard's stringency, replaces the draft and comes
 * into force synergy.codification_lag_days later. Codification is paid as a power (M11), not as
 * drafting.
 */
public final class CentralRuleMaking implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final RuleMakingParams p;

  /** Rules written for the believed hazard, entrenchment cost (issue 13; null: neither). */
  private final RuleTargeting targeting;

  /** M11's codification keys; null: codification is off whatever the regulators hold. */
  private final SynergyParams codify;

  public CentralRuleMaking(RuleMakingParams p) {
    this(p, null, null);
  }

  public CentralRuleMaking(RuleMakingParams p, RuleTargeting targeting) {
    this(p, targeting, null);
  }

  /**
   * @param targeting rules written for the believed hazard and entrenchment (null: neither)
   * @param codify M11's codification keys (null: no codification whatever the regulators hold)
   */
  public CentralRuleMaking(RuleMakingParams p, RuleTargeting targeting, SynergyParams codify) {
    this.p = p;
    this.targeting = targeting;
    this.codify = codify;
  }

  /**
   * The jurisdiction's own legislative lag (cross_border.legislative_lag_days, issue 13 item 6), or
   * rulemaking's uniform one where the regulator has none.
   */
  public double lagDays(Regulator reg) {
    return Double.isNaN(reg.legislativeLagDays) ? p.legislativeLagDays() : reg.legislativeLagDays;
  }

  /** The jurisdiction's own rule stringency, or rulemaking's uniform one. */
  public double stringency(Regulator reg) {
    return Double.isNaN(reg.ruleStringency) ? p.ruleStringency() : reg.ruleStringency;
  }

  /** Salience after one step of decay. */
  public double decayed(double salience, double dtDays) {
    return salience * Math.pow(0.5, dtDays / p.salienceHalfLifeDays());
  }

  /** Whether a risk goes on the agenda of this regulator now. */
  public boolean entersAgenda(Regulator reg, Risk r) {
    return r.active
        && r.known
        && r.severity >= p.minSeverity()
        && r.severity >= reg.minSeverity
        && r.salience[reg.jurisdiction] >= p.agendaThreshold()
        && reg.rules.pending(r.id) == null
        && !reg.rules.covers(r);
  }

  public void step(World w) {
    double dt = w.dtDays;
    for (Risk r : w.risks) {
      for (int j = 0; j < w.jurisdictions; j++) r.salience[j] = decayed(r.salience[j], dt);
    }
    double end = w.endOfStep();
    for (Regulator reg : w.regulators) {
      if (!reg.rulemaking) continue;
      int drafting = 0;
      for (Risk r : w.risks) {
        Rule adopted = reg.rules.promoteIfDue(r.id, end);
        if (adopted != null) {
          boolean current = adopted.covers(r);
          // The rule's own day, not the end of the step that promotes it (sub-step time kept).
          if (targeting != null) targeting.inForce(w, r, adopted, false);
          if (current && Double.isNaN(r.firstRegulatorRuleDay))
            r.firstRegulatorRuleDay = adopted.effectiveDay;
          w.log(
              EventKind.RULE_ADOPTED,
              -1,
              -1,
              r.id,
              reg.jurisdiction,
              end - adopted.startedDay,
              !current
                  ? "obsolete on arrival: the risk changed form during drafting"
                  : adopted.codifiedFrom >= 0
                      ? "in force: codified by reference from community " + adopted.codifiedFrom
                      : "in force");
        }
        if (entersAgenda(reg, r)) {
          double due = end + lagDays(reg);
          reg.rules.startPending(
              // The jurisdiction's own lag and stringency (cross_border lists, issue 13 item 6).
              targeting == null
                  ? new Rule(r.id, r.generation, end, due, stringency(reg))
                  : targeting.regulatorRule(r, reg.jurisdiction, end, due, stringency(reg)));
          w.log(
              EventKind.AGENDA,
              -1,
              -1,
              r.id,
              reg.jurisdiction,
              r.salience[reg.jurisdiction],
              "legislative cycle starts");
        }
        if (codify != null && reg.codification) codify(w, reg, r, end);
        Rule draft = reg.rules.pending(r.id);
        if (draft != null && draft.codifiedFrom < 0) drafting++;
      }
      w.tally.costRegulator += drafting * p.draftingCostPerRuleYear() * dt / 365.0;
    }
  }

  /**
   * The community whose standard on the risk's current form is mature at {@code day} (see the class
   * comment), or null if none is.
   */
  public Community matureStandard(World w, Risk r, double day) {
    int firms = w.activeFirmCount();
    if (firms == 0) return null;
    Community best = null;
    for (Community c : w.communities) {
      if (!c.active) continue;
      Rule std = c.standards.inForce(r.id);
      if (std == null || !std.covers(r)) continue;
      if (day - std.effectiveDay < codify.codificationMinStandardAgeDays() - 1e-9) continue;
      double share = c.size() / (double) firms;
      if (share < codify.codificationMinMemberShare() - 1e-12) continue;
      if (best == null || c.size() > best.size()) best = c;
    }
    return best;
  }

  /** Codifies a mature standard on the risk if the conditions of the class comment hold. */
  void codify(World w, Regulator reg, Risk r, double end) {
    if (!r.active || !r.known || reg.rules.covers(r)) return;
    Rule draft = reg.rules.pending(r.id);
    if (draft != null && draft.generation != r.generation) return; // an old cycle runs to its end
    if (draft != null && draft.codifiedFrom >= 0) return;
    double inForce = end + codify.codificationLagDays();
    if (draft != null) {
      if (draft.effectiveDay <= inForce + 1e-9) return; // its own rule comes no later
    } else if (!codify.codificationAllSalientRisks()
        || r.salience[reg.jurisdiction] < p.agendaThreshold()) {
      return;
    }
    Community c = matureStandard(w, r, end);
    if (c == null) return;
    Rule std = c.standards.inForce(r.id);
    Rule rule = new Rule(r.id, r.generation, end, inForce, std.stringency);
    rule.codifiedFrom = c.id;
    reg.rules.startPending(rule);
    w.log(
        EventKind.CODIFICATION,
        -1,
        c.id,
        r.id,
        reg.jurisdiction,
        codify.codificationLagDays(),
        String.format(
            java.util.Locale.ROOT,
            "standard in force %.0f days, community holds %.3f of active firms",
            end - std.effectiveDay,
            c.size() / (double) w.activeFirmCount()));
  }
}
