package govsim.model;

import govsim.scenario.Param;

/** Which outputs a run writes (MODEL.md §7). Read by the experiment layer, never by the model. */
public record OutputParams(
    @Param(
            plausibleMin = 1,
            plausibleMax = 30,
            def = "1",
            min = 1,
            max = 1000000,
            unit = "steps",
            doc =
                "Record one time-series row every this many steps (the last step is always recorded).",
            source = "setting: a choice of the study, not a claim about the world")
        int recordEverySteps,
    @Param(
            def = "true",
            doc = "Write timeseries.csv.",
            source = "setting: a choice of the study, not a claim about the world")
        boolean timeseries,
    @Param(
            def = "true",
            doc = "Write events.csv (the event log).",
            source = "setting: a choice of the study, not a claim about the world")
        boolean events) {}
