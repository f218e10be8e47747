package govsim.mechanism.malicious;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.synergy.Synergy;
import govsim.world.EventKind;
import govsim.world.MaliciousActors;
import govsim.world.Regulator;
import govsim.world.World;

/**
 * M12 — malicious actors (MODEL.md §4 M12; paper §4.1).
 *
 * <p>Reputation-insensitive actors (deepfake fraud operations, say) have no users to lose, so
 * reputation, communities and competition do not touch them: only expected punishment (detection
 * probability x penalty) deters them. At each attack opportunity an actor attacks with the logit
 * probability of {@code gain - p_detect * penalty}. An attack does severe harm to its victims, who
 * are more often information-weak; a traced attacker is punished and incapacitated for a while.
 */
public final class MaliciousAttacks {
  private final MaliciousParams p;
  private final double ordinaryDetection;
  private final double severeThreshold;

  public MaliciousAttacks(MaliciousParams p, double ordinaryDetection, double severeThreshold) {
    this.p = p;
    this.ordinaryDetection = ordinaryDetection;
    this.severeThreshold = severeThreshold;
  }

  /** Probability that an actor facing detection probability d attacks, for a given gain. */
  public double attackProbability(double gain, double detection, double penaltyMultiplier) {
    return Draws.logistic(
        p.decisionIntensity() * (gain - detection * p.penalty() * penaltyMultiplier));
  }

  /** Share of an attack's victims who are information-weak, given their share of the population. */
  public double weakVictimShare(double weakShare) {
    double odds = weakShare * p.weakTargeting();
    return odds + (1.0 - weakShare) == 0 ? 0.0 : odds / (odds + (1.0 - weakShare));
  }

  public void step(
      World w,
      MersenneTwisterFast rng,
      Synergy synergy,
      double costPerInvestigation,
      double weakShare) {
    MaliciousActors a = w.malicious;
    double opportunity = Draws.stepProbabilityPerYear(p.opportunityRatePerYear(), w.dtDays);
    double weakVictims = weakVictimShare(weakShare);
    for (int i = 0; i < a.count; i++) {
      if (a.freeFromDay[i] > w.now) continue;
      if (rng.nextDouble() >= opportunity) continue;
      Regulator reg = w.regulators[a.jurisdiction[i]];
      double detection = synergy.maliciousDetection(reg, ordinaryDetection);
      double multiplier = synergy.penaltyMultiplier(reg);
      double gain = Draws.exponential(rng, p.gainMean());
      if (rng.nextDouble() >= attackProbability(gain, detection, multiplier)) continue;
      double severity = Draws.pareto(rng, p.severityAlpha(), p.severityMin());
      // Victims are a share of the population, as an incident's affected users are a share of the
      // firm's users: every harm source then scales with the population in the same way.
      double harm = severity * p.victimShare() * w.users.size;
      w.tally.attacks++;
      w.tally.harm += harm;
      w.tally.harmMalicious += harm;
      if (severity >= severeThreshold) w.tally.harmSevere += harm;
      w.tally.harmWeak += harm * weakVictims;
      w.log(EventKind.ATTACK, -1, -1, -1, reg.jurisdiction, harm, "malicious actor " + i);
      if (detection > 0) {
        w.tally.costRegulator += costPerInvestigation;
        if (rng.nextDouble() < detection) {
          a.freeFromDay[i] = w.now + p.incapacitationDays();
          w.tally.sanctions++;
          w.log(
              EventKind.ACTOR_PUNISHED,
              -1,
              -1,
              -1,
              reg.jurisdiction,
              p.penalty() * multiplier,
              "malicious actor " + i);
        }
      }
    }
  }
}
