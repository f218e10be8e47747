package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.WorldEvent;
import org.junit.jupiter.api.Test;

/**
 * The inspector rows every network node shares (NetworkNode): the last event that concerned the
 * node and the few before it, newest first, read from the run's NodeActivity under the node's own
 * key. Needs no display.
 */
class NetworkNodeTest {
  private static WorldEvent event(
      double day, EventKind type, int firm, int community, int jurisdiction) {
    return new WorldEvent((long) day, day, type, firm, community, -1, jurisdiction, Double.NaN, "");
  }

  @Test
  void eachNodeListsItsOwnEventsNewestFirst() {
    NodeActivity a = new NodeActivity();
    FirmNode firm = new FirmNode(null, new Firm(3, 0.5, 0.5, 0.5, 0, 1L), a);
    CommunityNode community = new CommunityNode(null, new Community(1, 0.5, 0.5, 0, 0L), a);
    RegulatorNode regulator = new RegulatorNode(null, new Regulator(0), a);
    assertEquals("none yet", firm.getLastEvent());
    assertEquals("none", firm.getEarlierEvents());

    a.record(event(1, EventKind.MANDATE_ENACTED, -1, -1, 0)); // the regulator of J0 only
    a.record(event(2, EventKind.JOIN, 3, 1, -1)); // the firm and the community
    a.record(event(3, EventKind.MANDATE_ENACTED, -1, -1, 1)); // another jurisdiction's regulator
    a.record(event(4, EventKind.LEAVE, 3, 1, -1));

    assertEquals("day 4 leave (firm 3, community 1)", firm.getLastEvent());
    assertEquals("day 2 join (firm 3, community 1)", firm.getEarlierEvents());
    assertEquals("day 4 leave (firm 3, community 1)", community.getLastEvent());
    assertEquals("day 2 join (firm 3, community 1)", community.getEarlierEvents());
    assertEquals("day 1 mandate enacted (regulator J0)", regulator.getLastEvent());
    assertEquals("none", regulator.getEarlierEvents());

    a.record(event(5, EventKind.MANDATE_ENACTED, -1, -1, 0));
    a.record(event(6, EventKind.AGENDA, -1, -1, 0));
    assertEquals(
        "day 5 mandate enacted (regulator J0)  |  day 1 mandate enacted (regulator J0)",
        regulator.getEarlierEvents());
    assertEquals("day 6 agenda (regulator J0): salience n/a", regulator.getLastEvent());
  }
}
