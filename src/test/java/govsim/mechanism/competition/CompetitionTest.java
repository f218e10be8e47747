package govsim.mechanism.competition;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M9 competition and contestability: exit below the user-share floor after the grace period (never
 * the last licensed firm of a jurisdiction), exit after losing every license, entry at the expected
 * rate up to max_firms, entrant capability relative to the user-weighted mean.
 */
class CompetitionTest {
  private static Competition competition(String... sets) {
    return new Competition(spec(sets).competition());
  }

  /** An entrant callback that adds a plain firm and remembers the capabilities it was given. */
  private static final class Entrants implements Competition.Entrant {
    final List<Double> capabilities = new ArrayList<>();

    @Override
    public Firm draw(World w, MersenneTwisterFast rng, double capability) {
      return new Firm(w.firms.size(), 0.0, capability, 1.0, 0, 1L);
    }

    @Override
    public void admit(World w, Firm f) {
      capabilities.add(f.capability);
      w.firms.add(f);
    }
  }

  @Test
  void aFirmBelowTheExitShareExitsAfterTheGracePeriod() {
    World w = world(1, 100);
    Firm small = firm(w);
    small.users = 5; // 5% < 10%
    small.practice = true;
    Community c = community(w, 0.7, 0.8, 0L);
    member(small, c);
    Firm big = firm(w);
    big.users = 95;
    Competition m =
        competition(
            "competition.entry_rate_per_year=0",
            "competition.exit_share=0.1",
            "competition.exit_grace_days=10");
    MersenneTwisterFast rng = new MersenneTwisterFast(1);
    Entrants none = new Entrants();
    for (int s = 0; s < 10; s++) {
      m.step(w, rng, none);
      assertTrue(small.active, "day " + w.now);
      tick(w);
    }
    assertEquals(0.0, small.lowShareSinceDay);
    m.step(w, rng, none); // day 10: ten days below the floor
    assertFalse(small.active);
    assertFalse(small.practice);
    assertFalse(small.memberships.get(c.id));
    assertFalse(c.members.get(small.id));
    assertTrue(big.active);
    assertEquals(1, w.tally.exits);
    List<WorldEvent> ev = events(w);
    WorldEvent exit =
        ev.stream().filter(e -> e.type() == EventKind.FIRM_EXITED).findFirst().orElseThrow();
    assertEquals("too few users", exit.detail());
    assertEquals(1, count(ev, EventKind.LEAVE));
  }

  @Test
  void climbingBackAboveTheFloorRestartsTheGracePeriod() {
    World w = world(1, 100);
    Firm small = firm(w);
    small.users = 5;
    firm(w).users = 95;
    Competition m =
        competition(
            "competition.entry_rate_per_year=0",
            "competition.exit_share=0.1",
            "competition.exit_grace_days=10");
    MersenneTwisterFast rng = new MersenneTwisterFast(2);
    m.step(w, rng, new Entrants());
    assertEquals(0.0, small.lowShareSinceDay);
    small.users = 10; // exactly at the floor is not below it
    tick(w);
    m.step(w, rng, new Entrants());
    assertTrue(Double.isNaN(small.lowShareSinceDay));
  }

  @Test
  void theLastFirmLicensedInAJurisdictionNeverExitsForLackOfUsers() {
    World w = world(2, 100);
    Firm onlyInJ1 = firm(w, 0, 0, 0b11);
    onlyInJ1.users = 1;
    Firm j0 = firm(w, 0, 0, 0b01);
    j0.users = 99;
    Competition m =
        competition(
            "competition.entry_rate_per_year=0",
            "competition.exit_share=0.1",
            "competition.exit_grace_days=0");
    m.step(w, new MersenneTwisterFast(3), new Entrants());
    assertTrue(onlyInJ1.active);
    // Once another firm serves jurisdiction 1, it may go.
    firm(w, 0, 0, 0b10).users = 50;
    tick(w);
    m.step(w, new MersenneTwisterFast(3), new Entrants());
    assertFalse(onlyInJ1.active);
  }

  @Test
  void aFirmThatLostEveryLicenseExitsAtOnce() {
    World w = world(1, 100);
    Firm revoked = firm(w);
    revoked.users = 100;
    revoked.servesMask = 0;
    competition("competition.entry_rate_per_year=0")
        .step(w, new MersenneTwisterFast(4), new Entrants());
    assertFalse(revoked.active);
    assertEquals("lost every license", events(w).get(0).detail());
  }

  @Test
  void firmsEnterAtTheYearlyRate() {
    World w = world(1, 100);
    firm(w).users = 100;
    // 1000 a year is Poisson(1000/365) a day; exit_share 0 keeps the entrants (no users) in.
    Competition m =
        competition(
            "competition.entry_rate_per_year=1000",
            "competition.exit_share=0",
            "competition.max_firms=100000");
    Entrants entrants = new Entrants();
    MersenneTwisterFast rng = new MersenneTwisterFast(5);
    int steps = 1500;
    for (int s = 0; s < steps; s++) m.step(w, rng, entrants);
    double perStep = 1000 / 365.0;
    assertEquals(
        perStep, entrants.capabilities.size() / (double) steps, 5 * Math.sqrt(perStep / steps));
    assertEquals(entrants.capabilities.size(), w.tally.entries);
  }

  @Test
  void entryStopsAtMaxFirms() {
    World w = world(1, 100);
    firm(w).users = 50;
    firm(w).users = 50;
    Competition m =
        competition(
            "competition.entry_rate_per_year=1000",
            "competition.max_firms=3",
            "firms.count=2",
            "competition.exit_share=0");
    Entrants entrants = new Entrants();
    MersenneTwisterFast rng = new MersenneTwisterFast(6);
    for (int s = 0; s < 20; s++) m.step(w, rng, entrants); // about 55 would-be entrants
    assertEquals(3, w.firms.size());
    assertEquals(1, entrants.capabilities.size());
  }

  @Test
  void meanCapabilityIsUserWeightedOverActiveFirms() {
    World w = world(1, 400);
    Firm a = firm(w, 0, 1.0, 1);
    Firm b = firm(w, 0, 3.0, 1);
    Firm gone = firm(w, 0, 100.0, 1);
    gone.active = false;
    gone.users = 1000;
    assertEquals(2.0, Competition.meanCapability(w), 1e-15, "no users: plain mean");
    a.users = 100;
    b.users = 300;
    assertEquals(2.5, Competition.meanCapability(w), 1e-15);
    a.active = false;
    b.active = false;
    assertEquals(0.0, Competition.meanCapability(w));
  }

  @Test
  void entrantsArriveWithCapabilityNearTheUserWeightedMean() {
    World w = world(1, 400);
    firm(w, 0, 1.0, 1).users = 100;
    firm(w, 0, 3.0, 1).users = 300;
    Competition m =
        competition(
            "competition.entry_rate_per_year=1000",
            "competition.entrant_capability_factor=1.2",
            "competition.exit_share=0",
            "competition.max_firms=100000");
    Entrants entrants = new Entrants();
    MersenneTwisterFast rng = new MersenneTwisterFast(8);
    for (int s = 0; s < 600; s++) m.step(w, rng, entrants);
    // factor 1.2 x mean 2.5 x Uniform[0.8, 1.2]: in [2.4, 3.6], mean 3, sd 3 x 0.4/sqrt(12).
    // Entrants have no users, so the weighted mean stays 2.5.
    double sum = 0;
    for (double c : entrants.capabilities) {
      assertTrue(c >= 2.4 - 1e-12 && c <= 3.6 + 1e-12, "capability " + c);
      sum += c;
    }
    int n = entrants.capabilities.size();
    assertTrue(n > 1400, n + " entrants");
    assertEquals(3.0, sum / n, 5 * 3 * 0.4 / Math.sqrt(12) / Math.sqrt(n));
  }

  /**
   * The band [entrant_capability_low, entrant_capability_high]; a band of width 0 fixes the draw.
   */
  @Test
  void theEntrantCapabilityBandComesFromItsKeys() {
    World w = world(1, 400);
    firm(w, 0, 2.0, 1).users = 400;
    Competition m =
        competition(
            "competition.entry_rate_per_year=1000",
            "competition.entrant_capability_factor=1.5",
            "competition.entrant_capability_low=0.5",
            "competition.entrant_capability_high=0.5",
            "competition.exit_share=0",
            "competition.max_firms=100000");
    Entrants entrants = new Entrants();
    MersenneTwisterFast rng = new MersenneTwisterFast(9);
    for (int s = 0; s < 20; s++) m.step(w, rng, entrants);
    assertTrue(entrants.capabilities.size() > 20);
    for (double c : entrants.capabilities) assertEquals(1.5 * 2.0 * 0.5, c, 1e-12);
  }

  // ---- issue 12.4: contestability that can fail

  @Test
  void theScaleFeedbackIsTheFirmsUsersOverTheMeanToTheElasticity() {
    World w = world(1, 400);
    Firm big = firm(w);
    big.users = 300;
    Firm small = firm(w);
    small.users = 100;
    Firm gone = firm(w);
    gone.active = false;
    gone.users = 1000;
    assertEquals(1.0, Competition.scaleFactor(w, big, 0.0), 0.0, "elasticity 0: as before");
    // Mean of the active firms: 200 users.
    assertEquals(Math.sqrt(1.5), Competition.scaleFactor(w, big, 0.5), 1e-15);
    assertEquals(Math.sqrt(0.5), Competition.scaleFactor(w, small, 0.5), 1e-15);
    assertEquals(1.5 * 1.5, Competition.scaleFactor(w, big, 2.0), 1e-12);
    small.users = 0;
    big.users = 400;
    assertEquals(0.0, Competition.scaleFactor(w, small, 0.5), 0.0, "no users: nothing to learn");
    big.users = 0;
    assertEquals(1.0, Competition.scaleFactor(w, big, 0.5), 0.0, "nobody has users");
  }

  @Test
  void theFrontierIsTheLeadersCapabilityWhenTheScenarioSaysSo() {
    World w = world(1, 400);
    firm(w, 0, 1.0, 1).users = 300;
    firm(w, 0, 3.0, 1).users = 100;
    Firm gone = firm(w, 0, 9.0, 1);
    gone.active = false;
    assertEquals(1.5, competition().frontier(w), 1e-15, "user-weighted mean: (300 + 300) / 400");
    assertEquals(
        3.0,
        competition("competition.entrant_capability_reference=leader").frontier(w),
        1e-15,
        "the most capable active firm");
    assertEquals(3.0, Competition.leaderCapability(w), 1e-15);
  }

  private static Competition deciding(String... sets) {
    govsim.model.ModelSpec s = spec(sets);
    return new Competition(
        s.competition(), s.users(), s.firms().decisionIntensity(), s.reputation().initial());
  }

  /**
   * Incumbents A (capability 1, reputation 1) and B (0, 1); users' utility q + r (choice intensity
   * 5): 2 and 1. An entrant of capability 1 and reputation 1 has utility 2, logit share e^10 /
   * (e^10 + e^10 + e^5) = 1 / (2 + e^-5) of all users; with 2 active firms its revenue is 2 s times
   * the mean firm's. Horizon 2 years, cost 0.5 years: 100 (2 x 2 s - 0.5).
   */
  @Test
  void anEntrantValuesItsLogitShareOverTheHorizonMinusTheEntryCost() {
    World w = world(1, 100);
    firm(w, 0, 1.0, 1).users = 60;
    firm(w, 0, 0.0, 1).users = 40;
    double s = 1 / (2 + Math.exp(-5));
    assertEquals(100 * (2 * 2 * s - 0.5), deciding().entryValue(w, 1.0), 1e-9);
    assertEquals(
        100 * (4 * 2 * s - 3),
        deciding("competition.entry_horizon_years=4", "competition.entry_cost_years=3")
            .entryValue(w, 1.0),
        1e-9);
    World empty = world(1, 100);
    assertEquals(100 * (2 - 0.5), deciding().entryValue(empty, 0.0), 1e-9, "a market to itself");
  }

  @Test
  void aWouldBeEntrantThatCannotRecoverTheCostStaysOutAndIsLogged() {
    World w = world(1, 100);
    firm(w, 0, 5.0, 1).users = 100; // utility 6 against an entrant's 1 + 1 = 2 at capability 1
    // Capability factor 0.2 x 5 = 1, share e^10 / (e^30 + e^10) ~ 2e-9: value ~ -50 (x intensity).
    String[] sets = {
      "competition.entry_rate_per_year=1000",
      "competition.entrant_capability_factor=0.2",
      "competition.entrant_capability_low=1",
      "competition.entrant_capability_high=1",
      "competition.exit_share=0",
      "competition.max_firms=100000"
    };
    Entrants entrants = new Entrants();
    MersenneTwisterFast decide = new MersenneTwisterFast(21);
    deciding(sets).step(w, new MersenneTwisterFast(20), decide, entrants);
    assertEquals(0, entrants.capabilities.size(), "logistic(-50) ~ 2e-22: nobody enters");
    assertTrue(w.tally.entriesDeclined > 0);
    List<WorldEvent> ev = events(w);
    assertEquals(w.tally.entriesDeclined, count(ev, EventKind.ENTRY_DECLINED));
    assertEquals(1.0, ev.get(0).value(), 1e-12, "the capability it could have bought");
    // With a cheap entry and a strong frontier the entrant comes in.
    Entrants more = new Entrants();
    World w2 = world(1, 100);
    firm(w2, 0, 5.0, 1).users = 100;
    deciding(
            "competition.entry_rate_per_year=1000",
            "competition.entrant_capability_factor=1",
            "competition.entrant_capability_low=1",
            "competition.entrant_capability_high=1",
            "competition.entry_cost_years=0",
            "competition.exit_share=0",
            "competition.max_firms=100000")
        .step(w2, new MersenneTwisterFast(20), new MersenneTwisterFast(21), more);
    assertTrue(more.capabilities.size() > 0);
    assertEquals(0, w2.tally.entriesDeclined, "share 1/2, value 100 x (2 x 2 x 0.5) = 200");
  }

  @Test
  void declinedEntrantsSpendTheSameEntryDrawsAsAdmittedOnes() {
    double[] after = new double[2];
    for (int k = 0; k < 2; k++) {
      World w = world(1, 100);
      firm(w, 0, 5.0, 1).users = 100;
      MersenneTwisterFast entry = new MersenneTwisterFast(30);
      Competition m =
          deciding(
              "competition.entry_rate_per_year=1000",
              "competition.entrant_capability_factor=0.2",
              "competition.exit_share=0",
              "competition.max_firms=100000",
              "competition.entry_decision=" + (k == 0));
      for (int s = 0; s < 5; s++) m.step(w, entry, new MersenneTwisterFast(31), new Entrants());
      after[k] = entry.nextDouble();
    }
    assertEquals(after[0], after[1], 0.0, "the entry stream is where it would be without declines");
  }

  @Test
  void withoutTheEntryDecisionEveryArrivalEnters() {
    World w = world(1, 100);
    firm(w, 0, 5.0, 1).users = 100;
    Entrants entrants = new Entrants();
    deciding(
            "competition.entry_rate_per_year=1000",
            "competition.entrant_capability_factor=0.2",
            "competition.entry_decision=false",
            "competition.exit_share=0",
            "competition.max_firms=100000")
        .step(w, new MersenneTwisterFast(20), new MersenneTwisterFast(21), entrants);
    assertTrue(entrants.capabilities.size() > 0);
    assertEquals(0, w.tally.entriesDeclined);
  }
}
