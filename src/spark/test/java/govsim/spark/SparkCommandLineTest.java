package govsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.SweepCommand;
import govsim.experiment.sweep.SparkBridge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code govsim sweep --engine spark} as a user types it: the engine is found through {@link
 * SparkBridge}, starts its own context on loopback with the web UI off, and writes the same bytes
 * as the local engine.
 */
class SparkCommandLineTest {
  @TempDir Path tmp;

  @Test
  void theCommandLineRunsTheSweepOnSparkWithTheSameBytes() throws Exception {
    assertTrue(SparkBridge.available(), "the Spark build has the engine and Spark");
    Path sweep = SparkFixtures.write(tmp);
    Path local = tmp.resolve("local");
    Path spark = tmp.resolve("spark");
    assertEquals(
        0,
        new CommandLine(new SweepCommand())
            .execute(sweep.toString(), "--out", local.toString(), "--quiet", "--threads", "2"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SweepCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code =
        cl.execute(
            sweep.toString(),
            "--out",
            spark.toString(),
            "--engine",
            "spark",
            "--master",
            "local[2]");
    assertEquals(0, code, err.toString());
    assertTrue(
        err.toString()
            .contains("8 runs (2 points x 2 replications x 2 regimes) on Spark (local[2])"),
        err.toString());
    assertTrue(out.toString().contains("8 runs (8 this session, 0 failed)"), out.toString());
    SparkFixtures.assertSameResults(spark, local);
  }

  @Test
  void onThisMachineTheDriverStaysOnLoopbackAndSparkSubmitSettingsWin() {
    SparkConf local = SparkSweepEngine.conf(null, 3, "app");
    assertEquals("local[3]", local.get("spark.master"));
    assertEquals("127.0.0.1", local.get("spark.driver.host"));
    assertEquals("127.0.0.1", local.get("spark.driver.bindAddress"));
    assertEquals("false", local.get("spark.ui.enabled"));
    assertEquals("app", local.get("spark.app.name"));
    SparkConf standalone = SparkSweepEngine.conf("spark://127.0.0.1:7077", 1, "app");
    assertEquals("127.0.0.1", standalone.get("spark.driver.host"));
    SparkConf cluster = SparkSweepEngine.conf("spark://cluster.example.org:7077", 1, "app");
    assertFalse(
        cluster.contains("spark.driver.host"), "on a cluster the executors must reach the driver");
    assertFalse(cluster.contains("spark.ui.enabled"));
    assertTrue(
        SparkSweepEngine.onThisMachine("local[*]")
            && SparkSweepEngine.onThisMachine("spark://localhost:7077"));
    assertFalse(SparkSweepEngine.onThisMachine("yarn"));
  }
}
