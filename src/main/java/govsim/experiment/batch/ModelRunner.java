package govsim.experiment.batch;

import govsim.experiment.Deadline;
import govsim.experiment.SingleRun;
import govsim.model.ModelSpec;
import govsim.observe.RunListener;
import govsim.observe.RunResult;

/**
 * How a batch executes one run. {@link #SINGLE_RUN} is the real model ({@link SingleRun#run});
 * tests pass their own (one that throws for a given seed, or that is slow enough to be killed
 * mid-sweep) to exercise failure handling and crash recovery without a special scenario.
 */
@FunctionalInterface
public interface ModelRunner {
  /**
   * Runs the model.
   *
   * @param spec the run's scenario, seed included
   * @param listener receives recorded time-series rows and events as the run goes
   * @return the finished run
   */
  RunResult run(ModelSpec spec, RunListener listener);

  /**
   * Runs the model, stopping when the deadline passes (checked once per step). Runners that cannot
   * stop early (most test runners) run to the end.
   */
  default RunResult run(ModelSpec spec, RunListener listener, Deadline deadline) {
    return run(spec, listener);
  }

  /** The model itself. */
  ModelRunner SINGLE_RUN =
      new ModelRunner() {
        @Override
        public RunResult run(ModelSpec spec, RunListener listener) {
          return SingleRun.run(spec, listener);
        }

        @Override
        public RunResult run(ModelSpec spec, RunListener listener, Deadline deadline) {
          return SingleRun.run(spec, listener, deadline);
        }
      };
}
