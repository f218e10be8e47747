package govsim.observe;

import govsim.world.WorldEvent;

/** Receives what a run produces, as it produces it: recorded time-series rows and logged events. */
public interface RunListener {
  /**
   * A recorded row of the step metrics ({@link Metrics#STEP_METRICS}, in column order); the
   * listener may keep it.
   */
  default void row(double[] row) {}

  /** An event of the log, in order. */
  default void event(WorldEvent e) {}

  RunListener NONE = new RunListener() {};
}
