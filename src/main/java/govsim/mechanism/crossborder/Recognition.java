package govsim.mechanism.crossborder;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;

/**
 * M10 — which jurisdictions recognise a new community's certificate (MODEL.md §4 M10; paper
 * §3.1.6): each independently, with {@code cross_border.recognition_probability}.
 */
public final class Recognition {
  private Recognition() {}

  /** Bit j set: jurisdiction j recognises the certificate. One draw per jurisdiction, in order. */
  public static long draw(MersenneTwisterFast rng, int jurisdictions, double probability) {
    long recognized = 0L;
    for (int j = 0; j < jurisdictions; j++) {
      if (Draws.bernoulli(rng, probability)) recognized |= 1L << j;
    }
    return recognized;
  }
}
