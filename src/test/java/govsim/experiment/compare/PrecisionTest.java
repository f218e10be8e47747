package govsim.experiment.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import govsim.experiment.TinyWorld;
import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Progress;
import govsim.io.OutputFolder;
import govsim.model.Regime;
import govsim.observe.Metrics;
import govsim.observe.RunResult;
import govsim.stats.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --precision's stopping rule on a model with known outputs: every summary metric is 1 in every run
 * (sd 0: half-width 0, the target holds) but harm_total, which is 100 for even replications and 120
 * for odd ones, in both regimes.
 */
class PrecisionTest {
  @TempDir Path tmp;

  private static ModelRunner known(RegimeComparison c) {
    long[] seeds = c.seeds();
    return (spec, listener) -> {
      int rep = -1;
      for (int i = 0; i < seeds.length; i++) if (seeds[i] == spec.seed()) rep = i;
      Map<String, Double> summary = new LinkedHashMap<>();
      for (String m : Metrics.RUN_NAMES) summary.put(m, 1.0);
      summary.put("harm_total", rep % 2 == 0 ? 100.0 : 120.0);
      return new RunResult(spec, summary, null, 0);
    };
  }

  private RegimeComparison.Result run(RegimeComparison c, Path out, int threads) throws Exception {
    OutputFolder folder = OutputFolder.open(out, false);
    RegimeComparison.Result r =
        c.run(folder, new BatchRunner(threads), known(c), Progress.NONE, List.of("test"));
    folder.commit();
    return r;
  }

  @Test
  void replicationsAreAddedInRoundsUntilTheHalfWidthIsReached() throws Exception {
    Path scenario = TinyWorld.scenario(tmp);
    RegimeComparison c =
        RegimeComparison.prepare(
                scenario, List.of(), List.of(Regime.CENTRALIZED, Regime.HYBRID), 3, 5L, 0.95)
            .withPrecision(0.05, 64);
    RegimeComparison.Result r = run(c, tmp.resolve("a"), 2);
    // harm_total is non-negative: log-scale interval, half-width (hi - lo) / 2 against 0.05 x mean.
    // n = 3 (100, 120, 100): mean 106.67, interval [81.515, 139.578], ratio 5.443 -> at most 2n =
    // 6.
    // n = 6: mean 110, [99.084, 122.118], ratio 2.094; 6 x 2.094^2 = 26.3 -> capped at 12.
    // n = 12: [103.560, 116.840], ratio 1.2073; ceil(12 x 1.2073^2) = ceil(17.49) = 18.
    // n = 18: [105.000, 115.238], ratio 0.9307 <= 1: stop with 18 seeds per regime.
    assertEquals(18, r.replications());
    assertEquals(0.9307091161, r.precisionRatio(), 1e-9);
    Estimate e = r.estimates().get(Regime.HYBRID).get("harm_total");
    assertEquals(18, e.n());
    assertEquals(110, e.mean(), 1e-12);
    assertEquals(105.0001406, e.ciLow(), 1e-6);
    assertEquals(115.2379409, e.ciHigh(), 1e-6);
    JsonObject m =
        JsonParser.parseString(Files.readString(tmp.resolve("a/manifest.json"))).getAsJsonObject();
    JsonObject p = m.getAsJsonObject("precision");
    assertEquals("[3,6,12,18]", p.get("replications_per_round").toString());
    assertTrue(p.get("reached").getAsBoolean());
    assertEquals(18, m.get("replications").getAsInt());
    assertEquals(18, m.getAsJsonArray("seeds").size());
    // Seeds are the fixed sequence replication=i: the first 3 are those of a plain --reps 3.
    assertEquals(c.seeds()[2], m.getAsJsonArray("seeds").get(2).getAsLong());
    assertEquals(1 + 2 * 18, Files.readAllLines(tmp.resolve("a/runs.csv")).size());

    // Same outputs on one thread.
    run(c, tmp.resolve("b"), 1);
    for (String f : List.of("runs.csv", "comparison.csv", "paired_differences.csv"))
      assertEquals(
          Files.readString(tmp.resolve("a").resolve(f)),
          Files.readString(tmp.resolve("b").resolve(f)),
          f);
  }

  @Test
  void theCeilingStopsTheRoundsAndSaysTheTargetWasMissed() throws Exception {
    Path scenario = TinyWorld.scenario(tmp);
    RegimeComparison c =
        RegimeComparison.prepare(scenario, List.of(), List.of(Regime.HYBRID), 3, 5L, 0.95)
            .withPrecision(0.05, 10);
    RegimeComparison.Result r = run(c, tmp.resolve("c"), 2);
    // Rounds 3, 6, then 12 capped at the ceiling 10; at n = 10 the ratio is still above 1.
    assertEquals(10, r.replications());
    assertTrue(r.precisionRatio() > 1, "ratio " + r.precisionRatio());
    JsonObject p =
        JsonParser.parseString(Files.readString(tmp.resolve("c/manifest.json")))
            .getAsJsonObject()
            .getAsJsonObject("precision");
    assertEquals("[3,6,10]", p.get("replications_per_round").toString());
    assertEquals(false, p.get("reached").getAsBoolean());
    assertThrows(IllegalArgumentException.class, () -> c.withPrecision(0, 10));
    assertThrows(IllegalArgumentException.class, () -> c.withPrecision(0.1, 2));
  }
}
