package govsim.mechanism.competition;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.community.Membership;
import govsim.mechanism.reputation.Backlash;
import govsim.mechanism.users.UserChoice;
import govsim.mechanism.users.UserParams;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;

/**
 * M9 — competition and contestability (MODEL.md §4 M9; paper §3.1.5).
 *
 * <p>New firms enter at a rate with capability near the market's, so that even a dominant firm
 * always faces potential rivals; with near-zero switching costs (M4) a firm that mistreats its
 * users loses them. A firm whose user share stays below a floor for a grace period exits (never the
 * last firm licensed in a jurisdiction), and so does a firm that has lost every license.
 *
 * <p>Contestability that can fail (issue 12 item 4). Would-be entrants arrive at the entry rate;
 * each can buy a share of the capability frontier ({@code entrant_capability_reference}: the
 * user-weighted mean or the leader's capability, which rise as incumbents release) and, with {@code
 * entry_decision}, enters only by a logit choice on its expected revenue over {@code
 * entry_horizon_years} minus {@code entry_cost_years} ({@link #entryValue}). Incumbents' capability
 * gains grow with their users ({@link #scaleFactor}, the data and scale feedback), so that a large
 * firm can pull away, entry stops paying, and a firm that mistreats its users keeps them.
 */
public final class Competition implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final CompetitionParams p;
  private final UserParams users;
  private final double decisionIntensity;
  private final double initialReputation;

  /**
   * Competition without the entry decision's inputs (tests of exit and entry without a decision).
   */
  public Competition(CompetitionParams p) {
    this(p, null, 0.0, 0.0);
  }

  /**
   * @param users the users' choice weights (an entrant values its expected logit share)
   * @param decisionIntensity firms.decision_intensity, per % of annual revenue
   * @param initialReputation reputation.initial, an entrant's reputation
   */
  public Competition(
      CompetitionParams p, UserParams users, double decisionIntensity, double initialReputation) {
    this.p = p;
    this.users = users;
    this.decisionIntensity = decisionIntensity;
    this.initialReputation = initialReputation;
  }

  /**
   * Builds entrants (the model knows how firms are initialised): {@link #draw} makes a would-be
   * entrant from the entry stream without adding it, {@link #admit} puts it into the world and its
   * schedules. Every would-be entrant is drawn in full, whether it enters or not, so that the entry
   * stream spends the same draws in every regime.
   */
  public interface Entrant {
    Firm draw(World w, MersenneTwisterFast rng, double capability);

    void admit(World w, Firm f);
  }

  /** Entry and exit without the entry decision's own stream (every would-be entrant enters). */
  public void step(World w, MersenneTwisterFast rng, Entrant entrant) {
    step(w, rng, null, entrant);
  }

  /**
   * @param decide the stream of entry decisions (regime-dependent: the market decides); unused when
   *     competition.entry_decision is off
   */
  public void step(World w, MersenneTwisterFast rng, MersenneTwisterFast decide, Entrant entrant) {
    int entries = Draws.poisson(rng, p.entryRatePerYear() * w.dtDays / Draws.DAYS_PER_YEAR);
    for (int k = 0; k < entries && w.firms.size() < p.maxFirms(); k++) {
      double capability =
          p.entrantCapabilityFactor()
              * frontier(w)
              * Draws.uniform(rng, p.entrantCapabilityLow(), p.entrantCapabilityHigh());
      Firm f = entrant.draw(w, rng, capability);
      if (p.entryDecision() && decide != null && users != null) {
        double value = entryValue(w, capability);
        if (decide.nextDouble() >= Draws.logistic(decisionIntensity * value)) {
          w.tally.entriesDeclined++;
          w.log(EventKind.ENTRY_DECLINED, -1, -1, -1, f.homeJurisdiction, capability, "");
          continue;
        }
      }
      entrant.admit(w, f);
      w.tally.entries++;
      w.log(EventKind.FIRM_ENTERED, f.id, -1, -1, f.homeJurisdiction, capability, "");
    }
    int total = w.users.size;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      if (f.servesMask == 0L) {
        exit(w, f, "lost every license");
        continue;
      }
      if (f.users < p.exitShare() * total) {
        if (Double.isNaN(f.lowShareSinceDay)) f.lowShareSinceDay = w.now;
        if (w.now - f.lowShareSinceDay >= p.exitGraceDays() && !lastInSomeJurisdiction(w, f)) {
          exit(w, f, "too few users");
        }
      } else {
        f.lowShareSinceDay = Double.NaN;
      }
    }
  }

  /** The capability an entrant buys a share of (entrant_capability_reference). */
  public double frontier(World w) {
    return p.entrantCapabilityReference() == CapabilityFrontier.LEADER
        ? leaderCapability(w)
        : meanCapability(w);
  }

  /** Capability of the most capable active firm (0 when none is active). */
  public static double leaderCapability(World w) {
    double best = Double.NEGATIVE_INFINITY;
    for (Firm f : w.firms) if (f.active) best = Math.max(best, f.capability);
    return best == Double.NEGATIVE_INFINITY ? 0.0 : best;
  }

  /**
   * Value of entering, % of an average active firm's annual revenue: 100 (entry_horizon_years x s x
   * n - entry_cost_years), where s = exp(c u_e) / (exp(c u_e) + sum over active firms exp(c u_k))
   * is the entrant's logit share of all users at its capability and initial reputation (c the
   * users' choice intensity, u the users' utility of a provider), and n the active firms (the
   * entrant's revenue relative to the mean firm's is s n). With no active firm the entrant would
   * have every user: s = 1, n = 1.
   */
  public double entryValue(World w, double capability) {
    double cq = users.choiceIntensity();
    double own =
        cq * (users.weightQuality() * capability + users.weightReputation() * initialReputation);
    double max = own;
    int n = 0;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      n++;
      max = Math.max(max, cq * UserChoice.utility(users, f));
    }
    double sum = Math.exp(own - max);
    for (Firm f : w.firms) if (f.active) sum += Math.exp(cq * UserChoice.utility(users, f) - max);
    double share = Math.exp(own - max) / sum;
    return 100.0 * (p.entryHorizonYears() * share * Math.max(1, n) - p.entryCostYears());
  }

  /**
   * The data and scale feedback on a firm's capability gains: (its users / the mean users of active
   * firms)^elasticity; 1 at elasticity 0 (the model before issue 12) or when no active firm has
   * users; 0 for a firm without users at a positive elasticity (nothing to learn from).
   */
  public static double scaleFactor(World w, Firm f, double elasticity) {
    if (elasticity == 0.0) return 1.0;
    long total = 0;
    int n = 0;
    for (Firm g : w.firms) {
      if (!g.active) continue;
      total += g.users;
      n++;
    }
    if (total == 0) return 1.0;
    return Math.pow(f.users * (double) n / total, elasticity);
  }

  /** User-weighted mean capability of active firms (plain mean when nobody has users). */
  public static double meanCapability(World w) {
    double sum = 0;
    double weights = 0;
    double plain = 0;
    int n = 0;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      sum += f.capability * f.users;
      weights += f.users;
      plain += f.capability;
      n++;
    }
    if (weights > 0) return sum / weights;
    return n == 0 ? 0.0 : plain / n;
  }

  private static boolean lastInSomeJurisdiction(World w, Firm f) {
    for (int j = 0; j < w.jurisdictions; j++) {
      if (!f.serves(j)) continue;
      boolean other = false;
      for (Firm g : w.firms) {
        if (g != f && g.active && g.serves(j)) {
          other = true;
          break;
        }
      }
      if (!other) return true;
    }
    return false;
  }

  private static void exit(World w, Firm f, String why) {
    f.active = false;
    for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
      Membership.leave(w, f, w.communities.get(c), "firm exited");
    }
    Backlash.endWithFirm(w, f);
    w.tally.exits++;
    w.log(EventKind.FIRM_EXITED, f.id, -1, -1, -1, f.users, why);
  }
}
