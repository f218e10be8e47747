package govsim.mechanism.rulemaking;

/**
 * Which releases an ex-ante conformity assessment applies to (issue 12 item 2; the key
 * rulemaking.conformity_scope). In both, a certificate that the jurisdiction recognises (when its
 * regulator recognises certification) stands in for the assessment, as a presumption of conformity.
 */
public enum ConformityScope {
  /**
   * Releases of a firm bound by a regulator rule in force that it does not meet (it does not
   * mitigate the risk the rule covers).
   */
  UNMET,
  /**
   * Releases of every firm bound by at least one regulator rule in force, whether it meets them or
   * not (the model before issue 12).
   */
  BOUND
}
