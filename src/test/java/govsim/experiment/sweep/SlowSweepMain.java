package govsim.experiment.sweep;

import govsim.experiment.SingleRun;
import govsim.experiment.batch.ModelRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code govsim sweep} for {@link KillAndResumeTest}'s child JVM: the same execution as the CLI,
 * with each run slowed down by a sleep so that the test can kill the JVM while runs are in flight.
 * Arguments: SWEEP OUT THREADS DELAY_MS [--resume].
 */
public final class SlowSweepMain {
  private SlowSweepMain() {}

  public static void main(String[] args) {
    long delay = Long.parseLong(args[3]);
    ModelRunner slow =
        (spec, listener) -> {
          try {
            Thread.sleep(delay);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
          return SingleRun.run(spec, listener);
        };
    boolean resume = args.length > 4 && args[4].equals("--resume");
    SweepExecution.Status s =
        SweepExecution.execute(
            new SweepExecution.Request(
                Path.of(args[0]),
                Path.of(args[1]),
                Integer.parseInt(args[2]),
                resume,
                false,
                false,
                false,
                false,
                false,
                List.of("slow-sweep")),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            slow);
    System.exit(s == SweepExecution.Status.OK ? 0 : s == SweepExecution.Status.RUNS_FAILED ? 3 : 2);
  }
}
