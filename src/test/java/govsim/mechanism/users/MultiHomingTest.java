package govsim.mechanism.users;

import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.firms.Accounting;
import govsim.model.GovSimModel;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.observe.Metrics;
import govsim.observe.StepView;
import govsim.world.Firm;
import govsim.world.MaliciousActors;
import govsim.world.UserPopulation;
import govsim.world.World;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-homing (issue 12.3, M4/M9): usage shares after a switch, the multi-homer's logit against
 * its closed form, market share, HHI and revenue from usage, and the bookkeeping of usage through
 * many steps of incidents, revocations and exits. Values derived by hand in the comments.
 */
class MultiHomingTest {
  private static final double EPS = 1e-6;

  /** A world of one jurisdiction whose first {@code multiHomers} users hold up to k providers. */
  private static World world(int users, int multiHomers, int k) {
    UserPopulation pop = new UserPopulation(users, false, true, multiHomers, k);
    Arrays.fill(pop.nextAttentionStep, Integer.MAX_VALUE / 2); // no clock fires
    return new World(1, 1.0, pop, new MaliciousActors(0));
  }

  /** One quiet step (no incidents, no clocks): builds the phase's index and choice sets. */
  private static void quietStep(UserChoice uc, World w) {
    MersenneTwisterFast rng = new MersenneTwisterFast(1);
    uc.step(w, rng, rng, new double[] {1.0}, new double[] {1.0});
  }

  /** Puts multi-homer i at main provider f0 with share s0 and further providers with shares. */
  private static void hold(World w, int i, int f0, float s0, int[] others, float[] shares) {
    UserPopulation u = w.users;
    int k = u.slots;
    u.firm[i] = f0;
    u.setUsageShare(i, 0, s0);
    Firm main = w.firms.get(f0);
    main.users++;
    main.weakUsers += u.weak[i];
    main.usageAdjustment += s0 - 1.0;
    for (int s = 0; s < others.length; s++) {
      u.setOtherFirm(i, s + 1, others[s]);
      u.setUsageShare(i, 1 + s, shares[s]);
      w.firms.get(others[s]).usageAdjustment += shares[s];
    }
  }

  private static void single(World w, int i, int f) {
    w.users.firm[i] = f;
    w.firms.get(f).users++;
  }

  /**
   * Two providers held half and half, shift share 0.5. A switch from A to B moves 0.5 x 0.5 = 0.25:
   * A 0.25, B 0.75, so B becomes her main provider (A loses her as a user, B gains her). A switch
   * from B to C, not held, with both slots taken: C replaces B with all of B's 0.75.
   */
  @Test
  void aSwitchMovesTheShiftShareOfTheSourcesUsageAndTheMainProviderFollows() {
    UserChoice uc = new UserChoice(spec("users.usage_shift_share=0.5").users(), 4, 1);
    World w = world(1, 1, 2);
    Firm a = firm(w);
    Firm b = firm(w);
    Firm c = firm(w);
    hold(w, 0, a.id, 0.5f, new int[] {b.id}, new float[] {0.5f});
    quietStep(uc, w);

    uc.shiftUsage(w, 0, a.id, b.id, 0);
    UserPopulation u = w.users;
    assertEquals(b.id, u.firm[0], "B, now used most, is her main provider");
    assertEquals(0.75, u.usageShare(0, 0), EPS);
    assertEquals(a.id, u.otherFirm(0, 1));
    assertEquals(0.25, u.usageShare(0, 1), EPS);
    assertEquals(0, a.users);
    assertEquals(1, b.users);
    assertEquals(0.25, a.usage(), EPS);
    assertEquals(0.75, b.usage(), EPS);
    assertEquals(0.0, c.usage(), EPS);

    uc.shiftUsage(w, 0, b.id, c.id, 0);
    assertEquals(c.id, u.firm[0], "C took B's slot, with all of B's usage");
    assertEquals(0.75, u.usageShare(0, 0), EPS);
    assertEquals(a.id, u.otherFirm(0, 1));
    assertEquals(0, b.users);
    assertEquals(1, c.users);
    assertEquals(0.0, b.usage(), EPS);
    assertEquals(0.75, c.usage(), EPS);
    assertEquals(0.25, a.usage(), EPS);
  }

  /**
   * The churn a firm sees follow its harm (Firm.noticedLoss, read by the backlash decision): a
   * multi-homer holding A 0.5 (main) and B 0.5 notices A's fully visible incident and, B being far
   * better (utility gap 10, beta 5), moves 0.5 x 0.5 = 0.25 of A's usage to B: A counts 0.25 lost,
   * B nothing; a single-homer at A who leaves counts 1.
   */
  @Test
  void theUsageANoticerTakesAwayIsCountedAsTheFirmsNoticedLoss() {
    UserChoice uc =
        new UserChoice(
            spec(
                    "users.usage_shift_share=0.5",
                    "users.choice_intensity=5",
                    "users.noticing_response=immediate")
                .users(),
            4,
            1);
    World w = world(2, 1, 2);
    Firm a = firm(w, 0, 0.0, 1);
    Firm b = firm(w, 0, 10.0, 1);
    hold(w, 0, a.id, 0.5f, new int[] {b.id}, new float[] {0.5f});
    single(w, 1, a.id);
    quietStep(uc, w);
    tick(w);
    a.addIncident(1.0, 0);
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    uc.step(w, rng, rng, new double[] {1.0}, new double[] {1.0});
    assertEquals(0.25, a.usage(), EPS);
    assertEquals(0.25 + 1.0, a.noticedLoss, EPS);
    assertEquals(0.0, b.noticedLoss, EPS);
  }

  /**
   * Three slots, one provider held (A, all usage), shift share 0.4: a switch to B fills a free slot
   * with 0.4 x 1 = 0.4, A keeps 0.6 and stays main. Then a switch from B to A (held) moves 0.4 x
   * 0.4 = 0.16 back: A 0.76, B 0.24. With shift share 1, a switch from B to A empties B's slot: she
   * holds A alone again.
   */
  @Test
  void aSwitchToANewProviderFillsAFreeSlotAndShiftShareOneEmptiesTheSource() {
    UserChoice uc = new UserChoice(spec("users.usage_shift_share=0.4").users(), 4, 1);
    World w = world(1, 1, 3);
    Firm a = firm(w);
    Firm b = firm(w);
    hold(w, 0, a.id, 1f, new int[0], new float[0]);
    quietStep(uc, w);
    UserPopulation u = w.users;

    uc.shiftUsage(w, 0, a.id, b.id, 0);
    assertEquals(a.id, u.firm[0]);
    assertEquals(0.6, u.usageShare(0, 0), EPS);
    assertEquals(b.id, u.otherFirm(0, 1));
    assertEquals(0.4, u.usageShare(0, 1), EPS);
    assertEquals(UserPopulation.UNSERVED, u.otherFirm(0, 2), "the third slot stays free");
    assertEquals(0.6, a.usage(), EPS);
    assertEquals(0.4, b.usage(), EPS);
    assertEquals(1, a.users);
    assertEquals(0, b.users);

    uc.shiftUsage(w, 0, b.id, a.id, 0);
    assertEquals(0.76, u.usageShare(0, 0), EPS);
    assertEquals(0.24, u.usageShare(0, 1), EPS);

    UserChoice all = new UserChoice(spec("users.usage_shift_share=1").users(), 4, 1);
    all.reindex();
    quietStep(all, w);
    all.shiftUsage(w, 0, b.id, a.id, 0);
    assertEquals(1.0, u.usageShare(0, 0), EPS);
    assertEquals(UserPopulation.UNSERVED, u.otherFirm(0, 1), "B's slot is free again");
    assertEquals(1.0, a.usage(), EPS);
    assertEquals(0.0, b.usage(), EPS);
  }

  /**
   * Capabilities 0, 0.5 and 1, reputation 1, beta = 2: weights (relative to the best) e^{-2},
   * e^{-1}, 1. Holding A and B, switching cost 0.5 (discount e^{-1}): Z = e^{-2} + e^{-1} + e^{-1}
   * x 1, so she picks A below x = e^{-2}/Z, B below (e^{-2} + e^{-1})/Z and C above.
   */
  @Test
  void theMultiHomersLogitPaysNoSwitchingCostForProvidersSheHolds() {
    UserChoice uc = new UserChoice(spec("users.choice_intensity=2").users(), 4, 1);
    World w = world(1, 1, 2);
    Firm a = firm(w, 0, 0.0, 1);
    Firm b = firm(w, 0, 0.5, 1);
    Firm c = firm(w, 0, 1.0, 1);
    hold(w, 0, a.id, 0.5f, new int[] {b.id}, new float[] {0.5f});
    quietStep(uc, w);
    double wa = Math.exp(-2);
    double wb = Math.exp(-1);
    double z = wa + wb + Math.exp(-1) * 1.0;
    UserPopulation u = w.users;
    assertEquals(a.id, uc.chooseMultiHomer(u, 0, 0, 0.5, 2.0, wa / z - 1e-9));
    assertEquals(b.id, uc.chooseMultiHomer(u, 0, 0, 0.5, 2.0, wa / z + 1e-9));
    assertEquals(b.id, uc.chooseMultiHomer(u, 0, 0, 0.5, 2.0, (wa + wb) / z - 1e-9));
    assertEquals(c.id, uc.chooseMultiHomer(u, 0, 0, 0.5, 2.0, (wa + wb) / z + 1e-9));
    assertEquals(c.id, uc.chooseMultiHomer(u, 0, 0, 0.5, 2.0, 1.0 - 1e-12));
    // A single-homer at A with the same switching cost pays it for B too: she stays below
    // x = e^{-2} / (e^{-2} + e^{-1} (e^{-1} + 1)).
    double stay = wa / (wa + Math.exp(-1) * (wb + 1.0));
    assertEquals(a.id, uc.choose(0, a.id, 0.5, 2.0, stay - 1e-9));
    assertNotEquals(a.id, uc.choose(0, a.id, 0.5, 2.0, stay + 1e-9));
  }

  /**
   * Three firms, six users: single-homers 2 at A, 1 at B, 1 at C; multi-homer 0 uses A 0.75 and C
   * 0.25, multi-homer 1 uses B 0.5 and C 0.5. Usage: A 2.75, B 1.5, C 1.75 (sum 6). Shares 2.75/6,
   * 1.5/6, 1.75/6; HHI = (2.75^2 + 1.5^2 + 1.75^2) / 36 = 12.875 / 36 (by users, 3, 2 and 1 main
   * users, it would be 14 / 36). Revenue follows usage: A earns 2.75 x revenue per user.
   */
  @Test
  void marketShareHhiAndRevenueFollowUsage() {
    ModelSpec spec = spec("firms.revenue_per_user_year=10");
    World w = world(6, 2, 2);
    Firm a = firm(w);
    Firm b = firm(w);
    Firm c = firm(w);
    hold(w, 0, a.id, 0.75f, new int[] {c.id}, new float[] {0.25f});
    hold(w, 1, b.id, 0.5f, new int[] {c.id}, new float[] {0.5f});
    single(w, 2, a.id);
    single(w, 3, a.id);
    single(w, 4, b.id);
    single(w, 5, c.id);
    assertEquals(3, a.users);
    assertEquals(2.75, a.usage(), EPS);
    assertEquals(1.5, b.usage(), EPS);
    assertEquals(1.75, c.usage(), EPS);
    w.incumbent = a.id;
    StepView v = new StepView(spec);
    v.advance(w);
    assertEquals(12.875 / 36, Metrics.HHI.value(v), EPS);
    assertEquals(2.75 / 6, Metrics.INCUMBENT_USAGE_SHARE.value(v), EPS);
    Accounting acc = new Accounting(spec.firms(), spec.practice(), 0.0);
    assertEquals(2.75 * 10, acc.annualRevenue(a), EPS);
    assertEquals(1.75 * 10, acc.annualRevenue(c), EPS);
  }

  /**
   * A provider that loses its license hands a multi-homer's usage to her other providers: main A
   * 0.6, further B 0.3 and C 0.1; B closes: its 0.3 goes to A and C in proportion 0.6 : 0.1, so A
   * 0.6 + 0.3 x 6/7, C 0.1 + 0.3 x 1/7. Then A exits: C has it all and becomes her main provider.
   */
  @Test
  void aClosedProviderHandsItsUsageToHerOtherProvidersInProportion() {
    UserChoice uc = new UserChoice(spec().users(), 4, 1);
    World w = world(1, 1, 3);
    Firm a = firm(w);
    Firm b = firm(w);
    Firm c = firm(w);
    hold(w, 0, a.id, 0.6f, new int[] {b.id, c.id}, new float[] {0.3f, 0.1f});
    quietStep(uc, w);
    tick(w);
    b.servesMask = 0L;
    quietStep(uc, w);
    UserPopulation u = w.users;
    assertEquals(a.id, u.firm[0]);
    assertEquals(0.6 + 0.3 * 6 / 7, u.usageShare(0, 0), EPS);
    assertEquals(0.0, b.usage(), EPS);
    assertEquals(0.6 + 0.3 * 6 / 7, a.usage(), EPS);
    assertEquals(0.1 + 0.3 / 7, c.usage(), EPS);
    tick(w);
    a.active = false;
    quietStep(uc, w);
    assertEquals(c.id, u.firm[0]);
    assertEquals(1.0, u.usageShare(0, 0), EPS);
    assertEquals(1, c.users);
    assertEquals(0, a.users);
    assertEquals(1.0, c.usage(), EPS);
    assertEquals(0.0, a.usage(), EPS);
  }

  /**
   * Many steps of incidents, random reputations, a license revocation and an exit, with half the
   * users multi-homing over up to three providers: every firm's users are the users whose main
   * provider it is, its usage the sum of their shares, usage adds up to the population, every
   * multi-homer's shares add up to 1 over distinct open providers with the main one used most.
   */
  @Test
  void usageBookkeepingStaysConsistentThroughManyStepsOfIncidentsRevocationsAndExits() {
    UserChoice uc =
        new UserChoice(
            spec("users.choice_intensity=3", "users.usage_shift_share=0.5").users(), 8, 2);
    MersenneTwisterFast rng = new MersenneTwisterFast(12);
    int n = 3000;
    UserPopulation u = new UserPopulation(n, true, true, 1500, 3);
    World w = new World(2, 1.0, u, new MaliciousActors(0));
    for (int i = 0; i < n; i++) {
      u.jurisdiction[i] = (byte) rng.nextInt(2);
      u.weak[i] = (byte) (rng.nextDouble() < 0.2 ? 1 : 0);
      u.switchingCost[i] = (float) (0.1 * rng.nextDouble());
      u.attention[i] = 0.05f;
      u.nextAttentionStep[i] = UserChoice.attentionGap(rng, 0.05) - 1;
    }
    for (int k = 0; k < 5; k++) firm(w, 0, rng.nextDouble(), 0b11);
    uc.assignInitial(w, rng, new MersenneTwisterFast(5));
    assertConsistent(w);
    long switchesBefore = w.tally.switches;
    for (int s = 0; s < 200; s++) {
      for (Firm f : w.firms) {
        f.stepIncidents = 0;
        if (rng.nextDouble() < 0.2) f.addIncident(rng.nextDouble(), 0);
        f.reputation = rng.nextDouble();
      }
      if (s == 50) w.firms.get(0).servesMask = 0b01;
      if (s == 100) w.firms.get(1).active = false;
      uc.step(w, rng, rng, new double[] {1.0, 0.8}, new double[] {0.3, 0.2});
      assertConsistent(w);
      tick(w);
    }
    assertTrue(w.tally.switches > switchesBefore, "usage moved");
  }

  private static void assertConsistent(World w) {
    UserPopulation u = w.users;
    int nf = w.firms.size();
    int[] users = new int[nf];
    int[] weak = new int[nf];
    double[] usage = new double[nf];
    int k = u.slots;
    for (int i = 0; i < u.size; i++) {
      int f = u.firm[i];
      users[f]++;
      weak[f] += u.weak[i];
      if (i >= u.multiHomers) {
        usage[f] += 1.0;
        continue;
      }
      int j = u.jurisdictionOf(i);
      double sum = u.usageShare(i, 0);
      for (int s = 1; s < k; s++) {
        int g = u.otherFirm(i, s);
        float share = u.usageShare(i, s);
        if (g == UserPopulation.UNSERVED) {
          assertEquals(0f, share, "a free slot has no usage");
          continue;
        }
        if (g == f) fail("multi-homer " + i + " holds firm " + g + " twice");
        for (int t = s + 1; t < k; t++) {
          if (u.otherFirm(i, t) == g) fail("multi-homer " + i + " repeats " + g);
        }
        Firm other = w.firms.get(g);
        if (!(other.active && other.serves(j))) fail("multi-homer " + i + " holds closed " + g);
        assertTrue(share <= u.usageShare(i, 0) + 1e-7, "main provider is used most");
        usage[g] += share;
        sum += share;
      }
      usage[f] += u.usageShare(i, 0);
      assertEquals(1.0, sum, 1e-5, "usage shares of multi-homer " + i);
    }
    double total = 0;
    for (Firm f : w.firms) {
      assertEquals(users[f.id], f.users, "users of firm " + f.id);
      assertEquals(weak[f.id], f.weakUsers, "weak users of firm " + f.id);
      assertEquals(usage[f.id], f.usage(), 1e-3, "usage of firm " + f.id);
      total += f.usage();
    }
    assertEquals(u.size, total, 1e-3);
  }

  /** With nobody multi-homing, usage is exactly the user count (the benchmark's arithmetic). */
  @Test
  void withoutMultiHomingUsageIsExactlyTheUserCount() throws Exception {
    ModelSpec spec =
        Scenarios.load(
                Path.of("scenarios/baseline.yaml"),
                List.of("users.count=3000", "time.horizon_days=200", "users.multi_homing_share=0"))
            .config();
    GovSimModel model = new GovSimModel(spec);
    model.start();
    while (!model.isDone()) model.stepOnce();
    for (Firm f : model.world().firms) {
      assertEquals(0.0, f.usageAdjustment, "firm " + f.id);
      assertEquals((double) f.users, f.usage());
    }
    assertEquals(0, model.world().users.multiHomers);
  }

  /** The scenario's share of users multi-home: the first round(share x N) users. */
  @Test
  void theWorldHasTheScenariosShareOfMultiHomers() throws Exception {
    ModelSpec spec =
        Scenarios.load(
                Path.of("scenarios/baseline.yaml"),
                List.of(
                    "users.count=1000",
                    "time.horizon_days=10",
                    "users.multi_homing_share=0.25",
                    "users.multi_homing_providers=3"))
            .config();
    GovSimModel model = new GovSimModel(spec);
    model.start();
    UserPopulation u = model.world().users;
    assertEquals(250, u.multiHomers);
    assertEquals(3, u.slots);
    // Every multi-homer starts with three distinct providers where three are licensed, evenly.
    for (int i = 0; i < u.multiHomers; i++) {
      if (u.firm[i] == UserPopulation.UNSERVED) continue;
      int held = 1;
      for (int s = 1; s < 3; s++) if (u.otherFirm(i, s) != UserPopulation.UNSERVED) held++;
      assertEquals(1.0f / held, u.usageShare(i, 0), 1e-7f);
    }
  }
}
