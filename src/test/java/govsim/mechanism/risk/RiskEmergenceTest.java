package govsim.mechanism.risk;

import static govsim.mechanism.Fixtures.count;
import static govsim.mechanism.Fixtures.events;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.ruleInForce;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.RandomStreams;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * M1 technology and risk emergence: new risks (known vs Knightian), Poisson arrivals, retirement,
 * releases with crowd-out and conformity assessment, and the capability shock. Statistical checks:
 * fixed seeds, tolerance 5 standard errors.
 */
class RiskEmergenceTest {
  private static RiskParams params(String... sets) {
    return spec(sets).risks();
  }

  @Test
  void anEmergedRiskTakesTheWorldsClockGenerationAndTheScenarioHazard() {
    World w = world(3, 0);
    w.now = 40;
    w.generation = 2;
    RiskEmergence m =
        new RiskEmergence(params("risks.hazard_per_firm_year=7.3", "risks.hazard_heterogeneity=0"));
    Risk known = m.emerge(w, new MersenneTwisterFast(1), 4.0, 0.2, false);
    Risk knightian = m.emerge(w, new MersenneTwisterFast(1), 4.0, 0.2, true);
    assertEquals(0, known.id);
    assertEquals(1, knightian.id);
    assertEquals(40.0, known.emergedDay);
    assertEquals(2, known.generation);
    assertEquals(7.3 / 365.0, known.hazardPerDay, 1e-15);
    assertEquals(3, known.salience.length);
    assertTrue(known.known && known.active);
    assertFalse(knightian.known, "a Knightian risk is unknown until its first incident");
    assertTrue(knightian.knightian);
    assertTrue(known.retireDay >= 40.0);
    List<WorldEvent> ev = events(w);
    assertEquals(2, count(ev, EventKind.RISK_EMERGED));
    assertEquals("known", ev.get(0).detail());
    assertEquals("knightian", ev.get(1).detail());
  }

  @Test
  void randomRisksFollowTheScenarioDistributions() {
    World w = world(1, 0);
    RiskEmergence m =
        new RiskEmergence(
            params(
                "risks.knightian_share=0.3",
                "risks.severity_min=2",
                "risks.visibility_min=0.1",
                "risks.visibility_max=0.3",
                "risks.lifetime_years_mean=2"));
    MersenneTwisterFast rng = new MersenneTwisterFast(2);
    int n = 20_000;
    int knightian = 0;
    double lifetime = 0;
    for (int i = 0; i < n; i++) {
      Risk r = m.emergeRandom(w, rng);
      assertTrue(r.severity >= 2.0);
      assertTrue(r.visibility >= 0.1 && r.visibility <= 0.3);
      if (r.knightian) knightian++;
      lifetime += r.retireDay - r.emergedDay;
    }
    assertEquals(0.3, knightian / (double) n, 5 * Math.sqrt(0.3 * 0.7 / n));
    // Lifetime ~ exponential with mean 2 years (sd = mean).
    assertEquals(730.0, lifetime / n, 5 * 730.0 / Math.sqrt(n));
  }

  @Test
  void novelRisksArriveAsAPoissonProcessAtTheYearlyRate() {
    World w = world(1, 0);
    // 3650 per year = 10 per day; lifetimes are long so nothing retires.
    RiskEmergence m =
        new RiskEmergence(
            params("risks.arrival_rate_per_year=3650", "risks.lifetime_years_mean=1e6"));
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    int steps = 1000;
    for (int s = 0; s < steps; s++) {
      m.step(w, rng);
      w.now += 1;
    }
    // Poisson(10) per step: sd of the mean over 1000 steps is sqrt(10/1000).
    assertEquals(10.0, w.risks.size() / (double) steps, 5 * Math.sqrt(10.0 / steps));
  }

  @Test
  void aRiskRetiresOnItsRetirementDay() {
    World w = world(1, 0);
    RiskEmergence m = new RiskEmergence(params("risks.arrival_rate_per_year=0"));
    Risk r = new Risk(0, 0, 1, 0.1, 0.01, false, 5.0, 0, 1);
    w.risks.add(r);
    MersenneTwisterFast rng = new MersenneTwisterFast(4);
    w.now = 4;
    m.step(w, rng);
    assertTrue(r.active);
    w.now = 5;
    m.step(w, rng);
    assertFalse(r.active);
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.RISK_RETIRED));
    m.step(w, rng);
    assertEquals(0, count(events(w), EventKind.RISK_RETIRED), "retired once only");
  }

  @Test
  void aReleaseGainIsScaledByTheCrowdOutOfComplianceCost() {
    RiskEmergence m =
        new RiskEmergence(params("risks.release_rate_per_year=4", "risks.release_step_mean=0.05"));
    double[] gain = new double[3];
    double[] percent = {0.0, 20.0, 60.0};
    for (int k = 0; k < 3; k++) {
      World w = world(1, 0);
      Firm f = firm(w);
      f.capability = 1.0;
      f.complianceCostPercent = percent[k];
      // The same seed gives the same exponential draw in each world.
      m.releases(w, seeded(5), 2.0, 60.0, 2.0, id -> false);
      gain[k] = f.capability - 1.0;
    }
    assertTrue(gain[0] > 0);
    // Scaled by max(0, 1 - crowd * cost%/100): 1 - 2 * 0.2 = 0.6; 1 - 2 * 0.6 < 0 gives 0.
    assertEquals(0.6 * gain[0], gain[1], 1e-12);
    assertEquals(0.0, gain[2]);
  }

  @Test
  void aFirmBoundByARegulatorWaitsTheConformityAssessmentBeforeItsNextRelease() {
    RiskEmergence m = new RiskEmergence(params("risks.release_rate_per_year=4"));
    double[] next = new double[2];
    for (int k = 0; k < 2; k++) {
      World w = world(1, 0);
      w.now = 10;
      Firm f = firm(w);
      f.nextReleaseDay = 10;
      boolean bound = k == 1;
      m.releases(w, seeded(6), 2.0, 60.0, 2.0, id -> bound);
      next[k] = f.nextReleaseDay;
    }
    assertTrue(next[0] > 10);
    assertEquals(next[0] + 60.0, next[1], 1e-9);
  }

  /**
   * An unsafe firm's next release comes after the same draw scaled by 1 / unsafe_release_speedup.
   */
  @Test
  void anUnsafeFirmReleasesFaster() {
    RiskEmergence m = new RiskEmergence(params("risks.release_rate_per_year=4"));
    double[] wait = new double[2];
    for (int k = 0; k < 2; k++) {
      World w = world(1, 0);
      w.now = 10;
      Firm f = firm(w);
      f.nextReleaseDay = 10;
      f.unsafeReleases = k == 1;
      m.releases(w, seeded(6), 0.0, 0.0, 2.5, id -> false);
      wait[k] = f.nextReleaseDay - 10;
    }
    assertTrue(wait[0] > 0);
    assertEquals(wait[0] / 2.5, wait[1], 1e-12);
  }

  @Test
  void onlyFirmsWhoseReleaseDayHasComeRelease() {
    RiskEmergence m = new RiskEmergence(params("risks.release_rate_per_year=4"));
    World w = world(1, 0);
    w.now = 10;
    Firm due = firm(w);
    due.nextReleaseDay = 10;
    Firm later = firm(w);
    later.nextReleaseDay = 10.5;
    Firm gone = firm(w);
    gone.active = false;
    m.releases(w, seeded(7), 0.0, 0.0, 2.0, id -> false);
    assertTrue(due.capability > 0);
    assertEquals(0.0, later.capability);
    assertEquals(10.5, later.nextReleaseDay);
    assertEquals(0.0, gone.capability);
  }

  @Test
  void releaseIntervalsAreExponentialWithTheYearlyRate() {
    RiskEmergence m = new RiskEmergence(params("risks.release_rate_per_year=4"));
    World w = world(1, 0);
    Firm f = firm(w);
    MersenneTwisterFast rng = new MersenneTwisterFast(8);
    int n = 20_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      f.nextReleaseDay = w.now;
      m.releases(w, id -> rng, 0.0, 0.0, 2.0, id -> false);
      sum += f.nextReleaseDay - w.now;
    }
    assertEquals(365.0 / 4, sum / n, 5 * (365.0 / 4) / Math.sqrt(n));
    RiskEmergence never = new RiskEmergence(params("risks.release_rate_per_year=0"));
    never.scheduleFirstRelease(f, w, rng);
    assertEquals(Double.POSITIVE_INFINITY, f.nextReleaseDay);
  }

  @Test
  void aShockChangesTheFormOfActiveRisksSoOldRulesStopCovering() {
    World w = world(1, 0);
    RiskEmergence m = new RiskEmergence(params());
    Risk a = new Risk(0, 0, 1, 0.1, 0.01, false, 1e9, 0, 1);
    Risk retired = new Risk(1, 0, 1, 0.1, 0.01, false, 1e9, 0, 1);
    retired.active = false;
    w.risks.add(a);
    w.risks.add(retired);
    Rule rule = ruleInForce(w.regulators[0].rules, a, 0.9);
    Firm f = firm(w);
    f.capability = 1.0;
    Firm exited = firm(w);
    exited.active = false;
    assertTrue(rule.covers(a));

    m.shock(w, new MersenneTwisterFast(9), 2, 1.0, 0.5);

    assertEquals(1, w.generation);
    assertEquals(1, a.generation);
    assertFalse(rule.covers(a), "a rule for the old form no longer covers the risk");
    assertFalse(w.regulators[0].rules.covers(a));
    assertEquals(0, retired.generation, "a retired risk does not change form");
    assertEquals(1.5, f.capability, 1e-15);
    assertEquals(0.0, exited.capability);
    assertEquals(4, w.risks.size(), "two new risks");
    assertEquals(1, w.risks.get(2).generation, "new risks take the new form");
    List<WorldEvent> ev = events(w);
    assertEquals(1, count(ev, EventKind.CAPABILITY_SHOCK));
    assertEquals(2, count(ev, EventKind.RISK_EMERGED));

    m.shock(w, new MersenneTwisterFast(9), 0, 0.0, 0.0);
    assertEquals(2, w.generation);
    assertEquals(1, a.generation, "obsolete share 0 changes no risk");
  }

  @Test
  void aShockChangesTheFormOfTheGivenShareOfActiveRisks() {
    World w = world(1, 0);
    RiskEmergence m = new RiskEmergence(params());
    int n = 20_000;
    for (int i = 0; i < n; i++) w.risks.add(new Risk(i, 0, 1, 0.1, 0.01, false, 1e9, 0, 1));
    m.shock(w, new MersenneTwisterFast(10), 0, 0.3, 0.0);
    long changed = w.risks.stream().filter(r -> r.generation == 1).count();
    assertEquals(0.3, changed / (double) n, 5 * Math.sqrt(0.3 * 0.7 / n));
  }

  /** Every firm draws from one generator with the given seed (one firm per world here). */
  private static IntFunction<MersenneTwisterFast> seeded(int seed) {
    MersenneTwisterFast rng = new MersenneTwisterFast(seed);
    return id -> rng;
  }

  @Test
  void theHazardMultiplierIsLognormalWithMeanOneAndExactlyOneWithoutHeterogeneity() {
    // exp(s z - s^2/2): s = 1, z = 0 -> e^-0.5; z = 1 -> e^0.5; s = 0 -> 1 whatever z.
    assertEquals(Math.exp(-0.5), RiskEmergence.hazardMultiplier(1, 0), 1e-15);
    assertEquals(Math.exp(0.5), RiskEmergence.hazardMultiplier(1, 1), 1e-15);
    assertEquals(1.0, RiskEmergence.hazardMultiplier(0, 1.3));
    assertEquals(Math.exp(2 * -1.5 - 2), RiskEmergence.hazardMultiplier(2, -1.5), 1e-15);
  }

  @Test
  void eachRiskDrawsOneGaussianFromTheHazardsStreamWhateverTheHeterogeneity() {
    // The same stream with heterogeneity 0.5 and 1: risk i gets the same z in both, so that
    // ln(multiplier) = s z - s^2/2 gives the same z; with 0 every multiplier is 1 and the next
    // risk still gets the next z (the stream is spent the same way).
    double[] z = new double[4];
    MersenneTwisterFast ref = RandomStreams.derive(11L, "hazards");
    for (int i = 0; i < z.length; i++) z[i] = ref.nextGaussian();
    for (double s : new double[] {0.0, 0.5, 1.0}) {
      World w = world(1, 0);
      RiskEmergence m =
          new RiskEmergence(
              params("risks.hazard_heterogeneity=" + s, "risks.hazard_per_firm_year=2"),
              RandomStreams.derive(11L, "hazards"));
      for (int i = 0; i < z.length; i++) {
        Risk r =
            i % 2 == 0
                ? m.emergeRandom(w, new MersenneTwisterFast(i))
                : m.emerge(w, new MersenneTwisterFast(i), 1, 0.1, true);
        double expected = Math.exp(s * z[i] - s * s / 2);
        assertEquals(expected, r.hazardMultiplier, 1e-12);
        assertEquals(2.0 / 365 * expected, r.hazardPerDay, 1e-15);
      }
    }
  }

  @Test
  void heavyTailedHazardsAveragingTheScenarioHazard() {
    // 20,000 risks, s = 1: the multipliers' mean is 1 (sd of the mean sqrt(e - 1)/sqrt(n) =
    // 0.0093), their median e^-0.5 = 0.607 and 2.5% of them exceed e^(1.96 - 0.5) = 4.31.
    World w = world(1, 0);
    RiskEmergence m =
        new RiskEmergence(
            params("risks.hazard_heterogeneity=1"), RandomStreams.derive(3L, "hazards"));
    int n = 20_000;
    double[] x = new double[n];
    double sum = 0;
    int above = 0;
    MersenneTwisterFast rng = new MersenneTwisterFast(5);
    for (int i = 0; i < n; i++) {
      x[i] = m.emerge(w, rng, 1, 0.1, false).hazardMultiplier;
      sum += x[i];
      if (x[i] > Math.exp(1.96 - 0.5)) above++;
    }
    java.util.Arrays.sort(x);
    assertEquals(1.0, sum / n, 4 * 0.0093);
    assertEquals(Math.exp(-0.5), x[n / 2], 0.02);
    assertEquals(0.025, above / (double) n, 0.005);
  }
}
