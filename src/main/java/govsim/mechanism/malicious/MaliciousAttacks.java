package govsim.mechanism.malicious;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.synergy.Synergy;
import govsim.world.EventKind;
import govsim.world.MaliciousActors;
import govsim.world.Regulator;
import govsim.world.World;
import java.util.Locale;

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

  /**
   * One step of every actor. Each actor's opportunity is drawn every step, free or not, and every
   * opportunity draws its gain, severity, attack uniform and detection uniform whether the actor
   * attacks, is deterred or is incapacitated: the malicious stream is spent the same way in every
   * regime, so an actor meets the same opportunities with the same gains and severities whatever
   * the regime (common random numbers); the regime decides only what becomes of them. An
   * opportunity not taken is logged as {@link EventKind#ATTACK_FORGONE}.
   */
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
      if (rng.nextDouble() >= opportunity) continue;
      double gain = Draws.exponential(rng, p.gainMean());
      double severity = Draws.pareto(rng, p.severityAlpha(), p.severityMin());
      double attackDraw = rng.nextDouble();
      double detectionDraw = rng.nextDouble();
      // Victims are a share of the population, as an incident's affected users are a share of the
      // firm's users: every harm source then scales with the population in the same way.
      double harm = severity * p.victimShare() * w.users.size;
      Regulator reg = w.regulators[a.jurisdiction[i]];
      if (a.freeFromDay[i] > w.now) {
        forgone(w, reg, harm, i, gain, "incapacitated");
        continue;
      }
      double detection = synergy.maliciousDetection(reg, ordinaryDetection);
      double multiplier = synergy.penaltyMultiplier(reg);
      if (attackDraw >= attackProbability(gain, detection, multiplier)) {
        forgone(w, reg, harm, i, gain, "deterred");
        continue;
      }
      w.tally.attacks++;
      w.tally.harm += harm;
      w.tally.harmMalicious += harm;
      if (severity >= severeThreshold) w.tally.harmSevere += harm;
      w.tally.harmWeak += harm * weakVictims;
      w.log(EventKind.ATTACK, -1, -1, -1, reg.jurisdiction, harm, who(i, gain));
      if (detection > 0) {
        w.tally.costRegulator += costPerInvestigation;
        if (detectionDraw < detection) {
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

  private static void forgone(World w, Regulator reg, double harm, int i, double gain, String why) {
    w.log(EventKind.ATTACK_FORGONE, -1, -1, -1, reg.jurisdiction, harm, who(i, gain) + ", " + why);
  }

  /** The detail of an opportunity's event: the actor and the gain it weighed. */
  private static String who(int i, double gain) {
    return "malicious actor " + i + ", gain " + String.format(Locale.ROOT, "%.6g", gain);
  }
}
