package govsim.spark;

import govsim.experiment.batch.ModelRunner;
import govsim.experiment.sweep.RunRecord;
import govsim.experiment.sweep.SweepEngine;
import govsim.experiment.sweep.SweepWork;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs a sweep's runs as Spark tasks ({@code govsim sweep --engine spark}): one task per run.
 *
 * <p>How the results stay byte-identical to the local engine: the driver broadcasts the sweep's
 * {@link SweepWork} once; a task executes its run with {@link SweepWork#execute} (the code the
 * local engine runs) and returns the run's encoded {@link RunRecord}; executors write nothing. The
 * driver receives each task's result as the task finishes (Spark calls the job's result handler
 * once per partition, for its first successful attempt only) and hands it to the sweep's journal on
 * the calling thread, where a second record of a run would be dropped anyway. So a retried or
 * speculative task cannot duplicate or lose a row, a killed driver loses only the runs in flight (a
 * resume submits just the missing runs), and the outputs are written from the journal in run order
 * by the same code as on the local engine.
 *
 * <p>Why one run per task: runs take seconds to minutes, so Spark's few milliseconds per task are
 * negligible, and small tasks balance well and lose little when an executor dies. Runs are
 * submitted in waves of at most {@link #WAVE} tasks to bound the driver's memory on huge sweeps.
 */
public final class SparkSweepEngine implements SweepEngine {
  /** Most tasks in one Spark job. */
  static final int WAVE = 20_000;

  private final SparkConf conf;
  private final JavaSparkContext shared;
  private final AttemptHook hook;
  private String master;
  private String appId;
  private String sparkVersion;

  /**
   * An engine that starts its own Spark context for the runs and stops it afterwards.
   *
   * @param conf the context's settings (see {@link #conf})
   * @param hook called before each run on the executors ({@link AttemptHook#NONE} but in tests)
   */
  public SparkSweepEngine(SparkConf conf, AttemptHook hook) {
    this.conf = conf.clone();
    this.shared = null;
    this.hook = hook;
    this.master = conf.get("spark.master", "?");
  }

  /**
   * An engine on a running Spark context, which it leaves running (tests, benchmarks).
   *
   * @param context the context
   * @param hook called before each run on the executors
   */
  public SparkSweepEngine(JavaSparkContext context, AttemptHook hook) {
    this.conf = null;
    this.shared = context;
    this.hook = hook;
    this.master = context.master();
  }

  /**
   * The engine of {@code govsim sweep --engine spark [--master URL]}, called by {@link
   * govsim.experiment.sweep.SparkBridge}.
   *
   * @param master the master URL, or null (see {@link #conf})
   * @param threads cores of a local master
   * @param appName the application's name
   */
  public static SweepEngine forCommandLine(String master, int threads, String appName) {
    return new SparkSweepEngine(conf(master, threads, appName), AttemptHook.NONE);
  }

  /**
   * The settings of a sweep's Spark context. Starts from {@code new SparkConf()}, which holds what
   * spark-submit passed (master, jars, {@code --conf} settings); then:
   *
   * <ul>
   *   <li>the master: {@code master} if given, else spark-submit's, else {@code local[threads]};
   *   <li>when the master is on this machine ({@code local[...]} or a {@code spark://} URL on
   *       127.0.0.1 or localhost): the driver binds to 127.0.0.1 and the web UI is off, unless set
   *       otherwise (on a shared host nothing listens beyond loopback);
   *   <li>for a cluster master outside spark-submit: {@code spark.jars} is the jar holding govsim,
   *       so that executors can load it;
   *   <li>Spark's console progress bar is off (govsim prints its own).
   * </ul>
   */
  public static SparkConf conf(String master, int threads, String appName) {
    SparkConf c = new SparkConf();
    if (master != null) c.setMaster(master);
    else if (!c.contains("spark.master")) c.setMaster("local[" + Math.max(1, threads) + "]");
    c.setIfMissing("spark.app.name", appName);
    String m = c.get("spark.master");
    if (onThisMachine(m)) {
      c.setIfMissing("spark.driver.host", "127.0.0.1");
      c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      c.setIfMissing("spark.ui.enabled", "false");
    }
    c.setIfMissing("spark.ui.showConsoleProgress", "false");
    if (!m.startsWith("local") && !c.contains("spark.jars")) {
      String jar = ownJar();
      if (jar != null) c.set("spark.jars", jar);
    }
    return c;
  }

  /** True for local masters and standalone masters on the loopback interface. */
  static boolean onThisMachine(String master) {
    if (master.startsWith("local")) return true;
    for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
      if (master.startsWith("spark://" + host + ":")) return true;
    }
    return false;
  }

  /** The jar this class was loaded from, or null when it comes from a classes folder. */
  private static String ownJar() {
    try {
      URI where =
          SparkSweepEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      return where.getPath() != null && where.getPath().endsWith(".jar")
          ? Path.of(where).toString()
          : null;
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public String label() {
    return "Spark (" + master + ")";
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", "spark");
    m.put("spark_master", master);
    if (sparkVersion != null) m.put("spark_version", sparkVersion);
    if (appId != null) m.put("spark_application_id", appId);
    return m;
  }

  @Override
  public void execute(SweepWork work, List<Integer> runs, RecordSink sink)
      throws IOException, InterruptedException {
    JavaSparkContext sc = shared != null ? shared : new JavaSparkContext(conf);
    try {
      master = sc.master();
      appId = sc.sc().applicationId();
      sparkVersion = sc.version();
      Broadcast<SweepWork> broadcast = sc.broadcast(work);
      try {
        for (int from = 0; from < runs.size(); from += WAVE) {
          runWave(sc, broadcast, runs.subList(from, Math.min(runs.size(), from + WAVE)), sink);
        }
      } finally {
        // Stopping an own context drops the broadcast; a shared one keeps running, so drop it
        // now (blocking: an asynchronous removal would race with a later stop).
        if (shared != null) broadcast.unpersist(true);
      }
    } finally {
      if (shared == null) sc.stop();
    }
  }

  /** Submits one job of one task per run and journals each result as it arrives. */
  private void runWave(
      JavaSparkContext sc, Broadcast<SweepWork> work, List<Integer> runs, RecordSink sink)
      throws IOException, InterruptedException {
    JavaRDD<Integer> rdd = sc.parallelize(new ArrayList<>(runs), runs.size());
    List<Object> partitions = new ArrayList<>(runs.size());
    for (int p = 0; p < runs.size(); p++) partitions.add(p);
    LinkedBlockingQueue<byte[][]> inbox = new LinkedBlockingQueue<>();
    sc.setJobDescription("govsim sweep: " + runs.size() + " runs");
    SimpleFutureAction<BoxedUnit> job =
        sc.sc()
            .submitJob(
                rdd.rdd(),
                new ExecuteRuns(work, hook),
                scala.jdk.javaapi.CollectionConverters.asScala(partitions).toSeq(),
                new Deliver(inbox),
                new Done());
    try {
      // Spark calls the result handler of a task before it counts the task as finished, so once
      // the job is complete every result is in the inbox.
      while (!job.isCompleted() || !inbox.isEmpty()) {
        byte[][] got = inbox.poll(20, TimeUnit.MILLISECONDS);
        if (got != null) record(got, sink);
      }
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      job.cancel();
      throw e;
    }
    Try<BoxedUnit> outcome = job.value().get();
    if (outcome.isFailure()) {
      Throwable t = outcome.failed().get();
      String msg = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
      throw new IOException(
          "the Spark job failed: " + t.getClass().getSimpleName() + ": " + msg, t);
    }
  }

  private static void record(byte[][] records, RecordSink sink) throws IOException {
    for (byte[] r : records) sink.accept(RunRecord.decode(r));
  }

  /**
   * The task: executes the runs of its partition (one) on the executor and returns their encoded
   * records. Serialized to the executors with a handle on the broadcast work.
   */
  static final class ExecuteRuns
      extends AbstractFunction1<scala.collection.Iterator<Integer>, byte[][]>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SweepWork> work;
    private final AttemptHook hook;

    ExecuteRuns(Broadcast<SweepWork> work, AttemptHook hook) {
      this.work = work;
      this.hook = hook;
    }

    @Override
    public byte[][] apply(scala.collection.Iterator<Integer> runs) {
      SweepWork w = work.value();
      TaskContext task = TaskContext.get();
      int attempt = task == null ? 0 : task.attemptNumber();
      List<byte[]> out = new ArrayList<>();
      while (runs.hasNext()) {
        int run = runs.next();
        hook.beforeRun(run, attempt);
        try {
          out.add(w.execute(run, ModelRunner.SINGLE_RUN).encode());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot encode the record of run " + run, e);
        }
      }
      return out.toArray(new byte[0][]);
    }
  }

  /** On the driver, for each partition's first successful attempt: queue its records. */
  private static final class Deliver extends AbstractFunction2<Object, byte[][], BoxedUnit> {
    private final LinkedBlockingQueue<byte[][]> inbox;

    Deliver(LinkedBlockingQueue<byte[][]> inbox) {
      this.inbox = inbox;
    }

    @Override
    public BoxedUnit apply(Object partition, byte[][] records) {
      inbox.add(records);
      return BoxedUnit.UNIT;
    }
  }

  /** The job's overall result: nothing (the records went through {@link Deliver}). */
  private static final class Done extends AbstractFunction0<BoxedUnit> {
    @Override
    public BoxedUnit apply() {
      return BoxedUnit.UNIT;
    }
  }
}
