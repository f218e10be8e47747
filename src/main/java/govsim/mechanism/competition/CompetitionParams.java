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
        int maxFirms,
    // ---- issue 12.4 (race): contestability that can fail
    @Param(
            def = "mean",
            doc =
                "The capability frontier an entrant buys a share of (entrant_capability_factor x Uniform[low, high] of it): mean (the user-weighted mean capability of active firms, the model before issue 12) or leader (the most capable active firm's); it rises as incumbents release.",
            source =
                "setting: issue 12 item 4; what can be bought (open models, hired talent, licensed weights) follows the market")
        CapabilityFrontier entrantCapabilityReference,
    @Param(
            def = "true",
            doc =
                "Whether a would-be entrant (arriving at entry_rate_per_year) decides to enter: logit in firms.decision_intensity on its expected revenue over entry_horizon_years minus entry_cost_years, both in % of an average active firm's annual revenue; false: every arrival enters (the model before issue 12).",
            source =
                "setting: issue 12 item 4 (entry has a cost and is a bounded-rational decision)")
        boolean entryDecision,
    @Param(
            plausibleMin = 0,
            plausibleMax = 3,
            def = "0.5",
            min = 0,
            max = 1000,
            unit = "years of an average firm's revenue",
            doc =
                "Cost of entering (compute, data, talent, distribution), in years of the mean annual revenue of an active firm.",
            source =
                "assumption: training and launching a competitive model costs a sizeable share of an incumbent's yearly revenue")
        double entryCostYears,
    @Param(
            plausibleMin = 1,
            plausibleMax = 4,
            def = "2",
            min = 0,
            max = 100,
            unit = "years",
            doc =
                "Years of revenue a would-be entrant counts, at the user share the users' logit choice would give its capability and the initial reputation against the incumbents (switching costs and the time users take to come are ignored: entrants are optimistic).",
            source = "assumption: entrants plan to recover the entry cost within a few years")
        double entryHorizonYears,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.5,
            def = "0",
            min = 0,
            max = 5,
            doc =
                "Data and scale feedback: a release's capability gain is multiplied by (the firm's users / the mean users of active firms)^elasticity, so that large firms learn faster; 0: every firm's gain is independent of its size (the model before issue 12).",
            source =
                "assumption: scale and data advantages of large platforms (paper §1.1, the 'king-maker'); their size in AI is debated, so 0 is the default and the plausible range reaches 0.5")
        double scaleFeedbackElasticity) {

  public CompetitionParams {
    if (entrantCapabilityLow > entrantCapabilityHigh) {
      throw new IllegalArgumentException(
          "entrant_capability_low must not exceed entrant_capability_high");
    }
  }
}
