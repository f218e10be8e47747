package govsim.mechanism.risk;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 1: Gamma-Poisson beliefs about a risk's hazard. Every expected value is worked out
 * by hand from Gamma(a0, b0) -> Gamma(a0 + k, b0 + E).
 */
class HazardBeliefTest {
  private static RiskParams params(String... sets) {
    return spec(sets).risks();
  }

  @Test
  void posteriorMeanAndVarianceAfterKIncidentsInExposureE() {
    // Prior Gamma(2, 4 days): mean 0.5/day. Three incidents in 6 days: Gamma(5, 10).
    assertEquals(0.5, HazardBelief.posteriorMean(2, 4, 0, 0), 1e-15);
    assertEquals(5.0 / 10.0, HazardBelief.posteriorMean(2, 4, 3, 6), 1e-15);
    assertEquals(5.0 / 100.0, HazardBelief.posteriorVariance(2, 4, 3, 6), 1e-15);
    // A vague prior Gamma(0.5, 91.25 days) (mean 2/year) after one incident in 10 days:
    // mean 1.5 / 101.25 per day = 5.407 per year, variance 1.5 / 101.25^2.
    assertEquals(1.5 / 101.25, HazardBelief.posteriorMean(0.5, 91.25, 1, 10), 1e-15);
    assertEquals(1.5 / (101.25 * 101.25), HazardBelief.posteriorVariance(0.5, 91.25, 1, 10), 1e-18);
  }

  @Test
  void upperQuantilesOfTheBelief() {
    // Shape 1 is the exponential: Q(q) = -ln(1 - q) / rate; rate 2, q = 0.9 -> ln(10)/2.
    assertEquals(Math.log(10) / 2, HazardBelief.quantile(1, 2, 0.9), 1e-9);
    // Shape 2, rate 1: F(x) = 1 - e^-x (1 + x); F(2) = 1 - 3 e^-2, so Q(1 - 3 e^-2) = 2.
    assertEquals(2.0, HazardBelief.quantile(2, 1, 1 - 3 * Math.exp(-2)), 1e-9);
    // Rate scales the quantile inversely: shape 2, rate 4 -> 0.5.
    assertEquals(0.5, HazardBelief.quantile(2, 4, 1 - 3 * Math.exp(-2)), 1e-9);
    assertEquals(0.0, HazardBelief.quantile(2, Double.POSITIVE_INFINITY, 0.9));
  }

  @Test
  void aKnownRisksPriorIsCentredOnItsHazardAKnightiansIsVagueAndCentredOnTheTypicalHazard() {
    World w = world(2, 0);
    RiskEmergence m =
        new RiskEmergence(
            params(
                "risks.hazard_heterogeneity=0",
                "risks.hazard_per_firm_year=2",
                "risks.known_prior_shape=20",
                "risks.knightian_prior_shape=0.5"));
    Risk known = m.emerge(w, new MersenneTwisterFast(1), 1, 0.1, false);
    Risk knightian = m.emerge(w, new MersenneTwisterFast(1), 1, 0.1, true);
    // Known: shape 20, rate 20 / (2/365) = 3650 firm-days; mean 2/365 per day (its hazard).
    assertEquals(20, known.priorShape);
    assertEquals(3650, known.priorRate, 1e-9);
    // Knightian: shape 0.5, rate 0.5 / (2/365) = 91.25 firm-days.
    assertEquals(0.5, knightian.priorShape);
    assertEquals(91.25, knightian.priorRate, 1e-12);
    assertEquals(2, known.regulatorIncidents.length, "one record per jurisdiction");
    assertEquals(2.0 / 365, HazardBelief.firmHazardPerDay(known, 7), 1e-15, "no record: prior");
  }

  @Test
  void withoutBeliefsEveryoneUsesTheTrueHazard() {
    World w = world(1, 0);
    RiskParams p = params("risks.beliefs=none", "risks.hazard_heterogeneity=0");
    Risk r = new RiskEmergence(p).emerge(w, new MersenneTwisterFast(1), 1, 0.1, true);
    assertNull(r.firmIncidents);
    assertTrue(Double.isNaN(r.priorShape));
    Firm f = firm(w);
    new HazardBelief(p).observe(r, f, 1.0, 1);
    assertEquals(r.hazardPerDay, HazardBelief.firmHazardPerDay(r, f.id));
    assertEquals(r.hazardPerDay, new HazardBelief(p).regulatorHazardPerDay(r, 0));
    Community c = community(w, 0.5, 0.5, 0L);
    assertEquals(r.hazardPerDay, HazardBelief.communityHazardPerDay(w, c, r));
  }

  @Test
  void aFirmSeesItsOwnIncidentsARegulatorTheReportedShareOfItsJurisdictions() {
    World w = world(2, 0);
    RiskParams p =
        params(
            "risks.hazard_heterogeneity=0",
            "risks.hazard_per_firm_year=3.65", // 0.01 per day
            "risks.known_prior_shape=2",
            "risks.regulator_observed_share=0.25");
    HazardBelief b = new HazardBelief(p);
    Risk r = new RiskEmergence(p).emerge(w, new MersenneTwisterFast(1), 1, 0.1, false);
    // Prior Gamma(2, 200 firm-days).
    assertEquals(200, r.priorRate, 1e-9);
    Firm both = firm(w); // serves jurisdictions 0 and 1
    Firm onlyOne = firm(w, 0, 0, 0b10L);
    for (int day = 0; day < 100; day++) b.observe(r, both, 0.5, day < 3 ? 1 : 0);
    b.observe(r, onlyOne, 40, 4);
    // Firm 0: 3 incidents in 50 unmitigated-equivalent days -> (2 + 3) / (200 + 50).
    assertEquals(5.0 / 250.0, HazardBelief.firmHazardPerDay(r, both.id), 1e-15);
    // Firm 1: 4 in 40 -> 6 / 240.
    assertEquals(6.0 / 240.0, HazardBelief.firmHazardPerDay(r, onlyOne.id), 1e-15);
    // Regulator 0 sees a quarter of firm 0's: (2 + 0.75) / (200 + 12.5).
    assertEquals(2.75 / 212.5, b.regulatorHazardPerDay(r, 0), 1e-15);
    // Regulator 1 a quarter of both: (2 + 0.25 * 7) / (200 + 0.25 * 90).
    assertEquals(3.75 / 222.5, b.regulatorHazardPerDay(r, 1), 1e-15);
  }

  @Test
  void aCommunityPoolsItsCurrentMembersRecords() {
    World w = world(1, 0);
    RiskParams p = params("risks.hazard_heterogeneity=0", "risks.known_prior_shape=2");
    HazardBelief b = new HazardBelief(p);
    Risk r = new RiskEmergence(p).emerge(w, new MersenneTwisterFast(1), 1, 0.1, false);
    double rate = r.priorRate; // 2 / (2/365) = 365
    assertEquals(365, rate, 1e-9);
    Firm f0 = firm(w);
    Firm f1 = firm(w);
    Firm f2 = firm(w);
    b.observe(r, f0, 10, 1);
    b.observe(r, f1, 5, 5);
    b.observe(r, f2, 30, 2);
    Community c = community(w, 0.5, 0.5, 0L);
    member(f0, c);
    member(f2, c);
    // Members 0 and 2: 3 incidents in 40 days -> (2 + 3) / (365 + 40).
    assertEquals(5.0 / 405.0, HazardBelief.communityHazardPerDay(w, c, r), 1e-15);
  }

  @Test
  void aPrecautionaryRegulatorWritesForAnUpperQuantile() {
    World w = world(1, 0);
    RiskParams p =
        params(
            "risks.hazard_heterogeneity=0",
            "risks.hazard_per_firm_year=3.65",
            "risks.known_prior_shape=1",
            "risks.precautionary_quantile=0.9");
    Risk r = new RiskEmergence(p).emerge(w, new MersenneTwisterFast(1), 1, 0.1, false);
    // Prior Gamma(1, 100 days): exponential, its 0.9 quantile ln(10)/100 per day (mean 0.01).
    assertEquals(Math.log(10) / 100, new HazardBelief(p).regulatorHazardPerDay(r, 0), 1e-9);
  }
}
