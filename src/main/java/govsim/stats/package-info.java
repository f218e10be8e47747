/**
 * Statistics across replications: means, standard deviations, t-based confidence intervals, paired
 * t-tests for common-random-number comparisons, a streaming accumulator for time series and sweep
 * aggregates, Sobol sensitivity indices and Morris elementary effects with bootstrap intervals.
 *
 * <p>Pure functions of their inputs (the only random numbers, the bootstraps', come from a
 * generator the caller passes in). Undefined values (NaN, e.g. a governance gap in a run where no
 * risk was governed) are dropped metric by metric and the number of values used, {@code n}, is
 * reported next to every estimate. Nothing here knows about the model.
 */
package govsim.stats;
