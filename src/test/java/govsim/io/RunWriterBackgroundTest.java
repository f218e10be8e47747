package govsim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import govsim.observe.Metrics;
import govsim.world.EventKind;
import govsim.world.WorldEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run writer that formats and writes its rows on a thread of its own ({@link
 * RunWriter#inBackground}) writes the bytes the plain one writes, and a failure on that thread
 * reaches the run's thread.
 */
class RunWriterBackgroundTest {
  @TempDir Path dir;

  private byte[][] write(String name, boolean background) throws Exception {
    OutputFolder folder = OutputFolder.open(dir.resolve(name), false);
    RunWriter writer = new RunWriter(folder, true, true);
    if (background) writer.inBackground();
    Random r = new Random(7);
    int width = Metrics.STEP_METRICS.size();
    for (int step = 0; step < 500; step++) {
      double[] row = new double[width];
      for (int i = 0; i < width; i++) {
        row[i] = i % 7 == 0 ? Double.NaN : i % 5 == 0 ? step : r.nextGaussian() * 1e3;
      }
      writer.row(row);
      if (step % 17 == 0) {
        writer.event(
            new WorldEvent(
                step, step + 1, EventKind.RISK_RETIRED, step % 3, -1, 2, -1, r.nextDouble(), "x"));
      }
    }
    byte[][] partial = writer.partial();
    writer.close();
    byte[][] files = {
      Files.readAllBytes(folder.file("timeseries.csv")),
      Files.readAllBytes(folder.file("events.csv"))
    };
    assertArrayEquals(files[0], partial[0], "partial() waits for every row");
    assertArrayEquals(files[1], partial[1]);
    folder.abandon();
    return files;
  }

  @Test
  void writesTheSameBytesAsThePlainWriter() throws Exception {
    byte[][] plain = write("plain", false);
    byte[][] background = write("background", true);
    assertArrayEquals(plain[0], background[0]);
    assertArrayEquals(plain[1], background[1]);
    assertEquals(501, new String(plain[0]).split("\n").length);
  }

  @Test
  void aFailureOnTheWritersThreadReachesTheRunsThread() throws Exception {
    OutputFolder folder = OutputFolder.open(dir.resolve("bad"), false);
    RunWriter writer = new RunWriter(folder, true, false).inBackground();
    writer.row(new double[3]); // the wrong width: refused on the writer's thread
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, writer::close);
    assertEquals(
        "row has 3 values, header " + Metrics.STEP_METRICS.size(), e.getMessage(), "its message");
    writer.abandon();
    assertFalse(Files.exists(folder.staging()), "abandon removes the staged folder");
  }
}
