package govsim.mechanism.risk;

/** What the agents know about a risk's hazard (issue 13 item 1; M1). */
public enum BeliefModel {
  /** Everyone knows the true hazard once the risk is known (the model before issue 13). */
  NONE,
  /**
   * Each firm, community and regulator holds a Gamma belief about the hazard, updated by the
   * incidents it observes (conjugate to the Poisson incident counts): {@link HazardBelief}.
   */
  GAMMA_POISSON
}
