package govsim.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * govsim in a child JVM whose working folder and home folder are throw-away folders, for the tests
 * whose cases aim at the working or home folder: even a govsim that deleted or wrote there could
 * only reach these.
 */
final class ChildGovsim {
  private final Path work;
  private final Path home;
  private final Path logs;

  record Child(int code, String out, String err) {}

  /** govsim run in {@code work} with {@code home} as the home folder; logs go to {@code logs}. */
  ChildGovsim(Path work, Path home, Path logs) {
    this.work = work;
    this.home = home;
    this.logs = logs;
  }

  Child run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Duser.home=" + home);
    cmd.add("-cp");
    String cp = System.getProperty("surefire.test.class.path");
    cmd.add(cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Path out = logs.resolve("child.out");
    Path err = logs.resolve("child.err");
    Process p =
        new ProcessBuilder(cmd)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("govsim " + String.join(" ", args) + " did not finish within 120 s");
    }
    return new Child(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
