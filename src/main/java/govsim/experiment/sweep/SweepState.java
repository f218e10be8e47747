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
  /** The shard this folder holds, 1 to shards; 0 for a whole sweep. */
  int shard;
  /** The number of shards of a sharded sweep; 0 for a whole sweep. */
  int shards;

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

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
    if (format != FORMAT) return "the folder was written by a govsim with another sweep-folder layout (format " + format + ")";
    if (!Objects.equals(govsimVersion, current.govsimVersion) || !Objects.equals(gitCommit, current.gitCommit)) {
      return "govsim changed since the sweep started (it was version " + govsimVersion + ", commit " + gitCommit
          + "; this is version " + current.govsimVersion + ", commit " + current.gitCommit
          + "), so its results could differ from the runs already done";
    }
    int n = Math.min(inputSha256.size(), current.inputSha256.size());
    for (int i = 0; i < n; i++) {
      if (!inputSha256.get(i).equals(current.inputSha256.get(i))) {
        String which = i == 0 ? "the sweep file " + current.inputFiles.get(0)
            : "the scenario file " + current.inputFiles.get(i);
        return which + " changed since the sweep started (SHA-256 was " + inputSha256.get(i).substring(0, 12)
            + "..., now " + current.inputSha256.get(i).substring(0, 12) + "...)";
      }
    }
    if (inputSha256.size() != current.inputSha256.size()) {
      return "the scenario's extends chain changed since the sweep started (it read " + inputFiles + ", now "
          + current.inputFiles + ")";
    }
    if (runs != current.runs || !Objects.equals(planSha256, current.planSha256)) {
      return "the sweep's runs or seeds differ from those of the sweep in the folder";
    }
    return null;
  }

  static SweepState read(Path file) throws IOException {
    try {
      SweepState s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), SweepState.class);
      if (s == null) throw new IOException(file + " is empty");
      return s;
    } catch (JsonParseException e) {
      throw new IOException(file + " is not a sweep state file: " + e.getMessage(), e);
    }
  }

  void write(Path file) throws IOException {
    AtomicFile.write(file, GSON.toJson(this) + "\n");
  }
}
