package govsim.experiment.calibrate;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.Progress;
import govsim.experiment.batch.RunGuard;
import govsim.experiment.batch.Seeds;
import govsim.experiment.sweep.SweepDefinition;
import govsim.experiment.sweep.SweepFile;
import govsim.experiment.sweep.SweepParameter;
import govsim.io.BuildInfo;
import govsim.io.CsvTable;
import govsim.io.OutputFolder;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.observe.Num;
import govsim.observe.RunListener;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code govsim calibrate SWEEP --targets T}: {@link Abc} over a sweep's parameter ranges, each
 * simulation being the sweep's base scenario (its {@code set} overrides applied, under its regime)
 * with the particle's values, run on {@code replications} seeds; the simulated statistic of a
 * target is the metric's mean over the replications where it is defined (undefined if in none). The
 * sweep's design, samples and metrics are not used: the prior is uniform over each range.
 */
public final class Calibration {

  /** Output files besides the figure. */
  public static final List<String> FILES =
      List.of(
          "posterior.csv", "summary.csv", "generations.csv", "simulations.csv", "manifest.json");

  /** The quantiles of summary.csv. */
  public static final double[] QUANTILES = {0.025, 0.25, 0.5, 0.75, 0.975};

  /** Bad input: a message for the user. */
  public static final class CalibrationException extends Exception {
    private static final long serialVersionUID = 1L;

    public CalibrationException(String message) {
      super(message);
    }
  }

  private final SweepDefinition sweep;
  private final TargetFile.Loaded targets;
  private final Path targetsFile;
  private final List<Abc.Parameter> parameters;
  private final Abc.Settings settings;
  private final Map<String, Object> baseTree;

  private Calibration(
      SweepDefinition sweep,
      Path targetsFile,
      TargetFile.Loaded targets,
      List<Abc.Parameter> parameters,
      Abc.Settings settings) {
    this.sweep = sweep;
    this.targetsFile = targetsFile;
    this.targets = targets;
    this.parameters = List.copyOf(parameters);
    this.settings = settings;
    this.baseTree = sweep.scenarios().get(0).resolved();
  }

  /**
   * Loads and checks the sweep and target files.
   *
   * @param seed the master seed, or null for the sweep's seed
   */
  public static Calibration prepare(
      Path sweepFile,
      Path targetsFile,
      int particles,
      int generations,
      Integer samples,
      double quantile,
      Integer maxSimulations,
      Long seed,
      boolean extendsAnywhere)
      throws ScenarioException, CalibrationException {
    SweepDefinition def = SweepFile.load(sweepFile, extendsAnywhere);
    TargetFile.Loaded t = TargetFile.load(targetsFile);
    if (def.regimes().size() > 1)
      throw new CalibrationException(
          sweepFile
              + ": the sweep lists "
              + def.regimes().size()
              + " regimes; a calibration runs one (list one regime, or none for the base scenario's)");
    if (def.parameters().isEmpty())
      throw new CalibrationException(
          sweepFile + ": the sweep varies no parameter; nothing to calibrate");
    List<Abc.Parameter> ps = new ArrayList<>();
    for (SweepParameter p : def.parameters()) {
      if (p.isList())
        throw new CalibrationException(
            sweepFile
                + ": parameters."
                + p.path()
                + " is a list of values; a calibration needs ranges {min, max} (the prior is uniform over"
                + " each range)");
      ps.add(new Abc.Parameter(p.path(), p.min(), p.max(), p.log(), p.integer()));
    }
    if (particles < 2 || particles > 100_000)
      throw new CalibrationException("--particles must be between 2 and 100000, got " + particles);
    if (generations < 0 || generations > 100)
      throw new CalibrationException("--generations must be between 0 and 100, got " + generations);
    int s = samples != null ? samples : 4 * particles;
    if (s < particles || s > 10_000_000)
      throw new CalibrationException(
          "--samples must be at least --particles ("
              + particles
              + ") and at most 10000000, got "
              + s);
    if (!(quantile > 0 && quantile < 1))
      throw new CalibrationException("--quantile must be in (0, 1), got " + quantile);
    int max = maxSimulations != null ? maxSimulations : 50 * particles;
    if (max < particles || max > 10_000_000)
      throw new CalibrationException(
          "--max-simulations must be at least --particles ("
              + particles
              + ") and at most 10000000, got "
              + max);
    long master = seed != null ? seed : def.spec().seed();
    Abc.Settings settings =
        new Abc.Settings(particles, generations, s, quantile, max, particles, master);
    return new Calibration(def, targetsFile, t, ps, settings);
  }

  public SweepDefinition sweep() {
    return sweep;
  }

  public List<Abc.Parameter> parameters() {
    return parameters;
  }

  public List<Target> targets() {
    return targets.targets().targets();
  }

  public Abc.Settings settings() {
    return settings;
  }

  public int replications() {
    return sweep.spec().replications();
  }

  /** The scenario of one run: the base tree with the values and the seed. */
  ModelSpec spec(double[] values, long seed) throws ScenarioException {
    Map<String, Object> tree = baseTree;
    List<SweepParameter> ps = sweep.parameters();
    for (int j = 0; j < values.length; j++) {
      Object v =
          ps.get(j).integerKey()
              ? (Object) Long.valueOf((long) values[j])
              : (Object) Double.valueOf(values[j]);
      tree = ScenarioLoader.withValue(tree, ps.get(j).path(), v);
    }
    tree = ScenarioLoader.withValue(tree, "seed", seed);
    return Scenarios.loader().bind(tree, "calibration run (seed " + seed + ")");
  }

  /** The seed of replication r of a simulation. */
  static long replicationSeed(long simulationSeed, int r) {
    return Seeds.derive(simulationSeed, "replication=" + r);
  }

  /**
   * What a calibration found.
   *
   * @param abc the populations and every simulation
   * @param failures one line per failed run
   * @param runs model runs made
   * @param wallSeconds wall time
   */
  public record Result(Abc.Result abc, List<String> failures, long runs, double wallSeconds) {}

  /** The govsim simulator: each simulation's replications as one batch of runs on the pool. */
  private Abc.Simulator simulator(
      BatchRunner runner,
      ModelRunner model,
      RunGuard guard,
      List<String> failures,
      long[] runs,
      Progress progress) {
    int reps = replications();
    List<String> metrics = targets().stream().map(Target::metric).toList();
    return (values, seeds) -> {
      int n = values.length;
      double[][] sum = new double[n][metrics.size()];
      int[][] count = new int[n][metrics.size()];
      Iterator<Callable<Map<String, Double>>> jobs =
          new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
              return next < n * reps;
            }

            @Override
            public Callable<Map<String, Double>> next() {
              int i = next++;
              double[] v = values[i / reps];
              long seed = replicationSeed(seeds[i / reps], i % reps);
              return () -> guard.run(model, spec(v, seed), new RunListener() {}, false).summary();
            }
          };
      runner.run(
          jobs,
          (Outcome<Map<String, Double>> o) -> {
            int i = (int) (o.index() / reps);
            runs[0]++;
            if (!o.ok()) {
              failures.add(
                  "simulation seed "
                      + seeds[i]
                      + " replication "
                      + (o.index() % reps)
                      + ": "
                      + o.errorText());
              progress.finished(false, "failed: " + o.errorText());
              return;
            }
            for (int m = 0; m < metrics.size(); m++) {
              Double x = o.result().get(metrics.get(m));
              if (x != null && !Double.isNaN(x)) {
                sum[i][m] += x;
                count[i][m]++;
              }
            }
            progress.finished(true, "");
          });
      double[][] out = new double[n][metrics.size()];
      for (int i = 0; i < n; i++)
        for (int m = 0; m < metrics.size(); m++)
          out[i][m] = count[i][m] == 0 ? Double.NaN : sum[i][m] / count[i][m];
      return out;
    };
  }

  /** Runs the calibration and writes the tables and the manifest into the staged folder. */
  public Result run(
      OutputFolder folder,
      BatchRunner runner,
      ModelRunner model,
      RunGuard guard,
      Progress progress,
      Abc.Listener listener,
      List<String> command)
      throws InterruptedException, CalibrationException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    List<String> failures = new ArrayList<>();
    long[] runs = {0};
    double[] observed = targets().stream().mapToDouble(Target::value).toArray();
    double[] sd = targets().stream().mapToDouble(Target::sd).toArray();
    Abc.Result abc;
    try {
      abc =
          Abc.run(
              parameters,
              observed,
              sd,
              settings,
              simulator(runner, model, guard, failures, runs, progress),
              listener);
    } catch (IllegalStateException e) {
      throw new CalibrationException(e.getMessage());
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    write(folder, abc);
    writeManifest(folder, runner.threads(), command, started, wall, abc, failures, runs[0]);
    return new Result(abc, failures, runs[0], wall);
  }

  private void write(OutputFolder folder, Abc.Result abc) {
    List<String> names = parameters.stream().map(Abc.Parameter::name).toList();
    List<String> metrics = targets().stream().map(Target::metric).toList();
    Abc.Generation post = abc.posterior();
    List<String> header = new ArrayList<>(List.of("particle", "weight"));
    header.addAll(names);
    header.addAll(metrics);
    header.addAll(List.of("distance", "seed"));
    try (CsvTable t = new CsvTable(folder.file("posterior.csv"), header)) {
      for (int i = 0; i < post.u().length; i++) {
        List<String> row =
            new ArrayList<>(List.of(Integer.toString(i), Num.format(post.weights()[i])));
        for (double v : post.values()[i]) row.add(Num.format(v));
        for (double v : post.stats()[i]) row.add(Num.format(v));
        row.add(Num.format(post.distance()[i]));
        row.add(Long.toString(post.seeds()[i]));
        t.row(row);
      }
    }
    List<String> sh =
        new ArrayList<>(
            List.of("parameter", "prior_low", "prior_high", "log", "integer", "mean", "sd"));
    for (double q : QUANTILES) sh.add("q" + Num.format(q * 100).replace(".", "_"));
    sh.addAll(List.of("n", "ess"));
    try (CsvTable t = new CsvTable(folder.file("summary.csv"), sh)) {
      for (int j = 0; j < names.size(); j++) {
        double[] x = column(post.values(), j);
        Abc.Parameter p = parameters.get(j);
        List<String> row =
            new ArrayList<>(
                List.of(
                    p.name(),
                    Num.format(p.low()),
                    Num.format(p.high()),
                    Boolean.toString(p.log()),
                    Boolean.toString(p.integer()),
                    Num.format(Abc.weightedMean(x, post.weights())),
                    Num.format(Abc.weightedSd(x, post.weights()))));
        for (double q : QUANTILES) row.add(Num.format(Abc.weightedQuantile(x, post.weights(), q)));
        row.add(Integer.toString(x.length));
        row.add(Num.format(post.ess()));
        t.row(row);
      }
    }
    try (CsvTable t =
        new CsvTable(
            folder.file("generations.csv"),
            List.of(
                "generation", "tolerance", "simulations", "accepted", "acceptance_rate", "ess"))) {
      for (Abc.Generation g : abc.generations()) {
        t.row(
            List.of(
                Integer.toString(g.index()),
                Num.format(g.tolerance()),
                Integer.toString(g.simulated()),
                Integer.toString(g.u().length),
                Num.format(g.acceptanceRate()),
                Num.format(g.ess())));
      }
    }
    List<String> simH = new ArrayList<>(List.of("generation", "simulation", "seed", "accepted"));
    simH.addAll(names);
    simH.addAll(metrics);
    simH.add("distance");
    try (CsvTable t = new CsvTable(folder.file("simulations.csv"), simH)) {
      for (Abc.Simulation s : abc.simulations()) {
        List<String> row =
            new ArrayList<>(
                List.of(
                    Integer.toString(s.generation()),
                    Integer.toString(s.index()),
                    Long.toString(s.seed()),
                    Boolean.toString(s.accepted())));
        for (double v : s.values()) row.add(Num.format(v));
        for (double v : s.stats()) row.add(Num.format(v));
        row.add(Num.format(s.distance()));
        t.row(row);
      }
    }
  }

  /** Column j of a matrix. */
  public static double[] column(double[][] m, int j) {
    double[] x = new double[m.length];
    for (int i = 0; i < m.length; i++) x[i] = m[i][j];
    return x;
  }

  /** How the calibration works, as stated in outputs. */
  public static final String METHOD =
      "ABC rejection (the --particles nearest of --samples prior draws), then ABC-SMC (Beaumont et al."
          + " 2009): tolerance = the --quantile of the previous population's distances, proposals"
          + " from the previous population by weight moved by independent normal steps with twice its"
          + " weighted variance in the unit coordinates of each range, weights 1 / sum_j W_j K(u | u_j);"
          + " distance sqrt(sum ((simulated - observed) / sd)^2); uniform priors over the sweep's ranges";

  private void writeManifest(
      OutputFolder folder,
      int threads,
      List<String> command,
      Instant started,
      double wall,
      Abc.Result abc,
      List<String> failures,
      long runs) {
    BuildInfo build = BuildInfo.current();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", command);
    m.put("kind", "calibration");
    m.put("sweep_file", sweep.file().toString());
    m.put("sweep_sha256", sweep.sha256());
    m.put("targets_file", targetsFile.toString());
    m.put("targets_sha256", targets.sha256());
    m.put("scenario_file", sweep.baseFile().toString());
    m.put("scenario_sha256", sweep.scenarios().get(0).sha256());
    m.put("regime", sweep.regimes().get(0).yamlName());
    List<Map<String, Object>> ts = new ArrayList<>();
    for (Target t : targets()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("metric", t.metric());
      x.put("value", t.value());
      x.put("sd", t.sd());
      x.put("source", t.source());
      ts.add(x);
    }
    m.put("targets", ts);
    List<Map<String, Object>> ps = new ArrayList<>();
    for (Abc.Parameter p : parameters) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("parameter", p.name());
      x.put("low", p.low());
      x.put("high", p.high());
      x.put("log", p.log());
      x.put("integer", p.integer());
      ps.add(x);
    }
    m.put("parameters", ps);
    m.put("particles", settings.particles());
    m.put("generations", settings.generations());
    m.put("generations_completed", abc.generations().size() - 1);
    m.put("samples", settings.samples());
    m.put("quantile", settings.quantile());
    m.put("max_simulations", settings.maxSimulations());
    m.put("replications", replications());
    m.put("master_seed", settings.seed());
    m.put(
        "seed_derivation",
        "simulation i of generation t: Seeds.derive(master_seed, \"abc/generation=t/simulation=i\");"
            + " its replication r: Seeds.derive(that, \"replication=r\")");
    m.put("method", METHOD);
    m.put("note", abc.note());
    m.put("simulations", abc.simulations().size());
    m.put("runs", runs);
    m.put("runs_failed", failures.size());
    m.put("failures", failures.size() > 100 ? failures.subList(0, 100) : failures);
    m.put("govsim_version", build.version());
    m.put("git_commit", build.commit());
    m.put("git_dirty", build.dirty());
    m.put("mason_version", build.mason());
    m.put("java_version", build.java());
    m.put("threads", threads);
    m.put("started_utc", started.toString());
    m.put("wall_seconds", wall);
    m.put("files", FILES);
    m.put("resolved_scenario", baseTree);
    OutputFolder.writeAtomically(folder.file("manifest.json"), govsim.io.Json.pretty(m));
  }

  /** The fields of manifest.json that differ between identical calibrations. */
  public static final List<String> VOLATILE_MANIFEST_FIELDS =
      List.of("command", "threads", "started_utc", "wall_seconds");
}
