package govsim.mechanism.risk;

import govsim.mechanism.Draws;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;

/**
 * Rules and standards written for the believed hazard, and what entrenchment adds to their cost
 * (issue 13 items 1-2; M2, M7; paper §1.2, the Collingridge dilemma).
 *
 * <p><b>Targeting.</b> A rule-maker writes a rule on a risk for the hazard {@code b} it believes
 * the risk has: stringency {@code s(b) = min(1, s0 (b / h_typ)^e)}, where {@code s0} is its nominal
 * stringency (rulemaking.rule_stringency, a community's stringency), {@code h_typ} the mean hazard
 * over risks (risks.hazard_per_firm_year) and {@code e} risks.rule_hazard_elasticity (0: every rule
 * at {@code s0}). Stringency is both the share of the hazard a complying firm removes and what its
 * compliance cost scales with (M10's cost model), so a rule written for too high a hazard costs
 * more than the informed rule {@code s(h)} would (too strict) and one written for too low a hazard
 * prevents less harm (too loose). The rule's strictness error is {@code s(b) - s(h)}, in stringency
 * units, within [-1, 1].
 *
 * <p><b>Entrenchment.</b> When a rule comes into force its compliance cost is fixed at {@code (1 +
 * a x) (1 + c y)} times the base: {@code x} the share of served users whose provider ran the risk
 * unmitigated at that moment (the installed base that must change), {@code y} the years since the
 * risk emerged, {@code a} risks.entrenchment_exposure_coefficient, {@code c}
 * risks.entrenchment_year_coefficient; a = c = 0 is the model without entrenchment (factor 1).
 */
public final class RuleTargeting implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final RiskParams p;
  private final HazardBelief beliefs;

  public RuleTargeting(RiskParams p) {
    this.p = p;
    this.beliefs = new HazardBelief(p);
  }

  public HazardBelief beliefs() {
    return beliefs;
  }

  /** Stringency of a rule with nominal stringency s0 written for the hazard given (per day). */
  public double stringencyFor(double nominal, double hazardPerDay) {
    double typical = beliefs.typicalHazardPerDay();
    if (p.ruleHazardElasticity() == 0 || !(typical > 0)) return nominal;
    return Math.min(1.0, nominal * Math.pow(hazardPerDay / typical, p.ruleHazardElasticity()));
  }

  /** A regulator rule on r written for regulator j's believed hazard. */
  public Rule regulatorRule(
      Risk r, int jurisdiction, double startedDay, double effectiveDay, double nominal) {
    return written(
        r, startedDay, effectiveDay, nominal, beliefs.regulatorHazardPerDay(r, jurisdiction));
  }

  /** A community standard on r written for the community's believed hazard. */
  public Rule communityRule(
      World w, Community c, Risk r, double startedDay, double effectiveDay, double nominal) {
    return written(
        r, startedDay, effectiveDay, nominal, HazardBelief.communityHazardPerDay(w, c, r));
  }

  private Rule written(
      Risk r, double startedDay, double effectiveDay, double nominal, double believed) {
    double s = stringencyFor(nominal, believed);
    Rule rule = new Rule(r.id, r.generation, startedDay, effectiveDay, s);
    rule.strictnessError = s - stringencyFor(nominal, r.hazardPerDay);
    return rule;
  }

  /**
   * Entrenchment cost factor (1 + a x)(1 + c y) of a rule on r coming into force on {@code day}.
   */
  public double entrenchmentFactor(World w, Risk r, double day) {
    double a = p.entrenchmentExposureCoefficient();
    double c = p.entrenchmentYearCoefficient();
    if (a == 0 && c == 0) return 1.0;
    double years = Math.max(0.0, day - r.emergedDay) / Draws.DAYS_PER_YEAR;
    return (1.0 + a * unmitigatedUserShare(w, r)) * (1.0 + c * years);
  }

  /** Share of served users whose provider does not mitigate r (0 when no one is served). */
  public static double unmitigatedUserShare(World w, Risk r) {
    long served = 0;
    long exposed = 0;
    for (Firm f : w.firms) {
      if (!f.active || f.users == 0) continue;
      served += f.users;
      if (!f.mitigates.get(r.id)) exposed += f.users;
    }
    return served == 0 ? 0.0 : exposed / (double) served;
  }

  /**
   * A rule has come into force: fixes its entrenchment factor and, if it is the source's first
   * effective rule on r, records its strictness error and factor on the risk. Call it where the
   * rule-maker records the first rule day.
   */
  public void inForce(World w, Risk r, Rule rule, boolean community) {
    rule.costFactor = entrenchmentFactor(w, r, rule.effectiveDay);
    if (!rule.covers(r)) return;
    if (community && Double.isNaN(r.firstCommunityStrictnessError)) {
      r.firstCommunityStrictnessError = rule.strictnessError;
      r.firstCommunityCostFactor = rule.costFactor;
    } else if (!community && Double.isNaN(r.firstRegulatorStrictnessError)) {
      r.firstRegulatorStrictnessError = rule.strictnessError;
      r.firstRegulatorCostFactor = rule.costFactor;
    }
  }
}
