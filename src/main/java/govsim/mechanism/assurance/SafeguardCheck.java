package govsim.mechanism.assurance;

import ec.util.MersenneTwisterFast;
import govsim.world.Firm;

/**
 * What an audit asks of a member's misuse safeguards (issue 12 item 5): implemented by
 * mechanism.malicious.Safeguards, which owns the levels and the community minimum, so that M8 does
 * not depend on M12.
 */
public interface SafeguardCheck {
  /**
   * Whether the member falls short of the community minimum and the audit, detecting with
   * probability {@code detect}, finds it (one uniform of {@code rng}, drawn only for a member below
   * the minimum).
   */
  boolean auditFinds(Firm f, double detect, MersenneTwisterFast rng);

  /** A shortfall remedied (a community that does not expel): the level raised to the minimum. */
  void remedy(Firm f);
}
