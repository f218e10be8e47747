package govsim.experiment.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import govsim.io.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sweep folder remembers between sessions ({@code .sweep/state.json}): the fingerprint of
 * its inputs (SHA-256 of the sweep file and of every scenario file read, govsim's version and
 * commit, a digest of the planned runs and their seeds), so that a resume with changed inputs is
 * refused with the reason, plus the session count, start time and whether it is complete.
 *
 * <p>A shard's folder ({@code --shard i/N}) records which shard it holds; {@link SweepMerge}
 * compares the states of the shard folders it is given to refuse shards of different sweeps.
 * (States written before shards existed read as whole sweeps: {@code shards} is then 0.)
 */
final class SweepState {
  /** Layout version of state.json. */
  static final int FORMAT = 1;

  int format = FORMAT;
  List<String> inputFiles = new ArrayList<>();
  List<String> inputSha256 = new ArrayList<>();
  String govsimVersion;
  String gitCommit;
  int runs;
  int points;
  String planSha256;
  String startedUtc;
  int sessions;
  boolean complete;
  int runsFailed;

  /**
   * With a replication target: the runs the complete sweep used (its points' replications times the
   * regimes); 0 otherwise, when every planned run is used.
   */
  int runsUsed;

  /** The relative half-width target of --precision, or null for fixed replications. */
  Double precision;

  /** The metrics --precision targets (null without it). */
  List<String> precisionMetrics;

  /** The shard this folder holds, 1 to shards; 0 for a whole sweep. */
  int shard;

  /** The number of shards of a sharded sweep; 0 for a whole sweep. */
  int shards;

  /**
   * Size and SHA-256 of every output file of a complete whole sweep, as written (null before the
   * sweep is complete, for a shard, and in states written before checksums were kept): a resume of
   * a complete sweep checks them and writes damaged or missing files again from the journal.
   */
  List<OutputFile> outputs;

  /** One output file as it was written. */
  static final class OutputFile {
    String name;
    long bytes;
    String sha256;

    private OutputFile() {}

    OutputFile(String name, long bytes, String sha256) {
      this.name = name;
      this.bytes = bytes;
      this.sha256 = sha256;
    }
  }

  /** The output files of {@code folder} as they are now. */
  static List<OutputFile> measure(Path folder, List<String> names) throws IOException {
    List<OutputFile> out = new ArrayList<>();
    for (String n : names) {
      Path f = folder.resolve(n);
      out.add(new OutputFile(n, Files.size(f), sha256(f)));
    }
    return out;
  }

  /**
   * The first output file that is missing or differs from what was written (size, then checksum),
   * as "runs.csv is missing" or "aggregate.csv changed (1,234 bytes, written as 5,678)"; null if
   * every file is as written or no checksums were kept.
   */
  String damagedOutput(Path folder) throws IOException {
    if (outputs == null) return null;
    for (OutputFile f : outputs) {
      Path p = folder.resolve(f.name);
      if (!Files.isRegularFile(p)) return f.name + " is missing";
      long size = Files.size(p);
      if (size != f.bytes) {
        return String.format(
            java.util.Locale.ROOT, "%s changed (%,d bytes, written as %,d)", f.name, size, f.bytes);
      }
      if (!sha256(p).equals(f.sha256))
        return f.name + " changed (its SHA-256 differs from the one written)";
    }
    return null;
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (java.io.InputStream in = Files.newInputStream(file)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /** The state of a fresh sweep of this plan. */
  static SweepState fresh(SweepPlan plan, String startedUtc, Shard shard) {
    SweepState s = new SweepState();
    if (shard != null) {
      s.shard = shard.index();
      s.shards = shard.count();
    }
    for (Map.Entry<String, String> e : plan.definition().inputs().entrySet()) {
      s.inputFiles.add(e.getKey());
      s.inputSha256.add(e.getValue());
    }
    BuildInfo b = BuildInfo.current();
    s.govsimVersion = b.version();
    s.gitCommit = b.commit();
    s.runs = plan.runs();
    s.points = plan.points();
    s.planSha256 = planDigest(plan);
    s.startedUtc = startedUtc;
    if (plan.precision() != null) {
      s.precision = plan.precision().relative();
      s.precisionMetrics = new ArrayList<>(plan.precision().metrics());
      s.maxReps = plan.precision().maxReplications();
    }
    return s;
  }

  /** SHA-256 over the planned runs' count and seeds, in run order. */
  static String planDigest(SweepPlan plan) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[8];
      md.update(Integer.toString(plan.runs()).getBytes(StandardCharsets.UTF_8));
      for (int p = 0; p < plan.points(); p++) {
        for (int r = 0; r < plan.replications(); r++) {
          long s = plan.seed(p, r);
          for (int i = 0; i < 8; i++) buf[i] = (byte) (s >>> (56 - 8 * i));
          md.update(buf);
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Why this sweep cannot resume the folder's sweep, or null if it can.
   *
   * @param current the state this sweep would start with
   */
  String mismatch(SweepState current) {
    String why = inputsMismatch(current);
    if (why != null) return why;
    if (shards != current.shards || shard != current.shard) {
      return "the folder holds " + what() + " of this sweep, not " + current.what();
    }
    return null;
  }

  /** "--precision 0.05 --max-reps 64 --precision-metrics a,b" or "no --precision". */
  String precisionText() {
    if (precision == null) return "no --precision";
    return "--precision "
        + govsim.observe.Num.format(precision)
        + " --max-reps "
        + maxReps
        + " --precision-metrics "
        + String.join(",", precisionMetrics == null ? List.of() : precisionMetrics);
  }

  /** The --max-reps of a sweep with --precision (0 without). */
  int maxReps;

  /** "shard 2/4" or "the whole sweep". */
  String what() {
    return shards == 0 ? "the whole sweep" : "shard " + shard + "/" + shards;
  }

  /** The shard of this state, or null for a whole sweep. */
  Shard shardOrNull() {
    return shards == 0 ? null : new Shard(shard, shards);
  }

  /**
   * Why the runs recorded under this state could differ from those {@code current} would make
   * (another sweep file, scenario, govsim, plan), or null if they are the same sweep. Shards are
   * not compared.
   */
  String inputsMismatch(SweepState current) {
    if (format != FORMAT)
      return "the folder was written by a govsim with another sweep-folder layout (format "
          + format
          + ")";
    if (!Objects.equals(govsimVersion, current.govsimVersion)
        || !Objects.equals(gitCommit, current.gitCommit)) {
      return "govsim changed since the sweep started (it was version "
          + govsimVersion
          + ", commit "
          + gitCommit
          + "; this is version "
          + current.govsimVersion
          + ", commit "
          + current.gitCommit
          + "), so its results could differ from the runs already done";
    }
    int n = Math.min(inputSha256.size(), current.inputSha256.size());
    for (int i = 0; i < n; i++) {
      if (!inputSha256.get(i).equals(current.inputSha256.get(i))) {
        String which =
            i == 0
                ? "the sweep file " + current.inputFiles.get(0)
                : "the scenario file " + current.inputFiles.get(i);
        return which
            + " changed since the sweep started (SHA-256 was "
            + inputSha256.get(i).substring(0, 12)
            + "..., now "
            + current.inputSha256.get(i).substring(0, 12)
            + "...)";
      }
    }
    if (inputSha256.size() != current.inputSha256.size()) {
      return "the scenario's extends chain changed since the sweep started (it read "
          + inputFiles
          + ", now "
          + current.inputFiles
          + ")";
    }
    if (!Objects.equals(precision, current.precision)
        || !Objects.equals(precisionMetrics, current.precisionMetrics)
        || maxReps != current.maxReps) {
      return "the sweep in the folder was started with "
          + precisionText()
          + ", this one has "
          + current.precisionText()
          + "; resume with the same options";
    }
    if (runs != current.runs || !Objects.equals(planSha256, current.planSha256)) {
      return "the sweep's runs or seeds differ from those of the sweep in the folder";
    }
    return null;
  }

  /**
   * A state file that cannot be read back as a sweep's state; the message says what is wrong with
   * it.
   */
  static final class Damaged extends Exception {
    private static final long serialVersionUID = 1L;

    Damaged(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads and checks a state file.
   *
   * @throws Damaged if it is empty, truncated, not JSON, has fields of the wrong type or misses
   *     what every state holds (what is wrong, in words)
   * @throws IOException if it cannot be read at all
   */
  static SweepState read(Path file) throws IOException, Damaged {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) throw new Damaged("it is empty");
    SweepState s;
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      s = GSON.fromJson(text, SweepState.class);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new Damaged("it is not UTF-8 text");
    } catch (JsonParseException
        | IllegalStateException
        | NumberFormatException
        | ClassCastException e) {
      throw new Damaged(
          "it is not a complete sweep state (truncated, not JSON, or a field of the wrong type)");
    }
    if (s == null) throw new Damaged("it holds no JSON object");
    String missing = s.problem();
    if (missing != null) throw new Damaged(missing);
    return s;
  }

  /** What a readable state lacks, or null if it is whole. */
  private String problem() {
    if (format < 1) return "its format field is " + format;
    if (govsimVersion == null || gitCommit == null) return "it does not say which govsim wrote it";
    if (inputFiles == null
        || inputSha256 == null
        || inputFiles.isEmpty()
        || inputFiles.size() != inputSha256.size()
        || inputFiles.contains(null)
        || inputSha256.stream().anyMatch(h -> h == null || !h.matches("[0-9a-f]{64}"))) {
      return "its list of input files and their SHA-256 checksums is missing or incomplete";
    }
    if (runs < 1 || points < 1 || planSha256 == null || !planSha256.matches("[0-9a-f]{64}")) {
      return "it does not say which runs the sweep has";
    }
    if (startedUtc == null || sessions < 0 || runsFailed < 0 || runsFailed > runs)
      return "its session counts are invalid";
    if (shards < 0 || shard < 0 || (shards == 0) != (shard == 0) || shard > shards)
      return "its shard fields are invalid";
    if (outputs != null) {
      for (OutputFile f : outputs) {
        if (f == null || f.name == null || f.sha256 == null || f.bytes < 0)
          return "its list of output checksums is invalid";
      }
    }
    return null;
  }

  void write(Path file) throws IOException {
    AtomicFile.write(file, GSON.toJson(this) + "\n");
  }
}
