package govsim.mechanism.risk;

import govsim.scenario.Param;

/** Parameters of M1, technology and risk emergence (MODEL.md §4 M1; paper §1.1, §1.2). */
public record RiskParams(
    @Param(
            plausibleMin = 5,
            plausibleMax = 20,
            def = "10",
            min = 0,
            max = 10000,
            unit = "risks",
            doc = "Known risks present at the start of the run (emerged on day 0).",
            source = "assumption")
        int initialCount,
    @Param(
            plausibleMin = 6,
            plausibleMax = 24,
            def = "12",
            min = 0,
            max = 10000,
            unit = "1/year",
            doc = "Rate at which novel risks emerge (Poisson process).",
            source =
                "assumption: about one new risk class a month; the paper cites 200+ guideline documents 2016-2022 (§1.2)")
        double arrivalRatePerYear,
    @Param(
            plausibleMin = 1.5,
            plausibleMax = 3,
            def = "2",
            min = 1.01,
            max = 10,
            doc =
                "Pareto tail index of risk severity; smaller means heavier tails (mean exists above 1, variance above 2).",
            source = "assumption: heavy-tailed harms (§1.1 'black swan')")
        double severityParetoAlpha,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0.001,
            max = 1e6,
            unit = "harm/affected user",
            doc = "Smallest severity of a risk (Pareto scale).")
        double severityMin,
    @Param(
            plausibleMin = 5,
            plausibleMax = 20,
            def = "10",
            min = 0,
            max = 1e9,
            unit = "harm/affected user",
            doc = "Severity at or above which an incident counts as severe harm.")
        double severeThreshold,
    @Param(
            plausibleMin = 0.001,
            plausibleMax = 0.005,
            def = "0.002",
            min = 0,
            max = 1,
            unit = "probability",
            doc =
                "Lowest visibility of a risk: chance that a fully informed user of the firm notices one incident.")
        double visibilityMin,
    @Param(
            plausibleMin = 0.015,
            plausibleMax = 0.06,
            def = "0.03",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Highest visibility of a risk (visibility ~ Uniform[min, max]).")
        double visibilityMax,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of novel risks that are Knightian: unknown to everyone until their first incident.",
            source = "assumption; the risk/uncertainty distinction is the paper's (§1.1, Knight)")
        double knightianShare,
    @Param(
            plausibleMin = 1,
            plausibleMax = 4,
            def = "2",
            min = 0,
            max = 36500,
            unit = "1/year",
            doc = "Incident rate of one risk at one firm that does not mitigate it.",
            source = "assumption")
        double hazardPerFirmYear,
    @Param(
            plausibleMin = 0.005,
            plausibleMax = 0.02,
            def = "0.01",
            min = 0,
            max = 1,
            unit = "share",
            doc = "Share of a firm's users harmed by one incident.")
        double exposureShare,
    @Param(
            plausibleMin = 5,
            plausibleMax = 20,
            def = "10",
            min = 0.01,
            max = 1e9,
            unit = "years",
            doc =
                "Mean lifetime of a risk (exponential); a retired risk no longer causes incidents.")
        double lifetimeYearsMean,
    @Param(
            plausibleMin = 2,
            plausibleMax = 6,
            def = "4",
            min = 0,
            max = 365,
            unit = "1/year",
            doc = "Rate of a firm's model releases; each release raises its capability.",
            source = "assumption: quarterly releases, typical of frontier labs 2023-2025")
        double releaseRatePerYear,
    @Param(
            plausibleMin = 0.025,
            plausibleMax = 0.1,
            def = "0.05",
            min = 0,
            max = 10,
            unit = "capability",
            doc = "Mean capability gain of one release (exponential), before regulatory crowd-out.")
        double releaseStepMean,
    // issue 13 items 1-2 (know): heterogeneous hazards, Gamma-Poisson beliefs, rules written for
    // the believed hazard, entrenchment (Collingridge).
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 1.5,
            def = "1",
            min = 0,
            max = 5,
            doc =
                "Heterogeneity of hazards: each risk's hazard is hazard_per_firm_year times a lognormal multiplier exp(s Z - s^2/2) of mean 1, s this key (0: every risk has the same hazard, as before).",
            source =
                "assumption: incident counts across AI harm classes are highly skewed (AI Incident Database); s = 1 puts 95% of multipliers in [0.09, 4.3]")
        double hazardHeterogeneity,
    @Param(
            def = "gamma_poisson",
            doc =
                "What firms, communities and regulators know about a risk's hazard: none (they know the true hazard once the risk is known, as before) or gamma_poisson (a Gamma belief updated by the incidents each observes).",
            source =
                "setting: Knightian uncertainty and learning from incidents (paper §1.1; MODEL.md §10)")
        BeliefModel beliefs,
    @Param(
            plausibleMin = 5,
            plausibleMax = 50,
            def = "20",
            min = 0.01,
            max = 1e6,
            unit = "pseudo-incidents",
            doc =
                "Shape of the Gamma prior on a known risk's hazard, centred on its true hazard (coefficient of variation 1/sqrt(shape)).",
            source =
                "assumption: a known risk's rate is known to about +-22% (shape 20), as from a few firm-decades of records")
        double knownPriorShape,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 2,
            def = "0.5",
            min = 0.001,
            max = 1e6,
            unit = "pseudo-incidents",
            doc =
                "Shape of the vague Gamma prior on a Knightian risk's hazard, centred on hazard_per_firm_year (the mean over risks), not on the risk's own hazard; smaller is vaguer.",
            source =
                "assumption: nothing is known of a novel risk's rate but the typical rate (§1.1 uncertainty vs risk)")
        double knightianPriorShape,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 1,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of incidents at the firms serving a jurisdiction that reach its regulator (reported or inspected); enters the regulator's belief as a likelihood of that weight.",
            source =
                "assumption: regulators see a minority of incidents (paper §1.2, information asymmetry); serious-incident reporting, EU AI Act Art. 73, covers only high-risk systems")
        double regulatorObservedShare,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 1.5,
            def = "1",
            min = 0,
            max = 5,
            doc =
                "Elasticity of a rule's or standard's stringency to the hazard it is written for: stringency = min(1, nominal x (believed hazard / hazard_per_firm_year)^elasticity); 0 writes every rule at its nominal stringency, as before.",
            source =
                "assumption for the value; proportionality to risk is the EU AI Act's risk-based approach (Recital 26)")
        double ruleHazardElasticity,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.95,
            def = "0",
            min = 0,
            max = 0.999,
            unit = "probability",
            doc =
                "Precautionary regulator: writes its rules for this upper quantile of its belief about the hazard instead of the belief's mean (0: the mean).",
            source = "setting: the precautionary principle as an option (paper §1.2)")
        double precautionaryQuantile,
    @Param(
            plausibleMin = 0,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 100,
            doc =
                "Entrenchment by exposure: a rule's compliance cost is multiplied by (1 + a x exposed share), the share of users whose provider ran the risk unmitigated when the rule came into force (0: no effect, as before).",
            source =
                "assumption for the value; Collingridge (1980), The Social Control of Technology: control costs grow as a technology is entrenched")
        double entrenchmentExposureCoefficient,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.5,
            def = "0.2",
            min = 0,
            max = 100,
            unit = "1/year",
            doc =
                "Entrenchment by age: a rule's compliance cost is also multiplied by (1 + b x years from the risk's emergence to the rule's coming into force) (0: no effect, as before).",
            source =
                "assumption for the value; Collingridge (1980): when the need for control is clear, change is expensive")
        double entrenchmentYearCoefficient) {

  public RiskParams {
    if (visibilityMin > visibilityMax) {
      throw new IllegalArgumentException(
          "visibility_min ("
              + visibilityMin
              + ") must not exceed visibility_max ("
              + visibilityMax
              + ")");
    }
  }
}
