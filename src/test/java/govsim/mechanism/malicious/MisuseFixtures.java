package govsim.mechanism.malicious;

import govsim.mechanism.firms.FirmDecisions;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;

/** Builds the misuse mechanism (issue 12 item 5) from a test spec, as the model does. */
public final class MisuseFixtures {
  private MisuseFixtures() {}

  /** The firms' decisions of the spec (for the value of a certificate). */
  public static FirmDecisions decisions(ModelSpec s, Synergy synergy) {
    return govsim.mechanism.Fixtures.decisions(s, synergy);
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
