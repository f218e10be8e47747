package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.batch.ModelRunner;
import govsim.observe.RunResult;
import govsim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A morris design end to end: parsed from a sweep file, planned, run (with a linear stand-in for
 * the model, whose effects are known) and summarised in morris.csv; and its sweep-file errors.
 */
class MorrisSweepTest {
  @TempDir Path tmp;

  static final String MORRIS =
      """
      base: tiny.yaml
      design: morris
      samples: 6
      morris_levels: 4
      parameters:
        users.switching_cost_mean: {min: 0.5, max: 2.5}
        rulemaking.legislative_lag_days: {min: 100, max: 400}
        users.info_weak_share: {min: 0.1, max: 0.3, group: g}
        users.attention_rate_per_day: {min: 0.01, max: 0.05, group: g}
      replications: 2
      seed: 4
      metrics: [harm_total, compliance_rate]
      timeseries: false
      bootstrap: 200
      """;

  /**
   * A stand-in for the model: harm_total = 10 s - 0.5 lag + 100 w (attention has no effect), the
   * same for every seed, so every point's mean is exact; compliance_rate is constant.
   */
  static final ModelRunner LINEAR =
      (spec, listener) ->
          new RunResult(
              spec,
              Map.of(
                  "harm_total",
                  10 * spec.users().switchingCostMean()
                      - 0.5 * spec.rulemaking().legislativeLagDays()
                      + 100 * spec.users().infoWeakShare(),
                  "compliance_rate",
                  0.25),
              null,
              0);

  @Test
  void linearStandInGivesItsCoefficientsTimesTheRanges() throws Exception {
    Path sweep = SweepFixtures.write(tmp, MORRIS);
    SweepPlan plan = SweepFixtures.plan(sweep);
    assertEquals(6 * (3 + 1), plan.points(), "r (g + 1): 3 groups (2 singletons and g)");
    assertEquals(6 * 4 * 2, plan.runs());
    SweepFixtures.Run r = SweepFixtures.execute(sweep, tmp.resolve("out"), 2, LINEAR);
    assertEquals(SweepExecution.Status.OK, r.status(), r.err());
    assertTrue(r.out().contains("morris.csv"), r.out());
    List<String> rows = Files.readAllLines(tmp.resolve("out/morris.csv"));
    assertEquals(
        "regime,metric,parameter,members,n,mu,mu_ci_low,mu_ci_high,mu_star,mu_star_ci_low,mu_star_ci_high,"
            + "sigma,sigma_ci_low,sigma_ci_high",
        rows.get(0));
    assertEquals(1 + 2 * 3, rows.size(), "2 metrics x 3 groups");
    // switching cost: 10 x (2.5 - 0.5) = 20; lag: -0.5 x 300 = -150; group g: 100 x 0.2 = 20
    // (attention has no effect, info_weak_share is the group's first member, so the sign is its
    // own).
    assertEffect(rows.get(1), "harm_total", "users.switching_cost_mean", 20, 20, 0);
    assertEffect(rows.get(2), "harm_total", "rulemaking.legislative_lag_days", -150, 150, 0);
    String[] g = rows.get(3).split(",", -1);
    assertEquals("g", g[2]);
    assertEquals("users.info_weak_share users.attention_rate_per_day", g[3]);
    assertEquals(20, Double.parseDouble(g[8]), 1e-9);
    assertEquals("", g[5], "no signed mean for a group");
    assertEquals("", g[11], "no sigma for a group");
    // compliance_rate is constant: every effect 0.
    assertEffect(rows.get(4), "compliance_rate", "users.switching_cost_mean", 0, 0, 0);
    String manifest = Files.readString(tmp.resolve("out/manifest.json"));
    assertTrue(
        manifest.contains("\"design\": \"morris\"")
            && manifest.contains("\"trajectories\": 6")
            && manifest.contains("\"delta\": 0.6666666666666666"),
        manifest);
    // The sweep's report has the mu*-sigma figure and the effects table.
    govsim.report.ReportWriter.Written w =
        govsim.report.ReportWriter.write(tmp.resolve("out"), tmp.resolve("report"), false);
    assertTrue(Files.size(w.figures().resolve("morris-hybrid.svg")) > 0);
    assertTrue(Files.size(w.figures().resolve("morris-hybrid.png")) > 0);
    String html = Files.readString(w.html());
    assertTrue(
        html.contains("Morris screening")
            && html.contains("Morris effects: estimate [95% bootstrap interval]"),
        "report sections");
    // Same bytes on one thread.
    SweepFixtures.execute(sweep, tmp.resolve("one"), 1, LINEAR);
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("out/morris.csv")),
        Files.readAllBytes(tmp.resolve("one/morris.csv")));
  }

  private static void assertEffect(
      String row, String metric, String parameter, double mu, double muStar, double sigma) {
    String[] c = row.split(",", -1);
    assertEquals(metric, c[1], row);
    assertEquals(parameter, c[2], row);
    assertEquals("6", c[4], "one effect per trajectory: " + row);
    assertEquals(mu, Double.parseDouble(c[5]), 1e-9, row);
    assertEquals(muStar, Double.parseDouble(c[8]), 1e-9, row);
    assertEquals(sigma, Double.parseDouble(c[11]), 1e-9, row);
  }

  @Test
  void designIsAPureFunctionOfTheSweepFile() throws Exception {
    Path sweep = SweepFixtures.write(tmp, MORRIS);
    SweepPlan a = SweepFixtures.plan(sweep);
    SweepPlan b = SweepFixtures.plan(sweep);
    for (int p = 0; p < a.points(); p++) assertArrayEquals(a.point(p), b.point(p));
    // Values lie on the 4-level grid: switching cost in {0.5, 1.1667, 1.8333, 2.5}.
    for (int p = 0; p < a.points(); p++) {
      double s = (Double) a.point(p)[0];
      double level = (s - 0.5) / 2 * 3;
      assertEquals(Math.rint(level), level, 1e-9, "switching cost " + s);
    }
  }

  @Test
  void morrisErrorsAreNamed() throws Exception {
    Path f =
        SweepFixtures.write(
            tmp,
            """
        base: tiny.yaml
        design: morris
        samples: 1
        morris_levels: 5
        parameters:
          users.switching_cost_mean: [0.1, 0.5]
          users.info_weak_share: {min: 0.1, max: 0.3, group: "9bad"}
        """);
    String e = assertThrows(ScenarioException.class, () -> SweepFile.load(f)).format();
    assertTrue(
        e.contains("samples: design morris needs samples: r >= 2, the number of trajectories"), e);
    assertTrue(e.contains("morris_levels: morris_levels must be even"), e);
    assertTrue(
        e.contains(
            "parameters.users.switching_cost_mean: a morris design needs a range {min: a, max: b}"),
        e);
    assertTrue(e.contains("parameters.users.info_weak_share.group: expected a group name"), e);
    Path g =
        SweepFixtures.write(
            tmp,
            """
        base: tiny.yaml
        design: lhs
        samples: 4
        parameters:
          users.info_weak_share: {min: 0.1, max: 0.3, group: a}
        """);
    String e2 = assertThrows(ScenarioException.class, () -> SweepFile.load(g)).format();
    assertTrue(e2.contains("group: applies to morris designs only (this design is lhs)"), e2);
  }
}
