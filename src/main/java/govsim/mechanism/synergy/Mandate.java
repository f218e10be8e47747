package govsim.mechanism.synergy;

/** The regulator powers of M11 that an enact_mandate event can switch on (paper §4). */
public enum Mandate {
  TRANSPARENCY,
  RECOGNIZE_CERTIFICATION,
  SIGNALS,
  BACKSTOP,
  PROTECT_VULNERABLE,
  /** Switches on rule-making (M2) and enforcement (M3) from this day. */
  RULEMAKING
}
