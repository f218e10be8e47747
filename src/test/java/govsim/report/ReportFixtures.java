package govsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import govsim.cli.CompareCommand;
import govsim.cli.NotebookCommand;
import govsim.cli.ReportCommand;
import govsim.cli.SweepCommand;
import govsim.experiment.TinyWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Real govsim folders for the report tests, made by the real commands on a tiny world (2,000 users,
 * 120 days: tens of milliseconds a run), and a way to run a command and capture its exit code and
 * messages.
 */
final class ReportFixtures {
  private ReportFixtures() {}

  /** What a command returned and printed. */
  record Outcome(int code, String out, String err) {}

  /** Runs a picocli command as the command line would (exit code, out, err). */
  static Outcome exec(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  static Outcome report(String... args) {
    return exec(new ReportCommand(), args);
  }

  static Outcome notebook(String... args) {
    return exec(new NotebookCommand(), args);
  }

  /** A single run: govsim run on the tiny world. */
  static Path run(Path dir) throws IOException {
    Path scenario = TinyWorld.scenario(dir);
    Path out = dir.resolve("run");
    int code =
        govsim.cli.Main.execute("run", scenario.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, code, "govsim run failed");
    return out;
  }

  /** A comparison: two regimes x two seeds. */
  static Path comparison(Path dir) throws IOException {
    Path scenario = TinyWorld.scenario(dir, "tiny-compare.yaml", 2000, 120);
    Path out = dir.resolve("compare");
    Outcome o =
        exec(
            new CompareCommand(),
            scenario.toString(),
            "--regimes",
            "centralized,hybrid",
            "--reps",
            "2",
            "--threads",
            "2",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, o.code(), "govsim compare failed: " + o.err());
    return out;
  }

  /** A 2 x 2 grid sweep over two parameters, one regime, two seeds per point. */
  static Path gridSweep(Path dir) throws IOException {
    Path base = TinyWorld.scenario(dir, "tiny-sweep.yaml", 2000, 120);
    Path file = dir.resolve("grid.yaml");
    Files.writeString(
        file,
        "name: tiny-grid\nbase: "
            + base.getFileName()
            + "\ndesign: grid\n"
            + "parameters:\n  users.switching_cost_mean: [0.01, 1.0]\n  rulemaking.legislative_lag_days: [365, 1217]\n"
            + "replications: 2\nseed: 3\nregimes: [centralized, hybrid]\nmetrics: [harm_total, compliance_rate]\n"
            + "record_every_steps: 30\ntimeseries: true\n");
    Path out = dir.resolve("grid");
    Outcome o =
        exec(
            new SweepCommand(),
            file.toString(),
            "--out",
            out.toString(),
            "--threads",
            "2",
            "--quiet");
    assertEquals(0, o.code(), "govsim sweep failed: " + o.err());
    return out;
  }

  /** A Sobol sweep: 4 base rows x (2 + 2) points. */
  static Path sobolSweep(Path dir) throws IOException {
    Path base = TinyWorld.scenario(dir, "tiny-sobol.yaml", 1000, 60);
    Path file = dir.resolve("sobol.yaml");
    Files.writeString(
        file,
        "name: tiny-sobol\nbase: "
            + base.getFileName()
            + "\ndesign: sobol\nsamples: 4\n"
            + "parameters:\n  users.switching_cost_mean: {min: 0.01, max: 1, log: true}\n"
            + "  users.info_weak_share: {min: 0, max: 0.5}\n"
            + "replications: 1\nseed: 5\nregimes: [hybrid]\nmetrics: [harm_total, compliance_rate]\n"
            + "record_every_steps: 30\ntimeseries: false\nbootstrap: 50\n");
    Path out = dir.resolve("sobol");
    Outcome o =
        exec(
            new SweepCommand(),
            file.toString(),
            "--out",
            out.toString(),
            "--threads",
            "2",
            "--quiet");
    assertEquals(0, o.code(), "govsim sweep failed: " + o.err());
    return out;
  }

  /** SHA-256 of every regular file under dir, by relative path (hidden work areas included). */
  static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p))
          out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
