package govsim.mechanism.firms;

import govsim.scenario.Param;

/** Parameters of M6, firm decisions and value alignment (MODEL.md §4 M6; paper §3.1.1). */
public record FirmParams(
    @Param(
            plausibleMin = 10,
            plausibleMax = 40,
            def = "20",
            min = 1,
            max = 10000,
            unit = "firms",
            doc = "Firms at the start.",
            source =
                "assumption: the baseline's 20 firms (issue 2), a few dozen consumer-facing AI providers")
        int count,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.2,
            def = "0",
            min = -100,
            max = 100,
            unit = "capability",
            doc = "Lowest initial capability (quality).")
        double capabilityMin,
    @Param(
            plausibleMin = 0.8,
            plausibleMax = 1.2,
            def = "1",
            min = -100,
            max = 100,
            unit = "capability",
            doc = "Highest initial capability (capability ~ Uniform[min, max]).")
        double capabilityMax,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.2,
            def = "0",
            min = 0,
            max = 1,
            doc = "Lowest intrinsic value alignment.")
        double alignmentMin,
    @Param(
            plausibleMin = 0.8,
            plausibleMax = 1,
            def = "1",
            min = 0,
            max = 1,
            doc = "Highest intrinsic value alignment (alignment ~ Uniform[min, max]).")
        double alignmentMax,
    @Param(
            plausibleMin = 10,
            plausibleMax = 40,
            def = "20",
            min = 0,
            max = 1e6,
            unit = "% of annual revenue per harm/user/year",
            doc =
                "What a fully aligned firm is willing to pay to avoid harm to its users (alignment scales it).",
            source = "assumption: value alignment as an internal incentive (paper §3.1.1)")
        double harmAversion,
    @Param(
            def = "logit",
            doc = "Bounded rationality: logit (quantal choice) or fermi (pairwise imitation).",
            source = "setting: MODEL.md M6 allows logit or Fermi")
        DecisionRule decisionRule,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 1000,
            unit = "1/(% of annual revenue)",
            doc = "Intensity of choice (logit) or selection intensity (fermi); 0 is random choice.")
        double decisionIntensity,
    @Param(
            plausibleMin = 4,
            plausibleMax = 24,
            def = "12",
            min = 0,
            max = 365,
            unit = "1/year",
            doc = "Rate at which a firm reviews its compliance, practice and memberships.")
        double reviewRatePerYear,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 7,
            def = "2",
            min = 0,
            max = 3650,
            unit = "days",
            doc =
                "Time a backlash response takes, fixed: with reputation.backlash_response automatic, from the first outcry to the revision of the practice; with decision, the firm's deliberation, from an outcry to its decision and from a wait or a partial revision to the next decision.",
            source =
                "Tencent Yuanbao revised its terms three times between 1 and 5 March 2025 (paper §3.1.2)")
        double responseLatencyDays,
    @Param(
            plausibleMin = 10,
            plausibleMax = 40,
            def = "20",
            min = 0,
            max = 1e9,
            unit = "currency/user/year",
            doc = "Revenue per user.")
        double revenuePerUserYear,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 1,
            def = "0.5",
            min = 0,
            max = 100,
            unit = "% of annual revenue",
            doc = "Cost of complying with one rule of stringency 1, per year.")
        double complianceCostPerRule,
    @Param(
            plausibleMin = 0.3,
            plausibleMax = 0.7,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of a risk's hazard a firm removes when it mitigates a risk that no rule governs (ad hoc, without a shared standard).",
            source =
                "assumption: shared standards and tooling make mitigation more effective than ad hoc effort (paper §3.1.3-§3.1.4)")
        double voluntaryMitigationEfficacy,
    @Param(
            plausibleMin = 15,
            plausibleMax = 60,
            def = "30",
            min = 0,
            max = 10000,
            unit = "% of annual revenue",
            doc =
                "Revenue a firm believes it loses per unit of reputation lost (drives compliance with reputation at stake).")
        double reputationValue,
    @Param(
            plausibleMin = 1,
            plausibleMax = 4,
            def = "2",
            min = 0,
            max = 100,
            doc =
                "Crowd-out of innovation: a release's capability gain is scaled by max(0, 1 - crowd_out x compliance cost share of revenue).",
            source = "assumption: compliance spending crowds out R&D; SF6 depends on it")
        double innovationCrowdOut,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Prior chance a firm assigns to an outcry if it adopts the harmful practice.")
        double backlashBelief,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 0.75,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Learning from backlash: each own outcry moves the firm's backlash belief this share of the way to 1 (belief <- 1 - (1 - rate) x (1 - belief)).",
            source = "assumption: one outcry halves a firm's doubt that the practice provokes one")
        double backlashLearningRate,
    @Param(
            plausibleMin = 7,
            plausibleMax = 90,
            def = "30",
            min = 0.01,
            max = 36500,
            unit = "days",
            doc =
                "Time constant of the exponentially smoothed profit share in each firm's books; no decision reads it since the fermi rule compares profits over imitation_window_days (kept so that scenarios setting it still load).",
            source =
                "assumption: firms compare about a month of profits, long enough to smooth out daily noise")
        double profitSmoothingDays,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 100,
            unit = "years of revenue",
            doc =
                "What a firm believes losing a license costs, in years of that jurisdiction's revenue (an equal share of revenue per jurisdiction served); enters the expected sanction of severe harm.",
            source = "assumption: a lost market is worth about a year of its revenue to the firm")
        double revocationLossYears,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 100,
            unit = "share of annual revenue",
            doc =
                "Revenue a firm expects per year from holding a certificate, before scaling by (1 - its user share) x (1 - exp(-users.choice_intensity x users.weight_certification)).",
            source =
                "assumption: the certificate's logit value applied to a year of revenue from the users the firm does not yet have")
        double certificationValueShare,
    @Param(
            plausibleMin = 0.001,
            plausibleMax = 0.05,
            def = "0.01",
            min = 0,
            max = 1,
            unit = "probability per decision revision",
            doc =
                "Social learning (decision_rule fermi): probability that a revision of one decision is exploration (the decision is switched to its other value) instead of imitation of a peer.",
            source =
                "assumption: mutation as in the finite-population games of Han et al. 2020 (JAIR 69:881-921), whose analysis takes it to 0; 0.01 is the agent-based check of docs/validation.md G1")
        double mutationRate,
    @Param(
            plausibleMin = 30,
            plausibleMax = 180,
            def = "90",
            min = 1,
            max = 3650,
            unit = "days",
            doc =
                "Social learning (decision_rule fermi): firms compare their mean profit over this many past days (a trailing window), as % of the mean annual revenue of an active firm.",
            source =
                "assumption: firms compare a quarter of profits, as quarterly results report them")
        double imitationWindowDays,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.2,
            def = "0",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of firms that release unsafely (fewer safeguards, faster) at the start and on entry; each firm is drawn independently. Later a firm changes it by its decision rule: social learning (decision_rule fermi) always, the logit rule when firms.investment.posture_choice is on.",
            source = "assumption: today's firms release safely unless a scenario says otherwise")
        double unsafeShareInitial,
    @Param(
            plausibleMin = 1.5,
            plausibleMax = 3,
            def = "2",
            min = 1,
            max = 100,
            unit = "x",
            doc =
                "An unsafe release posture divides the firm's mean time between releases by this factor (its capability grows this much faster).",
            source =
                "Han, Pereira, Santos & Lenaerts 2020 (JAIR 69:881-921): unsafe firms are s times faster, s in [1, 5]")
        double unsafeReleaseSpeedup,
    @Param(
            plausibleMin = 1.5,
            plausibleMax = 4,
            def = "2",
            min = 1,
            max = 1000,
            unit = "x",
            doc =
                "An unsafe release posture multiplies the hazard of every risk at the firm (before mitigation) by this factor.",
            source =
                "assumption: skipping safeguards doubles incidents; stands for the disaster risk p_r of Han et al. 2020")
        double unsafeHazardMultiplier,
    // issue 12.2 (race): capability investment and the release posture as decisions
    @Param(doc = "Capability investment (R&D) and the release posture as decisions (issue 12.2).")
        InvestmentParams investment) {

  public FirmParams {
    if (capabilityMin > capabilityMax) {
      throw new IllegalArgumentException("capability_min must not exceed capability_max");
    }
    if (alignmentMin > alignmentMax) {
      throw new IllegalArgumentException("alignment_min must not exceed alignment_max");
    }
  }
}
