package govsim.cli;

import govsim.gui.GuiLauncher;
import govsim.gui.RunFolder;
import govsim.gui.ScenarioSession;
import govsim.observe.RunListener;
import govsim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `govsim gui`: MASON's Console on a scenario or on a run folder (replay), interactive or scripted
 * (play N steps, save a screenshot, exit). Thin: the GUI lives in govsim.gui.
 */
@Command(
    name = "gui",
    mixinStandardHelpOptions = true,
    description = {
      "Watch a run in MASON's Console (network, charts, events).",
      "",
      "The governance network, live charts, the event log, inspectors on firms, communities and"
          + " regulators, the main parameters in the Model tab and every key, searchable, in the"
          + " Parameters tab.",
      "",
      "With --replay DIR, reopens a run folder written by govsim run (or compare, sweep) with its"
          + " exact resolved scenario and seed. With --steps N --screenshot FILE.png, plays N"
          + " steps, saves one PNG of all windows and exits (works under xvfb-run)."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim gui",
      "  ./govsim gui scenarios/paper/yuanbao-backlash.yaml --seed 3",
      "  ./govsim gui --replay results/baseline/seed-1",
      "  xvfb-run -a ./govsim gui scenarios/baseline.yaml --steps 365 \\",
      "      --screenshot gui.png",
      "  xvfb-run -a ./govsim gui --steps 30 --screenshot params.png --tab parameters",
      "",
      "Exit codes: 0 success, 2 bad input, 1 no display or failure."
    })
public final class GuiCommand implements Callable<Integer> {
  /** The scenario opened when none is given. */
  public static final Path DEFAULT_SCENARIO = Path.of("scenarios", "baseline.yaml");

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      description = "Scenario YAML file (default: scenarios/baseline.yaml).")
  Path scenario;

  @Option(
      names = "--replay",
      paramLabel = "DIR",
      description =
          "Reopen a run folder (scenario.resolved.yaml + manifest.json) with its exact scenario and seed.")
  Path replay;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one key, e.g. --set regime=centralized. Repeatable; validated like the file.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      description = "Seed of the run (overrides the scenario's seed).")
  Long seed;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description =
          "Start the run and play N steps (then pause; with --screenshot, save and exit).")
  Long steps;

  @Option(
      names = "--screenshot",
      paramLabel = "FILE.png",
      description =
          "Save one PNG of the Console, network, charts and events, and exit: after --steps N, or"
              + " without it the world at set-up (day 0, not started).")
  Path screenshot;

  /** The Console tabs a screenshot can show. */
  enum Tab {
    model,
    parameters
  }

  @Option(
      names = "--tab",
      paramLabel = "TAB",
      description =
          "Console tab shown in the screenshot: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Tab tab = Tab.model;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (replay != null && (scenario != null || !sets.isEmpty() || seed != null)) {
      err.println("govsim: --replay reopens a run exactly; it takes no SCENARIO, --set or --seed");
      return Main.BAD_INPUT;
    }
    if (steps != null && steps < 0) {
      err.println("govsim: --steps must be 0 or more, not " + steps);
      return Main.BAD_INPUT;
    }
    ScenarioSession session;
    try {
      session =
          replay != null
              ? ScenarioSession.replay(replay)
              : ScenarioSession.open(scenarioFile(), allSets());
    } catch (ScenarioException e) {
      err.println(e.format());
      return Main.BAD_INPUT;
    } catch (RunFolder.NotARunFolder e) {
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    String problem = GuiLauncher.displayProblem();
    if (problem != null) {
      err.println("govsim: " + problem);
      return Main.FAILURE;
    }
    GuiLauncher.Opened gui = GuiLauncher.open(session, RunListener.NONE);
    long total = session.spec().time().steps();
    if (steps != null) {
      long n = steps;
      if (n > total) {
        out.printf("govsim: the scenario ends after %d steps; playing %d%n", total, total);
        n = total;
      }
      GuiLauncher.play(gui, n);
    }
    if (screenshot != null) {
      try {
        GuiLauncher.screenshot(gui, screenshot, tab == Tab.parameters ? "Parameters" : "Model");
      } catch (IOException e) {
        err.println("govsim: cannot write " + screenshot + ": " + e.getMessage());
        GuiLauncher.close(gui);
        return Main.FAILURE;
      }
      if (steps == null) {
        out.printf(
            "govsim: %s at set-up (day 0, not started); screenshot in %s%n",
            session.origin(), screenshot);
      } else {
        out.printf(
            "govsim: %d steps of %s played; screenshot in %s%n",
            GuiLauncher.stepsPlayed(gui), session.origin(), screenshot);
      }
      out.flush();
      GuiLauncher.close(gui);
      return 0;
    }
    try {
      GuiLauncher.awaitClose(gui);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private Path scenarioFile() {
    return scenario != null ? scenario : DEFAULT_SCENARIO;
  }

  private List<String> allSets() {
    List<String> all = new ArrayList<>(sets);
    if (seed != null) all.add("seed=" + seed);
    return all;
  }
}
