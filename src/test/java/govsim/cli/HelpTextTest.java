package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command's --help as a user reads it: no picocli warning, no line wider than the help width
 * (80 and 100 columns), no hand-wrapped prose for picocli to wrap again; bare govsim, misspelt
 * commands and options, and the short aliases.
 */
class HelpTextTest {
  @TempDir Path tmp;

  /** The help of the root command and of every subcommand, rendered {@code width} columns wide. */
  private static Map<String, String> helps(int width, StringBuilder stderr) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    try {
      // picocli's warnings (e.g. an unescaped % in a description) go to System.err.
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CommandLine root = Main.commandLine(null);
      root.setUsageHelpWidth(width);
      out.put("govsim", usage(root));
      for (var e : root.getSubcommands().entrySet()) out.put(e.getKey(), usage(e.getValue()));
    } finally {
      System.setErr(oldErr);
    }
    stderr.append(err.toString(StandardCharsets.UTF_8));
    return out;
  }

  private static String usage(CommandLine cl) {
    StringWriter w = new StringWriter();
    cl.usage(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void everyHelpIsFreeOfWarningsAndFitsItsWidth() {
    for (int width : new int[] {80, 100}) {
      StringBuilder err = new StringBuilder();
      Map<String, String> helps = helps(width, err);
      assertEquals(Main.commands().size() + 1, helps.size());
      assertEquals("", err.toString(), "nothing on standard error at width " + width);
      for (var e : helps.entrySet()) {
        String text = e.getValue();
        assertFalse(text.contains("picocli"), e.getKey() + ": " + text);
        assertFalse(text.contains("WARN"), e.getKey() + ": " + text);
        assertFalse(text.contains("%n"), e.getKey() + ": unformatted: " + text);
        for (String line : text.split("\n", -1)) {
          assertTrue(
              line.length() <= width,
              e.getKey() + " --help at " + width + " columns: " + line.length() + ": " + line);
        }
      }
    }
  }

  /**
   * Prose is one description element per paragraph (picocli wraps it to the width); only indented
   * lines (lists, examples) are laid out by hand, and those fit 80 columns so they never wrap.
   */
  @Test
  void proseIsNotHandWrapped() {
    CommandLine root = Main.commandLine(null);
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    all.addAll(root.getSubcommands().values());
    for (CommandLine cl : all) {
      var usage = cl.getCommandSpec().usageMessage();
      for (String[] section : new String[][] {usage.description(), usage.footer()}) {
        String previous = "";
        for (String line : section) {
          String name = cl.getCommandName() + ": '" + line + "'";
          if (line.startsWith(" ")) {
            assertTrue(line.length() <= 80, name + " is " + line.length() + " wide");
          } else if (!line.isEmpty() && !previous.isEmpty() && !previous.startsWith(" ")) {
            assertTrue(
                previous.matches(".*[.:?!)]$"),
                name + " continues the hand-wrapped line '" + previous + "'");
          }
          previous = line;
        }
      }
    }
  }

  @Test
  void commandTableMatchesTheCommandsNames() {
    for (var e : Main.commands().entrySet()) {
      CommandLine.Command c =
          e.getValue().get().getClass().getAnnotation(CommandLine.Command.class);
      assertEquals(e.getKey(), c.name());
    }
  }

  @Test
  void bareGovsimPrintsHelpAndExitsTwo() {
    CliTest.Outcome o = CliTest.exec();
    assertEquals(2, o.code());
    assertEquals("", o.out());
    assertTrue(o.err().startsWith("Usage: govsim [-hV] [COMMAND]"), o.err());
    assertTrue(o.err().contains("  completion  "), o.err());
  }

  @Test
  void misspeltCommandsAndOptionsGetSuggestions() {
    CliTest.Outcome cmd = CliTest.exec("compre", "scenarios/baseline.yaml");
    assertEquals(2, cmd.code());
    assertTrue(cmd.err().contains("Did you mean: govsim compare"), cmd.err());
    // A transposition picocli's letter-pair similarity misses: the edit-distance fallback.
    CliTest.Outcome swapped = CliTest.exec("rnu", "scenarios/baseline.yaml");
    assertEquals(2, swapped.code());
    assertTrue(swapped.err().contains("Did you mean: govsim run?"), swapped.err());
    CliTest.Outcome opt = CliTest.exec("validate", "scenarios/baseline.yaml", "--sede", "3");
    assertEquals(2, opt.code());
    assertTrue(opt.err().contains("--seed"), opt.err());
    assertFalse(opt.err().contains("Exception"), opt.err());
    // The unknown option's value is taken for the scenario, and the scenario is left over: only
    // the option is named, so the user's scenario does not look wrong.
    CliTest.Outcome before = CliTest.exec("run", "--sede", "3", "scenarios/baseline.yaml");
    assertEquals(2, before.code());
    assertTrue(before.err().startsWith("govsim: Unknown option: '--sede'\n"), before.err());
    assertTrue(before.err().contains("--seed"), before.err());
    assertFalse(before.err().contains("'scenarios/baseline.yaml'"), before.err());
  }

  @Test
  void shortAliasesWorkOnRun() throws Exception {
    Path out = tmp.resolve("r");
    CliTest.Outcome o =
        CliTest.exec(
            "run",
            "scenarios/bench/market-kernel.yaml",
            "--set",
            "users.count=200",
            "--set",
            "time.horizon_days=3",
            "-s",
            "5",
            "-o",
            out.toString(),
            "--quiet");
    assertEquals(0, o.code(), o.err());
    String resolved = Files.readString(out.resolve("scenario.resolved.yaml"));
    assertTrue(resolved.contains("\nseed: 5"), resolved);
  }

  @Test
  void completionScriptCoversEveryCommand() {
    CliTest.Outcome o = CliTest.exec("completion");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("complete -F _complete_govsim"), o.out());
    for (String name : Main.commands().keySet()) {
      assertTrue(o.out().contains(name), name);
    }
    assertTrue(o.out().contains("--retry-failed"), "sweep's options are completed too");
  }
}
