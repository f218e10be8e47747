package govsim.model;

import govsim.mechanism.synergy.Mandate;
import govsim.scenario.Param;

/**
 * One scheduled event of a scenario ("what if at year 3 ..."). Only the keys that belong to the
 * event's type are read; the others keep their defaults.
 */
public record EventSpec(
    @Param(
            def = "capability_shock",
            doc =
                "What happens: capability_shock, adopt_practice, enact_mandate, form_community or emerge_risk.")
        EventType type,
    @Param(
            plausibleMin = 0,
            plausibleMax = 3650,
            def = "0",
            min = 0,
            max = 365000,
            unit = "days",
            doc = "When it happens (simulated day; 365 = end of year 1).",
            source = "setting: the day the scenario schedules the event")
        double atDay,
    @Param(
            plausibleMin = -1,
            plausibleMax = 100000,
            def = "-1",
            min = -1,
            max = 100000,
            unit = "firm id",
            doc =
                "adopt_practice: the firm (0-based id); -1 means the firm with most users at that moment.",
            source = "setting: the firm the scenario names")
        int firm,
    @Param(
            plausibleMin = -1,
            plausibleMax = 63,
            def = "-1",
            min = -1,
            max = 63,
            unit = "jurisdiction id",
            doc = "enact_mandate: the jurisdiction; -1 means all.",
            source = "setting: the jurisdiction the scenario names")
        int jurisdiction,
    @Param(
            def = "transparency",
            doc =
                "enact_mandate: which power (transparency, recognize_certification, signals, backstop, protect_vulnerable, rulemaking, codification, law_silence_formation, soft_signals).")
        Mandate mandate,
    @Param(
            plausibleMin = 2,
            plausibleMax = 20,
            def = "5",
            min = 0,
            max = 10000,
            unit = "risks",
            doc = "capability_shock: novel risks the shock brings.")
        int newRisks,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 0.9,
            def = "0.7",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "capability_shock: share of active risks that change form, so that existing rules stop covering them.")
        double obsoleteShare,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.2",
            min = 0,
            max = 100,
            unit = "capability",
            doc = "capability_shock: capability gained by every firm.")
        double capabilityBoost,
    @Param(
            plausibleMin = 0.6,
            plausibleMax = 0.95,
            def = "0.8",
            min = 0,
            max = 1,
            doc = "form_community: stringency of the new community.")
        double stringency,
    @Param(
            plausibleMin = 0.6,
            plausibleMax = 0.9,
            def = "0.8",
            min = 0,
            max = 1,
            doc = "form_community: assurance level of the new community.")
        double assurance,
    @Param(
            plausibleMin = 1,
            plausibleMax = 100,
            def = "10",
            min = 0,
            max = 1e9,
            unit = "harm/affected user",
            doc = "emerge_risk: severity of the risk.")
        double severity,
    @Param(
            plausibleMin = 0.002,
            plausibleMax = 0.6,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "emerge_risk: visibility of the risk.")
        double visibility,
    @Param(
            def = "false",
            doc = "emerge_risk: whether the risk is Knightian (unknown until its first incident).")
        boolean knightian) {}
