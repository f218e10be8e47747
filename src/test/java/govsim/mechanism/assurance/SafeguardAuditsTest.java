package govsim.mechanism.assurance;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.malicious.MisuseFixtures;
import govsim.mechanism.malicious.Safeguards;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * M8 audits of misuse safeguards (issue 12 item 5): a member below the community minimum is found
 * with the audit's detection probability and expelled (or, without expulsion, its level raised to
 * the minimum); a member at the minimum, or audits without a safeguard check, find nothing.
 */
class SafeguardAuditsTest {
  private static final double EXPULSION_LOSS = 0.15;

  private static Audits audits(Safeguards safeguards, String... sets) {
    return new Audits(spec(sets).assurance(), EXPULSION_LOSS, safeguards);
  }

  private static Safeguards safeguards(String... sets) {
    ModelSpec s = spec(sets);
    return MisuseFixtures.safeguards(s, new Synergy(s.synergy()));
  }

  /** One member at level {@code level} of a community with no standard and the given assurance. */
  private static World memberWorld(double level, double assurance) {
    World w = world(1, 0);
    Firm f = firm(w);
    f.safeguards = level;
    Community c = community(w, 0.8, assurance, 0L);
    member(f, c);
    return w;
  }

  @Test
  void aMemberBelowTheMinimumIsFoundAndExpelled() {
    World w = memberWorld(0.3, 1.0);
    w.now = 10;
    Firm f = w.firms.get(0);
    Safeguards g = safeguards("malicious.safeguards.community_minimum=0.5");
    Audits a = audits(g, "assurance.audit_rate_per_year=365", "assurance.rejoin_ban_days=100");
    MersenneTwisterFast rng = new MersenneTwisterFast(1);
    Synergy synergy = new Synergy(spec().synergy());
    for (int s = 0; s < 100 && w.tally.audits == 0; s++) a.step(w, rng, synergy);
    assertEquals(1, w.tally.audits);
    assertFalse(f.certified(), "expelled");
    assertTrue(f.bannedFrom(0, 109.9));
    assertEquals(1 - EXPULSION_LOSS, f.reputation, 1e-15);
    assertEquals(1, w.tally.expulsions);
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.AUDIT_VIOLATION));
    WorldEvent violation =
        ev.stream().filter(e -> e.type() == EventKind.AUDIT_VIOLATION).findFirst().orElseThrow();
    assertEquals(-1, violation.risk(), "no risk: the safeguards");
    assertEquals("misuse safeguards", violation.detail());
    assertEquals(1, count(ev, EventKind.EXPULSION));
  }

  @Test
  void aMemberAtTheMinimumOrAuditsWithoutACheckFindNothing() {
    Synergy synergy = new Synergy(spec().synergy());
    Safeguards g = safeguards("malicious.safeguards.community_minimum=0.5");
    World at = memberWorld(0.5, 1.0);
    audits(g, "assurance.audit_rate_per_year=365").step(at, new MersenneTwisterFast(2), synergy);
    assertTrue(at.firms.get(0).certified());
    World off = memberWorld(0.0, 1.0); // no safeguard check (targeting none or minimum 0)
    Audits plain = audits(null, "assurance.audit_rate_per_year=365");
    for (int s = 0; s < 20; s++) plain.step(off, new MersenneTwisterFast(3 + s), synergy);
    assertTrue(off.tally.audits > 5);
    assertTrue(off.firms.get(0).certified());
    World zero = memberWorld(0.0, 1.0);
    Audits none =
        audits(
            safeguards("malicious.safeguards.community_minimum=0"),
            "assurance.audit_rate_per_year=365");
    for (int s = 0; s < 20; s++) none.step(zero, new MersenneTwisterFast(30 + s), synergy);
    assertTrue(zero.firms.get(0).certified(), "a minimum of 0 requires nothing");
  }

  /**
   * Detection with the community's assurance: 4,000 audits of a member at 0.3 (minimum 0.5, no
   * expulsion so that it stays, its level put back after each remedy) with assurance 0.6 find the
   * shortfall 0.6 x 4,000 = 2,400 times; tolerance 5 binomial sd. A found shortfall is remedied to
   * exactly the minimum, with its cost 2 x 0.5^2 = 0.5% of revenue.
   */
  @Test
  void auditsDetectAShortfallWithTheAssuranceLevelAndRemedyIt() {
    World w = memberWorld(0.3, 0.6);
    Firm f = w.firms.get(0);
    Safeguards g = safeguards("malicious.safeguards.community_minimum=0.5");
    Audits a = audits(g, "assurance.audit_rate_per_year=365", "assurance.expel_on_violation=false");
    MersenneTwisterFast rng = new MersenneTwisterFast(4);
    Synergy synergy = new Synergy(spec().synergy());
    int found = 0;
    int audited = 0;
    while (audited < 4000) {
      g.set(f, 0.3);
      w.tally.audits = 0;
      a.step(w, rng, synergy);
      if (w.tally.audits == 0) continue;
      audited++;
      if (f.safeguards != 0.3) {
        assertEquals(0.5, f.safeguards);
        assertEquals(0.5, f.safeguardCostPercent, 1e-15);
        found++;
      }
    }
    assertTrue(f.certified(), "remedied, not expelled");
    assertEquals(2400, found, 5 * Math.sqrt(4000 * 0.6 * 0.4));
  }
}
