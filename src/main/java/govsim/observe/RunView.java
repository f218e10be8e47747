package govsim.observe;

import govsim.world.World;

/**
 * What a summary metric reads at the end of a run: the world, the burn-in, and the aggregates of
 * the step metrics that {@link RunSummary} kept as the run went.
 */
public interface RunView {
  /** The world after the last step. */
  World world();

  /** Days of burn-in: steps that start before it are left out of sums and means. */
  double burnInDays();

  /** The step metric summed over the steps after burn-in (0 if there are none). */
  double sum(StepMetric m);

  /** Its mean over the steps after burn-in at which it is defined (NaN if there are none). */
  double mean(StepMetric m);

  /** Its value at the last step (NaN before the first step). */
  double last(StepMetric m);

  /** Its value at the first step after burn-in (NaN if there is none). */
  double atBurnIn(StepMetric m);

  /** Start day of the first step after burn-in (NaN if there is none). */
  double dayAtBurnIn();

  /**
   * Revisions (entries of the world's backlash and practice lists) logged before the burn-in ended.
   */
  int revisionsBeforeBurnIn();

  /** Harm borne by information-weak users after burn-in (raw, not per 1,000 users). */
  double harmWeakAfterBurnIn();

  /**
   * The scenario's horizon (time.horizon_days). The last step can end after it when dt_days does
   * not divide it; durations are followed up to it, not beyond.
   */
  default double horizonDays() {
    return last(Metrics.DAY);
  }
}
