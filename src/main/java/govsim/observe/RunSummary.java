package govsim.observe;

import govsim.model.ModelSpec;
import govsim.world.World;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row per run (summary.csv): the catalogue's run metrics ({@link Metrics#RUN_METRICS}), from
 * the step rows it is fed and the world at the end. Keeps, per step metric, its sum and the number
 * of steps at which it was defined after burn-in, its value at the first step after burn-in and its
 * last value.
 */
public final class RunSummary implements RunView, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final int COLUMNS = Metrics.STEP_METRICS.size();

  private final double burnIn;
  private final double horizon;
  private final double[] sums = new double[COLUMNS];
  private final long[] defined = new long[COLUMNS];
  private final double[] last = new double[COLUMNS];
  private double[] atBurnIn;
  private double dayAtBurnIn = Double.NaN;
  private int revisionsBefore;
  private double harmWeak;
  private World world;

  public RunSummary(ModelSpec spec) {
    this.burnIn = spec.time().burnInDays();
    this.horizon = spec.time().horizonDays();
    Arrays.fill(last, Double.NaN);
  }

  /** Adds one step's row (from {@link StepMetrics}) and the world it came from. */
  public void add(World w, double[] row) {
    System.arraycopy(row, 0, last, 0, COLUMNS);
    double stepStart = w.endOfStep() - w.dtDays;
    if (stepStart + 1e-9 < burnIn) {
      revisionsBefore = w.backlashResponseDays.size();
      return;
    }
    if (atBurnIn == null) {
      atBurnIn = row.clone();
      dayAtBurnIn = stepStart;
    }
    for (int i = 0; i < COLUMNS; i++) {
      if (Double.isNaN(row[i])) continue;
      sums[i] += row[i];
      defined[i]++;
    }
    harmWeak += w.tally.harmWeak;
  }

  /** The run metrics by name, in {@link Metrics#RUN_METRICS} order. */
  public Map<String, Double> finish(World w) {
    this.world = w;
    Map<String, Double> s = new LinkedHashMap<>();
    for (RunMetric m : Metrics.RUN_METRICS) s.put(m.name(), m.value(this));
    return s;
  }

  @Override
  public World world() {
    return world;
  }

  @Override
  public double burnInDays() {
    return burnIn;
  }

  @Override
  public double horizonDays() {
    return horizon;
  }

  @Override
  public double sum(StepMetric m) {
    return sums[m.column()];
  }

  @Override
  public double mean(StepMetric m) {
    long n = defined[m.column()];
    return n == 0 ? Double.NaN : sums[m.column()] / n;
  }

  @Override
  public double last(StepMetric m) {
    return last[m.column()];
  }

  @Override
  public double atBurnIn(StepMetric m) {
    return atBurnIn == null ? Double.NaN : atBurnIn[m.column()];
  }

  @Override
  public double dayAtBurnIn() {
    return dayAtBurnIn;
  }

  @Override
  public int revisionsBeforeBurnIn() {
    return revisionsBefore;
  }

  @Override
  public double harmWeakAfterBurnIn() {
    return harmWeak;
  }
}
