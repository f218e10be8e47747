package govsim.experiment.calibrate;

import govsim.scenario.Param;
import java.util.List;

/**
 * A calibration target file ({@code govsim calibrate SWEEP --targets FILE}): the observed
 * statistics, each with its uncertainty.
 */
public record CalibrationTargets(
    @Param(doc = "What the observations are, in a sentence or two.") String description,
    @Param(doc = "The observed statistics: metric, value, sd, source.") List<Target> targets) {}
