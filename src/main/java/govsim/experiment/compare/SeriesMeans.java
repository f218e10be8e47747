package govsim.experiment.compare;

import govsim.io.CsvTable;
import govsim.observe.Metrics;
import govsim.observe.Num;
import govsim.stats.Estimate;
import govsim.stats.RunningStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The mean time series of one regime across replications, with a t-interval per step and column,
 * accumulated run by run: memory is one accumulator per (recorded step, column), not one series per
 * run. Runs must be added in run order for byte-identical output (see {@link RunningStats}).
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

  /** Header of timeseries_mean.csv: regime, step, day, n, then mean/ci_low/ci_high per column. */
  static List<String> header() {
    List<String> h =
        new ArrayList<>(List.of("regime", Metrics.STEP.name(), Metrics.DAY.name(), "n"));
    for (govsim.observe.StepMetric m : Metrics.STEP_METRICS) {
      if (m == Metrics.STEP || m == Metrics.DAY) continue;
      String c = m.name();
      h.add(c + "_mean");
      h.add(c + "_ci_low");
      h.add(c + "_ci_high");
    }
    return h;
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
        Estimate e = c[i].estimate(level);
        cellsOut.add(Num.format(e.mean()));
        cellsOut.add(Num.format(e.ciLow()));
        cellsOut.add(Num.format(e.ciHigh()));
      }
      out.row(cellsOut);
    }
  }
}
