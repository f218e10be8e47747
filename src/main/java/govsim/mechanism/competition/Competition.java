package govsim.mechanism.competition;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.community.Membership;
import govsim.mechanism.reputation.Backlash;
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
 */
public final class Competition implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final CompetitionParams p;

  public Competition(CompetitionParams p) {
    this.p = p;
  }

  /** A function that builds and adds an entrant (the model knows how firms are initialised). */
  @FunctionalInterface
  public interface Entrant {
    Firm enter(World w, MersenneTwisterFast rng, double capability);
  }

  public void step(World w, MersenneTwisterFast rng, Entrant entrant) {
    int entries = Draws.poisson(rng, p.entryRatePerYear() * w.dtDays / Draws.DAYS_PER_YEAR);
    for (int k = 0; k < entries && w.firms.size() < p.maxFirms(); k++) {
      double capability =
          p.entrantCapabilityFactor()
              * meanCapability(w)
              * Draws.uniform(rng, p.entrantCapabilityLow(), p.entrantCapabilityHigh());
      Firm f = entrant.enter(w, rng, capability);
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
