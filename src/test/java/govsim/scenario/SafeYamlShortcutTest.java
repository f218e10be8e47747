package govsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of {@link SafeYaml#parseValue} (one plain word, and {@code []}, read without
 * SnakeYAML) give exactly the tree SnakeYAML's parser gives: same value, text, hints and location,
 * for every default of the model's schema and for words near the edge of the shortcut.
 */
class SafeYamlShortcutTest {
  private static final List<String> EDGE_WORDS =
      List.of(
          "0",
          "0.05",
          "-5",
          "+5",
          "1e-9",
          "1E+3",
          "1_000",
          "0x1F",
          "0o17",
          "017",
          "1.5e300",
          "1e999",
          "true",
          "True",
          "TRUE",
          "yes",
          "No",
          "on",
          "off",
          "y",
          "n",
          "null",
          "Null",
          "NULL",
          "nan",
          "inf",
          "hybrid",
          "laissez_faire",
          "a-b",
          "a.b",
          "a+b",
          "v1.2.3",
          "x_",
          "Z9",
          "12:30",
          "1,000",
          "a b",
          "a#b",
          "a:b",
          ".inf",
          "-.inf",
          ".nan",
          "~",
          "-",
          "[]",
          "[ ]",
          "[1]",
          "{}",
          "'x'",
          "\"x\"",
          "!!str 5",
          "&a x",
          "*a",
          "?",
          "|",
          ">",
          "%x",
          "@x",
          "`x",
          "",
          " 5",
          "5 ",
          "é",
          "1\u00a0");

  private static void assertSame(String text) {
    for (SafeYaml.Locator loc :
        List.of(
            SafeYaml.source("test.yaml"),
            SafeYaml.override("users.count=" + text, 2, "users.count=".length()))) {
      List<ScenarioError> fastErrors = new ArrayList<>();
      List<ScenarioError> slowErrors = new ArrayList<>();
      Located fast = SafeYaml.parseValue(text, loc, fastErrors);
      Located slow = SafeYaml.parseValueWithParser(text, loc, slowErrors);
      assertEquals(slow, fast, "'" + text + "'");
      assertEquals(slowErrors, fastErrors, "'" + text + "'");
    }
  }

  @Test
  void everyDefaultOfTheModelsSchemaReadsAsThroughTheParser() {
    Set<String> defaults = new LinkedHashSet<>();
    for (ParamInfo p : Schema.of(govsim.model.ModelSpec.class).params()) {
      if (!p.defaultText().isEmpty() && !p.defaultText().equals(ParamInfo.REQUIRED)) {
        defaults.add(p.defaultText());
      }
    }
    assertTrue(defaults.size() > 50, "the schema's distinct defaults: " + defaults.size());
    int shortcut = 0;
    for (String d : defaults) {
      assertSame(d);
      if (SafeYaml.plainWord(d) || d.equals("[]")) shortcut++;
    }
    assertTrue(shortcut > defaults.size() / 2, shortcut + " of " + defaults.size());
  }

  @Test
  void wordsNearTheEdgeOfTheShortcutReadAsThroughTheParser() {
    for (String w : EDGE_WORDS) assertSame(w);
  }

  @Test
  void theShortcutTakesOnlyPlainWords() {
    assertTrue(SafeYaml.plainWord("laissez_faire"));
    assertTrue(SafeYaml.plainWord("1e-9"));
    assertTrue(SafeYaml.plainWord("yes"));
    for (String w : List.of("", "-5", ".5", "a b", "a:b", "a,b", "[]", "'a'", "~", "é", "_a")) {
      assertFalse(SafeYaml.plainWord(w), w);
    }
  }
}
