package govsim.mechanism.community;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.3 and 13.7 hooks in M7: a guided risk is on a community's agenda at once and its lag is
 * multiplied by the risk's signal lag factor; a community founded for a law-silent risk drafts it
 * at once. Lag 20 x (1 + members/2): 40 days for two members; no discovery (rate 0). dt = 1.
 */
class GuidedAgendaTest {
  private static StandardSetting standards() {
    var s =
        spec(
            "communities.standard_lag_days=20",
            "communities.lag_size_scale=2",
            "communities.lag_size_exponent=1",
            "communities.risk_discovery_rate_per_year=0",
            "communities.founding_members=2",
            "communities.stringency_min=0.8",
            "communities.stringency_max=0.8");
    return govsim.mechanism.Fixtures.standards(s, 0.7, 0.7);
  }

  @Test
  void aGuidelineShortensTheDraftLagByOnePlusTheSignalStrength() {
    StandardSetting m = standards();
    World w = world(1, 0);
    Community c = community(w, 0.9, 0.7, 0L);
    member(firm(w), c);
    member(firm(w), c);
    Risk quiet = risk(w, 1, 0.01, 0, false);
    Risk guided = risk(w, 1, 0.01, 0, false);
    guided.onGuidedAgenda = true;
    guided.signalLagFactor = 1.0 / 1.5; // signal strength 0.5
    m.step(w, new MersenneTwisterFast(1));
    assertNull(c.standards.pending(quiet.id), "no discovery and no member met it");
    Rule draft = c.standards.pending(guided.id);
    assertEquals(1.0 + 40.0 / 1.5, draft.effectiveDay, 1e-9, "day 1 + 40 / 1.5 = day 27.67");
    assertEquals(1, count(events(w), EventKind.STANDARD_DRAFTING));
  }

  @Test
  void aCommunityFoundedForALawSilentRiskDraftsItAtOnce() {
    StandardSetting m = standards();
    World w = world(1, 0);
    firm(w);
    firm(w);
    firm(w);
    Risk r = risk(w, 1, 0.01, 0, false);
    Community c = m.foundForRisk(w, new MersenneTwisterFast(5), r);
    assertEquals(2, c.size(), "two founders among three firms");
    assertEquals(0.8, c.stringency);
    Rule draft = c.standards.pending(r.id);
    assertEquals(1.0 + 40.0, draft.effectiveDay, 1e-9, "day 1 + 20 x (1 + 2/2)");
    var log = events(w);
    assertEquals(1, count(log, EventKind.COMMUNITY_FORMED));
    assertEquals(1, count(log, EventKind.STANDARD_DRAFTING));
    assertTrue(StandardSetting.addressesCurrentForm(c, r));
    assertEquals(List.of(c), w.communities);
  }
}
