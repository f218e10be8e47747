package govsim.mechanism.crossborder;

import static govsim.mechanism.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.scenario.ScenarioException;
import govsim.world.Regulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jurisdictions that differ in rule content (issue 13 item 6): per-jurisdiction lists, their
 * fallbacks, the population shares, and clear errors for lists of the wrong length.
 */
class JurisdictionRulesTest {
  @Test
  void eachRegulatorTakesItsEntryOrTheUniformValue() {
    ModelSpec s =
        spec(
            "cross_border.jurisdictions=3",
            "cross_border.rule_stringency=[0.9, 0.7, 0.8]",
            "cross_border.min_severity=[0, 10, 2]");
    Regulator reg = new Regulator(1);
    JurisdictionRules.apply(s.crossBorder(), s.rulemaking(), reg);
    assertEquals(0.7, reg.ruleStringency, 0.0);
    assertEquals(10.0, reg.minSeverity, 0.0);
    // No lag list: rulemaking.legislative_lag_days (1217) everywhere.
    assertEquals(1217.0, reg.legislativeLagDays, 0.0);
    ModelSpec uniform = spec();
    Regulator r0 = new Regulator(0);
    JurisdictionRules.apply(uniform.crossBorder(), uniform.rulemaking(), r0);
    assertEquals(0.9, r0.ruleStringency, 0.0);
    assertEquals(0.0, r0.minSeverity, 0.0);
  }

  @Test
  void usersAreDrawnIntoJurisdictionsByTheirShares() {
    JurisdictionRules.UserShares shares = new JurisdictionRules.UserShares(List.of(3.0, 1.0), 2);
    assertEquals(0.75, shares.share(0), 1e-15);
    assertEquals(0.25, shares.share(1), 1e-15);
    MersenneTwisterFast rng = new MersenneTwisterFast(7);
    int inFirst = 0;
    int n = 40000;
    for (int i = 0; i < n; i++) if (shares.draw(rng) == 0) inFirst++;
    // Binomial(40000, 0.75): sd 86.6; 5 sd.
    assertEquals(0.75 * n, inFirst, 5 * Math.sqrt(n * 0.75 * 0.25));
    // Without shares: the legacy uniform draw, nextInt(jurisdictions).
    JurisdictionRules.UserShares equal = new JurisdictionRules.UserShares(List.of(), 3);
    assertEquals(1.0 / 3, equal.share(2), 1e-15);
    MersenneTwisterFast a = new MersenneTwisterFast(9);
    MersenneTwisterFast b = new MersenneTwisterFast(9);
    for (int i = 0; i < 100; i++) assertEquals(b.nextInt(3), equal.draw(a));
  }

  @Test
  void aListOfTheWrongLengthIsAClearErrorAtItsKey() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                Scenarios.loader()
                    .loadString(
                        "name: t\ncross_border:\n  jurisdictions: 3\n  legislative_lag_days: [1217, 730]\n",
                        "bad.yaml",
                        null,
                        List.of()));
    String m = e.getMessage();
    assertTrue(m.contains("cross_border.legislative_lag_days"), m);
    assertTrue(m.contains("has 2 entries but cross_border.jurisdictions is 3"), m);
    ScenarioException zero =
        assertThrows(
            ScenarioException.class,
            () ->
                Scenarios.loader()
                    .loadString(
                        "name: t\ncross_border: {jurisdictions: 2, user_share: [0, 0]}\n",
                        "bad.yaml",
                        null,
                        List.of()));
    assertTrue(zero.getMessage().contains("must not all be 0"), zero.getMessage());
  }
}
