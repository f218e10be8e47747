package govsim.mechanism.reputation;

import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.model.ModelSpec;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.MaliciousActors;
import govsim.world.UserPopulation;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M5 reputation and backlash: the outcry threshold, reputation loss and recovery, the practice
 * revised exactly the response latency after the first outcry, and mitigation of the risks whose
 * incidents caused the outcry. Days: dt = 1, a step s ends on day s + 1.
 */
class BacklashTest {
  /** The automatic response (reputation.backlash_response automatic): draws nothing. */
  private static final MersenneTwisterFast NO_DRAWS = null;

  private static Backlash backlash(double latency) {
    ModelSpec s =
        spec(
            "reputation.backlash_response=automatic",
            "reputation.outcry_threshold_share=0.01",
            "reputation.outcry_loss=0.2",
            "reputation.recovery_per_day=0.01",
            "practice.readopt_cooldown_days=365",
            "firms.response_latency_days=" + latency,
            "firms.backlash_learning_rate=0.5");
    return BacklashDecisionTest.of(s);
  }

  /** A firm with 1000 users at the start of the step. */
  private static Firm firmWithUsers(World w) {
    Firm f = firm(w);
    f.users = 1000;
    f.usersAtStepStart = 1000;
    return f;
  }

  @Test
  void anOutcryNeedsStrictlyMoreComplaintsThanTheShareOfUsersAtStepStart() {
    Backlash b = backlash(2);
    assertFalse(b.isOutcry(10, 1000, 1), "exactly 1% is not an outcry");
    assertTrue(b.isOutcry(11, 1000, 1));
    assertFalse(b.isOutcry(5, 0, 1), "a firm without users has no outcry");
    assertTrue(b.isOutcry(1, 1, 1), "one complaint of one user exceeds 1%");
    assertFalse(b.isOutcry(0, 1, 1));
  }

  /**
   * Issue 11 item 7: the threshold is a share of users per day. A week-long step needs more than
   * 0.01 x 7 x 1000 = 70 complaints, a quarter-day step more than 0.01 x 0.25 x 1000 = 2.5.
   */
  @Test
  void theOutcryThresholdScalesWithTheStepLength() {
    Backlash b = backlash(2);
    assertFalse(b.isOutcry(70, 1000, 7));
    assertTrue(b.isOutcry(71, 1000, 7));
    assertFalse(b.isOutcry(11, 1000, 7), "a day's outcry is no outcry over a week");
    assertTrue(b.isOutcry(3, 1000, 0.25));
    assertFalse(b.isOutcry(2, 1000, 0.25));
  }

  /**
   * Issue 11 item 7: with a step of 7 days, an outcry at the end of step 0 (day 7) is answered at
   * day 7 + 2 = 9; the step that finds it due ends on day 14, but the response time is the latency,
   * 2 days (it was 7, rounded up to the step), the practice lasted 9 days (adopted on day 0), and
   * the cooldown runs from day 9. The spells say the same, with their start days.
   */
  @Test
  void theResponseKeepsItsSubStepTimeWithLongSteps() {
    UserPopulation pop = new UserPopulation(0, false);
    World w = new World(1, 7.0, pop, new MaliciousActors(0));
    Firm f = firmWithUsers(w);
    Backlash.adopt(w, f, "test");
    Backlash b = backlash(2);
    f.complaints = 71;
    b.step(w, NO_DRAWS);
    assertEquals(7.0, f.firstOutcryDay);
    assertEquals(9.0, f.revisionDueDay);
    tick(w);
    f.complaints = 0;
    b.step(w, NO_DRAWS);
    assertFalse(f.practice);
    assertEquals(List.of(2.0), w.backlashResponseDays);
    assertEquals(List.of(9.0), w.practiceDurationDays);
    assertEquals(9.0 + 365, f.noPracticeUntilDay);
    assertArrayEquals(new double[] {7, 2, 1}, w.backlashSpells.get(0));
    assertArrayEquals(new double[] {0, 9, 1}, w.practiceSpells.get(0));
  }

  /**
   * A practice dropped unprompted ends its spell (observed); one taken away by the firm's exit is
   * censored, and so is the backlash response the exit pre-empted.
   */
  @Test
  void droppedPracticesEndTheirSpellAndExitsCensorThem() {
    World w = world(1, 0);
    Firm f = firmWithUsers(w);
    w.now = 2;
    Backlash.adopt(w, f, "test");
    w.now = 10;
    Backlash.drop(w, f, "test");
    assertArrayEquals(new double[] {2, 8, 1}, w.practiceSpells.get(0));
    assertTrue(w.backlashSpells.isEmpty(), "no outcry was waiting");
    Firm g = firmWithUsers(w);
    Backlash.adopt(w, g, "test"); // day 10
    g.complaints = 11;
    w.step = 11;
    w.now = 11;
    backlash(5).step(w, NO_DRAWS); // outcry at the end of day 11: first outcry day 12
    w.now = 13;
    Backlash.endWithFirm(w, g);
    assertArrayEquals(new double[] {10, 3, 0}, w.practiceSpells.get(1));
    assertArrayEquals(new double[] {12, 1, 0}, w.backlashSpells.get(0));
  }

  @Test
  void theThresholdUsesUsersAtTheStartOfTheStepNotAfterTheExodus() {
    World w = world(1, 0);
    Firm f = firmWithUsers(w);
    f.users = 5; // most users left during this step
    f.complaints = 9; // fewer than 1% of 1000, though more than 5
    backlash(2).step(w, NO_DRAWS);
    assertEquals(0, w.tally.outcries);
  }

  @Test
  void anOutcryCutsReputationThenTheDaysRecoveryIsAdded() {
    World w = world(1, 0);
    Firm f = firmWithUsers(w);
    f.complaints = 11;
    f.backlashBelief = 0.3;
    backlash(2).step(w, NO_DRAWS);
    assertEquals(1, w.tally.outcries);
    assertEquals(1.0 - 0.2 + 0.01, f.reputation, 1e-15);
    assertEquals(0.65, f.backlashBelief, 1e-15, "belief moves halfway to 1");
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.OUTCRY));
    assertEquals("incidents", ev.get(0).detail());
    assertTrue(Double.isNaN(f.revisionDueDay), "no practice, nothing to revise");
  }

  @Test
  void reputationHasAFloorOfZeroAndACapOfOne() {
    World w = world(1, 0);
    Firm low = firmWithUsers(w);
    low.reputation = 0.1;
    low.complaints = 500;
    Firm high = firmWithUsers(w);
    high.reputation = 0.995;
    Firm mid = firmWithUsers(w);
    mid.reputation = 0.5;
    Firm gone = firmWithUsers(w);
    gone.reputation = 0.5;
    gone.active = false;
    backlash(2).step(w, NO_DRAWS);
    assertEquals(0.01, low.reputation, 1e-15, "max(0, 0.1 - 0.2) + 0.01");
    assertEquals(1.0, high.reputation);
    assertEquals(0.51, mid.reputation, 1e-15);
    assertEquals(0.5, gone.reputation, "an exited firm is left alone");
  }

  @Test
  void thePracticeIsRevisedExactlyTheResponseLatencyAfterTheFirstOutcry() {
    World w = world(1, 0);
    Firm f = firmWithUsers(w);
    Backlash.adopt(w, f, "scheduled event"); // day 0
    assertTrue(f.practice);
    assertEquals(0.0, f.practiceAdoptedDay);
    Backlash b = backlash(2);
    for (int s = 0; s < 3; s++) {
      f.complaints = 0;
      b.step(w, NO_DRAWS);
      tick(w);
    }
    f.complaints = 50;
    b.step(w, NO_DRAWS); // step 3, ends on day 4: first outcry
    assertEquals(4.0, f.firstOutcryDay);
    assertEquals(6.0, f.revisionDueDay);
    assertTrue(f.practice);
    tick(w);
    f.complaints = 50;
    b.step(w, NO_DRAWS); // step 4, day 5: a second outcry does not postpone the revision
    assertEquals(6.0, f.revisionDueDay);
    assertEquals(4.0, f.firstOutcryDay);
    assertTrue(f.practice);
    tick(w);
    f.complaints = 0;
    b.step(w, NO_DRAWS); // step 5, day 6
    assertFalse(f.practice);
    assertEquals(List.of(2.0), w.backlashResponseDays);
    assertEquals(List.of(6.0), w.practiceDurationDays);
    assertEquals(6.0 + 365, f.noPracticeUntilDay);
    assertTrue(Double.isNaN(f.revisionDueDay));
    assertTrue(Double.isNaN(f.firstOutcryDay));
    assertEquals(1, w.tally.revisions);
    List<WorldEvent> ev = events(w);
    WorldEvent revised =
        ev.stream().filter(e -> e.type() == EventKind.PRACTICE_REVISED).findFirst().orElseThrow();
    assertEquals(2.0, revised.value());
    assertEquals(2, count(ev, EventKind.OUTCRY));
  }

  @Test
  void withZeroLatencyThePracticeIsRevisedInTheStepOfTheOutcry() {
    World w = world(1, 0);
    w.step = 9;
    w.now = 9;
    Firm f = firmWithUsers(w);
    Backlash.adopt(w, f, "test");
    f.complaints = 11;
    backlash(0).step(w, NO_DRAWS);
    assertFalse(f.practice);
    assertEquals(List.of(0.0), w.backlashResponseDays);
    assertEquals(
        List.of(1.0), w.practiceDurationDays, "adopted at the start of day 9, revised at its end");
  }

  @Test
  void anOutcryMakesTheFirmMitigateTheRisksWhoseIncidentsCausedIt() {
    World w = world(1, 0);
    Firm f = firmWithUsers(w);
    f.addIncident(0.3, 3);
    f.addIncident(0.3, -1); // practice news: no risk to mitigate
    f.addIncident(0.3, 5);
    f.mitigates.set(5);
    f.complaints = 11;
    backlash(2).step(w, NO_DRAWS);
    assertTrue(f.mitigates.get(3));
    assertEquals(2, f.mitigates.cardinality());
    List<WorldEvent> ev = events(w);
    assertEquals(
        1, count(ev, EventKind.MITIGATION_AFTER_OUTCRY), "only newly mitigated risks are logged");
    // Without an outcry incidents change nothing.
    Firm g = firmWithUsers(w);
    g.addIncident(0.3, 7);
    g.complaints = 10;
    backlash(2).step(w, NO_DRAWS);
    assertFalse(g.mitigates.get(7));
  }

  @Test
  void adoptingTwiceKeepsTheFirstAdoptionDay() {
    World w = world(1, 0);
    Firm f = firmWithUsers(w);
    w.now = 3;
    Backlash.adopt(w, f, "test");
    w.now = 8;
    Backlash.adopt(w, f, "test");
    assertEquals(3.0, f.practiceAdoptedDay);
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.PRACTICE_ADOPTED));
    assertEquals("test", ev.get(0).detail(), "the reason is logged");
  }

  /**
   * A scheduled adopt_practice overrides the cooldown after an earlier revision; an inactive or
   * missing firm ignores it; a firm that already has the practice keeps its adoption day.
   */
  @Test
  void aScheduledAdoptionOverridesTheCooldownAndSkipsInactiveFirms() {
    World w = world(1, 0);
    Firm f = firm(w);
    f.noPracticeUntilDay = 400;
    w.now = 100;
    Backlash.adoptByEvent(w, f);
    assertTrue(f.practice);
    assertEquals(0.0, f.noPracticeUntilDay);
    assertEquals(100.0, f.practiceAdoptedDay);
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.PRACTICE_ADOPTED));
    assertEquals("scheduled event", ev.get(0).detail());
    w.now = 120;
    Backlash.adoptByEvent(w, f);
    assertEquals(100.0, f.practiceAdoptedDay, "already adopted: unchanged");
    assertTrue(events(w).isEmpty());
    Firm gone = firm(w);
    gone.active = false;
    Backlash.adoptByEvent(w, gone);
    Backlash.adoptByEvent(w, null);
    assertFalse(gone.practice);
    assertTrue(events(w).isEmpty());
  }

  /** firms.backlash_learning_rate: an outcry moves the belief that share of the way to 1. */
  @Test
  void theBeliefLearningRateIsTheShareOfTheWayToOne() {
    ModelSpec s =
        spec("reputation.outcry_threshold_share=0.01", "reputation.backlash_response=automatic");
    for (double[] c :
        new double[][] {{0.25, 0.3, 1 - 0.75 * 0.7}, {0.0, 0.3, 0.3}, {1.0, 0.3, 1.0}}) {
      World w = world(1, 0);
      Firm f = firmWithUsers(w);
      f.complaints = 11;
      f.backlashBelief = c[1];
      ModelSpec t =
          spec(
              "reputation.outcry_threshold_share=0.01",
              "reputation.backlash_response=automatic",
              "firms.backlash_learning_rate=" + c[0]);
      BacklashDecisionTest.of(t).step(w, NO_DRAWS);
      assertEquals(c[2], f.backlashBelief, 1e-15, "rate " + c[0]);
    }
  }
}
