package govsim.mechanism.rulemaking;

import govsim.mechanism.risk.RuleTargeting;
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
 */
public final class CentralRuleMaking implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final RuleMakingParams p;

  /** Rules written for the believed hazard, entrenchment cost (issue 13; null: neither). */
  private final RuleTargeting targeting;

  public CentralRuleMaking(RuleMakingParams p) {
    this(p, null);
  }

  public CentralRuleMaking(RuleMakingParams p, RuleTargeting targeting) {
    this.p = p;
    this.targeting = targeting;
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
              current ? "in force" : "obsolete on arrival: the risk changed form during drafting");
        }
        if (entersAgenda(reg, r)) {
          double due = end + p.legislativeLagDays();
          reg.rules.startPending(
              targeting == null
                  ? new Rule(r.id, r.generation, end, due, p.ruleStringency())
                  : targeting.regulatorRule(r, reg.jurisdiction, end, due, p.ruleStringency()));
          w.log(
              EventKind.AGENDA,
              -1,
              -1,
              r.id,
              reg.jurisdiction,
              r.salience[reg.jurisdiction],
              "legislative cycle starts");
        }
        if (reg.rules.pending(r.id) != null) drafting++;
      }
      w.tally.costRegulator += drafting * p.draftingCostPerRuleYear() * dt / 365.0;
    }
  }
}
