package govsim.cli;

import govsim.model.Scenarios;
import govsim.scenario.Schema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `govsim describe`: every scenario key with its type, default, unit, range and meaning, then every
 * output metric (from the metric catalogue).
 */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "List every scenario key (default, unit, range) and every output metric.",
      "",
      "Type, default, unit, allowed range, meaning and source of every key; then the columns of"
          + " timeseries.csv and summary.csv: unit, bounds, how each summary metric aggregates the"
          + " run, and when a value is undefined (an empty cell). Generated from the parameter and"
          + " metric declarations, so it is always in step with the code."
    })
final class DescribeCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Machine-readable JSON.")
  boolean json;

  @Option(names = "--markdown", description = "Markdown tables (as in docs/ODD.md).")
  boolean markdown;

  @Option(
      names = "--update",
      paramLabel = "FILE",
      description =
          "With --markdown: replace the generated parameter, metric and event tables of FILE (e.g. docs/ODD.md).")
  java.nio.file.Path update;

  @Spec CommandSpec spec;

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
        String updated =
            OddDocument.withStreams(
                OddDocument.withEvents(
                    OddDocument.withMetrics(OddDocument.withParameters(doc, schema.toMarkdown()))));
        govsim.io.OutputFolder.writeAtomically(update, updated);
        spec.commandLine()
            .getOut()
            .println(
                "govsim: updated the parameter, metric, event and random-stream tables of "
                    + update);
        return 0;
      } catch (java.io.IOException | IllegalArgumentException e) {
        spec.commandLine()
            .getErr()
            .println("govsim describe: cannot update " + update + ": " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    String text =
        json
            ? withMetrics(schema.toJson())
            : markdown
                ? schema.toMarkdown() + "\n" + MetricsDescription.toMarkdown()
                : schema.toText() + MetricsDescription.toText();
    spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The schema's JSON with a "metrics" member added. */
  private static String withMetrics(String schemaJson) {
    com.google.gson.JsonObject o =
        com.google.gson.JsonParser.parseString(schemaJson).getAsJsonObject();
    o.add("metrics", MetricsDescription.toJson());
    return new com.google.gson.GsonBuilder()
        .setPrettyPrinting()
        .serializeNulls()
        .disableHtmlEscaping()
        .create()
        .toJson(o);
  }
}
