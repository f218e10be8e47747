package govsim.experiment.sweep;

/** The experimental designs a sweep file can ask for ({@code design:}). */
public enum SweepDesign {
  /** Every combination of the parameters' values (ranges need {@code levels}). */
  GRID,
  /**
   * {@code samples} points drawn independently and uniformly (log-uniformly for {@code log: true}).
   */
  RANDOM,
  /**
   * Latin hypercube of {@code samples} points: each parameter's range cut into {@code samples}
   * equal strata, one point in each.
   */
  LHS,
  /**
   * Saltelli's scheme on a Sobol' sequence: {@code samples} = N base rows, N(k+2) points for k
   * parameters, from which first-order and total Sobol indices are estimated.
   */
  SOBOL,
  /**
   * Morris screening (Morris 1991): {@code samples} = r one-at-a-time trajectories over a grid of
   * {@code morris_levels} levels, r(g+1) points for g groups (parameters, or their {@code group}s),
   * from which elementary effects (mu, mu*, sigma) are estimated.
   */
  MORRIS
}
