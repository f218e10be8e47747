package govsim.experiment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {

  /** Jobs that sleep a varying time (so they finish out of order) and return their number. */
  private static Iterator<Callable<Integer>> jobs(int n, AtomicInteger pulled, int failEvery) {
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public Callable<Integer> next() {
        int i = next++;
        pulled.incrementAndGet();
        return () -> {
          Thread.sleep((i * 7) % 5);
          if (failEvery > 0 && i % failEvery == 0)
            throw new IllegalStateException("job " + i + " broke");
          return i;
        };
      }
    };
  }

  @Test
  void deliversInSubmissionOrderWhateverTheThreads() throws InterruptedException {
    for (int threads : new int[] {1, 3}) {
      List<Long> order = new ArrayList<>();
      BatchRunner.Summary s =
          new BatchRunner(threads)
              .run(
                  jobs(40, new AtomicInteger(), 0),
                  (Outcome<Integer> o) -> {
                    assertTrue(o.ok());
                    assertEquals(o.index(), (long) o.result());
                    order.add(o.index());
                  });
      assertEquals(40, s.jobs());
      assertEquals(0, s.failed());
      for (int i = 0; i < 40; i++) assertEquals(i, order.get(i));
    }
  }

  @Test
  void aFailingJobIsReportedAndTheOthersGoOn() throws InterruptedException {
    List<Outcome<Integer>> outcomes = new ArrayList<>();
    BatchRunner.Summary s = new BatchRunner(2).run(jobs(10, new AtomicInteger(), 4), outcomes::add);
    assertEquals(10, outcomes.size());
    assertEquals(3, s.failed()); // jobs 0, 4, 8
    assertFalse(outcomes.get(4).ok());
    assertEquals(
        "job 4 broke", outcomes.get(4).errorText(), "the message, without a Java class name");
    assertTrue(outcomes.get(5).ok());
  }

  @Test
  void streamsJobsInsteadOfQueueingThemAll() throws InterruptedException {
    AtomicInteger pulled = new AtomicInteger();
    int[] maxAhead = new int[1];
    new BatchRunner(2)
        .run(
            jobs(100, pulled, 0),
            (Outcome<Integer> o) -> {
              maxAhead[0] = Math.max(maxAhead[0], pulled.get() - (int) o.index());
            });
    assertTrue(maxAhead[0] <= 8 + 1, "jobs pulled ahead of the consumer: " + maxAhead[0]);
  }

  @Test
  void aConsumerErrorStopsTheBatch() {
    AtomicInteger pulled = new AtomicInteger();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BatchRunner(2)
                .run(
                    jobs(1000, pulled, 0),
                    (Outcome<Integer> o) -> {
                      if (o.index() == 3) throw new IllegalArgumentException("disk full");
                    }));
    assertTrue(pulled.get() < 50, "the batch went on after the consumer failed: " + pulled.get());
  }

  @Test
  void threadsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new BatchRunner(0));
  }
}
