package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.batch.ModelRunner;
import govsim.experiment.sweep.SweepExecution;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 5: Ctrl-C and SIGTERM. Each test starts {@code govsim.cli.Main} in a child JVM with
 * the test's class path, waits until it is writing, sends the signal and checks the one line it
 * prints, the exit code and what it leaves on disk.
 */
class SignalTest {
  @TempDir Path tmp;

  private Process start(Path log, List<String> jvm, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .directory(tmp.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void await(Process p, Path log, BooleanSupplier ready) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!ready.getAsBoolean() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
    assertTrue(p.isAlive(), "the child ended before the signal: " + Files.readString(log));
  }

  private static int exit(Process p) throws Exception {
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not stop");
    return p.exitValue();
  }

  private boolean staging(String name) {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.anyMatch(f -> f.getFileName().toString().startsWith("." + name + ".partial-"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static List<String> stopLines(String log) {
    return log.lines().filter(l -> l.startsWith("govsim: stopped by ")).toList();
  }

  @Test
  @Timeout(60)
  void sigtermStopsARunWithOneLineAndRemovesItsStagingFolder() throws Exception {
    // Before: no message, and the hidden .out.partial-* folder stayed forever.
    Files.writeString(
        tmp.resolve("long.yaml"),
        "name: long\nusers:\n  count: 400000\ntime:\n  horizon_days: 20000\n");
    Path log = tmp.resolve("run.log");
    Process p = start(log, List.of(), "run", "long.yaml", "--out", "out", "--quiet");
    await(p, log, () -> staging("out"));
    Thread.sleep(300);
    p.destroy(); // SIGTERM
    assertEquals(Main.TERMINATED, exit(p), Files.readString(log));
    String text = Files.readString(log);
    assertEquals(
        List.of(
            "govsim: stopped by SIGTERM; nothing was written to out (the run's partial output was"
                + " removed); run the command again"),
        stopLines(text),
        text);
    assertEquals(1, text.strip().lines().count(), text);
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(
          List.of("long.yaml", "run.log"),
          s.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  @Timeout(60)
  void sigintStopsACompareWithOneLineAndExit130() throws Exception {
    Files.writeString(
        tmp.resolve("long.yaml"),
        "name: long\nusers:\n  count: 200000\ntime:\n  horizon_days: 20000\n");
    Path log = tmp.resolve("compare.log");
    Process p =
        start(
            log,
            List.of(),
            "compare",
            "long.yaml",
            "--reps",
            "2",
            "--threads",
            "2",
            "--out",
            "cmp",
            "--quiet");
    await(p, log, () -> staging("cmp"));
    Thread.sleep(300);
    assertEquals(0, new ProcessBuilder("sh", "-c", "kill -INT " + p.pid()).start().waitFor());
    assertEquals(Main.INTERRUPTED, exit(p), Files.readString(log));
    String text = Files.readString(log);
    assertEquals(
        List.of(
            "govsim: stopped by Ctrl-C (SIGINT); nothing was written to cmp (the comparison's partial output was"
                + " removed); run the command again"),
        stopLines(text),
        text);
    assertFalse(staging("cmp"), "no staging folder left");
    assertFalse(Files.exists(tmp.resolve("cmp")));
  }

  @Test
  @Timeout(90)
  void sigtermStopsASweepWhichSaysHowToResumeAndResumesToTheSameBytes() throws Exception {
    Files.writeString(
        tmp.resolve("base.yaml"),
        "name: base\nusers:\n  count: 8000\ntime:\n  horizon_days: 365\n");
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        """
        base: base.yaml
        design: grid
        parameters:
          users.switching_cost_mean: [0.01, 0.5, 1.0]
        replications: 2
        regimes: [centralized]
        seed: 9
        metrics: [harm_total]
        record_every_steps: 30
        """);
    Path log = tmp.resolve("sweep.log");
    Path journal = tmp.resolve("sw/.sweep/journal");
    Process p =
        start(
            log,
            List.of(),
            "sweep",
            "sweep.yaml",
            "--out",
            "sw",
            "--threads",
            "1",
            "--quiet",
            "--no-report");
    await(
        p,
        log,
        () -> {
          try {
            return Files.exists(journal) && Files.size(journal) > 0;
          } catch (java.io.IOException e) {
            return false;
          }
        });
    p.destroy();
    assertEquals(Main.TERMINATED, exit(p), Files.readString(log));
    String text = Files.readString(log);
    assertEquals(
        List.of(
            "govsim: stopped by SIGTERM; every finished run is recorded in the sweep's folder; continue"
                + " with: govsim sweep sweep.yaml --resume --out sw"),
        stopLines(text),
        text);

    StringWriter w = new StringWriter();
    PrintWriter pw = new PrintWriter(w, true);
    assertEquals(
        SweepExecution.Status.OK,
        SweepExecution.execute(
            new SweepExecution.Request(
                sweep, tmp.resolve("sw"), 2, true, false, false, false, true, false, List.of("t")),
            pw,
            pw,
            ModelRunner.SINGLE_RUN),
        w.toString());
    assertEquals(
        SweepExecution.Status.OK,
        SweepExecution.execute(
            new SweepExecution.Request(
                sweep,
                tmp.resolve("ref"),
                2,
                false,
                false,
                false,
                false,
                true,
                false,
                List.of("t")),
            pw,
            pw,
            ModelRunner.SINGLE_RUN),
        w.toString());
    for (String f :
        List.of(
            "runs.csv", "timeseries.csv.gz", "aggregate.csv", "experiments.csv", "outcomes.csv")) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("ref").resolve(f)),
          Files.readAllBytes(tmp.resolve("sw").resolve(f)),
          f);
    }
  }

  @Test
  void anExitThatNoSignalCausedPrintsNothingAndRemovesNothing() throws Exception {
    // The GUI's Quit calls System.exit: the shutdown hook runs, but no "SIGINT/SIGTERM handler"
    // thread is alive.
    assertEquals(null, Interruption.signal());
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    Interruption.process().stop(new java.io.PrintStream(b, true));
    assertEquals("", b.toString());
    assertFalse(Interruption.process().stopping());
  }

  @Test
  @Timeout(60)
  void aRunTooBigForA64MiBHeapIsRefusedWithTheFigure() throws Exception {
    Files.writeString(
        tmp.resolve("big.yaml"),
        "name: big\nusers:\n  count: 5000000\ntime:\n  horizon_days: 30\n");
    Path log = tmp.resolve("big.log");
    Process p = start(log, List.of("-Xmx64m"), "run", "big.yaml", "--out", "big");
    int code = exit(p);
    String text = Files.readString(log).strip();
    assertEquals(Main.FAILURE, code, text);
    // 5,000,000 x 18 bytes + 8 MiB = 98,388,608 bytes = 93.8 MiB, rounded up to 94 MiB.
    assertTrue(
        text.startsWith(
            "govsim: cannot run: the run needs about 94 MiB of memory for its 5,000,000 users (18"
                + " bytes a user plus 8 MiB)"),
        text);
    assertTrue(text.contains("give Java more memory, e.g. GOVSIM_JAVA_OPTS=-Xmx"), text);
    assertEquals(1, text.lines().count(), text);
    assertFalse(Files.exists(tmp.resolve("big")));
  }
}
