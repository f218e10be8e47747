package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link FastRun}, the start-up path of {@code govsim run}, reads every command line it accepts to
 * the same values as picocli with the full command tree, hands everything else to picocli, and a
 * run through it prints, returns and writes what the picocli path does.
 */
class FastRunTest {
  @TempDir Path tmp;

  /** Command lines the fast path reads (each must also be valid for picocli). */
  private static final List<List<String>> ACCEPTED =
      List.of(
          List.of("run", "scenarios/baseline.yaml"),
          List.of("run", "scenarios/baseline.yaml", "--out", "/tmp/x", "--quiet"),
          List.of("run", "--quiet", "scenarios/bench/market-kernel.yaml", "-o", "out dir"),
          List.of(
              "run",
              "a.yaml",
              "--seed",
              "7",
              "--set",
              "regime=centralized",
              "--set",
              "users.count=-5",
              "--force"),
          List.of("run", "-s", "0", "a.yaml", "--allow-extends-outside"),
          List.of("run", "a.yaml", "--checkpoint-every", "30"),
          List.of("run", "a.yaml", "--checkpoint-every", "2.5", "--set", "x=[]", "--set", "y"),
          List.of("run", "a.yaml", "--checkpoint-every", "NaN"),
          List.of("run", "a.yaml", "--seed", "9223372036854775807"));

  /** Command lines the fast path leaves to picocli (help, errors, forms it does not read). */
  private static final List<List<String>> LEFT_TO_PICOCLI =
      List.of(
          List.of("run"),
          List.of("run", "--help"),
          List.of("run", "-h"),
          List.of("run", "-V"),
          List.of("run", "--version"),
          List.of("run", "a.yaml", "--out=/tmp/x"),
          List.of("run", "a.yaml", "-o/tmp/x"),
          List.of("run", "a.yaml", "--seed", "-1"),
          List.of("run", "a.yaml", "--seed", "x"),
          List.of("run", "a.yaml", "--seed", "1", "--seed", "2"),
          List.of("run", "a.yaml", "--out", "a", "--out", "b"),
          List.of("run", "a.yaml", "--quiet", "--quiet"),
          List.of("run", "a.yaml", "--checkpoint-every", "soon"),
          List.of("run", "a.yaml", "--checkpoint-every"),
          List.of("run", "a.yaml", "--out", "--quiet"),
          List.of("run", "a.yaml", "b.yaml"),
          List.of("run", "a.yaml", "--qiuet"),
          List.of("run", "a.yaml", "--"),
          List.of("run", "@args.txt"),
          List.of("run", "a.yaml", "--set", "@x"),
          List.of("run", ""),
          List.of("run", "a\0.yaml"),
          List.of("rnu", "a.yaml"),
          List.of("compare", "a.yaml"),
          List.of("--help"),
          List.of());

  @Test
  void readsEveryAcceptedCommandLineAsPicocliDoes() {
    for (List<String> args : ACCEPTED) {
      String[] a = args.toArray(String[]::new);
      RunCommand fast = FastRun.parse(a);
      assertNotNull(fast, "fast path refused " + args);
      CommandLine.ParseResult pr = Main.commandLine(null).parseArgs(a);
      RunCommand full = (RunCommand) pr.subcommand().commandSpec().userObject();
      String what = args.toString();
      assertEquals(full.input.scenario, fast.input.scenario, what);
      assertEquals(full.input.sets, fast.input.sets, what);
      assertEquals(full.input.seed, fast.input.seed, what);
      assertEquals(full.input.allowExtendsOutside, fast.input.allowExtendsOutside, what);
      assertEquals(full.out, fast.out, what);
      assertEquals(full.force, fast.force, what);
      assertEquals(full.quiet, fast.quiet, what);
      assertEquals(full.checkpointEvery, fast.checkpointEvery, what);
      assertEquals(pr.subcommand().originalArgs(), fast.direct.args(), what);
      assertEquals(args, fast.direct.args(), what);
    }
  }

  @Test
  void leavesHelpErrorsAndOtherFormsToPicocli() {
    for (List<String> args : LEFT_TO_PICOCLI) {
      assertNull(FastRun.parse(args.toArray(String[]::new)), args.toString());
    }
  }

  @Test
  void aPicocliSystemPropertySendsEvenPlainRunsToPicocli() {
    System.setProperty("picocli.trimQuotes", "true");
    try {
      assertNull(FastRun.parse(new String[] {"run", "a.yaml"}));
    } finally {
      System.clearProperty("picocli.trimQuotes");
    }
    assertNotNull(FastRun.parse(new String[] {"run", "a.yaml"}));
  }

  private record Printed(int code, String out, String err) {}

  private static Printed capture(java.util.function.IntSupplier run) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = run.getAsInt();
      return new Printed(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static String steppingTimeMasked(String out) {
    return out.replaceAll("in [0-9.]+ s of stepping", "in T s of stepping");
  }

  /**
   * Both paths: the same exit code, output (folder names and timing aside), error and result files.
   */
  @Test
  void aRunThroughEitherPathPrintsReturnsAndWritesTheSame() throws Exception {
    Path scenario =
        Files.writeString(
            tmp.resolve("small.yaml"),
            "extends: "
                + Path.of("scenarios/baseline.yaml").toAbsolutePath()
                + "\nname: small\nusers: {count: 300}\ntime: {horizon_days: 20}\n");
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: bad\nusers:\n  count: -5\n");
    for (String[] tail :
        List.of(
            new String[] {scenario.toString(), "--seed", "3"},
            new String[] {scenario.toString(), "--quiet", "--set", "regime=centralized"},
            new String[] {bad.toString()},
            new String[] {scenario.toString(), "--set", "users.count=0"})) {
      Printed[] both = new Printed[2];
      for (int path = 0; path < 2; path++) {
        Path out = tmp.resolve("out-" + path);
        String[] args = new String[tail.length + 3];
        args[0] = "run";
        System.arraycopy(tail, 0, args, 1, tail.length);
        args[tail.length + 1] = "--out";
        args[tail.length + 2] = out.toString();
        both[path] =
            path == 0
                ? capture(() -> Main.execute(args))
                : capture(() -> Main.commandLine("run").execute(args));
        if (path == 0) assertNotNull(FastRun.parse(args));
      }
      String what = String.join(" ", tail);
      assertEquals(both[1].code(), both[0].code(), what);
      assertEquals(
          steppingTimeMasked(both[1].out().replace("out-1", "out-0")),
          steppingTimeMasked(both[0].out()),
          what);
      assertEquals(both[1].err(), both[0].err(), what);
      for (String f : new String[] {"timeseries.csv", "summary.csv", "events.csv"}) {
        Path a = tmp.resolve("out-0").resolve(f);
        Path b = tmp.resolve("out-1").resolve(f);
        assertEquals(Files.exists(b), Files.exists(a), what + " " + f);
        if (Files.exists(a)) assertEquals(Files.readString(b), Files.readString(a), what + " " + f);
      }
      govsim.io.FileTrees.delete(tmp.resolve("out-0"));
      govsim.io.FileTrees.delete(tmp.resolve("out-1"));
    }
  }

  /** An existing folder: both paths refuse with the same message and exit code 2. */
  @Test
  void anExistingOutputFolderIsRefusedTheSameWay() throws Exception {
    Path scenario =
        Files.writeString(
            tmp.resolve("small.yaml"),
            "extends: "
                + Path.of("scenarios/baseline.yaml").toAbsolutePath()
                + "\nname: small\nusers: {count: 300}\ntime: {horizon_days: 5}\n");
    Path out = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(out.resolve("mine.txt"), "keep");
    String[] args = {"run", scenario.toString(), "--out", out.toString()};
    Printed fast = capture(() -> Main.execute(args));
    Printed full = capture(() -> Main.commandLine("run").execute(args));
    assertEquals(2, fast.code());
    assertEquals(full, fast);
    assertEquals("keep", Files.readString(out.resolve("mine.txt")));
  }

  /**
   * A plain run in a fresh JVM loads no picocli class (they cannot be in the class-data-sharing
   * archive, and building picocli's model of the commands is what the fast path saves), while a
   * refused option still gets picocli's message.
   */
  @Test
  void aPlainRunInAFreshJvmLoadsNoPicocliClass() throws Exception {
    Path scenario =
        Files.writeString(
            tmp.resolve("small.yaml"),
            "extends: "
                + Path.of("scenarios/baseline.yaml").toAbsolutePath()
                + "\nname: small\nusers: {count: 200}\ntime: {horizon_days: 3}\n");
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xlog:class+load=info:file=" + tmp.resolve("classes.txt"));
    cmd.add("-cp");
    String cp = System.getProperty("surefire.test.class.path");
    cmd.add(cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(
        List.of("run", scenario.toString(), "--out", tmp.resolve("out").toString(), "--quiet"));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("log").toFile())
            .start();
    assertEquals(0, p.waitFor(), Files.readString(tmp.resolve("log")));
    String loaded = Files.readString(tmp.resolve("classes.txt"));
    assertTrue(loaded.contains("govsim.cli.FastRun "), "the fast path ran");
    assertFalse(loaded.contains(" picocli."), "no picocli class");
    assertTrue(Files.exists(tmp.resolve("out").resolve("summary.csv")));
  }
}
