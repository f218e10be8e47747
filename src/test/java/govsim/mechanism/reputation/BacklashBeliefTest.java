package govsim.mechanism.reputation;

import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;

import govsim.model.ModelSpec;
import govsim.world.Firm;
import govsim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: the learned expected backlash, a Gamma-Poisson belief fed by own and rivals'
 * outcries (BacklashBelief's Javadoc), by hand.
 */
class BacklashBeliefTest {
  /**
   * Prior 0.3 a year worth 1 year; own 2 outcries in 0.5 years, everyone's 6 in 2.5; rivals count
   * half: events 2 + 0.5 x 4 = 4, exposure 0.5 + 0.5 x 2 = 1.5, belief (0.3 + 4) / 2.5 = 1.72.
   */
  @Test
  void posteriorMeanCountsRivalsWithTheirWeight() {
    assertEquals(1.72, BacklashBelief.posterior(0.3, 1, 2, 6, 0.5, 2.5, 0.5), 1e-12);
    assertEquals(0.3, BacklashBelief.posterior(0.3, 1, 0, 0, 0, 0, 0.5), 1e-15, "the prior");
    // rivals ignored: (0.3 + 2) / 1.5
    assertEquals(2.3 / 1.5, BacklashBelief.posterior(0.3, 1, 2, 6, 0.5, 2.5, 0), 1e-12);
  }

  /**
   * A day with the practice adds 1/365 practice-year (and an outcry); a day without it adds the
   * visibility of the risk incidents (not the practice's) and the outcry to the incident belief.
   * The world's totals follow.
   */
  @Test
  void recordBooksOneStepOfEvidence() {
    World w = world(1, 0);
    Firm f = firm(w);
    Firm g = firm(w);
    f.practice = true;
    BacklashBelief.record(w, f, true);
    assertEquals(1.0 / 365, f.ownPracticeYears, 1e-15);
    assertEquals(1.0, f.ownPracticeOutcries);
    g.addIncident(0.2, 3);
    g.addIncident(0.3, 5);
    BacklashBelief.record(w, g, true);
    assertEquals(0.5, g.ownIncidentVisibility, 1e-15);
    assertEquals(1.0, g.ownIncidentOutcries);
    assertEquals(0.0, g.ownPracticeYears);
    assertEquals(1.0 / 365, w.allPracticeYears, 1e-15);
    assertEquals(1.0, w.allPracticeOutcries);
    assertEquals(0.5, w.allIncidentVisibility, 1e-15);
    assertEquals(1.0, w.allIncidentOutcries);
  }

  /**
   * Defaults: practice prior 0.3/year worth 1 year, incident prior 1 per unit visibility worth 10,
   * rival weight 0.5. Firm f saw 1 own practice outcry in 0.5 years, and one rival another in 0.5:
   * (0.3 + 1 + 0.5) / (1 + 0.5 + 0.25) = 1.8 / 1.75. Incidents: own 2 outcries over visibility 5,
   * everyone's 4 over 15: (10 + 2 + 1) / (10 + 5 + 5) = 0.65.
   */
  @Test
  void theFirmsBeliefsAtTheDefaults() {
    ModelSpec s = spec();
    World w = world(1, 0);
    Firm f = firm(w);
    f.ownPracticeOutcries = 1;
    f.ownPracticeYears = 0.5;
    w.allPracticeOutcries = 2;
    w.allPracticeYears = 1.0;
    assertEquals(1.8 / 1.75, BacklashBelief.practiceRate(s.reputation(), w, f), 1e-12);
    f.ownIncidentOutcries = 2;
    f.ownIncidentVisibility = 5;
    w.allIncidentOutcries = 4;
    w.allIncidentVisibility = 15;
    assertEquals(0.65, BacklashBelief.incidentRate(s.reputation(), w, f), 1e-12);
  }
}
