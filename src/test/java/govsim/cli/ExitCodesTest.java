package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.TinyWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 items 4-6 on the command line: one error path, the README's exit-code table, leftovers.
 */
class ExitCodesTest {
  @TempDir Path tmp;

  private static String[] failure(Throwable t) {
    StringWriter w = new StringWriter();
    int code = Main.failure(t, new PrintWriter(w, true));
    return new String[] {Integer.toString(code), w.toString().strip()};
  }

  @Test
  void oneErrorPathPrintsOneLineWithoutJavaClassNames() {
    String[] io =
        failure(
            new UncheckedIOException(
                "cannot write results/x/runs.csv: No space left on device",
                new IOException("No space left on device")));
    assertEquals("1", io[0]);
    assertEquals(
        "govsim: cannot write results/x/runs.csv: No space left on device; the disk holding the output folder"
            + " is full: free some space, then run the command again",
        io[1]);

    String[] internal = failure(new IllegalStateException("no firm serves jurisdiction 3"));
    assertEquals("1", internal[0]);
    assertEquals(
        "govsim: internal error: no firm serves jurisdiction 3 (set GOVSIM_DEBUG=1 to see the Java stack"
            + " trace, and please report it)",
        internal[1]);

    String[] oom = failure(new OutOfMemoryError("Java heap space"));
    assertEquals("1", oom[0]);
    assertTrue(
        oom[1].startsWith("govsim: ran out of memory (Java heap of ")
            && oom[1].contains("GOVSIM_JAVA_OPTS=-Xmx"),
        oom[1]);

    for (String[] r : List.of(io, internal, oom)) {
      assertEquals(1, r[1].lines().count(), r[1]);
      assertFalse(r[1].matches(".*[A-Z][a-z]+(Exception|Error)\\b.*"), r[1]);
    }
  }

  /** The rows of the README's exit-code table: code -> meaning. */
  private static List<Integer> readmeCodes() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf("## Exit codes");
    assertTrue(at >= 0, "README.md has an 'Exit codes' section");
    List<Integer> codes = new ArrayList<>();
    Matcher m =
        Pattern.compile("(?m)^\\| (\\d+) \\|")
            .matcher(readme.substring(at, readme.indexOf("\n## ", at + 5)));
    while (m.find()) codes.add(Integer.parseInt(m.group(1)));
    return codes;
  }

  @Test
  void theReadmeTableListsExactlyTheCodesTheCommandsUse() throws Exception {
    assertEquals(Main.EXIT_CODES, readmeCodes());
    assertEquals(List.of(0, 1, 2, 3, 130, 143), Main.EXIT_CODES);
    CliTest.Outcome help = CliTest.exec("--help");
    for (int code : Main.EXIT_CODES)
      assertTrue(help.out().contains("  " + code + " "), "help lists " + code);
  }

  @Test
  void compareWithAbsurdRepsIsRefusedWithTheNumberAndTheLimit() throws Exception {
    // Before: an OutOfMemoryError trace (2,147,483,647 seeds allocated up front).
    Path scenario = TinyWorld.scenario(tmp);
    CliTest.Outcome r =
        CliTest.exec(
            "compare",
            scenario.toString(),
            "--reps",
            "2147483647",
            "--out",
            tmp.resolve("c").toString(),
            "--quiet");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "govsim: --reps must be between 1 and 10000, got 2147483647 (a comparison keeps every run's summary"
            + " in memory; for more replications run a sweep, see scenarios/sweeps/README.md)",
        r.err().strip());
    assertFalse(Files.exists(tmp.resolve("c")));

    // Before: 4 x 2147483647 overflowed the batch's window and the comparison ran no run at all.
    CliTest.Outcome t =
        CliTest.exec(
            "compare",
            scenario.toString(),
            "--threads",
            "2147483647",
            "--out",
            tmp.resolve("c").toString(),
            "--quiet");
    assertEquals(2, t.code(), t.err());
    assertEquals("govsim: --threads must be between 1 and 4096, got 2147483647", t.err().strip());
  }

  @Test
  void compareRecordsARunPastItsRunTimeoutAsFailedWithExit3() throws Exception {
    // Before: compare had no --run-timeout (a usage error, exit 2).
    Path scenario = TinyWorld.scenario(tmp, "long.yaml", 2000, 3650);
    Path out = tmp.resolve("c");
    CliTest.Outcome r =
        CliTest.exec(
            "compare",
            scenario.toString(),
            "--regimes",
            "centralized",
            "--reps",
            "2",
            "--run-timeout",
            "1ms",
            "--out",
            out.toString(),
            "--quiet",
            "--no-report");
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("2 of 2 runs failed"), r.err());
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    assertEquals(3, runs.size());
    for (String row : runs.subList(1, 3)) {
      assertTrue(row.startsWith("centralized,") && row.contains(",failed,"), row);
      assertTrue(
          row.matches(
              ".*,exceeded the run time-out of 1 ms at day \\d+ of 3650; rerun it with a larger"
                  + " --run-timeout \\(--retry-failed reruns exactly the failed runs of a sweep\\)$"),
          row);
    }
  }

  @Test
  void stagingFoldersLeftByAKilledRunAreRemovedByTheNextRunIntoTheSamePlace() throws Exception {
    // Before: hidden .out.partial-* folders stayed forever.
    Path scenario = TinyWorld.scenario(tmp);
    Path out = tmp.resolve("out");
    Path killed = Files.createDirectories(tmp.resolve(".out.partial-111"));
    Files.writeString(killed.resolve("timeseries.csv"), "half");
    Files.createFile(
        tmp.resolve(".out.partial-111.lock")); // its lock was released when the process died
    Path old =
        Files.createDirectories(
            tmp.resolve(".out.partial-222")); // an older govsim's, without a lock file
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
    Path live =
        Files.createDirectories(tmp.resolve(".out.partial-333")); // another process is writing it
    Path other = Files.createDirectories(tmp.resolve(".other.partial-444")); // not this target's
    Files.setLastModifiedTime(other, FileTime.from(Instant.now().minusSeconds(3600)));
    try (FileChannel ch =
            FileChannel.open(
                tmp.resolve(".out.partial-333.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        var held = ch.lock()) {
      CliTest.Outcome r =
          CliTest.exec("run", scenario.toString(), "--out", out.toString(), "--quiet");
      assertEquals(0, r.code(), r.err());
      assertFalse(Files.exists(killed), "left by a killed run");
      assertFalse(Files.exists(tmp.resolve(".out.partial-111.lock")));
      assertFalse(Files.exists(old), "left by an older govsim, an hour ago");
      assertTrue(Files.exists(live), "its lock is held: in use");
      assertTrue(Files.exists(other), "another target's");
    }
    try (var s = Files.list(tmp)) {
      assertEquals(
          List.of(
              ".other.partial-444",
              ".out.partial-333",
              ".out.partial-333.lock",
              "out",
              "tiny.yaml"),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          "and the run left no staging or lock of its own");
    }
  }
}
