package govsim.mechanism.competition;

/**
 * What an entrant's capability is a share of (M9's capability frontier, issue 12 item 4): the
 * capability that can be bought rises as incumbents release, and the key chooses which capability
 * it follows.
 */
public enum CapabilityFrontier {
  /** The user-weighted mean capability of active firms (plain mean while nobody has users). */
  MEAN,
  /** The capability of the most capable active firm (the leader). */
  LEADER
}
