package govsim.observe;

import govsim.world.WorldEvent;

/** Receives what a run produces, as it produces it: recorded time-series rows and logged events. */
public interface RunListener {
  /** A recorded row of {@link StepMetrics#COLUMNS}. */
  default void row(double[] row) {}

  /** An event of the log, in order. */
  default void event(WorldEvent e) {}

  RunListener NONE = new RunListener() {};
}
