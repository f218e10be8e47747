package govsim.mechanism.firms;

import govsim.scenario.Param;

/** Parameters of M6, firm decisions and value alignment (MODEL.md §4 M6; paper §3.1.1). */
public record FirmParams(
    @Param(def = "20", min = 1, max = 10000, unit = "firms", doc = "Firms at the start.",
        source = "issue 2: baseline of 20 firms")
    int count,
    @Param(def = "0", min = -100, max = 100, unit = "capability", doc = "Lowest initial capability (quality).")
    double capabilityMin,
    @Param(def = "1", min = -100, max = 100, unit = "capability",
        doc = "Highest initial capability (capability ~ Uniform[min, max]).")
    double capabilityMax,
    @Param(def = "0", min = 0, max = 1, doc = "Lowest intrinsic value alignment.")
    double alignmentMin,
    @Param(def = "1", min = 0, max = 1, doc = "Highest intrinsic value alignment (alignment ~ Uniform[min, max]).")
    double alignmentMax,
    @Param(def = "20", min = 0, max = 1e6, unit = "% of annual revenue per unit harm/1000 users",
        doc = "What a fully aligned firm is willing to pay to avoid harm to its users (alignment scales it).",
        source = "assumption: value alignment as an internal incentive (paper §3.1.1)")
    double harmAversion,
    @Param(def = "logit", doc = "Bounded rationality: logit (quantal choice) or fermi (pairwise imitation).",
        source = "setting: MODEL.md M6 allows logit or Fermi")
    DecisionRule decisionRule,
    @Param(def = "1", min = 0, max = 1000, unit = "1/(% of annual revenue)",
        doc = "Intensity of choice (logit) or selection intensity (fermi); 0 is random choice.")
    double decisionIntensity,
    @Param(def = "12", min = 0, max = 365, unit = "1/year",
        doc = "Rate at which a firm reviews its compliance, practice and memberships.")
    double reviewRatePerYear,
    @Param(def = "2", min = 0, max = 3650, unit = "days",
        doc = "Time from a public outcry to the firm revising its harmful practice.",
        source = "Tencent Yuanbao revised its terms three times between 1 and 5 March 2025 (paper §3.1.2)")
    double responseLatencyDays,
    @Param(def = "20", min = 0, max = 1e9, unit = "currency/user/year", doc = "Revenue per user.")
    double revenuePerUserYear,
    @Param(def = "0.5", min = 0, max = 100, unit = "% of annual revenue",
        doc = "Cost of complying with one rule of stringency 1, per year.")
    double complianceCostPerRule,
    @Param(def = "0.5", min = 0, max = 1, unit = "share",
        doc = "Share of a risk's hazard a firm removes when it mitigates a risk that no rule governs (ad hoc, without a shared standard).",
        source = "assumption: shared standards and tooling make mitigation more effective than ad hoc effort (paper §3.1.3-§3.1.4)")
    double voluntaryMitigationEfficacy,
    @Param(def = "30", min = 0, max = 10000, unit = "% of annual revenue",
        doc = "Revenue a firm believes it loses per unit of reputation lost (drives compliance with reputation at stake).")
    double reputationValue,
    @Param(def = "2", min = 0, max = 100,
        doc = "Crowd-out of innovation: a release's capability gain is scaled by max(0, 1 - crowd_out x compliance cost share of revenue).",
        source = "assumption: compliance spending crowds out R&D; SF6 depends on it")
    double innovationCrowdOut,
    @Param(def = "0.3", min = 0, max = 1, unit = "probability",
        doc = "Prior chance a firm assigns to an outcry if it adopts the harmful practice.")
    double backlashBelief) {

  public FirmParams {
    if (capabilityMin > capabilityMax) {
      throw new IllegalArgumentException("capability_min must not exceed capability_max");
    }
    if (alignmentMin > alignmentMax) {
      throw new IllegalArgumentException("alignment_min must not exceed alignment_max");
    }
  }
}
