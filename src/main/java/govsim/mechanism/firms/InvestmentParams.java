package govsim.mechanism.firms;

import govsim.scenario.Param;

/**
 * Capability investment and the release posture (issue 12 item 2; MODEL.md M1/M6), the section
 * {@code firms.investment}. See {@link Investment} for the decision and the production function.
 */
public record InvestmentParams(
    @Param(
            def = "true",
            doc =
                "Whether firms choose how much of their revenue to invest in capability (R&D): a release's capability gain is then scaled by the production function (share / reference_share)^elasticity and the spending is a cost; false: every release gains its draw and nothing is spent (the model before issue 12).",
            source = "setting: issue 12 item 2 (capability investment is a decision, MODEL.md §3)")
        boolean enabled,
    @Param(
            plausibleMin = 0.2,
            plausibleMax = 0.5,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "share of revenue",
            doc =
                "Largest R&D share of revenue a firm can choose; the menu is `levels` shares evenly spaced from 0 to it.",
            source =
                "assumption: AI developers spend a large share of revenue on compute and research; a third is a generous upper end")
        double shareMax,
    @Param(
            plausibleMin = 3,
            plausibleMax = 7,
            def = "4",
            min = 2,
            max = 101,
            unit = "options",
            doc =
                "Number of R&D shares in the menu a firm chooses among (0, share_max/(levels-1), ..., share_max).",
            source = "assumption: a coarse menu keeps the logit choice cheap and readable")
        int levels,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.2,
            def = "0.15",
            min = 0.0001,
            max = 1,
            unit = "share of revenue",
            doc =
                "R&D share at which a release gains on average risks.release_step_mean (the production function is 1 there).",
            source =
                "assumption: about the R&D intensity of software and computer-services companies (roughly 10-15% of sales in industrial R&D scoreboards)")
        double referenceShare,
    @Param(
            plausibleMin = 0.3,
            plausibleMax = 0.7,
            def = "0.5",
            min = 0,
            max = 2,
            doc =
                "Elasticity of a release's capability gain with respect to the R&D share (production function (share / reference_share)^elasticity; below 1: diminishing returns; 0: R&D buys nothing).",
            source = "assumption: diminishing returns to R&D spending")
        double elasticity,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.2,
            def = "0.15",
            min = 0,
            max = 1,
            unit = "share of revenue",
            doc =
                "R&D share of a firm at the start and on entry, kept until its first review chooses one.",
            source = "assumption: firms start at the reference R&D intensity")
        double initialShare,
    @Param(
            def = "true",
            doc =
                "Whether logit firms choose their release posture (safe or unsafe) at each review, jointly with their R&D share; false: they keep the posture drawn at the start (firms.unsafe_share_initial). Social-learning firms always learn it.",
            source = "setting: issue 12 item 2 (the safety-speed trade-off as a decision)")
        boolean postureChoice) {

  public InvestmentParams {
    if (initialShare > shareMax) {
      throw new IllegalArgumentException("initial_share must not exceed share_max");
    }
  }
}
