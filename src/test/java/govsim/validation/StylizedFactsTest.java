package govsim.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.batch.BatchRunner;
import govsim.experiment.validation.Finding;
import govsim.experiment.validation.GameFacts;
import govsim.experiment.validation.StylizedFacts;
import govsim.experiment.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The stylized facts of MODEL.md §8 (issue 3): each runs its shipped scenario with replications and
 * common random numbers and asserts the claim with its 95% interval; and docs/validation.md must be
 * exactly what `govsim validation --write` produces from the same experiments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StylizedFactsTest {
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final Map<String, Finding> gameFindings = new LinkedHashMap<>();

  @BeforeAll
  void runTheExperiments() throws Exception {
    StylizedFacts facts =
        new StylizedFacts(
            Path.of("scenarios"),
            StylizedFacts.DEFAULT_REPS,
            StylizedFacts.DEFAULT_SEED,
            BatchRunner.defaultThreads());
    for (Finding f : facts.all()) findings.put(f.id(), f);
    GameFacts games =
        new GameFacts(
            Path.of("scenarios"),
            StylizedFacts.DEFAULT_REPS,
            StylizedFacts.DEFAULT_SEED,
            BatchRunner.defaultThreads());
    for (Finding f : games.all()) gameFindings.put(f.id(), f);
  }

  private void assertHolds(String id) {
    Finding f = findings.get(id);
    assertTrue(f.holds(), id + " does not hold:\n" + f.markdown());
  }

  @Test
  void sf1GovernanceGap() {
    assertHolds("SF1");
  }

  @Test
  void sf2TechnologyShock() {
    assertHolds("SF2");
  }

  /**
   * With the named random streams (issue 11 item 1) SF3a no longer holds at the defaults: in one of
   * the 10 replications (seed 8999615027640255) the firm's own review drops the practice on the day
   * it adopts it, before any outcry, so that replication has no backlash revision. Reported as
   * measured, not tuned back.
   */
  @Test
  void sf3BacklashReversalYuanbao() {
    Finding f = findings.get("SF3a");
    assertFalse(f.holds(), f.markdown());
    assertTrue(f.verdict().contains("in some replications it never revised"), f.verdict());
  }

  @Test
  void sf3BacklashReversalTay() {
    assertHolds("SF3b");
  }

  @Test
  void sf4MaliciousActors() {
    assertHolds("SF4");
  }

  @Test
  void sf5Synergy() {
    assertHolds("SF5");
  }

  @Test
  void sf6Innovation() {
    assertHolds("SF6");
  }

  /**
   * Issue 14: the DSAIR thresholds of Han et al. (2020) and the agent-based check of the exact
   * chain.
   */
  @Test
  void g1DsairThresholds() {
    Finding f = gameFindings.get("G1");
    assertTrue(f.holds(), "G1 does not hold:\n" + f.markdown());
  }

  @Test
  void validationDocumentIsInStepWithTheModel() throws Exception {
    String expected =
        ValidationReport.render(
            List.copyOf(findings.values()),
            List.copyOf(gameFindings.values()),
            StylizedFacts.DEFAULT_REPS,
            StylizedFacts.DEFAULT_SEED);
    String actual = Files.readString(Path.of("docs/validation.md"));
    assertTrue(
        actual.equals(expected),
        "docs/validation.md is out of step with the model; regenerate it with\n"
            + "  ./govsim validation --write docs/validation.md\n(first differing line: "
            + firstDiff(expected, actual)
            + ")");
  }

  private static String firstDiff(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) return (i + 1) + ": expected '" + x[i] + "' but found '" + y[i] + "'";
    }
    return "lengths differ";
  }
}
