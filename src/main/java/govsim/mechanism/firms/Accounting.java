package govsim.mechanism.firms;

import govsim.mechanism.Draws;
import govsim.mechanism.reputation.PracticeParams;
import govsim.world.Firm;
import govsim.world.World;

/**
 * Firms' books for one step (part of M6's profit): revenue from users (plus the practice's extra
 * revenue), compliance costs (M10 cost model), community fees, fines, misuse safeguards and R&D
 * spending (issue 12.2). Profit feeds the producer-welfare metric and, smoothed, the Fermi
 * imitation rule.
 */
public final class Accounting implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final FirmParams fp;
  private final PracticeParams practice;
  private final double feePercentPerYear;

  public Accounting(FirmParams fp, PracticeParams practice, double feePercentPerYear) {
    this.fp = fp;
    this.practice = practice;
    this.feePercentPerYear = feePercentPerYear;
  }

  /** Annual revenue of the firm at its current size and practice. */
  public double annualRevenue(Firm f) {
    return f.usage()
        * fp.revenuePerUserYear()
        * (f.practice ? 1.0 + practice.revenueShare() * f.practiceLevel : 1.0);
  }

  public void step(World w, FirmDecisions decisions) {
    double yearShare = w.dtDays / Draws.DAYS_PER_YEAR;
    double alpha = 1.0 - Math.exp(-w.dtDays / fp.profitSmoothingDays());
    // Only social learning reads the trailing profit window.
    int window =
        fp.decisionRule() == DecisionRule.FERMI
            ? SocialLearning.windowSteps(fp.imitationWindowDays(), w.dtDays)
            : 0;
    for (Firm f : w.firms) {
      if (!f.active) {
        f.finesStep = 0;
        f.entryCostStep = 0;
        continue;
      }
      double annual = annualRevenue(f);
      // Each governed risk's share of the cost is booked to it too (issue 13 item 2).
      f.complianceCostPercent = decisions.compliancePercent(w, f, annual / 100.0 * yearShare);
      f.revenueStep = annual * yearShare;
      // Entry costs paid this step (M10) are compliance costs too.
      f.complianceCostStep = annual * f.complianceCostPercent / 100.0 * yearShare + f.entryCostStep;
      f.entryCostStep = 0;
      f.feesStep = annual * feePercentPerYear * f.memberships.cardinality() / 100.0 * yearShare;
      // Misuse safeguards (issue 12 item 5; 0 under malicious.targeting none).
      double safeguards = annual * f.safeguardCostPercent / 100.0 * yearShare;
      w.tally.costSafeguards += safeguards;
      // inst (issue 13.5): hybrid powers' cost to the firm (transparency reporting), a compliance
      // cost.
      f.powerCostStep = annual * f.powerCostPercent / 100.0 * yearShare;
      // issue 12.2 (race): R&D spending, a share of revenue (0 when investment is not modelled).
      f.rdCostStep = fp.investment().enabled() ? f.revenueStep * f.rdShare : 0.0;
      w.tally.costInvestment += f.rdCostStep;
      double profit =
          f.revenueStep
              - f.complianceCostStep
              - f.feesStep
              - f.finesStep
              - safeguards
              - f.powerCostStep
              - f.rdCostStep;
      w.tally.revenue += f.revenueStep;
      w.tally.costCompliance += f.complianceCostStep + f.powerCostStep;
      w.tally.costPowersFirms += f.powerCostStep;
      w.tally.profit += profit;
      double share = f.revenueStep > 0 ? profit / f.revenueStep : 0.0;
      f.profitShareSmoothed += alpha * (share - f.profitShareSmoothed);
      if (window > 0) SocialLearning.book(f, profit, window);
      f.finesStep = 0;
    }
  }
}
