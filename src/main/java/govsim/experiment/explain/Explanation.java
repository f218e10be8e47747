package govsim.experiment.explain;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.Progress;
import govsim.experiment.batch.RunGuard;
import govsim.experiment.batch.Seeds;
import govsim.io.BuildInfo;
import govsim.io.CsvTable;
import govsim.io.OutputFolder;
import govsim.model.ModelSpec;
import govsim.model.Regime;
import govsim.model.Scenarios;
import govsim.observe.Metrics;
import govsim.observe.Num;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import govsim.stats.Estimate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * {@code govsim explain}: why two scenarios (a scenario under two regimes, or two scenario files)
 * differ in a metric, as Shapley values over the keys in which their resolved scenarios differ.
 *
 * <p>The "from" and "to" scenarios are loaded (presets applied) and their complete resolved trees
 * compared key by key (a list, such as {@code events}, is one key); {@code name}, {@code
 * description}, {@code seed} and {@code regime} are left out (the regime key is a label: the model
 * reads only the switches its preset sets, and those are compared). Each differing key is an item
 * ({@code by = section}: each top-level section with differing keys is one item). A coalition is
 * the "from" tree with the items of the coalition set to their "to" values, validated like any
 * scenario; every coalition runs on the same replication seeds, {@link Seeds#derive}{@code (master,
 * "replication=i")} (those of {@code govsim compare}, so the coalition of no item and that of every
 * item are compare's runs of the two regimes). With at most {@link #EXACT_MAX} items every
 * coalition runs and the values are exact; beyond, or when permutations are asked for, {@link
 * Shapley#sampled} walks M random permutations drawn from a generator seeded by the master seed.
 */
public final class Explanation {

  /** Exact Shapley values (2^k coalitions) up to this many items; sampled beyond. */
  public static final int EXACT_MAX = 8;

  /** Permutations drawn when the values are sampled and none are asked for. */
  public static final int DEFAULT_PERMUTATIONS = 32;

  /** Most runs one explanation may make (coalitions x replications). */
  public static final int MAX_RUNS = 1_000_000;

  /** Keys that are never items: labels and the seed (replications set it). */
  public static final Set<String> IGNORED = Set.of("name", "description", "seed", "regime");

  /** The output files, in the order they are listed in manifest.json (figures besides). */
  public static final List<String> FILES =
      List.of("shapley.csv", "totals.csv", "coalitions.csv", "manifest.json");

  /** Bad input: a message for the user. */
  public static final class ExplainException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExplainException(String message) {
      super(message);
    }
  }

  /**
   * What to explain.
   *
   * @param scenario the scenario file (the "from" side)
   * @param toScenario the "to" scenario file, or null for {@code scenario} again
   * @param from the regime of the "from" side, or null for the scenario's own
   * @param to the regime of the "to" side, or null for the to-scenario's own
   * @param sets overrides applied to both sides (not {@code regime})
   * @param replications seeds per coalition
   * @param masterSeed null for the from scenario's seed
   * @param level confidence level
   * @param bySection one item per top-level section instead of one per key
   * @param permutations sampled permutations, or 0 for the default (exact up to {@link #EXACT_MAX}
   *     items, else {@link #DEFAULT_PERMUTATIONS})
   * @param metric the metric the figure and printed table show
   * @param extendsAnywhere lets extends leave the default scope
   */
  public record Request(
      Path scenario,
      Path toScenario,
      Regime from,
      Regime to,
      List<String> sets,
      int replications,
      Long masterSeed,
      double level,
      boolean bySection,
      int permutations,
      String metric,
      boolean extendsAnywhere) {}

  /**
   * One item: a key (or a section's differing keys) switched as one.
   *
   * @param name the key path or section name
   * @param keys the key paths it switches
   * @param fromText its value(s) on the from side
   * @param toText on the to side
   */
  public record Item(String name, List<String> keys, String fromText, String toText) {}

  private final Request req;
  private final ScenarioLoader.Loaded<ModelSpec> fromLoaded;
  private final ScenarioLoader.Loaded<ModelSpec> toLoaded;
  private final List<Item> items;
  private final Map<String, Object> toValues;
  private final long masterSeed;
  private final long[] seeds;
  private final int[][] permutations;
  private final long[] coalitions;
  private final List<ModelSpec> specs;

  private Explanation(
      Request req,
      ScenarioLoader.Loaded<ModelSpec> fromLoaded,
      ScenarioLoader.Loaded<ModelSpec> toLoaded,
      List<Item> items,
      Map<String, Object> toValues,
      long masterSeed,
      int[][] permutations,
      long[] coalitions,
      List<ModelSpec> specs) {
    this.req = req;
    this.fromLoaded = fromLoaded;
    this.toLoaded = toLoaded;
    this.items = List.copyOf(items);
    this.toValues = toValues;
    this.masterSeed = masterSeed;
    this.permutations = permutations;
    this.coalitions = coalitions;
    this.specs = List.copyOf(specs);
    this.seeds = new long[req.replications()];
    for (int i = 0; i < seeds.length; i++) seeds[i] = Seeds.derive(masterSeed, "replication=" + i);
    Seeds.requireDistinct(seeds, i -> "replication " + i);
  }

  /**
   * Loads both sides, finds the items and validates every coalition that will run.
   *
   * @throws ScenarioException if a side's scenario is invalid
   * @throws ExplainException for bad options, no difference, or an invalid coalition
   */
  public static Explanation prepare(Request req) throws ScenarioException, ExplainException {
    if (req.replications() < 1 || req.replications() > 10_000)
      throw new ExplainException("--reps must be between 1 and 10000, got " + req.replications());
    if (!(req.level() > 0 && req.level() < 1))
      throw new ExplainException("--confidence must be in (0, 1), got " + req.level());
    if (req.permutations() < 0 || req.permutations() == 1 || req.permutations() > 100_000)
      throw new ExplainException(
          "--permutations must be between 2 and 100000, got " + req.permutations());
    if (!Metrics.RUN_NAMES.contains(req.metric()))
      throw new ExplainException(
          "--metric: unknown summary metric '"
              + req.metric()
              + "' (one of: "
              + String.join(", ", Metrics.RUN_NAMES)
              + ")");
    if (req.toScenario() == null && req.to() == null)
      throw new ExplainException(
          "say what to explain the difference to: --to REGIME or --to-scenario FILE");
    if (req.from() != null || req.to() != null) {
      for (String s : req.sets()) {
        if (s.strip().startsWith("regime=") || s.strip().startsWith("regime ")) {
          throw new ExplainException(
              "--set " + s + ": the regimes are chosen with --from and --to");
        }
      }
    }
    ScenarioLoader.Loaded<ModelSpec> from =
        load(req.scenario(), req.sets(), req.from(), req.extendsAnywhere());
    Path toFile = req.toScenario() != null ? req.toScenario() : req.scenario();
    ScenarioLoader.Loaded<ModelSpec> to = load(toFile, req.sets(), req.to(), req.extendsAnywhere());

    Map<String, Object> a = flatten(from.resolved());
    Map<String, Object> b = flatten(to.resolved());
    List<String> differing = new ArrayList<>();
    for (String key : union(a, b)) {
      if (IGNORED.contains(key)) continue;
      if (!java.util.Objects.equals(a.get(key), b.get(key))) differing.add(key);
    }
    if (differing.isEmpty()) {
      throw new ExplainException(
          "the two scenarios do not differ in any key (besides name, description, seed and"
              + " regime): there is nothing to explain");
    }
    Map<String, Object> toValues = new LinkedHashMap<>();
    for (String key : differing) toValues.put(key, b.get(key));
    List<Item> items = new ArrayList<>();
    if (req.bySection()) {
      Map<String, List<String>> sections = new LinkedHashMap<>();
      for (String key : differing)
        sections.computeIfAbsent(key.split("\\.", 2)[0], s -> new ArrayList<>()).add(key);
      for (Map.Entry<String, List<String>> e : sections.entrySet()) {
        List<String> f = new ArrayList<>();
        List<String> t = new ArrayList<>();
        String prefix = e.getKey() + ".";
        for (String key : e.getValue()) {
          String shortKey = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
          f.add(shortKey + "=" + text(a.get(key)));
          t.add(shortKey + "=" + text(b.get(key)));
        }
        items.add(new Item(e.getKey(), e.getValue(), String.join("; ", f), String.join("; ", t)));
      }
    } else {
      for (String key : differing)
        items.add(new Item(key, List.of(key), text(a.get(key)), text(b.get(key))));
    }
    int k = items.size();
    if (k > Shapley.MAX_ITEMS)
      throw new ExplainException(
          "the scenarios differ in "
              + k
              + " keys, more than "
              + Shapley.MAX_ITEMS
              + " can be attributed; use --by section, or make the two scenarios closer");
    long master = req.masterSeed() != null ? req.masterSeed() : from.config().seed();
    int[][] perms = null;
    long[] coalitions;
    if (req.permutations() == 0 && k <= EXACT_MAX) {
      coalitions = Shapley.allCoalitions(k);
    } else {
      int m = req.permutations() == 0 ? DEFAULT_PERMUTATIONS : req.permutations();
      perms =
          Shapley.permutations(
              k, m, new MersenneTwister(Seeds.derive(master, "explain/permutations")));
      coalitions = Shapley.coalitionsOf(k, perms);
    }
    if ((long) coalitions.length * req.replications() > MAX_RUNS)
      throw new ExplainException(
          coalitions.length
              + " coalitions x "
              + req.replications()
              + " replications is more than "
              + MAX_RUNS
              + " runs; use fewer --permutations or --reps, or --by section");
    List<ModelSpec> specs = new ArrayList<>();
    ScenarioLoader<ModelSpec> loader = Scenarios.loader(req.extendsAnywhere());
    for (long mask : coalitions) {
      Map<String, Object> tree = from.resolved();
      for (int i = 0; i < k; i++) {
        if ((mask & (1L << i)) == 0) continue;
        for (String key : items.get(i).keys())
          tree = ScenarioLoader.withValue(tree, key, toValues.get(key));
      }
      try {
        specs.add(loader.bind(tree, "the coalition " + describe(items, mask)));
      } catch (ScenarioException e) {
        throw new ExplainException(
            "the scenario with "
                + describe(items, mask)
                + " switched to the 'to' side is not valid, so this difference cannot be taken"
                + " apart key by key (try --by section):\n"
                + e.format());
      }
    }
    return new Explanation(req, from, to, items, toValues, master, perms, coalitions, specs);
  }

  private static ScenarioLoader.Loaded<ModelSpec> load(
      Path file, List<String> sets, Regime regime, boolean anywhere) throws ScenarioException {
    List<String> all = new ArrayList<>(sets);
    if (regime != null) all.add("regime=" + regime.yamlName());
    return Scenarios.load(file, all, anywhere);
  }

  private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
    List<String> out = new ArrayList<>(a.keySet());
    for (String key : b.keySet()) if (!a.containsKey(key)) out.add(key);
    return out;
  }

  /** Dotted key path to leaf value (lists are leaves); in tree order. */
  static Map<String, Object> flatten(Map<String, ?> tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", tree, out);
    return out;
  }

  private static void flatten(String prefix, Map<String, ?> tree, Map<String, Object> out) {
    for (Map.Entry<String, ?> e : tree.entrySet()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue() instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, ?> sub = (Map<String, ?>) m;
        flatten(key, sub, out);
      } else {
        out.put(key, e.getValue());
      }
    }
  }

  /** A value as YAML-like text: scalars as written, lists and maps in flow style. */
  static String text(Object v) {
    if (v == null) return "(absent)";
    if (v instanceof Double d) return Num.format(d);
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) parts.add(text(o));
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : map.entrySet()) parts.add(e.getKey() + ": " + text(e.getValue()));
      return "{" + String.join(", ", parts) + "}";
    }
    return String.valueOf(v);
  }

  private static String describe(List<Item> items, long mask) {
    if (mask == 0) return "no item";
    List<String> names = new ArrayList<>();
    for (int i = 0; i < items.size(); i++)
      if ((mask & (1L << i)) != 0) names.add(items.get(i).name());
    return String.join(" + ", names);
  }

  /** The names of a coalition's items, space-separated (empty for none). */
  public String members(long mask) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < items.size(); i++)
      if ((mask & (1L << i)) != 0) names.add(items.get(i).name());
    return String.join(" ", names);
  }

  public List<Item> items() {
    return items;
  }

  public boolean exact() {
    return permutations == null;
  }

  public int permutationCount() {
    return permutations == null ? 0 : permutations.length;
  }

  public int coalitionCount() {
    return coalitions.length;
  }

  public int replications() {
    return seeds.length;
  }

  public long[] seeds() {
    return seeds.clone();
  }

  public long masterSeed() {
    return masterSeed;
  }

  /** coalitions x replications. */
  public int runs() {
    return coalitions.length * seeds.length;
  }

  /** The from side's scenario name. */
  public String name() {
    return fromLoaded.config().name();
  }

  /** "distributed" or the from scenario's regime; for folder names and captions. */
  public String fromLabel() {
    return req.from() != null ? req.from().yamlName() : fromLoaded.config().regime().yamlName();
  }

  /** The to side: its regime, or the to-scenario's name with its regime. */
  public String toLabel() {
    String regime = req.to() != null ? req.to().yamlName() : toLoaded.config().regime().yamlName();
    return req.toScenario() == null ? regime : toLoaded.config().name() + " (" + regime + ")";
  }

  public String metric() {
    return req.metric();
  }

  public double level() {
    return req.level();
  }

  /** The scenario of every coalition, in coalition order. */
  public List<ModelSpec> specs() {
    return specs;
  }

  /**
   * What an explanation found.
   *
   * @param byMetric every summary metric's decomposition, in {@link Metrics#RUN_NAMES} order
   * @param failures one line per failed run
   * @param wallSeconds wall time of the runs
   */
  public record Result(
      Map<String, Shapley.Result> byMetric, List<String> failures, double wallSeconds) {
    public Shapley.Result of(String metric) {
      return byMetric.get(metric);
    }
  }

  /**
   * Runs every coalition x replication and writes shapley.csv, totals.csv, coalitions.csv and
   * manifest.json into the staged folder (the caller commits it).
   */
  public Result run(
      OutputFolder folder,
      BatchRunner runner,
      ModelRunner model,
      RunGuard guard,
      Progress progress,
      List<String> command)
      throws InterruptedException {
    Instant started = Instant.now();
    int reps = seeds.length;
    int metricsCount = Metrics.RUN_NAMES.size();
    double[][][] values = new double[metricsCount][coalitions.length][reps];
    Map<Long, Integer> index = new java.util.HashMap<>();
    for (int c = 0; c < coalitions.length; c++) index.put(coalitions[c], c);
    List<String> failures = new ArrayList<>();
    List<Map<String, Object>> failureRecords = new ArrayList<>();
    List<String> header =
        new ArrayList<>(List.of("coalition", "switched", "replication", "seed", "status"));
    header.addAll(Metrics.RUN_NAMES);
    header.add("error");
    BatchRunner.Summary batch;
    try (CsvTable out = new CsvTable(folder.file("coalitions.csv"), header)) {
      batch =
          runner.run(
              jobs(model, guard),
              (Outcome<Map<String, Double>> o) -> {
                int c = (int) (o.index() / reps);
                int r = (int) (o.index() % reps);
                List<String> row =
                    new ArrayList<>(
                        List.of(
                            Integer.toString(c),
                            members(coalitions[c]),
                            Integer.toString(r),
                            Long.toString(seeds[r]),
                            o.ok() ? "ok" : "failed"));
                for (int m = 0; m < metricsCount; m++) {
                  double v = o.ok() ? o.result().get(Metrics.RUN_NAMES.get(m)) : Double.NaN;
                  values[m][c][r] = v;
                  row.add(Num.format(v));
                }
                row.add(o.errorText());
                out.row(row);
                String what =
                    "coalition " + c + " [" + describe(items, coalitions[c]) + "] replication " + r;
                if (!o.ok()) {
                  failures.add(what + " (seed " + seeds[r] + "): " + o.errorText());
                  Map<String, Object> f = new LinkedHashMap<>();
                  f.put("coalition", c);
                  f.put("switched", members(coalitions[c]));
                  f.put("replication", r);
                  f.put("seed", seeds[r]);
                  f.put("error", o.errorText());
                  failureRecords.add(f);
                }
                progress.finished(
                    o.ok(),
                    String.format(java.util.Locale.ROOT, "%s in %.1f s", what, o.wallSeconds()));
              });
    }
    Map<String, Shapley.Result> byMetric = new LinkedHashMap<>();
    for (int m = 0; m < metricsCount; m++) {
      double[][] v = values[m];
      java.util.function.LongFunction<double[]> game = mask -> v[index.get(mask)];
      int k = items.size();
      byMetric.put(
          Metrics.RUN_NAMES.get(m),
          exact()
              ? Shapley.exact(k, game, reps, req.level())
              : Shapley.sampled(k, permutations, game, reps, req.level()));
    }
    writeTables(folder, byMetric);
    writeManifest(folder, runner.threads(), command, started, batch.wallSeconds(), failureRecords);
    return new Result(byMetric, failures, batch.wallSeconds());
  }

  private Iterator<Callable<Map<String, Double>>> jobs(ModelRunner model, RunGuard guard) {
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < runs();
      }

      @Override
      public Callable<Map<String, Double>> next() {
        int i = next++;
        ModelSpec spec = specs.get(i / seeds.length).withSeed(seeds[i % seeds.length]);
        return () -> {
          RunResult result = guard.run(model, spec, new RunListener() {}, false);
          return result.summary();
        };
      }
    };
  }

  private void writeTables(OutputFolder folder, Map<String, Shapley.Result> byMetric) {
    try (CsvTable out =
        new CsvTable(
            folder.file("shapley.csv"),
            List.of(
                "metric",
                "item",
                "from_value",
                "to_value",
                "shapley",
                "sd",
                "ci_low",
                "ci_high",
                "n",
                "sampling_se"))) {
      for (Map.Entry<String, Shapley.Result> e : byMetric.entrySet()) {
        for (int i = 0; i < items.size(); i++) {
          Item it = items.get(i);
          Shapley.Value v = e.getValue().items().get(i);
          Estimate est = v.estimate();
          out.row(
              List.of(
                  e.getKey(),
                  it.name(),
                  it.fromText(),
                  it.toText(),
                  Num.format(est.mean()),
                  Num.format(est.sd()),
                  Num.format(est.ciLow()),
                  Num.format(est.ciHigh()),
                  Integer.toString(est.n()),
                  Num.format(v.samplingSe())));
        }
      }
    }
    try (CsvTable out =
        new CsvTable(
            folder.file("totals.csv"),
            List.of("metric", "from_mean", "to_mean", "difference", "ci_low", "ci_high", "n"))) {
      for (Map.Entry<String, Shapley.Result> e : byMetric.entrySet()) {
        Shapley.Result r = e.getValue();
        out.row(
            List.of(
                e.getKey(),
                Num.format(r.from().mean()),
                Num.format(r.to().mean()),
                Num.format(r.total().mean()),
                Num.format(r.total().ciLow()),
                Num.format(r.total().ciHigh()),
                Integer.toString(r.total().n())));
      }
    }
  }

  /** How the values and intervals are computed, as stated in outputs. */
  public String method() {
    return (exact()
            ? "exact Shapley values over all 2^k coalitions"
            : "Shapley values estimated from "
                + permutations.length
                + " random permutations (Castro et al. 2009); sampling_se is the permutation"
                + " sampling standard error, included in the interval")
        + "; every coalition runs on the same seeds (common random numbers); intervals are"
        + " t-intervals over the replications' own Shapley values";
  }

  private void writeManifest(
      OutputFolder folder,
      int threads,
      List<String> command,
      Instant started,
      double wallSeconds,
      List<Map<String, Object>> failures) {
    BuildInfo build = BuildInfo.current();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", command);
    m.put("kind", "explanation");
    m.put("scenario_file", req.scenario().toString());
    m.put("scenario_sha256", fromLoaded.sha256());
    if (req.toScenario() != null) {
      m.put("to_scenario_file", req.toScenario().toString());
      m.put("to_scenario_sha256", toLoaded.sha256());
    }
    m.put("from", fromLabel());
    m.put("to", toLabel());
    m.put("overrides", req.sets());
    m.put("metric", req.metric());
    m.put("items_by", req.bySection() ? "section" : "key");
    List<Map<String, Object>> its = new ArrayList<>();
    for (Item it : items) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("item", it.name());
      x.put("keys", it.keys());
      x.put("from_value", it.fromText());
      x.put("to_value", it.toText());
      its.add(x);
    }
    m.put("items", its);
    m.put("exact", exact());
    m.put("permutations", permutationCount());
    m.put("coalitions", coalitions.length);
    m.put("replications", seeds.length);
    m.put("master_seed", masterSeed);
    m.put(
        "seed_derivation",
        "seed_i = splitmix64(splitmix64(master_seed) xor sha256_64(\"replication=\" + i)) >>> 11");
    List<Long> seedList = new ArrayList<>();
    for (long s : seeds) seedList.add(s);
    m.put("seeds", seedList);
    m.put("confidence_level", req.level());
    m.put("method", method());
    m.put("runs", runs());
    m.put("runs_failed", failures.size());
    m.put("failures", failures);
    m.put("govsim_version", build.version());
    m.put("git_commit", build.commit());
    m.put("git_dirty", build.dirty());
    m.put("mason_version", build.mason());
    m.put("java_version", build.java());
    m.put("threads", threads);
    m.put("started_utc", started.toString());
    m.put("wall_seconds", wallSeconds);
    m.put("files", FILES);
    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put("from", fromLoaded.resolved());
    resolved.put("to", toLoaded.resolved());
    m.put("resolved_scenarios", resolved);
    OutputFolder.writeAtomically(folder.file("manifest.json"), govsim.io.Json.pretty(m));
  }

  /** The fields of manifest.json that differ between identical explanations. */
  public static final List<String> VOLATILE_MANIFEST_FIELDS =
      List.of("command", "threads", "started_utc", "wall_seconds");
}
