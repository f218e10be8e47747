package govsim.gui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child-JVM program of {@link GuiExportTest}: opens the real Console on a scenario, edits it in the
 * Model tab (switching cost, regime, seed), saves it through the Scenario menu's code path, plays
 * the whole run while exporting the movie, then exports the first chart as CSV, SVG and PNG. Writes
 * SAVED, and into OUT: gui-run.txt (the GUI's recorded rows and events), movie/, chart.*, and
 * probe.txt (frame and step counts).
 *
 * <p>Arguments: {@code OUT SCENARIO SAVED [STEPS]} (STEPS: how many steps to play, by default the
 * whole horizon; docs/images/ was made with {@code docs/images scenarios/baseline.yaml
 * docs/images/saved-scenario.yaml 40}).
 */
public final class GuiExportProbe {
  private GuiExportProbe() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    ScenarioSession session = ScenarioSession.open(Path.of(args[1]), List.of());
    GuiProbe.Capture capture = new GuiProbe.Capture();
    GuiLauncher.Opened gui = GuiLauncher.open(session, capture);
    String saved =
        GuiLauncher.onSwing(
            () -> {
              ModelParameters tab = (ModelParameters) gui.gui().getSimulationInspectedObject();
              tab.setSwitchingCostMean(0.5);
              tab.setRegime(ModelParameters.REGIMES.indexOf("distributed"));
              tab.setSeed(9);
              return session.save(Path.of(args[2])).orElse("ok");
            });
    String started =
        GuiLauncher.onSwing(() -> gui.gui().startMovie(out.resolve("movie")).orElse("ok"));
    capture.mark("run 1");
    long play = args.length > 3 ? Long.parseLong(args[3]) : session.spec().time().steps();
    GuiLauncher.play(gui, play);
    int frames = GuiLauncher.onSwing(() -> gui.gui().movieFrames());
    long steps = GuiLauncher.stepsPlayed(gui);
    GuiLauncher.onSwing(
        () -> {
          gui.gui().stopMovie();
          MetricCharts charts = gui.gui().charts();
          for (String kind : new String[] {"csv", "svg", "png"}) {
            charts.export(0, kind, out.resolve("chart." + kind));
          }
          Files.writeString(out.resolve("chart-name.txt"), charts.fileName(0));
          return null;
        });
    GuiLauncher.close(gui);
    Files.write(out.resolve("gui-run.txt"), capture.lines(), StandardCharsets.UTF_8);
    Files.write(
        out.resolve("probe.txt"),
        List.of("saved " + saved, "movie " + started, "frames " + frames, "steps " + steps),
        StandardCharsets.UTF_8);
    System.exit(0);
  }
}
