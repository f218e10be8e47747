package govsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.UserPopulation;
import govsim.world.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Common random numbers per process (MODEL.md §9, issue 11 item 1): with the same seed, what the
 * regime does not cause is identical in all four regimes — the same risks emerge on the same days
 * with the same attributes (initial, Poisson arrivals, a capability shock's and an emerge_risk
 * event's), the same malicious opportunities (days, actors, jurisdictions, gains, severities), the
 * same users with the same initial providers and attention clocks firing on the same days, and the
 * same entrants on the same days with the same attributes. Read from the world's state and its
 * event log after each step, for every pair of regimes and two seeds.
 */
class CommonRandomNumbersTest {
  private static final List<String> REGIMES =
      List.of("laissez_faire", "centralized", "distributed", "hybrid");

  @TempDir Path tmp;

  /** What must not depend on the regime, as observed in one run. */
  private record Exogenous(
      List<String> risks,
      List<String> riskEvents,
      List<String> opportunities,
      List<String> entrants,
      List<String> initialUsers,
      List<Integer> attentionFirings,
      int attacks) {}

  @ParameterizedTest
  @ValueSource(longs = {11, 2026})
  void whatTheRegimeDoesNotCauseIsTheSameInEveryRegime(long seed) throws Exception {
    Map<String, Exogenous> runs = new TreeMap<>();
    for (String regime : REGIMES) runs.put(regime, run(regime, seed));

    Exogenous lf = runs.get("laissez_faire");
    // The observations are not empty, so equality below says something.
    assertTrue(lf.risks.size() > 10 + 5 + 1, "initial, novel, shock and event risks: " + lf.risks);
    assertTrue(lf.riskEvents.stream().anyMatch(e -> e.contains("CAPABILITY_SHOCK")));
    assertTrue(lf.opportunities.size() > 100, "opportunities: " + lf.opportunities.size());
    assertTrue(lf.entrants.size() >= 1, "entrants: " + lf.entrants);
    assertEquals(3000, lf.initialUsers.size());
    // The regime does change what becomes of the opportunities: laissez-faire's actors attack more.
    assertTrue(lf.attacks > runs.get("centralized").attacks, "attacks " + lf.attacks);
    assertNotEquals(lf.attacks, runs.get("hybrid").attacks);

    int pairs = 0;
    for (int a = 0; a < REGIMES.size(); a++) {
      for (int b = a + 1; b < REGIMES.size(); b++) {
        Exogenous x = runs.get(REGIMES.get(a));
        Exogenous y = runs.get(REGIMES.get(b));
        String pair = REGIMES.get(a) + " vs " + REGIMES.get(b) + ", seed " + seed + ": ";
        assertEquals(x.risks, y.risks, pair + "risks and their attributes");
        assertEquals(x.riskEvents, y.riskEvents, pair + "risk emergence and shock events");
        assertEquals(x.opportunities, y.opportunities, pair + "malicious opportunities");
        assertEquals(x.entrants, y.entrants, pair + "entry timing and entrants' attributes");
        assertEquals(x.initialUsers, y.initialUsers, pair + "users' initial attributes");
        assertEquals(x.attentionFirings, y.attentionFirings, pair + "attention clocks");
        pairs++;
      }
    }
    assertEquals(6, pairs);
  }

  private Exogenous run(String regime, long seed) throws Exception {
    Path file = tmp.resolve("crn-" + regime + "-" + seed + ".yaml");
    Files.writeString(
        file,
        "extends: "
            + Path.of("scenarios/baseline.yaml").toAbsolutePath()
            + "\n"
            + "name: crn\n"
            + "regime: "
            + regime
            + "\n"
            + "seed: "
            + seed
            + "\n"
            + "time: {horizon_days: 730}\n"
            + "users: {count: 3000}\n"
            + "cross_border: {jurisdictions: 2}\n"
            + "competition: {entry_rate_per_year: 3}\n"
            + "events:\n"
            + "  - {type: capability_shock, at_day: 300, new_risks: 5, obsolete_share: 0.5,"
            + " capability_boost: 0.2}\n"
            + "  - {type: emerge_risk, at_day: 400, severity: 20, visibility: 0.01, knightian:"
            + " true}\n");
    GovSimModel m = new GovSimModel(Scenarios.load(file, List.of()).config());
    m.start();
    World w = m.world();
    UserPopulation u = w.users;
    List<String> initialUsers = new ArrayList<>();
    for (int i = 0; i < u.size; i++) {
      initialUsers.add(
          u.jurisdictionOf(i)
              + " "
              + u.weak[i]
              + " "
              + u.switchingCost[i]
              + " "
              + u.attentionOf(i)
              + " "
              + u.nextAttentionStep[i]
              + " "
              + u.firm[i]);
    }
    List<String> riskEvents = new ArrayList<>();
    List<String> opportunities = new ArrayList<>();
    List<String> entrants = new ArrayList<>();
    List<Integer> attentionFirings = new ArrayList<>();
    int[] attacks = {0};
    int[] previousClock = u.nextAttentionStep.clone();
    while (!m.isDone()) {
      long step = w.step;
      m.stepOnce();
      List<Integer> entered = new ArrayList<>();
      w.drainEvents(
          e -> {
            switch (e.type()) {
              case RISK_EMERGED, CAPABILITY_SHOCK ->
                  riskEvents.add(
                      e.step()
                          + " "
                          + e.type()
                          + " "
                          + e.risk()
                          + " "
                          + e.value()
                          + " "
                          + e.detail());
              case ATTACK, ATTACK_FORGONE, ATTACK_BLOCKED -> {
                // The detail names the actor and the gain, then (if forgone) why: keep the first.
                String[] parts = e.detail().split(", ");
                opportunities.add(
                    e.step()
                        + " "
                        + parts[0]
                        + " "
                        + parts[1]
                        + " j"
                        + e.jurisdiction()
                        + " "
                        + e.value());
                if (e.type() == EventKind.ATTACK) attacks[0]++;
              }
              case FIRM_ENTERED -> entered.add(e.firm());
              default -> {}
            }
          });
      for (int id : entered) {
        Firm f = w.firms.get(id);
        entrants.add(
            step
                + " firm "
                + id
                + " alignment "
                + f.alignment
                + " home "
                + f.homeJurisdiction
                + " serves "
                + f.servesMask
                + " first release "
                + f.nextReleaseDay);
      }
      // Users whose attention clock fired this step: their next firing moved.
      int fired = 0;
      for (int i = 0; i < u.size; i++) {
        if (u.nextAttentionStep[i] != previousClock[i]) {
          fired++;
          attentionFirings.add(i);
          attentionFirings.add(u.nextAttentionStep[i]);
          previousClock[i] = u.nextAttentionStep[i];
        }
      }
      attentionFirings.add(-fired);
    }
    List<String> risks = new ArrayList<>();
    for (Risk r : w.risks) {
      risks.add(
          r.id
              + " "
              + r.initial
              + " "
              + r.emergedDay
              + " "
              + r.severity
              + " "
              + r.visibility
              + " "
              + r.knightian
              + " "
              + r.hazardPerDay
              + " "
              + r.retireDay);
    }
    assertTrue(attentionFirings.size() > 3000, "attention clocks fired");
    assertTrue(Arrays.stream(u.nextAttentionStep).allMatch(s -> s >= w.step));
    return new Exogenous(
        risks, riskEvents, opportunities, entrants, initialUsers, attentionFirings, attacks[0]);
  }
}
