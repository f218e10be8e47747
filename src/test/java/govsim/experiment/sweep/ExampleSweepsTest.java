package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.SingleRun;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import govsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sweeps shipped in scenarios/sweeps/: each loads, plans the documented number of runs, every
 * run's scenario binds (every combination of values is valid), and the first point of each regime
 * runs for a month.
 */
class ExampleSweepsTest {
  static final Path DIR = Path.of("scenarios/sweeps");

  private static SweepPlan check(String file, int runs) throws Exception {
    SweepPlan plan = SweepFixtures.plan(DIR.resolve(file));
    assertEquals(runs, plan.runs(), file);
    SweepRunner runner = new SweepRunner(plan, govsim.experiment.batch.ModelRunner.SINGLE_RUN);
    for (int i = 0; i < plan.runs(); i++)
      runner.spec(plan.run(i)); // throws if a combination is invalid
    ScenarioLoader<ModelSpec> loader = Scenarios.loader();
    for (int g = 0; g < plan.regimes(); g++) {
      Map<String, Object> tree = plan.definition().scenarios().get(g).resolved();
      Object[] point = plan.point(0);
      for (int k = 0; k < point.length; k++) {
        tree =
            ScenarioLoader.withValue(tree, plan.definition().parameters().get(k).path(), point[k]);
      }
      tree = ScenarioLoader.withValue(tree, "time.horizon_days", 30.0);
      RunResult r = SingleRun.run(loader.bind(tree, file), RunListener.NONE);
      assertTrue(r.summary().containsKey("harm_total"));
    }
    return plan;
  }

  @Test
  void switchingByLagGrid() throws Exception {
    SweepPlan p = check("switching-x-lag.yaml", 9 * 3 * 2);
    assertEquals(
        Path.of("scenarios/sweeps/../baseline.yaml").normalize(), p.definition().baseFile());
  }

  /** Issue 12.3: six multi-homing shares x 20 seeds on the multi-homing paper scenario. */
  @Test
  void multiHomingShareCurve() throws Exception {
    SweepPlan p = check("multi-homing-share.yaml", 6 * 20);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/multi-homing.yaml").normalize(),
        p.definition().baseFile());
  }

  @Test
  void sobolOverKeyParameters() throws Exception {
    SweepPlan p = check("sobol-key-parameters.yaml", 32 * (8 + 2));
    assertEquals(SweepDesign.SOBOL, p.definition().spec().design());
  }

  @Test
  void morrisScreening() throws Exception {
    SweepPlan p = check("morris-screening.yaml", 12 * (7 + 1));
    assertEquals(SweepDesign.MORRIS, p.definition().spec().design());
    assertEquals(4, p.definition().spec().morrisLevels());
    assertEquals("community_assurance", p.definition().parameters().get(4).groupName());
  }

  @Test
  void discoveryLatinHypercube() throws Exception {
    SweepPlan p = check("discovery-lhs.yaml", 160 * 2);
    assertEquals(SweepDesign.LHS, p.definition().spec().design());
  }

  /** Issue 13 item 1: the Knightian prior's shape, 5 values x 20 seeds, distributed. */
  @Test
  void knightianPriorGrid() throws Exception {
    SweepPlan p = check("knightian-prior.yaml", 5 * 20);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/knightian-learning.yaml").normalize(),
        p.definition().baseFile());
  }

  /** Issue 13 item 1: the precautionary quantile, 5 values x 20 seeds, centralized. */
  @Test
  void precautionaryGrid() throws Exception {
    check("precautionary.yaml", 5 * 20);
  }

  /** Issue 13 item 2: the entrenchment coefficient, 4 values x 20 seeds x 2 regimes. */
  @Test
  void entrenchmentGrid() throws Exception {
    SweepPlan p = check("entrenchment.yaml", 4 * 20 * 2);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/collingridge.yaml").normalize(),
        p.definition().baseFile());
  }

  /** The game sweep of the DSAIR race: 3 speeds x 21 disaster probabilities, all valid. */
  @Test
  void dsairOverTheDisasterProbability() throws Exception {
    GameSweep.Definition d = GameSweep.load(DIR.resolve("dsair-pr.yaml"));
    assertEquals(63, d.points().size());
    assertEquals(java.util.List.of("1.5", "0"), d.points().get(0));
    assertEquals(java.util.List.of("3", "1"), d.points().get(62));
    assertEquals(java.util.List.of("2", "0.85"), d.points().get(21 + 17));
    assertTrue(d.abm());
    assertEquals(5, d.base().game().simulation().seeds());
    for (int i = 0; i < d.points().size(); i++)
      govsim.game.GameFile.load(d.gameFile(), d.overrides(i)); // every point loads
  }

  @Test
  void everyShippedSweepIsTested() throws Exception {
    try (var files = Files.list(DIR)) {
      assertEquals(
          java.util.List.of(
              "discovery-lhs.yaml",
              "dsair-pr.yaml",
              "entrenchment.yaml",
              "knightian-prior.yaml",
              "morris-screening.yaml",
              "multi-homing-share.yaml",
              "precautionary.yaml",
              "sobol-key-parameters.yaml",
              "switching-x-lag.yaml"),
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .sorted()
              .toList());
    }
  }
}
