package govsim.experiment;

/**
 * A run stopped or refused by its guard (too big for the heap, past its time-out, out of memory,
 * cancelled). The message is the whole story, written for the user: outputs show it as it is,
 * without a class name.
 */
public final class RunFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFailure(String message) {
    super(message, null, false, false);
  }
}
