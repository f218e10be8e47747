package govsim.spark;

import java.io.Serializable;

/**
 * Called on the executor before each run of a Spark task, with the task's attempt number (0 for the
 * first). A test-only seam: a hook that throws on attempt 0 makes the task fail once, so a test can
 * check that Spark's retry yields the same outputs with no duplicate rows. An exception thrown here
 * fails the task (Spark retries it); one thrown by the run itself is a failed run, recorded like on
 * the local engine.
 */
@FunctionalInterface
public interface AttemptHook extends Serializable {
  /** Does nothing. */
  AttemptHook NONE = (run, attempt) -> {};

  /**
   * @param run the run about to be executed
   * @param attempt the Spark task's attempt number, 0 for the first
   */
  void beforeRun(int run, int attempt);
}
