package govsim.experiment.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where a sweep's runs are executed: on this machine's threads ({@link LocalEngine}) or on a Spark
 * cluster ({@code govsim.spark.SparkSweepEngine}, in the separate Spark build: see {@link
 * SparkBridge}).
 *
 * <p>An engine only computes records; it never writes into the output folder. Whatever it hands to
 * the {@link RecordSink} is journaled by the driver ({@link SweepRunner}), keyed by run id, and the
 * output files are written from the journal in run order. So every engine gives the same bytes, and
 * an engine that delivers a run twice (a retried or speculative task) or out of order cannot add,
 * lose or reorder rows.
 */
public interface SweepEngine {
  /**
   * Executes the given runs and passes each run's record to {@code sink} on the calling thread, in
   * any order. Returns once every run has been passed on.
   *
   * @param work the sweep's runs (see {@link SweepWork#execute})
   * @param runs the ids of the runs to execute (the missing runs of a resume, or a shard's)
   * @param sink receives each finished run (it drops a second record of the same run)
   * @throws IOException if the sink fails (the disk is full) or the engine fails as a whole (a
   *     Spark job aborted); runs already passed on stay recorded, and a resume runs the rest
   * @throws InterruptedException if interrupted (remaining work is cancelled)
   */
  void execute(SweepWork work, List<Integer> runs, RecordSink sink)
      throws IOException, InterruptedException;

  /** How the engine runs, for progress messages: "2 threads", "Spark (local[2])". */
  String label();

  /** How the engine ran, for the session block of manifest.json (engine name, threads, master). */
  Map<String, Object> describe();

  /** Receives finished runs on the driver. */
  @FunctionalInterface
  interface RecordSink {
    /**
     * Records a finished run.
     *
     * @throws IOException if it cannot be recorded (the engine stops)
     */
    void accept(RunRecord record) throws IOException;
  }
}
