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
    description = {"List every scenario key with its default, unit and range.", "",
        "Type, default, unit, allowed range, meaning and source of every key.",
        "Generated from the parameter declarations, so it is always in step with the code."})
final class DescribeCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Machine-readable JSON.")
  boolean json;

  @Option(names = "--markdown", description = "Markdown tables (as in docs/ODD.md).")
  boolean markdown;

  @Option(names = "--update", paramLabel = "FILE",
      description = "With --markdown: replace the generated parameter and event tables of FILE (e.g. docs/ODD.md).")
  java.nio.file.Path update;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Schema schema = Scenarios.loader().schema();
    if (update != null) {
      if (!markdown || json) {
        spec.commandLine().getErr().println("govsim describe: --update goes with --markdown");
        return Main.BAD_INPUT;
      }
      try {
        String doc = java.nio.file.Files.readString(update);
        String updated = OddDocument.withEvents(OddDocument.withParameters(doc, schema.toMarkdown()));
        govsim.io.OutputFolder.writeAtomically(update, updated);
        spec.commandLine().getOut().println("govsim: updated the parameter and event tables of " + update);
        return 0;
      } catch (java.io.IOException | IllegalArgumentException e) {
        spec.commandLine().getErr().println("govsim describe: cannot update " + update + ": " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    String text = json ? schema.toJson() : markdown ? schema.toMarkdown() : schema.toText();
    spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
