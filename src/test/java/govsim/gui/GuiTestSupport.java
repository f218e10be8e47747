package govsim.gui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the GUI tests share: deciding whether a display is there, and running a child JVM.
 *
 * <p>Surefire runs the tests with {@code -Djava.awt.headless=true}, in which no window can open. So
 * the tests that need windows run the GUI in a child JVM started without that flag, which inherits
 * the environment (DISPLAY; under {@code xvfb-run -a}, Xvfb's). Without a display they are skipped
 * with the reason, unless {@code GOVSIM_REQUIRE_GUI_TESTS=1} (set by CI, which runs the tests under
 * xvfb-run), in which case they fail: a CI that silently skipped the GUI tests would prove nothing.
 */
final class GuiTestSupport {
  private GuiTestSupport() {}

  static final String REQUIRE = "GOVSIM_REQUIRE_GUI_TESTS";
  static final Duration CHILD_TIMEOUT = Duration.ofMinutes(3);

  /**
   * Skips (or, with GOVSIM_REQUIRE_GUI_TESTS=1, fails) the calling test when there is no display.
   */
  static void assumeDisplay() {
    String why = noDisplay();
    if (why == null) return;
    if ("1".equals(System.getenv(REQUIRE))) {
      fail(REQUIRE + "=1 but " + why + ": run the tests under xvfb-run -a (Debian package xvfb)");
    }
    Assumptions.abort(
        why
            + ": GUI test skipped; run the tests under xvfb-run -a to include it ("
            + REQUIRE
            + "=1 turns this skip into a failure)");
  }

  /** Null when a child JVM can open windows, else why not. */
  static String noDisplay() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) return null;
    String display = System.getenv("DISPLAY");
    if (display == null || display.isBlank()) return "no X display (DISPLAY is not set)";
    return null;
  }

  /** What a child JVM did. */
  record Child(int exit, String out, String err) {
    String all() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /**
   * Runs {@code mainClass} with the tests' class path in a new JVM (without the headless flag).
   *
   * @param env changes to the inherited environment; a null value removes the variable
   */
  static Child java(Map<String, String> env, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getValue() == null) {
        pb.environment().remove(e.getKey());
      } else {
        pb.environment().put(e.getKey(), e.getValue());
      }
    }
    Path out = Files.createTempFile("govsim-child", ".out");
    Path err = Files.createTempFile("govsim-child", ".err");
    try {
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        fail(
            "child JVM "
                + mainClass
                + " did not finish within "
                + CHILD_TIMEOUT
                + "\n--- stderr\n"
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Child(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The tests' class path: surefire's own property (its java.class.path is a one-jar booter). */
  static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** A small, quick scenario (hybrid, a harmful practice adopted on day 40) in {@code dir}. */
  static Path smallScenario(Path dir) throws IOException {
    Path f = dir.resolve("small.yaml");
    Files.writeString(
        f,
        String.join(
            "\n",
            "name: gui-small",
            "regime: hybrid",
            "seed: 11",
            "time: {horizon_days: 120}",
            "users: {count: 4000}",
            "firms: {count: 8}",
            "events:",
            "  - {type: adopt_practice, at_day: 40, firm: -1}",
            ""));
    return f;
  }
}
