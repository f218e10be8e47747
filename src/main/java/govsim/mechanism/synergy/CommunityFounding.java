package govsim.mechanism.synergy;

import ec.util.MersenneTwisterFast;
import govsim.world.Community;
import govsim.world.Risk;
import govsim.world.World;

/**
 * What M11's law-silent trigger needs of M7 (communities): found a community for a risk and tell
 * whether a community addresses a risk. An interface here, implemented by M7's {@code
 * StandardSetting}, so that the synergy package does not depend on the community package (which
 * depends, through cross-border certification and market entry, on packages that depend on this
 * one).
 */
public interface CommunityFounding {
  /** Founds a community for {@code r} that starts drafting a standard on it at once. */
  Community foundForRisk(World w, MersenneTwisterFast rng, Risk r);

  /** Whether community {@code c} has a standard in force or in drafting on r's current form. */
  boolean addressesCurrentFormOf(Community c, Risk r);
}
