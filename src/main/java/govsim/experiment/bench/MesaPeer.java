package govsim.experiment.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Mesa 3.3.1 peer of the market kernel ({@code shared/peers/mesa}: {@code market_kernel.py} and
 * Mesa's own source), run the way its README says: {@code PYTHONPATH=<peer> python3
 * market_kernel.py --users N --firms F --days D --seed S}, with Debian's Python and its packages.
 *
 * <p>The script reports the wall seconds of its {@code model.step()} calls; to also get their CPU
 * seconds without changing it, it is started through a few lines of Python that make its three
 * calls of {@code time.perf_counter} (start, after set-up, after stepping) also record {@code
 * time.process_time}. The whole process is timed from outside ({@link TimedProcess}).
 */
final class MesaPeer {
  /** Python modules Mesa 3.3 imports, with the Debian packages that provide them. */
  static final List<String[]> MODULES =
      List.of(
          new String[] {"numpy", "python3-numpy"},
          new String[] {"pandas", "python3-pandas"},
          new String[] {"scipy", "python3-scipy"},
          new String[] {"tqdm", "python3-tqdm"});

  private final Path python;
  private final Path dir;

  MesaPeer(Path python, Path dir) {
    this.python = python;
    this.dir = dir.toAbsolutePath().normalize();
  }

  Path dir() {
    return dir;
  }

  /** Why the peer cannot run here, or empty when it can. */
  Optional<String> unavailable() throws InterruptedException {
    if (!Files.isRegularFile(dir.resolve("market_kernel.py"))
        || !Files.isDirectory(dir.resolve("mesa"))) {
      return Optional.of("no Mesa peer (market_kernel.py and mesa/) in " + dir);
    }
    if (!Files.isExecutable(python)) return Optional.of(python + " is not installed");
    StringBuilder probe = new StringBuilder("import importlib.util as u\nmissing = []\n");
    for (String[] m : MODULES) {
      probe.append("if u.find_spec('").append(m[0]).append("') is None: missing.append('");
      probe.append(m[1]).append("')\n");
    }
    probe.append("print(' '.join(missing))\n");
    try {
      TimedProcess.Result r =
          TimedProcess.run(List.of(python.toString(), "-c", probe.toString()), Map.of(), null);
      if (r.exitCode() != 0) return Optional.of(python + " does not run");
      String missing = r.stdout().strip();
      if (!missing.isEmpty()) {
        return Optional.of(
            "Debian's Python packages for Mesa are missing ("
                + missing
                + "); install them with: apt-get install -y "
                + missing);
      }
    } catch (IOException e) {
      return Optional.of("cannot start " + python + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  /** One run of the peer: stepping and set-up (wall, CPU), the whole process, firm 0's outcome. */
  record Run(
      double stepWall,
      double stepCpu,
      double processWall,
      double processCpu,
      double firm0Share,
      String firm0Revised) {}

  Run run(int users, int firms, int days, long seed) throws IOException, InterruptedException {
    String wrapper =
        String.join(
            "\n",
            "import runpy, sys, time",
            "cpu = []",
            "wall = time.perf_counter",
            "def both():",
            "    cpu.append(time.process_time())",
            "    return wall()",
            "time.perf_counter = both",
            "try:",
            "    runpy.run_path("
                + pyString(dir.resolve("market_kernel.py"))
                + ", run_name='__main__')",
            "finally:",
            "    if len(cpu) == 3:",
            "        print('cpu_seconds=%.4f' % (cpu[2] - cpu[1]))",
            "");
    List<String> cmd = new ArrayList<>();
    cmd.add(python.toString());
    cmd.add("-c");
    cmd.add(wrapper);
    cmd.addAll(
        List.of(
            "--users",
            Integer.toString(users),
            "--firms",
            Integer.toString(firms),
            "--days",
            Integer.toString(days),
            "--seed",
            Long.toString(seed)));
    TimedProcess.Result r = TimedProcess.run(cmd, Map.of("PYTHONPATH", dir.toString()), dir);
    if (r.exitCode() != 0) {
      String err = r.stderr().strip();
      throw new IOException(
          "the Mesa peer failed (exit "
              + r.exitCode()
              + ")"
              + (err.isEmpty() ? "" : ": " + err.lines().reduce((a, b) -> b).orElse("")));
    }
    return parse(r.stdout(), r.wallSeconds(), r.cpuSeconds());
  }

  private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");

  /** Reads the peer's {@code key=value} output (and the wrapper's cpu_seconds). */
  static Run parse(String stdout, double processWall, double processCpu) throws IOException {
    Map<String, String> kv = new java.util.HashMap<>();
    Matcher m = FIELD.matcher(stdout);
    while (m.find()) kv.put(m.group(1), m.group(2));
    if (!kv.containsKey("seconds") || !kv.containsKey("final_share_firm0")) {
      throw new IOException("the Mesa peer printed no seconds= line: " + stdout.strip());
    }
    return new Run(
        Double.parseDouble(kv.get("seconds")),
        kv.containsKey("cpu_seconds") ? Double.parseDouble(kv.get("cpu_seconds")) : Double.NaN,
        processWall,
        processCpu,
        Double.parseDouble(kv.get("final_share_firm0")),
        kv.getOrDefault("day_firm0_revised", "none"));
  }

  private static String pyString(Path p) {
    return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
