package govsim.cli;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.Seeds;
import govsim.game.AgentBased;
import govsim.game.ExactAnalysis;
import govsim.game.Game;
import govsim.game.GameFile;
import govsim.game.GameOutputs;
import govsim.io.OutputFolder;
import govsim.scenario.ScenarioException;
import govsim.stats.Estimate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `govsim game`: exact analysis (and, with --abm, agent-based simulation) of an evolutionary game.
 */
@Command(
    name = "game",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse an evolutionary game exactly, and simulate it agent-based.",
      "",
      "Reads a game file (docs/games.md: populations, slots, parameters, payoffs, selection"
          + " intensity, mutation rate) and computes, under pairwise-comparison (Fermi) imitation"
          + " in finite populations: fixation probabilities, the stationary distribution over"
          + " monomorphic states in the small-mutation limit and, for one population of two"
          + " strategies, the exact stationary distribution of the birth-death chain at the file's"
          + " mutation rate. With --abm it also runs the agent-based imitation dynamics once per"
          + " seed and prints the long-run mean shares with 95%% intervals beside the exact values.",
      "",
      "Writes stationary.csv, shares.csv, fixation.csv, transitions.csv, payoffs.csv,"
          + " birth_death.csv (one population of two strategies, mu > 0), vary.csv (--vary),"
          + " abm_shares.csv, abm_runs.csv, abm_timeseries.csv (--abm), world_race.csv (--world: a"
          + " world scenario's safety race, run once per seed), game.resolved.yaml and"
          + " manifest.json to results/game-<name>/ (or --out DIR). An existing non-empty folder is"
          + " never overwritten without --force."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim game scenarios/games/dsair.yaml --set game.parameters.s=2 \\",
      "      --set game.parameters.p_r=0.834",
      "  ./govsim game scenarios/games/dsair.yaml --abm --seeds 10 \\",
      "      --out results/dsair-abm",
      "  ./govsim game scenarios/games/dsair.yaml \\",
      "      --vary game.parameters.p_r=0.5:1:0.05 --out results/dsair-pr",
      "  ./govsim game scenarios/games/dsair.yaml --set game.parameters.s=2 \\",
      "      --world scenarios/paper/safety-race.yaml --seeds 20"
    })
final class GameCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Game file (see scenarios/games/).")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one key, e.g. --set game.parameters.p_r=0.8. Repeatable; validated like the file.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--abm",
      description = "Also run the agent-based simulation (the file's simulation section).")
  boolean abm;

  @Option(
      names = {"-n", "--seeds"},
      paramLabel = "N",
      description = "Replications of the agent-based run (sets simulation.seeds).")
  Integer seeds;

  @Option(
      names = "--updates",
      paramLabel = "N",
      description = "Imitation events per replication (sets simulation.updates).")
  Long updates;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      description = "Master seed of the replications (sets simulation.seed).")
  Long seed;

  @Option(
      names = "--vary",
      paramLabel = "KEY=FROM:TO:STEP",
      description =
          "Also analyse the game exactly at every value of one key, e.g. --vary game.parameters.p_r=0.5:1:0.01 (writes vary.csv).")
  String vary;

  @Option(
      names = "--world",
      paramLabel = "SCENARIO",
      description =
          "Also run this world scenario (firms with decision_rule fermi) once per seed and print its long-run share of safe releases beside the game's first strategy (writes world_race.csv; docs/games.md).")
  Path world;

  @Option(
      names = "--world-set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one key of the --world scenario, as govsim run --set does. Repeatable.")
  List<String> worldSets = new ArrayList<>();

  @Option(
      names = "--world-burn-in-days",
      paramLabel = "DAYS",
      description =
          "Days of each --world run before the long-run mean is taken (default: half the horizon).")
  Double worldBurnIn;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description =
          "Worker threads for the replications (default: all processors). Results do not depend on it.")
  Integer threads;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder (default: results/game-<name>/).")
  Path out;

  @Option(names = "--force", description = "Replace an existing non-empty output folder.")
  boolean force;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outw = spec.commandLine().getOut();
    if (threads != null && threads < 1) {
      err.println("govsim game: --threads must be at least 1");
      return Main.BAD_INPUT;
    }
    List<String> all = new ArrayList<>(sets);
    if (seeds != null) all.add("simulation.seeds=" + seeds);
    if (updates != null) all.add("simulation.updates=" + updates);
    if (seed != null) all.add("simulation.seed=" + seed);
    GameFile.Loaded loaded;
    try {
      loaded = GameFile.load(file, all);
    } catch (ScenarioException e) {
      err.println(e.format());
      return Main.BAD_INPUT;
    }
    GameOutputs.Varied varied = null;
    if (vary != null) {
      if (abm) {
        err.println(
            "govsim game: --vary runs the exact analysis only; drop --abm (or run --abm at one value with --set)");
        return Main.BAD_INPUT;
      }
      VaryRange range = VaryRange.parse(vary);
      if (range == null) {
        err.println(
            "govsim game: --vary expects KEY=FROM:TO:STEP with FROM <= TO, STEP > 0 and at most "
                + VaryRange.MAX_POINTS
                + " values, e.g. --vary game.parameters.p_r=0.5:1:0.01; found '"
                + vary
                + "'");
        return Main.BAD_INPUT;
      }
      List<ExactAnalysis.Result> results = new ArrayList<>();
      for (String v : range.values()) {
        List<String> withValue = new ArrayList<>(all);
        withValue.add(range.key() + "=" + v);
        try {
          results.add(ExactAnalysis.analyse(GameFile.load(file, withValue).game()));
        } catch (ScenarioException e) {
          err.println(e.format());
          return Main.BAD_INPUT;
        } catch (ExactAnalysis.Reducible e) {
          err.println(
              "govsim game: " + file + " with " + range.key() + "=" + v + ": " + e.getMessage());
          return Main.BAD_INPUT;
        }
      }
      varied = new GameOutputs.Varied(range.key(), range.values(), results);
    }
    Game g = loaded.game();
    ExactAnalysis.Result exact;
    long tExact = System.nanoTime();
    try {
      exact = ExactAnalysis.analyse(g);
    } catch (ExactAnalysis.Reducible e) {
      err.println("govsim game: " + file + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    double exactSeconds = (System.nanoTime() - tExact) / 1e9;
    AgentBased.Result sim = null;
    long[] repSeeds = null;
    if (abm) {
      Game.Simulation s = g.simulation();
      repSeeds = new long[s.seeds()];
      for (int i = 0; i < repSeeds.length; i++)
        repSeeds[i] = Seeds.derive(s.seed(), "replication=" + i);
      Seeds.requireDistinct(repSeeds, i -> "replication=" + i);
      if (!quiet) {
        outw.printf(
            Locale.ROOT,
            "govsim: simulating %s agent-based: %d seeds x %d imitation events (burn-in %d)%n",
            g.name(),
            s.seeds(),
            s.updates(),
            s.burnIn());
        outw.flush();
      }
      sim =
          AgentBased.run(
              g, repSeeds, threads == null ? BatchRunner.defaultThreads() : threads, true);
    }
    govsim.experiment.WorldRace.Result race = null;
    govsim.model.ModelSpec worldSpec = null;
    double burnIn = Double.NaN;
    if (world != null) {
      try {
        worldSpec = govsim.model.Scenarios.load(world, worldSets).config();
      } catch (ScenarioException e) {
        err.println(e.format());
        return Main.BAD_INPUT;
      }
      double horizon = worldSpec.time().horizonDays();
      burnIn = worldBurnIn == null ? horizon / 2 : worldBurnIn;
      if (!(burnIn >= 0 && burnIn < horizon)) {
        err.println(
            "govsim game: --world-burn-in-days must be in [0, "
                + num(horizon)
                + ") (the scenario's horizon), found "
                + num(burnIn));
        return Main.BAD_INPUT;
      }
      Game.Simulation s = g.simulation();
      long[] worldSeeds = new long[s.seeds()];
      for (int i = 0; i < worldSeeds.length; i++)
        worldSeeds[i] = Seeds.derive(s.seed(), "replication=" + i);
      if (!quiet) {
        outw.printf(
            Locale.ROOT,
            "govsim: running the world %s: %d seeds, long-run mean after day %s%n",
            world,
            worldSeeds.length,
            num(burnIn));
        outw.flush();
      }
      race =
          govsim.experiment.WorldRace.run(
              worldSpec,
              worldSeeds,
              burnIn,
              threads == null ? BatchRunner.defaultThreads() : threads);
    }
    Path target;
    OutputFolder folder;
    try {
      target = out != null ? out : govsim.io.OutputGuard.defaultFolder("game-" + g.name());
      folder = OutputFolder.open(target, force);
    } catch (govsim.io.OutputGuard.Refused e) {
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (OutputFolder.ExistsException e) {
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    List<String> cmd = new ArrayList<>();
    cmd.add("govsim");
    cmd.addAll(spec.commandLine().getParseResult().originalArgs());
    provenance.put("command", cmd);
    provenance.put("game_file", file.toString());
    provenance.put("game_sha256", loaded.sha256());
    provenance.put("overrides", all);
    provenance.put("exact_seconds", exactSeconds);
    try {
      if (vary != null) provenance.put("vary", vary);
      if (race != null) {
        Map<String, Object> wm = new LinkedHashMap<>();
        wm.put("scenario_file", world.toString());
        wm.put("overrides", worldSets);
        wm.put("burn_in_days", burnIn);
        List<Long> ws = new ArrayList<>();
        for (govsim.experiment.WorldRace.Run run : race.runs()) ws.add(run.seed());
        wm.put("replication_seeds", ws);
        provenance.put("world", wm);
      }
      Map<String, List<List<String>>> tables = new LinkedHashMap<>();
      if (race != null) tables.put("world_race.csv", raceRows(race));
      GameOutputs.write(
          folder,
          loaded,
          exact,
          sim,
          varied,
          tables,
          provenance,
          started,
          (System.nanoTime() - t0) / 1e9);
    } catch (OutputFolder.ExistsException e) {
      folder.abandon();
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (RuntimeException e) {
      folder.abandon();
      throw e;
    }
    if (!quiet) {
      if (varied != null) printVaried(outw, g, varied);
      print(outw, g, exact, sim, target, exactSeconds);
      if (race != null) printRace(outw, g, exact, race, worldSpec);
    }
    return 0;
  }

  /**
   * A --vary range: exact decimal steps, so 0.1 + 2 x 0.1 is written 0.3, not 0.30000000000000004.
   */
  record VaryRange(String key, List<String> values) {
    static final int MAX_POINTS = 10_001;

    static VaryRange parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) return null;
      String key = text.substring(0, eq).strip();
      String[] parts = text.substring(eq + 1).split(":", -1);
      if (parts.length != 3 || key.isEmpty()) return null;
      try {
        java.math.BigDecimal from = new java.math.BigDecimal(parts[0].strip());
        java.math.BigDecimal to = new java.math.BigDecimal(parts[1].strip());
        java.math.BigDecimal step = new java.math.BigDecimal(parts[2].strip());
        if (step.signum() <= 0 || from.compareTo(to) > 0) return null;
        java.math.BigDecimal count =
            to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR);
        if (count.compareTo(java.math.BigDecimal.valueOf(MAX_POINTS - 1)) > 0) return null;
        List<String> values = new ArrayList<>();
        for (int i = 0; i <= count.intValueExact(); i++) {
          values.add(
              from.add(step.multiply(java.math.BigDecimal.valueOf(i)))
                  .stripTrailingZeros()
                  .toPlainString());
        }
        return new VaryRange(key, values);
      } catch (NumberFormatException | ArithmeticException e) {
        return null;
      }
    }
  }

  static void printVaried(PrintWriter out, Game g, GameOutputs.Varied v) {
    StringBuilder h =
        new StringBuilder(
            String.format(Locale.ROOT, "  %-14s", v.key().substring(v.key().lastIndexOf('.') + 1)));
    for (int p = 0; p < g.populationCount(); p++) {
      for (String s : g.population(p).strategies())
        h.append(String.format(Locale.ROOT, " %12s", g.population(p).name() + ":" + s));
    }
    out.println("Small-mutation stationary shares over " + v.key() + " (vary.csv):");
    out.println(h);
    for (int i = 0; i < v.values().size(); i++) {
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "  %-14s", v.values().get(i)));
      ExactAnalysis.Result r = v.results().get(i);
      for (int p = 0; p < g.populationCount(); p++) {
        for (double x : r.shares()[p]) line.append(String.format(Locale.ROOT, " %12s", num(x)));
      }
      out.println(line);
    }
  }

  static void print(
      PrintWriter out,
      Game g,
      ExactAnalysis.Result r,
      AgentBased.Result sim,
      Path target,
      double exactSeconds) {
    out.printf(
        Locale.ROOT,
        "govsim: game %s: %d population(s), %d slot(s), %d strategy profiles; beta %s, mu %s%n",
        g.name(),
        g.populationCount(),
        g.slotCount(),
        g.profileCount(),
        num(g.beta()),
        num(g.mutationRate()));
    out.printf(Locale.ROOT, "Stationary shares (exact analysis, %.3f s):%n", exactSeconds);
    boolean bd = r.sharesAtMutationRate() != null;
    StringBuilder h =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "  %-12s %-10s %22s",
                "population",
                "strategy",
                "small-mutation limit"));
    if (bd) h.append(String.format(Locale.ROOT, " %20s", "exact at mu=" + num(g.mutationRate())));
    if (sim != null)
      h.append(String.format(Locale.ROOT, "   %s", "agent-based mean [95% interval], n seeds"));
    out.println(h);
    for (int p = 0; p < g.populationCount(); p++) {
      Game.Population pop = g.population(p);
      for (int s = 0; s < pop.strategyCount(); s++) {
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "  %-12s %-10s %22s",
                    pop.name(),
                    pop.strategies().get(s),
                    num(r.shares()[p][s])));
        if (bd)
          line.append(String.format(Locale.ROOT, " %20s", num(r.sharesAtMutationRate()[p][s])));
        if (sim != null) {
          Estimate e = sim.shares()[p][s];
          line.append(
              String.format(
                  Locale.ROOT,
                  "   %s [%s, %s], n=%d",
                  num(e.mean()),
                  num(e.ciLow()),
                  num(e.ciHigh()),
                  e.n()));
        }
        out.println(line);
      }
    }
    if (sim != null && !bd) {
      out.println(
          "  (the agent-based runs use mu = "
              + num(g.mutationRate())
              + "; they approach the small-mutation limit "
              + "only if each mutant fixes or vanishes before the next arises: mu well below 1/Z^2 when some mutants "
              + "are neutral; see docs/games.md)");
    }
    out.println(
        "Most likely state: "
            + r.stateName(argmax(r.stationary()))
            + " (p = "
            + num(r.stationary()[argmax(r.stationary())])
            + ")");
    out.println("Wrote " + target);
    out.flush();
  }

  static void printRace(
      PrintWriter out,
      Game g,
      ExactAnalysis.Result r,
      govsim.experiment.WorldRace.Result race,
      govsim.model.ModelSpec spec) {
    Estimate e = race.safeShare();
    Estimate last = race.finalSafeShare();
    String first = g.population(0).name() + ":" + g.population(0).strategies().get(0);
    out.printf(
        Locale.ROOT,
        "World: long-run share of safe releases %s [%s, %s], n=%d seeds (at the horizon %s [%s, %s])%n",
        num(e.mean()),
        num(e.ciLow()),
        num(e.ciHigh()),
        e.n(),
        num(last.mean()),
        num(last.ciLow()),
        num(last.ciHigh()));
    out.printf(
        Locale.ROOT,
        "Game:  share of %s %s (small-mutation limit)%s%n",
        first,
        num(r.shares()[0][0]),
        r.sharesAtMutationRate() == null
            ? ""
            : ", "
                + num(r.sharesAtMutationRate()[0][0])
                + " (at mu="
                + num(g.mutationRate())
                + ")");
    govsim.experiment.WorldRace.Fit fs = race.safe();
    govsim.experiment.WorldRace.Fit fu = race.unsafe();
    out.printf(
        Locale.ROOT,
        "World payoffs (%% of an average firm's annual revenue, lines fitted over %d steps):"
            + " safe %s + %s x, unsafe %s + %s x, x = share of unsafe firms%n",
        fs.n(),
        num(fs.at(0)),
        num(fs.slope()),
        num(fu.at(0)),
        num(fu.slope()));
    Game m = matched(race, spec);
    if (m == null) {
      out.println(
          "Matched game: not defined (the two postures were never present together, or the unsafe share never varied)");
    } else {
      ExactAnalysis.Result mr;
      try {
        mr = ExactAnalysis.analyse(m);
      } catch (ExactAnalysis.Reducible reducible) {
        mr = null;
      }
      out.printf(
          Locale.ROOT,
          "Matched game (Z=%d, beta=%s, mu=%s; pi(AS,AS)=%s pi(AS,AU)=%s pi(AU,AS)=%s pi(AU,AU)=%s):"
              + " share of AS %s (small-mutation limit), %s (at mu)%n",
          m.population(0).size(),
          num(m.beta()),
          num(m.mutationRate()),
          num(m.payoff(0, 0)),
          num(m.payoff(1, 0)),
          num(m.payoff(2, 0)),
          num(m.payoff(3, 0)),
          mr == null ? "n/a" : num(mr.shares()[0][0]),
          mr == null || mr.sharesAtMutationRate() == null
              ? "n/a"
              : num(mr.sharesAtMutationRate()[0][0]));
    }
    out.println("(world_race.csv; docs/games.md maps the world's keys to the game's parameters)");
    out.flush();
  }

  /** world_race.csv: one row per seed. */
  static List<List<String>> raceRows(govsim.experiment.WorldRace.Result race) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "seed",
            "mean_safe_share",
            "final_safe_share",
            "mean_active_firms",
            "steps_with_posture_changes"));
    for (govsim.experiment.WorldRace.Run run : race.runs()) {
      rows.add(
          List.of(
              Long.toString(run.seed()),
              govsim.observe.Num.format(run.meanSafeShare()),
              govsim.observe.Num.format(run.finalSafeShare()),
              govsim.observe.Num.format(run.meanFirms()),
              Long.toString(run.postureChanges())));
    }
    return rows;
  }

  /** The matched pairwise game of a world race: Z the mean number of active firms, rounded. */
  static Game matched(govsim.experiment.WorldRace.Result race, govsim.model.ModelSpec spec) {
    double firms = 0;
    int n = 0;
    for (govsim.experiment.WorldRace.Run run : race.runs()) {
      if (Double.isNaN(run.meanFirms())) continue;
      firms += run.meanFirms();
      n++;
    }
    if (n == 0) return null;
    return govsim.experiment.WorldRace.matchedGame(
        race,
        (int) Math.round(firms / n),
        spec.firms().decisionIntensity(),
        spec.firms().mutationRate());
  }

  private static int argmax(double[] x) {
    int best = 0;
    for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
    return best;
  }

  private static String num(double x) {
    if (Double.isNaN(x)) return "n/a";
    return String.format(Locale.ROOT, "%.4g", x)
        .replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
        .replaceFirst("\\.(e|$)", "$1");
  }
}
