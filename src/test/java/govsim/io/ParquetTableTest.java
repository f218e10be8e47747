package govsim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.io.ParquetTable.Column;
import govsim.io.ParquetTable.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableTest {
  @TempDir Path tmp;

  private static final List<Column> COLUMNS =
      List.of(
          Column.key("run", Type.INT),
          Column.key("seed", Type.LONG),
          Column.key("regime", Type.STRING),
          Column.optional("harm", Type.DOUBLE),
          Column.optional("error", Type.STRING));

  private static void write(Path f, int rows) {
    try (ParquetTable t = new ParquetTable(f, "runs", COLUMNS)) {
      for (int i = 0; i < rows; i++) {
        t.set(0, i);
        t.set(1, 9_007_199_254_740_993L + i); // above 2^53: must survive as an exact int64
        t.set(2, i % 2 == 0 ? "hybrid" : "distributed");
        t.set(3, i == 1 ? Double.NaN : i + 1.0 / 3.0);
        t.set(4, i == 2 ? "boom" : "");
        t.endRow();
      }
    }
  }

  @Test
  void rowsComeBackTypedWithNullsForUndefinedAndTenDigitDoubles() throws Exception {
    Path f = tmp.resolve("t.parquet");
    write(f, 3);
    List<Map<String, Object>> rows = ParquetRows.read(f);
    assertEquals(3, rows.size());
    assertEquals(0L, rows.get(0).get("run"));
    assertEquals(9_007_199_254_740_993L, rows.get(0).get("seed"));
    assertEquals(9_007_199_254_740_995L, rows.get(2).get("seed"));
    assertEquals("hybrid", rows.get(0).get("regime"));
    assertEquals("distributed", rows.get(1).get("regime"));
    // 1/3 rounded to ten significant digits, as the CSV prints it (0.3333333333).
    assertEquals(0.3333333333, (Double) rows.get(0).get("harm"), 0.0);
    assertEquals(2.333333333, (Double) rows.get(2).get("harm"), 0.0);
    assertNull(rows.get(1).get("harm"), "NaN is a null, not 0");
    assertNull(rows.get(0).get("error"), "an empty text is a null");
    assertEquals("boom", rows.get(2).get("error"));
    ParquetRows.Footer footer = ParquetRows.footer(f);
    assertEquals(
        PrimitiveTypeName.INT32,
        footer.schema().getType("run").asPrimitiveType().getPrimitiveTypeName());
    assertEquals(
        PrimitiveTypeName.INT64,
        footer.schema().getType("seed").asPrimitiveType().getPrimitiveTypeName());
    assertTrue(
        footer
            .schema()
            .getType("regime")
            .isRepetition(org.apache.parquet.schema.Type.Repetition.REQUIRED));
    assertTrue(footer.createdBy().startsWith("parquet-mr version "), footer.createdBy());
    assertTrue(
        footer.keyValues().isEmpty(), "no writer metadata such as times: " + footer.keyValues());
  }

  @Test
  void sameRowsGiveTheSameBytesAndTheFileIsZstdParquet() throws Exception {
    Path a = tmp.resolve("a.parquet");
    Path b = tmp.resolve("b.parquet");
    write(a, 5000);
    write(b, 5000);
    byte[] bytes = Files.readAllBytes(a);
    assertArrayEquals(bytes, Files.readAllBytes(b));
    assertEquals("PAR1", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(
        "PAR1", new String(bytes, bytes.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(5000, ParquetRows.read(a).size());
    assertFalse(Files.exists(tmp.resolve(".a.parquet.crc")), "no Hadoop checksum side file");
  }

  @Test
  void aRequiredColumnLeftUnsetAndAWrongTypeAreRefused() {
    try (ParquetTable t = new ParquetTable(tmp.resolve("r.parquet"), "runs", COLUMNS)) {
      t.set(0, 1);
      assertThrows(IllegalStateException.class, t::endRow);
      assertThrows(IllegalArgumentException.class, () -> t.set(2, 1.5));
    }
  }

  @Test
  void roundingMatchesTheCsvNumberFormat() {
    for (double x : new double[] {Math.PI, 1e-9 / 3, 123456.789012345, -2.0 / 3, 7.0, 0.0}) {
      assertEquals(govsim.observe.Num.format(x), govsim.observe.Num.format(ParquetTable.round(x)));
      assertEquals(Double.parseDouble(govsim.observe.Num.format(x)), ParquetTable.round(x), 0.0);
    }
  }
}
