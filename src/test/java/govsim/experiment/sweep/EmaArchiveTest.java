package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import govsim.experiment.batch.ModelRunner;
import govsim.io.ParquetRows;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ema_results.tar.gz read the way ema_workbench.load_results (2.x) reads it: metadata.json names
 * each outcome's class and file and each experiments column's dtype; a ScalarOutcome file has no
 * header and one value per line; a TimeSeriesOutcome file has a header row 0..T-1 and one row per
 * experiment. And the Parquet tables against runs.csv.
 */
class EmaArchiveTest {
  @TempDir Path tmp;

  private static Map<String, String> members(Path archive) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        assertEquals(0, e.getModTime().getTime(), "fixed time stamp of " + e.getName());
        out.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void theArchiveHasLoadResultsLayoutWithTimeSeriesAndTheParquetTablesMatchTheCsv()
      throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    SweepFixtures.Run run = SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN);
    assertEquals(SweepExecution.Status.OK, run.status(), run.err());
    Map<String, String> m = members(out.resolve("ema_results.tar.gz"));
    assertEquals(
        List.of(
            "experiments.csv",
            "harm_total.cls",
            "compliance_rate.cls",
            "governance_gap_days_mean.cls",
            "TIME.csv",
            "harm_total_series.csv",
            "compliance_rate_series.csv",
            "governance_gap_days_mean_series.csv",
            "metadata.json"),
        new ArrayList<>(m.keySet()));
    JsonObject meta = JsonParser.parseString(m.get("metadata.json")).getAsJsonObject();
    assertEquals(0.1, meta.get("version").getAsDouble(), 0.0);
    JsonObject dtypes = meta.getAsJsonObject("experiments");
    // load_results casts each column named here: the keys must be experiments.csv's header.
    String header = m.get("experiments.csv").lines().findFirst().orElseThrow();
    assertEquals(String.join(",", dtypes.keySet()), header);
    assertEquals(
        "users.switching_cost_mean,rulemaking.legislative_lag_days,scenario,policy,model", header);
    assertEquals("float64", dtypes.get("users.switching_cost_mean").getAsString());
    assertEquals("int64", dtypes.get("scenario").getAsString());
    assertEquals("category", dtypes.get("policy").getAsString());
    JsonArray outcomes = meta.getAsJsonArray("outcomes");
    assertEquals(7, outcomes.size());
    assertEquals(
        "[\"ScalarOutcome\",\"harm_total\",\"harm_total.cls\"]", outcomes.get(0).toString());
    assertEquals("[\"TimeSeriesOutcome\",\"TIME\",\"TIME.csv\"]", outcomes.get(3).toString());

    // 16 runs, all ok: 16 experiment rows, 16 scalar lines, header + 16 series rows.
    List<String> outcomesCsv = Files.readAllLines(out.resolve("outcomes.csv"));
    assertEquals(17, m.get("experiments.csv").lines().count());
    List<String> harm = m.get("harm_total.cls").lines().toList();
    assertEquals(16, harm.size());
    for (int i = 0; i < 16; i++)
      assertEquals(outcomesCsv.get(i + 1).split(",", -1)[0], harm.get(i), "run " + i);
    // The tiny world has no regulator rule in 60 days under some seeds: the undefined mean gap is
    // NaN, never an empty line (pandas skips blank lines and would shift the rows).
    for (String line : m.get("governance_gap_days_mean.cls").lines().toList())
      assertTrue(!line.isEmpty(), "no blank line");
    // 60 days recorded every 20 steps: days 1, 21, 41 and the last day 60.
    List<String> time = m.get("TIME.csv").lines().toList();
    assertEquals("0,1,2,3", time.get(0));
    assertEquals(17, time.size());
    assertEquals("1,21,41,60", time.get(1));
    assertEquals(17, m.get("harm_total_series.csv").lines().count());

    // runs.parquet: the runs.csv rows, typed; timeseries.parquet: the key columns in front.
    List<Map<String, Object>> runs = ParquetRows.read(out.resolve("runs.parquet"));
    List<String> runsCsv = Files.readAllLines(out.resolve("runs.csv"));
    assertEquals(runsCsv.size() - 1, runs.size());
    String[] csvHeader = runsCsv.get(0).split(",", -1);
    for (int r = 0; r < runs.size(); r++) {
      String[] cells = runsCsv.get(r + 1).split(",", -1);
      for (int c = 0; c < csvHeader.length; c++) {
        Object v = runs.get(r).get(csvHeader[c]);
        String expected = cells[c];
        String actual =
            v == null ? "" : v instanceof Double d ? govsim.observe.Num.format(d) : v.toString();
        assertEquals(expected, actual, "run " + r + " column " + csvHeader[c]);
      }
    }
    List<Map<String, Object>> series = ParquetRows.read(out.resolve("timeseries.parquet"));
    assertEquals(16 * 4, series.size());
    assertEquals(
        List.of("run", "point", "regime", "replication", "step", "day"),
        new ArrayList<>(series.get(0).keySet()).subList(0, 6));
    Map<String, Object> last = series.get(series.size() - 1);
    assertEquals(15L, last.get("run"));
    assertEquals(3L, last.get("point"));
    assertEquals("hybrid", last.get("regime"));
    assertEquals(1L, last.get("replication"));
    assertEquals(60.0, (Double) last.get("day"), 0.0);

    pythonCheck(out.resolve("ema_results.tar.gz"));
  }

  /** The same parsing in Python with pandas (Debian's python3), where it is installed. */
  private void pythonCheck(Path archive) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
    Process probe = new ProcessBuilder(python.toString(), "-c", "import pandas, numpy").start();
    Assumptions.assumeTrue(
        probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "no pandas/numpy");
    Path script = tmp.resolve("ema_load_results_check.py");
    try (InputStream in = getClass().getResourceAsStream("ema_load_results_check.py")) {
      Files.copy(in, script);
    }
    Process p =
        new ProcessBuilder(python.toString(), script.toString(), archive.toString())
            .redirectErrorStream(true)
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), text);
    JsonObject r = JsonParser.parseString(text.strip()).getAsJsonObject();
    assertEquals("[16,5]", r.get("experiments_shape").toString());
    assertEquals(
        "[\"float64\",\"float64\",\"int64\",\"category\",\"category\"]",
        r.get("experiments_dtypes").toString());
    JsonObject o = r.getAsJsonObject("outcomes");
    assertEquals("[16]", o.getAsJsonObject("harm_total").get("shape").toString());
    assertEquals("[16,4]", o.getAsJsonObject("TIME").get("shape").toString());
    assertEquals("[16,4]", o.getAsJsonObject("harm_total_series").get("shape").toString());
    assertEquals("float64", o.getAsJsonObject("harm_total_series").get("dtype").getAsString());
    assertEquals(1.0, o.getAsJsonObject("TIME").get("first").getAsDouble(), 0.0);
  }
}
