package govsim.mechanism.risk;

import govsim.mechanism.Draws;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import java.util.Arrays;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * What firms, communities and regulators believe about each risk's hazard (issue 13 item 1; M1,
 * paper §1.1 risk vs uncertainty).
 *
 * <p>The hazard {@code h} of a risk (incidents per firm-day at a firm that does not mitigate it) is
 * unknown. Each observer holds a Gamma(shape, rate) belief about it, conjugate to the Poisson
 * incident counts: after {@code k} incidents in an exposure of {@code E} unmitigated-equivalent
 * firm-days (days times the firm's hazard factor, which the observer knows) the prior Gamma(a0, b0)
 * becomes Gamma(a0 + k, b0 + E), with mean (a0 + k)/(b0 + E) and variance (a0 + k)/(b0 + E)^2.
 *
 * <ul>
 *   <li>A known risk's prior is centred on its true hazard with shape risks.known_prior_shape
 *       (informative); a Knightian risk's is centred on the mean hazard over risks,
 *       risks.hazard_per_firm_year, with the small shape risks.knightian_prior_shape (vague), so
 *       that learning its own hazard takes many incidents. A Knightian risk is still unknown to all
 *       until its first incident (existence); its hazard is then learnt, not revealed.
 *   <li>Who sees what: a firm its own incidents and exposure; a community the pooled records of its
 *       current members (their whole histories: members bring their records with them); a regulator
 *       the share risks.regulator_observed_share of the incidents and exposure at the firms serving
 *       its jurisdiction (a tempered likelihood: counts and exposure both weighted, so a regulator
 *       learns as if it saw that share of the firm-days).
 *   <li>Exposure accrues from the risk's emergence, while it is still unknown: once found, its past
 *       incident-free days are attributed to it.
 * </ul>
 *
 * Updates cost one addition per firm and risk per step (the incidents loop), not per user.
 */
public final class HazardBelief implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final RiskParams p;
  private final boolean on;

  public HazardBelief(RiskParams p) {
    this.p = p;
    this.on = p.beliefs() == BeliefModel.GAMMA_POISSON;
  }

  public boolean enabled() {
    return on;
  }

  /** Mean hazard over risks, per firm-day (the centre of a Knightian risk's prior). */
  public double typicalHazardPerDay() {
    return p.hazardPerFirmYear() / Draws.DAYS_PER_YEAR;
  }

  /** Sets a new risk's prior and empty records (nothing without beliefs). */
  public void initialise(Risk r, int jurisdictions) {
    if (!on) return;
    double shape = r.knightian ? p.knightianPriorShape() : p.knownPriorShape();
    double mean = r.knightian ? typicalHazardPerDay() : r.hazardPerDay;
    r.priorShape = shape;
    // A zero hazard is believed exactly (infinite rate: mean 0 whatever is observed).
    r.priorRate = mean > 0 ? shape / mean : Double.POSITIVE_INFINITY;
    r.firmIncidents = new double[8];
    r.firmExposure = new double[8];
    r.regulatorIncidents = new double[jurisdictions];
    r.regulatorExposure = new double[jurisdictions];
  }

  /**
   * One firm-step of observation: firm {@code f} was exposed to risk {@code r} for {@code
   * exposureDays} unmitigated-equivalent days and had {@code incidents} incidents. Recorded for the
   * firm and, weighted by the reported share, for the regulators of the jurisdictions it serves.
   */
  public void observe(Risk r, Firm f, double exposureDays, int incidents) {
    // A risk built without a prior (not by RiskEmergence) has no records: its hazard is known.
    if (!on || r.firmIncidents == null) return;
    if (f.id >= r.firmIncidents.length) {
      int n = Math.max(f.id + 1, 2 * r.firmIncidents.length);
      r.firmIncidents = Arrays.copyOf(r.firmIncidents, n);
      r.firmExposure = Arrays.copyOf(r.firmExposure, n);
    }
    r.firmIncidents[f.id] += incidents;
    r.firmExposure[f.id] += exposureDays;
    double q = p.regulatorObservedShare();
    if (q <= 0) return;
    for (int j = 0; j < r.regulatorIncidents.length; j++) {
      if (!f.serves(j)) continue;
      r.regulatorIncidents[j] += q * incidents;
      r.regulatorExposure[j] += q * exposureDays;
    }
  }

  /** Posterior mean of a Gamma(a0, b0) prior after k incidents in exposure e: (a0+k)/(b0+e). */
  public static double posteriorMean(double a0, double b0, double k, double e) {
    return (a0 + k) / (b0 + e);
  }

  /** Posterior variance: (a0+k)/(b0+e)^2. */
  public static double posteriorVariance(double a0, double b0, double k, double e) {
    double rate = b0 + e;
    return (a0 + k) / (rate * rate);
  }

  /** The q-quantile of a Gamma(shape, rate) belief (0 for an infinite rate). */
  public static double quantile(double shape, double rate, double q) {
    if (Double.isInfinite(rate)) return 0.0;
    // No random generator: the distribution is only inverted, never sampled.
    return new GammaDistribution(null, shape, 1.0 / rate, 1e-12).inverseCumulativeProbability(q);
  }

  /**
   * Firm {@code firm}'s believed hazard (posterior mean, per firm-day); the truth without beliefs.
   */
  public static double firmHazardPerDay(Risk r, int firm) {
    if (r.firmIncidents == null) return r.hazardPerDay;
    boolean seen = firm < r.firmIncidents.length;
    return posteriorMean(
        r.priorShape,
        r.priorRate,
        seen ? r.firmIncidents[firm] : 0.0,
        seen ? r.firmExposure[firm] : 0.0);
  }

  /** Shape and rate of the community's posterior: the prior plus its members' pooled records. */
  private static double[] communityPosterior(World w, Community c, Risk r) {
    double k = 0;
    double e = 0;
    for (int m = c.members.nextSetBit(0); m >= 0; m = c.members.nextSetBit(m + 1)) {
      if (m < r.firmIncidents.length) {
        k += r.firmIncidents[m];
        e += r.firmExposure[m];
      }
    }
    return new double[] {r.priorShape + k, r.priorRate + e};
  }

  /** The community's believed hazard (posterior mean of the pooled records); the truth without. */
  public static double communityHazardPerDay(World w, Community c, Risk r) {
    if (r.firmIncidents == null) return r.hazardPerDay;
    double[] post = communityPosterior(w, c, r);
    return post[0] / post[1];
  }

  /**
   * The hazard regulator {@code j} writes its rules for: its posterior mean, or with
   * risks.precautionary_quantile &gt; 0 that upper quantile of its posterior; the truth without
   * beliefs.
   */
  public double regulatorHazardPerDay(Risk r, int j) {
    if (r.regulatorIncidents == null) return r.hazardPerDay;
    double shape = r.priorShape + r.regulatorIncidents[j];
    double rate = r.priorRate + r.regulatorExposure[j];
    double q = p.precautionaryQuantile();
    return q > 0 ? quantile(shape, rate, q) : shape / rate;
  }
}
