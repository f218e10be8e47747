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
        double releaseStepMean) {

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
