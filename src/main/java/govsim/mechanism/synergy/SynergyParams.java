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
        double protectedCapability,
    // issue 13.3 (inst): codification by reference and communities where the law is silent
    @Param(
            def = "false",
            doc =
                "Codification by reference: the regulator adopts a mature community standard as its rule on a risk (incorporation by reference), after codification_lag_days instead of the legislative lag.",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean codification,
    @Param(
            plausibleMin = 90,
            plausibleMax = 730,
            def = "180",
            min = 0,
            max = 36500,
            unit = "days",
            doc =
                "Maturity: a community standard can be codified once it has been in force on the risk's current form this long.",
            source =
                "assumption: harmonised standards are drafted on request and assessed before citation (EU AI Act Art. 40, Regulation (EU) No 1025/2012 Art. 10); no measured age")
        double codificationMinStandardAgeDays,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.25",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Maturity: a community standard can be codified only if its community holds at least this share of the active firms.",
            source = "assumption: only a widely used standard is a candidate for citation")
        double codificationMinMemberShare,
    @Param(
            plausibleMin = 60,
            plausibleMax = 540,
            def = "180",
            min = 0,
            max = 36500,
            unit = "days",
            doc =
                "Codification lag: from the decision to cite a mature standard to the rule in force (the legislative lag applies to rules the regulator writes itself).",
            source =
                "EU AI Act (Regulation (EU) 2024/1689) Art. 40(1): conformity with harmonised standards whose references are published in the Official Journal gives a presumption of conformity; publication follows Regulation (EU) No 1025/2012 Art. 10(6). The value (about six months of assessment and publication) is an assumption")
        double codificationLagDays,
    @Param(
            def = "true",
            doc =
                "Whether the regulator codifies mature standards on every risk on the public agenda (salience at rulemaking.agenda_threshold), not only on risks it legislates itself (rulemaking.min_severity).",
            source =
                "assumption: incorporation by reference costs no legislative cycle, so the ration of cycles (min_severity) need not limit it")
        boolean codificationAllSalientRisks,
    @Param(
            def = "false",
            doc =
                "Communities form where the law is silent: a known risk on the public agenda (salience at rulemaking.agenda_threshold) that the regulator neither governs nor drafts a rule for, and that no community addresses, raises the formation of a community for it.",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean lawSilenceFormation,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 4,
            def = "2",
            min = 0,
            max = 36500,
            unit = "1/year",
            doc =
                "Rate, per law-silent risk, at which a community forms for it (added to communities.formation_rate_per_year).",
            source =
                "assumption: the paper's communities of actors 'with the same willingness and ability' (§4.4) form faster where the state declares a field to self-governance")
        double lawSilenceFormationRatePerYear,
    // issue 13.7 (inst): soft signals
    @Param(
            def = "false",
            doc =
                "Soft signals: the regulator issues a guideline on every known risk whose salience reaches guideline_salience_threshold, whether or not a rule is in force; guidelines move communities' agendas, firms' backlash beliefs and users' noticing (signal_* keys).",
            source = "setting: set by the regime preset (MODEL.md §5); paper §4.4")
        boolean softSignals,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.25",
            min = 0,
            max = 1e9,
            unit = "salience",
            doc = "Public salience at which a regulator issues a guideline on a risk.",
            source =
                "assumption: guidelines and best practices come before laws (paper §4.4), so at half the default agenda threshold")
        double guidelineSalienceThreshold,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 1,
            def = "0.5",
            min = 0,
            max = 100,
            unit = "share",
            doc =
                "Strength s of a guideline: a community's lag on the guided risk is divided by 1 + s, signalled firms' backlash belief and firms' expected outcry on the guided risk are multiplied by 1 + s, users notice its incidents with 1 + s times the visibility (capped at 1).")
        double signalStrength,
    @Param(
            def = "true",
            doc =
                "Guidelines enter communities' agendas: a guided risk is picked up at once and its standard drafted with the lag divided by 1 + signal_strength.")
        boolean signalCommunityAgenda,
    @Param(
            def = "true",
            doc =
                "Guidelines and public attention raise firms' backlash beliefs: signalled firms' expected backlash on the practice and every serving firm's expected outcry on a guided risk are multiplied by 1 + signal_strength.")
        boolean signalBacklash,
    @Param(
            def = "true",
            doc =
                "Guidelines shift users' expectations: users notice incidents of a guided risk with 1 + signal_strength times its visibility.")
        boolean signalUsers,
    // issue 13.5 (inst): powers that cost
    @Param(
            def = "true",
            doc =
                "Whether hybrid powers cost the regulator (cost_*_per_year, paid from enforcement.budget_per_year) and firms (transparency_report_cost_percent); false: they cost nothing (before issue 13).")
        boolean powersCost,
    @Param(
            plausibleMin = 20000,
            plausibleMax = 100000,
            def = "50000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc =
                "Regulator's cost of the transparency mandate (receiving, checking and publishing reports).")
        double costTransparencyPerYear,
    @Param(
            plausibleMin = 10000,
            plausibleMax = 50000,
            def = "20000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc =
                "Regulator's cost of recognising certification (accrediting and overseeing schemes).")
        double costRecognitionPerYear,
    @Param(
            plausibleMin = 0,
            plausibleMax = 30000,
            def = "10000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc =
                "Regulator's cost of signals on leading firms (monitoring and public statements).")
        double costSignalsPerYear,
    @Param(
            plausibleMin = 20000,
            plausibleMax = 100000,
            def = "50000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc =
                "Regulator's cost of the severe-harm backstop (a standing unit tracing malicious use).")
        double costBackstopPerYear,
    @Param(
            plausibleMin = 10000,
            plausibleMax = 60000,
            def = "30000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc = "Regulator's cost of protecting vulnerable users.")
        double costProtectionPerYear,
    @Param(
            plausibleMin = 10000,
            plausibleMax = 50000,
            def = "20000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc =
                "Regulator's cost of codification by reference (assessing standards for citation).")
        double costCodificationPerYear,
    @Param(
            plausibleMin = 0,
            plausibleMax = 30000,
            def = "10000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc =
                "Regulator's cost of delegating law-silent risks to communities (mapping the gaps and announcing them).")
        double costLawSilencePerYear,
    @Param(
            plausibleMin = 10000,
            plausibleMax = 50000,
            def = "20000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc = "Regulator's cost of soft signals (writing and publishing guidelines).")
        double costSoftSignalsPerYear,
    @Param(
            plausibleMin = 0.02,
            plausibleMax = 0.5,
            def = "0.1",
            min = 0,
            max = 100,
            unit = "% of annual revenue",
            doc =
                "Firm's cost of transparency reporting per firm-year, paid by every active firm serving at least one jurisdiction with the transparency mandate.",
            source =
                "assumption: documentation and transparency duties such as EU AI Act Art. 53 (general-purpose AI providers); no measured cost")
        double transparencyReportCostPercent) {}
