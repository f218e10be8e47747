package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepBenchTest {
  @TempDir Path tmp;

  @Test
  void measuresRunsPerMinuteAndSetUpWithoutWritingAnything() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    SweepBench.Measurement m = SweepBench.measure(sweep, 2, 6, 2);
    assertEquals(6, m.runs());
    assertEquals(2, m.threads());
    assertEquals(0, m.failed());
    assertTrue(m.runsPerMinute() > 0 && m.wallSeconds() > 0, m.toString());
    assertTrue(m.setupMillisMean() >= 0 && m.setupMillisMean() < 5000, m.toString());
    assertEquals(16, SweepBench.measure(sweep, 1).runs());
    try (var files = java.nio.file.Files.list(tmp)) {
      assertEquals(2, files.count(), "only the sweep and scenario files");
    }
  }
}
