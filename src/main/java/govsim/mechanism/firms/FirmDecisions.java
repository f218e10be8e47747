package govsim.mechanism.firms;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.Governance;
import govsim.mechanism.assurance.AssuranceParams;
import govsim.mechanism.community.CommunityChoice;
import govsim.mechanism.community.CommunityChoiceParams;
import govsim.mechanism.community.CommunityParams;
import govsim.mechanism.community.Membership;
import govsim.mechanism.crossborder.ComplianceCost;
import govsim.mechanism.crossborder.MarketEntry;
import govsim.mechanism.enforcement.Enforcement;
import govsim.mechanism.reputation.Backlash;
import govsim.mechanism.reputation.BacklashBelief;
import govsim.mechanism.reputation.PracticeParams;
import govsim.mechanism.reputation.ReputationParams;
import govsim.mechanism.risk.HazardBelief;
import govsim.mechanism.risk.RiskParams;
import govsim.mechanism.rulemaking.ConformityScope;
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
 * the difference in their window profits. Logit firms also choose their R&D share and release
 * posture at each review ({@link Investment}; with firms.investment.posture_choice off they keep
 * the posture they started with). Firms do not foresee how users would react to the practice beyond
 * their belief in a backlash (they learn it from their own outcries): the Yuanbao terms surprised
 * their authors.
 */
public final class FirmDecisions implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

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
  // comm (issue 13 items 4, 6): market entry and the scratch of the choice among communities.
  private final MarketEntry entry;
  private double[] joinValues = new double[8];
  private Community[] joinOptions = new Community[8];
  private final Investment investment; // issue 12.2 (race)

  /** Decisions without data and scale feedback (competition.scale_feedback_elasticity 0). */
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
    this(fp, practice, rep, users, risks, assurance, community, enforcement, synergy, cost, 0.0);
  }

  /**
   * @param scaleFeedbackElasticity competition.scale_feedback_elasticity (M9's data and scale
   *     feedback, which firms' investment decisions anticipate)
   */
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
      ComplianceCost cost,
      double scaleFeedbackElasticity) {
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
    this.investment = new Investment(fp, risks, users, scaleFeedbackElasticity);
    this.learning = new SocialLearning(fp, investment);
    this.entry = new MarketEntry(cost, fp.revenuePerUserYear(), users);
  }

  /** The R&D and posture rules (issue 12.2), for release handling. */
  public Investment investment() {
    return investment;
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
    entry.review(w, f, rng, fp.decisionIntensity());
    // issue 12.2 (race): R&D share and release posture, one logit choice.
    double hazardCost = investment.params().postureChoice() ? unsafeCost(w, f, outlook) : 0.0;
    investment.review(w, f, rng, outlook.totalUsers, hazardCost);
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
    // Guidelines (M11 soft signals) multiply the expected outcry (1 without one).
    value +=
        avoided
            * expectedOutcriesPerIncident(w, f, r)
            * rep.outcryLoss()
            * fp.reputationValue()
            * synergy.riskBacklashMultiplier(f, r);
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

  // issue 12.1 (resp): expected backlash, learned (smooth) or the legacy step.
  /**
   * Outcries the firm expects from one incident of risk r. Learned: min(1, belief x visibility),
   * the belief of {@link BacklashBelief#incidentRate}. Legacy: 1 if visibility x mean information
   * capability x voice exceeds the outcry threshold (per day of the step), else 0.
   */
  public double expectedOutcriesPerIncident(World w, Firm f, Risk r) {
    if (rep.expectedBacklash() == ReputationParams.ExpectedBacklash.LEARNED) {
      return Math.min(
          1.0, BacklashBelief.incidentRate(rep, w, f) * r.visibility * r.signalNoticeFactor);
    }
    // Users notice a guided risk's incidents more (M11 soft signals; factor 1 without one).
    double complainShare =
        Math.min(1.0, r.visibility * r.signalNoticeFactor)
            * meanCapability()
            * users.voicePropensity();
    return complainShare > rep.outcryThresholdShare() * w.dtDays ? 1.0 : 0.0;
  }

  /**
   * Outcries per year the firm expects if it keeps the practice. Learned: the belief of {@link
   * BacklashBelief#practiceRate}. Legacy: firms.backlash_belief as learned by its own outcries.
   */
  public double expectedPracticeOutcries(World w, Firm f) {
    return rep.expectedBacklash() == ReputationParams.ExpectedBacklash.LEARNED
        ? BacklashBelief.practiceRate(rep, w, f)
        : f.backlashBelief;
  }

  /** Value of adopting the harmful practice, % of annual revenue per year. */
  public double practiceValue(World w, Firm f) {
    return practice.revenueShare() * 100.0
        - f.alignment * fp.harmAversion() * practice.harmPerUserDay() * Draws.DAYS_PER_YEAR
        - expectedPracticeOutcries(w, f)
            * f.backlashSignalFactor
            * rep.outcryLoss()
            * fp.reputationValue();
  }

  private void decidePractice(World w, Firm f, MersenneTwisterFast rng) {
    if (Backlash.responding(f)) return;
    if (!f.practice && w.now < f.noPracticeUntilDay) return;
    boolean want = rng.nextDouble() < Draws.logistic(fp.decisionIntensity() * practiceValue(w, f));
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
    if (community.choice().joinRule() == CommunityChoiceParams.JoinRule.LOGIT) {
      joinByLogit(w, f, rng, outlook);
      return;
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
   * Competing communities (issue 13 item 4): a multinomial logit over staying out and every
   * community the firm may join, on their membership values ({@link CommunityChoice#chooseLogit}).
   */
  private void joinByLogit(World w, Firm f, MersenneTwisterFast rng, Outlook outlook) {
    int n = 0;
    for (Community com : w.communities) {
      if (!com.active || f.memberships.get(com.id) || f.bannedFrom(com.id, w.now)) continue;
      if (n == joinValues.length) {
        joinValues = java.util.Arrays.copyOf(joinValues, 2 * n);
        joinOptions = java.util.Arrays.copyOf(joinOptions, 2 * n);
      }
      joinValues[n] = membershipValue(w, f, com, true, outlook);
      joinOptions[n] = com;
      n++;
    }
    if (n == 0) return;
    int k = CommunityChoice.chooseLogit(joinValues, n, fp.decisionIntensity(), rng.nextDouble());
    if (k >= 0) Membership.join(w, f, joinOptions[k]);
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
    // One binding's components for all the firm's risks (accounting asks every step).
    Governance.Scratch scratch = new Governance.Scratch();
    for (int r = f.mitigates.nextSetBit(0); r >= 0; r = f.mitigates.nextSetBit(r + 1)) {
      Risk risk = w.risks.get(r);
      if (!risk.active) continue;
      boolean governed = Governance.bind(w, f, risk, -1, -1, scratch);
      double percent = cost.annualPercent(scratch);
      total += percent;
      if (governed) risk.controlCost += currencyPerPercent * percent;
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
    return Conformity.applies(w, f, ConformityScope.BOUND, false);
  }

  // ---- issue 12.2 (race): what the unsafe posture costs a firm

  /**
   * H of {@link Investment}: the expected yearly cost, % of annual revenue per year, of the
   * incidents of the firm's known active risks at their base hazard (the unsafe posture adds
   * (unsafe_hazard_multiplier - 1) H): each risk's residual hazard per year (1 unmitigated, 1 -
   * efficacy mitigated) times the cost of one incident, {@link #incidentCost}.
   */
  public double unsafeCost(World w, Firm f, Outlook outlook) {
    double total = 0.0;
    for (Risk r : w.risks) {
      if (!r.active || !r.known) continue;
      Governance.Binding b = Governance.of(w, f, r);
      double perYear = Investment.residualHazardPerYear(f, r, b, fp.voluntaryMitigationEfficacy());
      if (perYear > 0) total += perYear * incidentCost(w, f, r, outlook);
    }
    return total;
  }

  /**
   * What one incident of the risk costs the firm, % of annual revenue: harm to its users weighed by
   * alignment (as in {@link #mitigationValue}), the expected outcry loss (mitigationValue's outcry
   * term: {@link #expectedOutcriesPerIncident} times the reputation an outcry costs), and, if the
   * firm violates a regulator rule on a severe risk, the expected sanction of the ex-post
   * investigation (fine x penalty multiplier, published sanction, revocation).
   */
  public double incidentCost(World w, Firm f, Risk r, Outlook outlook) {
    double cost = f.alignment * fp.harmAversion() * r.severity * risks.exposureShare();
    // The expected outcry of one incident, exactly as in mitigationValue (learned or legacy, and
    // a guideline's multiplier); the legacy step without a guideline is the rule before session 5.
    cost +=
        expectedOutcriesPerIncident(w, f, r)
            * rep.outcryLoss()
            * fp.reputationValue()
            * synergy.riskBacklashMultiplier(f, r);
    if (f.mitigates.get(r.id)
        || r.severity < risks.severeThreshold()
        || !enforcement.params().investigateSevereIncidents()) return cost;
    double age = w.now - r.emergedDay;
    for (Regulator reg : w.regulators) {
      if (!reg.enforcement || !f.serves(reg.jurisdiction)) continue;
      Rule rule = reg.rules.inForce(r.id);
      if (rule == null || !rule.covers(r)) continue;
      double fear = synergy.perceivedSanctionMultiplier(reg, outlook.signalled[f.id]);
      double fine = enforcement.params().fineRevenueShare() * 100.0;
      double published = rep.sanctionLoss() * fp.reputationValue();
      double revocation =
          enforcement.params().revocation()
              ? 100.0 * fp.revocationLossYears() / Math.max(1, Long.bitCount(f.servesMask))
              : 0.0;
      cost +=
          fear
              * enforcement.detection(age)
              * (fine * synergy.penaltyMultiplier(reg) + published + revocation);
    }
    return cost;
  }
}
