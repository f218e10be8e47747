package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.Main;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govsim gui --replay DIR}: a run folder written by {@code govsim run} reopens with its
 * exact resolved scenario and seed; a folder that is not a run says why and lists the run folders
 * below it. (That the replayed run reproduces the folder's time series is in {@link
 * GuiEquivalenceTest}, which needs a display.)
 */
class ReplayTest {
  @Test
  void aRunFolderReopensWithItsExactScenarioAndSeed(@TempDir Path tmp) throws Exception {
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Path run = tmp.resolve("results/run");
    assertEquals(
        0,
        Main.execute(
            "run",
            scenario.toString(),
            "--seed",
            "42",
            "--set",
            "users.count=3000",
            "--out",
            run.toString(),
            "--quiet"));
    ScenarioSession replay = ScenarioSession.replay(run);
    ModelSpec original = Scenarios.load(scenario, List.of("users.count=3000", "seed=42")).config();
    assertEquals(original, replay.spec());
    assertEquals(42, replay.spec().seed());
    assertTrue(replay.origin().contains("replay of"), replay.origin());

    ScenarioSession other = ScenarioSession.open(scenario, List.of());
    assertTrue(other.loadRunFolder(run).isEmpty(), "the Scenario menu's replay");
    assertEquals(original, other.spec());
  }

  @Test
  void aFolderThatIsNotARunSaysWhyAndListsRunsBelow(@TempDir Path tmp) throws Exception {
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Path sweep = tmp.resolve("sweep");
    assertEquals(
        0,
        Main.execute(
            "run", scenario.toString(), "--out", sweep.resolve("a/seed-1").toString(), "--quiet"));
    RunFolder.NotARunFolder e =
        assertThrows(RunFolder.NotARunFolder.class, () -> ScenarioSession.replay(sweep));
    assertTrue(
        e.getMessage().contains("not a run folder") && e.getMessage().contains("a/seed-1"),
        e.getMessage());

    Files.writeString(sweep.resolve("a/seed-1/manifest.json"), "{\"seed\": \"x\"}");
    e =
        assertThrows(
            RunFolder.NotARunFolder.class, () -> RunFolder.open(sweep.resolve("a/seed-1")));
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
  }
}
