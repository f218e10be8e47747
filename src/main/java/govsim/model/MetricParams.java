package govsim.model;

import govsim.scenario.Param;

/**
 * How outcomes are measured and valued (MODEL.md §7): what makes a rule effective for the
 * governance gap, and the exchange rate between harm and users' utility in consumer welfare. These
 * keys change no agent's behaviour, only the metrics.
 */
public record MetricParams(
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 0.75,
            def = "0.5",
            min = 0.000001,
            max = 1,
            unit = "share of exposed users",
            doc =
                "A risk counts as governed (governance gap, survival metrics) once the rules in force on its current form bind at least this share of the users exposed to it (users of active firms).",
            source = "issue 11 item 3: effective means binding half of the exposed users")
        double effectiveRuleUserShare,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 10,
            def = "1",
            min = 0,
            max = 1e9,
            unit = "utility-years per harm unit",
            doc =
                "Exchange rate from harm to users' utility in welfare_consumer: one harm unit (severity x affected user) costs this many utility-years (the units in which users value a provider for a year).",
            source =
                "assumption: one utility-year per harm unit, the rate earlier versions used implicitly")
        double harmValuation) {}
