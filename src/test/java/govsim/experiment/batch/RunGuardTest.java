package govsim.experiment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.Deadline;
import govsim.experiment.RunFailure;
import govsim.experiment.SingleRun;
import govsim.experiment.TinyWorld;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.observe.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-run guard of issue 17 item 4: memory estimate, time-out, out-of-memory isolation. */
class RunGuardTest {
  private static final long MIB = 1024L * 1024L;

  @TempDir Path tmp;

  private ModelSpec tiny(int users, int days, String... sets) throws Exception {
    Path f = TinyWorld.scenario(tmp, "g" + users + "-" + days + ".yaml", users, days);
    return Scenarios.load(f, List.of(sets)).config();
  }

  @Test
  void twentyMillionUsersAreRefusedInA200MiBHeapWithTheFigureAndTheFix() throws Exception {
    ModelSpec spec = tiny(1500, 60, "users.count=20000000");
    // 20,000,000 x 18 bytes + 8 MiB = 368,388,608 bytes = 351.3 MiB, rounded up to 352 MiB.
    assertEquals(20_000_000L * 18 + 8 * MIB, RunGuard.estimate(spec, false));
    String why = new RunGuard(null, 200 * MIB).refusal(spec, false);
    // Budget: 80% of 200 MiB = 160 MiB; advice: 352 MiB / 0.8 = 439 MiB, rounded up to 512 MiB.
    assertEquals(
        "the run needs about 352 MiB of memory for its 20,000,000 users (18 bytes a user plus 8 MiB), more"
            + " than the 160 MiB that runs may use in this Java heap of 200 MiB; give Java more memory, e.g."
            + " GOVSIM_JAVA_OPTS=-Xmx512m, or use fewer users",
        why);
    // The README's measured case: 10 million users run in a 1 GiB heap; the guard must not refuse
    // it.
    assertNull(
        new RunGuard(null, 1024 * MIB).refusal(tiny(1500, 30, "users.count=10000000"), false));
  }

  @Test
  void keptRowsCountInTheEstimate() throws Exception {
    ModelSpec spec = tiny(1000, 100);
    // 100 daily steps, one row per step: 100 / 1 + 2 = 102 rows of (16 + 8 x columns + 8) bytes.
    long rows = 102L * (16 + 8L * govsim.observe.Metrics.STEP_NAMES.size() + 8);
    assertEquals(1000L * 18 + 8 * MIB + rows, RunGuard.estimate(spec, true));
  }

  @Test
  void runsThatDoNotFitTogetherWaitInsteadOfFailing() throws Exception {
    ModelSpec spec = tiny(1000, 10);
    long need = RunGuard.estimate(spec, false);
    // A budget (80% of the heap) that holds one such run but not two.
    RunGuard guard = new RunGuard(null, (long) (need * 1.5 / 0.8));
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ModelRunner counting =
        (s, l) -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(30);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          } finally {
            inFlight.decrementAndGet();
          }
          return null;
        };
    List<Callable<Object>> jobs = new ArrayList<>();
    for (int i = 0; i < 6; i++) jobs.add(() -> guard.run(counting, spec, RunListener.NONE, false));
    BatchRunner.Summary s = new BatchRunner(3).run(jobs.iterator(), o -> {});
    assertEquals(0, s.failed());
    assertEquals(1, most.get(), "three threads, but memory for one run at a time");
  }

  @Test
  void aRunPastItsTimeoutStopsWithTheDayItReached() throws Exception {
    ModelSpec spec = tiny(2000, 36500);
    RunFailure f =
        assertThrows(
            RunFailure.class,
            () -> SingleRun.run(spec, RunListener.NONE, Deadline.after(Duration.ofMillis(1))));
    assertTrue(
        f.getMessage().startsWith("exceeded the run time-out of 1 ms at day "), f.getMessage());
    assertTrue(
        f.getMessage().contains(" of 36500; rerun it with a larger --run-timeout"), f.getMessage());
  }

  @Test
  void timeoutsParseWithTheirUnitsAndRefuseNonsense() {
    assertEquals(Duration.ofSeconds(90), RunGuard.parse("90s"));
    assertEquals(Duration.ofSeconds(90), RunGuard.parse("90"));
    assertEquals(Duration.ofMinutes(15), RunGuard.parse("15m"));
    assertEquals(Duration.ofHours(2), RunGuard.parse("2h"));
    assertEquals(Duration.ofMillis(500), RunGuard.parse("500ms"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunGuard.parse("soon"));
    assertTrue(e.getMessage().contains("such as 90s, 15m or 2h"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RunGuard.parse("0s"));
    assertEquals("500 ms", Deadline.format(Duration.ofMillis(500)));
    assertEquals("2.5 s", Deadline.format(Duration.ofMillis(2500)));
    assertEquals("90 s", Deadline.format(Duration.ofSeconds(90)));
    assertEquals("15 min", Deadline.format(Duration.ofMinutes(15)));
    assertEquals("2 h", Deadline.format(Duration.ofHours(2)));
  }

  @Test
  void anOutOfMemoryErrorInsideTheGuardBecomesAFailedRunWithWhatToDo() throws Exception {
    ModelSpec spec = tiny(1000, 10);
    ModelRunner hungry =
        (s, l) -> {
          long[] tooBig = new long[Integer.MAX_VALUE - 8]; // a real OutOfMemoryError from the JVM
          throw new AssertionError("allocated " + tooBig.length);
        };
    RunFailure f =
        assertThrows(
            RunFailure.class,
            () -> new RunGuard(null, 4096 * MIB).run(hungry, spec, RunListener.NONE, false));
    // The estimate: 1000 x 18 bytes + 8 MiB = 8.02 MiB, rounded up to 9; advice: twice the heap.
    assertEquals(
        "ran out of memory (Java heap of 4096 MiB, 9 MiB estimated for this run, 9 MiB reserved by the runs"
            + " in flight); give Java more memory, e.g. GOVSIM_JAVA_OPTS=-Xmx8192m, or use fewer --threads",
        f.getMessage());
  }

  @Test
  void aJobThatRunsOutOfMemoryFailsAloneAndTheBatchGoesOn() throws Exception {
    List<Callable<Integer>> jobs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int id = i;
      jobs.add(
          () -> {
            // A real OutOfMemoryError from the JVM (an array larger than any heap), not one thrown
            // by hand.
            if (id == 2) return new long[Integer.MAX_VALUE - 8].length;
            return id;
          });
    }
    List<Outcome<Integer>> seen = new ArrayList<>();
    Iterator<Callable<Integer>> it = jobs.iterator();
    BatchRunner.Summary s = new BatchRunner(2).run(it, seen::add);
    assertEquals(5, s.jobs());
    assertEquals(1, s.failed());
    assertFalse(seen.get(2).ok());
    assertTrue(seen.get(2).error() instanceof OutOfMemoryError);
    assertTrue(
        seen.get(2).errorText().startsWith("ran out of memory (Java heap of "),
        seen.get(2).errorText());
    assertFalse(seen.get(2).errorText().contains("Error"), seen.get(2).errorText());
    assertEquals(4, (int) seen.get(4).result());
  }
}
