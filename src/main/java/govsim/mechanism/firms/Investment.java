package govsim.mechanism.firms;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.Governance;
import govsim.mechanism.competition.Competition;
import govsim.mechanism.risk.RiskParams;
import govsim.mechanism.users.UserParams;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;

/**
 * Capability investment and the release posture (issue 12 item 2; MODEL.md M1/M6): how much of its
 * revenue a firm spends on capability (R&amp;D) and whether it releases unsafely (faster, with
 * fewer safeguards).
 *
 * <p><b>Production function.</b> A release's capability gain is its draw (Exponential with mean
 * {@code risks.release_step_mean}, from the firm's release stream) times the compliance crowd-out
 * {@code max(0, 1 - firms.innovation_crowd_out x compliance cost share)} times
 *
 * <pre>
 *   m(x) = (x / reference_share)^elasticity        (x: the firm's R&amp;D share of revenue)
 * </pre>
 *
 * (diminishing returns for elasticity below 1; m = 1 at the reference share, 0 without R&amp;D)
 * times the data and scale feedback {@link Competition#scaleFactor} ({@code (users / mean
 * users)^e}, e = {@code competition.scale_feedback_elasticity}). The R&amp;D spending, x times
 * revenue, is a cost in the firm's books. With {@code firms.investment.enabled} false m is 1 and
 * nothing is spent.
 *
 * <p><b>Decision (logit firms).</b> At each review the firm chooses jointly its R&amp;D share from
 * the menu {0, share_max/(levels-1), ..., share_max} and, with {@code posture_choice}, its posture,
 * by a logit (quantal) choice with intensity {@code firms.decision_intensity} over the values, in %
 * of annual revenue per year,
 *
 * <pre>
 *   V(x, posture) = 100 (K m(x) speed - x) - [unsafe] (unsafe_hazard_multiplier - 1) H
 *   K = (1 - s) users.choice_intensity users.weight_quality release_step_mean crowd scale
 * </pre>
 *
 * K is the revenue share one release's mean gain brings for as long as the lead lasts: in the
 * users' logit choice a capability gain dq multiplies the firm's choice weight by
 * exp(choice_intensity weight_quality dq), about 1 + choice_intensity weight_quality dq, which for
 * a firm with user share s raises its share by the factor 1 + (1 - s) choice_intensity
 * weight_quality dq; the firm counts it for one release interval of its rivals (1 /
 * release_rate_per_year years: then they have released too), so that the value per year is that of
 * one release times the firm's releases per year relative to the rivals', {@code speed}
 * (unsafe_release_speedup when unsafe, else 1). H is the expected yearly cost of its risks'
 * incidents per unit of hazard ({@link FirmDecisions#unsafeCost}): harm to its users weighed by
 * alignment, expected outcries, expected sanctions of severe incidents. Firms do not foresee how
 * rivals respond (bounded rationality). Social-learning firms imitate a peer's R&amp;D share
 * instead ({@link SocialLearning}).
 */
public final class Investment implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final FirmParams fp;
  private final InvestmentParams p;
  private final RiskParams risks;
  private final UserParams users;
  private final double scaleElasticity;

  /** Logit weights of the options of one review (levels x 2 postures), reused. */
  private final double[] weights;

  public Investment(FirmParams fp, RiskParams risks, UserParams users, double scaleElasticity) {
    this.fp = fp;
    this.p = fp.investment();
    this.risks = risks;
    this.users = users;
    this.scaleElasticity = scaleElasticity;
    this.weights = new double[Math.max(1, p.levels()) * 2];
  }

  public InvestmentParams params() {
    return p;
  }

  /** The k-th R&amp;D share of the menu: share_max k / (levels - 1). */
  public static double level(InvestmentParams p, int k) {
    return p.shareMax() * k / (p.levels() - 1);
  }

  /** The production function m(x) = (x / reference_share)^elasticity. */
  public static double productivity(InvestmentParams p, double share) {
    return Math.pow(share / p.referenceShare(), p.elasticity());
  }

  /** A new firm's R&amp;D share: initial_share, or 0 when investment is not modelled. */
  public static double initialShare(InvestmentParams p) {
    return p.enabled() ? p.initialShare() : 0.0;
  }

  /**
   * Factor on the firm's next release gain: m(its R&amp;D share) (1 when investment is off) times
   * the scale feedback.
   */
  public double gainMultiplier(World w, Firm f) {
    double m = p.enabled() ? productivity(p, f.rdShare) : 1.0;
    return m * Competition.scaleFactor(w, f, scaleElasticity);
  }

  /**
   * K: the share of annual revenue one release's mean capability gain brings the firm while its
   * lead lasts (see the class comment); 0 when firms do not release.
   */
  public double releaseValue(World w, Firm f, int totalUsers) {
    if (risks.releaseRatePerYear() <= 0) return 0.0;
    double share = totalUsers == 0 ? 0.0 : f.users / (double) totalUsers;
    double crowd = Math.max(0.0, 1.0 - fp.innovationCrowdOut() * f.complianceCostPercent / 100.0);
    return (1.0 - share)
        * users.choiceIntensity()
        * users.weightQuality()
        * risks.releaseStepMean()
        * crowd
        * Competition.scaleFactor(w, f, scaleElasticity);
  }

  /**
   * V(x, posture) in % of annual revenue per year: 100 (k m speed - x) - unsafe extra cost; {@code
   * share} is the R&amp;D spending counted (0 when investment is not modelled).
   */
  public static double optionValue(
      double k, double productivity, double speed, double share, double unsafeExtraCost) {
    return 100.0 * (k * productivity * speed - share) - unsafeExtraCost;
  }

  /**
   * The logit review of R&amp;D share and posture (nothing to decide when investment and posture
   * choice are both off; then no random number is drawn).
   *
   * @param hazardCost H: expected yearly cost of the firm's risks per unit of hazard multiplier, %
   *     of annual revenue per year ({@link FirmDecisions#unsafeCost})
   */
  public void review(World w, Firm f, MersenneTwisterFast rng, int totalUsers, double hazardCost) {
    boolean invest = p.enabled();
    boolean posture = p.postureChoice();
    if (!invest && !posture) return;
    int levels = invest ? p.levels() : 1;
    int postures = posture ? 2 : 1;
    double k = releaseValue(w, f, totalUsers);
    double extra = (fp.unsafeHazardMultiplier() - 1.0) * hazardCost;
    double beta = fp.decisionIntensity();
    double best = Double.NEGATIVE_INFINITY;
    int n = levels * postures;
    for (int i = 0; i < n; i++) {
      weights[i] = value(i, postures, f, k, extra);
      best = Math.max(best, weights[i]);
    }
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      weights[i] = Math.exp(beta * (weights[i] - best));
      sum += weights[i];
    }
    double u = rng.nextDouble() * sum;
    int chosen = n - 1;
    for (int i = 0; i < n; i++) {
      u -= weights[i];
      if (u < 0) {
        chosen = i;
        break;
      }
    }
    if (invest) f.rdShare = level(p, chosen / postures);
    if (posture) f.unsafeReleases = chosen % postures == 1;
  }

  /**
   * Probability of each option of a review, in the order of {@link #review} (index = level x
   * postures + posture, posture 1 unsafe); for tests and the ODD's worked example.
   */
  public double[] choiceProbabilities(World w, Firm f, int totalUsers, double hazardCost) {
    int levels = p.enabled() ? p.levels() : 1;
    int postures = p.postureChoice() ? 2 : 1;
    double k = releaseValue(w, f, totalUsers);
    double extra = (fp.unsafeHazardMultiplier() - 1.0) * hazardCost;
    double[] out = new double[levels * postures];
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < out.length; i++) {
      out[i] = value(i, postures, f, k, extra);
      best = Math.max(best, out[i]);
    }
    double sum = 0.0;
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.exp(fp.decisionIntensity() * (out[i] - best));
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) out[i] /= sum;
    return out;
  }

  private double value(int i, int postures, Firm f, double k, double extra) {
    boolean unsafe = postures == 2 ? i % 2 == 1 : f.unsafeReleases;
    double share = p.enabled() ? level(p, i / postures) : 0.0;
    double m = p.enabled() ? productivity(p, share) : 1.0;
    double speed = unsafe ? fp.unsafeReleaseSpeedup() : 1.0;
    return optionValue(k, m, speed, share, unsafe ? extra : 0.0);
  }

  /**
   * H for one risk: the residual hazard share of the firm (1 unmitigated, 1 - efficacy mitigated)
   * times the base hazard per year; the caller multiplies it by the cost of one incident.
   */
  static double residualHazardPerYear(Firm f, Risk r, Governance.Binding b, double voluntary) {
    double residual = 1.0;
    if (f.mitigates.get(r.id)) {
      residual = 1.0 - (b.governed() ? b.maxStringency() : voluntary);
    }
    return r.hazardPerDay * Draws.DAYS_PER_YEAR * residual;
  }
}
