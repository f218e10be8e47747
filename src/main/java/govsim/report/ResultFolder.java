package govsim.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A govsim output folder, opened for reading: where it is, what kind it is and its manifest.
 * Opening checks everything a report needs up front, so that a wrong folder is refused with one
 * clear message before anything is drawn or written.
 *
 * <p>The kind comes from the manifest's {@code kind} field ("regime comparison", "parameter
 * sweep"); a run's manifest has none, so a folder with a manifest and summary.csv is a run (its
 * timeseries.csv is optional: {@code outputs.timeseries: false} turns it off).
 */
public final class ResultFolder {
  private final Path dir;
  private final FolderKind kind;
  private final JsonObject manifest;

  private ResultFolder(Path dir, FolderKind kind, JsonObject manifest) {
    this.dir = dir;
    this.kind = kind;
    this.manifest = manifest;
  }

  /**
   * Opens a folder written by govsim run, compare or sweep.
   *
   * @throws ReportException if the folder is missing, is not a govsim folder, or lacks a file
   */
  public static ResultFolder open(Path dir) throws ReportException {
    if (!Files.exists(dir)) {
      throw new ReportException(
          dir
              + ": no such folder (give the output folder of govsim run, compare or sweep,"
              + " e.g. results/baseline/seed-1)");
    }
    if (!Files.isDirectory(dir)) {
      throw new ReportException(
          dir
              + ": not a folder (give the output folder of govsim run, compare or sweep,"
              + " not a file in it)");
    }
    Path manifestFile = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifestFile)) {
      throw new ReportException(
          dir
              + ": not a govsim output folder: it has no manifest.json (give the folder"
              + " that govsim run, compare or sweep wrote, e.g. results/baseline/compare-seed-1)");
    }
    JsonObject manifest;
    try {
      JsonElement e =
          JsonParser.parseString(Files.readString(manifestFile, StandardCharsets.UTF_8));
      if (!e.isJsonObject()) throw new JsonParseException("not a JSON object");
      manifest = e.getAsJsonObject();
    } catch (IOException | JsonParseException e) {
      throw new ReportException(
          manifestFile
              + ": cannot read the manifest ("
              + plain(e.getMessage())
              + "); was the folder written by govsim?");
    }
    FolderKind kind = kindOf(dir, manifest);
    if (kind == null) {
      throw new ReportException(
          dir
              + ": not a govsim run, comparison or sweep folder: manifest.json has no known"
              + " \"kind\" and there is no summary.csv");
    }
    for (String f : kind.required()) {
      String twin = parquetTwin(f);
      if (!Files.isRegularFile(dir.resolve(f))
          && (twin == null || !Files.isRegularFile(dir.resolve(twin)))) {
        throw new ReportException(
            dir
                + ": this "
                + kind.label()
                + " folder lacks "
                + f
                + (twin != null ? " (and " + twin + ")" : "")
                + " (was it written completely by govsim, or moved without its files?)");
      }
    }
    return new ResultFolder(dir, kind, manifest);
  }

  /**
   * A parser's message without exception class names and help links: "Expected ':' at line 1 column
   * 9".
   */
  static String plain(String message) {
    if (message == null) return "malformed";
    String m = message;
    int see = m.indexOf("\nSee ");
    if (see >= 0) m = m.substring(0, see);
    m = m.replaceAll("(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
    return m.strip();
  }

  private static FolderKind kindOf(Path dir, JsonObject manifest) {
    JsonElement k = manifest.get("kind");
    if (k != null && k.isJsonPrimitive()) {
      String s = k.getAsString();
      for (FolderKind f : FolderKind.values()) if (f.label().equals(s)) return f;
      if (s.equals("comparison")) return FolderKind.COMPARISON;
      if (s.equals("sweep")) return FolderKind.SWEEP;
      return null;
    }
    if (Files.isRegularFile(dir.resolve("summary.csv"))) return FolderKind.RUN;
    if (Files.isRegularFile(dir.resolve("comparison.csv"))) return FolderKind.COMPARISON;
    if (Files.isRegularFile(dir.resolve("aggregate.csv"))) return FolderKind.SWEEP;
    return null;
  }

  public Path dir() {
    return dir;
  }

  public FolderKind kind() {
    return kind;
  }

  /** The manifest as parsed (not to be modified). */
  public JsonObject manifest() {
    return manifest;
  }

  /** A file of the folder. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * The Parquet table that holds the same rows as a CSV file (sweeps and comparisons write both):
   * {@code runs.parquet} for {@code runs.csv}, {@code timeseries.parquet} for {@code
   * timeseries.csv.gz}; null for files without one.
   */
  static String parquetTwin(String csvName) {
    return switch (csvName) {
      case "runs.csv" -> "runs.parquet";
      case "timeseries.csv.gz" -> "timeseries.parquet";
      default -> null;
    };
  }

  /** True if the folder holds the file, or (for a CSV file with one) its Parquet twin. */
  public boolean has(String name) {
    if (Files.isRegularFile(dir.resolve(name))) return true;
    String twin = parquetTwin(name);
    return twin != null && Files.isRegularFile(dir.resolve(twin));
  }

  /** Reads one of the folder's CSV files (its Parquet twin if the CSV file is absent). */
  public CsvData csv(String name) throws ReportException {
    return csv(name, c -> true);
  }

  /**
   * Reads the columns of a CSV file accepted by {@code keep}; when the CSV file is absent and a
   * Parquet twin is there ({@link #parquetTwin}), from the Parquet file: a results store kept as
   * Parquet only (the CSV files deleted to save space) still gets its report.
   */
  public CsvData csv(String name, java.util.function.Predicate<String> keep)
      throws ReportException {
    String twin = parquetTwin(name);
    if (!Files.isRegularFile(dir.resolve(name))
        && twin != null
        && Files.isRegularFile(dir.resolve(twin))) {
      return CsvData.readParquet(file(twin), keep);
    }
    return CsvData.read(file(name), keep);
  }

  /** A short name for the folder: its parent's and its own name ("baseline-compare-seed-1"). */
  public String shortName() {
    Path abs = dir.toAbsolutePath().normalize();
    String own = abs.getFileName() == null ? "govsim" : abs.getFileName().toString();
    Path parent = abs.getParent();
    String p =
        parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    String name = p.isEmpty() || p.equals("results") ? own : p + "-" + own;
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return safe.isEmpty() ? "govsim" : safe;
  }
}
