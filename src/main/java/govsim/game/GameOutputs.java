package govsim.game;

import govsim.io.BuildInfo;
import govsim.io.CsvTable;
import govsim.io.OutputFolder;
import govsim.observe.Num;
import govsim.scenario.ScenarioYaml;
import govsim.stats.Estimate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the folder of {@code govsim game} (docs/games.md): the exact analysis (stationary.csv,
 * shares.csv, fixation.csv, transitions.csv, payoffs.csv, birth_death.csv when there is one), the
 * analysis over a range of one key when asked for (vary.csv), the agent-based results when asked
 * for (abm_shares.csv, abm_runs.csv, abm_timeseries.csv), game.resolved.yaml and manifest.json. The
 * folder is staged and moved into place whole ({@link OutputFolder}).
 */
public final class GameOutputs {
  private GameOutputs() {}

  /** The exact analysis at every value of one key (govsim game --vary). */
  public record Varied(String key, List<String> values, List<ExactAnalysis.Result> results) {
    public Varied {
      values = List.copyOf(values);
      results = List.copyOf(results);
    }
  }

  /** The comparable exact value of a simulated share and how it was obtained. */
  public record Exact(double value, String kind) {}

  /**
   * The exact value the agent-based long-run share estimates: the birth–death chain's when it
   * exists (one population, two strategies, μ &gt; 0: then the two are the same quantity), else the
   * small-mutation limit (which the simulation approaches only when each mutant fixes or vanishes
   * before the next arises).
   */
  public static Exact exactFor(ExactAnalysis.Result r, int p, int s) {
    if (r.sharesAtMutationRate() != null)
      return new Exact(r.sharesAtMutationRate()[p][s], "birth_death_at_mutation_rate");
    return new Exact(r.shares()[p][s], "small_mutation_limit");
  }

  /**
   * Writes everything and commits the folder.
   *
   * @param abm null when the agent-based simulation was not run
   * @param provenance command, file, sha256, overrides (written into the manifest first)
   */
  public static List<String> write(
      OutputFolder folder,
      GameFile.Loaded loaded,
      ExactAnalysis.Result r,
      AgentBased.Result abm,
      Map<String, Object> provenance,
      Instant started,
      double wallSeconds)
      throws OutputFolder.ExistsException {
    return write(folder, loaded, r, abm, null, provenance, started, wallSeconds);
  }

  /**
   * Writes everything and commits the folder.
   *
   * @param varied null, or the exact analysis over a range of one key (vary.csv)
   */
  public static List<String> write(
      OutputFolder folder,
      GameFile.Loaded loaded,
      ExactAnalysis.Result r,
      AgentBased.Result abm,
      Varied varied,
      Map<String, Object> provenance,
      Instant started,
      double wallSeconds)
      throws OutputFolder.ExistsException {
    return write(folder, loaded, r, abm, varied, Map.of(), provenance, started, wallSeconds);
  }

  /**
   * Writes everything and commits the folder.
   *
   * @param tables more tables to write, file name to rows (the first row the header), in order
   *     (world_race.csv of --world); empty for none
   */
  public static List<String> write(
      OutputFolder folder,
      GameFile.Loaded loaded,
      ExactAnalysis.Result r,
      AgentBased.Result abm,
      Varied varied,
      Map<String, List<List<String>>> tables,
      Map<String, Object> provenance,
      Instant started,
      double wallSeconds)
      throws OutputFolder.ExistsException {
    Game g = loaded.game();
    List<String> files = new ArrayList<>();
    int pops = g.populationCount();

    List<String> header = new ArrayList<>(List.of("state"));
    for (int p = 0; p < pops; p++) header.add(g.population(p).name());
    header.add("probability");
    try (CsvTable t = new CsvTable(folder.file("stationary.csv"), header)) {
      for (int a = 0; a < r.states().length; a++) {
        List<String> row = new ArrayList<>(List.of(r.stateName(a)));
        for (int p = 0; p < pops; p++) row.add(g.population(p).strategies().get(r.states()[a][p]));
        row.add(Num.format(r.stationary()[a]));
        t.row(row);
      }
    }
    files.add("stationary.csv");

    try (CsvTable t =
        new CsvTable(
            folder.file("shares.csv"),
            List.of("population", "strategy", "share", "share_at_mutation_rate"))) {
      for (int p = 0; p < pops; p++) {
        for (int s = 0; s < g.population(p).strategyCount(); s++) {
          t.row(
              List.of(
                  g.population(p).name(),
                  g.population(p).strategies().get(s),
                  Num.format(r.shares()[p][s]),
                  r.sharesAtMutationRate() == null
                      ? ""
                      : Num.format(r.sharesAtMutationRate()[p][s])));
        }
      }
    }
    files.add("shares.csv");

    try (CsvTable t =
        new CsvTable(
            folder.file("fixation.csv"),
            List.of(
                "from_state",
                "to_state",
                "population",
                "resident",
                "mutant",
                "rho",
                "log_rho",
                "neutral_rho"))) {
      for (ExactAnalysis.Fixation f : r.fixations()) {
        Game.Population pop = g.population(f.population());
        t.row(
            List.of(
                r.stateName(f.from()),
                r.stateName(f.to()),
                pop.name(),
                pop.strategies().get(f.resident()),
                pop.strategies().get(f.mutant()),
                Num.format(f.rho()),
                Num.format(f.logRho()),
                Num.format(1.0 / pop.size())));
      }
    }
    files.add("fixation.csv");

    List<String> th = new ArrayList<>(List.of("from_state"));
    for (int b = 0; b < r.states().length; b++) th.add(r.stateName(b));
    try (CsvTable t = new CsvTable(folder.file("transitions.csv"), th)) {
      for (int a = 0; a < r.states().length; a++) {
        List<String> row = new ArrayList<>(List.of(r.stateName(a)));
        for (int b = 0; b < r.states().length; b++) row.add(Num.format(r.transitions()[a][b]));
        t.row(row);
      }
    }
    files.add("transitions.csv");

    List<String> ph = new ArrayList<>(List.of("profile"));
    for (int s = 0; s < g.slotCount(); s++)
      ph.add("slot" + (s + 1) + "_" + g.population(g.slotPopulation(s)).name());
    try (CsvTable t = new CsvTable(folder.file("payoffs.csv"), ph)) {
      for (int f = 0; f < g.profileCount(); f++) {
        List<String> row = new ArrayList<>(List.of(g.profileName(f)));
        for (int s = 0; s < g.slotCount(); s++) row.add(Num.format(g.payoff(f, s)));
        t.row(row);
      }
    }
    files.add("payoffs.csv");

    if (r.birthDeath() != null) {
      Game.Population pop = g.population(0);
      String first = pop.strategies().get(0);
      try (CsvTable t =
          new CsvTable(
              folder.file("birth_death.csv"),
              List.of("count_" + first, "share_" + first, "probability"))) {
        for (int k = 0; k < r.birthDeath().length; k++) {
          t.row(
              List.of(
                  Integer.toString(k),
                  Num.format(k / (double) pop.size()),
                  Num.format(r.birthDeath()[k])));
        }
      }
      files.add("birth_death.csv");
    }

    if (varied != null) {
      try (CsvTable t =
          new CsvTable(
              folder.file("vary.csv"),
              List.of(varied.key(), "population", "strategy", "share", "share_at_mutation_rate"))) {
        for (int i = 0; i < varied.values().size(); i++) {
          ExactAnalysis.Result x = varied.results().get(i);
          for (int p = 0; p < pops; p++) {
            for (int s = 0; s < g.population(p).strategyCount(); s++) {
              t.row(
                  List.of(
                      varied.values().get(i),
                      g.population(p).name(),
                      g.population(p).strategies().get(s),
                      Num.format(x.shares()[p][s]),
                      x.sharesAtMutationRate() == null
                          ? ""
                          : Num.format(x.sharesAtMutationRate()[p][s])));
            }
          }
        }
      }
      files.add("vary.csv");
    }

    if (abm != null) {
      try (CsvTable t =
          new CsvTable(
              folder.file("abm_shares.csv"),
              List.of(
                  "population",
                  "strategy",
                  "mean",
                  "ci_low",
                  "ci_high",
                  "n",
                  "exact",
                  "exact_kind"))) {
        for (int p = 0; p < pops; p++) {
          for (int s = 0; s < g.population(p).strategyCount(); s++) {
            Estimate e = abm.shares()[p][s];
            Exact x = exactFor(r, p, s);
            t.row(
                List.of(
                    g.population(p).name(),
                    g.population(p).strategies().get(s),
                    Num.format(e.mean()),
                    Num.format(e.ciLow()),
                    Num.format(e.ciHigh()),
                    Integer.toString(e.n()),
                    Num.format(x.value()),
                    x.kind()));
          }
        }
      }
      files.add("abm_shares.csv");
      try (CsvTable t =
          new CsvTable(
              folder.file("abm_runs.csv"),
              List.of("seed", "population", "strategy", "mean_share", "changes"))) {
        for (ImitationDynamics.Run run : abm.runs()) {
          for (int p = 0; p < pops; p++) {
            for (int s = 0; s < g.population(p).strategyCount(); s++) {
              t.row(
                  List.of(
                      Long.toString(run.seed()),
                      g.population(p).name(),
                      g.population(p).strategies().get(s),
                      Num.format(run.meanShares()[p][s]),
                      Long.toString(run.changes())));
            }
          }
        }
      }
      files.add("abm_runs.csv");
      if (!abm.runs().isEmpty() && abm.runs().get(0).series() != null) {
        List<String> sh = new ArrayList<>(List.of("seed", "update"));
        for (int p = 0; p < pops; p++) {
          for (String s : g.population(p).strategies()) sh.add(g.population(p).name() + ":" + s);
        }
        try (CsvTable t = new CsvTable(folder.file("abm_timeseries.csv"), sh)) {
          for (ImitationDynamics.Run run : abm.runs()) {
            for (double[] row : run.series()) {
              List<String> cells = new ArrayList<>(sh.size());
              cells.add(Long.toString(run.seed()));
              cells.add(Long.toString((long) row[0]));
              for (int c = 1; c < row.length; c++) cells.add(Num.format(row[c]));
              t.row(cells);
            }
          }
        }
        files.add("abm_timeseries.csv");
      }
    }

    for (Map.Entry<String, List<List<String>>> e : tables.entrySet()) {
      List<List<String>> rows = e.getValue();
      try (CsvTable t = new CsvTable(folder.file(e.getKey()), rows.get(0))) {
        for (int i = 1; i < rows.size(); i++) t.row(rows.get(i));
      }
      files.add(e.getKey());
    }

    OutputFolder.writeAtomically(
        folder.file("game.resolved.yaml"),
        "# The resolved game of this run (overrides applied; payoffs evaluated, one per slot).\n"
            + ScenarioYaml.dump(loaded.resolved()));
    files.add("game.resolved.yaml");
    files.add("manifest.json");

    BuildInfo build = BuildInfo.current();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("govsim_version", build.version());
    manifest.put("git_commit", build.commit());
    manifest.put("git_dirty", build.dirty());
    manifest.put("mason_version", build.mason());
    manifest.put("java_version", build.java());
    manifest.putAll(provenance);
    manifest.put("started_utc", started.toString());
    manifest.put("wall_seconds", wallSeconds);
    if (abm != null) {
      manifest.put("seed", g.simulation().seed());
      List<Long> seeds = new ArrayList<>();
      for (ImitationDynamics.Run run : abm.runs()) seeds.add(run.seed());
      manifest.put("replication_seeds", seeds);
      manifest.put("updates_per_seed", abm.eventsPerRun());
    }
    manifest.put("files", files);
    manifest.put("resolved_game", loaded.resolved());
    OutputFolder.writeAtomically(folder.file("manifest.json"), govsim.io.Json.pretty(manifest));
    folder.commit();
    return files;
  }
}
