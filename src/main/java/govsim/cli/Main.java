package govsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The govsim command line. Thin: each subcommand parses its options and calls the experiment layer.
 * Whatever a command throws reaches one place, {@link #failure}, which prints one line without Java
 * class names and picks the exit code; the codes are one table, in {@link #EXIT_CODES}, the help's
 * footer and the README.
 */
@Command(
    name = "govsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Agent-based simulator of AI governance: compare centralized, distributed, hybrid and"
          + " laissez-faire regimes on the same simulated world, with reproducible numbers and"
          + " confidence intervals.",
      "",
      "Start with:  ./govsim compare scenarios/baseline.yaml"
    },
    footer = {
      "",
      "Exit codes (every command):",
      "  0    success",
      "  1    failure while running: the disk is full or cannot be written, a run",
      "       does not fit in memory, or an internal error",
      "  2    bad input: the scenario, sweep file, options or output folder was",
      "       refused, or no command was given; nothing was run",
      "  3    some runs of a compare or sweep failed (the others' results are",
      "       written; a sweep's --retry-failed reruns exactly those), or a stylized",
      "       fact does not hold (govsim validation)",
      "  130  stopped by Ctrl-C (SIGINT)",
      "  143  stopped by SIGTERM",
      "       (after a signal, one line says what was kept and how to continue)",
      "",
      "Each command has --help. Tab completion in bash or zsh:",
      "  source <(./govsim completion)"
    })
public final class Main implements java.util.concurrent.Callable<Integer> {
  /** Exit code: success. */
  public static final int OK = 0;

  /** Exit code: a failure while running (environment or internal). */
  public static final int FAILURE = 1;

  /** Exit code: the input (scenario, sweep file, options, output folder) was refused. */
  public static final int BAD_INPUT = 2;

  /** Exit code: some runs of a batch failed, the others' results are written. */
  public static final int RUNS_FAILED = 3;

  /** Exit code after SIGINT (Ctrl-C): 128 + 2, set by the JVM. */
  public static final int INTERRUPTED = 130;

  /** Exit code after SIGTERM: 128 + 15, set by the JVM. */
  public static final int TERMINATED = 143;

  /** The exit codes, as the README's table lists them. */
  public static final java.util.List<Integer> EXIT_CODES =
      java.util.List.of(OK, FAILURE, BAD_INPUT, RUNS_FAILED, INTERRUPTED, TERMINATED);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * The subcommands, by name, in the order of the help. Only the command a user names is built
   * (picocli reflects over a command's options when it is added, and building all fourteen costs
   * about 0.3 s of start-up); the help, {@code help CMD}, completion and a misspelt command get all
   * of them. CommandNamesTest checks these names against the classes' {@code @Command} names. Made
   * on first use (a run that {@link FastRun} reads never needs it).
   */
  static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
    return Commands.ALL;
  }

  private static final class Commands {
    static final java.util.Map<String, java.util.function.Supplier<Object>> ALL = build();

    private static java.util.Map<String, java.util.function.Supplier<Object>> build() {
      java.util.Map<String, java.util.function.Supplier<Object>> m =
          new java.util.LinkedHashMap<>();
      m.put("run", RunCommand::new);
      m.put("resume", ResumeCommand::new);
      m.put("compare", CompareCommand::new);
      m.put("sweep", SweepCommand::new);
      m.put("merge", MergeCommand::new);
      m.put("validate", ValidateCommand::new);
      m.put("describe", DescribeCommand::new);
      m.put("game", GameCommand::new);
      m.put("report", ReportCommand::new);
      m.put("discover", DiscoverCommand::new);
      m.put("explain", ExplainCommand::new);
      m.put("calibrate", CalibrateCommand::new);
      m.put("notebook", NotebookCommand::new);
      m.put("gui", GuiCommand::new);
      m.put("bench", BenchCommand::new);
      m.put("validation", ValidationCommand::new);
      m.put("completion", CompletionCommand::new);
      m.put("help", CommandLine.HelpCommand::new);
      return java.util.Collections.unmodifiableMap(m);
    }
  }

  /** Bare {@code govsim}: the help on standard error and exit code 2 (no command was given). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("run")) RunCommand.warmUpEarly();
    Interruption.process().install();
    int code = execute(args);
    Interruption.process().finished();
    System.exit(code);
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int execute(String... args) {
    RunCommand fast = FastRun.parse(args);
    if (fast != null) return direct(fast);
    String first = args.length > 0 ? args[0] : "";
    CommandLine cl =
        commandLine(
            commands().containsKey(first) && !first.equals("help") && !first.equals("completion")
                ? first
                : null);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // Errors bypass picocli's handler; they get the same one-line treatment.
      return failure(e, cl.getErr());
    }
  }

  /**
   * A run that {@link FastRun} read, executed as picocli would execute it: its exit code, and what
   * it throws through {@link #failure}.
   */
  private static int direct(RunCommand run) {
    try {
      return run.call();
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      return failure(e, run.direct.err());
    }
  }

  /**
   * The command line with its handlers: with {@code only} set, just that subcommand (the fast path
   * of a named command), else all of them. Help is 80 columns wide (picocli's default; {@code
   * GOVSIM_JAVA_OPTS=-Dpicocli.usage.width=100} widens it).
   */
  static CommandLine commandLine(String only) {
    CommandLine cl = new CommandLine(new Main());
    for (var e : commands().entrySet()) {
      if (only == null || only.equals(e.getKey())) cl.addSubcommand(e.getKey(), e.getValue().get());
    }
    cl.setUsageHelpLongOptionsMaxWidth(24);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> failure(ex, commandLine.getErr()));
    cl.setParameterExceptionHandler(BadArguments.handler());
    return cl;
  }

  /**
   * A refused command line: picocli's message, a "did you mean" where one fits, the help hint and
   * exit code 2. A class of its own so that loading {@link Main} (which the fast path of {@code
   * run} does) does not make the JVM load picocli's exception classes, which its class-data-sharing
   * archive cannot hold.
   */
  private static final class BadArguments implements CommandLine.IParameterExceptionHandler {
    /**
     * The handler, typed as picocli's interface (so that Main's bytecode needs no picocli type).
     */
    static CommandLine.IParameterExceptionHandler handler() {
      return new BadArguments();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      CommandLine c = ex.getCommandLine();
      java.io.PrintWriter err = c.getErr();
      err.println("govsim: " + message(ex));
      if (ex instanceof CommandLine.UnmatchedArgumentException u) suggest(u, c, err);
      err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
      return BAD_INPUT;
    }

    /**
     * Picocli's message, except for an unknown option followed by other words: picocli lists them
     * all as unknown options ({@code run --sede 3 scenarios/baseline.yaml} gave "Unknown options:
     * '--sede', 'scenarios/baseline.yaml'", the 3 having been taken for the scenario), which makes
     * the user's scenario look wrong. Then only the words that are options are named; once they are
     * fixed, anything else still wrong gets its own message.
     */
    private static String message(CommandLine.ParameterException ex) {
      if (ex instanceof CommandLine.UnmatchedArgumentException u && u.isUnknownOption()) {
        java.util.List<String> options =
            u.getUnmatched().stream().filter(a -> a.startsWith("-")).toList();
        if (!options.isEmpty() && options.size() < u.getUnmatched().size()) {
          return (options.size() == 1 ? "Unknown option: '" : "Unknown options: '")
              + String.join("', '", options)
              + "'";
        }
      }
      return ex.getMessage();
    }

    /**
     * "Did you mean" for an unknown option or command: picocli's suggestions (options sharing the
     * first two letters, commands by letter-pair similarity), else for a command the nearest name
     * within two edits (picocli finds nothing for a transposition such as {@code rnu}).
     */
    private static void suggest(
        CommandLine.UnmatchedArgumentException u, CommandLine c, java.io.PrintWriter err) {
      if (!u.getSuggestions().isEmpty()) {
        CommandLine.UnmatchedArgumentException.printSuggestions(u, err);
      } else if (!u.isUnknownOption()
          && !u.getUnmatched().isEmpty()
          && !c.getSubcommands().isEmpty()) {
        govsim.scenario.Naming.nearest(u.getUnmatched().get(0), c.getSubcommands().keySet())
            .ifPresent(
                n ->
                    err.println(
                        "Did you mean: " + c.getCommandSpec().qualifiedName() + " " + n + "?"));
      }
    }
  }

  /**
   * The one error-to-exit-code path of every command: what a command throws becomes one line on
   * {@code err} (the Java stack trace only with GOVSIM_DEBUG set) and an exit code of {@link
   * #EXIT_CODES}. Nothing is printed while a signal is being handled (the stop line says it all).
   */
  static int failure(Throwable ex, java.io.PrintWriter err) {
    int code = BAD_INPUT;
    String line;
    if (ex instanceof govsim.scenario.ScenarioException e) {
      line = e.format();
    } else if (ex instanceof govsim.io.OutputFolder.ExistsException) {
      line = "govsim: " + ex.getMessage();
    } else {
      code = FAILURE;
      if (ex instanceof govsim.experiment.RunFailure || ex instanceof OutOfMemoryError) {
        line = "govsim: " + govsim.experiment.batch.Outcome.describe(ex);
      } else if (govsim.io.IoErrors.find(ex) != null) {
        line =
            "govsim: "
                + govsim.io.IoErrors.describe(ex)
                + "; "
                + govsim.io.IoErrors.advice(ex, "the output folder", null);
      } else {
        line =
            "govsim: internal error: "
                + govsim.experiment.batch.Outcome.describe(ex)
                + " (set GOVSIM_DEBUG=1 to see the Java stack trace, and please report it)";
      }
    }
    if (Interruption.process().stopping()) return code;
    err.println(line);
    if (System.getenv("GOVSIM_DEBUG") != null) ex.printStackTrace(err);
    err.flush();
    return code;
  }
}
