package govsim.experiment.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a child process and measures it the way `time` does: wall seconds (from here)
 * and CPU seconds (user + system of the child and its children, from the shell's {@code times}
 * built-in, which reads them from the kernel when the child is reaped). On a shared machine the CPU
 * time is the steadier figure: wall time also counts the time spent waiting for a core.
 */
final class TimedProcess {
  private TimedProcess() {}

  /** What a finished command did: exit code, output, wall and CPU seconds (NaN if unknown). */
  record Result(
      int exitCode, String stdout, String stderr, double wallSeconds, double cpuSeconds) {}

  static Result run(List<String> command, Map<String, String> env, Path workDir)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("govsim-timed");
    try {
      Path out = dir.resolve("out");
      Path err = dir.resolve("err");
      Path times = dir.resolve("times");
      List<String> cmd = new ArrayList<>();
      cmd.add("bash");
      cmd.add("-c");
      cmd.add("\"$@\" >\"$TP_OUT\" 2>\"$TP_ERR\"; rc=$?; times >\"$TP_TIMES\"; exit $rc");
      cmd.add("bash");
      cmd.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      if (workDir != null) pb.directory(workDir.toFile());
      pb.environment().putAll(env);
      pb.environment().put("TP_OUT", out.toString());
      pb.environment().put("TP_ERR", err.toString());
      pb.environment().put("TP_TIMES", times.toString());
      long t0 = System.nanoTime();
      int rc = pb.start().waitFor();
      double wall = (System.nanoTime() - t0) / 1e9;
      return new Result(
          rc, read(out), read(err), wall, Files.exists(times) ? childCpu(read(times)) : Double.NaN);
    } finally {
      govsim.io.FileTrees.delete(dir);
    }
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  private static final Pattern CLOCK = Pattern.compile("(\\d+)m([0-9.]+)s");

  /**
   * The children's user + system seconds from the output of bash's {@code times}: two lines, the
   * shell's own times and then its children's, each "XmY.YYYs XmY.YYYs" (user, system).
   */
  static double childCpu(String times) {
    String[] lines = times.strip().split("\\R");
    if (lines.length < 2) return Double.NaN;
    Matcher m = CLOCK.matcher(lines[1]);
    double sum = 0;
    int n = 0;
    while (m.find()) {
      sum += Integer.parseInt(m.group(1)) * 60.0 + Double.parseDouble(m.group(2));
      n++;
    }
    return n == 2 ? sum : Double.NaN;
  }
}
