package govsim.experiment.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import govsim.model.GovSimModel;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario's model (world, mechanisms, random streams, schedule) can be checkpointed,
 * and a model read back from a checkpoint goes on exactly as the original: stepped on, the two hold
 * the same state (their serialized bytes are equal). When a field is added to a world or mechanism
 * class that cannot be serialized, this test names it, as a path from the model (e.g. {@code
 * model.world.firms[0].belief (govsim.mechanism.risk.HazardBelief)}): make its class {@link
 * java.io.Serializable} (with a serialVersionUID), or mark the field transient and rebuild it.
 */
class SerializableWorldsTest {
  @TempDir Path tmp;

  static Stream<Path> scenarioFiles() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
      return s
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("/sweeps/"))
          .filter(p -> !p.toString().contains("/games/"))
          .filter(p -> !p.toString().contains("/calibration/"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static byte[] bytes(Object o) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = CheckpointStreams.output(b)) {
      out.writeObject(o);
    }
    return b.toByteArray();
  }

  @ParameterizedTest
  @MethodSource("scenarioFiles")
  void theModelOfEveryScenarioIsCheckpointedAndGoesOnAsBefore(Path file) throws Exception {
    ScenarioLoader.Loaded<ModelSpec> loaded =
        Scenarios.load(file, List.of("users.count=2000", "time.burn_in_days=0", "seed=11"));
    ModelSpec spec = loaded.config();
    long half = Math.min(40, spec.time().steps() / 2);
    GovSimModel a = new GovSimModel(spec);
    a.start();
    GovSimModel b = new GovSimModel(spec);
    b.start();
    for (long i = 0; i < half; i++) {
      a.stepOnce();
      b.stepOnce();
    }
    assertNull(SerialCheck.firstProblem("model", b), file + ": not serializable");
    Checkpoint.Context ctx =
        new Checkpoint.Context(
            loaded.resolved(),
            Map.of("scenario_file", file.toString()),
            tmp.resolve("run"),
            false,
            30,
            Instant.now(),
            file.toString(),
            loaded.sha256());
    Path ck = tmp.resolve("c.govsim");
    Checkpoint.write(ck, new Checkpoint.State(b, null, null, null, ctx, 60, 0));
    Checkpoint.State back = Checkpoint.read(ck);
    GovSimModel c = back.model();
    assertEquals(half, c.world().step);
    assertEquals(spec, c.spec(), "the scenario's records come back equal");
    for (long i = 0; i < half; i++) {
      a.stepOnce();
      c.stepOnce();
    }
    // The event logs, drained (their texts are equal strings, though not always the same
    // instances as in a run never checkpointed, which the byte comparison would count).
    List<govsim.world.WorldEvent> ea = new java.util.ArrayList<>();
    List<govsim.world.WorldEvent> ec = new java.util.ArrayList<>();
    a.world().drainEvents(ea::add);
    c.world().drainEvents(ec::add);
    assertEquals(ea, ec, file + ": the events after the checkpoint differ");
    assertArrayEquals(
        new govsim.observe.StepMetrics(spec).compute(a.world()),
        new govsim.observe.StepMetrics(spec).compute(c.world()),
        file + ": the metrics after the checkpoint differ");
    byte[] x = bytes(a);
    byte[] y = bytes(c);
    assertArrayEquals(x, y, file + ": the resumed model's state differs");
  }
}
