package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import govsim.model.Scenarios;
import govsim.scenario.ScenarioError;
import govsim.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweep files are read by the scenario loader's reader (govsim.scenario.YamlFile): for each way a
 * file can be unreadable, a scenario and a sweep file give the same one error, in the same words,
 * and a byte-order mark is dropped by both (so line-1 columns agree).
 */
class SweepFileReadingTest {
  @TempDir Path tmp;

  private static final int LIMIT = 1 << 20;

  private ScenarioError scenarioError(Path f) {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> Scenarios.loader().load(f, List.of()));
    assertEquals(1, e.errors().size(), e.format());
    return e.errors().get(0);
  }

  private ScenarioError sweepError(Path f) throws IOException {
    SweepFixtures.write(tmp, "");
    ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFile.load(f));
    assertEquals(1, e.errors().size(), e.format());
    return e.errors().get(0);
  }

  /** Both errors are the one expected, with the file's own name in it. */
  private void assertSame(String expected, Path scenarioFile, Path sweepFile) throws IOException {
    ScenarioError a = scenarioError(scenarioFile);
    ScenarioError b = sweepError(sweepFile);
    assertEquals(
        scenarioFile + ": " + expected.replace("FILE", scenarioFile.toString()), a.format());
    assertEquals(sweepFile + ": " + expected.replace("FILE", sweepFile.toString()), b.format());
  }

  @Test
  void missingFile() throws IOException {
    assertSame("cannot read FILE: no such file", tmp.resolve("a.yaml"), tmp.resolve("b.yaml"));
  }

  @Test
  void directory() throws IOException {
    Path a = Files.createDirectory(tmp.resolve("a.yaml"));
    Path b = Files.createDirectory(tmp.resolve("b.yaml"));
    assertSame("cannot read FILE: it is a directory", a, b);
  }

  @Test
  void invalidUtf8() throws IOException {
    byte[] bad = {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
    Path a = Files.write(tmp.resolve("a.yaml"), bad);
    Path b = Files.write(tmp.resolve("b.yaml"), bad);
    assertSame("not valid UTF-8 text (bad byte at offset 6)", a, b);
  }

  @Test
  void tooLargeBeforeReading() throws IOException {
    byte[] big = "#".repeat(LIMIT + 1).getBytes(StandardCharsets.US_ASCII);
    Path a = Files.write(tmp.resolve("a.yaml"), big);
    Path b = Files.write(tmp.resolve("b.yaml"), big);
    assertSame(
        "FILE is 1048577 bytes; the limit for a scenario or sweep file is 1048576 bytes (1 MiB)",
        a,
        b);
  }

  /**
   * A file that passes the size check and then yields more than the limit is refused once the
   * reader has one byte past the limit: neither read to its end nor accepted cut short. Linux's
   * /proc/kallsyms is such a file, deterministically: a regular file whose size reads as 0 and
   * whose text (the kernel's symbol table, a few MiB) runs past 1 MiB, just as a file still being
   * written would. The sweep reader used to read such a file with no bound.
   */
  @Test
  void aFileThatGrowsPastTheSizeCheckIsRefusedAtTheLimit() throws Exception {
    Path grows = Path.of("/proc/kallsyms");
    assumeTrue(
        Files.isRegularFile(grows)
            && Files.size(grows) == 0
            && Files.isReadable(grows)
            && longerThanTheLimit(grows),
        "needs Linux's /proc/kallsyms, over 1 MiB of text");
    assertSame(
        "FILE is 1048577 bytes; the limit for a scenario or sweep file is 1048576 bytes (1 MiB)",
        grows,
        grows);
  }

  private static boolean longerThanTheLimit(Path p) {
    try (var in = Files.newInputStream(p)) {
      return in.readNBytes(LIMIT + 1).length > LIMIT;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void byteOrderMarkIsDroppedByBoth() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    // A bad value on line 1: the column counts from the first character after the mark.
    Path scenario = tmp.resolve("s.yaml");
    Files.write(scenario, concat(bom, "regime: nonsense\n"));
    ScenarioException se =
        assertThrows(ScenarioException.class, () -> Scenarios.loader().load(scenario, List.of()));
    assertEquals(1, se.errors().get(0).line());
    assertEquals(9, se.errors().get(0).column());

    SweepFixtures.write(tmp, "");
    Path sweep = tmp.resolve("w.yaml");
    Files.write(
        sweep,
        concat(bom, "design: gird\nbase: tiny.yaml\nparameters:\n  users.count: [500, 800]\n"));
    ScenarioException we = assertThrows(ScenarioException.class, () -> SweepFile.load(sweep));
    assertEquals(1, we.errors().size(), we.format());
    assertEquals(1, we.errors().get(0).line());
    assertEquals(9, we.errors().get(0).column());
    assertEquals("design", we.errors().get(0).keyPath());

    // And a valid sweep file with a mark reads as the same file without one.
    Path plain = tmp.resolve("p.yaml");
    String valid = "base: tiny.yaml\ndesign: grid\nparameters:\n  users.count: [500, 800]\n";
    Files.writeString(plain, valid);
    Path marked = tmp.resolve("m.yaml");
    Files.write(marked, concat(bom, valid));
    SweepDefinition p = SweepFile.load(plain);
    SweepDefinition m = SweepFile.load(marked);
    assertEquals(List.of(500L, 800L), m.parameters().get(0).values());
    assertEquals(p.parameters().get(0).values(), m.parameters().get(0).values());
    assertEquals(p.spec(), m.spec());
  }

  private static byte[] concat(byte[] head, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }
}
