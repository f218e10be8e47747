package govsim.mechanism.users;

import static govsim.mechanism.Fixtures.assignUsers;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ec.util.MersenneTwisterFast;
import govsim.world.Firm;
import govsim.world.UserPopulation;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * M4 users: noticing by visibility and information capability, voice, the logit choice with
 * switching cost against its closed form, the attention clock, forced moves away from a firm that
 * lost its license, and the bookkeeping of user counts. In package govsim.mechanism.users because
 * {@code choose} is package-private.
 */
class UserChoiceTest {
  private static UserParams params(String... sets) {
    return spec(sets).users();
  }

  private static final double[] ONE = {1.0};

  /** One step with one generator (seeded with seed) for the attention clocks and the choices. */
  private static void step(UserChoice uc, World w, int seed, double[] capStrong, double[] capWeak) {
    MersenneTwisterFast rng = new MersenneTwisterFast(seed);
    uc.step(w, rng, rng, capStrong, capWeak);
  }

  @Test
  void noticeProbabilityIsOneMinusTheProductOfMisses() {
    World w = world(1, 0);
    Firm f = firm(w);
    assertEquals(0.0, UserChoice.noticeProbability(f, 1.0), "no incidents");
    f.addIncident(0.3, 0);
    f.addIncident(0.5, -1);
    assertEquals(
        1 - (1 - 0.3 * 0.6) * (1 - 0.5 * 0.6), UserChoice.noticeProbability(f, 0.6), 1e-15);
    assertEquals(
        0.0, UserChoice.noticeProbability(f, 0.0), "a user who cannot see notices nothing");
    f.addIncident(1.0, 1);
    assertEquals(
        1.0, UserChoice.noticeProbability(f, 1.0), "a fully visible incident is always noticed");
    // Many incidents: the incident arrays grow.
    for (int k = 0; k < 10; k++) f.addIncident(0.01, 2);
    assertEquals(13, f.stepIncidents);
  }

  @Test
  void utilityAddsQualityReputationCertificationAndSubtractsThePractice() {
    UserParams p =
        params(
            "users.weight_quality=2",
            "users.weight_reputation=3",
            "users.weight_practice=0.5",
            "users.weight_certification=0.1");
    World w = world(1, 0);
    Firm f = firm(w, 0, 0.4, 1);
    f.reputation = 0.5;
    assertEquals(2 * 0.4 + 3 * 0.5, UserChoice.utility(p, f), 1e-15);
    f.practice = true;
    f.memberships.set(0);
    assertEquals(2 * 0.4 + 3 * 0.5 - 0.5 + 0.1, UserChoice.utility(p, f), 1e-15);
  }

  /** P(stay) = w_f / (w_f + e^{-beta s} w_k) in a two-firm market, both ways. */
  @Test
  void twoFirmLogitChoiceMatchesTheClosedForm() {
    double beta = 2.0;
    UserChoice uc = new UserChoice(params("users.choice_intensity=2"), 4, 1);
    World w = world(1, 0);
    Firm a = firm(w, 0, 0.5, 1);
    Firm b = firm(w, 0, 1.0, 1);
    uc.assignInitial(w, new MersenneTwisterFast(1)); // builds the choice sets
    double wa =
        Math.exp(beta * (UserChoice.utility(params(), a) - UserChoice.utility(params(), b)));
    double wb = 1.0;
    double s = 0.3;
    double stayA = wa / (wa + Math.exp(-beta * s) * wb);
    double stayB = wb / (wb + Math.exp(-beta * s) * wa);
    assertEquals(a.id, uc.choose(0, a.id, s, beta, stayA - 1e-9));
    assertEquals(b.id, uc.choose(0, a.id, s, beta, stayA + 1e-9));
    assertEquals(b.id, uc.choose(0, b.id, s, beta, stayB - 1e-9));
    assertEquals(a.id, uc.choose(0, b.id, s, beta, stayB + 1e-9));
    assertEquals(b.id, uc.choose(0, a.id, s, beta, 0.999999));
    // A prohibitive switching cost keeps everyone.
    assertEquals(a.id, uc.choose(0, a.id, 1e3, beta, 0.999999));
    // Zero switching cost, equal utilities: a fair coin.
    b.capability = 0.5;
    uc.assignInitial(w, new MersenneTwisterFast(1));
    assertEquals(a.id, uc.choose(0, a.id, 0.0, beta, 0.5 - 1e-9));
    assertEquals(b.id, uc.choose(0, a.id, 0.0, beta, 0.5 + 1e-9));
  }

  @Test
  void aMoverPicksAmongTheOtherFirmsInProportionToTheirWeights() {
    double beta = 1.0;
    UserChoice uc = new UserChoice(params("users.choice_intensity=1"), 4, 1);
    World w = world(1, 0);
    Firm a = firm(w, 0, 0.2, 1);
    Firm mid = firm(w, 0, 0.0, 1);
    Firm c = firm(w, 0, 0.7, 1);
    uc.assignInitial(w, new MersenneTwisterFast(1));
    double wa = Math.exp(beta * 0.2);
    double wm = 1.0;
    double wc = Math.exp(beta * 0.7);
    double s = 0.1;
    double stay = wm / (wm + Math.exp(-beta * s) * (wa + wc));
    // Beyond "stay", the rest of [0, 1) is split between a and c in proportion wa : wc.
    double boundary = stay + (1 - stay) * wa / (wa + wc);
    assertEquals(mid.id, uc.choose(0, mid.id, s, beta, stay - 1e-9));
    assertEquals(a.id, uc.choose(0, mid.id, s, beta, stay + 1e-9));
    assertEquals(a.id, uc.choose(0, mid.id, s, beta, boundary - 1e-9));
    assertEquals(c.id, uc.choose(0, mid.id, s, beta, boundary + 1e-9));
    assertEquals(c.id, uc.choose(0, mid.id, s, beta, 1 - 1e-12));
  }

  @Test
  void unlicensedAndExitedFirmsAreNotChosen() {
    UserChoice uc = new UserChoice(params("users.choice_intensity=1"), 4, 2);
    World w = world(2, 0);
    Firm a = firm(w, 0, 0.0, 0b11);
    Firm onlyJ1 = firm(w, 0, 5.0, 0b10);
    Firm gone = firm(w, 0, 5.0, 0b11);
    gone.active = false;
    uc.assignInitial(w, new MersenneTwisterFast(1));
    for (double x : new double[] {0.0, 0.5, 0.999}) {
      assertEquals(a.id, uc.choose(0, a.id, 0.0, 1.0, x), "jurisdiction 0 has one open firm");
    }
    assertEquals(onlyJ1.id, uc.choose(1, a.id, 0.0, 1.0, 0.999));
  }

  @Test
  void initialAssignmentIsUniformOverLicensedFirms() {
    UserChoice uc = new UserChoice(params(), 4, 2);
    World w = world(2, 20_000);
    for (int i = 0; i < w.users.size; i++) {
      w.users.jurisdiction[i] = (byte) (i % 2);
      w.users.weak[i] = (byte) (i % 5 == 0 ? 1 : 0);
    }
    Firm both = firm(w, 0, 0, 0b11);
    Firm j0 = firm(w, 0, 0, 0b01);
    Firm j1 = firm(w, 0, 0, 0b10);
    uc.assignInitial(w, new MersenneTwisterFast(2));
    assertEquals(w.users.size, both.users + j0.users + j1.users);
    assertConsistent(w);
    // Half the users are in each jurisdiction, split evenly between its two firms.
    double sd = Math.sqrt(10_000 * 0.25);
    assertEquals(5_000, j0.users, 5 * sd);
    assertEquals(5_000, j1.users, 5 * sd);
    for (int i = 0; i < w.users.size; i++) {
      assertTrue(w.firms.get(w.users.firm[i]).serves(w.users.jurisdictionOf(i)));
    }
  }

  @Test
  void aUserWithNoLicensedProviderIsUnservedUntilOneIsLicensed() {
    UserChoice uc = new UserChoice(params(), 4, 2);
    World orphan = world(2, 10);
    orphan.users.jurisdiction[3] = 1;
    orphan.users.weak[3] = 1;
    Firm only = firm(orphan, 0, 0, 0b01);
    uc.assignInitial(orphan, new MersenneTwisterFast(2));
    assertEquals(
        UserPopulation.UNSERVED, orphan.users.firm[3], "nobody is licensed in jurisdiction 1");
    assertEquals(1, orphan.users.unserved);
    assertEquals(9, only.users);
    assertEquals(0, only.weakUsers);
    // Licensed there later, the firm gets her when her attention clock fires (not before).
    only.servesMask = 0b11;
    for (int i = 0; i < 10; i++) orphan.users.nextAttentionStep[i] = 1_000_000;
    step(uc, orphan, 3, new double[] {1, 1}, new double[] {1, 1});
    assertEquals(UserPopulation.UNSERVED, orphan.users.firm[3]);
    orphan.users.nextAttentionStep[3] = (int) orphan.step;
    uc.reindex(); // the clock was set from outside
    step(uc, orphan, 3, new double[] {1, 1}, new double[] {1, 1});
    assertEquals(only.id, orphan.users.firm[3]);
    assertEquals(0, orphan.users.unserved);
    assertEquals(10, only.users);
    assertEquals(1, only.weakUsers);
    assertEquals(0, orphan.tally.switches, "joining a first provider is not a switch");
  }

  @Test
  void attentionGapIsGeometricWithMeanOneOverP() {
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    double p = 0.05;
    int n = 100_000;
    double sum = 0;
    int ones = 0;
    for (int i = 0; i < n; i++) {
      int g = UserChoice.attentionGap(rng, p);
      assertTrue(g >= 1);
      sum += g;
      if (g == 1) ones++;
    }
    // Geometric on {1, 2, ...}: mean 1/p, variance (1-p)/p^2; P(gap = 1) = p.
    assertEquals(1 / p, sum / n, 5 * Math.sqrt((1 - p) / (p * p) / n));
    assertEquals(p, ones / (double) n, 5 * Math.sqrt(p * (1 - p) / n));
    assertEquals(1, UserChoice.attentionGap(rng, 1.0));
    assertEquals(Integer.MAX_VALUE / 2, UserChoice.attentionGap(rng, 0.0));
    assertEquals(
        Integer.MAX_VALUE / 2,
        UserChoice.attentionGap(rng, 1e-300),
        "a huge gap is capped, not overflowed");
  }

  @Test
  void everyUserOfAFirmWithAFullyVisibleIncidentNoticesAndComplains() {
    UserChoice uc = new UserChoice(params("users.voice_propensity=1"), 4, 1);
    World w = world(1, 150);
    for (int i = 0; i < 20; i++) w.users.weak[i] = 1;
    Firm hit = firm(w, 0, 0.0, 1);
    Firm quiet = firm(w, 0, 0.0, 1);
    assignUsers(w, hit, 0, 100);
    assignUsers(w, quiet, 100, 150);
    hit.addIncident(1.0, 0);
    step(uc, w, 4, ONE, ONE);
    assertEquals(100, hit.complaints);
    assertEquals(0, quiet.complaints);
    assertEquals(100, w.tally.complaints);
    assertEquals(100, hit.usersAtStepStart);
    assertEquals(50, quiet.usersAtStepStart);
    assertConsistent(w);
  }

  @Test
  void informationWeakUsersNoticeWithTheirOwnCapability() {
    UserChoice uc = new UserChoice(params("users.voice_propensity=1"), 4, 1);
    World w = world(1, 100);
    for (int i = 0; i < 30; i++) w.users.weak[i] = 1;
    Firm hit = firm(w, 0, 0.0, 1);
    firm(w, 0, 0.0, 1);
    assignUsers(w, hit, 0, 100);
    hit.addIncident(1.0, 0);
    step(uc, w, 5, new double[] {1.0}, new double[] {0.0});
    assertEquals(70, hit.complaints, "the 30 weak users, capability 0, notice nothing");
  }

  @Test
  void voiceIsTheChanceThatANoticingUserComplains() {
    UserChoice uc =
        new UserChoice(params("users.voice_propensity=0.4", "users.switching_cost_mean=100"), 4, 1);
    int n = 20_000;
    World w = world(1, n);
    Firm hit = firm(w, 0, 0.0, 1);
    firm(w, 0, 0.0, 1);
    assignUsers(w, hit, 0, n);
    hit.addIncident(1.0, 0);
    step(uc, w, 6, ONE, ONE);
    assertEquals(0.4 * n, hit.complaints, 5 * Math.sqrt(n * 0.4 * 0.6));
  }

  @Test
  void onlyUsersWhoseAttentionClockFiresOrWhoNoticeReconsider() {
    // Firm 1 is far better (utility gap 10, beta 5): anyone who reconsiders moves. Noticers
    // reconsider at once (noticing_response immediate).
    UserChoice uc =
        new UserChoice(
            params("users.choice_intensity=5", "users.noticing_response=immediate"), 4, 1);
    World w = world(1, 100);
    Firm bad = firm(w, 0, 0.0, 1);
    Firm good = firm(w, 0, 10.0, 1);
    assignUsers(w, bad, 0, 100);
    for (int i = 0; i < 10; i++) w.users.nextAttentionStep[i] = 0;
    step(uc, w, 7, ONE, ONE);
    for (int i = 0; i < 100; i++) {
      assertEquals(i < 10 ? good.id : bad.id, w.users.firm[i], "user " + i);
    }
    for (int i = 0; i < 10; i++) {
      assertTrue(w.users.nextAttentionStep[i] > 0, "the clock is redrawn after it fires");
    }
    assertEquals(10, w.tally.switches);
    assertEquals(90, bad.users);
    assertEquals(10, good.users);
    assertEquals(0.0, bad.noticedLoss, "churn on attention is not churn that follows a harm");
    // Step 1: nobody's clock fires; an incident at the bad firm makes its users notice and leave.
    tick(w);
    bad.addIncident(1.0, 0);
    step(uc, w, 8, ONE, ONE);
    assertEquals(0, bad.users);
    assertEquals(100, good.users);
    assertEquals(100, w.tally.switches);
    assertEquals(90.0, bad.noticedLoss, "the 90 who noticed its incident and left");
    assertEquals(0.0, good.noticedLoss);
    assertConsistent(w);
  }

  /** 1 - (1 - p)^(D / dt): the chance that the clock fires while she remembers the harm. */
  @Test
  void aNoticerActsWithTheChanceThatHerAttentionFiresWithinHerMemory() {
    assertEquals(1 - Math.pow(1 - 0.02, 30), UserChoice.actOnNotice(0.02, 30), 1e-15);
    assertEquals(1 - Math.pow(0.5, 2.5), UserChoice.actOnNotice(0.5, 2.5), 1e-15);
    assertEquals(0.0, UserChoice.actOnNotice(0.0, 30), "no attention: noticing never moves her");
    assertEquals(0.0, UserChoice.actOnNotice(0.02, 0), "no memory: the same");
    assertEquals(1.0, UserChoice.actOnNotice(1.0, 30));
  }

  /**
   * noticing_response attention (the default): of 20,000 users who all notice a fully visible
   * incident (and all complain), those who reconsider are 1 - (1 - 0.02)^30 = 0.4545 of them, and
   * with a far better rival every one who reconsiders leaves; with attention 0 nobody leaves, and a
   * noticer who did not act but whose clock is due this step still reconsiders on it.
   */
  @Test
  void withNoticingResponseAttentionANoticerReconsidersIfHerAttentionWouldFire() {
    int n = 20_000;
    UserChoice uc =
        new UserChoice(
            params("users.choice_intensity=5", "users.noticed_harm_memory_days=30"), 4, 1);
    World w = world(1, n);
    java.util.Arrays.fill(w.users.attention, 0.02f); // each user's attention, a clock far ahead
    Firm bad = firm(w, 0, 0.0, 1);
    Firm good = firm(w, 0, 10.0, 1);
    assignUsers(w, bad, 0, n);
    bad.addIncident(1.0, 0);
    step(uc, w, 9, ONE, ONE);
    assertEquals(n, bad.complaints, "everyone who notices complains");
    double act = 1 - Math.pow(1 - (double) 0.02f, 30);
    assertEquals(act * n, good.users, 5 * Math.sqrt(n * act * (1 - act)));
    assertEquals(good.users, bad.noticedLoss, 0.0);
    assertConsistent(w);

    World quiet = world(1, 100);
    // Every user's attention is 0 (the fixture's); five clocks are due now, set by hand.
    for (int i = 0; i < 5; i++) quiet.users.nextAttentionStep[i] = 0;
    Firm b2 = firm(quiet, 0, 0.0, 1);
    Firm g2 = firm(quiet, 0, 10.0, 1);
    assignUsers(quiet, b2, 0, 100);
    b2.addIncident(1.0, 0);
    UserChoice uc2 = new UserChoice(params("users.choice_intensity=5"), 4, 1);
    step(uc2, quiet, 10, ONE, ONE);
    assertEquals(100, b2.complaints);
    assertEquals(5, g2.users, "only the five whose clock was due reconsider, on their clock");
    assertEquals(0.0, b2.noticedLoss, "their churn is not counted as following the harm");
  }

  @Test
  void usersOfAFirmThatLostItsLicenseMoveToALicensedOne() {
    UserChoice uc = new UserChoice(params(), 4, 2);
    World w = world(2, 200);
    for (int i = 0; i < 200; i++) {
      w.users.jurisdiction[i] = (byte) (i < 100 ? 0 : 1);
      w.users.weak[i] = (byte) (i % 4 == 0 ? 1 : 0);
    }
    Firm revoked = firm(w, 0, 5.0, 0b11);
    Firm j0 = firm(w, 0, 0.0, 0b01);
    Firm j1 = firm(w, 0, 0.0, 0b10);
    assignUsers(w, revoked, 0, 200);
    revoked.servesMask = 0b01; // license revoked in jurisdiction 1
    step(uc, w, 9, new double[] {1, 1}, new double[] {1, 1});
    assertEquals(100, revoked.users, "users in jurisdiction 0 may stay");
    assertEquals(100, j1.users, "all users in jurisdiction 1 moved to the only licensed firm");
    assertEquals(0, j0.users);
    assertEquals(25, j1.weakUsers);
    assertEquals(100, w.tally.switches);
    assertConsistent(w);
    // An exited firm loses every user.
    revoked.active = false;
    tick(w);
    step(uc, w, 10, new double[] {1, 1}, new double[] {1, 1});
    assertEquals(0, revoked.users);
    assertEquals(0, revoked.weakUsers);
    assertEquals(100, j0.users);
    assertConsistent(w);
  }

  /**
   * BUG (main code, UserChoice.step): a user who is forced to move on the very step her attention
   * clock fires skips the clock check ({@code continue} after forcedMove), so her nextAttentionStep
   * stays equal to this step; since the check is {@code == step}, the clock never fires again and
   * she never reconsiders without a trigger for the rest of the run. Expected: after any step,
   * every user's clock lies in the future.
   */
  @Test
  void aForcedMoveOnTheAttentionDayKeepsTheAttentionClockRunning() {
    UserChoice uc = new UserChoice(params(), 4, 1);
    World w = world(1, 10);
    Firm revoked = firm(w, 0, 0.0, 1);
    firm(w, 0, 0.0, 1);
    assignUsers(w, revoked, 0, 10);
    for (int i = 0; i < 10; i++) w.users.nextAttentionStep[i] = 0;
    revoked.servesMask = 0;
    step(uc, w, 11, ONE, ONE);
    assertEquals(0, revoked.users);
    for (int i = 0; i < 10; i++) {
      assertTrue(
          w.users.nextAttentionStep[i] > w.step,
          "user "
              + i
              + ": attention clock left at step "
              + w.users.nextAttentionStep[i]
              + ", it can never fire again");
    }
  }

  @Test
  void userCountsStayConsistentThroughManyStepsOfIncidentsRevocationsAndExits() {
    UserChoice uc =
        new UserChoice(params("users.choice_intensity=3", "users.switching_cost_mean=0.05"), 8, 2);
    MersenneTwisterFast rng = new MersenneTwisterFast(12);
    int n = 3000;
    World w = world(2, n);
    UserPopulation u = w.users;
    for (int i = 0; i < n; i++) {
      u.jurisdiction[i] = (byte) rng.nextInt(2);
      u.weak[i] = (byte) (rng.nextDouble() < 0.2 ? 1 : 0);
      u.switchingCost[i] = (float) (0.1 * rng.nextDouble());
      u.attention[i] = 0.05f;
      u.nextAttentionStep[i] = UserChoice.attentionGap(rng, 0.05) - 1;
    }
    for (int k = 0; k < 5; k++) firm(w, 0, rng.nextDouble(), 0b11);
    uc.assignInitial(w, rng);
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
      for (int i = 0; i < n; i++) {
        Firm f = w.firms.get(u.firm[i]);
        if (!(f.active && f.serves(u.jurisdictionOf(i))))
          fail("user " + i + " at a closed firm after step " + s);
      }
      tick(w);
    }
  }

  /**
   * Each firm's user and weak-user counts match the users' array, and they add up to the
   * population.
   */
  private static void assertConsistent(World w) {
    int[] users = new int[w.firms.size()];
    int[] weak = new int[w.firms.size()];
    for (int i = 0; i < w.users.size; i++) {
      users[w.users.firm[i]]++;
      weak[w.users.firm[i]] += w.users.weak[i];
    }
    int total = 0;
    for (Firm f : w.firms) {
      assertEquals(users[f.id], f.users, "users of firm " + f.id);
      assertEquals(weak[f.id], f.weakUsers, "weak users of firm " + f.id);
      total += f.users;
    }
    assertEquals(w.users.size, total);
  }

  @Test
  void theBucketIndexGivesTheBinarySearchsAnswer() {
    // Weights 1, 2, 3: cumulative 1, 3, 6; the answer is the first k with cum[k] > target, the
    // last provider (2) when there is none.
    double[] cum = {1.0, 3.0, 6.0};
    int[] start = new int[UserChoice.BUCKETS_PER_FIRM * 3];
    int m = UserChoice.index(cum, 3, start);
    assertEquals(12, m, "four buckets per provider");
    double scale = m / 6.0;
    double[] targets = {0.0, 0.5, 0.999, 1.0, 2.5, 3.0, 5.99, 6.0, 100.0};
    int[] expected = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    for (int t = 0; t < targets.length; t++) {
      assertEquals(
          expected[t],
          UserChoice.locate(cum, 3, start, m, scale, targets[t]),
          "target " + targets[t]);
      assertEquals(expected[t], UserChoice.search(cum, 3, targets[t]), "search, " + targets[t]);
    }
    // Random weights (some zero, some tiny), targets anywhere and at the cumulative values and
    // their neighbours: always the search's answer, also for NaN and negative targets.
    MersenneTwisterFast rng = new MersenneTwisterFast(5);
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + rng.nextInt(40);
      double[] c = new double[n];
      double acc = 0.0;
      for (int k = 0; k < n; k++) {
        double x = rng.nextDouble();
        acc += x < 0.1 ? 0.0 : x < 0.2 ? 1e-300 * x : Math.exp(20 * (x - 1));
        c[k] = acc;
      }
      int[] st = new int[Math.min(UserChoice.BUCKETS_PER_FIRM * n, UserChoice.MAX_BUCKETS)];
      int buckets = UserChoice.index(c, n, st);
      double sc = buckets == 0 ? Double.NaN : buckets / c[n - 1];
      for (int q = 0; q < 50; q++) {
        double target =
            switch (q % 5) {
              case 0 -> rng.nextDouble() * c[n - 1];
              case 1 -> c[rng.nextInt(n)];
              case 2 -> Math.nextDown(c[rng.nextInt(n)]);
              case 3 -> Math.nextUp(c[rng.nextInt(n)]);
              default -> q == 4 ? Double.NaN : q == 9 ? -1.0 : rng.nextDouble() * 2 * c[n - 1];
            };
        assertEquals(
            UserChoice.search(c, n, target),
            UserChoice.locate(c, n, st, buckets, sc, target),
            "n " + n + ", target " + target);
      }
    }
  }
}
