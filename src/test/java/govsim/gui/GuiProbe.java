package govsim.gui;

import govsim.observe.RunListener;
import govsim.world.WorldEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Child-JVM program of {@link GuiEquivalenceTest}: opens the real Console on a scenario (or a run
 * folder), plays the whole run through it, optionally changes one parameter through the Model tab's
 * bean and plays again from a fresh start, and writes every row and event that the GUI's recorder
 * recorded (doubles as exact hex) plus what the charts and the network received.
 *
 * <p>Arguments: {@code OUT (SCENARIO | --replay DIR) [--then KEY=VALUE]}.
 */
public final class GuiProbe {
  private GuiProbe() {}

  /** Recorded rows and events as exact text lines, in order. */
  static final class Capture implements RunListener {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void row(double[] row) {
      lines.add(rowLine(row));
    }

    @Override
    public synchronized void event(WorldEvent e) {
      lines.add(eventLine(e));
    }

    synchronized void mark(String line) {
      lines.add(line);
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }

  static String rowLine(double[] row) {
    StringJoiner j = new StringJoiner(",", "row ", "");
    for (double v : row) j.add(Double.toHexString(v));
    return j.toString();
  }

  static String eventLine(WorldEvent e) {
    return "event "
        + e.step()
        + "|"
        + Double.toHexString(e.day())
        + "|"
        + e.type().id()
        + "|"
        + e.firm()
        + "|"
        + e.community()
        + "|"
        + e.risk()
        + "|"
        + e.jurisdiction()
        + "|"
        + Double.toHexString(e.value())
        + "|"
        + e.detail();
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int i = 1;
    ScenarioSession session;
    if (args[i].equals("--replay")) {
      session = ScenarioSession.replay(Path.of(args[i + 1]));
      i += 2;
    } else {
      session = ScenarioSession.open(Path.of(args[i]), List.of());
      i += 1;
    }
    String then = i + 1 < args.length && args[i].equals("--then") ? args[i + 1] : null;
    Capture capture = new Capture();
    GuiLauncher.Opened gui = GuiLauncher.open(session, capture);
    capture.mark(GuiLauncher.onSwing(() -> menu(gui.console().getJMenuBar())));
    capture.mark("run 1");
    playAll(gui, session, capture);
    if (then != null) {
      String key = then.substring(0, then.indexOf('='));
      double value = Double.parseDouble(then.substring(then.indexOf('=') + 1));
      GuiLauncher.onSwing(
          () -> {
            gui.console().pressStop();
            // Through the Model tab's bean, as a user's edit would go.
            ModelParameters tab = (ModelParameters) gui.gui().getSimulationInspectedObject();
            if (key.equals(ModelParameters.SWITCHING_COST)) {
              tab.setSwitchingCostMean(value);
            } else {
              throw new IllegalArgumentException(
                  "probe supports only " + ModelParameters.SWITCHING_COST);
            }
            return null;
          });
      capture.mark("run 2");
      playAll(gui, session, capture);
    }
    GuiLauncher.close(gui);
    Files.write(out, capture.lines(), StandardCharsets.UTF_8);
    System.exit(0);
  }

  /** "menu NAME: item, item" for the menu bar's Scenario menu. */
  private static String menu(javax.swing.JMenuBar bar) {
    for (int m = 0; m < bar.getMenuCount(); m++) {
      javax.swing.JMenu menu = bar.getMenu(m);
      if (menu == null || !menu.getText().equals("Scenario")) continue;
      StringJoiner j = new StringJoiner(", ", "menu Scenario: ", "");
      for (int i = 0; i < menu.getItemCount(); i++) j.add(menu.getItem(i).getText());
      return j.toString();
    }
    return "menu Scenario: missing";
  }

  private static void playAll(GuiLauncher.Opened gui, ScenarioSession session, Capture capture) {
    long steps = session.spec().time().steps();
    GuiLauncher.play(gui, steps);
    int[] seen =
        GuiLauncher.onSwing(
            () ->
                new int[] {
                  gui.gui().charts().points(govsim.observe.Metrics.HHI),
                  gui.gui().eventLog().rows(),
                  gui.gui().network().firms().size(),
                  gui.gui().network().world() == gui.gui().model().world() ? 1 : 0
                });
    capture.mark("played " + GuiLauncher.stepsPlayed(gui));
    capture.mark("chart points " + seen[0]);
    capture.mark("network firms " + seen[2]);
    capture.mark("network shows the run " + (seen[3] == 1));
  }
}
