package govsim.mechanism.reputation;

import govsim.scenario.Param;

/**
 * The user-visible harmful practice of M5/M6 (for example data-use terms that claim users'
 * content): what it earns the firm, how it harms users and how visible it is (paper §3.1.2).
 */
public record PracticeParams(
    @Param(
            def = "0.3",
            min = 0,
            max = 1,
            unit = "probability",
            doc =
                "Chance that an informed user of the firm notices one practice incident (a news item, a viral post).",
            source = "market-kernel benchmark specification (notice probability 0.3)")
        double visibility,
    @Param(
            def = "0.0408",
            min = 0,
            max = 1000,
            unit = "1/day",
            doc =
                "Rate of practice incidents while the practice is in place (0.0408/day ~ a 4% daily chance).",
            source =
                "market-kernel benchmark specification (incident probability 0.05/day while the practice lasts)")
        double incidentRatePerDay,
    @Param(
            def = "0.002",
            min = 0,
            max = 1e6,
            unit = "harm/user/day",
            doc = "Harm borne by each user of a firm while it keeps the practice (low severity).")
        double harmPerUserDay,
    @Param(
            def = "0.1",
            min = 0,
            max = 10,
            unit = "share of revenue",
            doc = "Extra revenue the practice earns the firm.",
            source = "assumption: what user-hostile terms (e.g. a licence to users' content) earn")
        double revenueShare,
    @Param(
            def = "365",
            min = 0,
            max = 36500,
            unit = "days",
            doc = "After revising, a firm does not consider the practice again for this long.")
        double readoptCooldownDays) {}
