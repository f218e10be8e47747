package govsim.cli;

import govsim.model.ModelSpec;
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
          + " file:line:column and key path; exit code 2 if there is any."
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
      return 0;
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.format());
      return Main.BAD_INPUT;
    }
  }
}
