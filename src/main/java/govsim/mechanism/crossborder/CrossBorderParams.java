package govsim.mechanism.crossborder;

import govsim.scenario.Param;

/** Parameters of M10, cross-border certification (MODEL.md §4 M10; paper §3.1.6). */
public record CrossBorderParams(
    @Param(
            plausibleMin = 1,
            plausibleMax = 3,
            def = "1",
            min = 1,
            max = 64,
            unit = "jurisdictions",
            doc = "Jurisdictions, each with its own regulator and an equal share of the users.",
            source =
                "setting: one jurisdiction is the baseline world (issue 2); cross-border scenarios set more")
        int jurisdictions,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 0.75,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Chance that a firm also serves each jurisdiction other than its home.")
        double serveAbroadProbability,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 1,
            def = "0.5",
            min = 0,
            max = 100,
            unit = "share",
            doc =
                "Each distinct rule set a firm must satisfy for one risk beyond the first adds this share to its compliance cost.",
            source =
                "assumption; the paper reports certification needed in 34 countries for deployment (WDTA, §3.1.6)")
        double extraRuleSetCost,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 0.75,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "probability",
            doc =
                "Chance that a jurisdiction recognises a given community's certificate (recognised certificates count as that jurisdiction's rule set).",
            source =
                "assumption; WDTA certification is recognised for deployment in 34 countries (paper §3.1.6)")
        double recognitionProbability) {}
