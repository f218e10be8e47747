package govsim.gui;

import govsim.observe.RunListener;
import govsim.world.WorldEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The one listener of the GUI's {@link govsim.observe.Recorder}: it receives the recorded rows and
 * the drained events in the model thread and fans them out — events to the nodes they hit (at once,
 * so the display drawn after this step flashes them), rows and events to the charts and the event
 * panel (handed to the Swing thread in batches), and both to an optional tap (tests compare what
 * the GUI recorded with {@code govsim run}).
 *
 * <p>The world's event log has exactly one consumer, this feed, so no event is lost or shown twice.
 */
final class GuiFeed implements RunListener {
  /**
   * Events buffered between two hand-overs to Swing at most (a very fast play drops the oldest).
   */
  static final int MAX_PENDING_EVENTS = 5 * EventLogPanel.CAPACITY;

  private final NodeActivity activity;
  private final RunListener tap;
  private final Consumer<List<double[]>> rowSink;
  private final Consumer<List<WorldEvent>> eventSink;
  private List<double[]> rows = new ArrayList<>();
  private List<WorldEvent> events = new ArrayList<>();
  private boolean handOverPending;

  /**
   * @param rowSink receives rows in the Swing thread
   * @param eventSink receives events in the Swing thread
   */
  GuiFeed(
      NodeActivity activity,
      RunListener tap,
      Consumer<List<double[]>> rowSink,
      Consumer<List<WorldEvent>> eventSink) {
    this.activity = activity;
    this.tap = tap;
    this.rowSink = rowSink;
    this.eventSink = eventSink;
  }

  @Override
  public void row(double[] row) {
    tap.row(row);
    synchronized (this) {
      rows.add(row);
    }
  }

  @Override
  public void event(WorldEvent e) {
    tap.event(e);
    activity.record(e);
    synchronized (this) {
      events.add(e);
      if (events.size() > MAX_PENDING_EVENTS)
        events.subList(0, events.size() - MAX_PENDING_EVENTS).clear();
    }
  }

  /** Hands what arrived since the last hand-over to the Swing thread (coalesced). */
  synchronized void handOverLater() {
    if (handOverPending || (rows.isEmpty() && events.isEmpty())) return;
    handOverPending = true;
    SwingUtilities.invokeLater(this::handOver);
  }

  /** Swing thread: passes the buffered rows and events on. */
  void handOver() {
    List<double[]> r;
    List<WorldEvent> e;
    synchronized (this) {
      r = rows;
      e = events;
      rows = new ArrayList<>();
      events = new ArrayList<>();
      handOverPending = false;
    }
    rowSink.accept(r);
    eventSink.accept(e);
  }

  /** Drops anything not yet handed over (a new run starts). */
  synchronized void clear() {
    rows = new ArrayList<>();
    events = new ArrayList<>();
  }
}
