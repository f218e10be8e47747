package govsim.experiment.batch;

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
   * The error as one line for reports and CSV cells: the exception's simple class name and
   * message (a ScenarioException's message lists every error, joined by "; ").
   */
  public String errorText() {
    return describe(error);
  }

  /** {@code SimpleName: message} on one line; empty for null. */
  public static String describe(Throwable t) {
    if (t == null) return "";
    String msg = t.getMessage();
    String text = t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    return text.replace("\r\n", "; ").replace('\n', ' ').replace('\r', ' ').strip();
  }
}
