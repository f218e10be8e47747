package govsim.gui;

import govsim.world.EventKind;
import govsim.world.WorldEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What recently happened to each node of the network display: the last event that makes it flash
 * (outcry, sanction, expulsion, new rule or standard) and its last few events of any kind, which
 * the node's inspector lists. Fed with the run's events as the recorder hands them over; read by
 * the portrayals and inspectors.
 *
 * <p>Synchronized because the feed runs in the model thread and painting in the Swing thread (MASON
 * holds the schedule's lock around both, but this class does not rely on it).
 */
public final class NodeActivity {
  /** Steps a flash stays visible (fading). */
  public static final int FLASH_STEPS = 6;

  /** Events kept per node for its inspector. */
  static final int RECENT = 6;

  /**
   * Events without a firm or community that concern a jurisdiction's regulator itself (its rules,
   * mandates and punishments); others of a jurisdiction, such as malicious attacks, happen there
   * but are not the regulator's doing.
   */
  static final java.util.Set<EventKind> REGULATOR_EVENTS =
      java.util.EnumSet.of(
          EventKind.RULE_ADOPTED,
          EventKind.AGENDA,
          EventKind.MANDATE_ENACTED,
          EventKind.ACTOR_PUNISHED,
          EventKind.GUIDELINE_ISSUED);

  /** A flash: what kind of event hit the node, and in which step. */
  public record Flash(FlashKind kind, long step) {}

  private final Map<String, Flash> flashes = new HashMap<>();
  private final Map<String, Deque<String>> recent = new HashMap<>();

  /** The key of a firm's node. */
  public static String firm(int id) {
    return "F" + id;
  }

  /** The key of a community's node. */
  public static String community(int id) {
    return "C" + id;
  }

  /** The key of a regulator's node. */
  public static String regulator(int jurisdiction) {
    return "R" + jurisdiction;
  }

  /** Records an event on the nodes it hits. */
  public synchronized void record(WorldEvent e) {
    FlashKind kind = FlashKind.of(e.type());
    String text = EventText.line(e);
    for (String key : nodesHit(e)) {
      if (kind != null) flashes.put(key, new Flash(kind, e.step()));
      Deque<String> q = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
      q.addFirst(text);
      while (q.size() > RECENT) q.removeLast();
    }
  }

  /**
   * The nodes an event hits: its firm, its community, and for the regulator's own events (rules,
   * mandates, punishments of malicious actors) the regulator of its jurisdiction. A sanction names
   * the jurisdiction too, but it hits the firm, so only the firm flashes.
   */
  static List<String> nodesHit(WorldEvent e) {
    List<String> keys = new ArrayList<>(2);
    if (e.firm() >= 0) keys.add(firm(e.firm()));
    if (e.community() >= 0) keys.add(community(e.community()));
    if (e.firm() < 0
        && e.community() < 0
        && e.jurisdiction() >= 0
        && REGULATOR_EVENTS.contains(e.type())) {
      keys.add(regulator(e.jurisdiction()));
    }
    return keys;
  }

  /** The node's flash if it is still visible after step {@code lastStep}, else null. */
  public synchronized Flash flash(String key, long lastStep) {
    Flash f = flashes.get(key);
    if (f == null || lastStep - f.step() >= FLASH_STEPS || lastStep < f.step()) return null;
    return f;
  }

  /** The node's last few events, newest first. */
  public synchronized List<String> recent(String key) {
    Deque<String> q = recent.get(key);
    return q == null ? List.of() : List.copyOf(q);
  }

  /** Forgets everything (a new run starts). */
  public synchronized void clear() {
    flashes.clear();
    recent.clear();
  }
}
