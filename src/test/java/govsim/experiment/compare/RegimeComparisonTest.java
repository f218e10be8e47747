package govsim.experiment.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.CompareCommand;
import govsim.experiment.SingleRun;
import govsim.experiment.TinyWorld;
import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.io.OutputFolder;
import govsim.model.Regime;
import govsim.observe.Metrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * govsim compare on a tiny world: common random numbers, thread invariance, failures, bad input.
 */
class RegimeComparisonTest {
  @TempDir Path tmp;

  private int compare(String... args) {
    CommandLine cl = new CommandLine(new CompareCommand());
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void oneAndTwoThreadsWriteTheSameBytes() throws Exception {
    Path scenario = TinyWorld.scenario(tmp);
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    assertEquals(
        0,
        compare(
            scenario.toString(),
            "--reps",
            "3",
            "--seed",
            "11",
            "--threads",
            "1",
            "--quiet",
            "--out",
            one.toString()));
    assertEquals(
        0,
        compare(
            scenario.toString(),
            "--reps",
            "3",
            "--seed",
            "11",
            "--threads",
            "2",
            "--quiet",
            "--out",
            two.toString()));
    assertEquals(
        RegimeComparison.FILES,
        List.of(
            "runs.csv",
            "runs.parquet",
            "timeseries.csv.gz",
            "timeseries.parquet",
            "comparison.csv",
            "paired_differences.csv",
            "timeseries_mean.csv",
            "survival.csv",
            "manifest.json"));
    for (String f : RegimeComparison.FILES) {
      if (f.equals("manifest.json")) continue;
      assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
    }
    assertEquals(
        TinyWorld.manifestWithout(
            one.resolve("manifest.json"), RegimeComparison.VOLATILE_MANIFEST_FIELDS),
        TinyWorld.manifestWithout(
            two.resolve("manifest.json"), RegimeComparison.VOLATILE_MANIFEST_FIELDS));

    List<String> runs = Files.readAllLines(one.resolve("runs.csv"));
    assertEquals(1 + 4 * 3, runs.size());
    // Common random numbers: replication i has the same seed in every regime.
    for (int rep = 0; rep < 3; rep++) {
      String seed = runs.get(1 + rep).split(",")[2];
      for (int regime = 1; regime < 4; regime++)
        assertEquals(seed, runs.get(1 + regime * 3 + rep).split(",")[2]);
    }
    assertEquals(
        1 + 4 * Metrics.RUN_NAMES.size(), Files.readAllLines(one.resolve("comparison.csv")).size());
    assertEquals(
        1 + 6 * Metrics.RUN_NAMES.size(),
        Files.readAllLines(one.resolve("paired_differences.csv")).size());
    assertTrue(
        Files.readAllLines(one.resolve("comparison.csv"))
            .get(0)
            .equals("regime,metric,mean,sd,ci_low,ci_high,n,interval"));
    // survival.csv: 4 regimes x 4 durations (issue 12.1 added the first response), pooled over
    // the 3 runs: its n and observed share
    // are those of the runs' own columns added up (n_pooled = sum of n, events = sum of n x share).
    List<String> survival = Files.readAllLines(one.resolve("survival.csv"));
    assertEquals(String.join(",", RegimeComparison.SURVIVAL_HEADER), survival.get(0));
    assertEquals(1 + 4 * 4, survival.size());
    List<String> header = List.of(runs.get(0).split(",", -1));
    int nCol = header.indexOf("governance_gap_km_n");
    int shareCol = header.indexOf("governance_gap_km_observed_share");
    for (int regime = 0; regime < 4; regime++) {
      double n = 0;
      double events = 0;
      for (int rep = 0; rep < 3; rep++) {
        String[] row = runs.get(1 + regime * 3 + rep).split(",", -1);
        double rn = Double.parseDouble(row[nCol]);
        n += rn;
        if (rn > 0) events += rn * Double.parseDouble(row[shareCol]);
      }
      String[] pooled = survival.get(1 + regime * 4).split(",", -1);
      assertEquals("governance_gap", pooled[1]);
      assertEquals("3", pooled[2]);
      assertEquals(n, Double.parseDouble(pooled[3]));
      assertEquals(events, Double.parseDouble(pooled[4]), 1e-6);
    }
  }

  @Test
  void aFailingRunIsReportedAndLeftOutOfTheStatistics() throws Exception {
    Path scenario = TinyWorld.scenario(tmp);
    RegimeComparison c =
        RegimeComparison.prepare(
            scenario, List.of(), List.of(Regime.CENTRALIZED, Regime.HYBRID), 3, 5L, 0.95);
    long badSeed = c.seeds()[1];
    ModelRunner failing =
        (spec, listener) -> {
          if (spec.seed() == badSeed && spec.regime() == Regime.HYBRID)
            throw new IllegalStateException("injected failure");
          return SingleRun.run(spec, listener);
        };
    OutputFolder folder = OutputFolder.open(tmp.resolve("out"), false);
    RegimeComparison.Result r =
        c.run(folder, new BatchRunner(2), failing, Progress.NONE, List.of("test"));
    folder.commit();
    assertEquals(1, r.failures().size());
    assertTrue(r.failures().get(0).contains("injected failure"), r.failures().get(0));
    assertEquals(2, r.estimates().get(Regime.HYBRID).get("harm_total").n());
    assertEquals(3, r.estimates().get(Regime.CENTRALIZED).get("harm_total").n());
    List<String> runs = Files.readAllLines(tmp.resolve("out/runs.csv"));
    assertTrue(
        runs.get(5).contains(",failed,") && runs.get(5).endsWith(",injected failure"), runs.get(5));
    // Paired differences use the two seeds both regimes completed.
    assertEquals(
        "2", Files.readAllLines(tmp.resolve("out/paired_differences.csv")).get(1).split(",")[7]);
  }

  @Test
  void badInputExitsWithTwoAndWritesNothing() throws Exception {
    Path scenario = TinyWorld.scenario(tmp);
    Path out = tmp.resolve("never");
    assertEquals(2, compare(scenario.toString(), "--regimes", "central", "--out", out.toString()));
    assertEquals(2, compare(scenario.toString(), "--reps", "0", "--out", out.toString()));
    assertEquals(
        2, compare(scenario.toString(), "--set", "users.count=-3", "--out", out.toString()));
    assertEquals(
        2, compare(scenario.toString(), "--set", "regime=hybrid", "--out", out.toString()));
    assertEquals(2, compare(tmp.resolve("missing.yaml").toString(), "--out", out.toString()));
    assertFalse(Files.exists(out));
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertEquals(
        2,
        compare(
            scenario.toString(), "--reps", "2", "--regimes", "hybrid", "--out", out.toString()));
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
  }

  @Test
  void tableStatesTheMethod() {
    String table =
        ComparisonTable.render(
            java.util.Map.of(
                Regime.HYBRID,
                java.util.Map.of(
                    "harm_total", new govsim.stats.Estimate(1234.5678, 10, 1200, 1260, 8))),
            List.of("harm_total"),
            8,
            0.95);
    assertTrue(table.contains("95% CI"), table);
    assertTrue(table.contains("per regime over 8 seeds: t-intervals, on the logit scale"), table);
    assertTrue(table.contains("1235 [1200, 1260]"), table);
  }

  /** Four regimes with wide intervals: the regimes' columns wrap into blocks of at most 100. */
  @Test
  void tableHasUnitsAndFitsOneHundredColumns() {
    java.util.Map<Regime, java.util.Map<String, govsim.stats.Estimate>> est =
        new java.util.LinkedHashMap<>();
    for (Regime r :
        List.of(Regime.LAISSEZ_FAIRE, Regime.CENTRALIZED, Regime.DISTRIBUTED, Regime.HYBRID)) {
      est.put(
          r,
          java.util.Map.of(
              "harm_total", new govsim.stats.Estimate(123456.78, 10, 120000.5, 126000.25, 8),
              "trust_mean", new govsim.stats.Estimate(0.81234, 0.1, 0.71234, 0.91234, 8)));
    }
    String table = ComparisonTable.render(est, List.of("harm_total", "trust_mean"), 8, 0.95);
    for (String line : table.split("\n")) assertTrue(line.length() <= 100, line);
    // Each cell 4 significant digits, as before; the metric's unit on the line under it.
    assertTrue(table.contains("123500 [120000, 126000]"), table);
    String unit = govsim.observe.Metrics.runDoc("harm_total").unit();
    assertTrue(table.contains("123500 [120000, 126000]\n  " + unit + "\n"), table);
    // Regime cells of 23 characters after a metric column of 10 (trust_mean): three regimes fit
    // 10 + 3 x 25 = 85 columns, four would need 110; so two blocks, all four regimes between them.
    assertEquals(3, table.split("\n\nmetric ").length, "two blocks: " + table);
    assertTrue(table.lastIndexOf("\n\nmetric ") < table.indexOf(" hybrid\n"), table);
    for (Regime r : est.keySet()) assertTrue(table.contains(r.yamlName()), table);
  }

  @Test
  void prepareRefusesRepeatedRegimes() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RegimeComparison.prepare(
                Path.of("x.yaml"),
                List.of(),
                List.of(Regime.HYBRID, Regime.HYBRID),
                2,
                null,
                0.95));
  }
}
