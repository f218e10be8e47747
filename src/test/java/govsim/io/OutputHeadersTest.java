package govsim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import govsim.observe.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headers of timeseries.csv and summary.csv are the metric catalogue's names, in its order. */
class OutputHeadersTest {
  @Test
  void timeseriesHeaderEqualsTheCatalogueOrder(@TempDir Path dir) throws Exception {
    OutputFolder folder = OutputFolder.open(dir.resolve("run"), false);
    try (RunWriter writer = new RunWriter(folder, true, false)) {
      writer.row(new double[Metrics.STEP_METRICS.size()]);
    }
    List<String> lines = Files.readAllLines(folder.file("timeseries.csv"));
    assertEquals(String.join(",", Metrics.STEP_NAMES), lines.get(0));
    assertEquals(Metrics.STEP_METRICS.size(), lines.get(1).split(",", -1).length);
    folder.abandon();
  }

  @Test
  void summaryHeaderIsScenarioRegimeSeedThenTheRunMetrics() {
    List<String> header = RunWriter.summaryHeader();
    assertEquals(List.of("scenario", "regime", "seed"), header.subList(0, 3));
    assertEquals(Metrics.RUN_NAMES, header.subList(3, header.size()));
  }
}
