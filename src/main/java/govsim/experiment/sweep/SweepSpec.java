package govsim.experiment.sweep;

import govsim.model.Regime;
import govsim.scenario.Param;
import java.util.List;

/**
 * The keys of a sweep file other than {@code parameters} (which {@link SweepFile} reads itself: see
 * {@link SweepParametersSection}), validated by the same loader as scenarios, so mistakes are
 * reported with file, line, column, key path and did-you-mean.
 *
 * <p>A sweep names a base scenario, the parameters to vary, a design, replications, a master seed,
 * optional regimes crossed with every design point (with common random numbers) and the metrics to
 * summarise (MODEL.md §6, issue 4).
 */
public record SweepSpec(
    @Param(
            def = "",
            doc =
                "Name of the sweep (default: the file name without .yaml); names the output folder results/<scenario>/sweep-<name>/. Letters, digits, '-', '_' and '.', not starting with '.'.",
            fileName = true)
        String name,
    @Param(def = "", doc = "What the sweep asks, in a sentence or two.") String description,
    @Param(def = "", doc = "The base scenario file, relative to this sweep file (required).")
        String base,
    @Param(
            def = "[]",
            doc =
                "Overrides applied to the base scenario in every run, as key.path=value texts (like --set), e.g. users.count=2000.")
        List<String> set,
    @Param(
            doc =
                "The parameters to vary: scenario key path -> a list of values, or a range {min, max} with optional log: true, integer: true and (grid only) levels: n.")
        SweepParametersSection parameters,
    @Param(
            def = "grid",
            doc =
                "Experimental design: grid (every combination), random, lhs (Latin hypercube), sobol (Saltelli's scheme, for Sobol indices) or morris (one-at-a-time trajectories, for elementary effects).")
        SweepDesign design,
    @Param(
            def = "0",
            min = 0,
            max = 10000000,
            unit = "points",
            doc =
                "random and lhs: number of points; sobol: N, the number of base rows (N(k+2) points for k parameters; a power of two is best); morris: r, the number of trajectories (r(g+1) points for g groups). Unused by grid.")
        int samples,
    @Param(
            def = "4",
            min = 2,
            max = 1000,
            unit = "levels",
            doc =
                "morris: p, the number of levels of each parameter's grid in the unit interval (even; the step is p/(2(p-1)) of the range). Unused by other designs.")
        int morrisLevels,
    @Param(
            def = "1",
            min = 1,
            max = 100000,
            unit = "runs",
            doc = "Runs per design point and regime, each with its own seed.")
        int replications,
    @Param(
            def = "1",
            min = 0,
            max = 9.007199254740991E15,
            doc =
                "Master seed: every run's seed derives from it and the run's identity (design point values, replication).")
        long seed,
    @Param(
            def = "[]",
            doc =
                "Regimes crossed with every design point, with common random numbers (the same seeds in every regime); empty: the base scenario's regime.")
        List<Regime> regimes,
    @Param(
            def = "[]",
            doc =
                "Summary metrics summarised in aggregate.csv, sobol.csv, morris.csv and outcomes.csv (runs.csv has all); empty: all summary metrics.")
        List<String> metrics,
    @Param(
            def = "30",
            min = 1,
            max = 1000000,
            unit = "steps",
            doc =
                "Record one time-series row every this many steps in each run (the last step is always recorded).")
        int recordEverySteps,
    @Param(def = "true", doc = "Write every run's time series to timeseries.csv.gz.")
        boolean timeseries,
    @Param(
            def = "0.95",
            min = 0.5,
            max = 0.999,
            doc =
                "Confidence level of the t-intervals in aggregate.csv and of the bootstrap intervals in sobol.csv and morris.csv.")
        double confidence,
    @Param(
            def = "1000",
            min = 0,
            max = 100000,
            unit = "resamples",
            doc =
                "Bootstrap resamples for the intervals of the Sobol indices and the Morris effects (0: no intervals).")
        int bootstrap) {

  public SweepSpec {
    set = List.copyOf(set);
    regimes = List.copyOf(regimes);
    metrics = List.copyOf(metrics);
  }
}
