package govsim.mechanism.synergy;

import govsim.scenario.Param;

/**
 * Parameters of M11, hybrid synergy: public power that makes distributed governance work (MODEL.md
 * §4 M11; paper §4.2-§4.4).
 */
public record SynergyParams(
    @Param(
            def = "false",
            doc =
                "Transparency mandate: users notice harms and audits detect violations more easily.",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean transparencyMandate,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 1,
            def = "0.5",
            min = 0,
            max = 10,
            unit = "share",
            doc = "Relative rise of users' noticing probability under the transparency mandate.")
        double transparencyNoticeBoost,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.3",
            min = 0,
            max = 10,
            unit = "share",
            doc = "Relative rise of audit detection under the transparency mandate (capped at 1).")
        double transparencyAuditBoost,
    @Param(
            def = "false",
            doc =
                "Regulators recognise community certification: certified compliance counts for their rules and certified firms are inspected less.",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean recognizeCertification,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.2",
            min = 0,
            max = 1,
            doc = "Inspection weight of a certified firm relative to others.")
        double certifiedInspectionFactor,
    @Param(
            def = "false",
            doc =
                "Signals: public attention on leading firms raises their perceived sanction probability.",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean signals,
    @Param(
            plausibleMin = 1,
            plausibleMax = 5,
            def = "3",
            min = 0,
            max = 10000,
            unit = "firms",
            doc = "How many of the largest firms the signals address.")
        int signalTopFirms,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 100,
            unit = "share",
            doc = "Relative rise of the perceived sanction probability of signalled firms.")
        double signalBoost,
    @Param(
            def = "false",
            doc = "Severe-harm backstop: strict punishment of malicious use and of severe harm.",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean backstop,
    @Param(
            plausibleMin = 0.4,
            plausibleMax = 0.8,
            def = "0.6",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Chance that a malicious attack is traced and punished under the backstop.",
            source =
                "assumption: strict punishment of malicious use (paper §4.1); SF4 and SF5 depend on it")
        double backstopDetectionProbability,
    @Param(
            plausibleMin = 2,
            plausibleMax = 5,
            def = "3",
            min = 1,
            max = 1000,
            doc = "Penalty multiplier for malicious actors and severe harm under the backstop.",
            source = "assumption: severe consequences for malicious use (paper §4.1)")
        double backstopPenaltyMultiplier,
    @Param(
            def = "false",
            doc =
                "Protection of vulnerable users: raises information-weak users' capability to notice harms.",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean protectVulnerable,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 0.9,
            def = "0.7",
            min = 0,
            max = 1,
            doc = "Information capability of information-weak users under protection.")
        double protectedCapability) {}
