package govsim.mechanism.firms;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;

import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.Firm;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Firms' books of one step (M6 profit, M10 cost): revenue, compliance cost, fees, fines, smoothed
 * profit share.
 */
class AccountingTest {
  @Test
  void oneStepOfBooksByHand() {
    ModelSpec s =
        spec(
            "firms.revenue_per_user_year=20",
            "practice.revenue_share=0.1",
            "cross_border.stringency_cost_exponent=1");
    FirmDecisions d = govsim.mechanism.Fixtures.decisions(s, new Synergy(s.synergy()));
    Accounting books = new Accounting(s.firms(), s.practice(), 0.3);

    World w = world(1, 0);
    Firm f = firm(w);
    f.users = 365;
    f.practice = true;
    f.mitigates.set(risk(w, 1, 0.1, 0.01, false).id); // ad hoc: 0.5 x 0.5 = 0.25% of revenue
    member(f, community(w, 0.7, 0.8, 0L));
    f.finesStep = 5.0;
    Firm gone = firm(w);
    gone.active = false;
    gone.finesStep = 7.0;

    assertEquals(365 * 20 * 1.1, books.annualRevenue(f), 1e-9);
    books.step(w, d);

    double revenue = 365 * 20 * 1.1 / 365; // 22 a day
    double compliance = revenue * 0.25 / 100;
    double fees = revenue * 0.3 / 100;
    double profit = revenue - compliance - fees - 5.0;
    assertEquals(revenue, f.revenueStep, 1e-12);
    assertEquals(0.25, f.complianceCostPercent, 1e-12);
    assertEquals(compliance, f.complianceCostStep, 1e-12);
    assertEquals(fees, f.feesStep, 1e-12);
    assertEquals(0.0, f.finesStep, "fines are booked once");
    assertEquals(0.0, gone.finesStep);
    assertEquals(revenue, w.tally.revenue, 1e-12);
    assertEquals(compliance, w.tally.costCompliance, 1e-12);
    assertEquals(profit, w.tally.profit, 1e-12);
    // Exponential smoothing over 30 days, from 0.
    double alpha = 1 - Math.exp(-1 / 30.0);
    assertEquals(alpha * profit / revenue, f.profitShareSmoothed, 1e-12);
  }

  /**
   * firms.profit_smoothing_days sets the smoothing's time constant: alpha = 1 - exp(-dt / days).
   */
  @Test
  void theProfitShareIsSmoothedOverProfitSmoothingDays() {
    ModelSpec s = spec("firms.revenue_per_user_year=365", "firms.profit_smoothing_days=10");
    FirmDecisions d = govsim.mechanism.Fixtures.decisions(s, new Synergy(s.synergy()));
    Accounting books = new Accounting(s.firms(), s.practice(), 0.0);
    World w = world(1, 0);
    Firm f = firm(w);
    f.users = 100; // revenue 100 a day, no costs: profit share 1
    f.finesStep = 50.0; // the first day: profit share 0.5
    books.step(w, d);
    double alpha = 1 - Math.exp(-0.1);
    assertEquals(alpha * 0.5, f.profitShareSmoothed, 1e-12);
    books.step(w, d);
    assertEquals(alpha * 0.5 + alpha * (1 - alpha * 0.5), f.profitShareSmoothed, 1e-12);
  }

  /** issue 12.2: R&D spending is the firm's share of its revenue, a cost in profit. */
  @Test
  void rdSpendingIsAShareOfRevenueBookedAsACost() {
    for (boolean enabled : new boolean[] {true, false}) {
      ModelSpec s = spec("firms.revenue_per_user_year=20", "firms.investment.enabled=" + enabled);
      FirmDecisions d = govsim.mechanism.Fixtures.decisions(s, new Synergy(s.synergy()));
      World w = world(1, 0);
      Firm f = firm(w);
      f.users = 365; // revenue 20 a day
      f.rdShare = 0.2;
      new Accounting(s.firms(), s.practice(), 0.0).step(w, d);
      double rd = enabled ? 20 * 0.2 : 0.0;
      assertEquals(rd, f.rdCostStep, 1e-12);
      assertEquals(rd, w.tally.costInvestment, 1e-12);
      assertEquals(20 - rd, w.tally.profit, 1e-12);
    }
  }
}
