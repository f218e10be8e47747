package govsim.experiment.batch;

import govsim.experiment.Deadline;
import govsim.experiment.RunFailure;
import govsim.model.ModelSpec;
import govsim.observe.Metrics;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import java.time.Duration;
import java.util.Locale;

/**
 * The per-run guard of a batch (a sweep's or a comparison's runs): a memory estimate checked before
 * the run, a time-out checked once per step, and out-of-memory errors turned into a failed run, so
 * that one run cannot take the others down.
 *
 * <p><b>Memory.</b> A run's heap is dominated by its users, kept as a structure of arrays of
 * {@value #BYTES_PER_USER} bytes a user (one more with several jurisdictions; see {@code
 * world/UserPopulation}; the README's measured 17.8 bytes a user), plus the recorded time-series
 * rows a batch keeps until the run is written, plus {@value #FIXED_BYTES_MIB} MiB for everything
 * else (firms, rules, the schedule: an assumption, generous for the shipped scenarios). Runs in
 * flight reserve their estimate from a budget of {@value #HEAP_SHARE_PERCENT}% of the maximum heap
 * ({@link Runtime#maxMemory}); a run that does not fit the budget even alone fails at once with the
 * figure and what to do, and one that fits waits until the runs ahead of it free enough. Whether a
 * run fits therefore depends on the heap, never on the thread count, so results still do not depend
 * on {@code --threads}.
 *
 * <p><b>Time.</b> With a time-out, a run still stepping when it expires fails with the day it had
 * reached. The model checks the deadline once per step ({@link #check}), never inside the users'
 * loop. A time-out depends on the machine's speed, so a timed-out run is the one kind of failure
 * that another machine (or {@code --retry-failed} with a larger {@code --run-timeout}) may not
 * repeat.
 *
 * <p>Thread-safe: the runs of a batch share one guard.
 */
public final class RunGuard {
  /**
   * Heap bytes per user of {@code world/UserPopulation}: int firm, float switching cost and
   * attention, int next step, byte weak.
   */
  public static final int BYTES_PER_USER = 18;

  /**
   * Heap per run besides users and rows, MiB (assumption: firms, rules, risks and MASON's schedule
   * stay far below it).
   */
  public static final int FIXED_BYTES_MIB = 8;

  /**
   * Share of the maximum heap that the runs in flight may reserve; the rest is the batch's own
   * (outputs, the JVM).
   */
  public static final int HEAP_SHARE_PERCENT = 80;

  private static final long MIB = 1024L * 1024L;

  private final Duration timeout;
  private final long heapBytes;
  private final long budget;
  private long reserved;

  /**
   * @param timeout the longest a run may step, or null for no limit
   * @param heapBytes the maximum heap the estimate is compared with ({@link Runtime#maxMemory} but
   *     in tests)
   */
  public RunGuard(Duration timeout, long heapBytes) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("the run time-out must be positive, got " + timeout);
    }
    this.timeout = timeout;
    this.heapBytes = heapBytes;
    this.budget = heapBytes / 100 * HEAP_SHARE_PERCENT;
  }

  /** A guard with the given time-out (null: none) over this JVM's heap. */
  public static RunGuard of(Duration timeout) {
    return new RunGuard(timeout, Runtime.getRuntime().maxMemory());
  }

  /** The time-out, or null. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Estimated heap of one run, bytes.
   *
   * @param spec the run's scenario
   * @param keepsRows whether the batch keeps the run's recorded rows until it is written
   */
  public static long estimate(ModelSpec spec, boolean keepsRows) {
    long users = spec.users().count();
    long perUser = BYTES_PER_USER + (spec.crossBorder().jurisdictions() > 1 ? 1 : 0);
    long bytes = users * perUser + FIXED_BYTES_MIB * MIB;
    if (keepsRows) {
      long rows = spec.time().steps() / Math.max(1, spec.outputs().recordEverySteps()) + 2;
      // A row is a double[] (16-byte header) plus its slot in the list.
      bytes += rows * (16L + 8L * Metrics.STEP_NAMES.size() + 8L);
    }
    return bytes;
  }

  /**
   * Why a run of this size cannot run in this heap at all (the figure and what to do), or null if
   * it fits.
   */
  public String refusal(ModelSpec spec, boolean keepsRows) {
    long need = estimate(spec, keepsRows);
    if (need <= budget) return null;
    long suggestMib = ((need * 100 / HEAP_SHARE_PERCENT) / MIB / 256 + 1) * 256;
    return String.format(
        Locale.ROOT,
        "the run needs about %d MiB of memory for its %,d users (%d bytes a user"
            + " plus %d MiB), more than the %d MiB that runs may use in this Java heap of %d MiB; give Java more"
            + " memory, e.g. GOVSIM_JAVA_OPTS=-Xmx%s, or use fewer users",
        ceilMib(need),
        spec.users().count(),
        BYTES_PER_USER,
        FIXED_BYTES_MIB,
        budget / MIB,
        heapBytes / MIB,
        suggestMib >= 1024 && suggestMib % 1024 == 0
            ? (suggestMib / 1024) + "g"
            : suggestMib + "m");
  }

  private static long ceilMib(long bytes) {
    return (bytes + MIB - 1) / MIB;
  }

  /**
   * Runs one run under the guard: refuses it if it cannot fit, waits for room in the budget, runs
   * it with the deadline, and turns an out-of-memory error into a {@link RunFailure}.
   *
   * @throws RunFailure if the run does not fit, times out or runs out of memory
   * @throws InterruptedException if interrupted while waiting for memory
   */
  public RunResult run(ModelRunner model, ModelSpec spec, RunListener listener, boolean keepsRows)
      throws InterruptedException {
    String refused = refusal(spec, keepsRows);
    if (refused != null) throw new RunFailure(refused);
    long need = estimate(spec, keepsRows);
    reserve(need);
    try {
      Deadline deadline = timeout == null ? Deadline.NONE : Deadline.after(timeout);
      return model.run(spec, listener, deadline);
    } catch (OutOfMemoryError e) {
      // The run's world is unreachable once this frame unwinds, so the JVM can go on with the
      // others.
      throw new RunFailure(
          String.format(
              Locale.ROOT,
              "ran out of memory (Java heap of %d MiB, %d MiB estimated for"
                  + " this run, %d MiB reserved by the runs in flight); give Java more memory, e.g. GOVSIM_JAVA_OPTS=-Xmx%dm,"
                  + " or use fewer --threads",
              heapBytes / MIB,
              ceilMib(need),
              ceilMib(reservedNow()),
              Math.max(512, heapBytes / MIB * 2)));
    } finally {
      release(need);
    }
  }

  private synchronized long reservedNow() {
    return reserved;
  }

  private synchronized void reserve(long bytes) throws InterruptedException {
    while (reserved > 0 && reserved + bytes > budget) wait();
    reserved += bytes;
  }

  private synchronized void release(long bytes) {
    reserved -= bytes;
    notifyAll();
  }

  /**
   * Parses a time-out: a number with a unit, {@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h} (a
   * bare number is seconds).
   *
   * @throws IllegalArgumentException with what is allowed
   */
  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|min|h)?").matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a duration such as 90s, 15m or 2h (ms, s, m, h; a bare number is"
              + " seconds), found '"
              + text
              + "'");
    }
    double v = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double seconds =
        switch (unit) {
          case "ms" -> v / 1000;
          case "m", "min" -> v * 60;
          case "h" -> v * 3600;
          default -> v;
        };
    if (!(seconds > 0) || seconds > 366 * 24 * 3600.0) {
      throw new IllegalArgumentException(
          "expected a duration above 0 and at most 366 days, found '" + text + "'");
    }
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
