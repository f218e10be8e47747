package govsim.cli;

import govsim.experiment.validation.StepLengthStudy;
import govsim.model.ModelSpec;
import govsim.observe.Num;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `govsim validate`: check a scenario file without running it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a scenario file without running it.",
      "",
      "Checks the file, its extends chain and any --set overrides. Every problem is listed with"
          + " file:line:column and key path; exit code 2 if there is any. Warns (exit code 0) when"
          + " dt_days is longer than the largest step at which the step-length study found every"
          + " headline metric of the regime in agreement with dt_days 0.25 (docs/validation.md,"
          + " \"Step length\")."
    })
final class ValidateCommand implements Callable<Integer> {
  @Mixin ScenarioInput input;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      ScenarioLoader.Loaded<ModelSpec> loaded = input.load();
      ModelSpec m = loaded.config();
      spec.commandLine()
          .getOut()
          .printf(
              "%s: valid (scenario '%s', regime %s, %d steps of %s days, %d users, %d firms)%n",
              input.scenario,
              m.name(),
              m.regime().yamlName(),
              m.time().steps(),
              govsim.observe.Num.format(m.time().dtDays()),
              m.users().count(),
              m.firms().count());
      warnAboutStepLength(m);
      return 0;
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.format());
      return Main.BAD_INPUT;
    }
  }

  /**
   * A warning (not an error) when dt_days is longer than the largest step at which every measured
   * headline metric of the scenario's regime agreed with dt = 0.25 (docs/validation.md, "Step
   * length").
   */
  private void warnAboutStepLength(ModelSpec m) {
    double dt = m.time().dtDays();
    java.util.Map<String, Double> largest = StepLengthStudy.largestAgreeing(m.regime());
    java.util.List<String> beyond = new java.util.ArrayList<>();
    double safe = Double.POSITIVE_INFINITY;
    for (java.util.Map.Entry<String, Double> e : largest.entrySet()) {
      safe = Math.min(safe, e.getValue());
      if (dt > e.getValue() + 1e-9)
        beyond.add(e.getKey() + " (agrees up to " + Num.format(e.getValue()) + ")");
    }
    if (beyond.isEmpty()) return;
    spec.commandLine()
        .getErr()
        .printf(
            "warning: dt_days %s is longer than %s days, the largest step at which every headline"
                + " metric of the %s regime agreed with dt = 0.25 in the step-length study"
                + " (docs/validation.md); beyond it: %s%n",
            Num.format(dt), Num.format(safe), m.regime().yamlName(), String.join(", ", beyond));
  }
}
