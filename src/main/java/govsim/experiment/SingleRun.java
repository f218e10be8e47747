package govsim.experiment;

import govsim.model.GovSimModel;
import govsim.model.ModelSpec;
import govsim.model.Phase;
import govsim.observe.Recorder;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import sim.engine.Schedule;

/**
 * One run of the model: build it, attach the recorder at {@link Phase#OBSERVE}, step to the
 * horizon, summarise. What happens to rows and events is the listener's business (a CSV writer, an
 * in-memory table for a sweep, nothing for a benchmark).
 */
public final class SingleRun {
  private SingleRun() {}

  public static RunResult run(ModelSpec spec, RunListener listener) {
    return run(spec, listener, Deadline.NONE);
  }

  /**
   * A run that stops with a {@link RunFailure} when {@code deadline} passes or the thread is
   * interrupted; the deadline is checked once per step, outside the users' loop.
   */
  public static RunResult run(ModelSpec spec, RunListener listener, Deadline deadline) {
    GovSimModel model = new GovSimModel(spec);
    model.start();
    Recorder recorder = new Recorder(spec, model::world, listener);
    model.schedule.scheduleRepeating(
        Schedule.EPOCH, Phase.OBSERVE.ordering(), recorder, spec.time().dtDays());
    long t0 = System.nanoTime();
    double dt = spec.time().dtDays();
    double horizon = spec.time().horizonDays();
    long step = 0;
    while (!model.isDone()) {
      deadline.check(step * dt, horizon);
      model.stepOnce();
      step++;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    model.finish();
    return new RunResult(spec, recorder.summary().finish(model.world()), model.world(), seconds);
  }
}
