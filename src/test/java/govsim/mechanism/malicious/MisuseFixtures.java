package govsim.mechanism.malicious;

import govsim.mechanism.crossborder.ComplianceCost;
import govsim.mechanism.enforcement.Enforcement;
import govsim.mechanism.firms.FirmDecisions;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;

/** Builds the misuse mechanism (issue 12 item 5) from a test spec, as the model does. */
public final class MisuseFixtures {
  private MisuseFixtures() {}

  /** The firms' decisions of the spec (for the value of a certificate). */
  public static FirmDecisions decisions(ModelSpec s, Synergy synergy) {
    Enforcement enforcement =
        new Enforcement(
            s.enforcement(), s.reputation().sanctionLoss(), s.firms().revenuePerUserYear());
    ComplianceCost cost =
        new ComplianceCost(
            s.crossBorder(),
            s.firms().complianceCostPerRule(),
            s.firms().voluntaryMitigationEfficacy(),
            s.rulemaking().ruleCostMultiplier(),
            s.communities().toolingCostReduction());
    return new FirmDecisions(
        s.firms(),
        s.practice(),
        s.reputation(),
        s.users(),
        s.risks(),
        s.assurance(),
        s.communities(),
        enforcement,
        synergy,
        cost);
  }

  /** The spec's safeguards, wired as GovSimModel wires them. */
  public static Safeguards safeguards(ModelSpec s, Synergy synergy) {
    return new Safeguards(
        s.malicious(),
        s.firms(),
        s.reputation().expulsionLoss(),
        s.reputation().sanctionLoss(),
        s.assurance().auditRatePerYear(),
        s.assurance().expelOnViolation(),
        s.enforcement().fineRevenueShare(),
        s.enforcement().maliciousDetectionProbability(),
        synergy,
        decisions(s, synergy));
  }

  /** The outlook of a review: nobody signalled, no inspections, {@code totalUsers} users. */
  public static FirmDecisions.Outlook outlook(int firms, int totalUsers) {
    return new FirmDecisions.Outlook(new boolean[firms], new double[firms][1], totalUsers);
  }
}
