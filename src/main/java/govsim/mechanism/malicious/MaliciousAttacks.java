package govsim.mechanism.malicious;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.synergy.Synergy;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.MaliciousActors;
import govsim.world.Regulator;
import govsim.world.World;
import java.util.Formatter;
import java.util.Locale;

/**
 * M12 — malicious actors (MODEL.md §4 M12; paper §4.1).
 *
 * <p>Reputation-insensitive actors (deepfake fraud operations, say) have no users to lose, so
 * reputation, communities and competition do not touch them: only expected punishment (detection
 * probability x penalty) deters them. At each attack opportunity an actor attacks with the logit
 * probability of {@code gain - p_detect * penalty}. An attack does severe harm to its victims, who
 * are more often information-weak; a traced attacker is punished and incapacitated for a while.
 *
 * <p>Issue 12 item 5: unless {@code malicious.targeting} is {@code none}, every attack runs through
 * some provider's model, chosen by the attacker's rule ({@link Targeting}) among the active firms
 * that serve its jurisdiction (none serving it: no provider, nothing stops the attack). The
 * provider's misuse safeguards ({@link Safeguards}) stop it with probability efficacy x level; a
 * stopped attack does no harm and is not traced. A successful one is publicly traced to the
 * provider with attribution_probability (reputation loss), and when the regulator traces the actor
 * it holds a provider below its safeguard requirement liable. The attacker's decision to attack is
 * unchanged: it weighs gain against expected punishment only, not the provider's safeguards (it
 * learns whether they stop it by trying) nor anyone's reputation.
 */
public final class MaliciousAttacks implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final MaliciousParams p;
  private final double ordinaryDetection;
  private final double severeThreshold;

  /** The providers' safeguards, or null under targeting none. */
  private final Safeguards safeguards;

  /**
   * Actors whose attacks use no provider, whatever malicious.targeting says (targeting none, or
   * tests of the actors alone).
   */
  public MaliciousAttacks(MaliciousParams p, double ordinaryDetection, double severeThreshold) {
    this(p, ordinaryDetection, severeThreshold, null);
  }

  /**
   * @param safeguards the providers' safeguards; null: attacks use no provider
   */
  public MaliciousAttacks(
      MaliciousParams p, double ordinaryDetection, double severeThreshold, Safeguards safeguards) {
    this.p = p;
    this.ordinaryDetection = ordinaryDetection;
    this.severeThreshold = severeThreshold;
    this.safeguards = p.targeting() == Targeting.NONE ? null : safeguards;
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
   * opportunity not taken is logged as {@link EventKind#ATTACK_FORGONE}. Unless targeting is none,
   * every opportunity also draws its provider-choice, block and attribution uniforms from {@code
   * targets} (a stream of its own), again whatever becomes of it.
   */
  public void step(
      World w,
      MersenneTwisterFast rng,
      MersenneTwisterFast targets,
      Synergy synergy,
      double costPerInvestigation,
      double weakShare) {
    MaliciousActors a = w.malicious;
    double opportunity = Draws.stepProbabilityPerYear(p.opportunityRatePerYear(), w.dtDays);
    double weakVictims = weakVictimShare(weakShare);
    if (safeguards != null) safeguards.decayBeliefs(w);
    for (int i = 0; i < a.count; i++) {
      if (rng.nextDouble() >= opportunity) continue;
      double gain = Draws.exponential(rng, p.gainMean());
      double severity = Draws.pareto(rng, p.severityAlpha(), p.severityMin());
      double attackDraw = rng.nextDouble();
      double detectionDraw = rng.nextDouble();
      double targetDraw = 0;
      double blockDraw = 0;
      double attributionDraw = 0;
      if (safeguards != null) {
        targetDraw = targets.nextDouble();
        blockDraw = targets.nextDouble();
        attributionDraw = targets.nextDouble();
      }
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
      Firm provider = provider(w, a.jurisdiction[i], targetDraw);
      if (provider != null) {
        safeguards.observeAttempt(provider);
        if (provider.certified()) w.tally.attemptsCertified++;
        if (blockDraw >= safeguards.successProbability(Safeguards.level(provider))) {
          w.tally.attacksBlocked++;
          w.log(
              EventKind.ATTACK_BLOCKED, provider.id, -1, -1, reg.jurisdiction, harm, who(i, gain));
          continue;
        }
        if (provider.certified()) w.tally.harmMaliciousCertified += harm;
      }
      w.tally.attacks++;
      w.tally.harm += harm;
      w.tally.harmMalicious += harm;
      if (severity >= severeThreshold) w.tally.harmSevere += harm;
      w.tally.harmWeak += harm * weakVictims;
      w.log(
          EventKind.ATTACK,
          provider == null ? -1 : provider.id,
          -1,
          -1,
          reg.jurisdiction,
          harm,
          who(i, gain));
      if (provider != null && attributionDraw < safeguards.params().attributionProbability()) {
        safeguards.attribute(w, provider, reg.jurisdiction, i);
      }
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
          if (provider != null) safeguards.holdLiable(w, provider, reg, i);
        }
      }
    }
  }

  /**
   * The provider whose model an attack by an actor of {@code jurisdiction} uses, by the targeting
   * rule, given the opportunity's uniform {@code u} in [0, 1): among the active firms that serve
   * the jurisdiction, in id order, the one where u falls in the cumulative choice probabilities
   * ({@link #targetProbability}); null under targeting none or when no active firm serves it.
   */
  public Firm provider(World w, int jurisdiction, double u) {
    Targeting t = p.targeting();
    if (t == Targeting.NONE || safeguards == null) return null;
    double total = 0.0;
    double weakest = Double.POSITIVE_INFINITY;
    Firm largest = null;
    int n = 0;
    for (Firm f : w.firms) {
      if (!f.active || !f.serves(jurisdiction)) continue;
      n++;
      weakest = Math.min(weakest, Safeguards.level(f));
      if (largest == null || f.users > largest.users) largest = f;
    }
    if (n == 0) return null;
    if (t == Targeting.LARGEST) return largest;
    for (Firm f : w.firms) {
      if (f.active && f.serves(jurisdiction)) total += weight(f, weakest);
    }
    double x = u * total;
    Firm last = null;
    for (Firm f : w.firms) {
      if (!f.active || !f.serves(jurisdiction)) continue;
      double wt = weight(f, weakest);
      if (x < wt) return f;
      x -= wt;
      last = f;
    }
    return last; // rounding at the top end
  }

  /**
   * Chance that an attack by an actor of {@code jurisdiction} uses provider f: weakest,
   * exp(-intensity x (level - lowest level)) over the sum of these weights; random, 1/n of the n
   * active firms serving the jurisdiction; largest, 1 for the one with most users (lowest id among
   * equals), else 0; none, 0.
   */
  public double targetProbability(World w, int jurisdiction, Firm f) {
    if (!f.active || !f.serves(jurisdiction) || p.targeting() == Targeting.NONE) return 0.0;
    if (p.targeting() == Targeting.LARGEST) return provider(w, jurisdiction, 0.0) == f ? 1.0 : 0.0;
    double weakest = Double.POSITIVE_INFINITY;
    for (Firm g : w.firms) {
      if (g.active && g.serves(jurisdiction)) weakest = Math.min(weakest, Safeguards.level(g));
    }
    double total = 0.0;
    for (Firm g : w.firms) if (g.active && g.serves(jurisdiction)) total += weight(g, weakest);
    return weight(f, weakest) / total;
  }

  /** Choice weight of a provider (relative to the weakest level, so the weakest weighs 1). */
  private double weight(Firm f, double weakest) {
    if (p.targeting() == Targeting.RANDOM) return 1.0;
    return Math.exp(-p.targetingIntensity() * (Safeguards.level(f) - weakest));
  }

  private void forgone(World w, Regulator reg, double harm, int i, double gain, String why) {
    w.log(EventKind.ATTACK_FORGONE, -1, -1, -1, reg.jurisdiction, harm, who(i, gain) + ", " + why);
  }

  /**
   * The detail of an opportunity's event: the actor and the gain it weighed. One formatter per
   * mechanism, reused (String.format builds a Formatter, and with it the locale's number symbols,
   * for every call): the same text.
   */
  private String who(int i, double gain) {
    if (detailFormat == null) {
      detail = new StringBuilder();
      detailFormat = new Formatter(detail, Locale.ROOT);
    }
    detail.setLength(0);
    detail.append("malicious actor ").append(i).append(", gain ");
    detailFormat.format("%.6g", gain);
    return detail.toString();
  }

  /** The event detail's text and formatter (made again when needed; not part of a checkpoint). */
  private transient StringBuilder detail;

  private transient Formatter detailFormat;
}
