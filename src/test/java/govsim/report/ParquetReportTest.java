package govsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.io.ParquetRead;
import govsim.io.ParquetTable;
import govsim.io.ParquetTable.Column;
import govsim.io.ParquetTable.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report reads a sweep's Parquet tables when their CSV twins are absent (a results store kept
 * as Parquet only): the figures drawn from runs.parquet and timeseries.parquet are the bytes of
 * those drawn from runs.csv and timeseries.csv.gz. And govsim's Parquet reader (no Hadoop) gives
 * back exactly what the writer was given.
 */
class ParquetReportTest {
  @TempDir Path tmp;

  @Test
  void theReaderGivesBackWhatTheWriterWrote() throws Exception {
    Path f = tmp.resolve("t.parquet");
    try (ParquetTable t =
        new ParquetTable(
            f,
            "t",
            List.of(
                Column.key("run", Type.INT),
                Column.key("seed", Type.LONG),
                Column.optional("harm", Type.DOUBLE),
                Column.optional("regime", Type.STRING)))) {
      for (int i = 0; i < 3; i++) {
        t.set(0, i);
        t.set(1, 9007199254740991L - i);
        t.set(2, i == 1 ? Double.NaN : 0.1 * i + 1e-17);
        if (i != 2) t.set(3, i == 0 ? "hybrid" : "centralized");
        t.endRow();
      }
    }
    ParquetRead.Table back = ParquetRead.read(f, c -> !c.equals("seed"));
    assertEquals(List.of("run", "harm", "regime"), back.columns());
    assertEquals(3, back.rows().size());
    assertArrayEquals(new Object[] {0L, 1e-17, "hybrid"}, back.rows().get(0));
    // NaN was written as null, and comes back as null (an empty cell).
    assertArrayEquals(new Object[] {1L, null, "centralized"}, back.rows().get(1));
    assertArrayEquals(new Object[] {2L, 0.2 + 1e-17, null}, back.rows().get(2));
    CsvData d = CsvData.readParquet(f, c -> true);
    assertEquals("9007199254740989", d.text(2, "seed"));
    assertEquals("", d.text(1, "harm"));
    assertTrue(Double.isNaN(d.num(1, "harm")));

    Path notParquet = tmp.resolve("x.parquet");
    Files.writeString(notParquet, "run,harm\n1,2\n");
    ReportException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ReportException.class, () -> CsvData.readParquet(notParquet, c -> true));
    assertTrue(e.getMessage().contains("not a Parquet file"), e.getMessage());
  }

  private static void assertSameFigures(Path a, Path b) throws Exception {
    List<String> names;
    try (Stream<Path> s = Files.list(a.resolve("figures"))) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    try (Stream<Path> s = Files.list(b.resolve("figures"))) {
      assertEquals(names, s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (String n : names) {
      if (n.endsWith(".svg")) continue; // SVG ids may differ; the PNG and the data are checked
      assertArrayEquals(
          Files.readAllBytes(a.resolve("figures").resolve(n)),
          Files.readAllBytes(b.resolve("figures").resolve(n)),
          n);
    }
  }

  @Test
  void aGridSweepKeptAsParquetOnlyGetsTheSameFigures() throws Exception {
    Path sweep = ReportFixtures.gridSweep(tmp);
    ReportWriter.write(sweep, tmp.resolve("from-csv"), false);
    Files.delete(sweep.resolve("runs.csv"));
    Files.delete(sweep.resolve("timeseries.csv.gz"));
    ReportWriter.Written w = ReportWriter.write(sweep, tmp.resolve("from-parquet"), false);
    assertTrue(w.figureCount() > 0);
    assertTrue(
        Files.list(tmp.resolve("from-parquet/figures"))
            .anyMatch(p -> p.toString().contains("sweep-ts")),
        "the time-series figures come from timeseries.parquet");
    assertSameFigures(tmp.resolve("from-csv"), tmp.resolve("from-parquet"));
  }

  @Test
  void aSobolSweepsScatterComesFromRunsParquet() throws Exception {
    Path sweep = ReportFixtures.sobolSweep(tmp);
    ReportWriter.write(sweep, tmp.resolve("a"), false);
    Files.delete(sweep.resolve("runs.csv"));
    ReportWriter.write(sweep, tmp.resolve("b"), false);
    assertTrue(
        Files.list(tmp.resolve("b/figures")).anyMatch(p -> p.toString().contains("scatter")));
    assertSameFigures(tmp.resolve("a"), tmp.resolve("b"));
    // Without either, the report says which file is missing.
    Files.delete(sweep.resolve("runs.parquet"));
    ReportException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ReportException.class, () -> ReportWriter.write(sweep, tmp.resolve("c"), false));
    assertTrue(e.getMessage().contains("lacks runs.csv (and runs.parquet)"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("c/report.html")));
    assertNull(ResultFolder.parquetTwin("aggregate.csv"));
  }
}
