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

  /** Issue 13 item 4: the consensus rule of standards bodies, 6 values x 20 seeds. */
  @Test
  void communityConsensusGrid() throws Exception {
    SweepPlan p = check("community-consensus.yaml", 6 * 20);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/community-choice.yaml").normalize(),
        p.definition().baseFile());
  }

  /** Issue 13 item 6: the recognition review cost (4 values) and recognition on/off, 20 seeds. */
  @Test
  void crossBorderRecognitionGrids() throws Exception {
    check("cross-border-recognition.yaml", 4 * 20);
    check("cross-border-recognition-switch.yaml", 2 * 20);
  }

  /**
   * The --precision example: 4 lags x 3 seeds x 2 regimes to start; with --max-reps 32 the plan
   * holds 4 x 32 x 2 runs, and replication r of a point keeps its fixed-replication seed.
   */
  @Test
  void lagPrecision() throws Exception {
    SweepPlan p = check("lag-precision.yaml", 4 * 3 * 2);
    SweepPlan q =
        SweepPlan.of(p.definition(), new SweepPrecision(0.1, 32, java.util.List.of("harm_total")));
    assertEquals(4 * 32 * 2, q.runs());
    assertEquals(3, q.initialReplications());
    for (int pt = 0; pt < 4; pt++)
      for (int r = 0; r < 3; r++) assertEquals(p.seed(pt, r), q.seed(pt, r));
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

  /** Issue 13 curves (inst): 4 values x 20 seeds, hybrid only, each on a paper scenario. */
  @Test
  void issue13Curves() throws Exception {
    SweepPlan lag = check("codification-lag.yaml", 4 * 20);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/codification.yaml").normalize(),
        lag.definition().baseFile());
    check("power-budget.yaml", 4 * 20);
    SweepPlan signal = check("signal-strength.yaml", 4 * 20);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/soft-signals.yaml").normalize(),
        signal.definition().baseFile());
  }

  // issue 12.1 (resp): SF3's curves over switching cost and attention on the Yuanbao scenario.
  @Test
  void sf3OverSwitchingCost() throws Exception {
    SweepPlan p = check("sf3-switching-cost.yaml", 9 * 20);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/yuanbao-backlash.yaml").normalize(),
        p.definition().baseFile());
  }

  @Test
  void sf3OverAttention() throws Exception {
    check("sf3-attention.yaml", 9 * 20);
  }

  @Test
  void sf3OverSwitchingCostAndDecisionIntensity() throws Exception {
    check("sf3-decision-intensity.yaml", 4 * 2 * 20);
  }

  /** issue 12.2: SF6's world, conformity scope unmet vs bound, three regimes, 20 seeds. */
  @Test
  void innovationByRegime() throws Exception {
    SweepPlan p = check("innovation-by-regime.yaml", 2 * 20 * 3);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/synergy.yaml").normalize(), p.definition().baseFile());
  }

  /** issue 12.4: the entrenchment world over five scale-feedback elasticities, 20 seeds. */
  @Test
  void entrenchmentOverTheScaleFeedback() throws Exception {
    SweepPlan p = check("entrenchment-elasticity.yaml", 5 * 20);
    assertEquals(
        Path.of("scenarios/sweeps/../paper/entrenchment.yaml").normalize(),
        p.definition().baseFile());
  }

  @Test
  void everyShippedSweepIsTested() throws Exception {
    try (var files = Files.list(DIR)) {
      assertEquals(
          java.util.List.of(
              "codification-lag.yaml",
              "community-consensus.yaml",
              "cross-border-recognition-switch.yaml",
              "cross-border-recognition.yaml",
              "discovery-lhs.yaml",
              "dsair-pr.yaml",
              "entrenchment-elasticity.yaml",
              "entrenchment.yaml",
              "innovation-by-regime.yaml",
              "knightian-prior.yaml",
              "lag-precision.yaml",
              "morris-screening.yaml",
              "multi-homing-share.yaml",
              "power-budget.yaml",
              "precautionary.yaml",
              "sf3-attention.yaml",
              "sf3-decision-intensity.yaml",
              "sf3-switching-cost.yaml",
              "signal-strength.yaml",
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
