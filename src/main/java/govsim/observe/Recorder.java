package govsim.observe;

import govsim.model.ModelSpec;
import govsim.world.World;
import java.util.function.Supplier;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The observer scheduled after the model's phases each step: computes the step's metrics, feeds the
 * run summary, forwards recorded rows (every record_every_steps steps and the last step) and drains
 * the event log to the listener. The model never sees it.
 */
public final class Recorder implements Steppable {
  private static final long serialVersionUID = 1L;

  private final Supplier<World> world;
  private final StepMetrics metrics;
  private final RunSummary summary;

  /** Not part of a checkpoint: a resumed run attaches its own writer ({@link #listener}). */
  private transient RunListener listener;

  private final int every;
  private final long lastStep;

  public Recorder(ModelSpec spec, Supplier<World> world, RunListener listener) {
    this.world = world;
    this.metrics = new StepMetrics(spec);
    this.summary = new RunSummary(spec);
    this.listener = listener;
    this.every = spec.outputs().recordEverySteps();
    this.lastStep = spec.time().steps() - 1;
  }

  @Override
  public void step(SimState state) {
    World w = world.get();
    long step = w.step;
    double[] row = metrics.compute(w);
    summary.add(w, row);
    // The row is reused at the next step; a recorded row is a copy the listener may keep.
    if (step % every == 0 || step == lastStep) listener.row(row.clone());
    w.drainEvents(listener::event);
  }

  /**
   * Attaches the listener of a run resumed from a checkpoint (the recorder was read back without
   * one). For a checkpoint the world supplier given to the constructor must be serializable.
   */
  public void listener(RunListener listener) {
    this.listener = listener;
  }

  public RunSummary summary() {
    return summary;
  }
}
