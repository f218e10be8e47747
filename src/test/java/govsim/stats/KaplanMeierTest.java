package govsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Kaplan–Meier against a hand-computed example with censoring: durations 1, 2+, 3, 3, 4+, 5 (+
 * censored), z = 1.959964 for 95%.
 *
 * <pre>
 *   t  at risk  events  S                      Greenwood sum
 *   1  6        1       5/6                    1/(6*5)        = 1/30
 *   3  4        2       5/6 * 2/4 = 5/12       1/30 + 2/(4*2) = 0.283333
 *   5  1        1       0                      (undefined: n = d)
 * </pre>
 *
 * Lower limits exp(log S - z se): t=1: 5/6 exp(-z sqrt(1/30)) = 0.582655; t=3: 5/12 exp(-z
 * sqrt(0.283333)) = 0.146792. Upper limits are capped at 1 at t=1 and t=3; at t=5, S = 0 and the
 * band is [0, 0]. Median: first S &lt;= 0.5 is at 3; its lower end: first lower limit &lt;= 0.5, at
 * 3; its upper end: first upper limit &lt;= 0.5, at 5. Restricted mean to tau = 5: 1*1 + 5/6*2 +
 * 5/12*2 = 3.5. Its variance: t=1, A = 5/6*2 + 5/12*2 = 2.5, 2.5^2 * 1/30 = 0.208333; t=3, A =
 * 5/12*2, (5/6)^2 * 2/8 = 0.173611; t=5 has n = d (term 0); var = 0.381944, se = 0.618017, interval
 * 3.5 -+ z se = [2.288710, 4.711290].
 */
class KaplanMeierTest {
  private static final double[] T = {3, 1, 5, 2, 4, 3};
  private static final boolean[] OBS = {true, true, true, false, false, true};

  @Test
  void survivalCurveOfTheHandExample() {
    KaplanMeier km = new KaplanMeier(T, OBS, 0.95);
    assertEquals(6, km.n());
    assertEquals(4, km.events());
    assertEquals(4 / 6.0, km.observedShare(), 1e-15);
    assertEquals(5, km.maxTime());
    assertEquals(1.0, km.survival(0.5));
    assertEquals(5 / 6.0, km.survival(1), 1e-15);
    assertEquals(5 / 6.0, km.survival(2.9), 1e-15, "the censoring at 2 does not drop S");
    assertEquals(5 / 12.0, km.survival(3), 1e-15);
    assertEquals(5 / 12.0, km.survival(4.5), 1e-15);
    assertEquals(0.0, km.survival(5));
  }

  @Test
  void medianAndItsInterval() {
    KaplanMeier km = new KaplanMeier(T, OBS, 0.95);
    assertEquals(3.0, km.median());
    assertEquals(3.0, km.medianLow(), "lower limit 0.146792 <= 0.5 at t = 3 (0.582655 at t = 1)");
    assertEquals(5.0, km.medianHigh(), "the upper limit is 1 until S falls to 0 at t = 5");
    // Without the last event (5 censored) the upper limit never reaches 0.5: open-ended.
    boolean[] lastCensored = OBS.clone();
    lastCensored[2] = false;
    assertTrue(Double.isNaN(new KaplanMeier(T, lastCensored, 0.95).medianHigh()));
  }

  @Test
  void equalDurationsHaveADegenerateInterval() {
    KaplanMeier km =
        new KaplanMeier(new double[] {2, 2, 2}, new boolean[] {true, true, true}, 0.95);
    assertEquals(2.0, km.median());
    assertEquals(2.0, km.medianLow());
    assertEquals(2.0, km.medianHigh());
    assertEquals(2.0, km.restrictedMean(10), 1e-15);
    assertEquals(0.0, km.restrictedMeanSe(10));
  }

  @Test
  void restrictedMeanAndItsInterval() {
    KaplanMeier km = new KaplanMeier(T, OBS, 0.95);
    assertEquals(3.5, km.restrictedMean(5), 1e-12);
    assertEquals(Math.sqrt(0.3819444444444445), km.restrictedMeanSe(5), 1e-12);
    assertEquals(2.2887098385910054, km.restrictedMeanLow(5), 1e-9);
    assertEquals(4.711290161408995, km.restrictedMeanHigh(5), 1e-9);
    // Up to tau = 2: area 1*1 + 5/6*1 = 11/6; only the event at 1 counts, A = 5/6,
    // var = (5/6)^2 / 30.
    assertEquals(11 / 6.0, km.restrictedMean(2), 1e-12);
    assertEquals(Math.sqrt(25 / 36.0 / 30), km.restrictedMeanSe(2), 1e-12);
  }

  @Test
  void allCensoredHasNoMedianAndTheFullRestrictedMean() {
    KaplanMeier km = new KaplanMeier(new double[] {2, 7}, new boolean[] {false, false}, 0.95);
    assertEquals(0, km.events());
    assertTrue(Double.isNaN(km.median()));
    assertTrue(Double.isNaN(km.medianLow()));
    assertEquals(7.0, km.restrictedMean(7), "S = 1 throughout");
    assertEquals(0.0, km.restrictedMeanSe(7));
    assertEquals(7.0, km.restrictedMeanHigh(7), "clipped to tau");
  }

  @Test
  void noSubjectIsUndefinedAndBadInputIsRefused() {
    KaplanMeier km = new KaplanMeier(new double[0], new boolean[0], 0.95);
    assertTrue(Double.isNaN(km.observedShare()));
    assertTrue(Double.isNaN(km.restrictedMean(10)));
    assertTrue(Double.isNaN(km.median()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new KaplanMeier(new double[] {-1}, new boolean[] {true}, 0.95));
    assertThrows(
        IllegalArgumentException.class,
        () -> new KaplanMeier(new double[] {1}, new boolean[] {true, false}, 0.95));
  }
}
