package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.batch.ModelRunner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-safety guarantee of issue 4: a sweep whose JVM is killed with SIGKILL ({@link
 * Process#destroyForcibly}, i.e. {@code kill -9}) while runs are in flight resumes with {@code
 * --resume}, runs exactly the missing runs, and ends with outputs byte-identical to an
 * uninterrupted sweep. While the child runs, a second sweep on its folder is refused by the lock.
 */
class KillAndResumeTest {
  @TempDir Path tmp;

  /** Complete records in a journal, read without modifying it (the child is still writing). */
  static int completeRecords(Path journal) throws IOException {
    if (!Files.exists(journal)) return 0;
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(journal));
    int n = 0;
    while (b.remaining() >= 12) {
      b.getInt();
      int length = b.getInt();
      b.getInt();
      if (length < 0 || b.remaining() < length) break;
      b.position(b.position() + length);
      n++;
    }
    return n;
  }

  @Test
  void killedSweepResumesToTheSameBytes() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path reference = tmp.resolve("reference");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, reference, 2, ModelRunner.SINGLE_RUN).status());

    Path out = tmp.resolve("killed");
    Path journal = out.resolve(".sweep/journal");
    Path log = tmp.resolve("child.log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlowSweepMain.class.getName(),
                sweep.toString(),
                out.toString(),
                "2",
                "250")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (completeRecords(journal) < 4 && child.isAlive() && System.nanoTime() < deadline)
        Thread.sleep(20);
      assertTrue(
          child.isAlive(),
          "the child finished before it could be killed: " + Files.readString(log));

      SweepFixtures.Run second =
          SweepFixtures.execute(sweep, out, 1, ModelRunner.SINGLE_RUN, "--resume");
      assertEquals(SweepExecution.Status.BAD_INPUT, second.status(), second.err());
      assertTrue(second.err().contains("another govsim sweep is writing"), second.err());
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing, no unlocking by the JVM
      child.waitFor();
    }
    int done = completeRecords(journal);
    assertTrue(done >= 4 && done < 16, "records at the kill: " + done);
    assertTrue(
        !Files.exists(out.resolve("runs.csv")), "outputs are only written when every run is done");

    SweepFixtures.Run resumed =
        SweepFixtures.execute(sweep, out, 1, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.OK, resumed.status(), resumed.err());
    assertTrue(
        resumed
            .err()
            .contains("resuming: " + done + " of 16 runs already done; running " + (16 - done)),
        resumed.err());
    assertTrue(
        resumed.out().contains("16 runs (" + (16 - done) + " this session, 0 failed)"),
        resumed.out());
    SweepRunnerTest.assertSameResults(out, reference);
    assertEquals(
        List.of(
            "aggregate.csv",
            "ema_results.tar.gz",
            "experiments.csv",
            "manifest.json",
            "outcomes.csv",
            "runs.csv",
            "runs.parquet",
            "timeseries.csv.gz",
            "timeseries.parquet",
            "timings.csv"),
        govsim.experiment.TinyWorld.files(out));
  }
}
