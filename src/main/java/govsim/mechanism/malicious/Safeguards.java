package govsim.mechanism.malicious;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.assurance.SafeguardCheck;
import govsim.mechanism.firms.DecisionRule;
import govsim.mechanism.firms.FirmDecisions;
import govsim.mechanism.firms.FirmParams;
import govsim.mechanism.firms.SocialLearning;
import govsim.mechanism.reputation.Reputation;
import govsim.mechanism.synergy.Synergy;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.World;

/**
 * Providers' misuse safeguards (issue 12 item 5; M12 with M6, M8 and M3; paper §3.1.4, §4.1).
 *
 * <p>Every firm holds a safeguard level x in [0, 1] (content filters, watermarking, deepfake
 * detection): an attack run through its model succeeds with probability 1 - efficacy x x. Levels
 * start ~ Uniform[initial_min, initial_max] (stream "safeguards", one draw per firm in id order,
 * whatever the regime) and cost cost_at_full x x^cost_exponent % of annual revenue a year.
 *
 * <p>At a review (a Poisson process at firms.review_rate_per_year, on its own clock) a firm revises
 * its level with the scenario's decision rule. Under the logit rule it compares keeping x, x -
 * step, x + step (within [0, 1]) and, when a requirement binding it lies more than a step above x,
 * meeting that requirement at once; it picks each with probability proportional to exp(intensity x
 * V), where V(x) in % of annual revenue a year is
 *
 * <pre>
 *   V(x) = - cost(x) - A (1 - efficacy x) (attribution + alignment + liability(x)) - expulsion(x)
 * </pre>
 *
 * <ul>
 *   <li>A: the firm's estimate of attack attempts through its model per year (it sees its own
 *       attempts, blocked or not; an exponentially weighted count with time constant belief_days).
 *       It takes A as given: it does not foresee that attackers choosing the weakest provider would
 *       go elsewhere if it raised its level (bounded rationality).
 *   <li>attribution: attribution_probability x attribution_reputation_loss x
 *       firms.reputation_value, the reputation a publicly traced attack costs.
 *   <li>alignment: alignment x firms.harm_aversion x mean attack severity x victim_share, the harm
 *       per member of the population of one successful attack, weighed by the firm's values.
 *   <li>liability(x): below regulator_minimum, the mean over the jurisdictions the firm serves of
 *       (where the regulator enforces) the chance it traces an attack x (fine + published
 *       sanction).
 *   <li>expulsion(x): below community_minimum, for each community the firm belongs to, audits per
 *       year x detection x (expulsion's reputation loss + the certificate's value if it is its only
 *       one), as in the mitigation decision of M6.
 * </ul>
 *
 * <p>Under social learning (fermi) a review explores with probability firms.mutation_rate (one step
 * up or down, equally likely) or copies the level of a random other active firm with the Fermi
 * probability of their profit difference ({@link SocialLearning}). Attackers' reputations play no
 * part anywhere: they have none. The membership decision (M6) does not weigh the community's
 * safeguard requirement: a firm finds out at its reviews and audits.
 */
public final class Safeguards implements SafeguardCheck, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Levels within this of a requirement meet it (levels move in steps of decimals). */
  static final double TOLERANCE = 1e-9;

  private final MaliciousParams mp;
  private final SafeguardParams p;
  private final FirmParams fp;
  private final double expulsionLoss;
  private final double sanctionLoss;
  private final double auditRatePerYear;
  private final boolean expelOnViolation;
  private final double fineRevenueShare;
  private final double revenuePerUserYear;
  private final double ordinaryDetection;
  private final Synergy synergy;
  private final FirmDecisions decisions;

  /** The options of a review and their values (reused: no allocation per review). */
  private final double[] options = new double[4];

  private final double[] weights = new double[4];

  /**
   * @param expulsionLoss reputation.expulsion_loss
   * @param sanctionLoss reputation.sanction_loss
   * @param auditRatePerYear assurance.audit_rate_per_year
   * @param expelOnViolation assurance.expel_on_violation
   * @param fineRevenueShare enforcement.fine_revenue_share
   * @param ordinaryDetection enforcement.malicious_detection_probability
   * @param decisions the firms' decisions, for the value of a certificate
   */
  public Safeguards(
      MaliciousParams mp,
      FirmParams fp,
      double expulsionLoss,
      double sanctionLoss,
      double auditRatePerYear,
      boolean expelOnViolation,
      double fineRevenueShare,
      double ordinaryDetection,
      Synergy synergy,
      FirmDecisions decisions) {
    this.mp = mp;
    this.p = mp.safeguards();
    this.fp = fp;
    this.expulsionLoss = expulsionLoss;
    this.sanctionLoss = sanctionLoss;
    this.auditRatePerYear = auditRatePerYear;
    this.expelOnViolation = expelOnViolation;
    this.fineRevenueShare = fineRevenueShare;
    this.revenuePerUserYear = fp.revenuePerUserYear();
    this.ordinaryDetection = ordinaryDetection;
    this.synergy = synergy;
    this.decisions = decisions;
  }

  public SafeguardParams params() {
    return p;
  }

  /** A firm's level as attacks meet it: a level not drawn (NaN) is no safeguard. */
  public static double level(Firm f) {
    return Double.isNaN(f.safeguards) ? 0.0 : f.safeguards;
  }

  /** Whether level x falls short of the requirement (a requirement of 0 is none). */
  static boolean below(double x, double requirement) {
    return requirement > 0 && x < requirement - TOLERANCE;
  }

  /** Chance that an attack through a provider of level x gets through: 1 - efficacy x x. */
  public double successProbability(double x) {
    return 1.0 - p.efficacy() * x;
  }

  /** Yearly cost of level x, % of annual revenue: cost_at_full x x^cost_exponent. */
  public double cost(double x) {
    return p.costAtFull() * Math.pow(x, p.costExponent());
  }

  /** Sets the firm's level and its yearly cost. */
  public void set(Firm f, double x) {
    f.safeguards = x;
    f.safeguardCostPercent = cost(x);
  }

  /**
   * Draws the level of every firm not drawn yet, in id order (the initial firms at step 0, an
   * entrant at the step after it entered), so that firm k always gets the k-th draw of the stream.
   */
  public void drawInitial(World w, MersenneTwisterFast rng) {
    for (Firm f : w.firms) {
      if (Double.isNaN(f.safeguards)) set(f, Draws.uniform(rng, p.initialMin(), p.initialMax()));
    }
  }

  /** One step of the firms' safeguard reviews (phase FIRM_DECISIONS, after M6's decisions). */
  public void step(World w, MersenneTwisterFast rng, FirmDecisions.Outlook outlook) {
    double reviewProb = Draws.stepProbabilityPerYear(fp.reviewRatePerYear(), w.dtDays);
    for (Firm f : w.firms) {
      if (!f.active || rng.nextDouble() >= reviewProb) continue;
      if (fp.decisionRule() == DecisionRule.FERMI) {
        imitate(w, f, rng);
      } else {
        int n = probabilities(w, f, outlook, weights);
        double u = rng.nextDouble();
        int k = 0;
        while (k < n - 1 && u >= weights[k]) u -= weights[k++];
        set(f, options[k]);
      }
    }
  }

  /**
   * The levels a firm compares at a logit review, in this order: keep x, x - step (if x &gt; 0), x
   * + step (if x &lt; 1), both capped to [0, 1], and the highest requirement binding it if that
   * lies above x + step. Writes them to {@code out} and returns how many.
   */
  public int options(World w, Firm f, double[] out) {
    double x = level(f);
    int n = 0;
    out[n++] = x;
    double down = Math.max(0.0, x - p.step());
    if (down < x) out[n++] = down;
    double up = Math.min(1.0, x + p.step());
    if (up > x) out[n++] = up;
    double required = Math.max(communityRequirement(f), regulatorRequirement(w, f));
    if (required > up + TOLERANCE) out[n++] = required;
    return n;
  }

  /**
   * The logit probabilities of the options of {@link #options} (same order), written to {@code
   * out}; returns how many. The options themselves are left in this object's buffer for the draw.
   */
  public int probabilities(World w, Firm f, FirmDecisions.Outlook outlook, double[] out) {
    int n = options(w, f, options);
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      out[k] = fp.decisionIntensity() * value(w, f, options[k], outlook);
      best = Math.max(best, out[k]);
    }
    double total = 0;
    for (int k = 0; k < n; k++) total += out[k] = Math.exp(out[k] - best);
    for (int k = 0; k < n; k++) out[k] /= total;
    return n;
  }

  /** The community minimum if the firm belongs to a community (0 otherwise or if none is set). */
  double communityRequirement(Firm f) {
    return f.memberships.isEmpty() ? 0.0 : p.communityMinimum();
  }

  /** The regulators' minimum if a regulator that enforces licenses the firm (0 otherwise). */
  double regulatorRequirement(World w, Firm f) {
    for (Regulator reg : w.regulators) {
      if (reg.enforcement && f.serves(reg.jurisdiction)) return p.regulatorMinimum();
    }
    return 0.0;
  }

  /**
   * V(x): the yearly value to the firm of holding level x, % of annual revenue (see the class
   * comment).
   */
  public double value(World w, Firm f, double x, FirmDecisions.Outlook outlook) {
    double perSuccess =
        p.attributionProbability() * p.attributionReputationLoss() * fp.reputationValue()
            + f.alignment * fp.harmAversion() * meanSeverity() * mp.victimShare()
            + liability(w, f, x);
    return -cost(x)
        - f.misuseAttemptsBelief * successProbability(x) * perSuccess
        - expulsionRisk(w, f, x, outlook);
  }

  /** Mean severity of an attack: the Pareto mean alpha x min / (alpha - 1) (alpha &gt; 1). */
  public double meanSeverity() {
    return mp.severityAlpha() * mp.severityMin() / (mp.severityAlpha() - 1.0);
  }

  /**
   * Expected fine and published sanction per successful attack through the firm at level x, % of
   * annual revenue: 0 at or above regulator_minimum; below it the mean, over the jurisdictions the
   * firm serves, of (where the regulator enforces) its tracing probability x (fine share x 100 x
   * penalty multiplier + sanction_loss x reputation_value).
   */
  public double liability(World w, Firm f, double x) {
    if (!below(x, p.regulatorMinimum())) return 0.0;
    double sum = 0.0;
    int served = 0;
    for (Regulator reg : w.regulators) {
      if (!f.serves(reg.jurisdiction)) continue;
      served++;
      if (!reg.enforcement) continue;
      sum +=
          synergy.maliciousDetection(reg, ordinaryDetection)
              * (fineRevenueShare * 100.0 * synergy.penaltyMultiplier(reg)
                  + sanctionLoss * fp.reputationValue());
    }
    return served == 0 ? 0.0 : sum / served;
  }

  /**
   * Expected yearly loss from expulsion over a level x below community_minimum, % of annual
   * revenue: for each active community of the firm, audits a year x detection x (expulsion_loss x
   * reputation_value, plus the certificate's value if it is the firm's only community); 0 when
   * communities do not expel.
   */
  public double expulsionRisk(World w, Firm f, double x, FirmDecisions.Outlook outlook) {
    if (!expelOnViolation || !below(x, p.communityMinimum())) return 0.0;
    double v = 0.0;
    for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
      Community com = w.communities.get(c);
      if (!com.active) continue;
      double detect =
          synergy.auditDetection(com.assurance, w.regulators[f.homeJurisdiction].transparency);
      double loss =
          expulsionLoss * fp.reputationValue()
              + (f.memberships.cardinality() == 1
                  ? decisions.certificationValue(w, f, outlook)
                  : 0.0);
      v += auditRatePerYear * detect * loss;
    }
    return v;
  }

  /** Social learning: explore one step, or copy a random peer's level (Fermi). */
  private void imitate(World w, Firm f, MersenneTwisterFast rng) {
    double x = level(f);
    if (rng.nextDouble() < fp.mutationRate()) {
      set(f, rng.nextBoolean() ? Math.min(1.0, x + p.step()) : Math.max(0.0, x - p.step()));
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
    double revenue = SocialLearning.meanAnnualRevenue(w);
    double copy =
        SocialLearning.copyProbability(
            fp.decisionIntensity(),
            SocialLearning.payoff(peer, w.dtDays, revenue),
            SocialLearning.payoff(f, w.dtDays, revenue));
    if (rng.nextDouble() < copy) set(f, level(peer));
  }

  /** Decays every firm's estimate of the attempts through its model by one step. */
  public void decayBeliefs(World w) {
    double keep = Math.exp(-w.dtDays / p.beliefDays());
    for (Firm f : w.firms) f.misuseAttemptsBelief *= keep;
  }

  /**
   * The firm saw one more attempt through its model: its yearly estimate rises by 365/belief_days.
   */
  public void observeAttempt(Firm f) {
    f.misuseAttemptsBelief += Draws.DAYS_PER_YEAR / p.beliefDays();
  }

  /** A successful attack was publicly traced to the provider: its reputation falls. */
  public void attribute(World w, Firm f, int jurisdiction, int actor) {
    Reputation.cut(f, p.attributionReputationLoss());
    w.log(
        EventKind.MISUSE_ATTRIBUTED,
        f.id,
        -1,
        -1,
        jurisdiction,
        p.attributionReputationLoss(),
        "attack by malicious actor " + actor);
  }

  /**
   * The regulator traced an attack through the provider: if the provider serves its jurisdiction
   * below regulator_minimum (and the regulator enforces), it is fined (fine share of its annual
   * revenue x the backstop's penalty multiplier) and the sanction published.
   */
  public void holdLiable(World w, Firm f, Regulator reg, int actor) {
    if (!reg.enforcement || !f.active || !f.serves(reg.jurisdiction)) return;
    if (!below(level(f), p.regulatorMinimum())) return;
    double fine = fineRevenueShare * f.users * revenuePerUserYear * synergy.penaltyMultiplier(reg);
    f.finesStep += fine;
    Reputation.cut(f, sanctionLoss);
    w.tally.sanctions++;
    w.log(
        EventKind.SANCTION,
        f.id,
        -1,
        -1,
        reg.jurisdiction,
        fine,
        "misuse of its model by malicious actor " + actor + ", safeguards below the requirement");
  }

  /**
   * An audit's check of a member's safeguards (M8, called by the audits): true when the member is
   * below community_minimum and the audit, detecting with probability {@code detect}, finds it. One
   * uniform is drawn only for a member below the minimum.
   */
  @Override
  public boolean auditFinds(Firm f, double detect, MersenneTwisterFast rng) {
    return below(level(f), p.communityMinimum()) && rng.nextDouble() < detect;
  }

  /** A violation remedied (a community that does not expel): the level is raised to the minimum. */
  @Override
  public void remedy(Firm f) {
    set(f, Math.max(level(f), p.communityMinimum()));
  }
}
