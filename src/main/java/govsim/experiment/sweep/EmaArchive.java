package govsim.experiment.sweep;

import govsim.io.CsvTable;
import govsim.observe.Metrics;
import govsim.observe.Num;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code ema_results.tar.gz}: a sweep's successful runs in the layout that EMA Workbench's {@code
 * ema_workbench.load_results} reads (checked against its source, ema_workbench/util/utilities.py
 * and em_framework/outcomes.py, version 2.x):
 *
 * <ul>
 *   <li>{@code metadata.json}: {@code {"version": 0.1, "outcomes": [[class, name, file], ...],
 *       "experiments": {column: dtype, ...}}} — load_results casts each experiments column to its
 *       dtype (float64, int64, category) and reads each outcome with its class's reader;
 *   <li>{@code experiments.csv}: a header, then one row per run: the varied parameters, {@code
 *       scenario} (the design point), {@code policy} (the regime), {@code model} ("govsim");
 *   <li>one {@code <metric>.cls} per summary metric ({@code ScalarOutcome}: no header, one value a
 *       line, read into an array of shape (runs,));
 *   <li>with the time series, {@code TIME.csv} (the day of each recorded step) and one {@code
 *       <metric>_series.csv} per summary metric that is also a step metric ({@code
 *       TimeSeriesOutcome}: a header row 0..T-1, then one row per run, read into shape (runs, T)).
 * </ul>
 *
 * Undefined values are written {@code NaN} (pandas reads it as NaN; an empty line would be skipped
 * in a one-column file and shift the rows). Entries have fixed time stamps and owners and Java's
 * gzip header has none, so the archive's bytes depend only on the runs.
 */
final class EmaArchive implements AutoCloseable {
  static final String FILE = "ema_results.tar.gz";

  private final Path dir;
  private final List<String> metrics;
  private final List<Integer> seriesColumns = new ArrayList<>();
  private final List<String> seriesNames = new ArrayList<>();
  private final Map<String, String> dtypes = new LinkedHashMap<>();
  private final List<Part> parts = new ArrayList<>();
  private final CsvTable experiments;
  private final Part experimentsPart;
  private final List<Part> scalars = new ArrayList<>();
  private final List<Part> series = new ArrayList<>();
  private final Map<Part, BufferedWriter> writers = new LinkedHashMap<>();
  private int longestSeries;
  private boolean closed;

  /** One archive member, staged in a hidden temporary file of the sweep folder. */
  private record Part(String name, Path tmp, String outcomeClass, String outcomeName) {}

  /**
   * @param kinds per parameter: "float64", "int64" or "category"
   * @param withSeries whether the runs' time series go in (TIME and the series outcomes)
   */
  EmaArchive(
      Path dir,
      List<String> paramNames,
      List<String> kinds,
      List<String> metrics,
      boolean withSeries)
      throws IOException {
    this.dir = dir;
    this.metrics = List.copyOf(metrics);
    List<String> header = new ArrayList<>(paramNames);
    header.addAll(List.of("scenario", "policy", "model"));
    for (int i = 0; i < paramNames.size(); i++) dtypes.put(paramNames.get(i), kinds.get(i));
    dtypes.put("scenario", "int64");
    dtypes.put("policy", "category");
    dtypes.put("model", "category");
    experimentsPart = part("experiments.csv", null, null);
    experiments = new CsvTable(experimentsPart.tmp(), header);
    for (String m : metrics) scalars.add(part(m + ".cls", "ScalarOutcome", m));
    if (withSeries) {
      seriesColumns.add(Metrics.DAY.column());
      seriesNames.add("TIME");
      for (String m : metrics) {
        var step = Metrics.step(m);
        if (step.isEmpty()) continue;
        seriesColumns.add(step.get().column());
        seriesNames.add(m + "_series");
      }
      for (String s : seriesNames) series.add(part(s + ".csv", "TimeSeriesOutcome", s));
    }
    for (Part p : parts) {
      if (p != experimentsPart)
        writers.put(p, Files.newBufferedWriter(p.tmp(), StandardCharsets.UTF_8));
    }
  }

  private Part part(String name, String outcomeClass, String outcomeName) {
    Part p =
        new Part(
            name, dir.resolve(".ema-" + name + AtomicFile.TMP_SUFFIX), outcomeClass, outcomeName);
    parts.add(p);
    return p;
  }

  /** Adds one successful run: its parameter cells, point, regime, summaries and recorded rows. */
  void add(
      List<String> paramCells, int point, String regime, double[] outcomes, List<double[]> rows)
      throws IOException {
    List<String> e = new ArrayList<>(paramCells);
    e.addAll(List.of(Integer.toString(point), regime, "govsim"));
    experiments.row(e);
    for (int m = 0; m < scalars.size(); m++) {
      BufferedWriter w = writers.get(scalars.get(m));
      w.write(cell(outcomes[m]));
      w.write('\n');
    }
    longestSeries = Math.max(longestSeries, rows.size());
    for (int s = 0; s < series.size(); s++) {
      BufferedWriter w = writers.get(series.get(s));
      int col = seriesColumns.get(s);
      for (int r = 0; r < rows.size(); r++) {
        if (r > 0) w.write(',');
        w.write(cell(rows.get(r)[col]));
      }
      w.write('\n');
    }
  }

  private static String cell(double v) {
    return Double.isNaN(v) ? "NaN" : Num.format(v);
  }

  /** Writes the archive into the sweep folder (atomically) and deletes the staged parts. */
  void commit() throws IOException {
    closeWriters();
    AtomicFile file = new AtomicFile(dir.resolve(FILE));
    try (OutputStream raw = file.open();
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      addFile(tar, experimentsPart.name(), experimentsPart.tmp(), new byte[0]);
      for (Part p : scalars) addFile(tar, p.name(), p.tmp(), new byte[0]);
      StringBuilder h = new StringBuilder();
      for (int t = 0; t < longestSeries; t++) h.append(t == 0 ? "" : ",").append(t);
      byte[] seriesHeader = h.append('\n').toString().getBytes(StandardCharsets.UTF_8);
      for (Part p : series) addFile(tar, p.name(), p.tmp(), seriesHeader);
      byte[] meta = metadata().getBytes(StandardCharsets.UTF_8);
      addBytes(tar, "metadata.json", new java.io.ByteArrayInputStream(meta), meta.length);
      tar.finish();
    }
    file.commit();
    deleteParts();
  }

  private void deleteParts() throws IOException {
    for (Part p : parts) Files.deleteIfExists(p.tmp());
  }

  private void closeWriters() throws IOException {
    if (closed) return;
    closed = true;
    experiments.close();
    for (BufferedWriter w : writers.values()) w.close();
  }

  /** Abandons the archive: closes and deletes the staged parts (no-op after a commit). */
  @Override
  public void close() throws IOException {
    closeWriters();
    deleteParts();
  }

  private String metadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 0.1);
    List<List<String>> outcomes = new ArrayList<>();
    for (Part p : scalars) outcomes.add(List.of(p.outcomeClass(), p.outcomeName(), p.name()));
    for (Part p : series) outcomes.add(List.of(p.outcomeClass(), p.outcomeName(), p.name()));
    m.put("outcomes", outcomes);
    m.put("experiments", dtypes);
    return new com.google.gson.Gson().toJson(m);
  }

  private static void addFile(TarArchiveOutputStream tar, String name, Path file, byte[] prefix)
      throws IOException {
    if (!Files.exists(file)) Files.createFile(file);
    long size = prefix.length + Files.size(file);
    try (InputStream in =
        new java.io.SequenceInputStream(
            new java.io.ByteArrayInputStream(prefix), Files.newInputStream(file))) {
      addBytes(tar, name, in, size);
    }
  }

  private static void addBytes(TarArchiveOutputStream tar, String name, InputStream in, long size)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(size);
    e.setMode(0644);
    e.setModTime(FileTime.fromMillis(0));
    e.setUserId(0);
    e.setGroupId(0);
    e.setUserName("");
    e.setGroupName("");
    tar.putArchiveEntry(e);
    in.transferTo(tar);
    tar.closeArchiveEntry();
  }
}
