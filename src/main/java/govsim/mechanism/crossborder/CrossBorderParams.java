package govsim.mechanism.crossborder;

import govsim.scenario.InvalidKeyException;
import govsim.scenario.Param;
import java.util.List;

/** Parameters of M10, cross-border certification (MODEL.md §4 M10; paper §3.1.6). */
public record CrossBorderParams(
    @Param(
            plausibleMin = 1,
            plausibleMax = 3,
            def = "1",
            min = 1,
            max = 64,
            unit = "jurisdictions",
            doc = "Jurisdictions, each with its own regulator and an equal share of the users.",
            source =
                "setting: one jurisdiction is the baseline world (issue 2); cross-border scenarios set more")
        int jurisdictions,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 0.75,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Chance that a firm also serves each jurisdiction other than its home.")
        double serveAbroadProbability,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 1,
            def = "0.5",
            min = 0,
            max = 100,
            unit = "share",
            doc =
                "Each distinct rule set a firm must satisfy for one risk beyond the first adds this share to its compliance cost.",
            source =
                "assumption; the paper reports certification needed in 34 countries for deployment (WDTA, §3.1.6)")
        double extraRuleSetCost,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 0.75,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "probability",
            doc =
                "Chance that a jurisdiction recognises a given community's certificate (recognised certificates count as that jurisdiction's rule set); used only by recognition_rule random.",
            source =
                "assumption; WDTA certification is recognised for deployment in 34 countries (paper §3.1.6)")
        double recognitionProbability,
    // comm (issue 13 item 6): rule content per jurisdiction, recognition as a decision, entry.
    @Param(
            def = "[]",
            min = 0,
            max = 1,
            plausibleMin = 0.5,
            plausibleMax = 1,
            unit = "share",
            doc =
                "Per jurisdiction (one entry each, in jurisdiction order): stringency of its uniform rules; [] gives every jurisdiction rulemaking.rule_stringency.",
            source = "setting: a choice of the study (jurisdictions differ in rule content)")
        List<Double> ruleStringency,
    @Param(
            def = "[]",
            min = 0,
            max = 36500,
            plausibleMin = 365,
            plausibleMax = 1825,
            unit = "days",
            doc =
                "Per jurisdiction: legislative lag from agenda to a rule in force; [] gives every jurisdiction rulemaking.legislative_lag_days.",
            source = "setting: a choice of the study (jurisdictions differ in rule content)")
        List<Double> legislativeLagDays,
    @Param(
            def = "[]",
            min = 0,
            max = 1e9,
            plausibleMin = 0,
            plausibleMax = 20,
            unit = "harm/affected user",
            doc =
                "Per jurisdiction: it regulates only risks at least this severe, on top of rulemaking.min_severity (which risks it regulates); [] adds no threshold.",
            source = "setting: a choice of the study (jurisdictions differ in rule content)")
        List<Double> minSeverity,
    @Param(
            def = "[]",
            min = 0,
            max = 1e6,
            plausibleMin = 0.1,
            plausibleMax = 10,
            unit = "relative weight",
            doc =
                "Per jurisdiction: relative size of its population (users are drawn into jurisdictions with these weights); [] gives every jurisdiction an equal share.",
            source = "setting: a choice of the study")
        List<Double> userShare,
    @Param(
            def = "decided",
            doc =
                "How jurisdictions come to recognise a community's certificate: random (each jurisdiction independently at formation with recognition_probability, the legacy rule) or decided (each regulator holding the recognition power reviews certificates at recognition_review_rate_per_year and decides, see recognition_review_cost).",
            source =
                "issue 13 item 6: recognition is a regulator's decision; random reproduces the model before issue 13")
        RecognitionRule recognitionRule,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 4,
            def = "1",
            min = 0,
            max = 365,
            unit = "1/year",
            doc =
                "Rate at which a regulator with the recognition power reviews each active community's certificate (recognition_rule decided): an unrecognised one is assessed (at recognition_review_cost), a recognised one is checked for equivalence and withdrawn if it fails.",
            source =
                "assumption: an administration reviews the schemes on its market about once a year")
        double recognitionReviewRatePerYear,
    @Param(
            plausibleMin = 20000,
            plausibleMax = 500000,
            def = "100000",
            min = 0,
            max = 1e12,
            unit = "currency",
            doc =
                "Regulator's cost of assessing one certificate scheme for recognition (paid at each assessment, accepted or not).",
            source =
                "assumption: of the order of half a year of drafting a rule (rulemaking.drafting_cost_per_rule_year)")
        double recognitionReviewCost,
    @Param(
            plausibleMin = 1,
            plausibleMax = 5,
            def = "3",
            min = 0,
            max = 100,
            unit = "years",
            doc =
                "Years of benefit a regulator counts when it weighs recognising a certificate: the compliance and entry costs the recognition saves the certificate's holders, per year, times this.",
            source = "assumption: an administration's planning horizon of a few years")
        double recognitionBenefitYears,
    @Param(
            plausibleMin = 1,
            plausibleMax = 4,
            def = "2",
            min = 0,
            max = 100,
            doc =
                "Bounded rationality of the recognition decision: a certificate is recognised with probability B^k / (B^k + R^k), B the benefit over recognition_benefit_years, R the review cost (k = 0: a coin flip; large k: recognise exactly when B > R).",
            source = "assumption: a noisy administrative cost-benefit test")
        double recognitionDecisionIntensity,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.2,
            def = "0.1",
            min = 0,
            max = 1,
            unit = "stringency",
            doc =
                "Equivalence test: a regulator recognises (and keeps recognising) a certificate only if the community's stringency is at least its own rule stringency minus this.",
            source =
                "WTO Agreement on Technical Barriers to Trade, Art. 6.1: members accept other bodies' conformity assessment when satisfied it offers an assurance of conformity equivalent to their own; the tolerance is an assumption")
        double equivalenceTolerance,
    @Param(
            def = "decided",
            doc =
                "Which jurisdictions a firm serves: fixed (drawn at creation with serve_abroad_probability and kept, the legacy rule) or decided (at each review a firm deciding by logit may enter each jurisdiction it does not serve, weighing the revenue it expects there against entry_cost and the extra compliance cost of that jurisdiction's rules).",
            source =
                "issue 13 item 6: serving a jurisdiction without a recognised certificate or local compliance costs entry; fixed reproduces the model before issue 13")
        MarketEntryRule marketEntry,
    @Param(
            plausibleMin = 10000,
            plausibleMax = 200000,
            def = "50000",
            min = 0,
            max = 1e12,
            unit = "currency",
            doc =
                "One-off cost of entering a jurisdiction (local legal presence, local conformity assessment), spread over entry_amortisation_years in the entry decision and booked as a compliance cost when paid.",
            source =
                "assumption scaled to the baseline world (a mean firm earns 100,000 a year): half a year of its revenue; the impact-assessment study for the EU AI Act (CEPS et al. 2021) put setting up a quality management system at EUR 193,000-330,000, a large share of a small provider's revenue")
        double entryCost,
    @Param(
            plausibleMin = 1,
            plausibleMax = 5,
            def = "2",
            min = 0.01,
            max = 100,
            unit = "years",
            doc = "Years over which a firm spreads the entry cost when it decides to enter.",
            source = "assumption: a short payback period for market entry")
        double entryAmortisationYears,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 1,
            def = "0.8",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of the entry cost saved when the jurisdiction recognises a certificate the firm holds (the certificate stands in for local conformity assessment).",
            source =
                "paper §3.1.6: firms lower cross-border compliance costs through certification (Ant Group passed an EU audit with the WDTA standard); the share is an assumption")
        double recognisedEntryCostSaving,
    @Param(
            plausibleMin = 1,
            plausibleMax = 3,
            def = "2",
            min = 1,
            max = 10,
            doc =
                "Compliance cost of a rule of stringency s is compliance_cost_per_rule x s^exponent (1: linear in stringency, the legacy cost; 2: quadratic, a rising marginal cost of removing hazard); it also shapes members' preferred stringency (issue 13 item 4).",
            source =
                "assumption: convex (quadratic) abatement cost, the textbook form (Weitzman 1974, Prices vs. Quantities); 1 reproduces the model before issue 13")
        double stringencyCostExponent) {

  /** How certificates come to be recognised. */
  public enum RecognitionRule {
    /** Drawn once per jurisdiction at formation (legacy). */
    RANDOM,
    /** Each regulator's decision at its reviews. */
    DECIDED
  }

  /** Which jurisdictions a firm serves. */
  public enum MarketEntryRule {
    /** Drawn at creation and kept (legacy). */
    FIXED,
    /** Firms decide to enter at their reviews. */
    DECIDED
  }

  public CrossBorderParams {
    ruleStringency = List.copyOf(ruleStringency);
    legislativeLagDays = List.copyOf(legislativeLagDays);
    minSeverity = List.copyOf(minSeverity);
    userShare = List.copyOf(userShare);
    perJurisdiction("rule_stringency", ruleStringency.size(), jurisdictions);
    perJurisdiction("legislative_lag_days", legislativeLagDays.size(), jurisdictions);
    perJurisdiction("min_severity", minSeverity.size(), jurisdictions);
    perJurisdiction("user_share", userShare.size(), jurisdictions);
    if (!userShare.isEmpty() && userShare.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw new InvalidKeyException(
          "user_share", "the weights must not all be 0: some jurisdiction must have users");
    }
  }

  private static void perJurisdiction(String key, int size, int jurisdictions) {
    if (size != 0 && size != jurisdictions) {
      throw new InvalidKeyException(
          key,
          "has "
              + size
              + (size == 1 ? " entry" : " entries")
              + " but cross_border.jurisdictions is "
              + jurisdictions
              + ": give one entry per jurisdiction, in jurisdiction order, or [] for the same"
              + " value everywhere");
    }
  }

  /** Jurisdiction j's entry of a per-jurisdiction list, or {@code fallback} if the list is []. */
  public static double of(List<Double> list, int j, double fallback) {
    return list.isEmpty() ? fallback : list.get(j);
  }
}
