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
    public Firm enter(World w, MersenneTwisterFast rng, double capability) {
      capabilities.add(capability);
      return firm(w, 0, capability, 1);
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
}
