package govsim.mechanism.assurance;

import govsim.scenario.Param;

/**
 * Parameters of M8, technical assurance: audits, detection, expulsion (MODEL.md §4 M8; paper
 * §3.1.4).
 */
public record AssuranceParams(
    @Param(
            plausibleMin = 0.4,
            plausibleMax = 0.7,
            def = "0.6",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Lowest assurance level: chance that an audit detects a violated standard.",
            source = "assumption: technical assurance as the basis of trust (paper §3.1.4)")
        double assuranceMin,
    @Param(
            plausibleMin = 0.8,
            plausibleMax = 0.95,
            def = "0.9",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Highest assurance level (assurance ~ Uniform[min, max] per community).")
        double assuranceMax,
    @Param(
            plausibleMin = 1,
            plausibleMax = 4,
            def = "2",
            min = 0,
            max = 365,
            unit = "1/year",
            doc = "Audits of each member per year.",
            source =
                "assumption: semi-annual surveillance audits, common in ISO/IEC 42001-style certification")
        double auditRatePerYear,
    @Param(
            def = "true",
            doc = "Whether a detected violator is expelled and the expulsion publicised.")
        boolean expelOnViolation,
    @Param(
            plausibleMin = 180,
            plausibleMax = 730,
            def = "365",
            min = 0,
            max = 36500,
            unit = "days",
            doc = "An expelled firm may not rejoin that community for this long.")
        double rejoinBanDays,
    @Param(
            plausibleMin = 2500,
            plausibleMax = 10000,
            def = "5000",
            min = 0,
            max = 1e12,
            unit = "currency",
            doc = "Community's cost of one audit.")
        double costPerAudit) {

  public AssuranceParams {
    if (assuranceMin > assuranceMax) {
      throw new IllegalArgumentException("assurance_min must not exceed assurance_max");
    }
  }
}
