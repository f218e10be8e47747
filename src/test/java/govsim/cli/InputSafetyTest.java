package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import govsim.cli.CliTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "reading any file" and the smaller input cases: extends reaches only .yaml/.yml regular
 * files in the scenario's folder tree or the project's scenarios/ (unless --allow-extends-outside),
 * never echoes a parent's contents beyond its first error; a named pipe is refused at once; a file
 * with thousands of errors prints at most 50 of them.
 */
class InputSafetyTest {
  @TempDir Path tmp;

  /** A file outside the scenario's tree that must never be echoed: like /etc/shadow. */
  private Path secret() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("etc"));
    Path f = dir.resolve("shadow");
    Files.writeString(
        f,
        "root:$6$SECRETHASH1:19000:0:99999:7:::\nalice:$6$SECRETHASH2:19000:0:99999:7:::\n"
            + "bob:$6$SECRETHASH3:19000:0:99999:7:::\n");
    return f;
  }

  private Path scenario(String dir, String text) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(dir));
    Path f = d.resolve("s.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void extendsOfAFileThatIsNotYamlIsRefusedWithoutEchoingIt() throws Exception {
    secret();
    Path s = scenario("proj/a/b", "name: x\nextends: ../../../etc/shadow\n");
    Outcome o = CliTest.exec("validate", s.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err()
            .contains(
                s
                    + ":2:10: extends: extends may only name a .yaml or .yml file, found"
                    + " '../../../etc/shadow'"),
        o.err());
    assertFalse(
        o.err().contains("SECRETHASH"), "the target's contents are never printed: " + o.err());
    assertFalse(o.err().contains("root"), o.err());
    // Not even with the scope widened.
    Outcome wide = CliTest.exec("validate", s.toString(), "--allow-extends-outside");
    assertEquals(2, wide.code(), wide.err());
    assertFalse(wide.err().contains("SECRETHASH"), wide.err());
  }

  @Test
  void extendsThroughAYamlLinkToAnotherFileIsRefused() throws Exception {
    Path target = secret();
    Path s = scenario("proj", "name: x\nextends: base.yaml\n");
    Files.createSymbolicLink(s.resolveSibling("base.yaml"), target);
    Outcome o = CliTest.exec("validate", s.toString(), "--allow-extends-outside");
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err()
            .contains("extends may only name a .yaml or .yml file, found 'base.yaml' (a link to "),
        o.err());
    assertFalse(o.err().contains("SECRETHASH"), o.err());
  }

  @Test
  void extendsOutsideTheScenarioTreeNeedsTheFlag() throws Exception {
    Path other = Files.createDirectories(tmp.resolve("elsewhere")).resolve("base.yaml");
    Files.writeString(other, "users:\n  count: 1500\n");
    Path s = scenario("proj/sub", "name: x\nextends: ../../elsewhere/base.yaml\n");
    Outcome o = CliTest.exec("validate", s.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err()
            .contains(
                "extends may only reach files in the scenario's own folder and below it or in the"
                    + " project's scenarios/ folder"),
        o.err());
    assertTrue(o.err().contains("--allow-extends-outside"), o.err());
    assertEquals(0, CliTest.exec("validate", s.toString(), "--allow-extends-outside").code());
  }

  @Test
  void extendsInsideTheScenarioTreeAndTheProjectScenariosFolderStillWork() throws Exception {
    Path base = Files.createDirectories(tmp.resolve("proj/common")).resolve("base.yaml");
    Files.writeString(base, "users:\n  count: 1500\n");
    Path s = scenario("proj", "name: x\nextends: common/base.yaml\n");
    Outcome o = CliTest.exec("validate", s.toString());
    assertEquals(0, o.code(), o.err());
    // The tests run in the repository: its scenarios/ folder is the project's.
    Path shipped = Path.of("scenarios/baseline.yaml").toAbsolutePath();
    Path t = scenario("other", "name: y\nextends: " + shipped + "\n");
    Outcome p = CliTest.exec("validate", t.toString());
    assertEquals(0, p.code(), p.err());
  }

  @Test
  void aParentWithManyBadKeysShowsOnlyItsFirstError() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("outside"));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 30; i++)
      b.append("private_line_").append(i).append(": ").append(i).append('\n');
    Files.writeString(dir.resolve("notes.yaml"), b);
    Path s = scenario("proj", "name: x\nextends: ../outside/notes.yaml\n");
    Outcome o = CliTest.exec("validate", s.toString(), "--allow-extends-outside");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("private_line_0"), "the first offending key is named: " + o.err());
    assertFalse(o.err().contains("private_line_1"), "no further line is echoed: " + o.err());
    assertTrue(
        o.err()
            .contains(
                "29 more errors in this file, reached through extends, not shown; check it on its"
                    + " own with govsim validate"),
        o.err());
  }

  @Test
  void namedPipeAsScenarioOrSweepIsRefusedAtOnce() throws Exception {
    Path fifo = tmp.resolve("pipe.yaml");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return;
    }
    assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
    Outcome o =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> CliTest.exec("validate", fifo.toString()));
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err().contains("it is not a regular file (a named pipe, device or socket)"), o.err());
    Outcome w =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> CliTest.exec("sweep", fifo.toString(), "--dry-run"));
    assertEquals(2, w.code(), w.err());
    assertTrue(w.err().contains("not a regular file (a named pipe, device or socket)"), w.err());
  }

  @Test
  void twentyThousandUnknownKeysPrintFiftyErrorsAndACount() throws Exception {
    StringBuilder b = new StringBuilder("name: x\n");
    for (int i = 0; i < 20_000; i++) b.append("unknown_key_").append(i).append(": 1\n");
    Path s = scenario("proj", b.toString());
    Outcome o = CliTest.exec("validate", s.toString());
    assertEquals(2, o.code());
    long lines = o.err().lines().count();
    assertEquals(52, lines, "50 errors, one line counting the rest, the summary");
    assertTrue(
        o.err().contains("... and 19950 more errors (only the first 50 are shown)"), o.err());
    assertTrue(o.err().contains("20000 errors in " + s), o.err());
    assertTrue(o.err().length() < 20_000, "a screenful, not megabytes: " + o.err().length());
  }

  @Test
  void outputUnderAPlainFileIsRefusedInWordsNotJavaClassNames() throws Exception {
    Path s = scenario("proj", "name: x\nusers: {count: 1500}\ntime: {horizon_days: 30}\n");
    Path file = Files.writeString(tmp.resolve("afile"), "x");
    for (String cmd : new String[] {"run", "compare"}) {
      Outcome o =
          cmd.equals("run")
              ? CliTest.exec(
                  "run", s.toString(), "--out", file.resolve("sub").toString(), "--quiet")
              : CliTest.exec(
                  "compare",
                  s.toString(),
                  "--regimes",
                  "hybrid",
                  "--reps",
                  "2",
                  "--out",
                  file.resolve("sub").toString(),
                  "--quiet");
      assertEquals(2, o.code(), cmd + ": " + o.err());
      assertTrue(
          o.err()
              .contains(
                  file.resolve("sub") + " cannot be created: " + file + " is a file, not a folder"),
          o.err());
      assertFalse(o.err().contains("Exception"), "no Java class names: " + o.err());
    }
  }
}
