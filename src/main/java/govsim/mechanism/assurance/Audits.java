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
 *
 * <p>Issue 12 item 5: where communities require a minimum of misuse safeguards ({@link
 * SafeguardCheck}, implemented by mechanism.malicious.Safeguards), an audit that finds no violated
 * standard also checks the member's safeguard level, detecting a shortfall with the same
 * probability; a member found below the minimum is a violator like any other (expelled and
 * publicised, or remedied: its level raised to the minimum).
 */
public final class Audits implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final AssuranceParams p;
  private final double expulsionReputationLoss;

  /** Misuse safeguards the communities check, or null when they require none. */
  private final SafeguardCheck safeguards;

  public Audits(AssuranceParams p, double expulsionReputationLoss) {
    this(p, expulsionReputationLoss, null);
  }

  /**
   * @param safeguards the providers' safeguards whose community minimum audits check; null: none
   */
  public Audits(AssuranceParams p, double expulsionReputationLoss, SafeguardCheck safeguards) {
    this.p = p;
    this.expulsionReputationLoss = expulsionReputationLoss;
    this.safeguards = safeguards;
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
        if (violation < 0) {
          if (safeguards != null) auditSafeguards(w, f, c, detect, rng);
          continue;
        }
        w.log(EventKind.AUDIT_VIOLATION, f.id, c.id, violation, -1, detect, "");
        if (p.expelOnViolation()) {
          expel(w, f, c, violation);
        } else {
          f.mitigates.set(violation);
        }
      }
    }
  }

  /** Expels the violator, bans it for rejoin_ban_days and publicises it (risk -1: safeguards). */
  private void expel(World w, Firm f, Community c, int risk) {
    Membership.leave(w, f, c, "expelled");
    f.ban(c.id, w.now + p.rejoinBanDays());
    Reputation.cut(f, expulsionReputationLoss);
    w.tally.expulsions++;
    w.log(EventKind.EXPULSION, f.id, c.id, risk, -1, expulsionReputationLoss, "publicised");
  }

  /**
   * The audit's check of the member's misuse safeguards against the community minimum (issue 12
   * item 5): detected with the audit's probability, a shortfall is a violation (risk -1).
   */
  private void auditSafeguards(
      World w, Firm f, Community c, double detect, MersenneTwisterFast rng) {
    if (!safeguards.auditFinds(f, detect, rng)) return;
    w.log(EventKind.AUDIT_VIOLATION, f.id, c.id, -1, -1, detect, "misuse safeguards");
    if (p.expelOnViolation()) {
      expel(w, f, c, -1);
    } else {
      safeguards.remedy(f);
    }
  }
}
