package govsim.gui;

import govsim.world.World;
import java.util.List;

/**
 * What every node of the network display shares (firms, communities, regulators): the live {@link
 * World} it reads and never changes, its key in {@link NodeActivity}, and the inspector's two rows
 * of what recently happened to it. Subclasses add their bean getters, which MASON's inspector lists
 * together with these (it reads inherited getters too).
 */
public abstract class NetworkNode {
  final World world;
  private final NodeActivity activity;

  NetworkNode(World world, NodeActivity activity) {
    this.world = world;
    this.activity = activity;
  }

  /** The node's key in {@link NodeActivity} (F3, C1, R0). */
  abstract String key();

  /** The last event that concerned this node. */
  public String getLastEvent() {
    List<String> r = activity.recent(key());
    return r.isEmpty() ? "none yet" : r.get(0);
  }

  public String nameLastEvent() {
    return "Last event";
  }

  /** The few events before the last, newest first. */
  public String getEarlierEvents() {
    List<String> r = activity.recent(key());
    return r.size() < 2 ? "none" : String.join("  |  ", r.subList(1, r.size()));
  }

  public String nameEarlierEvents() {
    return "Earlier events";
  }
}
