package govsim.experiment.sweep;

import govsim.experiment.batch.Seeds;
import govsim.io.BuildInfo;
import govsim.io.CsvTable;
import govsim.io.ParquetTable;
import govsim.io.ParquetTable.Column;
import govsim.io.ParquetTable.Type;
import govsim.model.Regime;
import govsim.observe.Metrics;
import govsim.observe.Num;
import govsim.stats.BoundedInterval;
import govsim.stats.Estimate;
import govsim.stats.MorrisEffects;
import govsim.stats.RunningStats;
import govsim.stats.SobolIndices;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Writes a sweep's output files from its journal, reading the runs in run order, so the files are
 * the same bytes however the runs were scheduled, interrupted and resumed. Memory stays flat: one
 * run is read at a time and aggregates are kept per design point (a Sobol design also keeps one
 * mean per point, regime and metric for the indices).
 *
 * <p>Files (each written atomically):
 *
 * <ul>
 *   <li>{@code runs.csv}: run, point, the varied parameters (one column per key path), regime,
 *       replication, seed, status (ok/failed), every summary metric, error;
 *   <li>{@code timings.csv}: run, wall_seconds, step_seconds (kept apart because timings differ
 *       between two identical sweeps);
 *   <li>{@code timeseries.csv.gz}: run, then every time-series column, one row per recorded step of
 *       every successful run, in run order (one gzip-compressed CSV: one file however many runs,
 *       about ten times smaller than plain text, read directly by pandas, R and spreadsheets'
 *       import tools, and streamable);
 *   <li>{@code runs.parquet}: runs.csv as a typed Parquet table (run, point, replication int32;
 *       seed int64; regime, status, error and list parameters as text; numeric parameters and
 *       metrics as doubles, undefined = null), Zstandard-compressed ({@link ParquetTable});
 *   <li>{@code timeseries.parquet} (with the time series): the rows of timeseries.csv.gz with the
 *       run key columns run, point, regime, replication in front;
 *   <li>{@code aggregate.csv}: point, the parameters, regime, metric, mean, sd, ci_low, ci_high, n,
 *       interval (over the point's replications, on the scale the metric's bounds call for: t, log
 *       or logit, named in the interval column; see {@link BoundedInterval});
 *   <li>{@code sobol.csv} (Sobol designs): regime, metric, parameter, n, s1, s1_ci_low, s1_ci_high,
 *       st, st_ci_low, st_ci_high;
 *   <li>{@code morris.csv} (Morris designs): regime, metric, parameter (a key path, or a group's
 *       name), members (the group's key paths, separated by spaces), n, mu, mu_ci_low, mu_ci_high,
 *       mu_star, mu_star_ci_low, mu_star_ci_high, sigma, sigma_ci_low, sigma_ci_high;
 *   <li>{@code experiments.csv} and {@code outcomes.csv}: the EMA Workbench layout, one row per
 *       successful run in both files (same order): experiments has the parameters (uncertainties)
 *       then {@code scenario} (design point), {@code policy} (regime) and {@code model}; outcomes
 *       one column per summarised metric;
 *   <li>{@code ema_results.tar.gz}: the same runs in the archive layout EMA Workbench's {@code
 *       load_results} opens, time series included ({@link EmaArchive});
 *   <li>{@code precision.csv} (with {@code --precision}): point, the parameters, replications (the
 *       n the point used, per regime), reached (true/false), worst_ratio (the largest ratio of a
 *       named metric's half-width to its target at that n, over regimes);
 *   <li>{@code manifest.json}.
 * </ul>
 *
 * <p>With a replication target ({@code --precision}) point p is written with its first n_p
 * replications; run ids are those of the plan with {@code --max-reps} replications, so the ids of
 * replications a point did not need are absent from the files.
 */
final class SweepOutputs {
  /** Every output file name, in manifest order. */
  static final List<String> FILES =
      List.of(
          "runs.csv",
          "timings.csv",
          "timeseries.csv.gz",
          "runs.parquet",
          "timeseries.parquet",
          "aggregate.csv",
          "sobol.csv",
          "morris.csv",
          "experiments.csv",
          "outcomes.csv",
          "ema_results.tar.gz",
          "precision.csv",
          "manifest.json");

  /** Most failures listed in manifest.json (all are in runs.csv). */
  static final int MAX_LISTED_FAILURES = 100;

  private final SweepPlan plan;
  private final SweepDefinition def;
  private final RunJournal journal;
  private final Path dir;
  private final double level;
  private final List<String> paramNames = new ArrayList<>();
  private final int[] metricIndex;

  /** Replications each point used (all of the plan's without a precision target). */
  private final int[] used;

  /** With a precision target: each point's final ratio of half-width to target; else null. */
  private final double[] ratios;

  private final int rounds;

  SweepOutputs(SweepPlan plan, RunJournal journal, Path dir) {
    this(plan, journal, dir, null, null, 0);
  }

  /**
   * Outputs of a sweep with a replication target.
   *
   * @param used the replications of each point (null: all of the plan's)
   * @param ratios each point's final ratio of half-width to target (null without a target)
   * @param rounds the rounds the target took
   */
  SweepOutputs(
      SweepPlan plan, RunJournal journal, Path dir, int[] used, double[] ratios, int rounds) {
    this.used = new int[plan.points()];
    for (int p = 0; p < this.used.length; p++)
      this.used[p] = used == null ? plan.replications() : used[p];
    this.ratios = ratios;
    this.rounds = rounds;
    this.plan = plan;
    this.def = plan.definition();
    this.journal = journal;
    this.dir = dir;
    this.level = def.spec().confidence();
    for (SweepParameter p : def.parameters()) paramNames.add(p.path());
    metricIndex = new int[def.metrics().size()];
    for (int i = 0; i < metricIndex.length; i++)
      metricIndex[i] = Metrics.RUN_NAMES.indexOf(def.metrics().get(i));
  }

  /** The files this sweep writes (sobol.csv only for Sobol designs, the time series if asked). */
  List<String> files() {
    List<String> out = new ArrayList<>();
    for (String f : FILES) {
      if (f.equals("sobol.csv") && def.spec().design() != SweepDesign.SOBOL) continue;
      if (f.equals("morris.csv") && def.spec().design() != SweepDesign.MORRIS) continue;
      if (f.startsWith("timeseries.") && !def.spec().timeseries()) continue;
      if (f.equals("precision.csv") && ratios == null) continue;
      out.add(f);
    }
    return out;
  }

  /**
   * Writes every file. All runs must have a record.
   *
   * @param session the fields of manifest.json that describe this session rather than the results
   *     (command, threads, times); appended last
   */
  void writeAll(Map<String, Object> session) throws IOException {
    int regimes = plan.regimes();
    int metrics = metricIndex.length;
    boolean sobol = def.spec().design() == SweepDesign.SOBOL;
    boolean morris = def.spec().design() == SweepDesign.MORRIS;
    double[][][] pointMeans = sobol || morris ? new double[regimes][metrics][plan.points()] : null;
    RunningStats[][] acc = new RunningStats[regimes][metrics];
    for (RunningStats[] row : acc) for (int m = 0; m < metrics; m++) row[m] = new RunningStats();
    List<Map<String, Object>> failures = new ArrayList<>();
    int failed = 0;

    AtomicFile runsFile = new AtomicFile(dir.resolve("runs.csv"));
    AtomicFile timingsFile = new AtomicFile(dir.resolve("timings.csv"));
    AtomicFile aggregateFile = new AtomicFile(dir.resolve("aggregate.csv"));
    AtomicFile experimentsFile = new AtomicFile(dir.resolve("experiments.csv"));
    AtomicFile outcomesFile = new AtomicFile(dir.resolve("outcomes.csv"));
    AtomicFile seriesFile =
        def.spec().timeseries() ? new AtomicFile(dir.resolve("timeseries.csv.gz")) : null;
    AtomicFile runsParquetFile = new AtomicFile(dir.resolve("runs.parquet"));
    AtomicFile seriesParquetFile =
        def.spec().timeseries() ? new AtomicFile(dir.resolve("timeseries.parquet")) : null;
    boolean[] textParam = textParameters();
    List<Column> runsColumns = new ArrayList<>();
    runsColumns.add(Column.key("run", Type.INT));
    runsColumns.add(Column.key("point", Type.INT));
    for (int i = 0; i < paramNames.size(); i++)
      runsColumns.add(Column.optional(paramNames.get(i), textParam[i] ? Type.STRING : Type.DOUBLE));
    runsColumns.add(Column.key("regime", Type.STRING));
    runsColumns.add(Column.key("replication", Type.INT));
    runsColumns.add(Column.key("seed", Type.LONG));
    runsColumns.add(Column.key("status", Type.STRING));
    runsColumns.addAll(ParquetTable.doubles(Metrics.RUN_NAMES));
    runsColumns.add(Column.optional("error", Type.STRING));
    List<Column> seriesColumns = new ArrayList<>();
    seriesColumns.add(Column.key("run", Type.INT));
    seriesColumns.add(Column.key("point", Type.INT));
    seriesColumns.add(Column.key("regime", Type.STRING));
    seriesColumns.add(Column.key("replication", Type.INT));
    seriesColumns.addAll(ParquetTable.doubles(Metrics.STEP_NAMES));
    int seriesKeys = 4;
    int runsParams = 2;
    int runsAfterParams = runsParams + paramNames.size();

    List<String> runsHeader = new ArrayList<>(List.of("run", "point"));
    runsHeader.addAll(paramNames);
    runsHeader.addAll(List.of("regime", "replication", "seed", "status"));
    runsHeader.addAll(Metrics.RUN_NAMES);
    runsHeader.add("error");
    List<String> aggregateHeader = new ArrayList<>(List.of("point"));
    aggregateHeader.addAll(paramNames);
    aggregateHeader.addAll(
        List.of("regime", "metric", "mean", "sd", "ci_low", "ci_high", "n", "interval"));
    String[] intervalMethod = new String[metrics];
    govsim.observe.Bounds[] bounds = new govsim.observe.Bounds[metrics];
    for (int m = 0; m < metrics; m++) {
      bounds[m] = Metrics.runDoc(def.metrics().get(m)).bounds();
      intervalMethod[m] = BoundedInterval.method(bounds[m].min(), bounds[m].max());
    }
    List<String> experimentsHeader = new ArrayList<>(paramNames);
    experimentsHeader.addAll(List.of("scenario", "policy", "model"));
    List<String> seriesHeader = new ArrayList<>(List.of("run"));
    seriesHeader.addAll(Metrics.STEP_NAMES);

    try (CsvTable runs = new CsvTable(runsFile.tmp(), runsHeader);
        CsvTable timings =
            new CsvTable(timingsFile.tmp(), List.of("run", "wall_seconds", "step_seconds"));
        CsvTable aggregate = new CsvTable(aggregateFile.tmp(), aggregateHeader);
        CsvTable experiments = new CsvTable(experimentsFile.tmp(), experimentsHeader);
        CsvTable outcomes = new CsvTable(outcomesFile.tmp(), def.metrics());
        GzipCsv series = seriesFile == null ? null : new GzipCsv(seriesFile, seriesHeader);
        ParquetTable runsParquet = new ParquetTable(runsParquetFile.tmp(), "runs", runsColumns);
        ParquetTable seriesParquet =
            seriesParquetFile == null
                ? null
                : new ParquetTable(seriesParquetFile.tmp(), "timeseries", seriesColumns);
        EmaArchive ema =
            new EmaArchive(dir, paramNames, emaKinds(), def.metrics(), def.spec().timeseries())) {
      for (int p = 0; p < plan.points(); p++) {
        List<String> paramCells = new ArrayList<>();
        for (Object v : plan.point(p)) paramCells.add(SweepParameter.cell(v));
        for (int i = 0; i < used[p] * plan.regimes(); i++) {
          int id = p * plan.runsPerPoint() + i;
          SweepPlan.Run run = plan.run(id);
          RunRecord rec = journal.read(id);
          if (rec.seed() != run.seed()) {
            throw new IOException(
                "journal record of run "
                    + id
                    + " has seed "
                    + rec.seed()
                    + ", the plan "
                    + run.seed()
                    + ": the journal belongs to another sweep");
          }
          String regime = def.regimes().get(run.regime()).yamlName();
          List<String> row = new ArrayList<>();
          row.add(Integer.toString(id));
          row.add(Integer.toString(p));
          row.addAll(paramCells);
          row.add(regime);
          row.add(Integer.toString(run.replication()));
          row.add(Long.toString(run.seed()));
          row.add(rec.ok() ? "ok" : "failed");
          for (int m = 0; m < Metrics.RUN_NAMES.size(); m++) {
            row.add(rec.ok() && m < rec.summary().length ? Num.format(rec.summary()[m]) : "");
          }
          row.add(rec.error());
          runs.row(row);
          runsParquet.set(0, id);
          runsParquet.set(1, p);
          Object[] values = plan.point(p);
          for (int v = 0; v < values.length; v++) {
            if (textParam[v]) runsParquet.set(runsParams + v, SweepParameter.cell(values[v]));
            else runsParquet.set(runsParams + v, ((Number) values[v]).doubleValue());
          }
          runsParquet.set(runsAfterParams, regime);
          runsParquet.set(runsAfterParams + 1, run.replication());
          runsParquet.set(runsAfterParams + 2, run.seed());
          runsParquet.set(runsAfterParams + 3, rec.ok() ? "ok" : "failed");
          for (int m = 0; m < Metrics.RUN_NAMES.size(); m++) {
            runsParquet.set(
                runsAfterParams + 4 + m,
                rec.ok() && m < rec.summary().length ? rec.summary()[m] : Double.NaN);
          }
          runsParquet.set(runsAfterParams + 4 + Metrics.RUN_NAMES.size(), rec.error());
          runsParquet.endRow();
          timings.row(
              List.of(
                  Integer.toString(id),
                  Num.format(rec.wallSeconds()),
                  Num.format(rec.stepSeconds())));
          if (rec.ok()) {
            List<String> e = new ArrayList<>(paramCells);
            e.addAll(List.of(Integer.toString(p), regime, "govsim"));
            experiments.row(e);
            double[] out = new double[metricIndex.length];
            for (int m = 0; m < metricIndex.length; m++) {
              out[m] = rec.summary()[metricIndex[m]];
              acc[run.regime()][m].add(out[m]);
            }
            outcomes.row(out);
            ema.add(paramCells, p, regime, out, rec.rows());
            if (series != null) {
              for (double[] r : rec.rows()) series.row(id, r);
            }
            if (seriesParquet != null) {
              for (double[] r : rec.rows()) {
                seriesParquet.set(0, id);
                seriesParquet.set(1, p);
                seriesParquet.set(2, regime);
                seriesParquet.set(3, run.replication());
                for (int c = 0; c < r.length; c++) seriesParquet.set(seriesKeys + c, r[c]);
                seriesParquet.endRow();
              }
            }
          } else {
            failed++;
            if (failures.size() < MAX_LISTED_FAILURES) failures.add(failure(run, rec));
          }
        }
        for (int g = 0; g < regimes; g++) {
          String regime = def.regimes().get(g).yamlName();
          for (int m = 0; m < metrics; m++) {
            Estimate e =
                BoundedInterval.of(
                    acc[g][m].estimate(level), bounds[m].min(), bounds[m].max(), level);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(p));
            row.addAll(paramCells);
            row.add(regime);
            row.add(def.metrics().get(m));
            row.add(Num.format(e.mean()));
            row.add(Num.format(e.sd()));
            row.add(Num.format(e.ciLow()));
            row.add(Num.format(e.ciHigh()));
            row.add(Integer.toString(e.n()));
            row.add(intervalMethod[m]);
            aggregate.row(row);
            if (pointMeans != null) pointMeans[g][m][p] = e.mean();
            acc[g][m].clear();
          }
        }
      }
      ema.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    runsFile.commit();
    timingsFile.commit();
    if (seriesFile != null) seriesFile.commit();
    runsParquetFile.commit();
    if (seriesParquetFile != null) seriesParquetFile.commit();
    aggregateFile.commit();
    if (ratios != null) writePrecision();
    if (sobol) writeSobol(pointMeans);
    if (morris) writeMorris(pointMeans);
    experimentsFile.commit();
    outcomesFile.commit();
    writeManifest(session, failed, failures);
  }

  /** Each parameter's dtype in the EMA archive: int64, float64, or category for text values. */
  private List<String> emaKinds() {
    boolean[] text = textParameters();
    List<String> kinds = new ArrayList<>();
    for (int i = 0; i < paramNames.size(); i++) {
      boolean integer = true;
      for (int p = 0; p < plan.points() && integer; p++) {
        Object v = plan.point(p)[i];
        integer = v instanceof Integer || v instanceof Long;
      }
      kinds.add(text[i] ? "category" : integer ? "int64" : "float64");
    }
    return kinds;
  }

  /** Which parameters are written as text in Parquet: those with a non-numeric value. */
  private boolean[] textParameters() {
    boolean[] text = new boolean[paramNames.size()];
    for (int p = 0; p < plan.points(); p++) {
      Object[] values = plan.point(p);
      for (int i = 0; i < values.length; i++) if (!(values[i] instanceof Number)) text[i] = true;
    }
    return text;
  }

  private Map<String, Object> failure(SweepPlan.Run run, RunRecord rec) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("run", run.index());
    f.put("point", run.point());
    f.put("regime", def.regimes().get(run.regime()).yamlName());
    f.put("replication", run.replication());
    f.put("seed", run.seed());
    Map<String, Object> params = new LinkedHashMap<>();
    Object[] values = plan.point(run.point());
    for (int i = 0; i < values.length; i++) params.put(paramNames.get(i), values[i]);
    f.put("parameters", params);
    f.put("error", rec.error());
    return f;
  }

  /** precision.csv: the replications each point used and whether it reached the target. */
  private void writePrecision() throws IOException {
    AtomicFile file = new AtomicFile(dir.resolve("precision.csv"));
    List<String> header = new ArrayList<>(List.of("point"));
    header.addAll(paramNames);
    header.addAll(List.of("replications", "reached", "worst_ratio"));
    try (CsvTable out = new CsvTable(file.tmp(), header)) {
      for (int p = 0; p < plan.points(); p++) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(p));
        for (Object v : plan.point(p)) row.add(SweepParameter.cell(v));
        row.add(Integer.toString(used[p]));
        row.add(Boolean.toString(ratios[p] <= 1));
        row.add(Double.isInfinite(ratios[p]) ? "inf" : Num.format(ratios[p]));
        out.row(row);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    file.commit();
  }

  /** Runs written: each point's replications times the regimes. */
  private int runsUsed() {
    int n = 0;
    for (int u : used) n += u * plan.regimes();
    return n;
  }

  private void writeSobol(double[][][] pointMeans) throws IOException {
    int n = def.spec().samples();
    int k = def.parameters().size();
    AtomicFile file = new AtomicFile(dir.resolve("sobol.csv"));
    try (CsvTable out =
        new CsvTable(
            file.tmp(),
            List.of(
                "regime",
                "metric",
                "parameter",
                "n",
                "s1",
                "s1_ci_low",
                "s1_ci_high",
                "st",
                "st_ci_low",
                "st_ci_high"))) {
      for (int g = 0; g < plan.regimes(); g++) {
        Regime regime = def.regimes().get(g);
        for (int m = 0; m < metricIndex.length; m++) {
          double[] y = pointMeans[g][m];
          double[] yA = new double[n];
          double[] yB = new double[n];
          double[][] yAB = new double[k][n];
          for (int j = 0; j < n; j++) {
            int base = j * (k + 2);
            yA[j] = y[base];
            for (int i = 0; i < k; i++) yAB[i][j] = y[base + 1 + i];
            yB[j] = y[base + k + 1];
          }
          // The bootstrap's own seeded generator: a pure function of the sweep's seed.
          MersenneTwister rng =
              new MersenneTwister(
                  Seeds.derive(
                      def.spec().seed(),
                      "bootstrap/" + regime.yamlName() + "/" + def.metrics().get(m)));
          for (SobolIndices.Index ix :
              SobolIndices.estimate(yA, yB, yAB, def.spec().bootstrap(), level, rng)) {
            out.row(
                List.of(
                    regime.yamlName(),
                    def.metrics().get(m),
                    paramNames.get(ix.parameter()),
                    Integer.toString(ix.n()),
                    Num.format(ix.firstOrder()),
                    Num.format(ix.firstLow()),
                    Num.format(ix.firstHigh()),
                    Num.format(ix.total()),
                    Num.format(ix.totalLow()),
                    Num.format(ix.totalHigh())));
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    file.commit();
  }

  private void writeMorris(double[][][] pointMeans) throws IOException {
    double[][] unit = SweepPlan.morrisDesign(def);
    List<List<Integer>> groups = Designs.groups(def.parameters());
    double delta = Designs.morrisDelta(def.spec().morrisLevels());
    AtomicFile file = new AtomicFile(dir.resolve("morris.csv"));
    try (CsvTable out =
        new CsvTable(
            file.tmp(),
            List.of(
                "regime",
                "metric",
                "parameter",
                "members",
                "n",
                "mu",
                "mu_ci_low",
                "mu_ci_high",
                "mu_star",
                "mu_star_ci_low",
                "mu_star_ci_high",
                "sigma",
                "sigma_ci_low",
                "sigma_ci_high"))) {
      for (int g = 0; g < plan.regimes(); g++) {
        Regime regime = def.regimes().get(g);
        for (int m = 0; m < metricIndex.length; m++) {
          // The bootstrap's own seeded generator: a pure function of the sweep's seed.
          MersenneTwister rng =
              new MersenneTwister(
                  Seeds.derive(
                      def.spec().seed(),
                      "bootstrap/" + regime.yamlName() + "/" + def.metrics().get(m)));
          for (MorrisEffects.Effect e :
              MorrisEffects.estimate(
                  unit, pointMeans[g][m], groups, delta, def.spec().bootstrap(), level, rng)) {
            List<Integer> members = groups.get(e.group());
            List<String> names = new ArrayList<>();
            for (int i : members) names.add(paramNames.get(i));
            out.row(
                List.of(
                    regime.yamlName(),
                    def.metrics().get(m),
                    def.parameters().get(members.get(0)).groupName(),
                    String.join(" ", names),
                    Integer.toString(e.n()),
                    Num.format(e.mu()),
                    Num.format(e.muLow()),
                    Num.format(e.muHigh()),
                    Num.format(e.muStar()),
                    Num.format(e.muStarLow()),
                    Num.format(e.muStarHigh()),
                    Num.format(e.sigma()),
                    Num.format(e.sigmaLow()),
                    Num.format(e.sigmaHigh())));
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    file.commit();
  }

  private void writeManifest(
      Map<String, Object> session, int failed, List<Map<String, Object>> failures)
      throws IOException {
    BuildInfo build = BuildInfo.current();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "parameter sweep");
    m.put("name", def.name());
    m.put("description", def.spec().description());
    m.put("sweep_file", def.file().toString());
    m.put("sweep_sha256", def.sha256());
    m.put("base_scenario", def.baseFile().toString());
    m.put("inputs_sha256", def.inputs());
    m.put("overrides", def.spec().set());
    m.put("design", def.spec().design().name().toLowerCase(java.util.Locale.ROOT));
    m.put("samples", def.spec().samples());
    List<Map<String, Object>> params = new ArrayList<>();
    for (SweepParameter p : def.parameters()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("key", p.path());
      if (p.isList()) {
        x.put("values", p.values());
      } else {
        x.put("min", p.min());
        x.put("max", p.max());
        x.put("log", p.log());
        x.put("integer", p.integer());
        if (p.levels() > 0) x.put("levels", p.levels());
      }
      params.add(x);
    }
    m.put("parameters", params);
    if (def.spec().design() == SweepDesign.SOBOL) {
      Map<String, Object> sobol = new LinkedHashMap<>();
      sobol.put("base_rows", def.spec().samples());
      sobol.put("sequence_points_skipped", Designs.sobolSkip(def.spec().samples()));
      sobol.put("order", "per base row: A, AB_1..AB_k, B (SALib order)");
      sobol.put(
          "estimators",
          "first order: Saltelli et al. 2010; total: Jansen 1999; variance of the A and B"
              + " outputs (divisor 2N)");
      sobol.put("point_output", "mean over the point's successful replications");
      sobol.put("bootstrap_resamples", def.spec().bootstrap());
      sobol.put("interval", "bootstrap percentile");
      m.put("sobol", sobol);
    }
    if (def.spec().design() == SweepDesign.MORRIS) {
      Map<String, Object> morris = new LinkedHashMap<>();
      int p = def.spec().morrisLevels();
      List<List<Integer>> groups = Designs.groups(def.parameters());
      morris.put("trajectories", def.spec().samples());
      morris.put("levels", p);
      morris.put("delta", Designs.morrisDelta(p));
      morris.put("groups", groups.size());
      morris.put("points_per_trajectory", groups.size() + 1);
      morris.put(
          "design",
          "Morris 1991 one-at-a-time trajectories in the unit cube (groups: Campolongo et al. 2007),"
              + " drawn from the design generator seeded from master_seed");
      morris.put(
          "elementary_effect",
          "(y_after - y_before) / delta, sign flipped for a downward step: output units per"
              + " unit of the parameter's range (its log range for log: true)");
      morris.put("point_output", "mean over the point's successful replications");
      morris.put("bootstrap_resamples", def.spec().bootstrap());
      morris.put("interval", "bootstrap percentile over the trajectories' effects");
      m.put("morris", morris);
    }
    m.put("replications", def.spec().replications());
    if (ratios != null) {
      Map<String, Object> pr = new LinkedHashMap<>();
      SweepPrecision target = plan.precision();
      int min = Integer.MAX_VALUE;
      int max = 0;
      int reached = 0;
      for (int p = 0; p < used.length; p++) {
        min = Math.min(min, used[p]);
        max = Math.max(max, used[p]);
        if (ratios[p] <= 1) reached++;
      }
      pr.put("target_relative_half_width", target.relative());
      pr.put("metrics", target.metrics());
      pr.put(
          "rule",
          "per point, replications are added in rounds until, in every regime, every named"
              + " metric's interval (as in aggregate.csv) has a half-width <= target x |mean|, or"
              + " max_replications is reached; next n = ceil(n (ratio)^2), at least n + 1, at most"
              + " 2n");
      pr.put("initial_replications", def.spec().replications());
      pr.put("max_replications", target.maxReplications());
      pr.put("rounds", rounds);
      pr.put("replications_min", min);
      pr.put("replications_max", max);
      pr.put("points_reached", reached);
      pr.put("points", used.length);
      pr.put("per_point", "precision.csv (and the n column of aggregate.csv)");
      m.put("precision", pr);
    }
    m.put("regimes", def.regimes().stream().map(Regime::yamlName).toList());
    m.put("master_seed", def.spec().seed());
    m.put(
        "seed_derivation",
        "seed = splitmix64(splitmix64(master_seed) xor sha256_64(point values + \"|replication=\" + r))"
            + " >>> 11; the same in every regime (common random numbers); see runs.csv for each run's seed");
    m.put("metrics", def.metrics());
    m.put("record_every_steps", def.spec().recordEverySteps());
    m.put("confidence_level", level);
    Map<String, String> intervals = new LinkedHashMap<>();
    for (String name : def.metrics()) {
      govsim.observe.Bounds b = Metrics.runDoc(name).bounds();
      intervals.put(name, BoundedInterval.method(b.min(), b.max()));
    }
    Map<String, Object> intervalInfo = new LinkedHashMap<>();
    intervalInfo.put(
        "method",
        "aggregate.csv: t-interval on the scale the metric's bounds call for (logit for [a, b],"
            + " log for one-sided bounds, plain t for none), mapped back");
    intervalInfo.put("per_metric", intervals);
    m.put("intervals", intervalInfo);
    m.put("points", plan.points());
    m.put("runs", runsUsed());
    m.put("runs_ok", runsUsed() - failed);
    m.put("runs_failed", failed);
    m.put("failures_listed", failures);
    m.put("govsim_version", build.version());
    m.put("git_commit", build.commit());
    m.put("git_dirty", build.dirty());
    m.put("mason_version", build.mason());
    m.put("java_version", build.java());
    m.put("files", files());
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (int g = 0; g < def.regimes().size(); g++) {
      resolved.put(def.regimes().get(g).yamlName(), def.scenarios().get(g).resolved());
    }
    m.put("resolved_scenarios", resolved);
    m.putAll(session);
    AtomicFile.write(dir.resolve("manifest.json"), govsim.io.Json.pretty(m));
  }

  /** A gzip-compressed CSV in govsim's number format, written to an {@link AtomicFile}. */
  private static final class GzipCsv implements AutoCloseable {
    private final CSVPrinter printer;

    GzipCsv(AtomicFile file, List<String> header) throws IOException {
      BufferedWriter w =
          new BufferedWriter(
              new OutputStreamWriter(
                  new GZIPOutputStream(file.open(), 1 << 16), StandardCharsets.UTF_8),
              1 << 16);
      printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
      printer.printRecord(header);
    }

    void row(int run, double[] values) throws IOException {
      printer.print(Integer.toString(run));
      for (double v : values) printer.print(Num.format(v));
      printer.println();
    }

    @Override
    public void close() throws IOException {
      printer.close(true);
    }
  }
}
