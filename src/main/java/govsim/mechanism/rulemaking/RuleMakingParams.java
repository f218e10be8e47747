package govsim.mechanism.rulemaking;

import govsim.scenario.Param;

/** Parameters of M2, centralized rule-making (MODEL.md §4 M2; paper §1.2). */
public record RuleMakingParams(
    @Param(
            def = "false",
            doc = "Whether regulators make rules (set by the regime preset).",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean enabled,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 1,
            def = "0.5",
            min = 0,
            max = 1e9,
            unit = "salience",
            doc =
                "Public salience at which a risk enters the political agenda; salience grows by severity x visibility per incident.")
        double agendaThreshold,
    @Param(
            plausibleMin = 90,
            plausibleMax = 365,
            def = "180",
            min = 1,
            max = 36500,
            unit = "days",
            doc = "Half-life of public salience (attention fades).")
        double salienceHalfLifeDays,
    @Param(
            plausibleMin = 730,
            plausibleMax = 1825,
            def = "1217",
            min = 0,
            max = 36500,
            unit = "days",
            doc = "Legislative lag from agenda to a rule in force.",
            source =
                "EU AI Act: Commission proposal April 2021 to entry into force 1 August 2024, about 40 months (paper §1.2)")
        double legislativeLagDays,
    @Param(
            plausibleMin = 0,
            plausibleMax = 20,
            def = "0",
            min = 0,
            max = 1e9,
            unit = "harm/affected user",
            doc =
                "Only risks at least this severe enter the agenda (0: all); the hybrid regime legislates only for severe risks.",
            source =
                "setting: set by the regime preset (MODEL.md §5); hybrid legislates only for severe risks (paper §4.1)")
        double minSeverity,
    @Param(
            plausibleMin = 0.7,
            plausibleMax = 1,
            def = "0.9",
            min = 0,
            max = 1,
            unit = "share",
            doc = "Stringency of a uniform rule: share of a risk's hazard removed by complying.")
        double ruleStringency,
    @Param(
            plausibleMin = 1,
            plausibleMax = 2.5,
            def = "1.5",
            min = 0,
            max = 100,
            doc =
                "Cost of complying with a uniform rule relative to a tailored community standard of equal stringency.",
            source =
                "assumption: one-size-fits-all rules are not tailored to each firm's scene (paper §1.2)")
        double ruleCostMultiplier,
    @Param(
            plausibleMin = 0,
            plausibleMax = 180,
            def = "60",
            min = 0,
            max = 3650,
            unit = "days",
            doc =
                "Ex-ante conformity assessment added before the next release of a firm it applies to (see conformity_scope).",
            source =
                "assumption: ex-ante conformity assessment as in the EU AI Act for high-risk systems; plausible from self-assessment (internal control, a few days) to a notified body's assessment of several months; SF6 depends on it")
        double conformityAssessmentDays,
    @Param(
            plausibleMin = 100000,
            plausibleMax = 500000,
            def = "200000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc = "Regulator's cost of drafting one rule, per year of drafting.")
        double draftingCostPerRuleYear,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.5,
            def = "0",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of the initial risks already covered by a rule in force on day 0 (existing law), when rule-making is on.")
        double initialRulesShare,
    // ---- issue 12.2 (race): conformity assessment only where it applies
    @Param(
            def = "unmet",
            doc =
                "Which releases wait conformity_assessment_days: unmet (those of a firm bound by a regulator rule in force that it does not meet) or bound (those of every firm bound by a rule, met or not: the model before issue 12); in both a certificate the jurisdiction recognises stands in for the assessment.",
            source =
                "setting: issue 12 item 2 (the assessment delays the releases it applies to); EU AI Act Art. 43: the assessment checks conformity with the requirements")
        ConformityScope conformityScope,
    @Param(
            def = "false",
            doc =
                "Whether a jurisdiction whose regulator recognises certification asks for a recognised certificate: a firm bound by one of its rules and holding none waits the assessment even if it meets the rules.",
            source =
                "setting: issue 12 item 2 (releases without a recognised certificate where the regime asks for one)")
        boolean conformityRequiresCertificate) {}
