package govsim.mechanism.malicious;

import govsim.scenario.Param;

/** Parameters of M12, malicious actors (MODEL.md §4 M12; paper §4.1). */
public record MaliciousParams(
    @Param(
            def = "20",
            min = 0,
            max = 1000000,
            unit = "actors",
            doc = "Malicious actors (for example deepfake fraud operations).",
            source = "assumption")
        int count,
    @Param(
            def = "12",
            min = 0,
            max = 36500,
            unit = "1/year",
            doc = "Rate of attack opportunities of each actor.")
        double opportunityRatePerYear,
    @Param(
            def = "1",
            min = 0,
            max = 1e9,
            unit = "utility",
            doc = "Mean gain of one attack to the actor (exponential across opportunities).")
        double gainMean,
    @Param(
            def = "10",
            min = 0,
            max = 1e12,
            unit = "utility",
            doc = "Penalty when an attack is traced and punished.")
        double penalty,
    @Param(
            def = "3",
            min = 0,
            max = 1000,
            unit = "1/utility",
            doc = "Intensity of the actors' logit attack decision.")
        double decisionIntensity,
    @Param(
            def = "10",
            min = 0,
            max = 1e9,
            unit = "harm/victim",
            doc = "Smallest severity of an attack (Pareto scale).")
        double severityMin,
    @Param(def = "2", min = 1.01, max = 10, doc = "Pareto tail index of attack severity.")
        double severityAlpha,
    @Param(
            def = "0.0002",
            min = 0,
            max = 1,
            unit = "share of users",
            doc =
                "Share of all users harmed by one attack (0.0002: 20 victims among 100,000 users), so that malicious harm scales with the population as incident and practice harm do.",
            source =
                "assumption: 20 victims per attack at the baseline's 100,000 users; per-capita harm then does not depend on the population size")
        double victimShare,
    @Param(
            def = "2",
            min = 0,
            max = 1000,
            doc =
                "Odds multiplier that a victim is information-weak (fraud targets those who notice less).")
        double weakTargeting,
    @Param(
            def = "365",
            min = 0,
            max = 36500,
            unit = "days",
            doc = "A punished actor cannot attack for this long.")
        double incapacitationDays) {}
