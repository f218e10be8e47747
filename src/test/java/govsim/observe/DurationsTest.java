package govsim.observe;

import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import govsim.world.Risk;
import govsim.world.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The censored durations the survival metrics read, followed up to the horizon only. */
class DurationsTest {
  private static Risk risk(World w, double emerged, double effective) {
    Risk r = new Risk(w.risks.size(), emerged, 1, 0.5, 0.01, false, Double.POSITIVE_INFINITY, 0, 1);
    r.effectiveRuleDay = effective;
    w.risks.add(r);
    return r;
  }

  /**
   * Follow-up ends on day 35 (the horizon; a last step that ends later does not extend it): a risk
   * from day 10 governed on day 30 is observed (20); one from day 20 governed on day 36 is censored
   * at 35 (15); one from day 30, never governed, is censored at 35 (5); one from day 36 started
   * after the horizon and is left out; one from day 1 emerged before the burn-in (day 5).
   */
  @Test
  void durationsAreCensoredAtTheHorizon() {
    World w = world(1, 0);
    risk(w, 10, 30);
    risk(w, 20, 36);
    risk(w, 30, Double.NaN);
    risk(w, 36, 36.5);
    risk(w, 1, 2);
    Durations d = Durations.of(Durations.Quantity.GOVERNANCE_GAP, w, 5, 35);
    assertArrayEquals(new double[] {20, 15, 5}, d.durations(), 1e-12);
    assertArrayEquals(new boolean[] {true, false, false}, d.observed());
    Durations both = Durations.pool(List.of(d, d));
    assertArrayEquals(new double[] {20, 15, 5, 20, 15, 5}, both.durations(), 1e-12);
  }
}
