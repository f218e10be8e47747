package govsim.mechanism.firms;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.Governance;
import govsim.mechanism.assurance.AssuranceParams;
import govsim.mechanism.community.CommunityParams;
import govsim.mechanism.community.Membership;
import govsim.mechanism.crossborder.ComplianceCost;
import govsim.mechanism.enforcement.Enforcement;
import govsim.mechanism.reputation.Backlash;
import govsim.mechanism.reputation.PracticeParams;
import govsim.mechanism.reputation.ReputationParams;
import govsim.mechanism.risk.HazardBelief;
import govsim.mechanism.risk.RiskParams;
import govsim.mechanism.synergy.Synergy;
import govsim.mechanism.users.UserParams;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;

/**
 * M6 — firm decisions and value alignment (MODEL.md §4 M6; paper §3.1.1).
 *
 * <p>At a review (a Poisson process per firm) a firm decides, for each known risk, whether to
 * mitigate it; whether to adopt or keep the user-visible harmful practice; and whether to join or
 * leave compliance communities. Each option is valued, in % of annual revenue per year, as profit +
 * intrinsic alignment (harm to its users avoided, weighted by alignment) - expected sanctions
 * (inspection x detection x fine, plus ex-post investigation of severe harm) - expected reputation
 * loss (outcries that visible incidents would cause; expulsion from its communities). Bounded
 * rationality is either a logit (quantal) choice on that value, or social learning ({@link
 * SocialLearning}): one decision per review (the release posture, the practice, a risk's mitigation
 * or a membership) is explored at random or copied from a random peer with the Fermi probability of
 * the difference in their window profits. The logit rule does not decide the release posture (firms
 * keep the one they started with). Firms do not foresee how users would react to the practice
 * beyond their belief in a backlash (they learn it from their own outcries): the Yuanbao terms
 * surprised their authors.
 */
public final class FirmDecisions {
  private final FirmParams fp;
  private final PracticeParams practice;
  private final ReputationParams rep;
  private final UserParams users;
  private final RiskParams risks;
  private final AssuranceParams assurance;
  private final CommunityParams community;
  private final Enforcement enforcement;
  private final Synergy synergy;
  private final ComplianceCost cost;
  private final SocialLearning learning;

  public FirmDecisions(
      FirmParams fp,
      PracticeParams practice,
      ReputationParams rep,
      UserParams users,
      RiskParams risks,
      AssuranceParams assurance,
      CommunityParams community,
      Enforcement enforcement,
      Synergy synergy,
      ComplianceCost cost) {
    this.fp = fp;
    this.practice = practice;
    this.rep = rep;
    this.users = users;
    this.risks = risks;
    this.assurance = assurance;
    this.community = community;
    this.enforcement = enforcement;
    this.synergy = synergy;
    this.cost = cost;
    this.learning = new SocialLearning(fp);
  }

  /** What every firm knows at a review: who is signalled and how likely inspections are. */
  public static final class Outlook {
    public final boolean[] signalled;

    /**
     * Inspections per year a firm can expect in each jurisdiction, per firm id and jurisdiction.
     */
    public final double[][] inspectionsPerYear;

    public final int totalUsers;

    public Outlook(boolean[] signalled, double[][] inspectionsPerYear, int totalUsers) {
      this.signalled = signalled;
      this.inspectionsPerYear = inspectionsPerYear;
      this.totalUsers = totalUsers;
    }
  }

  public void step(World w, MersenneTwisterFast rng, Outlook outlook) {
    double reviewProb = Draws.stepProbabilityPerYear(fp.reviewRatePerYear(), w.dtDays);
    for (Firm f : w.firms) {
      if (!f.active) continue;
      boolean due = f.nextReviewDay <= w.now;
      if (due) f.nextReviewDay = Double.POSITIVE_INFINITY;
      if (due || rng.nextDouble() < reviewProb) review(w, f, rng, outlook);
    }
  }

  public void review(World w, Firm f, MersenneTwisterFast rng, Outlook outlook) {
    if (fp.decisionRule() == DecisionRule.FERMI) {
      // Social learning revises one decision (memberships included) per review.
      learning.review(w, f, rng);
      return;
    }
    for (Risk r : w.risks) {
      if (!r.active || !r.known) continue;
      Governance.Binding b = Governance.of(w, f, r);
      double value = mitigationValue(w, f, r, b, outlook) - cost.annualPercent(b);
      f.mitigates.set(r.id, rng.nextDouble() < Draws.logistic(fp.decisionIntensity() * value));
    }
    decidePractice(w, f, rng);
    reviewMemberships(w, f, rng, outlook);
  }

  /**
   * Benefit of mitigating a risk, % of annual revenue per year: harm avoided (alignment), outcries
   * avoided, sanctions avoided, expulsions avoided.
   */
  public double mitigationValue(World w, Firm f, Risk r, Governance.Binding b, Outlook outlook) {
    double hazardYear =
        HazardBelief.firmHazardPerDay(r, f.id) // believed (issue 13 item 1); the truth without
            * Draws.DAYS_PER_YEAR
            * (f.unsafeReleases ? fp.unsafeHazardMultiplier() : 1.0);
    double efficacy = b.governed() ? b.maxStringency() : fp.voluntaryMitigationEfficacy();
    double avoided = hazardYear * efficacy;
    double value = f.alignment * fp.harmAversion() * avoided * r.severity * risks.exposureShare();
    double complainShare = r.visibility * meanCapability() * users.voicePropensity();
    if (complainShare > rep.outcryThresholdShare() * w.dtDays) {
      value += avoided * rep.outcryLoss() * fp.reputationValue();
    }
    double age = w.now - r.emergedDay;
    for (Regulator reg : w.regulators) {
      if (!reg.enforcement || !f.serves(reg.jurisdiction)) continue;
      Rule rule = reg.rules.inForce(r.id);
      if (rule == null || !rule.covers(r)) continue;
      double fear = synergy.perceivedSanctionMultiplier(reg, outlook.signalled[f.id]);
      double detect = enforcement.detection(age);
      double fine = enforcement.params().fineRevenueShare() * 100.0;
      double published = rep.sanctionLoss() * fp.reputationValue();
      double inspectionFine = fine * enforcement.params().inspectionPenaltyMultiplier();
      value +=
          fear
              * outlook.inspectionsPerYear[f.id][reg.jurisdiction]
              * detect
              * (inspectionFine + published);
      if (r.severity >= risks.severeThreshold()
          && enforcement.params().investigateSevereIncidents()) {
        // Revenue is assumed equal across the jurisdictions served, so a license is worth
        // 100 / (jurisdictions served) % of annual revenue per year of revocation_loss_years.
        double revocation =
            enforcement.params().revocation()
                ? 100.0 * fp.revocationLossYears() / Math.max(1, Long.bitCount(f.servesMask))
                : 0.0;
        value +=
            fear
                * hazardYear
                * detect
                * (fine * synergy.penaltyMultiplier(reg) + published + revocation);
      }
    }
    if (assurance.expelOnViolation()) {
      for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
        Community com = w.communities.get(c);
        Rule std = com.standards.inForce(r.id);
        if (!com.active || std == null || !std.covers(r)) continue;
        double detect =
            synergy.auditDetection(com.assurance, w.regulators[f.homeJurisdiction].transparency);
        double loss =
            rep.expulsionLoss() * fp.reputationValue()
                + (f.memberships.cardinality() == 1 ? certificationValue(w, f, outlook) : 0.0);
        value += assurance.auditRatePerYear() * detect * loss;
      }
    }
    return value;
  }

  /**
   * Revenue a firm expects to gain from holding a certificate, % of annual revenue per year.
   * Derived from the users' logit choice (M4): a certificate multiplies a provider's choice weight
   * by m = exp(choice_intensity x weight_certification), so without it the firm keeps only 1/m of
   * the weight it could have, and 1 - 1/m is the share it forgoes; the firm applies that share to
   * the users it does not yet have (1 - its user share), and counts certification_value_share years
   * of revenue for it.
   */
  public double certificationValue(World w, Firm f, Outlook outlook) {
    double share = outlook.totalUsers == 0 ? 0.0 : f.usage() / outlook.totalUsers;
    return 100.0
        * fp.certificationValueShare()
        * (1.0 - share)
        * (1.0 - Math.exp(-users.choiceIntensity() * users.weightCertification()));
  }

  private double meanCapability() {
    return (1.0 - users.infoWeakShare()) * users.infoCapabilityStrong()
        + users.infoWeakShare() * users.infoCapabilityWeak();
  }

  /** Value of adopting the harmful practice, % of annual revenue per year. */
  public double practiceValue(Firm f) {
    return practice.revenueShare() * 100.0
        - f.alignment * fp.harmAversion() * practice.harmPerUserDay() * Draws.DAYS_PER_YEAR
        - f.backlashBelief * rep.outcryLoss() * fp.reputationValue();
  }

  private void decidePractice(World w, Firm f, MersenneTwisterFast rng) {
    if (!Double.isNaN(f.revisionDueDay)) return;
    if (!f.practice && w.now < f.noPracticeUntilDay) return;
    boolean want = rng.nextDouble() < Draws.logistic(fp.decisionIntensity() * practiceValue(f));
    if (want && !f.practice) {
      Backlash.adopt(w, f, "own decision");
    } else if (!want && f.practice) {
      Backlash.drop(w, f, "dropped before any outcry");
    }
  }

  /** Leave communities not worth their cost; join the best one worth joining (logit). */
  private void reviewMemberships(World w, Firm f, MersenneTwisterFast rng, Outlook outlook) {
    for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
      Community com = w.communities.get(c);
      double stay = membershipValue(w, f, com, false, outlook);
      if (rng.nextDouble() < Draws.logistic(-fp.decisionIntensity() * stay)) {
        Membership.leave(w, f, com, "not worth it");
      }
    }
    Community best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (Community com : w.communities) {
      if (!com.active || f.memberships.get(com.id) || f.bannedFrom(com.id, w.now)) continue;
      double v = membershipValue(w, f, com, true, outlook);
      if (v > bestValue) {
        bestValue = v;
        best = com;
      }
    }
    if (best != null && rng.nextDouble() < Draws.logistic(fp.decisionIntensity() * bestValue)) {
      Membership.join(w, f, best);
    }
  }

  /**
   * Value of being a member of the community rather than not, % of annual revenue per year:
   * certification (if it is the firm's only one), compliance-cost differences on the risks its
   * standards cover (tooling, recognition, rule sets), harm avoided on risks the firm would newly
   * have to mitigate, minus the fee.
   */
  public double membershipValue(World w, Firm f, Community c, boolean joining, Outlook outlook) {
    int others = f.memberships.cardinality() - (joining ? 0 : 1);
    double value = others == 0 ? certificationValue(w, f, outlook) : 0.0;
    value -= community.feePerYear();
    for (Risk r : w.risks) {
      if (!r.active || !c.standards.covers(r)) continue;
      Governance.Binding with = Governance.of(w, f, r, joining ? c.id : -1, -1);
      Governance.Binding without = Governance.of(w, f, r, -1, joining ? -1 : c.id);
      double costWith = cost.annualPercent(with);
      if (f.mitigates.get(r.id)) {
        value += cost.annualPercent(without) - costWith;
      } else {
        double avoided =
            HazardBelief.firmHazardPerDay(r, f.id) * Draws.DAYS_PER_YEAR * c.stringency;
        value +=
            f.alignment * fp.harmAversion() * avoided * r.severity * risks.exposureShare()
                - costWith;
      }
    }
    return value;
  }

  /** Annual compliance cost of everything the firm mitigates, % of revenue. */
  public double compliancePercent(World w, Firm f) {
    return compliancePercent(w, f, 0.0);
  }

  /**
   * The same, and adds {@code currencyPerPercent} times each governed risk's share to that risk's
   * control cost (issue 13 item 2; 0 adds nothing).
   */
  public double compliancePercent(World w, Firm f, double currencyPerPercent) {
    double total = 0.0;
    for (int r = f.mitigates.nextSetBit(0); r >= 0; r = f.mitigates.nextSetBit(r + 1)) {
      Risk risk = w.risks.get(r);
      if (!risk.active) continue;
      Governance.Binding b = Governance.of(w, f, risk);
      double percent = cost.annualPercent(b);
      total += percent;
      if (b.governed()) risk.controlCost += currencyPerPercent * percent;
    }
    return total;
  }

  /**
   * Whether the firm must pass an ex-ante conformity assessment before its next release: it is
   * bound by a regulator rule in force in a jurisdiction it serves, unless that jurisdiction
   * recognises a certificate the firm holds (recognition works like a presumption of conformity for
   * certified firms, M11).
   */
  public boolean boundByRegulator(World w, Firm f) {
    for (Regulator reg : w.regulators) {
      if (!reg.rulemaking || !f.serves(reg.jurisdiction)) continue;
      if (reg.recognizeCertification && Enforcement.certifiedRecognized(w, f, reg)) continue;
      for (Risk r : w.risks) if (r.active && reg.rules.covers(r)) return true;
    }
    return false;
  }
}
