package govsim.mechanism.synergy;

/** The regulator powers of M11 that an enact_mandate event can switch on (paper §4). */
public enum Mandate {
  TRANSPARENCY,
  RECOGNIZE_CERTIFICATION,
  SIGNALS,
  BACKSTOP,
  PROTECT_VULNERABLE,
  /** Switches on rule-making (M2) and enforcement (M3) from this day. */
  RULEMAKING,
  /** Codification of mature community standards by reference (issue 13.3). */
  CODIFICATION,
  /** Communities form where the law is silent (issue 13.3). */
  LAW_SILENCE_FORMATION,
  /** Soft signals: guidelines on salient risks (issue 13.7). */
  SOFT_SIGNALS
}
