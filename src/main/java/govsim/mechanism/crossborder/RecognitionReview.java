package govsim.mechanism.crossborder;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.Governance;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;

/**
 * M10/M11 — recognising a community's certificate is a regulator's decision (issue 13 item 6;
 * MODEL.md §4 M10; paper §3.1.6), under cross_border.recognition_rule decided.
 *
 * <p>Each regulator holding the recognition power (synergy.recognize_certification) reviews each
 * active community's certificate at recognition_review_rate_per_year. An unrecognised certificate
 * is assessed at recognition_review_cost: if the community's stringency passes the equivalence test
 * (at least the jurisdiction's rule stringency minus equivalence_tolerance; WTO TBT Art. 6.1), the
 * regulator weighs the benefit B, what recognition would save the certificate's holders over
 * recognition_benefit_years (the compliance cost of its own rule set on the risks both the
 * community's standards and its rules cover, as if each member served the jurisdiction; and the
 * entry cost saved by members not yet serving it), against the review cost R, and recognises with
 * probability {@code B^k / (B^k + R^k)} (bounded rationality, k the decision intensity). A
 * recognised certificate is checked for equivalence at each review (free: the community's
 * stringency is public) and withdrawn if it fails, as a community's stringency moves with its
 * members.
 */
public final class RecognitionReview implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final CrossBorderParams p;
  private final ComplianceCost cost;
  private final double revenuePerUserYear;

  public RecognitionReview(CrossBorderParams p, ComplianceCost cost, double revenuePerUserYear) {
    this.p = p;
    this.cost = cost;
    this.revenuePerUserYear = revenuePerUserYear;
  }

  /** Whether the regulators decide (recognition_rule decided). */
  public boolean decides() {
    return p.recognitionRule() == CrossBorderParams.RecognitionRule.DECIDED;
  }

  public void step(World w, MersenneTwisterFast rng) {
    if (!decides()) return;
    double review = Draws.stepProbabilityPerYear(p.recognitionReviewRatePerYear(), w.dtDays);
    for (Regulator reg : w.regulators) {
      if (!reg.recognizeCertification) continue;
      for (Community c : w.communities) {
        if (!c.active || rng.nextDouble() >= review) continue;
        review(w, rng, reg, c);
      }
    }
  }

  /** One review of community c's certificate by regulator reg. */
  void review(World w, MersenneTwisterFast rng, Regulator reg, Community c) {
    int j = reg.jurisdiction;
    boolean equivalent = equivalent(reg, c);
    if (c.recognizedBy(j)) {
      if (!equivalent) {
        c.recognizedMask &= ~(1L << j);
        w.log(EventKind.RECOGNITION, -1, c.id, -1, j, c.stringency, "withdrawn: not equivalent");
      }
      return;
    }
    w.tally.costRegulator += p.recognitionReviewCost();
    if (!equivalent) {
      w.log(EventKind.RECOGNITION, -1, c.id, -1, j, 0.0, "rejected: not equivalent");
      return;
    }
    double benefit = benefitPerYear(w, reg, c) * p.recognitionBenefitYears();
    double prob = probability(benefit, p.recognitionReviewCost(), p.recognitionDecisionIntensity());
    if (rng.nextDouble() < prob) {
      c.recognizedMask |= 1L << j;
      w.log(EventKind.RECOGNITION, -1, c.id, -1, j, benefit, "recognised");
    } else {
      w.log(EventKind.RECOGNITION, -1, c.id, -1, j, benefit, "rejected: not worth it");
    }
  }

  /** The equivalence test: stringency at least the jurisdiction's own minus the tolerance. */
  public boolean equivalent(Regulator reg, Community c) {
    return c.stringency >= reg.ruleStringency - p.equivalenceTolerance() - 1e-12;
  }

  /**
   * The chance of recognising, {@code B^k / (B^k + R^k)}: 0 if B is 0 (nobody would gain), 1 if R
   * is 0 and B is positive, 1/2 if k is 0 (and B positive).
   */
  public static double probability(double benefit, double reviewCost, double intensity) {
    if (!(benefit > 0)) return 0.0;
    if (!(reviewCost > 0)) return 1.0;
    // B^k / (B^k + R^k) = 1 / (1 + (R/B)^k), computed on the ratio so it cannot overflow.
    return 1.0 / (1.0 + Math.pow(reviewCost / benefit, intensity));
  }

  /**
   * What recognising c in reg's jurisdiction saves c's active members per year (currency): each
   * member's annual revenue times the compliance cost (% of revenue) recognition would save it on
   * the jurisdiction's rules if it served the jurisdiction ({@link #savingPercent}), plus, for a
   * member not serving the jurisdiction and when firms decide on entry, the share of the entry cost
   * a recognised certificate saves, spread over the amortisation years.
   */
  public double benefitPerYear(World w, Regulator reg, Community c) {
    double total = 0.0;
    boolean entry = p.marketEntry() == CrossBorderParams.MarketEntryRule.DECIDED;
    for (int m = c.members.nextSetBit(0); m >= 0; m = c.members.nextSetBit(m + 1)) {
      Firm f = w.firms.get(m);
      if (!f.active) continue;
      double revenue = f.users * revenuePerUserYear;
      total += revenue * savingPercent(w, f, c, reg) / 100.0;
      if (entry && !f.serves(reg.jurisdiction)) {
        total += p.entryCost() * p.recognisedEntryCostSaving() / p.entryAmortisationYears();
      }
    }
    return total;
  }

  /**
   * Compliance cost (% of annual revenue per year) that firm f, a member of c, would save on the
   * rules of reg's jurisdiction if it served it and the jurisdiction recognised c's certificate:
   * the sum over active risks covered by both c's standards and reg's rules of the cost without
   * recognition less the cost with it ({@link ComplianceCost#annualPercent}). The firm's licenses
   * and c's recognitions are set for the comparison and restored.
   */
  public double savingPercent(World w, Firm f, Community c, Regulator reg) {
    long serves = f.servesMask;
    long recognized = c.recognizedMask;
    long bit = 1L << reg.jurisdiction;
    double saving = 0.0;
    try {
      f.servesMask = serves | bit;
      for (Risk r : w.risks) {
        if (!r.active || !reg.rules.covers(r) || !c.standards.covers(r)) continue;
        c.recognizedMask = recognized & ~bit;
        double without = cost.annualPercent(Governance.of(w, f, r));
        c.recognizedMask = recognized | bit;
        double with = cost.annualPercent(Governance.of(w, f, r));
        saving += without - with;
      }
    } finally {
      f.servesMask = serves;
      c.recognizedMask = recognized;
    }
    return saving;
  }
}
