package govsim.io;

import govsim.observe.Num;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file written row by row (streamed, never held in memory), with govsim's number format
 * ({@link Num}) and Unix line endings so that the bytes do not depend on the platform.
 */
public final class CsvTable implements Closeable {
  private final CSVPrinter printer;
  private final int width;

  public CsvTable(Path file, List<String> header) {
    this(file, header, false);
  }

  /**
   * A table that continues a file holding its header and earlier rows (a run resumed from a
   * checkpoint): rows are appended, no header is written.
   */
  public static CsvTable continuing(Path file, List<String> header) {
    return new CsvTable(file, header, true);
  }

  private CsvTable(Path file, List<String> header, boolean append) {
    try {
      BufferedWriter out =
          append
              ? Files.newBufferedWriter(
                  file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)
              : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      this.printer =
          new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
      this.width = header.size();
      if (!append) printer.printRecord(header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes buffered rows to the file (a checkpoint then copies the file's bytes). */
  public void flush() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void row(double[] values) {
    if (values.length != width)
      throw new IllegalArgumentException("row has " + values.length + " values, header " + width);
    try {
      for (double v : values) printer.print(Num.format(v));
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A row of already formatted cells (text columns). */
  public void row(List<String> cells) {
    if (cells.size() != width)
      throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + width);
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
