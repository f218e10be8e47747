package govsim.mechanism.competition;

import govsim.scenario.Param;

/** Parameters of M9, competition and contestability (MODEL.md §4 M9; paper §3.1.5). */
public record CompetitionParams(
    @Param(def = "1", min = 0, max = 1000, unit = "1/year", doc = "Rate at which a new firm enters.",
        source = "assumption: about one entrant a year; contestability (paper §3.1.5)")
    double entryRatePerYear,
    @Param(def = "1", min = 0, max = 10,
        doc = "Entrant's capability relative to the user-weighted mean capability (times Uniform[0.8, 1.2]).")
    double entrantCapabilityFactor,
    @Param(def = "0.002", min = 0, max = 1, unit = "share of users",
        doc = "A firm whose user share stays below this for exit_grace_days exits.")
    double exitShare,
    @Param(def = "180", min = 0, max = 36500, unit = "days", doc = "How long a firm may stay below exit_share.")
    double exitGraceDays,
    @Param(def = "200", min = 1, max = 100000, unit = "firms",
        doc = "Most firms that can ever exist in a run (initial plus entrants); entry stops there.")
    int maxFirms) {}
