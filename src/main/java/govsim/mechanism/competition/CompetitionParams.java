package govsim.mechanism.competition;

import govsim.scenario.Param;

/** Parameters of M9, competition and contestability (MODEL.md §4 M9; paper §3.1.5). */
public record CompetitionParams(
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 1000,
            unit = "1/year",
            doc = "Rate at which a new firm enters.",
            source = "assumption: about one entrant a year; contestability (paper §3.1.5)")
        double entryRatePerYear,
    @Param(
            plausibleMin = 0.8,
            plausibleMax = 1.2,
            def = "1",
            min = 0,
            max = 10,
            doc =
                "Entrant's capability relative to the user-weighted mean capability (times Uniform[entrant_capability_low, entrant_capability_high]).")
        double entrantCapabilityFactor,
    @Param(
            plausibleMin = 0.6,
            plausibleMax = 0.9,
            def = "0.8",
            min = 0,
            max = 10,
            doc =
                "Lowest draw of the entrant's capability band (a factor on entrant_capability_factor x mean capability).",
            source =
                "assumption: entrants come within about 20% of the market's capability, near the frontier (paper §3.1.5)")
        double entrantCapabilityLow,
    @Param(
            plausibleMin = 1.1,
            plausibleMax = 1.4,
            def = "1.2",
            min = 0,
            max = 10,
            doc = "Highest draw of the entrant's capability band.",
            source =
                "assumption: entrants come within about 20% of the market's capability, near the frontier (paper §3.1.5)")
        double entrantCapabilityHigh,
    @Param(
            plausibleMin = 0.001,
            plausibleMax = 0.005,
            def = "0.002",
            min = 0,
            max = 1,
            unit = "share of users",
            doc = "A firm whose user share stays below this for exit_grace_days exits.")
        double exitShare,
    @Param(
            plausibleMin = 90,
            plausibleMax = 365,
            def = "180",
            min = 0,
            max = 36500,
            unit = "days",
            doc = "How long a firm may stay below exit_share.")
        double exitGraceDays,
    @Param(
            plausibleMin = 100,
            plausibleMax = 400,
            def = "200",
            min = 1,
            max = 100000,
            unit = "firms",
            doc =
                "Most firms that can ever exist in a run (initial plus entrants); entry stops there.")
        int maxFirms) {

  public CompetitionParams {
    if (entrantCapabilityLow > entrantCapabilityHigh) {
      throw new IllegalArgumentException(
          "entrant_capability_low must not exceed entrant_capability_high");
    }
  }
}
