package govsim.experiment;

import java.time.Duration;
import java.util.Locale;

/**
 * Checked once per step by the model loop: throws when the run's time is up or its thread was
 * interrupted (a cancelled batch). Cheap: one {@link System#nanoTime} and one flag read.
 */
public final class Deadline {
  /** No time limit; only an interrupt stops the run. */
  public static final Deadline NONE = new Deadline(Long.MAX_VALUE, null);

  private final long nanos;
  private final Duration timeout;

  private Deadline(long nanos, Duration timeout) {
    this.nanos = nanos;
    this.timeout = timeout;
  }

  /** A deadline {@code timeout} from now (tests and callers outside a batch). */
  public static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
  }

  /**
   * @param day the simulated day reached
   * @param horizon the run's last day
   * @throws RunFailure if the time is up or the thread was interrupted
   */
  public void check(double day, double horizon) {
    if (Thread.currentThread().isInterrupted()) {
      throw new RunFailure(
          String.format(
              Locale.ROOT, "stopped at day %.0f of %.0f (the batch was cancelled)", day, horizon));
    }
    if (timeout != null && System.nanoTime() - nanos > 0) {
      throw new RunFailure(
          String.format(
              Locale.ROOT,
              "exceeded the run time-out of %s at day %.0f of %.0f;"
                  + " rerun it with a larger --run-timeout (--retry-failed reruns exactly the failed runs of a sweep)",
              format(timeout),
              day,
              horizon));
    }
  }

  /** "500 ms", "2.5 s", "90 s", "15 min", "2 h". */
  public static String format(Duration d) {
    long s = d.toSeconds();
    if (d.toMillis() < 1000) return d.toMillis() + " ms";
    if (d.toMillis() < 10_000 && d.toMillis() % 1000 != 0)
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    if (s % 3600 == 0) return s / 3600 + " h";
    if (s % 60 == 0 && s >= 60) return s / 60 + " min";
    return s + " s";
  }
}
