package govsim.mechanism.users;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.synergy.Synergy;
import govsim.world.World;

/**
 * The users' phase (M4) as the model drives it: initial placement of the users at providers, then
 * one call per step. {@link UserChoice} is the implementation; the interface exists so that a test
 * can run the model with the earlier, population-scanning implementation kept in the test sources
 * and compare their statistics.
 */
public interface UsersPhase {
  /**
   * Places each user at a provider licensed in her jurisdiction (or leaves her unserved), from
   * {@code rng}; multi-homing users' further providers from {@code multiHoming}.
   */
  void assignInitial(World w, MersenneTwisterFast rng, MersenneTwisterFast multiHoming);

  /**
   * One step of the users.
   *
   * @param attention draws the users' attention clocks only (the gaps between firings)
   * @param choice draws everything else in the phase: noticing, voice, choices, forced moves
   */
  void step(World w, MersenneTwisterFast attention, MersenneTwisterFast choice, Synergy synergy);
}
