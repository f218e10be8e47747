package govsim.mechanism.firms;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.community.Membership;
import govsim.mechanism.reputation.Backlash;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;

/**
 * M6's social learning ({@code firms.decision_rule: fermi}): the pairwise-comparison rule of the
 * evolutionary-game literature on AI governance (Han, Pereira, Santos &amp; Lenaerts, JAIR 2020),
 * applied to one decision at a time, with exploration.
 *
 * <p>A firm's decisions are of four kinds: its release posture (safe or unsafe), the harmful
 * practice (adopt or not), the mitigation of each known active risk and the membership of each
 * active community. At a review the firm takes one decision: a kind drawn uniformly among those it
 * has (mitigation only with a known active risk, membership only with an active community), then
 * one decision of that kind drawn uniformly (risks in id order, communities in id order), so that
 * the posture is revised at a quarter of the reviews however many risks the world knows. When
 * capability investment is a decision (firms.investment.enabled, issue 12.2) the R&amp;D share is a
 * fifth kind, drawn like the posture: exploration moves it to another share of the menu
 * (uniformly), imitation copies the peer's share. With probability {@code firms.mutation_rate} it
 * explores: the decision switches to its other value. Otherwise it draws a peer uniformly among the
 * other active firms and takes the peer's value of that one decision with the Fermi probability 1 /
 * (1 + exp(-β (Π_peer - Π_own))), β = {@code firms.decision_intensity}. So a firm with a different
 * value in exactly the drawn decision changes it with probability (1 - μ) · fermi + μ.
 *
 * <p>The payoff Π compared is the firm's mean profit per step over the last {@code
 * firms.imitation_window_days} (a trailing window of whole steps, fewer while the firm is younger;
 * a firm with no booked step counts 0), per year, as % of the mean annual revenue of an active firm
 * in the step before the review (the same currency as {@code decision_intensity}'s unit: profit
 * differences in % of a typical firm's annual revenue). Absolute profit, not a margin: a firm that
 * races ahead for users earns more.
 *
 * <p>What a decision can do follows the mechanisms that own the state: the practice is adopted only
 * after its re-adoption cooldown and never while a revision is pending, and dropped only when no
 * revision is pending (M5 records the revision); a firm banned from a community cannot join it; an
 * exited peer is never imitated. Every draw uses the generator of the firms' decision phase.
 */
public final class SocialLearning implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final FirmParams fp;
  private final boolean invest; // issue 12.2 (race): the R&D share is a decision of its own

  /** Social learning without an R&D decision (firms.investment.enabled false). */
  public SocialLearning(FirmParams fp) {
    this.fp = fp;
    this.invest = false;
  }

  /** Social learning with the R&D share as a fifth kind of decision when investment is on. */
  public SocialLearning(FirmParams fp, Investment investment) {
    this.fp = fp;
    this.invest = investment.params().enabled();
  }

  /** Steps in the trailing window: {@code round(window_days / dt)}, at least 1. */
  public static int windowSteps(double windowDays, double dtDays) {
    return (int) Math.max(1, Math.round(windowDays / dtDays));
  }

  /** Books one step's profit (currency) into the firm's trailing window of {@code steps} steps. */
  public static void book(Firm f, double profit, int steps) {
    if (f.profitWindow == null || f.profitWindow.length != steps) {
      f.profitWindow = new double[steps]; // once per firm
      f.profitWindowNext = 0;
      f.profitWindowFilled = 0;
    }
    f.profitWindow[f.profitWindowNext] = profit;
    f.profitWindowNext = (f.profitWindowNext + 1) % steps;
    if (f.profitWindowFilled < steps) f.profitWindowFilled++;
  }

  /**
   * Mean profit per year over the window (currency/year): the mean of the booked steps divided by
   * the step length in years; 0 when nothing is booked yet.
   */
  public static double windowProfitPerYear(Firm f, double dtDays) {
    if (f.profitWindow == null || f.profitWindowFilled == 0) return 0.0;
    double sum = 0.0;
    // Summed in slot order (oldest first once the ring has wrapped), so a value is exact text.
    int n = f.profitWindowFilled;
    int start = n < f.profitWindow.length ? 0 : f.profitWindowNext;
    for (int i = 0; i < n; i++) sum += f.profitWindow[(start + i) % f.profitWindow.length];
    return sum / n * (Draws.DAYS_PER_YEAR / dtDays);
  }

  /**
   * Mean annual revenue of an active firm (currency/year), from the revenue booked in the last
   * step; 0 without active firms.
   */
  public static double meanAnnualRevenue(World w) {
    double sum = 0.0;
    int n = 0;
    for (Firm g : w.firms) {
      if (!g.active) continue;
      sum += g.revenueStep;
      n++;
    }
    return n == 0 ? 0.0 : sum / n * (Draws.DAYS_PER_YEAR / w.dtDays);
  }

  /** The payoff a firm compares: window profit per year as % of {@code meanRevenue} (0 if 0). */
  public static double payoff(Firm f, double dtDays, double meanRevenue) {
    return meanRevenue > 0 ? 100.0 * windowProfitPerYear(f, dtDays) / meanRevenue : 0.0;
  }

  /** The Fermi probability that a firm copies a peer: 1 / (1 + exp(-β (Π_peer - Π_own))). */
  public static double copyProbability(double beta, double peerPayoff, double ownPayoff) {
    return Draws.logistic(beta * (peerPayoff - ownPayoff));
  }

  /** Decisions a firm has now: posture, practice, known active risks, active communities. */
  public static int decisionCount(World w) {
    return 2 + knownRisks(w) + activeCommunities(w);
  }

  /** The same, plus the R&D share when investment is a decision (issue 12.2). */
  public int decisionCountWithInvestment(World w) {
    return decisionCount(w) + (invest ? 1 : 0);
  }

  /**
   * Draws a decision: a kind uniformly among the kinds the firm has, then one decision of it
   * uniformly; the index is that of {@link #value} (0 posture, 1 practice, then risks, then
   * communities).
   */
  static int drawDecision(World w, MersenneTwisterFast rng) {
    return drawDecision(w, rng, false);
  }

  /**
   * The same with, when {@code invest}, the R&D share as the last kind (index 2 + risks +
   * communities); without it the draws are those of the rule before issue 12.
   */
  static int drawDecision(World w, MersenneTwisterFast rng, boolean invest) {
    int risks = knownRisks(w);
    int communities = activeCommunities(w);
    int kinds = 2 + (risks > 0 ? 1 : 0) + (communities > 0 ? 1 : 0) + (invest ? 1 : 0);
    int kind = rng.nextInt(kinds);
    if (kind < 2) return kind;
    int next = 2;
    if (risks > 0) {
      if (kind == next) return 2 + rng.nextInt(risks);
      next++;
    }
    if (communities > 0 && kind == next) return 2 + risks + rng.nextInt(communities);
    return 2 + risks + communities;
  }

  /**
   * The probability that a review takes decision {@code d} (index as in {@link #value}): 1/K for
   * the posture and the practice, 1/(K n) for one of n risks or n communities, K the kinds.
   */
  public static double decisionProbability(World w, int d) {
    return decisionProbability(w, d, false);
  }

  /** The same with the R&D share as a kind of its own when {@code invest} (1/K for it). */
  public static double decisionProbability(World w, int d, boolean invest) {
    int risks = knownRisks(w);
    int communities = activeCommunities(w);
    int kinds = 2 + (risks > 0 ? 1 : 0) + (communities > 0 ? 1 : 0) + (invest ? 1 : 0);
    if (d < 2 || (invest && d == 2 + risks + communities)) return 1.0 / kinds;
    return 1.0 / kinds / (d < 2 + risks ? risks : communities);
  }

  /** One review: revise one decision by exploration or by imitation of a random peer. */
  public void review(World w, Firm f, MersenneTwisterFast rng) {
    boolean explore = rng.nextDouble() < fp.mutationRate();
    int d = drawDecision(w, rng, invest);
    boolean rd = invest && d == 2 + knownRisks(w) + activeCommunities(w);
    if (explore) {
      if (rd) {
        f.rdShare = exploreShare(fp.investment(), f.rdShare, rng);
      } else {
        set(w, f, d, !value(w, f, d), "explored (mutation)");
      }
      return;
    }
    int others = 0;
    for (Firm g : w.firms) if (g.active && g != f) others++;
    if (others == 0) return;
    int k = rng.nextInt(others);
    Firm peer = null;
    for (Firm g : w.firms) {
      if (!g.active || g == f) continue;
      if (k-- == 0) {
        peer = g;
        break;
      }
    }
    double revenue = meanAnnualRevenue(w);
    double p =
        copyProbability(
            fp.decisionIntensity(), payoff(peer, w.dtDays, revenue), payoff(f, w.dtDays, revenue));
    if (rng.nextDouble() >= p) return;
    if (rd) {
      f.rdShare = peer.rdShare;
      return;
    }
    boolean v = value(w, peer, d);
    if (v != value(w, f, d)) set(w, f, d, v, "imitated a peer");
  }

  /**
   * Exploration of the R&D share: a share of the menu drawn uniformly among those other than the
   * current one (among all of them if the current share is not on the menu).
   */
  static double exploreShare(InvestmentParams p, double current, MersenneTwisterFast rng) {
    int on = -1;
    for (int k = 0; k < p.levels(); k++) if (Investment.level(p, k) == current) on = k;
    if (on < 0) return Investment.level(p, rng.nextInt(p.levels()));
    int k = rng.nextInt(p.levels() - 1);
    return Investment.level(p, k >= on ? k + 1 : k);
  }

  /** The firm's value of decision {@code d} (true: unsafe, practice, mitigates, member). */
  static boolean value(World w, Firm f, int d) {
    if (d == 0) return f.unsafeReleases;
    if (d == 1) return f.practice;
    Risk r = risk(w, d - 2);
    if (r != null) return f.mitigates.get(r.id);
    return f.memberships.get(community(w, d - 2 - knownRisks(w)).id);
  }

  private static void set(World w, Firm f, int d, boolean v, String why) {
    if (d == 0) {
      f.unsafeReleases = v;
    } else if (d == 1) {
      if (v && !f.practice && w.now >= f.noPracticeUntilDay && !Backlash.responding(f)) {
        Backlash.adopt(w, f, why);
      } else if (!v && f.practice && !Backlash.responding(f)) {
        Backlash.drop(w, f, why);
      }
    } else {
      Risk r = risk(w, d - 2);
      if (r != null) {
        f.mitigates.set(r.id, v);
        return;
      }
      Community c = community(w, d - 2 - knownRisks(w));
      boolean member = f.memberships.get(c.id);
      if (v && !member && !f.bannedFrom(c.id, w.now)) {
        Membership.join(w, f, c);
      } else if (!v && member) {
        Membership.leave(w, f, c, why);
      }
    }
  }

  /** The i-th known active risk, or null past the last. */
  private static Risk risk(World w, int i) {
    for (Risk r : w.risks) {
      if (!r.active || !r.known) continue;
      if (i-- == 0) return r;
    }
    return null;
  }

  private static int knownRisks(World w) {
    int n = 0;
    for (Risk r : w.risks) if (r.active && r.known) n++;
    return n;
  }

  private static int activeCommunities(World w) {
    int n = 0;
    for (Community c : w.communities) if (c.active) n++;
    return n;
  }

  /** The i-th active community. */
  private static Community community(World w, int i) {
    for (Community c : w.communities) {
      if (!c.active) continue;
      if (i-- == 0) return c;
    }
    throw new IllegalStateException("decision index past the last community");
  }
}
