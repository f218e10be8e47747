package govsim.model;

import govsim.scenario.Param;

/** Simulated time (MODEL.md §2): days, a step of dt_days, a horizon and a burn-in. */
public record TimeParams(
    @Param(
            plausibleMin = 365,
            plausibleMax = 3650,
            def = "1825",
            min = 1,
            max = 365000,
            unit = "days",
            doc = "Length of the run (1825 days = 5 years).",
            source = "MODEL.md §2: default horizon 5 years")
        double horizonDays,
    @Param(
            plausibleMin = 0.041666666666666664,
            plausibleMax = 7,
            def = "1",
            min = 0.001,
            max = 365,
            unit = "days",
            doc = "Length of one step.",
            source = "MODEL.md §2: default step one day")
        double dtDays,
    @Param(
            plausibleMin = 0,
            plausibleMax = 365,
            def = "0",
            min = 0,
            max = 365000,
            unit = "days",
            doc = "Initial period excluded from summary metrics.",
            source = "setting: a choice of the study, not a claim about the world")
        double burnInDays) {

  public TimeParams {
    if (burnInDays >= horizonDays) {
      throw new IllegalArgumentException(
          "burn_in_days ("
              + burnInDays
              + ") must be shorter than horizon_days ("
              + horizonDays
              + ")");
    }
    if (dtDays > horizonDays) {
      throw new IllegalArgumentException(
          "dt_days (" + dtDays + ") must not exceed horizon_days (" + horizonDays + ")");
    }
  }

  /** Number of steps in the run: the horizon divided by the step, rounded up. */
  public long steps() {
    return (long) Math.ceil(horizonDays / dtDays - 1e-9);
  }
}
