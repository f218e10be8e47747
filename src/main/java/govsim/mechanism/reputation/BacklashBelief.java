package govsim.mechanism.reputation;

import govsim.world.Firm;
import govsim.world.World;

/**
 * The learned expected backlash of M6 (issue 12 item 1): two Gamma-Poisson beliefs per firm, fed by
 * its own outcries and, with weight reputation.rival_evidence_weight, by its rivals' (outcries are
 * public news).
 *
 * <ul>
 *   <li>Outcries per practice-year: prior mean a = reputation.practice_outcry_prior_per_year, prior
 *       weight b = reputation.practice_outcry_prior_years; the belief is (a b + outcries) / (b +
 *       practice-years), evidence counted as own + w x (everyone's - own).
 *   <li>Outcries per unit of incident visibility: prior mean k = reputation.incident_outcry_prior,
 *       weight c = reputation.incident_outcry_prior_weight; the belief is (k c + outcries) / (c +
 *       summed visibility of incidents). An incident of visibility v is expected to make min(1,
 *       belief x v) outcries, smooth in v (the legacy rule was a step at the outcry threshold).
 * </ul>
 *
 * A firm that has the practice attributes an outcry to the practice (as the event log does); its
 * incidents' visibility counts as incident exposure only in steps in which it has no practice.
 */
public final class BacklashBelief {
  private BacklashBelief() {}

  /**
   * Books one step of the firm's evidence (in the world's totals too): a practice-year share while
   * it has the practice, its incidents' visibility otherwise, and whether the step made an outcry.
   */
  public static void record(World w, Firm f, boolean outcry) {
    if (f.practice) {
      double years = w.dtDays / govsim.mechanism.Draws.DAYS_PER_YEAR;
      f.ownPracticeYears += years;
      w.allPracticeYears += years;
      if (outcry) {
        f.ownPracticeOutcries++;
        w.allPracticeOutcries++;
      }
      return;
    }
    double v = 0;
    for (int k = 0; k < f.stepIncidents; k++)
      if (f.stepIncidentRisk[k] >= 0) v += f.stepIncidentVisibility[k];
    f.ownIncidentVisibility += v;
    w.allIncidentVisibility += v;
    if (outcry) {
      f.ownIncidentOutcries++;
      w.allIncidentOutcries++;
    }
  }

  /** The firm's expected outcries per year of keeping the practice. */
  public static double practiceRate(ReputationParams p, World w, Firm f) {
    return posterior(
        p.practiceOutcryPriorPerYear(),
        p.practiceOutcryPriorYears(),
        f.ownPracticeOutcries,
        w.allPracticeOutcries,
        f.ownPracticeYears,
        w.allPracticeYears,
        p.rivalEvidenceWeight());
  }

  /** The firm's expected outcries per incident per unit of visibility. */
  public static double incidentRate(ReputationParams p, World w, Firm f) {
    return posterior(
        p.incidentOutcryPrior(),
        p.incidentOutcryPriorWeight(),
        f.ownIncidentOutcries,
        w.allIncidentOutcries,
        f.ownIncidentVisibility,
        w.allIncidentVisibility,
        p.rivalEvidenceWeight());
  }

  /**
   * Gamma-Poisson posterior mean: (prior mean x prior weight + events) / (prior weight + exposure),
   * with events and exposure counted as own + rivalWeight x (all - own).
   */
  public static double posterior(
      double priorMean,
      double priorWeight,
      double ownEvents,
      double allEvents,
      double ownExposure,
      double allExposure,
      double rivalWeight) {
    double events = ownEvents + rivalWeight * (allEvents - ownEvents);
    double exposure = ownExposure + rivalWeight * (allExposure - ownExposure);
    return (priorMean * priorWeight + events) / (priorWeight + exposure);
  }
}
