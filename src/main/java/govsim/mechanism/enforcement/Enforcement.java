package govsim.mechanism.enforcement;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.reputation.Reputation;
import govsim.mechanism.synergy.Synergy;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import java.util.ArrayList;
import java.util.List;

/**
 * M3 — centralized enforcement (MODEL.md §4 M3; paper introduction, §4.1).
 *
 * <p>Each regulator has a limited inspection capacity per year. An inspection detects a violated
 * rule with a probability that is lower for novel risks (information asymmetry decays with the
 * risk's age). Detected violations are fined, published and remedied. Punishment is weighted over
 * prevention: every severe incident of a violated rule is investigated ex post, with the backstop's
 * higher penalty and revocation of the license in that jurisdiction.
 */
public final class Enforcement implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final EnforcementParams p;
  private final double sanctionReputationLoss;
  private final double revenuePerUserYear;

  public Enforcement(
      EnforcementParams p, double sanctionReputationLoss, double revenuePerUserYear) {
    this.p = p;
    this.sanctionReputationLoss = sanctionReputationLoss;
    this.revenuePerUserYear = revenuePerUserYear;
  }

  /** Detection probability of a violation of a rule on a risk of the given age (days). */
  public double detection(double ageDays) {
    return p.detectionProbability()
        * (1.0 - p.noveltyDetectionPenalty() * Math.exp(-ageDays / p.noveltyLearningDays()));
  }

  public EnforcementParams params() {
    return p;
  }

  /**
   * Routine inspections per year the regulator can afford (issue 13.5): inspections_per_year, or
   * less when enforcement.budget_binds and the budget left after its hybrid powers' yearly cost
   * (M11) buys fewer: min(inspections_per_year, max(0, budget - powers) / cost_per_inspection). A
   * free inspection (cost 0) is never limited by the budget.
   */
  public double inspectionCapacity(Regulator reg, Synergy synergy) {
    if (!p.budgetBinds() || p.costPerInspection() <= 0) return p.inspectionsPerYear();
    double left = Math.max(0.0, p.budgetPerYear() - synergy.regulatorPowerCostPerYear(reg));
    return Math.min(p.inspectionsPerYear(), left / p.costPerInspection());
  }

  public void step(World w, MersenneTwisterFast rng, Synergy synergy, boolean[] signalled) {
    for (Regulator reg : w.regulators) {
      reg.inspectionCapacityPerYear =
          reg.enforcement ? inspectionCapacity(reg, synergy) : Double.NaN;
      if (!reg.enforcement) continue;
      inspect(w, rng, reg, synergy, signalled);
      if (p.investigateSevereIncidents()) investigate(w, rng, reg, synergy);
    }
  }

  /**
   * Who the regulator can pick for an inspection and with what relative weight: every active firm
   * it licenses, weighted by M11 (a recognised certificate lightens, a signal adds weight). The
   * inspections ({@link #step}) and the firms' expectation of them ({@link
   * #expectedInspectionsPerYear}) both use this, so firms fear what regulators do.
   */
  public static InspectionTargets inspectionTargets(
      World w, Regulator reg, Synergy synergy, boolean[] signalled) {
    List<Firm> candidates = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double total = 0;
    for (Firm f : w.firms) {
      if (!f.active || !f.serves(reg.jurisdiction)) continue;
      double weight =
          synergy.inspectionWeight(reg, certifiedRecognized(w, f, reg), signalled[f.id]);
      candidates.add(f);
      weights.add(weight);
      total += weight;
    }
    return new InspectionTargets(candidates, weights, total);
  }

  /** The firms a regulator can inspect, their weights (same order) and the weights' sum. */
  public record InspectionTargets(List<Firm> candidates, List<Double> weights, double total) {}

  /**
   * Inspections per year each firm can expect from each regulator that enforces, indexed [firm
   * id][jurisdiction]: the regulator's capacity shared out by {@link #inspectionTargets}' weights.
   */
  public double[][] expectedInspectionsPerYear(World w, Synergy synergy, boolean[] signalled) {
    double[][] inspections = new double[w.firms.size()][w.jurisdictions];
    for (Regulator reg : w.regulators) {
      if (!reg.enforcement) continue;
      InspectionTargets t = inspectionTargets(w, reg, synergy, signalled);
      if (t.total() <= 0) continue;
      for (int k = 0; k < t.candidates().size(); k++) {
        inspections[t.candidates().get(k).id][reg.jurisdiction] =
            inspectionCapacity(reg, synergy) * t.weights().get(k) / t.total();
      }
    }
    return inspections;
  }

  private void inspect(
      World w, MersenneTwisterFast rng, Regulator reg, Synergy synergy, boolean[] signalled) {
    int n = Draws.poisson(rng, inspectionCapacity(reg, synergy) * w.dtDays / 365.0);
    if (n == 0) return;
    InspectionTargets t = inspectionTargets(w, reg, synergy, signalled);
    List<Firm> candidates = t.candidates();
    List<Double> weights = t.weights();
    double total = t.total();
    if (candidates.isEmpty() || total <= 0) return;
    for (int k = 0; k < n; k++) {
      double x = rng.nextDouble() * total;
      int idx = 0;
      while (idx < candidates.size() - 1 && x >= weights.get(idx)) {
        x -= weights.get(idx);
        idx++;
      }
      Firm f = candidates.get(idx);
      f.lastInspectedDay = w.now;
      f.lastInspectedJurisdiction = reg.jurisdiction;
      w.tally.inspections++;
      w.tally.costRegulator += p.costPerInspection();
      for (Risk r : w.risks) {
        if (!r.active || f.mitigates.get(r.id)) continue;
        Rule rule = reg.rules.inForce(r.id);
        if (rule == null || !rule.covers(r)) continue;
        if (rng.nextDouble() < detection(w.now - r.emergedDay)) {
          sanction(w, f, r, reg, p.inspectionPenaltyMultiplier(), "inspection");
        }
      }
    }
  }

  private void investigate(World w, MersenneTwisterFast rng, Regulator reg, Synergy synergy) {
    for (int[] incident : w.severeIncidentsThisStep) {
      Firm f = w.firms.get(incident[0]);
      Risk r = w.risks.get(incident[1]);
      if (!f.active || !f.serves(reg.jurisdiction) || f.mitigates.get(r.id) || !reg.rules.covers(r))
        continue;
      f.lastInspectedDay = w.now;
      f.lastInspectedJurisdiction = reg.jurisdiction;
      w.tally.inspections++;
      w.tally.costRegulator += p.costPerInspection();
      if (rng.nextDouble() >= detection(w.now - r.emergedDay)) continue;
      sanction(w, f, r, reg, synergy.penaltyMultiplier(reg), "investigation of a severe incident");
      if (p.revocation()) {
        f.servesMask &= ~(1L << reg.jurisdiction);
        f.revokedMask |= 1L << reg.jurisdiction; // a revoked firm may not re-enter (M10)
        w.tally.revocations++;
        w.log(
            EventKind.REVOCATION,
            f.id,
            -1,
            r.id,
            reg.jurisdiction,
            0,
            "license revoked after severe harm");
      }
    }
  }

  private void sanction(World w, Firm f, Risk r, Regulator reg, double multiplier, String how) {
    double annualRevenue = f.usage() * revenuePerUserYear;
    double fine = p.fineRevenueShare() * annualRevenue * multiplier;
    f.finesStep += fine;
    Reputation.cut(f, sanctionReputationLoss);
    f.mitigates.set(r.id);
    w.tally.sanctions++;
    w.log(EventKind.SANCTION, f.id, -1, r.id, reg.jurisdiction, fine, how);
  }

  /** Whether the firm holds a certificate this jurisdiction recognises. */
  public static boolean certifiedRecognized(World w, Firm f, Regulator reg) {
    for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
      Community com = w.communities.get(c);
      if (com.active && com.recognizedBy(reg.jurisdiction)) return true;
    }
    return false;
  }
}
