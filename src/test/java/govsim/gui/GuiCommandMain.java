package govsim.gui;

import govsim.cli.Main;
import java.util.ArrayList;
import java.util.List;

/**
 * Child-JVM entry point of the GUI command tests: {@code govsim gui ARGS} through {@link
 * Main#execute}, as the launcher runs it.
 */
public final class GuiCommandMain {
  private GuiCommandMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    List<String> all = new ArrayList<>();
    all.add("gui");
    all.addAll(List.of(args));
    return Main.execute(all.toArray(new String[0]));
  }
}
