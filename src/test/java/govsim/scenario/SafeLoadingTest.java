package govsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: code-execution tags, alias bombs, deep nesting, huge files. Each must fail quickly
 * with a located error, never run code, hang or exhaust memory.
 */
class SafeLoadingTest {

  private static final Duration FAST = Duration.ofSeconds(5);

  private final ScenarioLoader<TestSpec> loader = TestSpec.loader();

  @TempDir Path dir;

  private ScenarioException fail(String yaml) {
    return assertTimeoutPreemptively(
        FAST,
        () ->
            assertThrows(
                ScenarioException.class, () -> loader.loadString(yaml, "t.yaml", null, List.of())));
  }

  @Test
  void globalTagsAreRejectedAtTheirLocation() {
    ScenarioException e =
        fail(
            "name: ok\nusers: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
    assertEquals(1, e.errors().size(), e.format());
    ScenarioError err = e.errors().get(0);
    assertEquals(2, err.line());
    assertEquals(8, err.column());
    assertEquals("users", err.keyPath(), e.format());
    assertTrue(
        err.message()
            .startsWith(
                "tag !!javax.script.ScriptEngineManager is not allowed here: scenario files hold plain"
                    + " data"),
        err.message());
  }

  @Test
  void localAndUnusualTagsAreRejectedButStandardOnesWork() throws Exception {
    ScenarioException e = fail("name: !foo bar\nseed: !!binary AAAA\nusers: !!set {count: 1}\n");
    assertEquals(
        List.of(1, 2, 3), e.errors().stream().map(ScenarioError::line).toList(), e.format());
    assertTrue(e.errors().get(0).message().startsWith("tag !foo is not allowed"));
    assertTrue(e.errors().get(1).message().startsWith("tag !!binary is not allowed"));
    assertTrue(e.errors().get(2).message().startsWith("tag !!set is not allowed"));

    TestSpec s =
        loader
            .loadString(
                "name: !!str 5\nseed: !!int 7\ndt_days: !!float 2\nusers: !!map {}\n",
                "t.yaml",
                null,
                List.of())
            .config();
    assertEquals("5", s.name());
    assertEquals(7L, s.seed());
    assertEquals(2.0, s.dtDays());

    ScenarioException misfit = fail("seed: !!int abc\n");
    assertEquals(
        "t.yaml:1:7: seed: tag !!int does not fit the value 'abc'",
        misfit.errors().get(0).format());
  }

  @Test
  void globalTagWithUriIsRejected() {
    ScenarioException e = fail("name: !<tag:evil.example,2000:Run> x\n");
    assertEquals(1, e.errors().get(0).line(), e.format());
  }

  @Test
  void billionLaughsFailsFast() {
    StringBuilder sb =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                + "\"lol\",\"lol\",\"lol\"]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'i'; c++) {
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      sb.append("]\n");
      prev = String.valueOf(c);
    }
    ScenarioException e = fail(sb.toString());
    assertEquals(1, e.errors().size(), e.format());
    assertTrue(
        e.errors().get(0).message().contains("alias expansion produces too many values"),
        e.format());
  }

  @Test
  void aliasExpansionBudgetStopsBombsBelowTheAliasLimit() {
    // 20 levels of 2 aliases: 40 aliases (under SnakeYAML's limit of 50) but 2^20 values.
    StringBuilder sb = new StringBuilder("l0: &l0 [x, x]\n");
    for (int i = 1; i <= 20; i++) {
      sb.append("l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [*l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append("]\n");
    }
    ScenarioException e = fail(sb.toString());
    assertEquals(1, e.errors().size(), e.format());
    assertTrue(
        e.errors()
            .get(0)
            .message()
            .startsWith("alias expansion produces too many values (more than 100000)"),
        e.format());
  }

  @Test
  void recursiveAliasDoesNotHang() {
    ScenarioException e = fail("outputs: &a [*a]\n");
    assertTrue(e.errors().get(0).message().contains("nested deeper than 50 levels"), e.format());
  }

  @Test
  void deepNestingFailsFast() {
    ScenarioException e = fail("outputs: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    assertEquals(1, e.errors().size(), e.format());
    assertEquals(
        "t.yaml: lists and mappings are nested deeper than 50 levels", e.errors().get(0).format());
    ScenarioException maps = fail("users: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000));
    assertTrue(maps.errors().get(0).message().contains("nested deeper"), maps.format());
  }

  @Test
  void tooLargeFileIsRefusedBeforeReading() throws Exception {
    Path big = dir.resolve("big.yaml");
    byte[] bytes = new byte[SafeYaml.MAX_BYTES + 1];
    java.util.Arrays.fill(bytes, (byte) '#');
    Files.write(big, bytes);
    ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(big, List.of()));
    assertEquals(
        big
            + ": "
            + big
            + " is 1048577 bytes; the limit for a scenario or sweep file is 1048576 bytes"
            + " (1 MiB)",
        e.errors().get(0).format());

    ScenarioException text = fail("name: " + "x".repeat(SafeYaml.MAX_BYTES) + "\n");
    assertTrue(
        text.errors()
            .get(0)
            .message()
            .contains("the limit for a scenario or sweep file is 1048576"),
        text.format());
  }

  @Test
  void multipleDocumentsAreRejected() {
    ScenarioException e = fail("seed: 1\n---\nseed: 2\n");
    assertTrue(
        e.errors()
            .get(0)
            .message()
            .equals(
                "invalid YAML: expected a single document in the stream, but found another document"),
        e.format());
  }
}
