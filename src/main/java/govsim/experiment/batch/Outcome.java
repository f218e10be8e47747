package govsim.experiment.batch;

import govsim.experiment.RunFailure;

/**
 * What one job of a batch produced: its result, or the error it threw.
 *
 * @param <R> the job's result type
 * @param index position of the job in the batch's submission order (0-based)
 * @param result the job's result; null if it failed
 * @param error what the job threw; null if it succeeded
 * @param wallSeconds wall-clock time the job took on its worker thread
 */
public record Outcome<R>(long index, R result, Throwable error, double wallSeconds) {

  /** True if the job returned normally. */
  public boolean ok() {
    return error == null;
  }

  /**
   * The error as one line for reports and CSV cells: its message, without a Java class name (a
   * ScenarioException's message lists every error, joined by "; ").
   */
  public String errorText() {
    return describe(error);
  }

  /**
   * A throwable as one line for users: the message of a failure govsim explains itself (a guard's
   * {@link RunFailure}, a scenario error, any exception with a message), a plain sentence for the
   * JVM's errors (out of memory, stack overflow) and for an exception without a message. Never a
   * class name. Empty for null.
   */
  public static String describe(Throwable t) {
    if (t == null) return "";
    String msg = t.getMessage() == null ? "" : t.getMessage().strip();
    String text;
    if (t instanceof OutOfMemoryError) {
      text =
          "ran out of memory (Java heap of "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MiB); give Java"
              + " more memory, e.g. GOVSIM_JAVA_OPTS=-Xmx4g, or use fewer --threads";
    } else if (t instanceof StackOverflowError) {
      text = "internal error: the run overflowed its thread's stack";
    } else if (t instanceof InterruptedException) {
      text = "interrupted";
    } else if (msg.isEmpty()) {
      text =
          "internal error without a message (rerun this run alone with govsim run and GOVSIM_DEBUG=1 to see where)";
    } else {
      text = msg;
    }
    return text.replace("\r\n", "; ").replace('\n', ' ').replace('\r', ' ').strip();
  }
}
