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
    @Param(def = "20", min = 0, max = 1e9, unit = "users", doc = "Users harmed by one attack.")
        double victimsPerAttack,
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
