package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal: exact round trip, torn tails discarded, later records supersede earlier ones. */
class RunJournalTest {
  @TempDir Path tmp;

  private static RunRecord ok(int run) {
    return new RunRecord(
        run,
        true,
        1000 + run,
        0.5,
        0.25,
        "",
        new double[] {run, Double.NaN, 0.1 + run},
        List.of(new double[] {0, 1, 2.5}, new double[] {1, 2, Double.NaN}));
  }

  @Test
  void recordsRoundTripExactly() throws IOException {
    Path f = tmp.resolve("journal");
    try (RunJournal j = RunJournal.open(f, 5)) {
      j.append(ok(3));
      j.append(
          new RunRecord(
              1,
              false,
              7,
              0.1,
              Double.NaN,
              "IllegalStateException: boom",
              new double[0],
              List.of()));
    }
    try (RunJournal j = RunJournal.open(f, 5)) {
      assertEquals(2, j.done());
      assertEquals(1, j.failures());
      assertTrue(j.isDone(3) && !j.isFailed(3));
      assertTrue(j.isFailed(1));
      assertFalse(j.isDone(0));
      RunRecord r = j.read(3);
      assertEquals(1003, r.seed());
      assertArrayEquals(ok(3).summary(), r.summary());
      assertArrayEquals(ok(3).rows().get(1), r.rows().get(1));
      assertEquals("IllegalStateException: boom", j.read(1).error());
    }
  }

  @Test
  void aTornRecordAtTheEndIsDiscarded() throws IOException {
    Path f = tmp.resolve("journal");
    try (RunJournal j = RunJournal.open(f, 5)) {
      j.append(ok(0));
      j.append(ok(1));
    }
    long whole = Files.size(f);
    byte[] third = RunJournal.encode(ok(2));
    // What a kill during a write can leave: a header and part of the payload.
    byte[] torn = Arrays.copyOf(new byte[12 + third.length], 12 + third.length / 2);
    java.nio.ByteBuffer.wrap(torn).putInt(0x47535731).putInt(third.length).putInt(0);
    Files.write(f, torn, StandardOpenOption.APPEND);
    try (RunJournal j = RunJournal.open(f, 5)) {
      assertEquals(2, j.done());
      assertEquals(torn.length, j.truncatedBytes());
      assertFalse(j.isDone(2));
      j.append(ok(2));
    }
    assertTrue(Files.size(f) > whole);
    try (RunJournal j = RunJournal.open(f, 5)) {
      assertEquals(3, j.done());
      assertEquals(0, j.truncatedBytes());
    }
  }

  @Test
  void aRetriedRunSupersedesItsFailure() throws IOException {
    Path f = tmp.resolve("journal");
    try (RunJournal j = RunJournal.open(f, 2)) {
      j.append(new RunRecord(0, false, 5, 0.1, Double.NaN, "boom", new double[0], List.of()));
      assertEquals(1, j.failures());
      j.append(ok(0));
      assertEquals(0, j.failures());
      assertEquals(1, j.done());
    }
    try (RunJournal j = RunJournal.open(f, 2)) {
      assertTrue(j.read(0).ok());
    }
  }

  @Test
  void aJournalOfABiggerSweepIsRefused() throws IOException {
    Path f = tmp.resolve("journal");
    try (RunJournal j = RunJournal.open(f, 10)) {
      j.append(ok(7));
    }
    assertThrows(IOException.class, () -> RunJournal.open(f, 5));
  }
}
