package govsim.mechanism.reputation;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;

/**
 * The backlash response as a bounded-rational decision (M5/M6, issue 12 item 1): the utilities of
 * the four answers and the choice among them, as pure functions (Backlash applies them).
 *
 * <p>Values are in % of annual revenue per year, the unit of all of M6's values, over a year. At
 * intensity x the practice is worth x N a year, where N = e - c per unit of intensity:
 *
 * <ul>
 *   <li>e, what it earns: practice.revenue_share x 100 - alignment x firms.harm_aversion x
 *       practice.harm_per_user_day x 365 (as in the adoption decision);
 *   <li>c, the users it is losing and expects to lose on the reputation path: the share of its
 *       users it lost per outcry since adoption, as it sees its own churn
 *       (reputation.user_loss_evidence: noticed, the usage taken away by users in the steps they
 *       noticed one of its harms; net, the fall in its users), times the outcries it expects in a
 *       year if it keeps the practice (the learned belief, {@link BacklashBelief}), as % of
 *       revenue, at most 100, times the user share of rivals without the practice (if every rival
 *       has it, leaving does not escape it).
 * </ul>
 *
 * Revise fully: 0 (the practice is gone); revise partly: x (1 - share) N; wait: x N d / 365 (keep
 * it for the deliberation time d, then decide again); hold: x N (keep it; decide again at the next
 * outcry). Waiting is never the best answer in expectation (if N < 0 revising is better, if N > 0
 * holding is): a bounded-rational firm waits when the stakes are small against 1 / intensity.
 */
public final class ResponseDecision {
  private ResponseDecision() {}

  /** The answers, in the order of the utility arrays. */
  public enum Answer {
    FULL("revise fully"),
    PARTIAL("revise partly"),
    WAIT("wait"),
    HOLD("hold");

    private final String words;

    Answer(String words) {
      this.words = words;
    }

    /** The event log's detail. */
    public String words() {
      return words;
    }
  }

  /** e: what the practice earns per unit of intensity, % of annual revenue per year. */
  public static double earnings(
      double revenueShare, double alignment, double harmAversion, double harmPerUserDay) {
    return revenueShare * 100.0 - alignment * harmAversion * harmPerUserDay * Draws.DAYS_PER_YEAR;
  }

  /**
   * c: the cost of the users the firm expects to lose if it keeps the practice, % of annual revenue
   * per year.
   *
   * @param usersAtAdoption the firm's users when it adopted the practice
   * @param users its users now
   * @param outcries its outcries since adoption (at least 1 is counted)
   * @param outcriesPerYear the outcries it expects per year of keeping the practice
   * @param rivalsWithPractice user share of active rivals that have the practice, weighted by their
   *     practice's intensity
   */
  public static double userCost(
      int usersAtAdoption,
      int users,
      double outcries,
      double outcriesPerYear,
      double rivalsWithPractice) {
    if (usersAtAdoption <= 0) return 0.0;
    return userCost(
        Math.max(0, usersAtAdoption - users) / (double) usersAtAdoption,
        outcries,
        outcriesPerYear,
        rivalsWithPractice);
  }

  /**
   * c from the share of its users (or usage) the firm lost since adoption, however it counts them
   * (reputation.user_loss_evidence): that share per outcry (at least 1 counted) times the outcries
   * expected in a year, as % of revenue, at most 100, times the user share of rivals without the
   * practice.
   *
   * @param lostShare users (usage) lost since adoption as a share of those at adoption, at least 0
   */
  public static double userCost(
      double lostShare, double outcries, double outcriesPerYear, double rivalsWithPractice) {
    double lossPerOutcry = Math.max(0.0, lostShare) / Math.max(1.0, outcries);
    return Math.min(100.0, 100.0 * outcriesPerYear * lossPerOutcry) * (1.0 - rivalsWithPractice);
  }

  /**
   * The four utilities {full, partial, wait, hold} at intensity {@code level}, net value {@code
   * net} per unit of intensity, partial revision share and deliberation time (days).
   */
  public static double[] utilities(
      double level, double net, double partialShare, double delayDays) {
    return new double[] {
      0.0,
      level * (1.0 - partialShare) * net,
      level * net * delayDays / Draws.DAYS_PER_YEAR,
      level * net
    };
  }

  /**
   * Choice probabilities of the four answers ({@code fermi}: firms.decision_rule fermi, else
   * logit). Logit: proportional to exp(intensity x u). Fermi (pairwise comparison with the status
   * quo, holding): one of the three other answers is drawn uniformly and taken with probability 1 /
   * (1 + exp(-intensity x (u_a - u_hold))); otherwise the firm holds.
   */
  public static double[] probabilities(double[] u, boolean fermi, double intensity) {
    double[] p = new double[4];
    if (fermi) {
      double hold = 1.0;
      for (int a = 0; a < 3; a++) {
        p[a] = Draws.logistic(intensity * (u[a] - u[3])) / 3.0;
        hold -= p[a];
      }
      p[3] = hold;
      return p;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double x : u) max = Math.max(max, x);
    double sum = 0;
    for (int a = 0; a < 4; a++) sum += p[a] = Math.exp(intensity * (u[a] - max));
    for (int a = 0; a < 4; a++) p[a] /= sum;
    return p;
  }

  /**
   * Draws an answer: logit, one uniform against the cumulative probabilities; fermi, one uniform
   * for the answer compared with holding and one for taking it.
   */
  public static Answer choose(
      double[] u, boolean fermi, double intensity, MersenneTwisterFast rng) {
    if (fermi) {
      int a = rng.nextInt(3);
      boolean take = rng.nextDouble() < Draws.logistic(intensity * (u[a] - u[3]));
      return take ? Answer.values()[a] : Answer.HOLD;
    }
    double[] p = probabilities(u, fermi, intensity);
    double x = rng.nextDouble();
    double cum = 0;
    for (int a = 0; a < 3; a++) {
      cum += p[a];
      if (x < cum) return Answer.values()[a];
    }
    return Answer.HOLD;
  }
}
