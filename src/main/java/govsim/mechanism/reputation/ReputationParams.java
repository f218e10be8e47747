package govsim.mechanism.reputation;

import govsim.scenario.Param;

/** Parameters of M5, reputation and backlash (MODEL.md §4 M5; paper §3.1.2). */
public record ReputationParams(
    @Param(
            plausibleMin = 0.8,
            plausibleMax = 1,
            def = "1",
            min = 0,
            max = 1,
            doc = "Reputation of every firm at the start and of entrants.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double initial,
    @Param(
            plausibleMin = 0.005,
            plausibleMax = 0.02,
            def = "0.01",
            min = 0,
            max = 1,
            unit = "share of users per day",
            doc =
                "Public outcry when a firm's complaints in one step exceed this share of its users at the start of the step per day of the step (threshold x dt_days), so the threshold does not change with the step length.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double outcryThresholdShare,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.4,
            def = "0.2",
            min = 0,
            max = 1,
            doc = "Reputation lost in an outcry.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double outcryLoss,
    @Param(
            plausibleMin = 0.005,
            plausibleMax = 0.02,
            def = "0.01",
            min = 0,
            max = 1,
            unit = "reputation/day",
            doc =
                "Reputation regained per day, up to 1 (added, not a rate: a step of dt days adds dt times this).",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double recoveryPerDay,
    @Param(
            plausibleMin = 0.05,
            plausibleMax = 0.3,
            def = "0.15",
            min = 0,
            max = 1,
            doc = "Reputation lost when a community publicises a firm's expulsion.")
        double expulsionLoss,
    @Param(
            plausibleMin = 0.05,
            plausibleMax = 0.2,
            def = "0.1",
            min = 0,
            max = 1,
            doc = "Reputation lost when a regulator's sanction is published.")
        double sanctionLoss) {}
