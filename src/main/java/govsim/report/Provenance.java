package govsim.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a folder's data were produced, as its manifest records it: the command, govsim's version and
 * commit, the seed(s) and the scenario's hash. Reports and notebooks print exactly these, and
 * nothing from the machine that draws the report, so that the report says where the numbers come
 * from and is the same bytes whoever draws it.
 *
 * @param command the command line, or "" if not recorded
 * @param version govsim's version
 * @param commit git commit (with "+ uncommitted changes" when the build was dirty)
 * @param seed the seed (run) or master seed and the replication seeds
 * @param scenario the scenario or sweep file and its SHA-256
 * @param facts every recorded fact as (label, value) pairs, in display order
 */
public record Provenance(
    String command, String version, String commit, String seed, String scenario, List<Fact> facts) {

  /** One line of provenance: what it is and its value. */
  public record Fact(String label, String value) {}

  public Provenance {
    facts = List.copyOf(facts);
  }

  /** Reads the provenance of a folder of the given kind from its manifest. */
  public static Provenance of(FolderKind kind, JsonObject m) {
    JsonObject session = obj(m, "session");
    String command =
        commandText(
            m.has("command") ? m.get("command") : session == null ? null : session.get("command"));
    String version = str(m, "govsim_version");
    String commit = str(m, "git_commit");
    if (m.has("git_dirty")
        && m.get("git_dirty").isJsonPrimitive()
        && m.get("git_dirty").getAsBoolean()) {
      commit = commit + " (built with uncommitted changes)";
    }
    String seed;
    String scenario;
    switch (kind) {
      case RUN -> {
        seed = str(m, "seed");
        scenario = str(m, "scenario_file") + ", SHA-256 " + str(m, "scenario_sha256");
      }
      case COMPARISON -> {
        seed =
            "master seed " + str(m, "master_seed") + "; replication seeds " + list(m.get("seeds"));
        scenario = str(m, "scenario_file") + ", SHA-256 " + str(m, "scenario_sha256");
      }
      case GAME_SWEEP -> {
        seed = "master seed " + str(m, "master_seed") + " (each point's seed is in points.csv)";
        scenario =
            "sweep file "
                + str(m, "sweep_file")
                + ", SHA-256 "
                + str(m, "sweep_sha256")
                + "; game file "
                + str(m, "game_file")
                + ", SHA-256 "
                + str(m, "game_sha256");
      }
      default -> {
        seed = "master seed " + str(m, "master_seed") + " (each run's seed is in runs.csv)";
        scenario =
            "sweep file "
                + str(m, "sweep_file")
                + ", SHA-256 "
                + str(m, "sweep_sha256")
                + "; base scenario "
                + str(m, "base_scenario");
      }
    }
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Kind", kind.label()));
    if (!command.isEmpty()) facts.add(new Fact("Command", command));
    facts.add(new Fact("govsim version", version));
    facts.add(new Fact("Git commit", commit));
    facts.add(new Fact(kind == FolderKind.RUN ? "Seed" : "Seeds", seed));
    facts.add(
        new Fact(
            kind == FolderKind.SWEEP
                ? "Sweep and scenario"
                : kind == FolderKind.GAME_SWEEP ? "Sweep and game" : "Scenario",
            scenario));
    if (kind == FolderKind.SWEEP) {
      JsonObject inputs = obj(m, "inputs_sha256");
      if (inputs != null) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : inputs.entrySet())
          lines.add(e.getKey() + " " + e.getValue().getAsString());
        facts.add(new Fact("Input files (SHA-256)", String.join("; ", lines)));
      }
    }
    JsonElement overrides = m.get("overrides");
    if (overrides != null && overrides.isJsonArray() && overrides.getAsJsonArray().size() > 0) {
      facts.add(new Fact("Overrides (--set)", list(overrides)));
    }
    if (m.has("regime")) facts.add(new Fact("Regime", str(m, "regime")));
    if (m.has("regimes")) facts.add(new Fact("Regimes", list(m.get("regimes"))));
    if (m.has("replications")) facts.add(new Fact("Replications", str(m, "replications")));
    if (m.has("users")) facts.add(new Fact("Users", str(m, "users")));
    if (m.has("steps")) facts.add(new Fact("Steps", str(m, "steps")));
    if (m.has("confidence_level"))
      facts.add(new Fact("Confidence level", str(m, "confidence_level")));
    facts.add(new Fact("MASON / Java", str(m, "mason_version") + " / " + str(m, "java_version")));
    String started =
        m.has("started_utc")
            ? str(m, "started_utc")
            : session != null ? str(session, "started_utc") : "";
    if (!started.isEmpty() && !started.equals("unknown"))
      facts.add(new Fact("Started (UTC)", started));
    return new Provenance(command, version, commit, seed, scenario, facts);
  }

  /**
   * A command line as one string, arguments with spaces or quotes single-quoted as a shell would
   * need.
   */
  static String commandText(JsonElement e) {
    if (e == null || e.isJsonNull()) return "";
    if (e.isJsonPrimitive()) return e.getAsString();
    List<String> parts = new ArrayList<>();
    for (JsonElement a : e.getAsJsonArray()) {
      String s = a.isJsonNull() ? "" : a.getAsString();
      parts.add(
          s.isEmpty() || s.matches(".*[\\s'\"$`\\\\;&|<>()*?].*")
              ? "'" + s.replace("'", "'\\''") + "'"
              : s);
    }
    return String.join(" ", parts);
  }

  static String str(JsonObject o, String key) {
    JsonElement e = o == null ? null : o.get(key);
    if (e == null || e.isJsonNull()) return "unknown";
    // Numbers keep the manifest's own text: a 64-bit seed must not pass through a double.
    return e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }

  static JsonObject obj(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  static String list(JsonElement e) {
    if (e == null || !e.isJsonArray()) return "unknown";
    JsonArray a = e.getAsJsonArray();
    List<String> parts = new ArrayList<>();
    for (JsonElement x : a) parts.add(x.isJsonPrimitive() ? x.getAsString() : x.toString());
    return String.join(", ", parts);
  }
}
