package govsim.mechanism.enforcement;

import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.tick;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.world.Regulator;
import govsim.world.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.5, a budget shared by inspections and hybrid powers: capacity = min(10, (budget -
 * powers) / 20,000) with the default power costs (transparency 50,000, recognition 20,000, signals
 * 10,000, backstop 50,000, protection 30,000, codification 20,000, law silence 10,000, soft signals
 * 20,000 a year; 210,000 for all eight, 160,000 for the five of before issue 13).
 */
class BudgetTest {
  private static ModelSpec spec(String... extra) {
    List<String> sets =
        new ArrayList<>(
            List.of(
                "enforcement.inspections_per_year=10",
                "enforcement.cost_per_inspection=20000",
                "enforcement.budget_per_year=400000"));
    sets.addAll(List.of(extra));
    return govsim.mechanism.Fixtures.spec(sets.toArray(new String[0]));
  }

  private static Enforcement enforcement(ModelSpec s) {
    return new Enforcement(s.enforcement(), 0.1, 100);
  }

  private static void grantAll(Regulator reg) {
    reg.transparency = reg.recognizeCertification = reg.signals = reg.backstop = true;
    reg.protectVulnerable = reg.codification = reg.lawSilenceFormation = reg.softSignals = true;
  }

  @Test
  void powersCostTheirSumAYear() {
    Synergy syn = new Synergy(spec().synergy());
    Regulator reg = new Regulator(0);
    assertEquals(0.0, syn.regulatorPowerCostPerYear(reg));
    reg.transparency = reg.recognizeCertification = reg.signals = reg.backstop = true;
    reg.protectVulnerable = true;
    assertEquals(160000.0, syn.regulatorPowerCostPerYear(reg));
    grantAll(reg);
    assertEquals(210000.0, syn.regulatorPowerCostPerYear(reg));
    Synergy free = new Synergy(spec("synergy.powers_cost=false").synergy());
    assertEquals(0.0, free.regulatorPowerCostPerYear(reg));
  }

  @Test
  void capacityIsWhatTheBudgetLeavesCappedByInspectionsPerYear() {
    ModelSpec s = spec();
    Synergy syn = new Synergy(s.synergy());
    Enforcement e = enforcement(s);
    Regulator reg = new Regulator(0);
    assertEquals(10.0, e.inspectionCapacity(reg, syn), "400,000 / 20,000 = 20, capped at 10");
    reg.transparency = reg.recognizeCertification = reg.signals = reg.backstop = true;
    reg.protectVulnerable = true;
    assertEquals(10.0, e.inspectionCapacity(reg, syn), "240,000 / 20,000 = 12, capped at 10");
    grantAll(reg);
    assertEquals(9.5, e.inspectionCapacity(reg, syn), 1e-12, "190,000 / 20,000");
    Enforcement tight = enforcement(spec("enforcement.budget_per_year=250000"));
    assertEquals(2.0, tight.inspectionCapacity(reg, syn), 1e-12, "40,000 / 20,000");
    Enforcement broke = enforcement(spec("enforcement.budget_per_year=100000"));
    assertEquals(0.0, broke.inspectionCapacity(reg, syn), "the powers take the whole budget");
    Enforcement legacy =
        enforcement(spec("enforcement.budget_per_year=100000", "enforcement.budget_binds=false"));
    assertEquals(10.0, legacy.inspectionCapacity(reg, syn));
    Synergy free = new Synergy(spec("synergy.powers_cost=false").synergy());
    assertEquals(5.0, broke.inspectionCapacity(reg, free), "100,000 / 20,000 with free powers");
  }

  @Test
  void firmsExpectAndRegulatorsMakeTheAffordableInspections() {
    ModelSpec s = spec("enforcement.budget_per_year=250000");
    Synergy syn = new Synergy(s.synergy());
    Enforcement e = enforcement(s);
    World w = world(1, 0);
    firm(w);
    firm(w);
    Regulator reg = w.regulators[0];
    reg.enforcement = true;
    grantAll(reg);
    reg.recognizeCertification = false; // no certificate in play
    reg.signals = false; // nobody signalled: equal weights
    // 210,000 - 20,000 - 10,000 = 180,000; 70,000 left buy 3.5 inspections, 1.75 per firm
    double[][] expected = e.expectedInspectionsPerYear(w, syn, new boolean[2]);
    assertEquals(1.75, expected[0][0], 1e-12);
    assertEquals(1.75, expected[1][0], 1e-12);
    // A budget the powers exhaust: no inspection in 1,000 days (Poisson with rate 0).
    Enforcement broke = enforcement(spec("enforcement.budget_per_year=180000"));
    MersenneTwisterFast rng = new MersenneTwisterFast(3);
    int inspections = 0;
    for (int d = 0; d < 1000; d++) {
      w.tally.reset();
      broke.step(w, rng, syn, new boolean[2]);
      inspections += w.tally.inspections;
      tick(w);
    }
    assertEquals(0, inspections);
    assertEquals(0.0, reg.inspectionCapacityPerYear);
  }
}
