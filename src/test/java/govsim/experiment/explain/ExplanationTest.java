package govsim.experiment.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.CliTest;
import govsim.cli.CliTest.Outcome;
import govsim.experiment.SingleRun;
import govsim.experiment.TinyWorld;
import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.experiment.batch.RunGuard;
import govsim.io.OutputFolder;
import govsim.model.ModelSpec;
import govsim.model.Regime;
import govsim.model.Scenarios;
import govsim.observe.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code govsim explain} on a real small scenario, and its command line end to end. */
class ExplanationTest {
  @TempDir Path tmp;

  private Explanation.Request request(Path scenario, boolean bySection, int reps) {
    return new Explanation.Request(
        scenario,
        null,
        Regime.DISTRIBUTED,
        Regime.HYBRID,
        List.of(),
        reps,
        null,
        0.95,
        bySection,
        0,
        "harm_total",
        false);
  }

  @Test
  void theItemsAreTheKeysThePresetsSetDifferently() throws Exception {
    Path s = TinyWorld.scenario(tmp);
    Explanation ex = Explanation.prepare(request(s, false, 2));
    List<String> names = ex.items().stream().map(Explanation.Item::name).toList();
    assertEquals(
        List.of(
            "rulemaking.enabled",
            "rulemaking.min_severity",
            "enforcement.enabled",
            "synergy.transparency_mandate",
            "synergy.recognize_certification",
            "synergy.signals",
            "synergy.backstop",
            "synergy.protect_vulnerable",
            "synergy.codification",
            "synergy.law_silence_formation",
            "synergy.soft_signals"),
        names);
    assertEquals("false", ex.items().get(0).fromText());
    assertEquals("true", ex.items().get(0).toText());
    assertEquals("10", ex.items().get(1).toText());
    // 11 items (issue 13 added three powers): more than EXACT_MAX, so 32 sampled permutations.
    assertFalse(ex.exact());
    assertEquals(Explanation.DEFAULT_PERMUTATIONS, ex.permutationCount());
    assertTrue(ex.coalitionCount() <= 32 * 10 + 2);
    assertEquals(2 * ex.coalitionCount(), ex.runs());
    // By section: rulemaking, enforcement, synergy.
    Explanation bySection = Explanation.prepare(request(s, true, 2));
    assertEquals(
        List.of("rulemaking", "enforcement", "synergy"),
        bySection.items().stream().map(Explanation.Item::name).toList());
    assertEquals("enabled=false; min_severity=0", bySection.items().get(0).fromText());
    // More permutations than 8 items need: sampled on request.
    Explanation sampled =
        Explanation.prepare(
            new Explanation.Request(
                s,
                null,
                Regime.DISTRIBUTED,
                Regime.HYBRID,
                List.of(),
                2,
                null,
                0.95,
                false,
                5,
                "harm_total",
                false));
    assertEquals(5, sampled.permutationCount());
    assertTrue(sampled.coalitionCount() <= 5 * 10 + 2);
  }

  @Test
  void identicalSidesOrAnUnknownMetricAreRefused() throws Exception {
    Path s = TinyWorld.scenario(tmp);
    var same =
        new Explanation.Request(
            s,
            null,
            Regime.HYBRID,
            Regime.HYBRID,
            List.of(),
            2,
            null,
            0.95,
            false,
            0,
            "harm_total",
            false);
    var e = assertThrows(Explanation.ExplainException.class, () -> Explanation.prepare(same));
    assertTrue(e.getMessage().contains("nothing to explain"), e.getMessage());
    var metric =
        new Explanation.Request(
            s,
            null,
            Regime.DISTRIBUTED,
            Regime.HYBRID,
            List.of(),
            2,
            null,
            0.95,
            false,
            0,
            "harm",
            false);
    e = assertThrows(Explanation.ExplainException.class, () -> Explanation.prepare(metric));
    assertTrue(
        e.getMessage().startsWith("--metric: unknown summary metric 'harm'"), e.getMessage());
  }

  @Test
  void shapleyValuesSumToThePairedDifferenceOfTheTwoRegimesRunDirectly() throws Exception {
    Path s = TinyWorld.scenario(tmp);
    Explanation ex = Explanation.prepare(request(s, true, 3));
    OutputFolder folder = OutputFolder.open(tmp.resolve("out"), false);
    Explanation.Result result =
        ex.run(
            folder,
            new BatchRunner(2),
            ModelRunner.SINGLE_RUN,
            RunGuard.of(null),
            Progress.NONE,
            List.of("test"));
    folder.commit();
    // The coalition of every item is the hybrid run, that of none the distributed run, seed by
    // seed (the seeds of govsim compare): run both regimes directly.
    ModelSpec dist = Scenarios.load(s, List.of("regime=distributed")).config();
    ModelSpec hyb = Scenarios.load(s, List.of("regime=hybrid")).config();
    long[] seeds = ex.seeds();
    double diff = 0;
    double from = 0;
    for (long seed : seeds) {
      double a =
          SingleRun.run(dist.withSeed(seed), new RunListener() {}).summary().get("harm_total");
      double b =
          SingleRun.run(hyb.withSeed(seed), new RunListener() {}).summary().get("harm_total");
      diff += (b - a) / seeds.length;
      from += a / seeds.length;
    }
    Shapley.Result r = result.of("harm_total");
    assertEquals(from, r.from().mean(), 1e-9 * Math.abs(from));
    assertEquals(diff, r.total().mean(), 1e-9 * Math.max(1, Math.abs(diff)));
    double sum = 0;
    for (Shapley.Value v : r.items()) sum += v.shapley();
    assertEquals(r.total().mean(), sum, 1e-9 * Math.max(1, Math.abs(diff)));
    assertTrue(diff != 0, "the regimes should differ in harm on this world");
    // Files: one row per metric and item, one run row per coalition and seed.
    Path out = tmp.resolve("out");
    List<String> shapley = Files.readAllLines(out.resolve("shapley.csv"));
    assertEquals(
        "metric,item,from_value,to_value,shapley,sd,ci_low,ci_high,n,sampling_se", shapley.get(0));
    assertEquals(1 + 3 * govsim.observe.Metrics.RUN_NAMES.size(), shapley.size());
    assertEquals(1 + 8 * 3, Files.readAllLines(out.resolve("coalitions.csv")).size());
    assertTrue(Files.size(out.resolve("manifest.json")) > 0);
  }

  @Test
  void theCommandLineWritesTheTablesAndTheFigure() throws Exception {
    Path s = TinyWorld.scenario(tmp);
    Path out = tmp.resolve("explained");
    Outcome o =
        CliTest.exec(
            "explain",
            s.toString(),
            "--from",
            "distributed",
            "--to",
            "hybrid",
            "--by",
            "section",
            "--reps",
            "2",
            "--threads",
            "2",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("harm_total: distributed -> hybrid (n = 2 seeds)"), o.out());
    assertTrue(o.out().contains("difference (to - from)"), o.out());
    for (String f :
        List.of(
            "shapley.csv",
            "totals.csv",
            "coalitions.csv",
            "manifest.json",
            "explain.png",
            "explain.svg",
            "explain.csv")) assertTrue(Files.isRegularFile(out.resolve(f)), f);
    // The waterfall's data beside it: the steps, the total and their intervals.
    assertEquals(
        "panel,panel_title,series,x,y,y_low,y_high,z",
        Files.readAllLines(out.resolve("explain.csv")).get(0));
    List<String> totals = Files.readAllLines(out.resolve("totals.csv"));
    assertEquals("metric,from_mean,to_mean,difference,ci_low,ci_high,n", totals.get(0));
    assertTrue(totals.get(1).startsWith("harm_total,"), totals.get(1));
    // Again without --force: refused, nothing changed.
    Outcome again =
        CliTest.exec(
            "explain",
            s.toString(),
            "--from",
            "distributed",
            "--to",
            "hybrid",
            "--by",
            "section",
            "--reps",
            "2",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already exists"), again.err());
    // Bad input: exit 2 and one line.
    Outcome bad = CliTest.exec("explain", s.toString(), "--from", "distributd", "--to", "hybrid");
    assertEquals(2, bad.code());
    assertEquals(
        "govsim explain: --from: unknown regime 'distributd' (one of: laissez_faire, centralized,"
            + " distributed, hybrid)",
        bad.err().strip());
    Outcome none = CliTest.exec("explain", s.toString(), "--from", "hybrid", "--to", "hybrid");
    assertEquals(2, none.code());
    Outcome noTo = CliTest.exec("explain", s.toString(), "--from", "hybrid");
    assertEquals(2, noTo.code());
    assertTrue(noTo.err().contains("--to REGIME or --to-scenario FILE"), noTo.err());
  }

  @Test
  void aSecondScenarioFileIsTheToSide() throws Exception {
    Path a = TinyWorld.scenario(tmp);
    Path b = tmp.resolve("b.yaml");
    Files.writeString(
        b,
        "name: tiny-b\nusers:\n  count: 2000\n  switching_cost_mean: 0.5\ntime:\n  horizon_days: 120\n");
    Outcome o =
        CliTest.exec(
            "explain", a.toString(), "--to-scenario", b.toString(), "--reps", "2", "--dry-run");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("1 item(s), exact, 2 coalitions x 2 seeds = 4 runs"), o.err());
    assertTrue(o.err().contains("users.switching_cost_mean:"), o.err());
  }
}
