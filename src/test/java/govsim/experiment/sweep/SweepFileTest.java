package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.model.Regime;
import govsim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweep files are validated like scenarios: every error at once, with file:line:col and key path.
 */
class SweepFileTest {
  @TempDir Path tmp;

  private String errors(String text) throws Exception {
    Path f = SweepFixtures.write(tmp, text);
    ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFile.load(f));
    return e.format().replace(tmp.toString() + "/", "");
  }

  @Test
  void validFileGivesTypedParameters() throws Exception {
    SweepDefinition d =
        SweepFile.load(
            SweepFixtures.write(
                tmp,
                """
        base: tiny.yaml
        set: [users.count=1000]
        design: grid
        parameters:
          users.count: [500, 800]
          users.switching_cost_mean: [0.01, 1]
          firms.decision_rule: [logit, fermi]
          users.info_weak_share: {min: 0.1, max: 0.3, levels: 3}
        """));
    assertEquals("sweep", d.name());
    assertEquals(List.of(500L, 800L), d.parameters().get(0).values());
    assertEquals(List.of(0.01, 1.0), d.parameters().get(1).values());
    assertEquals(List.of("logit", "fermi"), d.parameters().get(2).values());
    assertEquals(3, d.parameters().get(3).gridValues().size());
    assertEquals(List.of(Regime.HYBRID), d.regimes(), "no regimes: the base scenario's own");
    assertEquals(1000, d.scenarios().get(0).config().users().count());
    assertEquals(2, d.inputs().size(), "the sweep file and tiny.yaml");
  }

  @Test
  void parameterErrorsArePlacedInTheSweepFile() throws Exception {
    String e =
        errors(
            """
        base: tiny.yaml
        design: grid
        parameters:
          users.switching_cost_meen: [0.01, 0.1]
          users.count: {min: 10, max: 5.5, lvels: 3}
          rulemaking.legislative_lag_days: [30, -5, "x", 30]
          regime: [hybrid]
          users: [1]
          users.attention_rate_per_day: {min: 0, max: 2, log: true}
          firms.decision_rule: {min: 0, max: 1}
          users.switching_cost_mean: {min: 0, max: 1}
        """);
    assertTrue(
        e.contains(
            "sweep.yaml:4:3: parameters.users.switching_cost_meen: unknown scenario key"
                + " 'users.switching_cost_meen'; did you mean 'users.switching_cost_mean'?"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:5:31: parameters.users.count.max: expected an integer in [1, 50000000]"
                + " (users), found 5.5"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:5:36: parameters.users.count.lvels: unknown key 'lvels'; did you mean"
                + " 'levels'?"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:6:41: parameters.rulemaking.legislative_lag_days[1]: expected a number in"
                + " [0, 36500] (days), found -5"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:6:45: parameters.rulemaking.legislative_lag_days[2]: expected a number"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:6:50: parameters.rulemaking.legislative_lag_days[3]: value 30 listed twice"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:7:3: parameters.regime: cannot vary regime: vary the regime with the sweep's"
                + " regimes: key"),
        e);
    assertTrue(e.contains("sweep.yaml:8:3: parameters.users: users is a section"), e);
    assertTrue(
        e.contains(
            "sweep.yaml:9:33: parameters.users.attention_rate_per_day: a log range needs min > 0"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:10:24: parameters.firms.decision_rule: a range {min, max} needs a number or"
                + " integer key"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:11:30: parameters.users.switching_cost_mean: a range in a grid needs levels"),
        e);
    assertTrue(e.endsWith("11 errors in sweep.yaml"), e);
  }

  @Test
  void settingsAndSetErrorsAreReportedTogether() throws Exception {
    String e =
        errors(
            """
        base: tiny.yaml
        design: grid
        set:
          - users.cont=5
        parameters:
          users.switching_cost_meen: [0.01, 0.1]
        metrics: [harm_totl]
        regimes: [hybrid, hybrid]
        """);
    assertTrue(e.contains("sweep.yaml:4:5: set[0]: unknown key 'cont'; did you mean 'count'?"), e);
    assertTrue(
        e.contains("sweep.yaml:6:3: parameters.users.switching_cost_meen: unknown scenario key"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:7:11: metrics[0]: unknown summary metric 'harm_totl'; did you mean"
                + " 'harm_total'?"),
        e);
    assertTrue(e.contains("sweep.yaml:8:19: regimes[1]: regime 'hybrid' listed twice"), e);
  }

  @Test
  void loaderErrorsKeepTheirPositions() throws Exception {
    String e =
        errors(
            """
        base: tiny.yaml
        design: sobl
        replications: 0
        sed: 3
        parameters:
          users.count: [10]
        """);
    assertTrue(
        e.contains(
            "sweep.yaml:2:9: design: expected one of grid, random, lhs, sobol, morris, found 'sobl': did you"
                + " mean 'sobol'?"),
        e);
    assertTrue(
        e.contains(
            "sweep.yaml:3:15: replications: expected an integer in [1, 100000] (runs), found 0"),
        e);
    assertTrue(e.contains("sweep.yaml:4:1: sed: unknown key 'sed'; did you mean 'set'?"), e);
  }

  @Test
  void missingPiecesAreNamed() throws Exception {
    assertTrue(errors("design: grid\n").contains("sweep.yaml: base: missing required key 'base'"));
    assertTrue(
        errors("base: tiny.yaml\ndesign: sobol\nparameters:\n  users.count: {min: 10, max: 20}\n")
            .contains("sweep.yaml:2:9: samples: design sobol needs samples: N >= 2"));
    assertTrue(
        errors("base: tiny.yaml\nextends: other.yaml\n")
            .contains("sweep.yaml:2:1: extends: a sweep file" + " cannot extend another file"));
    assertTrue(
        errors("base: tiny.yaml\nparameters: [users.count]\n")
            .contains(
                "sweep.yaml:2:13: parameters:" + " expected a mapping of scenario key paths"));
    assertTrue(errors("base: missing.yaml\n").contains("missing.yaml"));
    assertTrue(
        errors("base: tiny.yaml\nparameters:\n  users.count: 5\n")
            .contains(
                "sweep.yaml:3:16:"
                    + " parameters.users.count: expected a list of values [a, b, ...] or a range {min: a, max: b}, found 5"));
  }
}
