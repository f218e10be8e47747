package govsim.experiment.sweep;

import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.RunGuard;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.observe.Metrics;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a worker needs to execute any run of a sweep by its id, and nothing else: the base
 * scenario tree of each regime (resolved, with the sweep's recording interval), the varied key
 * paths, the design points and the seeds. It refers to no file, so it can be sent to another
 * machine (it is {@link Serializable}: Spark broadcasts it to its executors once per sweep, and
 * each task then only carries a run id).
 *
 * <p>Why one class for every engine: a run's scenario and its {@link RunRecord} are made by {@link
 * #execute} whether the run happens on a local thread, a Spark executor or an HPC array task, so
 * the records, and the output files written from them, are the same bytes.
 */
public final class SweepWork implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ArrayList<Map<String, Object>> regimeTrees;
  private final ArrayList<String> parameterPaths;
  private final ArrayList<Object[]> points;
  private final long[] seeds;
  private final int replications;
  private final int regimes;
  private final boolean keepRows;

  /** Built on first use in each JVM: a loader is not serializable, and cheap to rebuild. */
  private transient volatile ScenarioLoader<ModelSpec> loader;

  /** The work of a planned sweep. */
  public SweepWork(SweepPlan plan) {
    SweepDefinition def = plan.definition();
    regimeTrees = new ArrayList<>();
    for (ScenarioLoader.Loaded<ModelSpec> s : def.scenarios()) {
      regimeTrees.add(
          ScenarioLoader.withValue(
              s.resolved(), "outputs.record_every_steps", (long) def.spec().recordEverySteps()));
    }
    parameterPaths = new ArrayList<>();
    for (SweepParameter p : def.parameters()) parameterPaths.add(p.path());
    points = new ArrayList<>(plan.points());
    for (int p = 0; p < plan.points(); p++) {
      Object[] values = plan.point(p).clone();
      for (int i = 0; i < values.length; i++) values[i] = plainCopy(values[i]);
      points.add(values);
    }
    replications = plan.replications();
    regimes = plan.regimes();
    seeds = new long[plan.points() * replications];
    for (int p = 0; p < plan.points(); p++) {
      for (int r = 0; r < replications; r++) seeds[p * replications + r] = plan.seed(p, r);
    }
    keepRows = def.spec().timeseries();
  }

  /** A value as plain serializable Java collections (list-valued keys hold immutable lists). */
  private static Object plainCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet())
        out.put(String.valueOf(e.getKey()), plainCopy(e.getValue()));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) out.add(plainCopy(x));
      return out;
    }
    return v;
  }

  /** Number of runs. */
  public int runs() {
    return points.size() * replications * regimes;
  }

  /** The seed of a run (the same arithmetic as {@link SweepPlan#run}). */
  public long seed(int run) {
    return seeds[run / regimes];
  }

  private ScenarioLoader<ModelSpec> loader() {
    ScenarioLoader<ModelSpec> l = loader;
    if (l == null) {
      l = Scenarios.loader();
      loader = l;
    }
    return l;
  }

  /**
   * The scenario of one run: its regime's base tree with the point's values and the run's seed,
   * validated and bound.
   *
   * @throws ScenarioException if the combination of values is invalid (the run then fails)
   */
  public ModelSpec spec(int run) throws ScenarioException {
    checkRun(run);
    int regime = run % regimes;
    int point = run / regimes / replications;
    Map<String, Object> tree = regimeTrees.get(regime);
    Object[] values = points.get(point);
    for (int i = 0; i < values.length; i++)
      tree = ScenarioLoader.withValue(tree, parameterPaths.get(i), values[i]);
    tree = ScenarioLoader.withValue(tree, "seed", seed(run));
    return loader().bind(tree, "sweep run " + run + " (point " + point + ")");
  }

  /**
   * Executes one run and returns its record. A run that throws (an invalid combination of values, a
   * model error, a stack overflow) is a failed record carrying the error, as in {@link
   * govsim.experiment.batch.BatchRunner}: failures are results, reproducible from the seed. Only a
   * fatal {@link VirtualMachineError} (out of memory) propagates, because nothing the run computed
   * can then be trusted; the engine treats it as a lost task.
   *
   * @param run the run id
   * @param model how the model is run ({@link ModelRunner#SINGLE_RUN} but in tests)
   */
  public RunRecord execute(int run, ModelRunner model) {
    return execute(run, model, null);
  }

  /**
   * Executes one run under a guard (see {@link RunGuard}): a run too big for the heap, past its
   * time-out or out of memory is a failed record with the reason, and the sweep goes on. With a
   * null guard, as {@link #execute(int, ModelRunner)}: an out-of-memory error propagates.
   *
   * @param guard the guard of the batch, or null
   */
  public RunRecord execute(int run, ModelRunner model, RunGuard guard) {
    long t0 = System.nanoTime();
    try {
      ModelSpec spec = spec(run);
      List<double[]> rows = new ArrayList<>();
      RunListener listener =
          keepRows
              ? new RunListener() {
                @Override
                public void row(double[] row) {
                  rows.add(row.clone());
                }
              }
              : RunListener.NONE;
      RunResult r =
          guard == null ? model.run(spec, listener) : guard.run(model, spec, listener, keepRows);
      double[] summary = new double[Metrics.RUN_NAMES.size()];
      for (int m = 0; m < summary.length; m++) {
        Double v = r.summary().get(Metrics.RUN_NAMES.get(m));
        summary[m] = v == null ? Double.NaN : v;
      }
      return new RunRecord(
          run, true, seed(run), (System.nanoTime() - t0) / 1e9, r.stepSeconds(), "", summary, rows);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(run, e, t0);
    } catch (VirtualMachineError fatal) {
      // Under a guard, running out of memory outside the model (binding the scenario, copying the
      // summary) is the run's failure too: its allocations are unreachable once this frame unwinds.
      if (!(fatal instanceof StackOverflowError)
          && !(guard != null && fatal instanceof OutOfMemoryError)) throw fatal;
      return failed(run, fatal, t0);
    } catch (Exception | Error e) {
      return failed(run, e, t0);
    }
  }

  private RunRecord failed(int run, Throwable e, long t0) {
    return new RunRecord(
        run,
        false,
        seed(run),
        (System.nanoTime() - t0) / 1e9,
        Double.NaN,
        Outcome.describe(e),
        new double[0],
        List.of());
  }

  private void checkRun(int run) {
    if (run < 0 || run >= runs())
      throw new IllegalArgumentException(
          "run " + run + " is not in this sweep of " + runs() + " runs");
  }
}
