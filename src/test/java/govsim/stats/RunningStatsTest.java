package govsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunningStatsTest {
  @Test
  void matchesTheTwoPassEstimate() {
    double[] x = {2, 4, 4, Double.NaN, 4, 5, 5, 7, 9};
    RunningStats r = new RunningStats();
    for (double v : x) r.add(v);
    Estimate batch = Stats.estimate(x, 0.95);
    Estimate stream = r.estimate(0.95);
    assertEquals(8, r.n());
    assertEquals(batch.mean(), stream.mean(), 1e-12);
    assertEquals(batch.sd(), stream.sd(), 1e-12);
    assertEquals(batch.ciLow(), stream.ciLow(), 1e-12);
    assertEquals(batch.ciHigh(), stream.ciHigh(), 1e-12);
  }

  @Test
  void constantValuesGiveZeroSdExactly() {
    RunningStats r = new RunningStats();
    for (int i = 0; i < 10; i++) r.add(0.1);
    assertEquals(0.0, r.sd(), 0);
  }

  @Test
  void clearStartsAgain() {
    RunningStats r = new RunningStats();
    r.add(5);
    r.clear();
    assertEquals(0, r.n());
    assertTrue(Double.isNaN(r.mean()));
    r.add(3);
    assertEquals(3.0, r.mean(), 0);
    assertTrue(Double.isNaN(r.sd()));
  }
}
