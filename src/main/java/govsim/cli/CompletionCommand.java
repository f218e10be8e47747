package govsim.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `govsim completion`: picocli's bash/zsh completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bash/zsh completion script for govsim: commands, options and file arguments.",
      "",
      "Load it into the current shell with  source <(./govsim completion)  or keep it with "
          + " ./govsim completion > ~/.govsim-completion.bash  and a line  source"
          + " ~/.govsim-completion.bash  in ~/.bashrc (zsh: run  autoload -U +X bashcompinit &&"
          + " bashcompinit  first). It completes govsim, ./govsim and any other path to the"
          + " launcher."
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("govsim", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return Main.OK;
  }
}
