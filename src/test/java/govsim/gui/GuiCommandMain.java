package govsim.gui;

import govsim.cli.GuiCommand;
import govsim.cli.Main;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Child-JVM entry point of the GUI command tests: {@code govsim gui ARGS} through {@link
 * Main#execute} once the command is registered there, else through picocli directly.
 */
public final class GuiCommandMain {
  private GuiCommandMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    if (new CommandLine(new Main()).getSubcommands().containsKey("gui")) {
      List<String> all = new ArrayList<>();
      all.add("gui");
      all.addAll(List.of(args));
      return Main.execute(all.toArray(new String[0]));
    }
    return new CommandLine(new GuiCommand()).execute(args);
  }
}
