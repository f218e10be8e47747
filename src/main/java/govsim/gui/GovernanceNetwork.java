package govsim.gui;

import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.World;
import java.util.ArrayList;
import java.util.List;
import sim.field.continuous.Continuous2D;
import sim.field.network.Network;
import sim.util.Double2D;

/**
 * The governance structure as a MASON network on a plane, rebuilt from the world after each step:
 * regulators along the top, compliance communities in the middle, firms in a grid below. Membership
 * links a firm to its community; certification links a community to a regulator that recognises its
 * certificate (M10, M11).
 *
 * <p>A firm keeps its place (by id) for the whole run, so the eye can follow it; exited firms stay
 * as faint ghosts. Communities, which form and dissolve, are spread evenly along their row.
 */
public final class GovernanceNetwork {
  /** Field size in display units; the display scales it to its window. */
  public static final double WIDTH = 100;

  public static final double HEIGHT = 80;
  static final double REGULATOR_Y = 9;
  static final double COMMUNITY_Y = 29;
  static final double FIRM_TOP = 50;
  static final double FIRM_BOTTOM = 74;
  static final double MARGIN = 4;

  /** What an edge means. */
  public enum LinkKind {
    /** A firm belongs to a community (M7). */
    MEMBERSHIP,
    /** A regulator recognises a community's certificate (M10, M11). */
    CERTIFICATION,
    /** A regulator's rule in force binds the firm (it serves the jurisdiction; M2). */
    RULE_BINDS,
    /** The regulator inspected or investigated the firm within {@link #RECENT_DAYS} (M3). */
    INSPECTED
  }

  /** How long an inspection stays drawn: a month of simulated time. */
  static final double RECENT_DAYS = 30;

  private final Continuous2D field = new Continuous2D(10, WIDTH, HEIGHT);
  private final Network links = new Network(false);
  private final List<FirmNode> firms = new ArrayList<>();
  private final List<CommunityNode> communities = new ArrayList<>();
  private final List<RegulatorNode> regulators = new ArrayList<>();
  private World world;
  private NodeActivity activity;
  private int columns = 10;

  public Continuous2D field() {
    return field;
  }

  public Network links() {
    return links;
  }

  /**
   * Starts over on a new world.
   *
   * @param expectedFirms firms the run is likely to see (initial count plus expected entrants),
   *     which sets the grid's width so that rows are about a third as many as columns
   */
  /** The world the network shows (the run's, or the set-up preview's while stopped). */
  World world() {
    return world;
  }

  public void reset(World w, NodeActivity a, int expectedFirms) {
    world = w;
    activity = a;
    firms.clear();
    communities.clear();
    regulators.clear();
    field.clear();
    links.clear();
    columns =
        Math.max(6, Math.min(30, (int) Math.ceil(Math.sqrt(3.0 * Math.max(1, expectedFirms)))));
    for (Regulator r : w.regulators) regulators.add(new RegulatorNode(w, r, a));
    update();
  }

  /** Brings nodes, places and links up to date with the world. */
  public void update() {
    if (world == null) return;
    links.clear();
    for (int j = 0; j < regulators.size(); j++) {
      place(regulators.get(j), WIDTH * (j + 0.5) / regulators.size(), REGULATOR_Y);
    }
    while (firms.size() < world.firms.size()) {
      Firm f = world.firms.get(firms.size());
      firms.add(new FirmNode(world, f, activity));
    }
    int rows = Math.max(1, (firms.size() + columns - 1) / columns);
    double rowGap = rows == 1 ? 0 : Math.min(12, (FIRM_BOTTOM - FIRM_TOP) / (rows - 1));
    double colGap = (WIDTH - 2 * MARGIN) / columns;
    for (FirmNode n : firms) {
      int id = n.firm().id;
      place(n, MARGIN + colGap * (id % columns + 0.5), FIRM_TOP + rowGap * (id / columns));
    }
    while (communities.size() < world.communities.size()) {
      Community c = world.communities.get(communities.size());
      communities.add(new CommunityNode(world, c, activity));
    }
    List<CommunityNode> active = new ArrayList<>();
    for (CommunityNode n : communities) {
      if (n.active()) {
        active.add(n);
      } else {
        field.remove(n);
      }
    }
    for (int i = 0; i < active.size(); i++) {
      place(active.get(i), MARGIN + (WIDTH - 2 * MARGIN) * (i + 0.5) / active.size(), COMMUNITY_Y);
    }
    for (RegulatorNode r : regulators) {
      Regulator reg = r.regulator();
      boolean rules = false;
      for (govsim.world.Risk risk : world.risks) rules |= risk.active && reg.rules.covers(risk);
      for (FirmNode n : firms) {
        Firm f = n.firm();
        if (!f.active || !f.serves(reg.jurisdiction)) continue;
        boolean inspected =
            f.lastInspectedJurisdiction == reg.jurisdiction
                && world.now - f.lastInspectedDay < RECENT_DAYS;
        if (inspected) links.addEdge(r, n, LinkKind.INSPECTED);
        else if (rules) links.addEdge(r, n, LinkKind.RULE_BINDS);
      }
    }
    for (CommunityNode c : active) {
      Community com = c.community();
      for (int f = com.members.nextSetBit(0); f >= 0; f = com.members.nextSetBit(f + 1)) {
        if (f < firms.size() && firms.get(f).active())
          links.addEdge(firms.get(f), c, LinkKind.MEMBERSHIP);
      }
      for (RegulatorNode r : regulators) {
        Regulator reg = r.regulator();
        if (reg.recognizeCertification && com.recognizedBy(reg.jurisdiction)) {
          links.addEdge(c, r, LinkKind.CERTIFICATION);
        }
      }
    }
  }

  private void place(Object node, double x, double y) {
    // Rounded so that the inspector's Position reads 36.2, not 36.19999999999996.
    field.setObjectLocation(
        node, new Double2D(Math.round(x * 100) / 100.0, Math.round(y * 100) / 100.0));
    links.addNode(node);
  }

  /**
   * The node an event is about: its firm, else its community, else its jurisdiction's regulator;
   * null if none of them is on the display.
   */
  Object nodeFor(govsim.world.WorldEvent e) {
    if (e.firm() >= 0 && e.firm() < firms.size()) return firms.get(e.firm());
    if (e.community() >= 0 && e.community() < communities.size()) {
      CommunityNode c = communities.get(e.community());
      return c.active() ? c : null;
    }
    if (e.jurisdiction() >= 0) {
      for (RegulatorNode r : regulators) {
        if (r.regulator().jurisdiction == e.jurisdiction()) return r;
      }
    }
    return null;
  }

  /** The firm nodes by id (for tests). */
  List<FirmNode> firms() {
    return firms;
  }

  /** The step whose end the world is at (the last completed step), for flash ages. */
  long lastStep() {
    return world == null ? -1 : world.step - 1;
  }
}
