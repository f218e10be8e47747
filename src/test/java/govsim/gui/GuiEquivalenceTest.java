package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.Main;
import govsim.experiment.SingleRun;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.observe.Num;
import govsim.observe.RunListener;
import govsim.world.WorldEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GUI never changes results (issue 5, item 4): a run played through MASON's Console, with the
 * network display, charts and event panel updating after every step, records the same rows and
 * events, double for double, as {@code govsim run}'s {@link SingleRun} with the same scenario and
 * seed; so does a second start after a Model-tab change (which must take effect then), and a replay
 * of a run folder reproduces the folder's timeseries.csv.
 *
 * <p>These need a display: the GUI runs in a child JVM (see {@link GuiTestSupport}).
 */
class GuiEquivalenceTest {
  @Test
  void aRunPlayedInTheConsoleIsTheRunGovsimRunMakes(@TempDir Path tmp) throws Exception {
    GuiTestSupport.assumeDisplay();
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Path out = tmp.resolve("gui-runs.txt");
    GuiTestSupport.Child c =
        GuiTestSupport.java(
            Map.of(),
            GuiProbe.class.getName(),
            out.toString(),
            scenario.toString(),
            "--then",
            ModelParameters.SWITCHING_COST + "=0.5");
    assertEquals(0, c.exit(), c.all());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    List<List<String>> runs = runs(lines);
    assertEquals(2, runs.size(), "two runs played");

    ModelSpec spec = Scenarios.load(scenario, List.of()).config();
    long steps = spec.time().steps();
    List<String> expected = recorded(spec);
    assertEquals(expected.size(), runs.get(0).size());
    assertEquals(expected, runs.get(0), "first run: GUI rows and events equal govsim run's");
    assertTrue(lines.contains("played " + steps), "the Console played the whole horizon");
    assertTrue(
        lines.contains(
            "menu Scenario: Load scenario file..., Replay run folder..., Save scenario..."),
        "the Scenario menu");
    assertTrue(lines.contains("chart points " + steps), "every recorded row reached the charts");
    assertTrue(
        lines.contains("network shows the run true"),
        "the network follows the run, not the set-up preview it showed before start");
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("event ") && l.contains("|outcry|")),
        "the small scenario has outcries to flash");

    ModelSpec changed =
        Scenarios.load(scenario, List.of(ModelParameters.SWITCHING_COST + "=0.5")).config();
    assertEquals(
        recorded(changed),
        runs.get(1),
        "second start: the Model-tab change applies, nothing else differs");
    assertNotEquals(runs.get(0), runs.get(1), "the change made a difference");
  }

  @Test
  void theGuiStateRecordsWhatGovsimRunRecordsEvenWithoutWindows(@TempDir Path tmp)
      throws Exception {
    // The same comparison without a display: the GUIState's own scheduling (recorder, network
    // updates, hand-over to Swing, the stop at the horizon), stepped as the Console steps it.
    ScenarioSession session = ScenarioSession.open(GuiTestSupport.smallScenario(tmp), List.of());
    GuiProbe.Capture capture = new GuiProbe.Capture();
    GovSimWithUI gui = new GovSimWithUI(session, capture);
    gui.start();
    long steps = 0;
    while (gui.step()) steps++;
    gui.finish();
    assertEquals(session.spec().time().steps(), steps, "the run ends at the horizon");
    assertEquals(recorded(session.spec()), capture.lines());
    assertEquals(gui.model().world().firms.size(), gui.network().firms().size(), "a node per firm");
  }

  @Test
  void replayOfARunFolderReproducesItsTimeSeries(@TempDir Path tmp) throws Exception {
    GuiTestSupport.assumeDisplay();
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Path runDir = tmp.resolve("run");
    assertEquals(
        0,
        Main.execute(
            "run", scenario.toString(), "--seed", "5", "--out", runDir.toString(), "--quiet"));
    Path out = tmp.resolve("replay.txt");
    GuiTestSupport.Child c =
        GuiTestSupport.java(
            Map.of(), GuiProbe.class.getName(), out.toString(), "--replay", runDir.toString());
    assertEquals(0, c.exit(), c.all());
    List<String> csv = Files.readAllLines(runDir.resolve("timeseries.csv"), StandardCharsets.UTF_8);
    List<String> replayed = new ArrayList<>();
    for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      if (l.startsWith("row ")) replayed.add(csvLine(l));
    }
    assertEquals(
        csv.subList(1, csv.size()),
        replayed,
        "replayed rows, formatted as timeseries.csv, equal the file");
  }

  /** Splits the probe's lines into runs of rows and events (markers dropped). */
  static List<List<String>> runs(List<String> lines) {
    List<List<String>> runs = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("run ")) {
        runs.add(new ArrayList<>());
      } else if (l.startsWith("row ") || l.startsWith("event ")) {
        runs.get(runs.size() - 1).add(l);
      }
    }
    return runs;
  }

  /** What SingleRun (govsim run's engine) records, in the probe's format. */
  static List<String> recorded(ModelSpec spec) {
    List<String> lines = new ArrayList<>();
    SingleRun.run(
        spec,
        new RunListener() {
          @Override
          public void row(double[] row) {
            lines.add(GuiProbe.rowLine(row));
          }

          @Override
          public void event(WorldEvent e) {
            lines.add(GuiProbe.eventLine(e));
          }
        });
    return lines;
  }

  private static String csvLine(String probeRow) {
    StringJoiner j = new StringJoiner(",");
    for (String hex : probeRow.substring(4).split(",")) j.add(Num.format(Double.parseDouble(hex)));
    return j.toString();
  }
}
