package govsim.mechanism.reputation;

import govsim.scenario.Param;

/**
 * The user-visible harmful practice of M5/M6 (for example data-use terms that claim users'
 * content): what it earns the firm, how it harms users and how visible it is (paper §3.1.2).
 */
public record PracticeParams(
    @Param(
            plausibleMin = 0.15,
            plausibleMax = 0.6,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "probability",
            doc =
                "Chance that an informed user of the firm notices one practice incident (a news item, a viral post).",
            source =
                "assumption: the market-kernel benchmark specification's notice probability 0.3 (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double visibility,
    @Param(
            plausibleMin = 0.02,
            plausibleMax = 0.1,
            def = "0.0408",
            min = 0,
            max = 1000,
            unit = "1/day",
            doc =
                "Rate of practice incidents while the practice is in place (0.0408/day ~ a 4% daily chance).",
            source =
                "assumption: the market-kernel benchmark specification's incident probability 0.05/day while the practice lasts, 0.04 of it from the practice (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double incidentRatePerDay,
    @Param(
            plausibleMin = 0.001,
            plausibleMax = 0.004,
            def = "0.002",
            min = 0,
            max = 1e6,
            unit = "harm/user/day",
            doc = "Harm borne by each user of a firm while it keeps the practice (low severity).")
        double harmPerUserDay,
    @Param(
            plausibleMin = 0.05,
            plausibleMax = 0.2,
            def = "0.1",
            min = 0,
            max = 10,
            unit = "share of revenue",
            doc = "Extra revenue the practice earns the firm.",
            source = "assumption: what user-hostile terms (e.g. a licence to users' content) earn")
        double revenueShare,
    @Param(
            plausibleMin = 180,
            plausibleMax = 730,
            def = "365",
            min = 0,
            max = 36500,
            unit = "days",
            doc = "After revising, a firm does not consider the practice again for this long.")
        double readoptCooldownDays) {}
