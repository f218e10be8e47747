package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.batch.ModelRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Slurm script, scenarios/sweeps/slurm-array.sh, without Slurm: a stand-in {@code
 * sbatch} records what the script submits; the test then plays Slurm, running each array task with
 * the environment Slurm would give it and then the merge job, and compares the merged outputs with
 * a sweep run whole on one machine.
 */
class SlurmArrayScriptTest {
  static final Path SCRIPT = Path.of("scenarios/sweeps/slurm-array.sh").toAbsolutePath();

  @TempDir Path tmp;

  /** Runs a command in dir with extra environment; returns exit code and output. */
  private static String[] run(Path dir, Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + out);
    return new String[] {Integer.toString(p.exitValue()), out};
  }

  @Test
  void theArrayScriptShardsAndMergesToTheBytesOfOneMachine() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path bin = tmp.resolve("bin");
    Files.createDirectories(bin);
    Path calls = tmp.resolve("sbatch-calls");
    // sbatch: one line per call, the arguments separated by tabs; prints a job id.
    Files.writeString(
        bin.resolve("sbatch"),
        "#!/usr/bin/env bash\n"
            + "n=$(( $(cat '"
            + calls
            + "' 2>/dev/null | wc -l) + 1 ))\n"
            + "(IFS=$'\\t'; echo \"$*\") >> '"
            + calls
            + "'\n"
            + "echo \"100$n\"\n");
    bin.resolve("sbatch").toFile().setExecutable(true);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put(
        "GOVSIM_CMD",
        java + " -Xmx512m -cp " + System.getProperty("java.class.path") + " govsim.cli.Main");
    env.put("OUT", "out/grid");

    String[] submit = run(tmp, env, "bash", SCRIPT.toString(), "sweep.yaml", "2");
    assertEquals("0", submit[0], submit[1]);
    assertTrue(
        submit[1].contains(
            "submitted: array job 1001 (2 shards -> out/grid-shards/), merge job 1002"),
        submit[1]);
    List<String> lines = Files.readAllLines(calls);
    assertEquals(2, lines.size(), lines.toString());
    List<String> array = List.of(lines.get(0).split("\t"));
    List<String> merge = List.of(lines.get(1).split("\t"));
    assertTrue(array.contains("--array=1-2") && array.contains("--parsable"), array.toString());
    assertTrue(merge.contains("--dependency=afterany:1001"), merge.toString());

    // Slurm runs each array task in the submission folder with the exported variables.
    Map<String, String> task = new HashMap<>(env);
    for (String a : array) {
      if (!a.startsWith("--export=")) continue;
      for (String kv : a.substring("--export=".length()).split(",")) {
        if (kv.contains("="))
          task.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    task.put("SLURM_SUBMIT_DIR", tmp.toString());
    task.put("SLURM_ARRAY_TASK_MIN", "1");
    task.put("SLURM_ARRAY_TASK_COUNT", "2");
    task.put("SLURM_CPUS_PER_TASK", "1");
    for (int i = 1; i <= 2; i++) {
      task.put("SLURM_ARRAY_TASK_ID", Integer.toString(i));
      String[] shard =
          run(bin, task, "bash", array.get(array.size() - 1)); // from elsewhere: it cds
      assertEquals("0", shard[0], shard[1]);
      assertTrue(Files.exists(tmp.resolve("out/grid-shards/" + i + "-of-2/shard.json")), shard[1]);
    }

    String wrap = null;
    for (String a : merge) if (a.startsWith("--wrap=")) wrap = a.substring("--wrap=".length());
    String[] merged = run(tmp, env, "bash", "-c", wrap);
    assertEquals("0", merged[0], merged[1]);
    Path reference = tmp.resolve("reference");
    SweepFixtures.execute(sweep, reference, 2, ModelRunner.SINGLE_RUN);
    Path out = tmp.resolve("out/grid");
    for (String f : SweepFixtures.deterministicFiles()) {
      assertTrue(
          Arrays.equals(
              Files.readAllBytes(out.resolve(f)), Files.readAllBytes(reference.resolve(f))),
          f + " differs");
    }
    // The manifests differ only in the session and in how the paths were written (the script ran
    // in the sweep's folder and gave "sweep.yaml"; this test gives the absolute path).
    List<String> paths = List.of("session", "sweep_file", "base_scenario", "inputs_sha256");
    assertEquals(
        govsim.experiment.TinyWorld.manifestWithout(reference.resolve("manifest.json"), paths),
        govsim.experiment.TinyWorld.manifestWithout(out.resolve("manifest.json"), paths));
  }

  @Test
  void badArgumentsAreRefusedWithExitCode2() throws Exception {
    SweepFixtures.write(tmp, SweepFixtures.GRID);
    assertEquals("2", run(tmp, Map.of(), "bash", SCRIPT.toString())[0]);
    assertEquals("2", run(tmp, Map.of(), "bash", SCRIPT.toString(), "missing.yaml", "4")[0]);
    String[] zero = run(tmp, Map.of(), "bash", SCRIPT.toString(), "sweep.yaml", "zero");
    assertEquals("2", zero[0]);
    assertTrue(zero[1].contains("SHARDS must be a whole number"), zero[1]);
  }
}
