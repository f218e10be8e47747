package govsim.experiment.sweep;

/**
 * Placeholder for the {@code parameters:} section in the sweep file's schema. Its keys are scenario
 * key paths (free keys, which the generic scenario loader cannot express), so {@link SweepFile}
 * reads that section itself, with positions, and hands the loader an empty mapping. Declaring it
 * keeps {@code parameters} among the allowed keys in the loader's messages.
 */
public record SweepParametersSection() {}
