package govsim.experiment.checkpoint;

import govsim.experiment.Deadline;
import govsim.io.RunWriter;
import govsim.model.GovSimModel;
import govsim.model.ModelSpec;
import govsim.model.Phase;
import govsim.observe.Recorder;
import govsim.observe.RunResult;
import govsim.world.World;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.function.Supplier;
import sim.engine.Schedule;

/**
 * A single run that writes a checkpoint every {@code everyDays} simulated days ({@code govsim run
 * --checkpoint-every}), started fresh or resumed from a checkpoint ({@code govsim resume}). It
 * builds and steps the model exactly as {@link govsim.experiment.SingleRun} does (the recorder at
 * {@link Phase#OBSERVE}, one step at a time to the horizon), so the outputs are the same bytes; a
 * checkpoint is written between two steps and changes nothing the model draws or computes.
 */
public final class CheckpointedRun {
  /** Told after each checkpoint is written. */
  @FunctionalInterface
  public interface Written {
    void at(double day, Path file);
  }

  private final GovSimModel model;
  private final Recorder recorder;
  private final Checkpoint.Context context;
  private final byte[] timeseriesSoFar;
  private final byte[] eventsSoFar;
  private double nextDay;
  private double stepSeconds;

  private CheckpointedRun(
      GovSimModel model,
      Recorder recorder,
      Checkpoint.Context context,
      byte[] timeseries,
      byte[] events,
      double nextDay,
      double stepSeconds) {
    this.model = model;
    this.recorder = recorder;
    this.context = context;
    this.timeseriesSoFar = timeseries;
    this.eventsSoFar = events;
    this.nextDay = nextDay;
    this.stepSeconds = stepSeconds;
  }

  /** A fresh run of {@code spec}. */
  public static CheckpointedRun start(ModelSpec spec, Checkpoint.Context context) {
    if (!(context.everyDays() > 0))
      throw new IllegalArgumentException("checkpoint interval must be positive");
    GovSimModel model = new GovSimModel(spec);
    model.start();
    Supplier<World> world = (Supplier<World> & Serializable) model::world;
    Recorder recorder = new Recorder(spec, world, null);
    model.schedule.scheduleRepeating(
        Schedule.EPOCH, Phase.OBSERVE.ordering(), recorder, spec.time().dtDays());
    return new CheckpointedRun(model, recorder, context, null, null, context.everyDays(), 0);
  }

  /** The run a checkpoint holds, ready to continue from the step after it. */
  public static CheckpointedRun resume(Checkpoint.State s) {
    return new CheckpointedRun(
        s.model(),
        s.recorder(),
        s.context(),
        s.timeseries(),
        s.events(),
        s.nextDay(),
        s.stepSeconds());
  }

  public ModelSpec spec() {
    return model.spec();
  }

  public Checkpoint.Context context() {
    return context;
  }

  /** Simulated day the run has reached (the start of its next step). */
  public double day() {
    return model.world().now;
  }

  /** The bytes of timeseries.csv the checkpoint held (null for a fresh run or none written). */
  public byte[] timeseriesSoFar() {
    return timeseriesSoFar;
  }

  /** The bytes of events.csv the checkpoint held (null for a fresh run or none written). */
  public byte[] eventsSoFar() {
    return eventsSoFar;
  }

  /** True for a run read from a checkpoint. */
  public boolean resumed() {
    return day() > 0;
  }

  /**
   * Steps to the horizon, writing {@code writer}'s rows and events, and a checkpoint to {@code
   * file} each time the simulated day reaches the next multiple of the interval (not at the
   * horizon: the run's outputs are then complete).
   *
   * @param stopAfter stop (returning null) after the first checkpoint written this session, for
   *     tests that stand for a kill; false in normal use
   * @return the result, or null if stopped after a checkpoint
   * @throws IOException if a checkpoint cannot be written
   */
  public RunResult run(
      RunWriter writer, Path file, Written written, Deadline deadline, boolean stopAfter)
      throws IOException {
    recorder.listener(writer);
    ModelSpec spec = model.spec();
    double dt = spec.time().dtDays();
    double horizon = spec.time().horizonDays();
    long t0 = System.nanoTime();
    while (!model.isDone()) {
      deadline.check(model.world().step * dt, horizon);
      model.stepOnce();
      if (!model.isDone() && model.world().now + 1e-9 >= nextDay) {
        while (nextDay <= model.world().now + 1e-9) nextDay += context.everyDays();
        double stepped = stepSeconds + (System.nanoTime() - t0) / 1e9;
        byte[][] partial = writer.partial();
        recorder.listener(null);
        try {
          Checkpoint.write(
              file,
              new Checkpoint.State(
                  model, recorder, partial[0], partial[1], context, nextDay, stepped));
        } finally {
          recorder.listener(writer);
        }
        if (written != null) written.at(model.world().now, file);
        if (stopAfter) return null;
      }
    }
    stepSeconds += (System.nanoTime() - t0) / 1e9;
    model.finish();
    return new RunResult(
        spec, recorder.summary().finish(model.world()), model.world(), stepSeconds);
  }
}
