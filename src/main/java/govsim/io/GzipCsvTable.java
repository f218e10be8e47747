package govsim.io;

import govsim.observe.Num;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A gzip-compressed CSV file written row by row, in govsim's number format and with Unix line
 * endings, like {@link CsvTable}. Java's gzip header has no time stamp or file name, so the same
 * rows give the same bytes.
 */
public final class GzipCsvTable implements Closeable {
  private final Path file;
  private final CSVPrinter printer;

  public GzipCsvTable(Path file, List<String> header) {
    this.file = file;
    try {
      BufferedWriter w =
          new BufferedWriter(
              new OutputStreamWriter(
                  new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                  StandardCharsets.UTF_8),
              1 << 16);
      printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
      printer.printRecord(header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A row: the text key cells, then the numbers. */
  public void row(List<String> keys, double[] values) {
    try {
      for (String k : keys) printer.print(k);
      for (double v : values) printer.print(Num.format(v));
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
