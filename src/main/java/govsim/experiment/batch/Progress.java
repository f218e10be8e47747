package govsim.experiment.batch;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Reports how far a batch has got: runs done, failures, time remaining. On a terminal a progress
 * bar ({@code me.tongfei.progressbar}); otherwise (a log file, CI) plain lines, either one per
 * finished run or at most one every few seconds, so that logs stay readable.
 *
 * <p>Only the thread that consumes a batch's outcomes calls {@link #finished}.
 */
public interface Progress extends AutoCloseable {

  /**
   * One more run has finished.
   *
   * @param ok false if the run failed
   * @param label what the run was (for one-line-per-run reports; may be ignored)
   */
  void finished(boolean ok, String label);

  /** Ends the report (prints a final line or closes the bar). */
  @Override
  void close();

  /** Reports nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void finished(boolean ok, String label) {}

        @Override
        public void close() {}
      };

  /** True when standard input and output are a terminal (where a progress bar can redraw). */
  static boolean onTerminal() {
    return System.console() != null;
  }

  /**
   * A progress bar on {@code bar} (usually System.err).
   *
   * @param bar where the bar is drawn
   * @param task the bar's label, e.g. "sweep"
   * @param total runs in the batch, including those already done
   * @param alreadyDone runs done before this session (a resumed sweep), counted from the start
   */
  static Progress bar(PrintStream bar, String task, long total, long alreadyDone) {
    return new Bar(bar, task, total, alreadyDone);
  }

  /**
   * Plain lines on {@code out}.
   *
   * @param out where lines go
   * @param task prefix of each line, e.g. "govsim compare"
   * @param total runs in the batch, including those already done
   * @param alreadyDone runs done before this session
   * @param everyRun true: one line per finished run (with its label); false: a line at most every
   *     {@code interval} and one at the end
   * @param interval least time between two periodic lines
   * @param nanoClock the clock (System::nanoTime; tests pass a fake one)
   */
  static Progress lines(
      PrintWriter out,
      String task,
      long total,
      long alreadyDone,
      boolean everyRun,
      Duration interval,
      LongSupplier nanoClock) {
    return new Lines(out, task, total, alreadyDone, everyRun, interval, nanoClock);
  }

  /** "1h 02m", "3m 05s", "42s". */
  static String formatDuration(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) return "?";
    long s = Math.round(seconds);
    if (s >= 3600) return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    if (s >= 60) return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    return s + "s";
  }

  /** The terminal bar. */
  final class Bar implements Progress {
    private final ProgressBar bar;
    private long done;
    private long failed;

    Bar(PrintStream out, String task, long total, long alreadyDone) {
      this.done = alreadyDone;
      this.bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(500)
              .showSpeed()
              .setSpeedUnit(java.time.temporal.ChronoUnit.MINUTES)
              .setUnit(" runs", 1)
              .setConsumer(new ConsoleProgressBarConsumer(out))
              .startsFrom(alreadyDone, Duration.ZERO)
              .build();
    }

    @Override
    public void finished(boolean ok, String label) {
      done++;
      if (!ok) {
        failed++;
        bar.setExtraMessage(failed + " failed");
      }
      bar.stepTo(done);
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** Plain lines. */
  final class Lines implements Progress {
    private final PrintWriter out;
    private final String task;
    private final long total;
    private final long startDone;
    private final boolean everyRun;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long lastPrint;
    private long done;
    private long failed;

    Lines(
        PrintWriter out,
        String task,
        long total,
        long alreadyDone,
        boolean everyRun,
        Duration interval,
        LongSupplier clock) {
      this.out = out;
      this.task = task;
      this.total = total;
      this.startDone = alreadyDone;
      this.done = alreadyDone;
      this.everyRun = everyRun;
      this.intervalNanos = interval.toNanos();
      this.clock = clock;
      this.start = clock.getAsLong();
      this.lastPrint = start;
    }

    @Override
    public void finished(boolean ok, String label) {
      done++;
      if (!ok) failed++;
      long now = clock.getAsLong();
      if (everyRun) {
        int width = Long.toString(total).length();
        out.printf(
            Locale.ROOT,
            "%s: [%" + width + "d/%d] %s%s%n",
            task,
            done,
            total,
            label,
            ok ? "" : " FAILED");
        out.flush();
      } else if (now - lastPrint >= intervalNanos && done < total) {
        lastPrint = now;
        out.println(status(now));
        out.flush();
      }
    }

    /** "120/400 runs done (2 failed), 14.2 runs/min, about 3m 05s left". */
    String status(long now) {
      double elapsed = (now - start) / 1e9;
      long thisSession = done - startDone;
      double perSecond = elapsed > 0 ? thisSession / elapsed : Double.NaN;
      String left = thisSession > 0 ? formatDuration((total - done) / perSecond) : "?";
      return String.format(
          Locale.ROOT,
          "%s: %d/%d runs done (%d failed), %.1f runs/min, about %s left",
          task,
          done,
          total,
          failed,
          perSecond * 60,
          left);
    }

    @Override
    public void close() {
      if (!everyRun) {
        double elapsed = (clock.getAsLong() - start) / 1e9;
        out.printf(
            Locale.ROOT,
            "%s: %d/%d runs done (%d failed) in %s%n",
            task,
            done,
            total,
            failed,
            formatDuration(elapsed));
        out.flush();
      }
    }
  }
}
