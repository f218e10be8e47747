/**
 * Regime comparison ({@code govsim compare}): the same world under several governance regimes, with
 * the same seeds in every regime (common random numbers), summarised with t-intervals and paired
 * differences (MODEL.md §8: "Compare regimes with common random numbers").
 */
package govsim.experiment.compare;
