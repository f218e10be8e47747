package govsim.experiment.calibrate;

import govsim.scenario.Param;

/**
 * One observed statistic of a calibration target file.
 *
 * @param metric the summary metric it is compared with
 * @param value the observed value
 * @param sd its uncertainty
 * @param source where the observation comes from
 */
public record Target(
    @Param(
            doc =
                "The summary metric the observation is compared with (govsim describe lists them).")
        String metric,
    @Param(doc = "The observed value, in the metric's unit.") double value,
    @Param(
            min = 0,
            doc =
                "Its uncertainty, a standard deviation in the metric's unit (> 0); the distance of a"
                    + " simulation counts each statistic's difference in these units.")
        double sd,
    @Param(doc = "Where the observation comes from (a citation, or the word assumption).")
        String source) {}
