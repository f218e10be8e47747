package govsim.mechanism.firms;

import static govsim.mechanism.Fixtures.assignUsers;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;

import govsim.mechanism.Governance;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.5 and 13.7 hooks in M6: the soft-signal multipliers of the expected backlash and the
 * firms' cost of hybrid powers in their books. Defaults as in FirmDecisionsTest: harm aversion 20,
 * outcry loss 0.2, reputation value 30, practice revenue share 0.1 and harm 0.002/user/day, users'
 * mean information capability 0.86 with voice 1, outcry threshold 1%; signal strength 0.5.
 */
class HybridPowerHooksTest {
  private static FirmDecisions decisions() {
    ModelSpec s = spec("synergy.signal_strength=0.5", "reputation.expected_backlash=legacy");
    return govsim.mechanism.Fixtures.decisions(s, new Synergy(s.synergy()));
  }

  @Test
  void aSignalledFirmWeighsOnePointFiveTimesItsBacklashBelief() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    f.backlashBelief = 0.3;
    f.backlashSignalFactor = 1.5;
    // 0.1 x 100 - 0.5 x 20 x 0.002 x 365 - 0.3 x 1.5 x 0.2 x 30 = 10 - 7.3 - 2.7
    assertEquals(0.0, d.practiceValue(w, f), 1e-12);
  }

  @Test
  void aGuidelineMakesAQuietRisksOutcryExpectedAndWeighsItMore() {
    FirmDecisions d = decisions();
    World w = world(1, 0);
    Firm f = firm(w, 0.5, 0, 1);
    Risk r = risk(w, 3.0, 0.01, 2.0 / 365.0, false);
    FirmDecisions.Outlook o = new FirmDecisions.Outlook(new boolean[1], new double[1][1], 100);
    // Without a guideline 0.01 x 0.86 < 1%: only the aligned harm 0.3 (FirmDecisionsTest).
    assertEquals(0.3, d.mitigationValue(w, f, r, Governance.of(w, f, r), o), 1e-12);
    // Guided: users notice 1.5 x 0.01, and 0.015 x 0.86 = 1.29% > 1%; the outcries avoided,
    // 1 incident/year x 0.2 x 30 = 6, weigh 1.5 times: 0.3 + 9.
    r.signalNoticeFactor = 1.5;
    r.guidedGeneration = r.generation;
    r.guidedMask = 1L;
    assertEquals(9.3, d.mitigationValue(w, f, r, Governance.of(w, f, r), o), 1e-12);
  }

  @Test
  void transparencyReportingIsAComplianceCostThatLowersProfit() {
    ModelSpec s = spec();
    Accounting books = new Accounting(s.firms(), s.practice(), 0.0);
    FirmDecisions d = decisions();
    World w = world(1, 1000);
    Firm f = firm(w);
    assignUsers(w, f, 0, 1000);
    f.powerCostPercent = 0.1;
    books.step(w, d);
    double annual = books.annualRevenue(f);
    double report = annual * 0.001 / 365.0;
    assertEquals(report, f.powerCostStep, 1e-9);
    assertEquals(report, w.tally.costPowersFirms, 1e-9);
    assertEquals(report, w.tally.costCompliance, 1e-9, "nothing else is mitigated");
    assertEquals(annual / 365.0 - report, w.tally.profit, 1e-9);
  }
}
