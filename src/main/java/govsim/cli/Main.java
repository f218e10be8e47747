package govsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The govsim command line. Thin: each subcommand parses its options, calls the experiment layer
 * and maps failures to exit codes (0 success, 2 bad input, 1 failure while running).
 */
@Command(name = "govsim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Agent-based simulator of AI governance: compare centralized, distributed,",
        "hybrid and laissez-faire regimes on the same simulated world, with",
        "reproducible numbers and confidence intervals.",
        "",
        "Start with:  ./govsim compare scenarios/baseline.yaml"},
    subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, MergeCommand.class, ValidateCommand.class, DescribeCommand.class,
        GameCommand.class,
        ReportCommand.class, DiscoverCommand.class, NotebookCommand.class, GuiCommand.class, BenchCommand.class,
        ValidationCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success, 2 bad input (scenario or options), 1 failure while",
        "running, 3 some runs of a compare or sweep failed (the others' results are",
        "written) or a stylized fact does not hold.",
        "Each command has --help."})
public final class Main implements Runnable {
  public static final int BAD_INPUT = 2;
  public static final int FAILURE = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("govsim: failed while running: " + describe(ex));
      commandLine.getErr().println("(set GOVSIM_DEBUG=1 to see the Java stack trace)");
      if (System.getenv("GOVSIM_DEBUG") != null) ex.printStackTrace(commandLine.getErr());
      return FAILURE;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("govsim: " + ex.getMessage());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
      return BAD_INPUT;
    });
    return cl.execute(args);
  }

  static String describe(Throwable ex) {
    String msg = ex.getMessage();
    return ex.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }
}
