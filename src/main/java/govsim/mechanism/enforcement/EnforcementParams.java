package govsim.mechanism.enforcement;

import govsim.scenario.Param;

/** Parameters of M3, centralized enforcement (MODEL.md §4 M3; paper introduction, §4.1). */
public record EnforcementParams(
    @Param(
            def = "false",
            doc = "Whether regulators inspect and sanction (set by the regime preset).",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean enabled,
    @Param(
            plausibleMin = 5,
            plausibleMax = 20,
            def = "10",
            min = 0,
            max = 1e6,
            unit = "1/year",
            doc = "Inspection capacity of each regulator (firm inspections per year).",
            source =
                "assumption: limited inspection capacity, one inspection per two firms a year (paper introduction)")
        double inspectionsPerYear,
    @Param(
            plausibleMin = 0.4,
            plausibleMax = 0.8,
            def = "0.6",
            min = 0,
            max = 1,
            unit = "probability",
            doc =
                "Chance that an inspection detects a violation of a mature, well-understood risk.",
            source = "assumption")
        double detectionProbability,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 0.9,
            def = "0.7",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Information asymmetry: how much lower detection is for a brand-new risk (decays with the risk's age).",
            source =
                "assumption: regulators understand complex scenes far less than participants (paper §1.2)")
        double noveltyDetectionPenalty,
    @Param(
            plausibleMin = 365,
            plausibleMax = 1460,
            def = "730",
            min = 1,
            max = 36500,
            unit = "days",
            doc =
                "Time scale on which the regulator learns a risk (novelty penalty decays as exp(-age/scale)).")
        double noveltyLearningDays,
    @Param(
            plausibleMin = 0.01,
            plausibleMax = 0.07,
            def = "0.03",
            min = 0,
            max = 10,
            unit = "share of annual revenue",
            doc = "Fine per detected violation.",
            source =
                "EU AI Act art. 99: up to 3% of worldwide turnover for most obligations (plausible: 1% for incorrect information to 7% for prohibited practices)")
        double fineRevenueShare,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 1000,
            doc =
                "Multiplier on the fine of a violation found by a routine inspection (investigations of severe harm use synergy.backstop_penalty_multiplier under the backstop).",
            source =
                "assumption: routine inspections fine at the statutory rate, fine_revenue_share")
        double inspectionPenaltyMultiplier,
    @Param(
            def = "true",
            doc =
                "Whether a severe incident of a violated rule revokes the firm's license in that jurisdiction.")
        boolean revocation,
    @Param(
            def = "true",
            doc =
                "Whether each severe incident triggers an ex-post investigation (punishment weighted over prevention).")
        boolean investigateSevereIncidents,
    @Param(
            plausibleMin = 10000,
            plausibleMax = 50000,
            def = "20000",
            min = 0,
            max = 1e12,
            unit = "currency",
            doc = "Regulator's cost of one inspection or investigation.")
        double costPerInspection,
    @Param(
            plausibleMin = 0.05,
            plausibleMax = 0.3,
            def = "0.15",
            min = 0,
            max = 1,
            unit = "probability",
            doc =
                "Chance that one malicious attack is traced and punished by ordinary law enforcement.",
            source =
                "assumption: most online fraud goes unpunished; SF4 depends on it (docs/validation.md)")
        double maliciousDetectionProbability,
    // issue 13.5 (inst): a budget shared by inspections and hybrid powers
    @Param(
            def = "true",
            doc =
                "Whether each regulator's budget binds: routine inspections per year are at most (budget_per_year - the annual cost of its hybrid powers) / cost_per_inspection, and never more than inspections_per_year; false: inspections_per_year whatever the powers cost (before issue 13).")
        boolean budgetBinds,
    @Param(
            plausibleMin = 200000,
            plausibleMax = 1000000,
            def = "400000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc =
                "Each regulator's yearly budget for routine inspections and hybrid powers (drafting and ex-post investigations are statutory and paid outside it).",
            source =
                "assumption: twice what the default inspection capacity costs (10 x 20,000), so that the powers' default cost (synergy.cost_*) binds a little")
        double budgetPerYear) {}
