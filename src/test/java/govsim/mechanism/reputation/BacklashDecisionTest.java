package govsim.mechanism.reputation;

import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.mechanism.firms.Accounting;
import govsim.mechanism.reputation.ResponseDecisionTest.Fixed;
import govsim.model.ModelSpec;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: the backlash response as a decision (reputation.backlash_response decision) in
 * the M5 phase: when decisions fall due (deliberation firms.response_latency_days = 2 days after
 * the outcry, again 2 days after a wait or a partial revision, at the next outcry after a hold),
 * what a partial revision does, and the bookkeeping of the survival and answer metrics. Decision
 * intensity 0 makes every answer 1/4 likely, so a fixed uniform picks it: [0, 0.25) full, [0.25,
 * 0.5) partial, [0.5, 0.75) wait, [0.75, 1) hold. Days: dt = 1, step s ends on day s + 1.
 */
class BacklashDecisionTest {
  /** The M5 phase as the model builds it from a scenario. */
  static Backlash of(ModelSpec s) {
    return new Backlash(
        s.reputation(),
        s.practice(),
        s.firms().responseLatencyDays(),
        s.firms().backlashLearningRate(),
        s.firms().decisionRule() == govsim.mechanism.firms.DecisionRule.FERMI,
        s.firms().decisionIntensity(),
        s.firms().harmAversion());
  }

  private static ModelSpec spec0() {
    return spec(
        "reputation.backlash_response=decision",
        "reputation.partial_revision_share=0.5",
        "firms.response_latency_days=2",
        "firms.decision_intensity=0",
        "firms.revenue_per_user_year=20",
        "practice.revenue_share=0.1");
  }

  private static Backlash backlash() {
    ModelSpec s = spec0();
    return BacklashDecisionTest.of(s);
  }

  /** A world whose firm 0 (1000 users) adopted the practice on day 0; an outcry ends day 1. */
  private static World adoptedWithOutcry(Backlash b) {
    World w = world(1, 0);
    Firm f = firm(w);
    f.users = 1000;
    f.usersAtStepStart = 1000;
    Backlash.adopt(w, f, "test");
    f.complaints = 11;
    b.step(w, new Fixed());
    f.complaints = 0;
    assertEquals(1.0, f.firstOutcryDay);
    assertEquals(3.0, f.revisionDueDay, "decision due a deliberation after the outcry");
    return w;
  }

  /** The world's events of one kind so far (drains the log). */
  private static List<WorldEvent> of(World w, EventKind kind) {
    return events(w).stream().filter(e -> e.type() == kind).toList();
  }

  private static void stepTo(World w, Backlash b, int step, double... uniforms) {
    while (w.step < step) {
      tick(w);
      b.step(w, new Fixed(uniforms));
    }
  }

  @Test
  void waitDecidesAgainAfterAnotherDeliberationAndHoldWaitsForTheNextOutcry() {
    Backlash b = backlash();
    World w = adoptedWithOutcry(b);
    Firm f = w.firms.get(0);
    stepTo(w, b, 1); // ends day 2: nothing due, no draw
    stepTo(w, b, 2, 0.6); // ends day 3: wait
    assertTrue(f.practice);
    assertEquals(5.0, f.revisionDueDay);
    assertTrue(w.outcryAnswers.isEmpty(), "a wait does not answer the outcry");
    stepTo(w, b, 4, 0.9); // ends day 5: hold
    assertTrue(f.practice);
    assertTrue(Double.isNaN(f.revisionDueDay));
    assertTrue(Backlash.responding(f), "the firm's review leaves a held practice alone");
    assertEquals(1, w.outcryAnswers.size());
    assertArrayEquals(new double[] {5, 1}, w.outcryAnswers.get(0));
    assertEquals(List.of(3.0, 5.0), w.responseDecisionDays);
    List<String> answers =
        of(w, EventKind.BACKLASH_DECISION).stream().map(e -> e.detail()).toList();
    assertEquals(List.of("wait", "hold"), answers);
    stepTo(w, b, 7); // nothing due while held
    tick(w); // step 8 ends day 9: a new outcry opens a new decision, due day 11
    f.complaints = 11;
    b.step(w, new Fixed());
    assertEquals(11.0, f.revisionDueDay);
    assertEquals(1.0, f.firstOutcryDay, "the first outcry stays the spell's start");
  }

  /**
   * A partial revision halves the intensity (share 0.5): the practice's revenue uplift is 0.1 x
   * 0.5, so 1000 users x 20 x 1.05 = 21000 a year; the first-response spell ends (day 1 to 3); the
   * next decision is due day 5, and a full revision then ends the practice: 4 days from the first
   * outcry, 5 from adoption.
   */
  @Test
  void aPartialRevisionCutsTheIntensityAndTheNextDecisionCanEndThePractice() {
    Backlash b = backlash();
    World w = adoptedWithOutcry(b);
    Firm f = w.firms.get(0);
    stepTo(w, b, 2, 0.3); // ends day 3: partial
    assertEquals(0.5, f.practiceLevel);
    assertEquals(5.0, f.revisionDueDay);
    assertEquals(List.of(3.0), w.partialRevisionDays);
    assertArrayEquals(new double[] {1, 2, 1}, w.firstResponseSpells.get(0));
    assertArrayEquals(new double[] {3, 0}, w.outcryAnswers.get(0));
    assertEquals(0.5, of(w, EventKind.PRACTICE_PARTLY_REVISED).get(0).value());
    ModelSpec s = spec0();
    Accounting acc = new Accounting(s.firms(), s.practice(), 0);
    assertEquals(21000.0, acc.annualRevenue(f), 1e-9);
    stepTo(w, b, 4, 0.1); // ends day 5: revise fully
    assertFalse(f.practice);
    assertEquals(List.of(4.0), w.backlashResponseDays);
    assertEquals(List.of(5.0), w.practiceDurationDays);
    assertEquals(1, w.firstResponseSpells.size(), "the first response was the partial one");
    assertEquals(1, w.outcryAnswers.size(), "the re-decision after a partial one is no outcry's");
    assertEquals(1000 * 20.0, acc.annualRevenue(f), 1e-9);
  }

  /**
   * The net value of keeping the practice, N = e - c (ResponseDecision), at the defaults (harm
   * aversion 20, harm 0.002/user/day): alignment 0.5 earns 0.1 x 100 - 0.5 x 20 x 0.73 = 2.7. The
   * firm lost 20 of 1000 users over 2 outcries since adoption (it had 1 before): 1% per outcry; it
   * expects (0.3 + 3 + 0.5 x 2) / (1 + 0.5 + 0.5 x 1) = 2.15 outcries a year: 2.15 % of revenue,
   * times the 3/4 of rivals' users (1000 at half intensity of 2000) who can escape it: 1.6125. N =
   * 2.7 - 1.6125 = 1.0875.
   */
  @Test
  void netValueOfKeepingThePractice() {
    World w = world(1, 0);
    Firm f = rivalsAndAdoption(w, 0, 0);
    f.users = 980;
    Backlash b = BacklashDecisionTest.of(spec("reputation.user_loss_evidence=net"));
    assertEquals(1.0875, b.netValue(w, f, 5.0), 1e-9);
  }

  /**
   * The world of the two tests of N: firm f (alignment 0.5) and two rivals of 1000 users each; f
   * had 1 outcry and {@code lostBefore} noticed loss before it adopted the practice, with a rival
   * at half intensity; since then 2 more outcries, half a practice-year, {@code lostSince} noticed
   * loss, and 5 outcries over 1.5 practice-years in the whole market.
   */
  private static Firm rivalsAndAdoption(World w, double lostBefore, double lostSince) {
    Firm f = firm(w, 0.5, 0, 1);
    Firm g = firm(w);
    Firm h = firm(w);
    f.users = 1000;
    g.users = 1000;
    h.users = 1000;
    f.ownPracticeOutcries = 1;
    f.noticedLoss = lostBefore;
    Backlash.adopt(w, f, "test");
    Backlash.adopt(w, g, "test");
    g.practiceLevel = 0.5;
    f.noticedLoss += lostSince;
    f.ownPracticeOutcries = 3;
    f.ownPracticeYears = 0.5;
    w.allPracticeOutcries = 5;
    w.allPracticeYears = 1.5;
    return f;
  }

  /**
   * The same firm with reputation.user_loss_evidence noticed (the default): it counts the usage
   * that users took away in the steps they noticed its harms (Firm.noticedLoss since adoption), 20
   * of the 1000 at adoption (7 before adoption are not this practice's), so N = 1.0875 as above,
   * even though it grew to 1100 users (net counting would see no loss, N = 2.7); ordinary churn
   * without a noticed harm costs it nothing.
   */
  @Test
  void netValueCountsTheUsersLostToNoticedHarms() {
    World w = world(1, 0);
    Firm f = rivalsAndAdoption(w, 7, 20);
    f.users = 1100;
    Backlash b = BacklashDecisionTest.of(spec());
    assertEquals(1.0875, b.netValue(w, f, 5.0), 1e-9);
    Backlash net = BacklashDecisionTest.of(spec("reputation.user_loss_evidence=net"));
    assertEquals(2.7, net.netValue(w, f, 5.0), 1e-9, "net counting sees growth, no loss");
  }

  /** The decision's draws come from the stream it is given; the automatic mode draws none. */
  @Test
  void automaticModeRevisesAtTheLatencyWithoutDrawing() {
    ModelSpec s = spec("reputation.backlash_response=automatic", "firms.response_latency_days=2");
    Backlash b = BacklashDecisionTest.of(s);
    World w = world(1, 0);
    Firm f = firm(w);
    f.users = 1000;
    f.usersAtStepStart = 1000;
    Backlash.adopt(w, f, "test");
    f.complaints = 11;
    Fixed none = new Fixed(); // any draw would throw
    b.step(w, none);
    f.complaints = 0;
    stepTo(w, b, 2);
    assertFalse(f.practice);
    assertEquals(List.of(2.0), w.backlashResponseDays);
    assertTrue(of(w, EventKind.BACKLASH_DECISION).isEmpty());
    assertTrue(w.outcryAnswers.isEmpty());
    assertArrayEquals(new double[] {1, 2, 1}, w.firstResponseSpells.get(0));
  }
}
