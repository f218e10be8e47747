package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import govsim.world.EventKind;
import govsim.world.WorldEvent;
import org.junit.jupiter.api.Test;

/** The GUI's event log and flashes read the event vocabulary (no window needed). */
class EventTextTest {
  @Test
  void aLineNamesTheTypeWhoAndTheValue() {
    WorldEvent outcry = new WorldEvent(4, 5.0, EventKind.OUTCRY, 3, -1, -1, -1, 45, "practice");
    assertEquals("day 5 outcry (firm 3): complaints 45; practice", EventText.line(outcry));
    WorldEvent mandate =
        new WorldEvent(9, 10.0, EventKind.MANDATE_ENACTED, -1, -1, -1, 0, 0, "transparency");
    assertEquals(
        "day 10 mandate enacted (regulator J0): transparency",
        EventText.line(mandate),
        "no value meaning: the value is not shown");
    WorldEvent attack =
        new WorldEvent(9, 10.0, EventKind.ATTACK, -1, -1, -1, 1, 200, "malicious actor 2");
    assertEquals(
        "jurisdiction J1",
        EventText.who(attack),
        "an attack happens in a jurisdiction, not by its regulator");
  }

  @Test
  void flashesFollowTheVocabulary() {
    assertEquals(FlashKind.OUTCRY, FlashKind.of(EventKind.OUTCRY));
    assertEquals(FlashKind.SANCTION, FlashKind.of(EventKind.REVOCATION));
    assertEquals(FlashKind.EXPULSION, FlashKind.of(EventKind.EXPULSION));
    assertEquals(FlashKind.NEW_RULE, FlashKind.of(EventKind.MANDATE_ENACTED));
    assertEquals(FlashKind.NEW_RULE, FlashKind.of(EventKind.STANDARD_ADOPTED));
    assertNull(FlashKind.of(EventKind.JOIN));
    assertNull(FlashKind.of(EventKind.ATTACK));
  }
}
