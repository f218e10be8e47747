package govsim.experiment.batch;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a batch of independent jobs (model runs) on a fixed number of threads and hands each job's
 * {@link Outcome} to a consumer <em>in submission order</em>, on the calling thread.
 *
 * <p>Why in order: whatever the consumer computes (a CSV row, a running mean) then sees the same
 * sequence of outcomes whatever the thread count, so outputs are byte-identical for 1 or 16
 * threads. Why streaming: jobs are pulled from an iterator only as workers free up and at most
 * {@code window} outcomes wait for the consumer, so a batch of 100,000 runs holds a handful of
 * results at a time. A slow job delays the delivery (not the execution) of later ones by at most
 * the window.
 *
 * <p>Failures stay with their job: a job that throws becomes a failed outcome carrying the error
 * and the batch goes on; so does a job that runs out of memory (its allocations are unreachable
 * once its stack unwinds, so the JVM survives it; {@link RunGuard} keeps runs from getting there).
 * Only a {@link VirtualMachineError} other than {@link StackOverflowError} and {@link
 * OutOfMemoryError} (an internal JVM error, after which nothing can be trusted) stops the batch, as
 * does an exception thrown by the consumer (e.g. the disk is full); the remaining jobs are then
 * cancelled and the error is rethrown to the caller.
 *
 * <p>Each job runs entirely on one worker thread; govsim models keep no static mutable state, so
 * concurrent runs do not interact.
 */
public final class BatchRunner {
  /** Most worker threads: far above any machine's cores, and 4 x it still fits the window's int. */
  public static final int MAX_THREADS = 4096;

  private final int threads;
  private final int window;

  /**
   * @param threads worker threads, at least 1
   * @throws IllegalArgumentException if threads &lt; 1
   */
  public BatchRunner(int threads) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          "--threads must be between 1 and " + MAX_THREADS + ", got " + threads);
    }
    this.threads = threads;
    // Enough queued work that no worker idles while the consumer waits for the oldest job.
    this.window = 4 * threads;
  }

  /** The default thread count: every available processor. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Number of worker threads. */
  public int threads() {
    return threads;
  }

  /**
   * Counts of a finished batch.
   *
   * @param jobs jobs run
   * @param failed jobs that threw
   * @param wallSeconds wall-clock time of the whole batch
   */
  public record Summary(long jobs, long failed, double wallSeconds) {}

  /**
   * Runs every job of {@code jobs} and passes each outcome to {@code consumer} in the iterator's
   * order. {@code jobs.next()} is called on the calling thread, so it should be cheap; the work
   * belongs in {@link Callable#call}, which runs on a worker.
   *
   * @param jobs the jobs, pulled lazily
   * @param consumer receives every outcome, in order, on the calling thread
   * @return counts of the batch
   * @throws InterruptedException if the calling thread is interrupted (remaining jobs cancelled)
   * @throws RuntimeException or Error thrown by the consumer, or a fatal VirtualMachineError of a
   *     job (remaining jobs cancelled)
   */
  public <R> Summary run(
      Iterator<? extends Callable<? extends R>> jobs, Consumer<? super Outcome<R>> consumer)
      throws InterruptedException {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
    ArrayDeque<Future<Outcome<R>>> inFlight = new ArrayDeque<>();
    long next = 0;
    long failed = 0;
    try {
      while (true) {
        while (inFlight.size() < window && jobs.hasNext()) {
          Callable<? extends R> job = jobs.next();
          long index = next++;
          inFlight.add(pool.submit(() -> execute(index, job)));
        }
        Future<Outcome<R>> head = inFlight.poll();
        if (head == null) break;
        Outcome<R> outcome;
        try {
          outcome = head.get();
        } catch (ExecutionException e) {
          // Only fatal errors escape execute(): rethrow them as they are.
          Throwable cause = e.getCause();
          if (cause instanceof Error err) throw err;
          if (cause instanceof RuntimeException re) throw re;
          throw new IllegalStateException(cause);
        }
        if (!outcome.ok()) failed++;
        consumer.accept(outcome);
      }
    } finally {
      for (Future<Outcome<R>> f : inFlight) f.cancel(true);
      pool.shutdownNow();
    }
    return new Summary(next, failed, (System.nanoTime() - start) / 1e9);
  }

  private static <R> Outcome<R> execute(long index, Callable<? extends R> job) {
    long t0 = System.nanoTime();
    try {
      R result = job.call();
      return new Outcome<>(index, result, null, (System.nanoTime() - t0) / 1e9);
    } catch (VirtualMachineError fatal) {
      if (!(fatal instanceof StackOverflowError) && !(fatal instanceof OutOfMemoryError))
        throw fatal;
      return new Outcome<>(index, null, fatal, (System.nanoTime() - t0) / 1e9);
    } catch (Exception | Error e) {
      return new Outcome<>(index, null, e, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Daemon worker threads named govsim-run-N, so a stuck run cannot keep the JVM alive. */
  private static final class Workers implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "govsim-run-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
