package govsim.observe;

import govsim.model.ModelSpec;
import govsim.world.World;

/**
 * Evaluates the catalogue's step metrics ({@link Metrics#STEP_METRICS}) after each step into one
 * preallocated row, without allocating: the row is overwritten at the next step, so a caller that
 * keeps it must copy it.
 */
public final class StepMetrics implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final StepMetric[] ALL = Metrics.STEP_METRICS.toArray(new StepMetric[0]);

  private final StepView view;
  private final double[] row = new double[ALL.length];

  public StepMetrics(ModelSpec spec) {
    this.view = new StepView(spec);
  }

  /** The row of the step just finished, in column order (call once per step, in order). */
  public double[] compute(World w) {
    view.advance(w);
    for (StepMetric m : ALL) row[m.column()] = m.value(view);
    return row;
  }
}
