package govsim.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.scenario.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Game files: values read, overrides applied, and every mistake reported with file:line:col and
 * key.
 */
class GameFileTest {
  static final String GOOD =
      "game:\n"
          + "  name: pd\n"
          + "  populations:\n"
          + "    pop: {size: 10, strategies: [C, D]}\n"
          + "  slots: [pop, pop]\n"
          + "  parameters: {b: 3, c: 1}\n"
          + "  payoffs:\n"
          + "    C C: [b - c, b - c]\n"
          + "    C D: [-c, b]\n"
          + "    D C: [b, \"−c\"]\n"
          + "    D D: [0, 0]\n"
          + "  selection_intensity: 0.5\n"
          + "  mutation_rate: 0.01\n";

  static String errors(String yaml, String... sets) {
    ScenarioException e =
        assertThrows(
            ScenarioException.class, () -> GameFile.loadString(yaml, "g.yaml", List.of(sets)));
    return e.format();
  }

  @Test
  void readsTheGameAndEvaluatesEachPayoffOnce() throws Exception {
    Game g = GameFile.loadString(GOOD, "g.yaml", List.of()).game();
    assertEquals(4, g.profileCount());
    assertEquals(2.0, g.payoff(0, 0));
    assertEquals(-1.0, g.payoff(1, 0));
    assertEquals(3.0, g.payoff(1, 1));
    assertEquals(-1.0, g.payoff(2, 1), "the minus sign of papers (U+2212) reads as -");
    assertEquals("D C", g.profileName(2));
    assertEquals(0.5, g.beta());
    assertEquals(10, g.simulation().seeds(), "default replications");
  }

  @Test
  void overridesChangeParametersAndTheirPayoffs() throws Exception {
    Game g =
        GameFile.loadString(
                GOOD, "g.yaml", List.of("game.parameters.b=5", "game.populations.pop.size=20"))
            .game();
    assertEquals(4.0, g.payoff(0, 0));
    assertEquals(20, g.population(0).size());
  }

  @Test
  void functionsAndPowersWork() throws Exception {
    Game g =
        GameFile.loadString(
                GOOD.replace(
                    "D D: [0, 0]",
                    "D D: [\"max(b, c)^2 / 3\", \"min(exp(0), log(1)) + (b×c) ÷ 3\"]"),
                "g.yaml",
                List.of())
            .game();
    assertEquals(3.0, g.payoff(3, 0), 1e-15);
    assertEquals(1.0, g.payoff(3, 1), 1e-15);
  }

  @Test
  void aMissingProfileIsNamed() {
    String m = errors(GOOD.replace("    D D: [0, 0]\n", ""));
    assertTrue(
        m.contains(
            "g.yaml:8:5: game.payoffs: every strategy profile needs its payoffs; missing 1 of 4: 'D D'"),
        m);
  }

  @Test
  void unknownNamesGetTheirLineAndASuggestion() {
    String m =
        errors(
            GOOD.replace("C D: [-c, b]", "C D: [-cc, b]")
                .replace("D D: [0, 0]", "D X: [0, 0]")
                .replace("slots: [pop, pop]", "slots: [pop, pop]\n  slts: 2"));
    assertTrue(
        m.contains(
            "g.yaml:10:11: game.payoffs.C D[0]: unknown name 'cc' in the expression '-cc'; parameters are b, c"),
        m);
    assertTrue(m.contains("did you mean 'c'?"), m);
    assertTrue(
        m.contains(
            "g.yaml:12:5: game.payoffs.D X: in profile 'D X': 'X' is not a strategy of population 'pop' (slot 2)"),
        m);
    assertTrue(
        m.contains(
            "g.yaml:6:3: game.slts: unknown key 'slts' (the keys of game are description, mutation_rate, name, "
                + "parameters, payoffs, populations, selection_intensity, slots, source); did you mean 'slots'?"),
        m);
  }

  @Test
  void expressionErrorsAreReportedNotThrown() {
    String m =
        errors(
            GOOD.replace("C C: [b - c, b - c]", "C C: [\"(b - c\", b / 0]")
                .replace("D D: [0, 0]", "D D: [\"log(-c)\", \"b c\"]"));
    assertTrue(
        m.contains(
            "game.payoffs.C C[0]: cannot read the expression '(b - c': mismatched parentheses"),
        m);
    assertTrue(
        m.contains(
            "game.payoffs.C C[1]: the expression 'b / 0' divides by zero with b = 3.0, c = 1.0"),
        m);
    assertTrue(m.contains("game.payoffs.D D[0]: the expression 'log(-c)' evaluates to NaN"), m);
    assertTrue(
        m.contains("game.payoffs.D D[1]: cannot read the expression 'b c': too many operands"), m);
    assertTrue(m.contains("4 errors in g.yaml"), m);
    assertTrue(!m.contains("Exception"), m);
  }

  @Test
  void anOverrideOfAnUndeclaredParameterIsATypo() {
    String m = errors(GOOD, "game.parameters.bb=4");
    assertTrue(m.contains("--set:1:"), m);
    assertTrue(
        m.contains(
            "game.parameters.bb: unknown parameter 'bb': the file declares b, c; did you mean 'b'?"),
        m);
  }

  @Test
  void structuralMistakes() {
    String m =
        errors(
            GOOD.replace("size: 10", "size: 1")
                .replace("slots: [pop, pop]", "slots: [pop, people]")
                .replace("mutation_rate: 0.01", "mutation_rate: 2"));
    assertTrue(
        m.contains("game.populations.pop.size: expected a whole number in [2, 10000000], found 1"),
        m);
    assertTrue(m.contains("game.mutation_rate: expected a number in [0, 1], found 2"), m);
    String n = errors("name: x\nregime: hybrid\n");
    assertTrue(
        n.startsWith("g.yaml:1:1: missing key 'game'") && n.contains("is this a game file?"), n);
    assertTrue(
        n.endsWith("1 error in g.yaml"), "a scenario file is not picked apart key by key: " + n);
    String v = errors(GOOD, "game.parameters.b=abc");
    assertTrue(v.contains("game.parameters.b: expected a number, found 'abc'"), v);
    assertTrue(v.endsWith("1 error in g.yaml"), "expressions using b are not reported again: " + v);
    String p = errors(GOOD.replace("C D: [-c, b]", "C D: [-c]").replace("C C:", "C  C D:"));
    assertTrue(
        p.contains(
            "game.payoffs.C  C D: a profile names one strategy per slot (2: pop, pop), found 3"),
        p);
    assertTrue(
        p.contains(
            "game.payoffs.C D: expected a list of 2 payoffs, one per slot (pop, pop), found a list with 1 item(s)"),
        p);
  }
}
