package govsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input yields a precise error: source, line, column, key path, message. */
class ScenarioErrorsTest {

  private final ScenarioLoader<TestSpec> loader = TestSpec.loader();

  @TempDir Path dir;

  private ScenarioException fail(String yaml, String... sets) {
    return assertThrows(
        ScenarioException.class, () -> loader.loadString(yaml, "t.yaml", dir, List.of(sets)));
  }

  private ScenarioError only(String yaml) {
    ScenarioException e = fail(yaml);
    assertEquals(1, e.errors().size(), e.format());
    return e.errors().get(0);
  }

  private static void assertError(
      ScenarioError e, int line, int column, String keyPath, String message) {
    assertEquals("t.yaml:" + line + ":" + column + ": " + keyPath + ": " + message, e.format());
  }

  @Test
  void unknownKeySuggestsTheNearestAndListsTheAllowedOnes() {
    assertError(
        only("users:\n  switchng_cost_mean: 2\n"),
        2,
        3,
        "users.switchng_cost_mean",
        "unknown key 'switchng_cost_mean'; did you mean 'switching_cost_mean'? (allowed in"
            + " users: count, switching_cost_mean, min_share, max_share, learning)");
    ScenarioError far = only("colour: red\n");
    assertTrue(
        far.message().startsWith("unknown key 'colour' (allowed at the top level: regime,"),
        far.message());
  }

  @Test
  void wrongTypeNamesWhatWasExpectedAndFound() {
    assertError(
        only("horizon_days: \"5\"\n"),
        1,
        15,
        "horizon_days",
        "expected an integer in [1, 36500] (days), found the string '5'");
    assertError(only("users: 5\n"), 1, 8, "users", "expected a mapping of keys, found 5");
    assertError(
        only("weights: 0.5\n"),
        1,
        10,
        "weights",
        "expected a list of numbers in [0, 1] (share), found 0.5");
    assertError(only("seed:\n"), 1, 6, "seed", "expected an integer, found nothing (null)");
    assertError(only("name: [a]\n"), 1, 7, "name", "expected a string, found a list");
  }

  @Test
  void outOfRangeNamesTheRangeAndUnit() {
    assertError(
        only("users:\n  switching_cost_mean: -1\n"),
        2,
        24,
        "users.switching_cost_mean",
        "expected a number in [0, 10] (utility units), found -1");
    assertError(
        only("weights: [0.5, 1.5]\n"),
        1,
        16,
        "weights[1]",
        "expected a number in [0, 1] (share), found 1.5");
    assertError(
        only("events: [{at_day: 5, targets: [-1]}]\n"),
        1,
        32,
        "events[0].targets[0]",
        "expected an integer >= 0, found -1");
  }

  @Test
  void enumsAreExactWithSuggestion() {
    assertError(
        only("regime: Centralized\n"),
        1,
        9,
        "regime",
        "expected one of centralized, distributed, hybrid, laissez_faire, found 'Centralized':"
            + " did you mean 'centralized'?");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dt_days: .nan    | found .nan: not a finite number",
        "dt_days: .inf    | found .inf: not a finite number",
        "dt_days: -.inf   | found -.inf: not a finite number",
        "dt_days: NaN     | found NaN: not a finite number",
        "dt_days: Infinity | found Infinity: not a finite number",
        "dt_days: 1e999   | found 1e999: not a finite number (too large)",
        "horizon_days: 010 | found 010: YAML 1.1 octal is ambiguous; write 8 or 10",
        "horizon_days: 09 | found 09: a leading zero is ambiguous (YAML 1.1 octal); write 9",
        "horizon_days: 1:30 | found 1:30: YAML 1.1 reads 1:30 as a base-60 number (= 90);"
            + " this is ambiguous, write the plain number you mean",
        "horizon_days: 0x1F | found 0x1F: hexadecimal numbers are not accepted; write 31 in decimal",
        "horizon_days: 1_000 | found 1_000: underscores are not allowed in numbers; write 1000",
        "write_csv: yes   | expected true or false, found 'yes': YAML 1.1 booleans"
            + " (yes/no/on/off/y/n) are not accepted; write true or false",
        "write_csv: off   | expected true or false, found 'off': YAML 1.1 booleans",
        "write_csv: True  | expected true or false, found 'True': write true in lower case",
        "write_csv: 'true' | expected true or false, found the string 'true'",
        "write_csv: 1     | expected true or false, found 1",
      })
  void ambiguousOrNonFiniteScalarsAreRejectedWithAHint(String yaml, String expected) {
    ScenarioError e = only(yaml + "\n");
    assertEquals(1, e.line());
    assertTrue(e.message().contains(expected), e.message());
  }

  @Test
  void ambiguousScalarsAreFineWhereAStringIsExpected() throws Exception {
    TestSpec s =
        loader
            .loadString("name: 010\noutputs: [yes, 1:30, .nan]\n", "t.yaml", null, List.of())
            .config();
    assertEquals("010", s.name());
    assertEquals(List.of("yes", "1:30", ".nan"), s.outputs());
  }

  @Test
  void duplicateKeysAreErrors() {
    assertError(
        only("seed: 1\nname: a\nseed: 2\n"),
        3,
        1,
        "seed",
        "duplicate key 'seed' (first written at line 1)");
    assertError(
        only("users:\n  count: 1\n  count: 2\n"),
        3,
        3,
        "users.count",
        "duplicate key 'count' (first written at line 2)");
  }

  @Test
  void recordConstructorChecksAreReportedAtTheSection() {
    assertError(
        only("name: x\nusers:\n  min_share: 0.8\n  max_share: 0.2\n"),
        2,
        1,
        "users",
        "min_share (0.8) must not exceed max_share (0.2)");
  }

  @Test
  void missingRequiredKeyOfAListElement() {
    assertError(
        only("events:\n  - kind: audit\n"),
        2,
        5,
        "events[0].at_day",
        "missing required key 'at_day' (an integer in [0, 36500] (days))");
  }

  @Test
  void everyErrorIsReportedAtOnceSortedByLine() {
    String yaml =
        "regime: hybird\n" // 1
            + "name: ok\n" // 2
            + "users:\n" // 3
            + "  count: 0\n" // 4
            + "  learning:\n" // 5
            + "    rate: 2\n" // 6
            + "    enabld: true\n" // 7
            + "events:\n" // 8
            + "  - {at_day: -1, kind: ban}\n" // 9
            + "write_csv: no\n"; // 10
    ScenarioException e = fail(yaml);
    List<Integer> lines = e.errors().stream().map(ScenarioError::line).toList();
    assertEquals(List.of(1, 4, 6, 7, 9, 10), lines, e.format());
    List<String> paths = e.errors().stream().map(ScenarioError::keyPath).toList();
    assertEquals(
        List.of(
            "regime",
            "users.count",
            "users.learning.rate",
            "users.learning.enabld",
            "events[0].at_day",
            "write_csv"),
        paths);
    String[] formatted = e.format().split("\n");
    assertEquals(7, formatted.length);
    assertEquals(
        "t.yaml:4:10: users.count: expected an integer in [1, 10000000], found 0", formatted[1]);
    assertEquals("6 errors in t.yaml", formatted[6]);
  }

  @Test
  void errorsFromSeveralSourcesAreSortedBySourceThenLine() throws Exception {
    Files.writeString(dir.resolve("base.yaml"), "seed: x\n");
    ScenarioException e = fail("extends: base.yaml\nname: [1]\n", "users.count=0");
    List<String> sources = e.errors().stream().map(ScenarioError::source).toList();
    assertEquals(List.of("--set", dir.resolve("base.yaml").toString(), "t.yaml"), sources);
  }

  @Test
  void malformedYamlBecomesOneErrorWithAPosition() {
    ScenarioError e = only("users:\n  count: [1, 2\nseed: 3\n");
    assertEquals("t.yaml", e.source());
    assertTrue(e.line() >= 2, e.format());
    assertTrue(e.message().startsWith("invalid YAML: "), e.message());
    ScenarioError tab = only("users:\n\tcount: 5\n");
    assertEquals(2, tab.line());
    assertTrue(tab.message().startsWith("invalid YAML: "), tab.message());
  }

  @Test
  void emptyAndNonMappingDocumentsAreErrors() {
    assertEquals(
        "t.yaml: the scenario is empty; expected a mapping of keys",
        only("# nothing here\n").format());
    assertEquals(
        "t.yaml:1:1: expected a mapping of keys at the top level, found a list",
        only("- a\n").format());
  }

  @Test
  void mergeKeysAreRejected() {
    ScenarioException e = fail("base: &b {count: 1}\nusers:\n  <<: *b\n");
    assertEquals(2, e.errors().size(), e.format());
    assertTrue(e.errors().get(0).message().startsWith("unknown key 'base'"), e.format());
    assertEquals(
        "t.yaml:3:3: users: merge keys (<<) are not supported; use 'extends:' or write"
            + " the values",
        e.errors().get(1).format());
  }

  @Test
  void missingFileNamesThePath() {
    Path missing = dir.resolve("nope.yaml");
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> loader.load(missing, List.of()));
    assertEquals(
        missing + ": cannot read " + missing + ": no such file\n1 error in " + missing, e.format());
  }

  @Test
  void missingParentIsReportedAtTheExtendsLine() {
    ScenarioError e = only("name: x\nextends: gone.yaml\n");
    assertEquals(2, e.line());
    assertEquals(10, e.column());
    assertEquals("extends", e.keyPath());
    assertEquals("cannot read " + dir.resolve("gone.yaml") + ": no such file", e.message());
  }

  @Test
  void extendsCycleNamesTheChain() throws Exception {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, "extends: b.yaml\nname: a\n");
    Files.writeString(b, "name: b\nextends: a.yaml\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(a, List.of()));
    assertEquals(1, e.errors().size(), e.format());
    ScenarioError err = e.errors().get(0);
    assertEquals(b.toString(), err.source());
    assertEquals(2, err.line());
    assertEquals("extends cycle: " + a + " -> " + b + " -> " + a, err.message());

    Files.writeString(a, "extends: a.yaml\n");
    ScenarioException self = assertThrows(ScenarioException.class, () -> loader.load(a, List.of()));
    assertTrue(self.errors().get(0).message().startsWith("extends cycle: "));
  }

  @Test
  void extendsNeedsABaseDirectory() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> loader.loadString("extends: base.yaml\n", "t.yaml", null, List.of()));
    assertEquals(
        "t.yaml:1:10: extends: cannot follow extends: this text has no base directory"
            + " to resolve 'base.yaml' against",
        e.errors().get(0).format());
  }

  @Test
  void emptyFileIsAnError() throws Exception {
    Path f = dir.resolve("empty.yaml");
    Files.writeString(f, "");
    ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(f, List.of()));
    assertEquals(
        f + ": the scenario is empty; expected a mapping of keys\n1 error in " + f, e.format());
  }

  @Test
  void presetMayNotExtendOrContradictItsKey() {
    ScenarioLoader<TestSpec> odd =
        new ScenarioLoader<>(
            TestSpec.class,
            "regime",
            name -> java.util.Optional.of("extends: x.yaml\nregime: hybrid\n"));
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> odd.loadString("regime: centralized\n", "t.yaml", null, List.of()));
    assertEquals(
        List.of(
            "preset:centralized:1:1: extends: a preset may not use extends",
            "preset:centralized:2:9: regime: preset 'centralized' sets regime to 'hybrid'"),
        e.errors().stream().map(ScenarioError::format).toList());
  }

  @Test
  void invalidUtf8IsAnError() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.write(f, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(f, List.of()));
    assertEquals(f + ": not valid UTF-8 text (bad byte at offset 6)", e.errors().get(0).format());
  }

  @Test
  void utf8TextIsRead() throws Exception {
    Path f = dir.resolve("u.yaml");
    Files.write(f, "\uFEFFname: Zürich – 東京\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("Zürich – 東京", loader.load(f, List.of()).config().name());
  }
}
