package govsim.mechanism.reputation;

import govsim.scenario.Param;

/** Parameters of M5, reputation and backlash (MODEL.md §4 M5; paper §3.1.2). */
public record ReputationParams(
    @Param(
            def = "1",
            min = 0,
            max = 1,
            doc = "Reputation of every firm at the start and of entrants.",
            source = "market-kernel benchmark specification")
        double initial,
    @Param(
            def = "0.01",
            min = 0,
            max = 1,
            unit = "share of users per day",
            doc =
                "Public outcry when a firm's complaints in one step exceed this share of its users at the start of the step per day of the step (threshold x dt_days), so the threshold does not change with the step length.",
            source = "market-kernel benchmark specification (shared/bench/market-kernel.md)")
        double outcryThresholdShare,
    @Param(
            def = "0.2",
            min = 0,
            max = 1,
            doc = "Reputation lost in an outcry.",
            source = "market-kernel benchmark specification")
        double outcryLoss,
    @Param(
            def = "0.01",
            min = 0,
            max = 1,
            unit = "reputation/day",
            doc =
                "Reputation regained per day, up to 1 (added, not a rate: a step of dt days adds dt times this).",
            source = "market-kernel benchmark specification")
        double recoveryPerDay,
    @Param(
            def = "0.15",
            min = 0,
            max = 1,
            doc = "Reputation lost when a community publicises a firm's expulsion.")
        double expulsionLoss,
    @Param(
            def = "0.1",
            min = 0,
            max = 1,
            doc = "Reputation lost when a regulator's sanction is published.")
        double sanctionLoss) {}
