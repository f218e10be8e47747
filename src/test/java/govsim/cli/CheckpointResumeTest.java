package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.Deadline;
import govsim.experiment.checkpoint.Checkpoint;
import govsim.experiment.checkpoint.CheckpointedRun;
import govsim.io.OutputFolder;
import govsim.io.RunWriter;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints as a user meets them: a run stopped after a checkpoint (in this JVM, or killed with
 * SIGKILL in a child JVM) and continued with {@code govsim resume} writes the same bytes as an
 * uninterrupted run, for the baseline and a paper scenario with scheduled events; damaged,
 * truncated, foreign and other-version checkpoints are refused with one clear line.
 */
class CheckpointResumeTest {
  @TempDir Path tmp;

  /** Every output file but the manifest, whose command and times differ. */
  static final List<String> FILES =
      List.of("timeseries.csv", "summary.csv", "events.csv", "risks.csv", "scenario.resolved.yaml");

  private static List<String> args(String scenario, Path out, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "run",
                scenario,
                "--seed",
                "11",
                "--set",
                "users.count=3000",
                "--out",
                out.toString(),
                "--quiet"));
    a.addAll(List.of(more));
    return a;
  }

  /** The uninterrupted run's folder, made at {@code target} and moved to {@code reference}. */
  private void reference(String scenario, Path target, Path reference, String... sets)
      throws Exception {
    List<String> a = args(scenario, target);
    for (String s : sets) a.addAll(List.of("--set", s));
    CliTest.Outcome o = CliTest.exec(a.toArray(new String[0]));
    assertEquals(0, o.code(), o.err());
    Files.move(target, reference);
  }

  private static void assertSameOutputs(Path reference, Path resumed) throws Exception {
    for (String f : FILES)
      assertArrayEquals(
          Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
    // The manifest: the same but for the times and the command line.
    com.google.gson.JsonObject x =
        com.google.gson.JsonParser.parseString(Files.readString(reference.resolve("manifest.json")))
            .getAsJsonObject();
    com.google.gson.JsonObject y =
        com.google.gson.JsonParser.parseString(Files.readString(resumed.resolve("manifest.json")))
            .getAsJsonObject();
    for (String k : List.of("command", "started_utc", "wall_seconds", "step_seconds")) {
      assertTrue(x.has(k) && y.has(k), k);
      x.remove(k);
      y.remove(k);
    }
    assertEquals(x, y, "manifest.json but command and times");
  }

  /**
   * Stops a run right after its first checkpoint, as a kill would: the staged outputs are
   * abandoned, the checkpoint stays.
   */
  private Path stopAfterFirstCheckpoint(String scenario, Path target, double every, String... sets)
      throws Exception {
    List<String> overrides = new ArrayList<>(List.of("users.count=3000", "seed=11"));
    overrides.addAll(List.of(sets));
    ScenarioLoader.Loaded<ModelSpec> loaded = Scenarios.load(Path.of(scenario), overrides);
    ModelSpec spec = loaded.config();
    Checkpoint.Context ctx =
        new Checkpoint.Context(
            loaded.resolved(),
            provenance(scenario, loaded, sets),
            target,
            false,
            every,
            Instant.now(),
            scenario,
            loaded.sha256());
    OutputFolder folder = OutputFolder.open(target, false);
    RunWriter writer = new RunWriter(folder, spec.outputs().timeseries(), spec.outputs().events());
    Path file = Checkpoint.folderOf(target).resolve(Checkpoint.FILE);
    assertNull(CheckpointedRun.start(spec, ctx).run(writer, file, null, Deadline.NONE, true));
    writer.abandon();
    assertTrue(Files.isRegularFile(file));
    assertFalse(Files.exists(target));
    return file;
  }

  /** The manifest's provenance as govsim run writes it (the command aside). */
  private static Map<String, Object> provenance(
      String scenario, ScenarioLoader.Loaded<ModelSpec> loaded, String... sets) {
    List<String> overrides = new ArrayList<>(List.of("users.count=3000"));
    overrides.addAll(List.of(sets));
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    p.put("command", List.of("govsim", "run", scenario));
    p.put("scenario_file", scenario);
    p.put("scenario_sha256", loaded.sha256());
    p.put("scenario_files", loaded.files().stream().map(Path::toString).toList());
    p.put("overrides", overrides);
    return p;
  }

  @Test
  void baselineStoppedAfterACheckpointResumesToTheSameBytes() throws Exception {
    Path target = tmp.resolve("base");
    Path ref = tmp.resolve("base-ref");
    reference("scenarios/baseline.yaml", target, ref, "time.horizon_days=400");
    Path file =
        stopAfterFirstCheckpoint("scenarios/baseline.yaml", target, 150, "time.horizon_days=400");
    assertEquals(150.0, Checkpoint.header(file).day());
    CliTest.Outcome o = CliTest.exec("resume", target.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("from day 150 of 400"), o.out());
    assertTrue(o.out().contains("checkpoint of day 300"), o.out());
    assertSameOutputs(ref, target);
    assertFalse(Files.exists(Checkpoint.folderOf(target)), "the checkpoint folder is removed");
    // Resuming the finished run: nothing to do, exit 0.
    CliTest.Outcome twice = CliTest.exec("resume", target.toString());
    assertEquals(0, twice.code(), twice.err());
    assertTrue(twice.out().contains("is complete"), twice.out());
  }

  @Test
  void paperScenarioWithEventsResumesToTheSameBytes() throws Exception {
    // Yuanbao: a practice adopted by a scheduled event on day 30, backlash within days.
    String scenario = "scenarios/paper/yuanbao-backlash.yaml";
    Path target = tmp.resolve("yuanbao");
    Path ref = tmp.resolve("yuanbao-ref");
    reference(scenario, target, ref);
    Path file = stopAfterFirstCheckpoint(scenario, target, 31);
    // Resume from the checkpoint file itself this time.
    CliTest.Outcome o = CliTest.exec("resume", file.toString());
    assertEquals(0, o.code(), o.err());
    assertSameOutputs(ref, target);
  }

  @Test
  void aRunKilledWithSigkillResumesToTheSameBytes() throws Exception {
    Path target = tmp.resolve("killed");
    Path ref = tmp.resolve("killed-ref");
    String[] sets = {"users.count=20000"};
    reference("scenarios/baseline.yaml", target, ref, sets);
    List<String> a = args("scenarios/baseline.yaml", target, "--checkpoint-every", "90");
    a.addAll(List.of("--set", "users.count=20000"));
    a.add(0, Main.class.getName());
    a.add(0, System.getProperty("java.class.path"));
    a.add(0, "-cp");
    a.add(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path file = Checkpoint.folderOf(target).resolve(Checkpoint.FILE);
    Process child =
        new ProcessBuilder(a)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!Files.exists(file) && child.isAlive() && System.nanoTime() < deadline)
        Thread.sleep(10);
      assertTrue(
          child.isAlive(),
          "finished before the kill: " + Files.readString(tmp.resolve("child.log")));
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      child.waitFor();
    }
    assertFalse(Files.exists(target));
    CliTest.Outcome o = CliTest.exec("resume", target.toString());
    assertEquals(0, o.code(), o.err());
    assertSameOutputs(ref, target);
  }

  @Test
  void unusableCheckpointsAreRefusedWithOneLine() throws Exception {
    Path target = tmp.resolve("bad");
    Path file =
        stopAfterFirstCheckpoint("scenarios/baseline.yaml", target, 30, "time.horizon_days=90");
    byte[] good = Files.readAllBytes(file);
    Path copy = tmp.resolve("copy.govsim");

    // A flipped byte near the end of the payload.
    byte[] flipped = good.clone();
    flipped[flipped.length - 10] ^= 0x40;
    Files.write(copy, flipped);
    assertRefused(copy, "is damaged: its contents do not match their checksum");

    // Cut short.
    Files.write(copy, java.util.Arrays.copyOf(good, good.length / 2));
    assertRefused(copy, "is truncated");

    // Not a checkpoint at all.
    Files.writeString(copy, "name: x\n");
    assertRefused(copy, "is not a govsim checkpoint");

    // Written by another govsim: the header names its version and commit.
    String text = new String(good, StandardCharsets.ISO_8859_1);
    int start = text.indexOf("\"govsim_version\":\"") + "\"govsim_version\":\"".length();
    int end = text.indexOf('"', start);
    String other = text.substring(0, start) + "0.0.1-old" + text.substring(end);
    Files.write(copy, other.getBytes(StandardCharsets.ISO_8859_1));
    assertRefused(copy, "was written by govsim 0.0.1-old (commit ");

    // Nothing there.
    CliTest.Outcome o = CliTest.exec("resume", tmp.resolve("nothing").toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("no checkpoint at"), o.err());

    // A checkpointed run into a folder with an unfinished run's checkpoint is refused.
    CliTest.Outcome again =
        CliTest.exec(
            args("scenarios/baseline.yaml", target, "--checkpoint-every", "30")
                .toArray(new String[0]));
    assertEquals(2, again.code());
    assertTrue(again.err().contains("continue that run with: govsim resume"), again.err());
  }

  private static void assertRefused(Path file, String says) {
    CliTest.Outcome o = CliTest.exec("resume", file.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains(says), o.err());
    assertFalse(o.err().contains("Exception"), o.err());
    assertFalse(o.err().contains("\tat "), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
  }
}
