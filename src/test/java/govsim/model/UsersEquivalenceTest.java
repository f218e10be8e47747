package govsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import govsim.mechanism.users.LegacyUserChoice;
import govsim.mechanism.users.UsersPhase;
import govsim.observe.Recorder;
import govsim.observe.RunListener;
import govsim.world.EventKind;
import govsim.world.WorldEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import sim.engine.Schedule;

/**
 * Same model, same statistics (issue 18 item 2): the event-driven users' phase draws its random
 * numbers in another order than the earlier population-scanning one ({@link LegacyUserChoice}, kept
 * in the test sources for this test only), so runs are not byte-identical, but over 200 seeds each
 * every run metric of summary.csv (and, for the market kernel, firm 0's final share and the day it
 * revised) must have the same distribution under both.
 *
 * <p>Per metric: Welch's two-sample t test (means) and the two-sample Kolmogorov-Smirnov test
 * (distributions), and, where a metric is undefined in some runs, a two-proportion z test on the
 * share of runs where it is defined. All p-values of a scenario form one family, corrected with
 * Holm's step-down method at a family-wise level of 0.01: the test fails wrongly once in 100
 * scenarios at most, however many metrics there are. The two arms use disjoint seeds (1..200 and
 * 100001..100200), so their samples are independent, as both tests assume. Small worlds keep the
 * test at some seconds: the kernel with 5,000 users for its 365 days, the baseline with 2,000 users
 * for one year.
 */
class UsersEquivalenceTest {
  static final int SEEDS = 200;
  static final double FAMILY_ALPHA = 0.01;

  @Test
  void marketKernelStatisticsAgreeWithTheEarlierUsersPhase() throws Exception {
    compare("scenarios/bench/market-kernel.yaml", List.of("users.count=5000"));
  }

  @Test
  void baselineStatisticsAgreeWithTheEarlierUsersPhase() throws Exception {
    compare(
        "scenarios/baseline.yaml",
        List.of(
            "users.count=2000",
            "time.horizon_days=365",
            "users.multi_homing_share=0",
            "users.noticing_response=immediate"));
  }

  /** The check itself rejects a real difference: the kernel with attention 0.02 against 0.03. */
  @Test
  void theCheckSeesAHalfAgainHigherAttentionRate() throws Exception {
    ModelSpec a = spec("scenarios/bench/market-kernel.yaml", List.of("users.count=5000"));
    ModelSpec b =
        spec(
            "scenarios/bench/market-kernel.yaml",
            List.of("users.count=5000", "users.attention_rate_per_day=0.0304592"));
    List<String> rejected = rejected(runs(a, null, 1, 60), runs(b, null, 100_001, 60));
    assertTrue(
        rejected.stream().anyMatch(s -> s.startsWith("switching_rate")),
        "a 50% higher attention rate shows in switching: " + rejected);
  }

  private static void compare(String scenario, List<String> sets) throws Exception {
    ModelSpec spec = spec(scenario, sets);
    int firms = spec.competition().maxFirms();
    int jurisdictions = spec.crossBorder().jurisdictions();
    Function<ModelSpec, UsersPhase> legacy =
        s -> new LegacyUserChoice(s.users(), firms, jurisdictions);
    List<Map<String, Double>> old = runs(spec, legacy, 1, SEEDS);
    List<Map<String, Double>> now = runs(spec, null, 100_001, SEEDS);
    assertEquals(SEEDS, old.size());
    List<String> rejected = rejected(old, now);
    if (!rejected.isEmpty()) fail(scenario + ": statistics differ: " + rejected);
    System.out.printf(
        Locale.ROOT,
        "%s %s: %d metrics, no difference at family-wise level %.2f (Holm)%n",
        scenario,
        sets,
        old.get(0).size(),
        FAMILY_ALPHA);
  }

  private static ModelSpec spec(String scenario, List<String> sets) throws Exception {
    return Scenarios.load(Path.of(scenario), sets).config();
  }

  /** Runs seeds from, from + 1, ... (two at a time): summary metrics plus firm 0's outcome. */
  private static List<Map<String, Double>> runs(
      ModelSpec spec, Function<ModelSpec, UsersPhase> users, long from, int n) {
    return IntStream.range(0, n)
        .parallel()
        .mapToObj(i -> run(spec.withSeed(from + i), users))
        .toList();
  }

  private static Map<String, Double> run(ModelSpec spec, Function<ModelSpec, UsersPhase> users) {
    GovSimModel model = new GovSimModel(spec, users);
    model.start();
    double[] revised = {Double.NaN};
    RunListener listener =
        new RunListener() {
          @Override
          public void event(WorldEvent e) {
            if (e.firm() == 0 && e.type() == EventKind.PRACTICE_REVISED && Double.isNaN(revised[0]))
              revised[0] = e.day();
          }
        };
    Recorder recorder = new Recorder(spec, model::world, listener);
    model.schedule.scheduleRepeating(
        Schedule.EPOCH, Phase.OBSERVE.ordering(), recorder, spec.time().dtDays());
    while (!model.isDone()) model.stepOnce();
    model.finish();
    Map<String, Double> m = new LinkedHashMap<>(recorder.summary().finish(model.world()));
    m.put("firm0_final_share", model.world().firms.get(0).users / (double) spec.users().count());
    m.put("firm0_revised_day", revised[0]);
    return m;
  }

  /** The metrics (with their tests' p-values) that Holm's procedure rejects at FAMILY_ALPHA. */
  private static List<String> rejected(List<Map<String, Double>> a, List<Map<String, Double>> b) {
    List<String> names = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    for (String metric : a.get(0).keySet()) {
      double[] x = defined(a, metric);
      double[] y = defined(b, metric);
      String what = describe(metric, x, y);
      if (x.length != a.size() || y.length != b.size()) {
        names.add(what + " [share defined]");
        ps.add(twoProportions(x.length, a.size(), y.length, b.size()));
      }
      if (x.length < 2 || y.length < 2) continue;
      if (variance(x) == 0 && variance(y) == 0) {
        // A constant metric (e.g. always 0 in these worlds) must be the same constant.
        names.add(what + " [constant]");
        ps.add(x[0] == y[0] ? 1.0 : 0.0);
        continue;
      }
      names.add(what + " [Welch t]");
      ps.add(new TTest().tTest(x, y));
      names.add(what + " [Kolmogorov-Smirnov]");
      ps.add(ksPValue(x, y));
    }
    return holm(names, ps, FAMILY_ALPHA);
  }

  /**
   * The two-sample Kolmogorov-Smirnov p-value. With many tied values (common random numbers make
   * some metrics equal across runs) commons-math's exact computation breaks ties by jittering and
   * can fail with an internal error; the asymptotic p-value of the same statistic is then used
   * (conservative under ties).
   */
  static double ksPValue(double[] x, double[] y) {
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    try {
      return ks.kolmogorovSmirnovTest(x, y);
    } catch (org.apache.commons.math3.exception.MathInternalError e) {
      return ks.approximateP(ks.kolmogorovSmirnovStatistic(x, y), x.length, y.length);
    }
  }

  /** Holm's step-down procedure: the names whose hypotheses are rejected. */
  static List<String> holm(List<String> names, List<Double> ps, double alpha) {
    Integer[] order = new Integer[ps.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (i, j) -> Double.compare(ps.get(i), ps.get(j)));
    List<String> out = new ArrayList<>();
    int m = order.length;
    for (int r = 0; r < m; r++) {
      double p = ps.get(order[r]);
      if (!(p <= alpha / (m - r))) break;
      out.add(names.get(order[r]) + String.format(Locale.ROOT, " p=%.2g", p));
    }
    return out;
  }

  private static double twoProportions(int k1, int n1, int k2, int n2) {
    double p = (k1 + k2) / (double) (n1 + n2);
    double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    if (se == 0) return 1.0;
    double z = Math.abs(k1 / (double) n1 - k2 / (double) n2) / se;
    return org.apache.commons.math3.special.Erf.erfc(z / Math.sqrt(2));
  }

  private static double[] defined(List<Map<String, Double>> runs, String metric) {
    return runs.stream().mapToDouble(r -> r.get(metric)).filter(v -> !Double.isNaN(v)).toArray();
  }

  private static double variance(double[] x) {
    double mean = Arrays.stream(x).average().orElse(0);
    return Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
  }

  private static String describe(String metric, double[] x, double[] y) {
    return String.format(
        Locale.ROOT,
        "%s (earlier mean %.4g n=%d, now %.4g n=%d)",
        metric,
        Arrays.stream(x).average().orElse(Double.NaN),
        x.length,
        Arrays.stream(y).average().orElse(Double.NaN),
        y.length);
  }
}
