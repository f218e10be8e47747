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
 */
public final class ComplianceCost implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final CrossBorderParams p;
  private final double costPerRule;
  private final double voluntaryEfficacy;
  private final double uniformRuleMultiplier;
  private final double toolingReduction;

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
  }

  /** Annual cost, % of revenue, of mitigating one risk under the given binding. */
  public double annualPercent(Governance.Binding b) {
    if (!b.governed()) return costPerRule * voluntaryEfficacy;
    double multiplier = 1.0;
    if (b.byRegulator() && !b.regulatorAcceptsCertificate()) multiplier *= uniformRuleMultiplier;
    if (b.byCommunity()) multiplier *= 1.0 - toolingReduction;
    int sets = Math.max(1, b.distinctRuleSets());
    return costPerRule
        * b.maxStringency()
        * multiplier
        * (1.0 + p.extraRuleSetCost() * (sets - 1))
        * b.costFactor(); // entrenchment (issue 13 item 2), 1 without
  }
}
