package govsim.mechanism.assurance;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.community.Membership;
import govsim.mechanism.reputation.Reputation;
import govsim.mechanism.synergy.Synergy;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;

/**
 * M8 — technical assurance (MODEL.md §4 M8; paper §3.1.4): audits, evaluations and certification as
 * the basis of trust among members.
 *
 * <p>Each member is audited at the community's audit rate. Each standard in force that the member
 * does not meet is detected with the community's assurance level (raised by a transparency mandate,
 * M11). A detected violator is expelled and the expulsion publicised, which costs it reputation and
 * its certificate; a community that does not expel has the violation remedied instead. (Shared
 * tooling, the other half of M8, lowers members' compliance cost: see
 * mechanism.crossborder.ComplianceCost.)
 */
public final class Audits {
  private final AssuranceParams p;
  private final double expulsionReputationLoss;

  public Audits(AssuranceParams p, double expulsionReputationLoss) {
    this.p = p;
    this.expulsionReputationLoss = expulsionReputationLoss;
  }

  public void step(World w, MersenneTwisterFast rng, Synergy synergy) {
    double auditProb = Draws.stepProbabilityPerYear(p.auditRatePerYear(), w.dtDays);
    for (Community c : w.communities) {
      if (!c.active) continue;
      for (int m = c.members.nextSetBit(0); m >= 0; m = c.members.nextSetBit(m + 1)) {
        if (rng.nextDouble() >= auditProb) continue;
        Firm f = w.firms.get(m);
        w.tally.audits++;
        w.tally.costCommunity += p.costPerAudit();
        double detect =
            synergy.auditDetection(c.assurance, w.regulators[f.homeJurisdiction].transparency);
        int violation = -1;
        for (Risk r : w.risks) {
          if (!r.active || f.mitigates.get(r.id)) continue;
          Rule std = c.standards.inForce(r.id);
          if (std != null && std.covers(r) && rng.nextDouble() < detect) {
            violation = r.id;
            break;
          }
        }
        if (violation < 0) continue;
        w.log(EventKind.AUDIT_VIOLATION, f.id, c.id, violation, -1, detect, "");
        if (p.expelOnViolation()) {
          Membership.leave(w, f, c, "expelled");
          f.ban(c.id, w.now + p.rejoinBanDays());
          Reputation.cut(f, expulsionReputationLoss);
          w.tally.expulsions++;
          w.log(
              EventKind.EXPULSION,
              f.id,
              c.id,
              violation,
              -1,
              expulsionReputationLoss,
              "publicised");
        } else {
          f.mitigates.set(violation);
        }
      }
    }
  }
}
