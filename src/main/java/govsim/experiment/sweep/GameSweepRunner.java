package govsim.experiment.sweep;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import govsim.experiment.batch.Seeds;
import govsim.game.AgentBased;
import govsim.game.ExactAnalysis;
import govsim.game.Game;
import govsim.game.GameFile;
import govsim.game.GameOutputs;
import govsim.game.ImitationDynamics;
import govsim.io.BuildInfo;
import govsim.io.CsvTable;
import govsim.io.FileTrees;
import govsim.io.OutputFolder;
import govsim.io.OutputGuard;
import govsim.observe.Num;
import govsim.scenario.ScenarioException;
import govsim.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a game sweep ({@link GameSweep}) into a folder: per point the exact analysis and, with
 * {@code abm: true}, the agent-based replications; then points.csv, stationary.csv, abm_runs.csv
 * and manifest.json, in point order.
 *
 * <p>Resumable: each finished point is written to {@code .game-sweep/points/<i>.json} atomically (a
 * temporary file, then a rename) before it counts as done, next to {@code .game-sweep/state.json},
 * which records the sweep file's and the game file's SHA-256 and govsim's version and commit.
 * {@code --resume} refuses a folder whose inputs or govsim changed, and runs exactly the missing
 * points; the outputs are written from the point files in point order, so they are the same bytes
 * as those of an uninterrupted sweep (the manifest's times aside) and do not depend on the number
 * of threads.
 *
 * <p>Seeds: point i has seed {@code Seeds.derive(seed, identity)}, the identity being its values as
 * text ({@code game.parameters.s=2;game.parameters.p_r=0.5}), and its replication r the seed {@code
 * Seeds.derive(pointSeed, "replication=r")}, as {@code govsim game --seed pointSeed} derives them:
 * any point can be rerun alone with {@code govsim game GAME --set ... --abm --seed pointSeed}.
 */
public final class GameSweepRunner {
  private GameSweepRunner() {}

  /** How a game sweep ended. */
  public enum Status {
    OK,
    BAD_INPUT,
    FAILURE
  }

  static final String WORK = ".game-sweep";
  private static final Gson GSON = new Gson();

  /** The kind the manifest records (reports recognise the folder by it). */
  public static final String KIND = "game sweep";

  /**
   * Runs or resumes a game sweep.
   *
   * @param out the output folder, or null for results/game-&lt;game&gt;/sweep-&lt;name&gt;/
   * @param command the command line, for the manifest
   */
  public static Status run(
      Path sweepFile,
      Path out,
      int threads,
      boolean resume,
      boolean force,
      boolean dryRun,
      boolean quiet,
      List<String> command,
      PrintWriter stdout,
      PrintWriter err) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    GameSweep.Definition d;
    try {
      d = GameSweep.load(sweepFile);
    } catch (ScenarioException e) {
      err.println(e.format());
      return Status.BAD_INPUT;
    }
    Game base = d.base().game();
    int n = d.points().size();
    if (dryRun) {
      stdout.printf(
          Locale.ROOT,
          "govsim: game sweep %s over %s: %d point(s) of %s%s%n",
          d.name(),
          d.gameFile(),
          n,
          String.join(" x ", describeSizes(d)),
          d.abm()
              ? String.format(
                  Locale.ROOT,
                  ", each analysed exactly and simulated agent-based (%d seeds x %d imitation events)",
                  base.simulation().seeds(),
                  base.simulation().updates())
              : ", each analysed exactly");
      stdout.println("Dry run: nothing was written.");
      stdout.flush();
      return Status.OK;
    }
    Path target;
    try {
      target =
          out != null ? out : OutputGuard.defaultFolder("game-" + base.name(), "sweep-" + d.name());
      OutputGuard.checkTarget(target);
    } catch (OutputGuard.Refused e) {
      err.println("govsim: " + e.getMessage());
      return Status.BAD_INPUT;
    }
    Path work = target.resolve(WORK);
    Path state = work.resolve("state.json");
    Path points = work.resolve("points");
    Map<String, Object> expected = new LinkedHashMap<>();
    BuildInfo build = BuildInfo.current();
    expected.put("sweep_sha256", d.sha256());
    expected.put("game_sha256", d.base().sha256());
    expected.put("govsim_version", build.version());
    expected.put("git_commit", build.commit() + (build.dirty() ? "+dirty" : ""));
    expected.put("points", n);
    try {
      if (resume) {
        if (!Files.isRegularFile(state)) {
          err.println(
              "govsim: "
                  + target
                  + " holds no game sweep to resume (no "
                  + WORK
                  + "/state.json); run the sweep without --resume");
          return Status.BAD_INPUT;
        }
        Map<String, Object> found;
        try {
          found =
              GSON.fromJson(
                  Files.readString(state, StandardCharsets.UTF_8),
                  new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
        } catch (JsonParseException e) {
          found = null;
        }
        String why = found == null ? "its state file is damaged" : changed(expected, found);
        if (why != null) {
          err.println(
              "govsim: cannot resume the game sweep in "
                  + target
                  + ": "
                  + why
                  + "; start it again with --force, or use --out DIR");
          return Status.BAD_INPUT;
        }
      } else {
        if (OutputFolder.isNonEmpty(target)) {
          if (!force) {
            err.println(
                "govsim: "
                    + target
                    + " is not empty; use --resume to continue the sweep there, --force to start it again,"
                    + " or --out DIR");
            return Status.BAD_INPUT;
          }
          if (!Files.isRegularFile(state)) OutputGuard.checkReplaceable(target);
          FileTrees.deleteContents(target, java.util.Set.of());
        }
        Files.createDirectories(points);
        OutputFolder.writeAtomically(state, govsim.io.Json.pretty(expected));
      }
    } catch (OutputGuard.Refused e) {
      err.println("govsim: " + e.getMessage());
      return Status.BAD_INPUT;
    } catch (IOException e) {
      err.println("govsim: cannot prepare " + target + ": " + e.getMessage());
      return Status.FAILURE;
    }

    int done = 0;
    for (int i = 0; i < n; i++) if (Files.isRegularFile(pointFile(points, i))) done++;
    if (!quiet) {
      stdout.printf(
          Locale.ROOT,
          "govsim: game sweep %s: %d point(s)%s%s -> %s%n",
          d.name(),
          n,
          d.abm() ? ", exact and agent-based" : ", exact",
          done > 0 ? " (" + done + " done already)" : "",
          target);
      stdout.flush();
    }
    try {
      for (int i = 0; i < n; i++) {
        Path pf = pointFile(points, i);
        if (Files.isRegularFile(pf)) continue;
        Map<String, List<List<String>>> rows = point(d, i, threads);
        OutputFolder.writeAtomically(pf, GSON.toJson(rows));
        if (!quiet && (i + 1) % Math.max(1, n / 10) == 0) {
          stdout.printf(Locale.ROOT, "  %d/%d points%n", i + 1, n);
          stdout.flush();
        }
      }
      writeOutputs(d, target, points, command, started, (System.nanoTime() - t0) / 1e9, threads);
    } catch (ScenarioException e) {
      err.println(e.format());
      return Status.BAD_INPUT;
    } catch (ExactAnalysis.Reducible e) {
      err.println("govsim: " + sweepFile + ": " + e.getMessage());
      return Status.BAD_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("govsim: interrupted; finished points are kept: continue with --resume");
      return Status.FAILURE;
    } catch (IOException | JsonParseException | java.io.UncheckedIOException e) {
      err.println(
          "govsim: the game sweep in "
              + target
              + " failed: "
              + e.getMessage()
              + " (finished points are kept: --resume)");
      return Status.FAILURE;
    }
    if (!quiet) {
      stdout.println("Wrote " + target);
      stdout.flush();
    }
    return Status.OK;
  }

  private static List<String> describeSizes(GameSweep.Definition d) {
    List<String> out = new ArrayList<>();
    for (SweepParameter p : d.parameters())
      out.add(p.gridValues().size() + " value(s) of " + p.path());
    return out;
  }

  private static String changed(Map<String, Object> expected, Map<String, Object> found) {
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      Object f = found.get(e.getKey());
      String a = String.valueOf(e.getValue());
      String b =
          f instanceof Double x && x == Math.rint(x)
              ? Long.toString(x.longValue())
              : String.valueOf(f);
      if (!a.equals(b)) {
        return switch (e.getKey()) {
          case "sweep_sha256" -> "the sweep file changed since the sweep started";
          case "game_sha256" -> "the game file changed since the sweep started";
          case "points" -> "the number of points changed";
          default ->
              "govsim changed since the sweep started ("
                  + e.getKey()
                  + " "
                  + b
                  + ", now "
                  + a
                  + ")";
        };
      }
    }
    return null;
  }

  static Path pointFile(Path points, int i) {
    return points.resolve(String.format(Locale.ROOT, "%06d.json", i));
  }

  /** The seed of point {@code i}. */
  public static long pointSeed(GameSweep.Definition d, int i) {
    return Seeds.derive(d.seed(), d.identity(i));
  }

  /** One point: its rows of points.csv, stationary.csv and abm_runs.csv (values only). */
  static Map<String, List<List<String>>> point(GameSweep.Definition d, int i, int threads)
      throws ScenarioException, InterruptedException, ExactAnalysis.Reducible {
    long seed = pointSeed(d, i);
    GameFile.Loaded loaded = GameFile.load(d.gameFile(), d.overrides(i));
    Game g = loaded.game();
    ExactAnalysis.Result r = ExactAnalysis.analyse(g);
    AgentBased.Result sim = null;
    if (d.abm()) {
      long[] seeds = new long[g.simulation().seeds()];
      for (int k = 0; k < seeds.length; k++) seeds[k] = Seeds.derive(seed, "replication=" + k);
      Seeds.requireDistinct(seeds, k -> "replication=" + k);
      sim = AgentBased.run(g, seeds, Math.max(1, threads), false);
    }
    List<String> prefix = new ArrayList<>();
    prefix.add(Integer.toString(i));
    prefix.addAll(d.points().get(i));
    List<List<String>> shares = new ArrayList<>();
    for (int p = 0; p < g.populationCount(); p++) {
      for (int s = 0; s < g.population(p).strategyCount(); s++) {
        List<String> row = new ArrayList<>(prefix);
        row.add(Long.toString(seed));
        row.add(g.population(p).name());
        row.add(g.population(p).strategies().get(s));
        row.add(Num.format(r.shares()[p][s]));
        row.add(r.sharesAtMutationRate() == null ? "" : Num.format(r.sharesAtMutationRate()[p][s]));
        if (sim != null) {
          Estimate e = sim.shares()[p][s];
          row.add(Num.format(e.mean()));
          row.add(Num.format(e.ciLow()));
          row.add(Num.format(e.ciHigh()));
          row.add(Integer.toString(e.n()));
          row.add(Num.format(GameOutputs.exactFor(r, p, s).value()));
          row.add(GameOutputs.exactFor(r, p, s).kind());
        } else {
          for (int k = 0; k < 6; k++) row.add("");
        }
        shares.add(row);
      }
    }
    List<List<String>> stationary = new ArrayList<>();
    for (int a = 0; a < r.states().length; a++) {
      List<String> row = new ArrayList<>(prefix);
      row.add(r.stateName(a));
      row.add(Num.format(r.stationary()[a]));
      stationary.add(row);
    }
    List<List<String>> runs = new ArrayList<>();
    if (sim != null) {
      for (ImitationDynamics.Run run : sim.runs()) {
        for (int p = 0; p < g.populationCount(); p++) {
          for (int s = 0; s < g.population(p).strategyCount(); s++) {
            List<String> row = new ArrayList<>(prefix);
            row.add(Long.toString(run.seed()));
            row.add(g.population(p).name());
            row.add(g.population(p).strategies().get(s));
            row.add(Num.format(run.meanShares()[p][s]));
            row.add(Long.toString(run.changes()));
            runs.add(row);
          }
        }
      }
    }
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    out.put("points", shares);
    out.put("stationary", stationary);
    out.put("abm_runs", runs);
    return out;
  }

  private static void writeOutputs(
      GameSweep.Definition d,
      Path target,
      Path points,
      List<String> command,
      Instant started,
      double wallSeconds,
      int threads)
      throws IOException {
    List<String> params = GameSweep.paths(d);
    List<String> ph = new ArrayList<>(List.of("point"));
    ph.addAll(params);
    List<String> sharesHeader = new ArrayList<>(ph);
    sharesHeader.addAll(
        List.of(
            "seed",
            "population",
            "strategy",
            "share",
            "share_at_mutation_rate",
            "abm_mean",
            "abm_ci_low",
            "abm_ci_high",
            "abm_n",
            "abm_exact",
            "abm_exact_kind"));
    List<String> statHeader = new ArrayList<>(ph);
    statHeader.addAll(List.of("state", "probability"));
    List<String> runsHeader = new ArrayList<>(ph);
    runsHeader.addAll(List.of("seed", "population", "strategy", "mean_share", "changes"));
    List<String> files = new ArrayList<>();
    java.lang.reflect.Type type = new TypeToken<Map<String, List<List<String>>>>() {}.getType();
    Path tmp = OutputFolder.createUnique(target, ".game-sweep-outputs-", "", true);
    try {
      try (CsvTable shares = new CsvTable(tmp.resolve("points.csv"), sharesHeader);
          CsvTable stat = new CsvTable(tmp.resolve("stationary.csv"), statHeader);
          CsvTable runs = d.abm() ? new CsvTable(tmp.resolve("abm_runs.csv"), runsHeader) : null) {
        for (int i = 0; i < d.points().size(); i++) {
          Map<String, List<List<String>>> rows =
              GSON.fromJson(Files.readString(pointFile(points, i), StandardCharsets.UTF_8), type);
          if (rows == null || !rows.containsKey("points"))
            throw new JsonParseException("point file " + pointFile(points, i) + " is damaged");
          for (List<String> r : rows.get("points")) shares.row(r);
          for (List<String> r : rows.get("stationary")) stat.row(r);
          if (runs != null) for (List<String> r : rows.get("abm_runs")) runs.row(r);
        }
      }
      files.add("points.csv");
      files.add("stationary.csv");
      if (d.abm()) files.add("abm_runs.csv");
      BuildInfo build = BuildInfo.current();
      Game base = d.base().game();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("govsim_version", build.version());
      m.put("git_commit", build.commit());
      m.put("git_dirty", build.dirty());
      m.put("mason_version", build.mason());
      m.put("java_version", build.java());
      m.put("kind", KIND);
      m.put("name", d.name());
      m.put("description", d.description());
      m.put("sweep_file", d.file().toString());
      m.put("sweep_sha256", d.sha256());
      m.put("game_file", d.gameFile().toString());
      m.put("game_sha256", d.base().sha256());
      m.put("game", base.name());
      m.put("overrides", d.set());
      m.put("design", "grid");
      m.put("parameters", GameSweep.describe(d));
      m.put("points", d.points().size());
      m.put("master_seed", d.seed());
      m.put("abm", d.abm());
      if (d.abm()) {
        Map<String, Object> sim = new LinkedHashMap<>();
        sim.put("seeds_per_point", base.simulation().seeds());
        sim.put("updates", base.simulation().updates());
        sim.put("burn_in", base.simulation().burnIn());
        m.put("simulation", sim);
      }
      m.put("selection_intensity", base.beta());
      m.put("mutation_rate", base.mutationRate());
      m.put("confidence_level", govsim.stats.Stats.DEFAULT_LEVEL);
      m.put("files", files);
      Map<String, Object> session = new LinkedHashMap<>();
      session.put("command", command);
      session.put("threads", threads);
      session.put("started_utc", started.toString());
      session.put("wall_seconds", wallSeconds);
      m.put("session", session);
      OutputFolder.writeAtomically(tmp.resolve("manifest.json"), govsim.io.Json.pretty(m));
      for (String f : List.of("points.csv", "stationary.csv", "abm_runs.csv", "manifest.json")) {
        Path from = tmp.resolve(f);
        if (!Files.exists(from)) continue;
        Files.move(
            from,
            target.resolve(f),
            java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      FileTrees.delete(tmp);
    }
  }
}
