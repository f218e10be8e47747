package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds: pure, distinct, shared by regimes, unchanged when runs are added or reordered. */
class SweepPlanTest {
  @TempDir Path tmp;

  private SweepPlan plan(String name, String text) throws Exception {
    return SweepFixtures.plan(SweepFixtures.write(tmp.resolve(name), text));
  }

  /** Seed of each (point values, replication), keyed by the point's identity text. */
  private static Map<String, Long> seedsByIdentity(SweepPlan p) {
    Map<String, Long> out = new HashMap<>();
    for (int i = 0; i < p.points(); i++) {
      for (int r = 0; r < p.replications(); r++)
        out.put(p.pointIdentity(p.point(i)) + "|" + r, p.seed(i, r));
    }
    return out;
  }

  @Test
  void runOrderAndCommonRandomNumbers() throws Exception {
    SweepPlan p = plan("a", SweepFixtures.GRID);
    assertEquals(4, p.points());
    assertEquals(16, p.runs());
    SweepPlan.Run r = p.run(13); // point 3, replication 0, regime 1
    assertEquals(3, r.point());
    assertEquals(0, r.replication());
    assertEquals(1, r.regime());
    assertEquals(p.run(12).seed(), r.seed(), "both regimes of a replication share its seed");
    Set<Long> distinct = new HashSet<>();
    for (int i = 0; i < p.runs(); i += p.regimes()) distinct.add(p.run(i).seed());
    assertEquals(8, distinct.size(), "every (point, replication) has its own seed");
  }

  @Test
  void seedsArePure() throws Exception {
    assertEquals(
        seedsByIdentity(plan("a", SweepFixtures.GRID)),
        seedsByIdentity(plan("b", SweepFixtures.GRID)));
  }

  @Test
  void addingReplicationsValuesOrReorderingKeepsExistingSeeds() throws Exception {
    Map<String, Long> before = seedsByIdentity(plan("a", SweepFixtures.GRID));
    String more =
        SweepFixtures.GRID
            .replace("replications: 2", "replications: 3")
            .replace("[0.01, 0.5]", "[0.5, 0.2, 0.01]");
    Map<String, Long> after = seedsByIdentity(plan("b", more));
    assertEquals(3 * 2 * 3, after.size());
    for (Map.Entry<String, Long> e : before.entrySet())
      assertEquals(e.getValue(), after.get(e.getKey()), e.getKey());
  }

  @Test
  void randomDesignsArePureAndIntegerDuplicatesStillGetDistinctSeeds() throws Exception {
    String lhs =
        """
        base: tiny.yaml
        design: lhs
        samples: 40
        parameters:
          firms.count: {min: 2, max: 4}
          users.info_weak_share: {min: 0, max: 0.5}
        replications: 2
        seed: 3
        """;
    SweepPlan a = plan("a", lhs);
    SweepPlan b = plan("b", lhs);
    assertEquals(80, a.runs());
    for (int i = 0; i < a.points(); i++) {
      assertEquals(a.point(i)[0], b.point(i)[0]);
      assertTrue(a.point(i)[0] instanceof Long, "integer keys take Long values");
      assertEquals(a.seed(i, 1), b.seed(i, 1));
    }
    String ints = lhs.replace("  users.info_weak_share: {min: 0, max: 0.5}\n", "");
    SweepPlan c = plan("c", ints); // 40 points over 3 integers: many repeat
    Set<Long> seeds = new HashSet<>();
    for (int i = 0; i < c.points(); i++) for (int r = 0; r < 2; r++) seeds.add(c.seed(i, r));
    assertEquals(80, seeds.size());
  }

  @Test
  void sobolDesignHasNTimesKPlusTwoPoints() throws Exception {
    SweepPlan p =
        plan(
            "s",
            """
        base: tiny.yaml
        design: sobol
        samples: 8
        parameters:
          users.switching_cost_mean: {min: 0.01, max: 1, log: true}
          users.info_weak_share: {min: 0, max: 0.5}
          firms.decision_rule: [logit, fermi]
        """);
    assertEquals(8 * 5, p.points());
    for (int j = 0; j < 8; j++) {
      Object[] a = p.point(j * 5);
      Object[] ab0 = p.point(j * 5 + 1);
      Object[] b = p.point(j * 5 + 4);
      assertEquals(b[0], ab0[0]);
      assertEquals(a[1], ab0[1]);
      assertEquals(a[2], ab0[2]);
    }
  }
}
