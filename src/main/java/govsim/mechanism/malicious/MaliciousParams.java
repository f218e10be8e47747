package govsim.mechanism.malicious;

import govsim.scenario.Param;

/** Parameters of M12, malicious actors (MODEL.md §4 M12; paper §4.1). */
public record MaliciousParams(
    @Param(
            plausibleMin = 10,
            plausibleMax = 40,
            def = "20",
            min = 0,
            max = 1000000,
            unit = "actors",
            doc = "Malicious actors (for example deepfake fraud operations).",
            source = "assumption")
        int count,
    @Param(
            plausibleMin = 6,
            plausibleMax = 24,
            def = "12",
            min = 0,
            max = 36500,
            unit = "1/year",
            doc = "Rate of attack opportunities of each actor.")
        double opportunityRatePerYear,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 1e9,
            unit = "utility",
            doc = "Mean gain of one attack to the actor (exponential across opportunities).")
        double gainMean,
    @Param(
            plausibleMin = 5,
            plausibleMax = 20,
            def = "10",
            min = 0,
            max = 1e12,
            unit = "utility",
            doc = "Penalty when an attack is traced and punished.")
        double penalty,
    @Param(
            plausibleMin = 1,
            plausibleMax = 5,
            def = "3",
            min = 0,
            max = 1000,
            unit = "1/utility",
            doc = "Intensity of the actors' logit attack decision.")
        double decisionIntensity,
    @Param(
            plausibleMin = 5,
            plausibleMax = 20,
            def = "10",
            min = 0,
            max = 1e9,
            unit = "harm/victim",
            doc = "Smallest severity of an attack (Pareto scale).")
        double severityMin,
    @Param(
            plausibleMin = 1.5,
            plausibleMax = 3,
            def = "2",
            min = 1.01,
            max = 10,
            doc = "Pareto tail index of attack severity.")
        double severityAlpha,
    @Param(
            plausibleMin = 5e-5,
            plausibleMax = 1e-3,
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
            plausibleMin = 1,
            plausibleMax = 4,
            def = "2",
            min = 0,
            max = 1000,
            doc =
                "Odds multiplier that a victim is information-weak (fraud targets those who notice less).")
        double weakTargeting,
    @Param(
            plausibleMin = 180,
            plausibleMax = 730,
            def = "365",
            min = 0,
            max = 36500,
            unit = "days",
            doc = "A punished actor cannot attack for this long.")
        double incapacitationDays,
    // issue 12.5 (misuse): attacks run through a provider's model and its safeguards.
    @Param(
            def = "weakest",
            doc =
                "Whose model an attack uses: weakest (a logit choice favouring low safeguards), largest (the provider with most users), random (any provider serving the actor's jurisdiction, equally likely), or none (no provider: safeguards play no part, the model before issue 12).",
            source =
                "assumption: fraud operations shop for the least-guarded tool (jailbroken and 'uncensored' models sold for fraud, such as WormGPT in 2023), knowing safeguards only roughly")
        Targeting targeting,
    @Param(
            plausibleMin = 2,
            plausibleMax = 30,
            def = "10",
            min = 0,
            max = 1000,
            unit = "1/safeguard level",
            doc =
                "Targeting weakest: a provider's weight is exp(-intensity x its safeguard level); 10 makes a provider 0.1 weaker e times as likely (0: random).",
            source = "assumption: attackers probe providers and share what works, imperfectly")
        double targetingIntensity,
    @Param(doc = "Providers' misuse safeguards (used unless targeting is none).")
        SafeguardParams safeguards) {}
