package govsim.experiment.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.observe.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step-length study's statistics on hand-made comparison outputs. */
class StepLengthStudyTest {
  @TempDir Path tmp;

  /**
   * x = {1, 2, 3}: mean 2, var/n = 1/3; y = {2, 4, 6, 8}: mean 5, var/n = (20/3)/4 = 5/3. se =
   * sqrt(2); Welch df = 2^2 / ((1/3)^2/2 + (5/3)^2/3) = 4.0755, floored to 4, t = 2.776445;
   * interval -3 -+ 2.776445 sqrt(2) = [-6.926, 0.926]: contains 0, agrees.
   */
  @Test
  void welchIntervalOfTheDifference() {
    double[] d = StepLengthStudy.welch(new double[] {1, 2, 3}, new double[] {2, 4, 6, 8});
    assertEquals(-3.0, d[0], 1e-12);
    double half = 2.7764451051977987 * Math.sqrt(2);
    assertEquals(-3 - half, d[1], 1e-9);
    assertEquals(-3 + half, d[2], 1e-9);
    assertEquals(3, d[3]);
    assertTrue(StepLengthStudy.agrees(d));
    double[] far = StepLengthStudy.welch(new double[] {11, 12, 13}, new double[] {1, 2, 3});
    assertFalse(StepLengthStudy.agrees(far), "10 apart with sd 1: the interval excludes 0");
    double[] none = StepLengthStudy.welch(new double[] {Double.NaN}, new double[] {Double.NaN});
    assertTrue(StepLengthStudy.agrees(none), "undefined at both steps");
    assertFalse(
        StepLengthStudy.agrees(
            StepLengthStudy.welch(new double[] {Double.NaN}, new double[] {1, 2})),
        "undefined at one step, defined at the other");
  }

  /**
   * harm_total in the hybrid regime: {1, 2, 3} at dt 0.25 and 1, {1.5, 2.5, 3.5} at dt 2 (a shift
   * of 0.5, sd 1: interval contains 0), {11, 12, 13} at dt 7. It agrees up to dt 2. At dt 0.5 it
   * would agree too, but a disagreement there ends the run: the largest step is contiguous.
   */
  @Test
  void theLargestAgreeingStepIsContiguousFromTheReference() throws Exception {
    Map<Double, Path> runs = new TreeMap<>();
    runs.put(0.25, write("a", new double[] {1, 2, 3}));
    runs.put(1.0, write("b", new double[] {1, 2, 3}));
    runs.put(2.0, write("c", new double[] {1.5, 2.5, 3.5}));
    runs.put(7.0, write("d", new double[] {11, 12, 13}));
    StepLengthStudy.Row row = hybridHarm(StepLengthStudy.measure(runs));
    assertEquals(2.0, row.refMean(), 1e-12);
    assertEquals(2.0, row.largestAgreeingDt());
    assertEquals(0.5, row.diffByDt().get(2.0)[0], 1e-12);
    assertEquals(10.0, row.diffByDt().get(7.0)[0], 1e-12);
    runs.put(0.5, write("e", new double[] {21, 22, 23}));
    assertEquals(0.25, hybridHarm(StepLengthStudy.measure(runs)).largestAgreeingDt());
  }

  private static StepLengthStudy.Row hybridHarm(List<StepLengthStudy.Row> rows) {
    return rows.stream()
        .filter(r -> r.metric().equals("harm_total") && r.regime().equals("hybrid"))
        .findFirst()
        .orElseThrow();
  }

  /** A runs.csv with three hybrid runs whose harm_total is given; other metrics empty. */
  private Path write(String name, double[] harm) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("regime,replication,seed,status," + String.join(",", Metrics.RUN_NAMES) + ",error");
    for (int i = 0; i < harm.length; i++) {
      StringBuilder row = new StringBuilder("hybrid," + i + "," + i + ",ok");
      for (String m : Metrics.RUN_NAMES)
        row.append(',').append(m.equals("harm_total") ? harm[i] : "");
      lines.add(row.append(',').toString());
    }
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    return Files.write(dir.resolve("runs.csv"), lines);
  }
}
