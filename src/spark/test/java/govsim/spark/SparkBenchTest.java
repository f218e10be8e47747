package govsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark overhead benchmark of {@code govsim bench} runs, measures, and writes nothing. */
class SparkBenchTest {
  @TempDir Path tmp;

  @Test
  void measuresTheOverheadPerRunWithoutWritingAnything() throws Exception {
    Path sweep = SparkFixtures.write(tmp);
    StringWriter text = new StringWriter();
    govsim.experiment.sweep.SparkBridge.bench(sweep, 2, 8, new PrintWriter(text, true));
    assertTrue(
        text.toString().contains("local engine:    8 runs in")
            && text.toString().contains("Spark engine:    8 runs" + " in")
            && text.toString().contains("Spark's overhead per run:"),
        text.toString());
    SparkBench.Measurement m = new SparkBench.Measurement(10, 2, 1.0, 1.5, 3.0, 4, 2.0);
    assertEquals(50.0, m.overheadMillisPerRun(), 1e-9, "(1.5 s - 1.0 s) / 10 runs");
    try (var files = Files.list(tmp)) {
      assertEquals(2, files.count(), "only the sweep and scenario files");
    }
  }
}
