package govsim.model;

/** Kinds of scheduled events a scenario can declare (MODEL.md §2, §6). */
public enum EventType {
  /**
   * A capability shock (M1): new risks arrive, capability jumps, a share of active risks change so
   * that old rules no longer cover them.
   */
  CAPABILITY_SHOCK,
  /** A firm adopts a user-visible harmful practice (M5/M6). */
  ADOPT_PRACTICE,
  /** A regulator enacts one of the hybrid mandates (M11). */
  ENACT_MANDATE,
  /** A new compliance community forms (M7). */
  FORM_COMMUNITY,
  /** A novel risk emerges with the given severity and visibility (M1). */
  EMERGE_RISK
}
