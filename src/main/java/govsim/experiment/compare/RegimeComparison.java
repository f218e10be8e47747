package govsim.experiment.compare;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.Progress;
import govsim.experiment.batch.RunGuard;
import govsim.experiment.batch.Seeds;
import govsim.io.BuildInfo;
import govsim.io.CsvTable;
import govsim.io.GzipCsvTable;
import govsim.io.OutputFolder;
import govsim.io.ParquetTable;
import govsim.io.ParquetTable.Column;
import govsim.io.ParquetTable.Type;
import govsim.model.ModelSpec;
import govsim.model.Regime;
import govsim.model.Scenarios;
import govsim.observe.Durations;
import govsim.observe.Metrics;
import govsim.observe.Num;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import govsim.stats.BoundedInterval;
import govsim.stats.Estimate;
import govsim.stats.Holm;
import govsim.stats.KaplanMeier;
import govsim.stats.PairedDifference;
import govsim.stats.Stats;
import govsim.world.World;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The regime comparison of {@code govsim compare}: one scenario run under each listed regime with
 * the same N seeds (replication i uses seed i in every regime: common random numbers; with the
 * named streams of {@code RandomStreams} the exogenous draws are then the same in every regime), on
 * all cores, summarised with t-intervals per regime and paired differences between regimes.
 *
 * <p>The regime preset is applied when a scenario is loaded, so each regime's scenario is the file
 * loaded again with {@code regime=<name>} added to the overrides. Seeds are {@link
 * Seeds#derive}{@code (master, "replication=i")}; the master seed is the scenario's {@code seed}
 * unless given. Outputs (written into a folder by {@link #run}) are identical whatever the thread
 * count, apart from the timing and thread fields of manifest.json.
 */
public final class RegimeComparison {

  /** The output files, in the order they are listed in manifest.json. */
  public static final List<String> FILES =
      List.of(
          "runs.csv",
          "runs.parquet",
          "timeseries.csv.gz",
          "timeseries.parquet",
          "comparison.csv",
          "paired_differences.csv",
          "timeseries_mean.csv",
          "survival.csv",
          "manifest.json");

  /**
   * Most replications per regime. A comparison keeps every run's summary metrics and the running
   * time-series means in memory: 10,000 seeds x 4 regimes stay near 10 MiB, and at a few seconds a
   * run already take days on one machine; more belongs in a sweep, which streams to disk.
   */
  public static final int MAX_REPLICATIONS = 10_000;

  /** How the intervals are computed, as stated in outputs. */
  public static final String METHOD =
      "intervals over seeds that respect each metric's bounds: logit-transformed t-intervals for"
          + " metrics bounded on both sides (shares), log-transformed for one-sided bounds (counts,"
          + " amounts, days), plain t otherwise (column interval of comparison.csv; per column in"
          + " the manifest's timeseries_intervals); paired differences with paired t-tests"
          + " (two-sided), p_holm Holm-adjusted over every row of paired_differences.csv; common"
          + " random numbers: replication i uses the same seed in every regime";

  private final Path scenario;
  private final List<String> sets;
  private final List<Regime> regimes;
  private final List<ScenarioLoader.Loaded<ModelSpec>> loaded;
  private final long masterSeed;
  private final long[] seeds;
  private final double level;

  /** Target relative half-width of the headline intervals (--precision); NaN: fixed n. */
  private final double precision;

  /** Most replications per regime with --precision (the seeds array holds this many). */
  private final int maxReplications;

  private final int initialReplications;

  private RegimeComparison(
      Path scenario,
      List<String> sets,
      List<Regime> regimes,
      List<ScenarioLoader.Loaded<ModelSpec>> loaded,
      long masterSeed,
      int replications,
      double level,
      double precision,
      int maxReplications) {
    this.scenario = scenario;
    this.sets = List.copyOf(sets);
    this.regimes = List.copyOf(regimes);
    this.loaded = List.copyOf(loaded);
    this.masterSeed = masterSeed;
    this.level = level;
    this.precision = precision;
    this.initialReplications = replications;
    this.maxReplications = Double.isNaN(precision) ? replications : maxReplications;
    // Replication i's seed is a fixed function of the master seed and i, so the runs that
    // --precision adds are the same whatever the thread count (and the first n are those of a
    // comparison with --reps n).
    this.seeds = new long[this.maxReplications];
    for (int i = 0; i < seeds.length; i++) seeds[i] = Seeds.derive(masterSeed, "replication=" + i);
    Seeds.requireDistinct(seeds, i -> "replication " + i);
  }

  /**
   * This comparison with a precision target: after the first {@code replications()} seeds per
   * regime, more are added in rounds until every headline metric's interval ({@link
   * ComparisonTable#HEADLINE}, per regime) has a half-width of at most {@code relative} times the
   * absolute value of its mean, or {@code maxReplications} is reached. A metric undefined in a
   * regime (no value in any run) does not count; a constant one has half-width 0 and meets any
   * target. Round k's size is the n the worst metric projects, {@code ceil(n (w / (H |mean|))^2)}
   * for half-width w, at least n + 1 and at most 2n.
   *
   * @param relative target half-width relative to the mean, in (0, 1)
   * @param maxReplications at most this many seeds per regime, at least replications()
   */
  public RegimeComparison withPrecision(double relative, int maxReplications) {
    if (!(relative > 0 && relative < 1)) {
      throw new IllegalArgumentException(
          "--precision is a half-width relative to the mean, in (0, 1) (0.05 for +/- 5%), got "
              + relative);
    }
    if (maxReplications < initialReplications || maxReplications > MAX_REPLICATIONS) {
      throw new IllegalArgumentException(
          "--max-reps must be between --reps ("
              + initialReplications
              + ") and "
              + MAX_REPLICATIONS
              + ", got "
              + maxReplications);
    }
    return new RegimeComparison(
        scenario,
        sets,
        regimes,
        loaded,
        masterSeed,
        initialReplications,
        level,
        relative,
        maxReplications);
  }

  /** The precision target (NaN without --precision). */
  public double precision() {
    return precision;
  }

  /** Most runs this comparison may make (regimes x the most replications). */
  public int maxRuns() {
    return regimes.size() * maxReplications;
  }

  /**
   * Loads and validates the scenario once per regime.
   *
   * @param scenario the scenario file
   * @param sets {@code key.path=value} overrides applied in every regime; may not set {@code
   *     regime}
   * @param regimes the regimes to compare, at least one, no repeats
   * @param replications seeds per regime, at least 1
   * @param masterSeed the master seed; null for the scenario's own {@code seed}
   * @param level confidence level of the intervals, in (0, 1)
   * @throws ScenarioException if the scenario is invalid under any regime
   * @throws IllegalArgumentException for an empty or repeated regime list, replications &lt; 1, a
   *     level outside (0, 1), or a {@code regime=} override (the message says what to do)
   */
  public static RegimeComparison prepare(
      Path scenario,
      List<String> sets,
      List<Regime> regimes,
      int replications,
      Long masterSeed,
      double level)
      throws ScenarioException {
    return prepare(scenario, sets, regimes, replications, masterSeed, level, false);
  }

  /**
   * As {@link #prepare(Path, List, List, int, Long, double)}; {@code extendsAnywhere} lets the
   * scenario's extends leave its default scope (see {@link Scenarios#loader(boolean)}).
   */
  public static RegimeComparison prepare(
      Path scenario,
      List<String> sets,
      List<Regime> regimes,
      int replications,
      Long masterSeed,
      double level,
      boolean extendsAnywhere)
      throws ScenarioException {
    if (regimes.isEmpty())
      throw new IllegalArgumentException("--regimes: name at least one regime");
    if (regimes.stream().distinct().count() != regimes.size()) {
      throw new IllegalArgumentException("--regimes: a regime is listed twice: " + regimes);
    }
    if (replications < 1 || replications > MAX_REPLICATIONS) {
      throw new IllegalArgumentException(
          "--reps must be between 1 and "
              + MAX_REPLICATIONS
              + ", got "
              + replications
              + (replications > MAX_REPLICATIONS
                  ? " (a comparison keeps every run's summary in memory; for more"
                      + " replications run a sweep, see scenarios/sweeps/README.md)"
                  : ""));
    }
    if (!(level > 0 && level < 1))
      throw new IllegalArgumentException("the confidence level must be in (0, 1)");
    for (String s : sets) {
      if (s.strip().startsWith("regime=") || s.strip().startsWith("regime ")) {
        throw new IllegalArgumentException(
            "--set " + s + ": the regimes are chosen with --regimes");
      }
    }
    List<ScenarioLoader.Loaded<ModelSpec>> loaded = new ArrayList<>();
    for (Regime r : regimes) {
      List<String> all = new ArrayList<>(sets);
      all.add("regime=" + r.yamlName());
      loaded.add(Scenarios.load(scenario, all, extendsAnywhere));
    }
    long master = masterSeed != null ? masterSeed : loaded.get(0).config().seed();
    return new RegimeComparison(
        scenario, sets, regimes, loaded, master, replications, level, Double.NaN, replications);
  }

  /** The scenario's name (of its first regime's load). */
  public String name() {
    return loaded.get(0).config().name();
  }

  /** The master seed the replications' seeds derive from. */
  public long masterSeed() {
    return masterSeed;
  }

  /** The seed of each replication (the same in every regime), up to the most replications. */
  public long[] seeds() {
    return seeds.clone();
  }

  /** The regimes, in the order given. */
  public List<Regime> regimes() {
    return regimes;
  }

  /** Replications per regime (the first round's with --precision). */
  public int replications() {
    return initialReplications;
  }

  /** Runs in total: regimes x replications (the first round's with --precision). */
  public int runs() {
    return regimes.size() * initialReplications;
  }

  /** The loaded scenario of each regime, in regime order. */
  public List<ScenarioLoader.Loaded<ModelSpec>> loaded() {
    return loaded;
  }

  /** Confidence level of the intervals. */
  public double level() {
    return level;
  }

  /**
   * What a comparison found.
   *
   * @param estimates per regime (in order), per summary metric: mean, sd, interval, n
   * @param failures one line per failed run (regime, replication, seed, error)
   * @param wallSeconds wall time of the runs
   * @param replications seeds per regime used (more than asked with --precision)
   * @param precisionRatio with --precision, the largest ratio of a headline half-width to its
   *     target at the end (at most 1: reached); NaN without
   */
  public record Result(
      Map<Regime, Map<String, Estimate>> estimates,
      List<String> failures,
      double wallSeconds,
      int replications,
      double precisionRatio) {}

  /** The data a run hands back: summary, recorded rows, stepping time (the world is dropped). */
  private record RunData(
      Map<String, Double> summary, List<double[]> rows, List<Durations> durations) {}

  /**
   * Runs every regime x replication and writes the output files into {@code folder} (not committed:
   * the caller commits or abandons it).
   *
   * @param folder the staged output folder
   * @param runner the thread pool
   * @param model how to run one run ({@link ModelRunner#SINGLE_RUN} but in tests)
   * @param progress told of every finished run
   * @param command the command line, for the manifest
   * @throws InterruptedException if interrupted
   */
  public Result run(
      OutputFolder folder,
      BatchRunner runner,
      ModelRunner model,
      Progress progress,
      List<String> command)
      throws InterruptedException {
    return run(folder, runner, model, RunGuard.of(null), progress, command);
  }

  /**
   * As {@link #run(OutputFolder, BatchRunner, ModelRunner, Progress, List)}, each run under {@code
   * guard} (memory estimate, time-out, out-of-memory isolation): a run it stops is a failed run
   * with the reason, and the others go on.
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
    int metricsCount = Metrics.RUN_NAMES.size();
    double[][][] values = new double[regimes.size()][metricsCount][maxReplications];
    for (double[][] a : values) for (double[] b : a) java.util.Arrays.fill(b, Double.NaN);
    List<SeriesMeans> series = new ArrayList<>();
    for (int r = 0; r < regimes.size(); r++) series.add(new SeriesMeans());
    // Per regime, per duration quantity, per replication: the run's censored durations.
    Durations[][][] spells =
        new Durations[regimes.size()][Durations.Quantity.values().length][maxReplications];
    List<String> failures = new ArrayList<>();
    List<Map<String, Object>> failureRecords = new ArrayList<>();

    List<String> header = new ArrayList<>(List.of("regime", "replication", "seed", "status"));
    header.addAll(Metrics.RUN_NAMES);
    header.add("error");
    List<Column> runsColumns =
        new ArrayList<>(
            List.of(
                Column.key("run", Type.INT),
                Column.key("regime", Type.STRING),
                Column.key("replication", Type.INT),
                Column.key("seed", Type.LONG),
                Column.key("status", Type.STRING)));
    runsColumns.addAll(ParquetTable.doubles(Metrics.RUN_NAMES));
    runsColumns.add(Column.optional("error", Type.STRING));
    List<Column> seriesColumns =
        new ArrayList<>(
            List.of(
                Column.key("run", Type.INT),
                Column.key("regime", Type.STRING),
                Column.key("replication", Type.INT)));
    seriesColumns.addAll(ParquetTable.doubles(Metrics.STEP_NAMES));
    List<String> seriesHeader = new ArrayList<>(List.of("run", "regime", "replication"));
    seriesHeader.addAll(Metrics.STEP_NAMES);
    double wall = 0;
    List<Integer> rounds = new ArrayList<>();
    double worst = Double.NaN;
    int done = 0;
    try (CsvTable runsCsv = new CsvTable(folder.file("runs.csv"), header);
        ParquetTable runsParquet =
            new ParquetTable(folder.file("runs.parquet"), "runs", runsColumns);
        GzipCsvTable seriesCsv = new GzipCsvTable(folder.file("timeseries.csv.gz"), seriesHeader);
        ParquetTable seriesParquet =
            new ParquetTable(folder.file("timeseries.parquet"), "timeseries", seriesColumns)) {
      int target = initialReplications;
      while (true) {
        final int from = done;
        final int reps = target - from;
        // Run ids count on across rounds: round by round, regime by regime, replication by
        // replication (without --precision: regime by regime, as before).
        final long firstRun = (long) regimes.size() * from;
        BatchRunner.Summary batch =
            runner.run(
                jobs(model, guard, from, target),
                (Outcome<RunData> o) -> {
                  int regime = (int) (o.index() / reps);
                  int rep = from + (int) (o.index() % reps);
                  long runId = firstRun + o.index();
                  String name = regimes.get(regime).yamlName();
                  List<String> row =
                      new ArrayList<>(
                          List.of(
                              name,
                              Integer.toString(rep),
                              Long.toString(seeds[rep]),
                              o.ok() ? "ok" : "failed"));
                  for (int m = 0; m < metricsCount; m++) {
                    double v =
                        o.ok() ? o.result().summary().get(Metrics.RUN_NAMES.get(m)) : Double.NaN;
                    values[regime][m][rep] = v;
                    row.add(Num.format(v));
                  }
                  row.add(o.errorText());
                  runsCsv.row(row);
                  runsParquet.set(0, runId);
                  runsParquet.set(1, name);
                  runsParquet.set(2, rep);
                  runsParquet.set(3, seeds[rep]);
                  runsParquet.set(4, o.ok() ? "ok" : "failed");
                  for (int m = 0; m < metricsCount; m++)
                    runsParquet.set(5 + m, values[regime][m][rep]);
                  runsParquet.set(5 + metricsCount, o.errorText());
                  runsParquet.endRow();
                  if (o.ok()) {
                    series.get(regime).add(o.result().rows());
                    for (int q = 0; q < o.result().durations().size(); q++)
                      spells[regime][q][rep] = o.result().durations().get(q);
                    List<String> keys = List.of(Long.toString(runId), name, Integer.toString(rep));
                    for (double[] r : o.result().rows()) {
                      seriesCsv.row(keys, r);
                      seriesParquet.set(0, runId);
                      seriesParquet.set(1, name);
                      seriesParquet.set(2, rep);
                      for (int c = 0; c < r.length; c++) seriesParquet.set(3 + c, r[c]);
                      seriesParquet.endRow();
                    }
                  } else {
                    failures.add(
                        name
                            + " replication "
                            + rep
                            + " (seed "
                            + seeds[rep]
                            + "): "
                            + o.errorText());
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("regime", name);
                    f.put("replication", rep);
                    f.put("seed", seeds[rep]);
                    f.put("error", o.errorText());
                    failureRecords.add(f);
                  }
                  progress.finished(
                      o.ok(),
                      String.format(
                          java.util.Locale.ROOT,
                          "%s replication %d (seed %d) in %.1f s",
                          name,
                          rep,
                          seeds[rep],
                          o.wallSeconds()));
                });
        wall += batch.wallSeconds();
        done = target;
        rounds.add(done);
        if (Double.isNaN(precision)) break;
        worst = worstRatio(values, done);
        if (worst <= 1 || done >= maxReplications) break;
        long projected = (long) Math.ceil(done * worst * worst);
        target =
            (int) Math.min(maxReplications, Math.min(2L * done, Math.max(done + 1L, projected)));
      }
    }
    final int used = done;
    for (double[][] a : values)
      for (int m = 0; m < a.length; m++) a[m] = java.util.Arrays.copyOf(a[m], used);

    Map<Regime, Map<String, Estimate>> estimates = new LinkedHashMap<>();
    try (CsvTable out =
        new CsvTable(
            folder.file("comparison.csv"),
            List.of("regime", "metric", "mean", "sd", "ci_low", "ci_high", "n", "interval"))) {
      for (int r = 0; r < regimes.size(); r++) {
        Map<String, Estimate> byMetric = new LinkedHashMap<>();
        for (int m = 0; m < metricsCount; m++) {
          Estimate e = bounded(Metrics.RUN_NAMES.get(m), Stats.estimate(values[r][m], level));
          byMetric.put(Metrics.RUN_NAMES.get(m), e);
          out.row(
              List.of(
                  regimes.get(r).yamlName(),
                  Metrics.RUN_NAMES.get(m),
                  Num.format(e.mean()),
                  Num.format(e.sd()),
                  Num.format(e.ciLow()),
                  Num.format(e.ciHigh()),
                  Integer.toString(e.n()),
                  intervalMethod(Metrics.RUN_NAMES.get(m))));
        }
        estimates.put(regimes.get(r), byMetric);
      }
    }
    try (CsvTable out =
        new CsvTable(
            folder.file("paired_differences.csv"),
            List.of(
                "regime_a",
                "regime_b",
                "metric",
                "mean_diff",
                "ci_low",
                "ci_high",
                "p_value",
                "n",
                "p_holm"))) {
      List<PairedDifference> diffs = new ArrayList<>();
      for (int a = 0; a < regimes.size(); a++) {
        for (int b = a + 1; b < regimes.size(); b++) {
          for (int m = 0; m < metricsCount; m++)
            diffs.add(PairedDifference.of(values[a][m], values[b][m], level));
        }
      }
      // Holm over the whole file: every regime pair x metric with a defined p-value is one test.
      double[] holm = Holm.adjust(diffs.stream().mapToDouble(PairedDifference::pValue).toArray());
      int k = 0;
      for (int a = 0; a < regimes.size(); a++) {
        for (int b = a + 1; b < regimes.size(); b++) {
          for (int m = 0; m < metricsCount; m++, k++) {
            PairedDifference d = diffs.get(k);
            out.row(
                List.of(
                    regimes.get(a).yamlName(),
                    regimes.get(b).yamlName(),
                    Metrics.RUN_NAMES.get(m),
                    Num.format(d.meanDiff()),
                    Num.format(d.ciLow()),
                    Num.format(d.ciHigh()),
                    Num.format(d.pValue()),
                    Integer.toString(d.n()),
                    Num.format(holm[k])));
          }
        }
      }
    }
    try (CsvTable out = new CsvTable(folder.file("timeseries_mean.csv"), SeriesMeans.header())) {
      for (int r = 0; r < regimes.size(); r++)
        series.get(r).write(out, regimes.get(r).yamlName(), level);
    }
    writeSurvival(folder, spells, used);
    Map<String, Object> precisionInfo = null;
    if (!Double.isNaN(precision)) {
      precisionInfo = new LinkedHashMap<>();
      precisionInfo.put("target_relative_half_width", precision);
      precisionInfo.put("metrics", ComparisonTable.HEADLINE);
      precisionInfo.put(
          "rule",
          "per regime and headline metric: (ci_high - ci_low) / 2 <= target x |mean| (metrics"
              + " undefined in every run of a regime do not count); rounds add replications (seeds"
              + " are the fixed sequence replication=i) until all hold or max_replications");
      precisionInfo.put("replications_per_round", rounds);
      precisionInfo.put("replications_used", used);
      precisionInfo.put("max_replications", maxReplications);
      precisionInfo.put("reached", worst <= 1);
      // The widest headline half-width over its target (infinite: a mean of 0 with spread).
      precisionInfo.put("worst_ratio", Double.isFinite(worst) ? worst : "inf");
    }
    writeManifest(
        folder, runner.threads(), command, started, wall, failureRecords, used, precisionInfo);
    return new Result(estimates, failures, wall, used, worst);
  }

  /** Columns of survival.csv. */
  public static final List<String> SURVIVAL_HEADER =
      List.of(
          "regime",
          "quantity",
          "runs",
          "n",
          "events",
          "observed_share",
          "median_days",
          "median_low",
          "median_high",
          "rmst_days",
          "rmst_low",
          "rmst_high",
          "tau_days");

  /**
   * survival.csv: for each regime and duration (governance gap to an effective rule, backlash
   * response, practice duration), the Kaplan–Meier estimate over the durations of all successful
   * replications pooled (censored ones kept): subjects, events, share observed, median and
   * restricted mean up to tau (horizon_days - burn_in_days) with intervals at the comparison's
   * level (Greenwood; see {@link KaplanMeier}). Pooling treats the subjects of different runs as
   * one sample; the per-run values and their spread are in runs.csv and comparison.csv.
   */
  private void writeSurvival(OutputFolder folder, Durations[][][] spells, int used) {
    ModelSpec first = loaded.get(0).config();
    double tau = first.time().horizonDays() - first.time().burnInDays();
    try (CsvTable out = new CsvTable(folder.file("survival.csv"), SURVIVAL_HEADER)) {
      for (int r = 0; r < regimes.size(); r++) {
        for (Durations.Quantity q : Durations.Quantity.values()) {
          List<Durations> ok = new ArrayList<>();
          for (int rep = 0; rep < used; rep++) {
            Durations d = spells[r][q.ordinal()][rep];
            if (d != null) ok.add(d);
          }
          Durations all = Durations.pool(ok);
          KaplanMeier km = new KaplanMeier(all.durations(), all.observed(), level);
          out.row(
              List.of(
                  regimes.get(r).yamlName(),
                  q.prefix(),
                  Integer.toString(ok.size()),
                  Integer.toString(km.n()),
                  Integer.toString(km.events()),
                  Num.format(km.observedShare()),
                  Num.format(km.median()),
                  Num.format(km.medianLow()),
                  Num.format(km.medianHigh()),
                  Num.format(km.restrictedMean(tau)),
                  Num.format(km.restrictedMeanLow(tau)),
                  Num.format(km.restrictedMeanHigh(tau)),
                  Num.format(tau)));
        }
      }
    }
  }

  /** The run metric's estimate with the interval its bounds call for ({@link BoundedInterval}). */
  private Estimate bounded(String metric, Estimate e) {
    govsim.observe.Bounds b = Metrics.runDoc(metric).bounds();
    return BoundedInterval.of(e, b.min(), b.max(), level);
  }

  /** The interval method of a run metric: t, log or logit. */
  static String intervalMethod(String metric) {
    govsim.observe.Bounds b = Metrics.runDoc(metric).bounds();
    return BoundedInterval.method(b.min(), b.max());
  }

  /**
   * The largest ratio of a headline interval's half-width to its target (precision x |mean|) over
   * regimes and headline metrics, from the first n replications; 0 if every one meets its target. A
   * half-width above 0 with a mean of 0 is infinitely far from a relative target.
   */
  private double worstRatio(double[][][] values, int n) {
    double worst = 0;
    for (int r = 0; r < regimes.size(); r++) {
      for (String metric : ComparisonTable.HEADLINE) {
        int m = Metrics.RUN_NAMES.indexOf(metric);
        Estimate e =
            bounded(metric, Stats.estimate(java.util.Arrays.copyOf(values[r][m], n), level));
        if (e.n() == 0) continue; // undefined in every run of this regime
        if (e.n() < 2) return Double.POSITIVE_INFINITY; // defined once: no interval yet
        double half = (e.ciHigh() - e.ciLow()) / 2;
        if (half == 0) continue;
        worst = Math.max(worst, half / (precision * Math.abs(e.mean())));
      }
    }
    return worst;
  }

  /**
   * Jobs in run order for replications [from, to): regime by regime, replication by replication.
   */
  private Iterator<Callable<RunData>> jobs(ModelRunner model, RunGuard guard, int from, int to) {
    int reps = to - from;
    int total = regimes.size() * reps;
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < total;
      }

      @Override
      public Callable<RunData> next() {
        int i = next++;
        ModelSpec spec = loaded.get(i / reps).config().withSeed(seeds[from + i % reps]);
        return () -> {
          List<double[]> rows = new ArrayList<>();
          RunResult result =
              guard.run(
                  model,
                  spec,
                  new RunListener() {
                    @Override
                    public void row(double[] row) {
                      rows.add(row.clone());
                    }
                  },
                  true);
          World w = result.world();
          List<Durations> durations = new ArrayList<>();
          // A stand-in model (tests) may hand back no world: its runs add no survival spells.
          if (w != null)
            for (Durations.Quantity q : Durations.Quantity.values())
              durations.add(
                  Durations.of(
                      q, w, spec.time().burnInDays(), Math.min(w.now, spec.time().horizonDays())));
          return new RunData(result.summary(), rows, durations);
        };
      }
    };
  }

  private void writeManifest(
      OutputFolder folder,
      int threads,
      List<String> command,
      Instant started,
      double wallSeconds,
      List<Map<String, Object>> failures,
      int used,
      Map<String, Object> precisionInfo) {
    BuildInfo build = BuildInfo.current();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", command);
    m.put("kind", "regime comparison");
    m.put("scenario_file", scenario.toString());
    m.put("scenario_sha256", loaded.get(0).sha256());
    m.put("scenario_files", loaded.get(0).files().stream().map(Path::toString).toList());
    m.put("overrides", sets);
    m.put("regimes", regimes.stream().map(Regime::yamlName).toList());
    m.put("replications", used);
    if (precisionInfo != null) m.put("precision", precisionInfo);
    m.put("master_seed", masterSeed);
    m.put(
        "seed_derivation",
        "seed_i = splitmix64(splitmix64(master_seed) xor sha256_64(\"replication=\" + i)) >>> 11");
    List<Long> seedList = new ArrayList<>();
    for (int i = 0; i < used; i++) seedList.add(seeds[i]);
    m.put("seeds", seedList);
    m.put("confidence_level", level);
    m.put("method", METHOD);
    Map<String, String> intervals = new LinkedHashMap<>();
    for (String name : Metrics.RUN_NAMES) intervals.put(name, intervalMethod(name));
    m.put("intervals", intervals);
    m.put("timeseries_intervals", SeriesMeans.intervalMethods());
    m.put("runs", regimes.size() * used);
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
    for (int r = 0; r < regimes.size(); r++)
      resolved.put(regimes.get(r).yamlName(), loaded.get(r).resolved());
    m.put("resolved_scenarios", resolved);
    OutputFolder.writeAtomically(folder.file("manifest.json"), govsim.io.Json.pretty(m));
  }

  /** The fields of manifest.json that differ between identical comparisons (time, threads). */
  public static final List<String> VOLATILE_MANIFEST_FIELDS =
      List.of("command", "threads", "started_utc", "wall_seconds");
}
