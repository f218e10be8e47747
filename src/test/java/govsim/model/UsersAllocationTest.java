package govsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.synergy.Synergy;
import govsim.mechanism.users.UserChoice;
import govsim.mechanism.users.UsersPhase;
import govsim.world.World;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The users' phase allocates nothing in its loops (issue 18, COMMON: the hot path is
 * allocation-free): measured with the JVM's per-thread allocation counter around every step of the
 * phase in the market kernel and in the baseline world (multi-homing on), the only steps that
 * allocate are those in which the phase grew a class array before its loops, and no array ever grew
 * inside them.
 */
class UsersAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** The model's UserChoice, with the allocation of each of its steps recorded. */
  private static final class Measured implements UsersPhase {
    final UserChoice phase;
    long allocatingSteps;
    long stepsWithoutGrowth;
    long bytesInStepsWithoutGrowth;

    Measured(ModelSpec s) {
      phase =
          new UserChoice(s.users(), s.competition().maxFirms(), s.crossBorder().jurisdictions());
    }

    @Override
    public void assignInitial(World w, MersenneTwisterFast rng, MersenneTwisterFast mh) {
      phase.assignInitial(w, rng, mh);
    }

    @Override
    public void step(World w, MersenneTwisterFast a, MersenneTwisterFast c, Synergy synergy) {
      int grown = phase.reserveGrowths();
      long before = THREADS.getCurrentThreadAllocatedBytes();
      phase.step(w, a, c, synergy);
      long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
      if (bytes > 0) allocatingSteps++;
      if (phase.reserveGrowths() == grown) {
        stepsWithoutGrowth++;
        bytesInStepsWithoutGrowth += bytes;
      }
    }
  }

  private static Measured run(String scenario, List<String> sets) throws Exception {
    ModelSpec spec = Scenarios.load(Path.of(scenario), sets).config();
    Measured[] m = new Measured[1];
    GovSimModel model = new GovSimModel(spec, s -> m[0] = new Measured(s));
    model.start();
    while (!model.isDone()) model.stepOnce();
    return m[0];
  }

  @Test
  void theKernelsUsersPhaseAllocatesOnlyWhenAClassGrowsBeforeTheLoops() throws Exception {
    assertTrue(THREADS.isThreadAllocatedMemorySupported());
    THREADS.setThreadAllocatedMemoryEnabled(true);
    long before = THREADS.getCurrentThreadAllocatedBytes();
    long[] probe = new long[1000];
    assertTrue(
        THREADS.getCurrentThreadAllocatedBytes() - before >= 8000 && probe.length == 1000,
        "the counter sees an allocation of 8,000 bytes");
    Measured m = run("scenarios/bench/market-kernel.yaml", List.of("users.count=100000"));
    assertEquals(0, m.phase.hotLoopGrowths(), "no class array grew inside the loops");
    assertTrue(m.stepsWithoutGrowth > 300, "most steps grow nothing: " + m.stepsWithoutGrowth);
    assertEquals(0, m.bytesInStepsWithoutGrowth, "bytes allocated in steps that grew nothing");
  }

  @Test
  void theBaselinesUsersPhaseWithMultiHomingAllocatesOnlyWhenAClassGrows() throws Exception {
    THREADS.setThreadAllocatedMemoryEnabled(true);
    Measured m =
        run("scenarios/baseline.yaml", List.of("users.count=20000", "time.horizon_days=730"));
    assertEquals(0, m.phase.hotLoopGrowths(), "no class array grew inside the loops");
    assertTrue(m.stepsWithoutGrowth > 600, "most steps grow nothing: " + m.stepsWithoutGrowth);
    assertEquals(0, m.bytesInStepsWithoutGrowth, "bytes allocated in steps that grew nothing");
  }
}
