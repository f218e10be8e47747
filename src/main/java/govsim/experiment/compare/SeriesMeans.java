package govsim.experiment.compare;

import govsim.io.CsvTable;
import govsim.observe.Metrics;
import govsim.observe.Num;
import govsim.stats.BoundedInterval;
import govsim.stats.Estimate;
import govsim.stats.RunningStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The mean time series of one regime across replications, with an interval per step and column that
 * respects the column's bounds ({@link BoundedInterval}) and the n behind it, accumulated run by
 * run: memory is one accumulator per (recorded step, column), not one series per run. Runs must be
 * added in run order for byte-identical output (see {@link RunningStats}).
 */
final class SeriesMeans {
  private static final int STEP = Metrics.STEP.column();
  private static final int DAY = Metrics.DAY.column();

  private final List<RunningStats[]> cells = new ArrayList<>();
  private final List<double[]> stepDay = new ArrayList<>();
  private final List<int[]> runsPerRow = new ArrayList<>();

  /** Adds one run's recorded rows (each of {@link Metrics#STEP_METRICS}). */
  void add(List<double[]> rows) {
    for (int r = 0; r < rows.size(); r++) {
      double[] row = rows.get(r);
      if (r == cells.size()) {
        RunningStats[] c = new RunningStats[row.length];
        for (int i = 0; i < c.length; i++) c[i] = new RunningStats();
        cells.add(c);
        stepDay.add(new double[] {row[STEP], row[DAY]});
        runsPerRow.add(new int[1]);
      }
      RunningStats[] c = cells.get(r);
      for (int i = 0; i < row.length; i++) c[i].add(row[i]);
      runsPerRow.get(r)[0]++;
    }
  }

  /**
   * Header of timeseries_mean.csv: regime, step, day, n (runs that recorded the step), then per
   * column mean, ci_low, ci_high and n (the runs in which the value is defined: the n of that
   * cell's mean and interval).
   */
  static List<String> header() {
    List<String> h =
        new ArrayList<>(List.of("regime", Metrics.STEP.name(), Metrics.DAY.name(), "n"));
    for (govsim.observe.StepMetric m : Metrics.STEP_METRICS) {
      if (m == Metrics.STEP || m == Metrics.DAY) continue;
      String c = m.name();
      h.add(c + "_mean");
      h.add(c + "_ci_low");
      h.add(c + "_ci_high");
      h.add(c + "_n");
    }
    return h;
  }

  /** Each column's interval method (t, log, logit: {@link BoundedInterval}), for the manifest. */
  static java.util.Map<String, String> intervalMethods() {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (govsim.observe.StepMetric m : Metrics.STEP_METRICS) {
      if (m == Metrics.STEP || m == Metrics.DAY) continue;
      out.put(m.name(), BoundedInterval.method(m.doc().bounds().min(), m.doc().bounds().max()));
    }
    return out;
  }

  /** Writes this regime's rows. */
  void write(CsvTable out, String regime, double level) {
    for (int r = 0; r < cells.size(); r++) {
      List<String> cellsOut = new ArrayList<>();
      cellsOut.add(regime);
      cellsOut.add(Num.format(stepDay.get(r)[0]));
      cellsOut.add(Num.format(stepDay.get(r)[1]));
      cellsOut.add(Integer.toString(runsPerRow.get(r)[0]));
      RunningStats[] c = cells.get(r);
      for (int i = 0; i < c.length; i++) {
        if (i == STEP || i == DAY) continue;
        govsim.observe.Bounds b = Metrics.STEP_METRICS.get(i).doc().bounds();
        Estimate e = BoundedInterval.of(c[i].estimate(level), b.min(), b.max(), level);
        cellsOut.add(Num.format(e.mean()));
        cellsOut.add(Num.format(e.ciLow()));
        cellsOut.add(Num.format(e.ciHigh()));
        cellsOut.add(Integer.toString(e.n()));
      }
      out.row(cellsOut);
    }
  }
}
