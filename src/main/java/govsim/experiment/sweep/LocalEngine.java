package govsim.experiment.sweep;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.ModelRunner;
import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.RunGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The default engine: the runs on this machine's threads ({@link BatchRunner}), records handed to
 * the sink in submission order on the calling thread.
 */
public final class LocalEngine implements SweepEngine {
  private final int threads;
  private final ModelRunner model;
  private final RunGuard guard;

  /**
   * @param threads worker threads, at least 1
   * @param model how one run is executed ({@link ModelRunner#SINGLE_RUN} but in tests)
   */
  public LocalEngine(int threads, ModelRunner model) {
    this(threads, model, RunGuard.of(null));
  }

  /**
   * @param guard the per-run guard (memory estimate, time-out, out-of-memory isolation)
   */
  public LocalEngine(int threads, ModelRunner model, RunGuard guard) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    this.threads = threads;
    this.model = model;
    this.guard = guard;
  }

  @Override
  public void execute(SweepWork work, List<Integer> runs, RecordSink sink)
      throws IOException, InterruptedException {
    Iterator<Callable<RunRecord>> jobs =
        new Iterator<>() {
          int next;

          @Override
          public boolean hasNext() {
            return next < runs.size();
          }

          @Override
          public Callable<RunRecord> next() {
            int run = runs.get(next++);
            return () -> work.execute(run, model, guard);
          }
        };
    try {
      new BatchRunner(threads)
          .run(
              jobs,
              (Outcome<RunRecord> out) -> {
                // execute() turns every failure of a run into a failed record; only a fatal error
                // escapes.
                if (!out.ok())
                  throw new IllegalStateException(
                      "run failed outside its record: " + out.errorText(), out.error());
                try {
                  sink.accept(out.result());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public String label() {
    return threads + (threads == 1 ? " thread" : " threads");
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", "local");
    m.put("threads", threads);
    return m;
  }
}
