package govsim.mechanism.crossborder;

import govsim.mechanism.Governance;

/**
 * M10 — cross-border certification (MODEL.md §4 M10; paper §3.1.6): what complying with the rules
 * on one risk costs a firm, in % of its annual revenue.
 *
 * <p>The base cost scales with the stringency achieved. A uniform regulator rule costs more than a
 * tailored standard (rule_cost_multiplier) unless a recognised certificate stands in for it; a
 * community's shared tooling cuts its members' cost; every distinct rule set beyond the first (one
 * per regulating jurisdiction, one per community standard) adds extra_rule_set_cost, and a
 * certificate recognised by k jurisdictions counts as one set for all k. The whole is multiplied by
 * the entrenchment factor of the binding rule (issue 13 item 2; 1 without entrenchment).
 *
 * <p>Cost grows with stringency as {@code s^e} ({@code cross_border.stringency_cost_exponent}; e =
 * 1 is the legacy linear cost, e = 2 a rising marginal cost of removing hazard), for rules,
 * standards and voluntary mitigation alike. So a firm serving J jurisdictions whose rules on a risk
 * it meets without a recognised certificate pays {@code c s^e m (1 + x (J - 1))}, and with a
 * certificate recognised by k of them {@code c s^e (1 - t) m' (1 + x (J - k))}, with c the cost per
 * rule, m the uniform-rule multiplier (m' = 1 if every binding regulator accepts the certificate, m
 * otherwise), t the tooling saving and x the extra rule-set cost.
 */
public final class ComplianceCost implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final CrossBorderParams p;
  private final double costPerRule;
  private final double voluntaryEfficacy;
  private final double uniformRuleMultiplier;
  private final double toolingReduction;
  private final double exponent;

  public ComplianceCost(
      CrossBorderParams p,
      double costPerRule,
      double voluntaryEfficacy,
      double uniformRuleMultiplier,
      double toolingReduction) {
    this.p = p;
    this.costPerRule = costPerRule;
    this.voluntaryEfficacy = voluntaryEfficacy;
    this.uniformRuleMultiplier = uniformRuleMultiplier;
    this.toolingReduction = toolingReduction;
    this.exponent = p.stringencyCostExponent();
  }

  /** Cost factor of stringency s: s^e (exactly s for the legacy e = 1). */
  public double stringencyFactor(double s) {
    return exponent == 1.0 ? s : Math.pow(s, exponent);
  }

  /** Cost per rule of stringency 1 (% of annual revenue per year). */
  public double costPerRule() {
    return costPerRule;
  }

  /** The stringency cost exponent e. */
  public double exponent() {
    return exponent;
  }

  /** The parameters (entry cost and the rest of M10). */
  public CrossBorderParams params() {
    return p;
  }

  /** Annual cost, % of revenue, of mitigating one risk under the given binding. */
  public double annualPercent(Governance.Binding b) {
    return annualPercent(
        b.byCommunity(),
        b.byRegulator(),
        b.maxStringency(),
        b.distinctRuleSets(),
        b.regulatorAcceptsCertificate(),
        b.costFactor());
  }

  /** The same for a binding filled by {@link Governance#bind} (allocation-free). */
  public double annualPercent(Governance.Scratch b) {
    return annualPercent(
        b.byCommunity,
        b.byRegulator,
        b.maxStringency,
        b.distinctRuleSets,
        b.regulatorAcceptsCertificate,
        b.costFactor);
  }

  private double annualPercent(
      boolean byCommunity,
      boolean byRegulator,
      double maxStringency,
      int distinctRuleSets,
      boolean regulatorAcceptsCertificate,
      double costFactor) {
    if (!byCommunity && !byRegulator) return costPerRule * stringencyFactor(voluntaryEfficacy);
    double multiplier = 1.0;
    if (byRegulator && !regulatorAcceptsCertificate) multiplier *= uniformRuleMultiplier;
    if (byCommunity) multiplier *= 1.0 - toolingReduction;
    int sets = Math.max(1, distinctRuleSets);
    return costPerRule
        * stringencyFactor(maxStringency)
        * multiplier
        * (1.0 + p.extraRuleSetCost() * (sets - 1))
        * costFactor; // entrenchment (issue 13 item 2), 1 without
  }
}
