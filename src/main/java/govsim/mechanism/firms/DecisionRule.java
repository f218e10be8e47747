package govsim.mechanism.firms;

/** How a firm's bounded rationality is modelled (MODEL.md M6). */
public enum DecisionRule {
  /**
   * Quantal response: choose each option with probability proportional to exp(intensity x utility).
   */
  LOGIT,
  /**
   * Social learning ({@link SocialLearning}): one decision per review, explored with probability
   * firms.mutation_rate or copied from a random peer with the Fermi probability 1/(1+exp(-s
   * (payoff_peer - payoff_own))).
   */
  FERMI
}
