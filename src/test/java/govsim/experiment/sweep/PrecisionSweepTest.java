package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import govsim.experiment.batch.ModelRunner;
import govsim.observe.Metrics;
import govsim.observe.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govsim sweep --precision} on a stand-in model with known outputs: at point 0 harm_total is
 * 50 in every run (sd 0: the target holds with the first 3 replications); at point 1 it is 100 for
 * even replications and 120 for odd ones, in both regimes, so the rounds are those worked out by
 * hand for {@code compare --precision} (PrecisionTest): 3, 6, 12, 18.
 */
class PrecisionSweepTest {
  @TempDir Path tmp;

  static final String SWEEP =
      """
      base: tiny.yaml
      design: grid
      parameters:
        users.switching_cost_mean: [0.01, 0.5]
      replications: 3
      regimes: [centralized, hybrid]
      seed: 9
      metrics: [harm_total]
      record_every_steps: 20
      """;

  private Path sweep;
  private SweepPlan plan;

  private void setUp(int maxReps) throws Exception {
    sweep = SweepFixtures.write(tmp.resolve("in"), SWEEP);
    plan =
        SweepPlan.of(
            SweepFile.load(sweep), new SweepPrecision(0.05, maxReps, List.of("harm_total")));
  }

  /** harm_total from the run's seed: the (point, replication) it belongs to. */
  private ModelRunner known() {
    Map<Long, int[]> where = new LinkedHashMap<>();
    for (int p = 0; p < plan.points(); p++)
      for (int r = 0; r < plan.replications(); r++) where.put(plan.seed(p, r), new int[] {p, r});
    return (spec, listener) -> {
      int[] pr = where.get(spec.seed());
      Map<String, Double> summary = new LinkedHashMap<>();
      for (String m : Metrics.RUN_NAMES) summary.put(m, 1.0);
      summary.put("harm_total", pr[0] == 0 ? 50.0 : pr[1] % 2 == 0 ? 100.0 : 120.0);
      return new RunResult(spec, summary, null, 0);
    };
  }

  private SweepExecution.Status run(Path out, int threads, SweepEngine engine, boolean resume) {
    return run(out, threads, engine, resume, new SweepPrecision(0.05, 64, List.of()), null);
  }

  private SweepExecution.Status run(
      Path out,
      int threads,
      SweepEngine engine,
      boolean resume,
      SweepPrecision precision,
      StringWriter err) {
    return SweepExecution.execute(
        new SweepExecution.Request(
            sweep,
            out,
            threads,
            resume,
            false,
            false,
            false,
            true,
            false,
            List.of("test"),
            SweepExecution.LOCAL,
            null,
            null,
            false,
            null,
            precision),
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(err == null ? new StringWriter() : err, true),
        engine);
  }

  @Test
  void eachPointGetsTheReplicationsItsIntervalNeeds() throws Exception {
    setUp(64);
    Path a = tmp.resolve("a");
    assertEquals(SweepExecution.Status.OK, run(a, 2, new LocalEngine(2, known()), false));
    // Point 0: sd 0, reached at n = 3 (ratio 0). Point 1: ratios 5.443 (n 3 -> 6), 2.094 (-> 12,
    // capped at 2n), 1.2073 (-> ceil(12 x 1.2073^2) = 18), 0.9307 at n = 18: reached.
    List<String> precision = Files.readAllLines(a.resolve("precision.csv"));
    assertEquals(
        List.of(
            "point,users.switching_cost_mean,replications,reached,worst_ratio",
            "0,0.01,3,true,0",
            "1,0.5,18,true,0.9307091161"),
        precision);
    // aggregate.csv: n per point and regime; the hybrid interval of point 1 as in PrecisionTest.
    List<String> agg = Files.readAllLines(a.resolve("aggregate.csv"));
    assertEquals("0,0.01,centralized,harm_total,50,0,50,50,3,log", agg.get(1));
    assertTrue(agg.get(4).startsWith("1,0.5,hybrid,harm_total,110,"), agg.get(4));
    assertTrue(agg.get(4).endsWith(",18,log"), agg.get(4));
    // runs.csv: 2 regimes x (3 + 18) runs; point 1's ids start at (1 x 64 + 0) x 2 = 128.
    List<String> runs = Files.readAllLines(a.resolve("runs.csv"));
    assertEquals(1 + 2 * (3 + 18), runs.size());
    assertTrue(runs.get(7).startsWith("128,1,0.5,centralized,0,"), runs.get(7));
    assertEquals(
        plan.seed(1, 17), Long.parseLong(runs.get(runs.size() - 1).split(",")[5]), "last seed");
    JsonObject m =
        JsonParser.parseString(Files.readString(a.resolve("manifest.json"))).getAsJsonObject();
    JsonObject p = m.getAsJsonObject("precision");
    assertEquals(0.05, p.get("target_relative_half_width").getAsDouble());
    assertEquals("[\"harm_total\"]", p.get("metrics").toString());
    assertEquals(4, p.get("rounds").getAsInt());
    assertEquals(3, p.get("replications_min").getAsInt());
    assertEquals(18, p.get("replications_max").getAsInt());
    assertEquals(2, p.get("points_reached").getAsInt());
    assertEquals(42, m.get("runs").getAsInt());

    // One thread: the same bytes.
    Path b = tmp.resolve("b");
    assertEquals(SweepExecution.Status.OK, run(b, 1, new LocalEngine(1, known()), false));
    for (String f : files()) assertSame(a, b, f);
  }

  @Test
  void theCeilingStopsAPointAndPrecisionCsvSaysSo() throws Exception {
    setUp(10);
    Path c = tmp.resolve("c");
    assertEquals(
        SweepExecution.Status.OK,
        run(
            c,
            2,
            new LocalEngine(2, known()),
            false,
            new SweepPrecision(0.05, 10, List.of()),
            null));
    List<String> precision = Files.readAllLines(c.resolve("precision.csv"));
    // Point 1: 3, 6, then 12 capped at 10, still wider than the target.
    assertTrue(precision.get(2).startsWith("1,0.5,10,false,"), precision.get(2));
  }

  @Test
  void aSessionStoppedMidRoundResumesToTheSameBytes() throws Exception {
    setUp(64);
    Path whole = tmp.resolve("whole");
    assertEquals(SweepExecution.Status.OK, run(whole, 2, new LocalEngine(2, known()), false));
    // An engine that, in the third round, records only half of the runs asked for and returns:
    // what a kill leaves (the journal holds the finished runs; the session fails).
    Path cut = tmp.resolve("cut");
    LocalEngine local = new LocalEngine(2, known());
    int[] calls = {0};
    SweepEngine dying =
        new SweepEngine() {
          @Override
          public void execute(SweepWork work, List<Integer> runs, RecordSink sink)
              throws java.io.IOException, InterruptedException {
            calls[0]++;
            List<Integer> some =
                calls[0] == 3 ? new ArrayList<>(runs.subList(0, runs.size() / 2)) : runs;
            local.execute(work, some, sink);
          }

          @Override
          public String label() {
            return "dying";
          }

          @Override
          public Map<String, Object> describe() {
            return local.describe();
          }
        };
    assertEquals(SweepExecution.Status.FAILURE, run(cut, 2, dying, false));
    assertTrue(!Files.exists(cut.resolve("runs.csv")));
    StringWriter err = new StringWriter();
    // Resuming with another target is refused with the reason.
    assertEquals(
        SweepExecution.Status.BAD_INPUT,
        run(
            cut,
            2,
            new LocalEngine(2, known()),
            true,
            new SweepPrecision(0.1, 64, List.of()),
            err));
    assertTrue(
        err.toString().contains("started with --precision 0.05 --max-reps 64"), err.toString());
    assertEquals(SweepExecution.Status.OK, run(cut, 1, new LocalEngine(1, known()), true));
    for (String f : files()) assertSame(whole, cut, f);
  }

  @Test
  void aShardCannotTargetPrecision() throws Exception {
    setUp(64);
    StringWriter err = new StringWriter();
    SweepExecution.Status s =
        SweepExecution.execute(
            new SweepExecution.Request(
                sweep,
                tmp.resolve("s"),
                1,
                false,
                false,
                false,
                false,
                true,
                false,
                List.of("test"),
                SweepExecution.LOCAL,
                null,
                Shard.parse("1/2"),
                false,
                null,
                new SweepPrecision(0.05, 64, List.of())),
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            known());
    assertEquals(SweepExecution.Status.BAD_INPUT, s);
    assertTrue(err.toString().contains("without --shard"), err.toString());
  }

  private static List<String> files() {
    List<String> f = new ArrayList<>(SweepFixtures.deterministicFiles());
    f.remove("timeseries.csv.gz");
    f.remove("timeseries.parquet");
    f.add("precision.csv");
    return f;
  }

  private static void assertSame(Path a, Path b, String f) throws Exception {
    assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
  }
}
