package govsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import govsim.experiment.sweep.SweepExecution;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real Spark standalone cluster: a master and a worker started as separate processes
 * on 127.0.0.1 (as {@code sbin/start-master.sh} and {@code start-worker.sh} would), the sweep
 * submitted to them from this JVM (the driver), its runs executed in an executor process the worker
 * launches, and the outputs compared byte for byte with the local engine's. The processes are
 * stopped by their ids afterwards, whatever happens.
 *
 * <p>What the worker needs to launch executors without a Spark distribution: a {@code SPARK_HOME}
 * with a {@code jars/} folder (which a distribution fills with Spark's jars; here it is empty),
 * {@code SPARK_SCALA_VERSION=2.13} (else the launcher looks for Spark's build folders), and the
 * executors' class path through {@code spark.executor.extraClassPath}: here this test's whole class
 * path (Spark, govsim's classes and libraries); on a cluster, Spark's jars come from the
 * distribution and govsim from the application jar ({@code spark.jars}). {@code
 * SPARK_LOCAL_IP=127.0.0.1} keeps the daemons and their web UIs on loopback; the master's REST
 * submission server (a fixed port) is off.
 */
class SparkStandaloneClusterTest {
  @TempDir Path tmp;

  private static final long START_TIMEOUT_SECONDS = 90;

  @Test
  void aSweepOnAStandaloneMasterAndWorkerWritesTheSameBytesAsTheLocalEngine() throws Exception {
    String classPath = System.getProperty("java.class.path");
    assertTrue(
        List.of(classPath.split(File.pathSeparator)).stream()
            .anyMatch(j -> j.contains("spark-core_2.13")),
        "Spark must be on the test class path (run with -Pspark, without surefire's manifest-only jar)");
    Path home = tmp.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    // The daemons log at INFO: the test reads their start-up lines (govsim's own log4j2.properties,
    // on the class path too, would keep them at WARN).
    Files.writeString(
        home.resolve("conf/log4j2.properties"),
        String.join(
            "\n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stdout.ref = console",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
            ""));
    Path sweep = SparkFixtures.write(tmp.resolve("in"));
    Path local = tmp.resolve("local");
    assertEquals(SweepExecution.Status.OK, SparkFixtures.sweep(sweep, local, null, null).status());

    Path masterLog = tmp.resolve("master.log");
    Process master =
        daemon(
            classPath,
            home,
            masterLog,
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0");
    try {
      int port =
          Integer.parseInt(
              await(
                  master,
                  masterLog,
                  Pattern.compile("Successfully started service 'sparkMaster' on port (\\d+)")));
      String url = "spark://127.0.0.1:" + port;
      Path workerLog = tmp.resolve("worker.log");
      Path workDir = tmp.resolve("work");
      Process worker =
          daemon(
              classPath,
              home,
              workerLog,
              "org.apache.spark.deploy.worker.Worker",
              url,
              "--host",
              "127.0.0.1",
              "--port",
              "0",
              "--webui-port",
              "0",
              "--cores",
              "1",
              "--memory",
              "1g",
              "--work-dir",
              workDir.toString());
      try {
        await(worker, workerLog, Pattern.compile("(Successfully registered with master)"));
        SparkConf conf =
            SparkSweepEngine.conf(url, 1, "govsim standalone test")
                .set("spark.executor.memory", "512m")
                .set("spark.cores.max", "1")
                .set("spark.executor.extraClassPath", classPath);
        Path out = tmp.resolve("cluster");
        SparkFixtures.Run r =
            SparkFixtures.sweep(sweep, out, new SparkSweepEngine(conf, AttemptHook.NONE), null);
        assertEquals(
            SweepExecution.Status.OK,
            r.status(),
            r.err() + "\n--- worker log:\n" + Files.readString(workerLog));
        SparkFixtures.assertSameResults(out, local);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"spark_master\": \"" + url + "\""), manifest);
        try (Stream<Path> apps = Files.list(workDir)) {
          assertTrue(
              apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")),
              "the worker launched an executor for the sweep");
        }
        try (Stream<Path> files = Files.walk(workDir)) {
          assertFalse(
              files.anyMatch(
                  f ->
                      f.getFileName().toString().equals("results")
                          || f.getFileName().toString().endsWith(".csv")),
              "executors write no results");
        }
      } finally {
        stop(worker);
      }
    } finally {
      stop(master);
    }
  }

  /** Starts a Spark daemon in its own JVM, on loopback, its output in log. */
  private static Process daemon(
      String classPath, Path home, Path log, String mainClass, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dspark.master.rest.enabled=false",
                "-Dlog4j2.configurationFile=" + home.resolve("conf/log4j2.properties"),
                "-cp",
                classPath,
                mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
    return pb.start();
  }

  /** Waits for a line of the daemon's log to match; returns the pattern's first group. */
  private static String await(Process p, Path log, Pattern line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        Matcher m = line.matcher(Files.readString(log));
        if (m.find()) return m.group(1);
      }
      if (!p.isAlive())
        fail("the Spark daemon exited with " + p.exitValue() + ":\n" + Files.readString(log));
      Thread.sleep(100);
    }
    fail(
        "no '"
            + line
            + "' from the Spark daemon within "
            + START_TIMEOUT_SECONDS
            + " s:\n"
            + Files.readString(log));
    return null;
  }

  /** Stops a daemon and whatever it started (executors), by process id. */
  private static void stop(Process p) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle c : children) {
      c.destroy();
      try {
        c.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        c.destroyForcibly();
      }
    }
  }
}
