package govsim.cli;

import govsim.model.Scenarios;
import govsim.scenario.Schema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `govsim describe`: every scenario key with its type, default, unit, range and meaning. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = {"List every scenario key: type, default, unit, allowed range, meaning and source.",
        "Generated from the parameter declarations, so it is always in step with the code."})
final class DescribeCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Machine-readable JSON.")
  boolean json;

  @Option(names = "--markdown", description = "Markdown tables (as in docs/ODD.md).")
  boolean markdown;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Schema schema = Scenarios.loader().schema();
    String text = json ? schema.toJson() : markdown ? schema.toMarkdown() : schema.toText();
    spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
