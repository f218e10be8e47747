package govsim.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The start-up fast path of {@code govsim run}: reads the plain forms of run's options itself, so
 * that a run does not wait for picocli (its classes predate Java 6, so the class-data-sharing
 * archive cannot hold them, and building the command's model by reflection costs a fresh JVM about
 * a tenth of a second). It accepts only what picocli would accept to the same values: each option
 * as a separate word followed by its value ({@code --out DIR}, {@code -o DIR}, {@code --seed N},
 * {@code -s N}, {@code --set K=V}, repeatable, {@code --checkpoint-every DAYS}), the flags {@code
 * --quiet}, {@code --force}, {@code --allow-extends-outside} once each, and one scenario. Anything
 * else (help, version, an attached value, an unknown or repeated option, a value that begins with a
 * dash, an {@code @file}, a number picocli would refuse, a {@code picocli.*} system property) goes
 * to picocli, which gives its usual help or message. FastRunTest checks that both paths parse to
 * the same values.
 */
final class FastRun {
  private final List<String> args;
  private PrintWriter out;
  private PrintWriter err;

  private FastRun(String[] args) {
    this.args = List.copyOf(Arrays.asList(args));
  }

  /** The arguments as given, {@code run} first (picocli's {@code originalArgs()}). */
  List<String> args() {
    return args;
  }

  /** Standard output as picocli's {@code getOut()} makes it (auto-flushing, default charset). */
  PrintWriter out() {
    if (out == null) out = writer(System.out);
    return out;
  }

  /** Standard error as picocli's {@code getErr()} makes it. */
  PrintWriter err() {
    if (err == null) err = writer(System.err);
    return err;
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stream, Charset.defaultCharset())), true);
  }

  /**
   * The run command with its options set, or null if picocli must read these arguments (then
   * nothing was changed).
   */
  static RunCommand parse(String[] args) {
    if (args.length < 2 || !args[0].equals("run") || picocliConfigured()) return null;
    RunCommand run = new RunCommand();
    ScenarioInput in = new ScenarioInput();
    run.input = in;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.isEmpty() || a.charAt(0) == '@') return null;
      switch (a) {
        case "--quiet" -> {
          if (run.quiet) return null;
          run.quiet = true;
        }
        case "--force" -> {
          if (run.force) return null;
          run.force = true;
        }
        case "--allow-extends-outside" -> {
          if (in.allowExtendsOutside) return null;
          in.allowExtendsOutside = true;
        }
        case "-o", "--out", "-s", "--seed", "--set", "--checkpoint-every" -> {
          if (i + 1 >= args.length) return null;
          String v = args[++i];
          if (v.isEmpty() || v.charAt(0) == '-' || v.charAt(0) == '@') return null;
          try {
            switch (a) {
              case "-o", "--out" -> {
                if (run.out != null) return null;
                run.out = Path.of(v);
              }
              case "-s", "--seed" -> {
                if (in.seed != null) return null;
                in.seed = Long.valueOf(v);
              }
              case "--set" -> in.sets.add(v);
              default -> {
                if (run.checkpointEvery != null) return null;
                run.checkpointEvery = Double.valueOf(v);
              }
            }
          } catch (NumberFormatException | InvalidPathException e) {
            return null;
          }
        }
        default -> {
          if (a.charAt(0) == '-' || in.scenario != null) return null;
          try {
            in.scenario = Path.of(a);
          } catch (InvalidPathException e) {
            return null;
          }
        }
      }
    }
    if (in.scenario == null) return null;
    run.direct = new FastRun(args);
    return run;
  }

  /**
   * Whether a system property changes how picocli reads or writes (picocli.trace,
   * picocli.trimQuotes, picocli.useSimplifiedAtFiles, ...; the encodings of its writers): then
   * picocli reads the arguments.
   */
  private static boolean picocliConfigured() {
    if (System.getProperty("sun.stdout.encoding") != null
        || System.getProperty("sun.stderr.encoding") != null) return true;
    for (String k : System.getProperties().stringPropertyNames()) {
      if (k.startsWith("picocli.")) return true;
    }
    return false;
  }
}
