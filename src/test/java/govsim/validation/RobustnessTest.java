package govsim.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.validation.Claim;
import govsim.experiment.validation.Robustness;
import govsim.experiment.validation.Robustness.Factor;
import govsim.experiment.validation.StylizedFacts;
import govsim.model.Scenarios;
import govsim.scenario.ParamInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of `govsim validation --robustness` that need no simulation. */
class RobustnessTest {
  @Test
  void wilsonIntervalsMatchHandComputedValues() {
    // p = 0, n = 4: centre (z^2/8) / (1 + z^2/4) = 0.244945, half the same: [0, 0.489891]
    assertArrayEquals(new double[] {0, 0.4898908}, Robustness.wilson(0, 4), 1e-7);
    // p = 0.8, n = 10: centre 0.716741, half 0.226576
    assertArrayEquals(new double[] {0.4901625, 0.9433178}, Robustness.wilson(8, 10), 1e-7);
    assertArrayEquals(new double[] {0.9433759, 1}, Robustness.wilson(64, 64), 1e-7);
  }

  @Test
  void factorsMapTheUnitIntervalOntoThePlausibleRange() {
    Factor d = new Factor("x", 0.5, 2, false);
    assertEquals(1.25, d.at(0.5), 1e-12);
    assertEquals(0.5, d.at(0), 1e-12);
    Factor i = new Factor("n", 1, 6, true);
    assertEquals(1, i.at(0));
    assertEquals(4, i.at(0.5)); // floor(1 + 0.5 x 6)
    assertEquals(6, i.at(0.9999));
  }

  @Test
  void theBoxIsTheAssumptionSourcedNumericKeysWithTheirPlausibleRanges() {
    List<Factor> f = Robustness.factors();
    var schema = Scenarios.loader().schema();
    for (Factor x : f) {
      ParamInfo p = schema.param(x.key()).orElseThrow();
      assertTrue(p.isAssumption(), x.key());
      assertEquals(p.plausibleMin(), x.low(), x.key());
      assertEquals(p.plausibleMax(), x.high(), x.key());
    }
    List<String> keys = f.stream().map(Factor::key).toList();
    assertTrue(keys.contains("communities.lag_size_exponent"));
    assertTrue(keys.contains("rulemaking.conformity_assessment_days"));
    // cited keys and settings stay fixed
    assertTrue(!keys.contains("rulemaking.legislative_lag_days"));
    assertTrue(!keys.contains("communities.standard_lag_days"));
    assertTrue(!keys.contains("time.horizon_days"));
    assertTrue(!keys.contains("seed"));
    // list elements (scheduled events) are not varied
    assertTrue(keys.stream().noneMatch(k -> k.contains("[]")));
  }

  @Test
  void theDesignIsALatinHypercubeOverTheRanges() {
    List<Factor> f = List.of(new Factor("a", 0, 1, false), new Factor("b", 10, 20, false));
    double[][] x = Robustness.design(f, 8, 2025);
    for (int j = 0; j < 2; j++) {
      boolean[] stratum = new boolean[8];
      for (double[] p : x) {
        double u = (p[j] - f.get(j).low()) / (f.get(j).high() - f.get(j).low());
        int s = (int) Math.floor(u * 8);
        assertTrue(!stratum[s], "two points in stratum " + s + " of factor " + j);
        stratum[s] = true;
      }
    }
    assertArrayEquals(x[3], Robustness.design(f, 8, 2025)[3]);
  }

  @Test
  void theKeysAScenarioSetsItselfAreHeld() {
    assertEquals(
        Set.of(
            "extends",
            "name",
            "description",
            "users.count",
            "rulemaking.initial_rules_share",
            "communities.initial_standards_share"),
        Robustness.heldKeys(Path.of("scenarios/paper/synergy.yaml")));
  }

  @Test
  void storedResultsReadBackAsWritten() {
    List<Claim> claims = List.of(StylizedFacts.claim("SF6"));
    List<Factor> factors = Robustness.factors();
    double[][] x = Robustness.design(factors, 3, 7);
    boolean[][] checks = {{true, false, true}};
    Map<String, Set<String>> held = Robustness.held(Path.of("scenarios"), claims);
    Robustness.Data d = new Robustness.Data(factors, x, Map.of("SF6", checks), 2, 7, held);
    String csv = Robustness.toCsv(d, claims);
    assertTrue(csv.startsWith("# govsim validation --robustness 3 --reps 2 --seed 7\npoint,"));
    Robustness.Data back = Robustness.fromCsv(csv, claims, held);
    assertEquals(3, back.n());
    assertEquals(2, back.reps());
    for (int i = 0; i < 3; i++) assertArrayEquals(x[i], back.x()[i]);
    assertArrayEquals(new boolean[] {true, false, true}, back.holds("SF6"));
    Robustness.FactAnalysis a = Robustness.analyse(back, claims.get(0));
    assertEquals(2, a.holds());
    assertEquals(3, a.n());
  }
}
