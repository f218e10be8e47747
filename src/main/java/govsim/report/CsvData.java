package govsim.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A govsim CSV file in memory, read as text and converted to numbers on demand: an empty cell is
 * undefined (NaN), as govsim writes it. Only the columns a report needs are kept ({@link
 * #read(Path, Predicate)}), so that a comparison's wide {@code timeseries_mean.csv} or a sweep's
 * {@code timeseries.csv.gz} (gzip is recognised by the name) stays small in memory.
 */
public final class CsvData {
  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> index;
  private final List<String[]> rows;

  private CsvData(Path file, List<String> header, List<String[]> rows) {
    this.file = file;
    this.header = List.copyOf(header);
    this.rows = rows;
    Map<String, Integer> ix = new HashMap<>();
    for (int i = 0; i < header.size(); i++) ix.putIfAbsent(header.get(i), i);
    this.index = ix;
  }

  /** Reads every column. */
  public static CsvData read(Path file) throws ReportException {
    return read(file, c -> true);
  }

  /**
   * Reads the columns accepted by {@code keep}, in file order.
   *
   * @throws ReportException if the file is missing, unreadable or not a CSV file with a header
   */
  public static CsvData read(Path file, Predicate<String> keep) throws ReportException {
    try (BufferedReader in =
            new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16);
        CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
      List<String> header = null;
      int[] kept = null;
      List<String[]> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (header == null) {
          List<String> all = r.toList();
          List<String> h = new ArrayList<>();
          List<Integer> k = new ArrayList<>();
          for (int i = 0; i < all.size(); i++) {
            if (keep.test(all.get(i))) {
              h.add(all.get(i));
              k.add(i);
            }
          }
          header = h;
          kept = k.stream().mapToInt(Integer::intValue).toArray();
          continue;
        }
        String[] row = new String[kept.length];
        for (int i = 0; i < kept.length; i++) row[i] = kept[i] < r.size() ? r.get(kept[i]) : "";
        rows.add(row);
      }
      if (header == null) throw new ReportException(file + ": empty file (expected a CSV header)");
      return new CsvData(file, header, rows);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new ReportException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /**
   * A Parquet table govsim wrote (runs.parquet, timeseries.parquet) as if it were its CSV twin:
   * numbers in govsim's number format, a null cell empty, the columns accepted by {@code keep}.
   *
   * @throws ReportException if the file cannot be read as a Parquet table
   */
  public static CsvData readParquet(Path file, Predicate<String> keep) throws ReportException {
    govsim.io.ParquetRead.Table t;
    try {
      t = govsim.io.ParquetRead.read(file, keep);
    } catch (govsim.io.ParquetRead.Unreadable e) {
      throw new ReportException(e.getMessage());
    } catch (IOException e) {
      throw new ReportException(file + ": cannot read (" + e.getMessage() + ")");
    }
    List<String[]> rows = new ArrayList<>(t.rows().size());
    for (Object[] r : t.rows()) {
      String[] cells = new String[r.length];
      for (int i = 0; i < r.length; i++) {
        Object v = r[i];
        cells[i] =
            v == null
                ? ""
                : v instanceof Double d ? govsim.observe.Num.format(d) : String.valueOf(v);
      }
      rows.add(cells);
    }
    return new CsvData(file, t.columns(), rows);
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** The file this was read from. */
  public Path file() {
    return file;
  }

  public List<String> header() {
    return header;
  }

  public int size() {
    return rows.size();
  }

  public boolean has(String column) {
    return index.containsKey(column);
  }

  private int col(String column) {
    Integer i = index.get(column);
    if (i == null)
      throw new IllegalArgumentException(file.getFileName() + " has no column " + column);
    return i;
  }

  /** A cell's text ("" if empty). */
  public String text(int row, String column) {
    return rows.get(row)[col(column)];
  }

  /** A cell as a number: NaN if empty or not a number, infinities as govsim writes them. */
  public double num(int row, String column) {
    return parse(rows.get(row)[col(column)]);
  }

  /** A column as numbers. */
  public double[] column(String column) {
    int c = col(column);
    double[] out = new double[rows.size()];
    for (int r = 0; r < out.length; r++) out[r] = parse(rows.get(r)[c]);
    return out;
  }

  /** The distinct values of a text column, in order of first appearance. */
  public List<String> distinct(String column) {
    int c = col(column);
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String[] r : rows) seen.add(r[c]);
    return List.copyOf(seen);
  }

  /** The rows whose column has the given text, as a table of their own. */
  public CsvData where(String column, String value) {
    int c = col(column);
    List<String[]> out = new ArrayList<>();
    for (String[] r : rows) if (r[c].equals(value)) out.add(r);
    return new CsvData(file, header, Collections.unmodifiableList(out));
  }

  /**
   * govsim's number format back to a double: "" → NaN, "inf"/"-inf", otherwise Double.parseDouble.
   */
  static double parse(String s) {
    if (s == null || s.isEmpty()) return Double.NaN;
    switch (s) {
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
      case "NaN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
    }
  }
}
