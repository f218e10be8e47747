package govsim.experiment.sweep;

/** The experimental designs a sweep file can ask for ({@code design:}). */
public enum SweepDesign {
  /** Every combination of the parameters' values (ranges need {@code levels}). */
  GRID,
  /** {@code samples} points drawn independently and uniformly (log-uniformly for {@code log: true}). */
  RANDOM,
  /** Latin hypercube of {@code samples} points: each parameter's range cut into {@code samples}
   * equal strata, one point in each. */
  LHS,
  /** Saltelli's scheme on a Sobol' sequence: {@code samples} = N base rows, N(k+2) points for k
   * parameters, from which first-order and total Sobol indices are estimated. */
  SOBOL
}
