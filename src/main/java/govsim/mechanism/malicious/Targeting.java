package govsim.mechanism.malicious;

/**
 * Whose model a malicious attack uses (issue 12 item 5; MODEL.md §10): the attacker's rule for
 * choosing a provider among the active firms that serve its jurisdiction. Each rule is a bounded
 * rationality of its own; none weighs the provider's reputation (the attacker has none to lose and
 * does not care about the provider's).
 */
public enum Targeting {
  /**
   * Today's model before issue 12: attacks use no provider's model, so no safeguard can stop them
   * and no firm invests in any (safeguards are neither drawn nor decided nor costed).
   */
  NONE,
  /**
   * The attacker shops for weak safeguards, but sees them only roughly (by probing, from forums): a
   * logit choice with weights exp(-malicious.targeting_intensity x safeguard level), so that the
   * weakest provider is the likeliest and a large intensity picks it almost surely.
   */
  WEAKEST,
  /**
   * The attacker uses the provider with most users (the lowest id among equals): the model that
   * everyone uses and that it knows; it does not look at safeguards at all.
   */
  LARGEST,
  /**
   * The attacker cannot tell providers apart: each active provider serving its jurisdiction is
   * equally likely.
   */
  RANDOM
}
