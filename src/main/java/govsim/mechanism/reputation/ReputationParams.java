package govsim.mechanism.reputation;

import govsim.scenario.Param;

/** Parameters of M5, reputation and backlash (MODEL.md §4 M5; paper §3.1.2). */
public record ReputationParams(
    @Param(
            plausibleMin = 0.8,
            plausibleMax = 1,
            def = "1",
            min = 0,
            max = 1,
            doc = "Reputation of every firm at the start and of entrants.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double initial,
    @Param(
            plausibleMin = 0.005,
            plausibleMax = 0.02,
            def = "0.01",
            min = 0,
            max = 1,
            unit = "share of users per day",
            doc =
                "Public outcry when a firm's complaints in one step exceed this share of its users at the start of the step per day of the step (threshold x dt_days), so the threshold does not change with the step length.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double outcryThresholdShare,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.4,
            def = "0.2",
            min = 0,
            max = 1,
            doc = "Reputation lost in an outcry.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double outcryLoss,
    @Param(
            plausibleMin = 0.005,
            plausibleMax = 0.02,
            def = "0.01",
            min = 0,
            max = 1,
            unit = "reputation/day",
            doc =
                "Reputation regained per day, up to 1 (added, not a rate: a step of dt days adds dt times this).",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double recoveryPerDay,
    @Param(
            plausibleMin = 0.05,
            plausibleMax = 0.3,
            def = "0.15",
            min = 0,
            max = 1,
            doc = "Reputation lost when a community publicises a firm's expulsion.")
        double expulsionLoss,
    @Param(
            plausibleMin = 0.05,
            plausibleMax = 0.2,
            def = "0.1",
            min = 0,
            max = 1,
            doc = "Reputation lost when a regulator's sanction is published.")
        double sanctionLoss,
    // issue 12.1 (resp): the backlash response as a decision and the learned expected backlash.
    @Param(
            def = "decision",
            doc =
                "How a firm answers an outcry over its harmful practice: automatic (it revises the practice in full firms.response_latency_days after the first outcry, the market-kernel's rule) or decision (after deliberating firms.response_latency_days it chooses to revise fully, revise partly, wait or hold by firms.decision_rule, weighing what the practice earns against the users it loses and the outcries it expects; docs/ODD.md 7.1, M5).",
            source =
                "setting: issue 12 item 1; decision is the faithful default (the paper's firms revise because losing users costs them, paper 3.1.2)")
        BacklashResponse backlashResponse,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 0.75,
            def = "0.5",
            min = 0.01,
            max = 1,
            unit = "share",
            doc =
                "A partial revision removes this share of the practice's remaining intensity (its extra revenue, its harm, its visibility in the news and users' dislike of it all scale with the intensity).",
            source =
                "assumption: Tencent Yuanbao revised its terms three times in five days (paper 3.1.2), each a step of about half the way")
        double partialRevisionShare,
    @Param(
            def = "learned",
            doc =
                "Expected backlash in firms' decisions (M6): learned (expected outcries from a Gamma-Poisson belief per firm, updated by its own and, weighted, its rivals' outcries; smooth in a risk's visibility) or legacy (a risk's incidents are expected to cause one outcry each once visibility x mean information capability x voice exceeds the outcry threshold, else none; the practice's outcry is a probability firms.backlash_belief moved towards 1 by firms.backlash_learning_rate at each own outcry).",
            source =
                "setting: issue 12 item 1 (the legacy step made most logit choices near-deterministic)")
        ExpectedBacklash expectedBacklash,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 1,
            def = "0.3",
            min = 0,
            max = 1000,
            unit = "outcries per practice-year",
            doc =
                "Learned belief, prior mean: outcries a firm expects per year of keeping the harmful practice before any evidence (Gamma prior mean).",
            source =
                "assumption: the legacy prior firms.backlash_belief 0.3 read as a rate (about one outcry in three years)")
        double practiceOutcryPriorPerYear,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 4,
            def = "1",
            min = 0.001,
            max = 1000,
            unit = "practice-years",
            doc =
                "Learned belief, prior weight: the prior counts as this much experience of the practice (Gamma prior b0); the belief is (prior rate x this + outcries seen) / (this + practice-years seen), so a smaller value learns faster.",
            source = "assumption: the prior is worth one year of experience")
        double practiceOutcryPriorYears,
    @Param(
            plausibleMin = 0.3,
            plausibleMax = 3,
            def = "1",
            min = 0,
            max = 1000,
            unit = "outcries per unit of incident visibility",
            doc =
                "Learned belief, prior mean: outcries a firm expects per incident, per unit of the incident's visibility (an incident of visibility v is expected to cause min(1, belief x v) outcries).",
            source =
                "assumption: an incident seen by a share v of users makes an outcry with probability v")
        double incidentOutcryPrior,
    @Param(
            plausibleMin = 2,
            plausibleMax = 50,
            def = "10",
            min = 0.001,
            max = 1e6,
            unit = "visibility-weighted incidents",
            doc =
                "Learned belief, prior weight of incident_outcry_prior, in incidents weighted by their visibility (the belief is (prior x this + outcries seen) / (this + visibility of incidents seen)).",
            source = "assumption: the prior is worth about ten clearly visible incidents")
        double incidentOutcryPriorWeight,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 1,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Learned belief: a firm counts its rivals' outcries and exposure (practice-years, incident visibility) with this weight, its own with weight 1 (outcries are public news).",
            source = "assumption: a rival's experience is half as informative as one's own")
        double rivalEvidenceWeight,
    // issue 12.1 (lead, session 5): what a deciding firm counts as the users the practice costs it.
    @Param(
            def = "noticed",
            doc =
                "Which users a firm deciding on its practice (reputation.backlash_response decision) counts as lost to it: noticed (the usage that users took away from it in the steps they noticed one of its harms: the churn that follows its own complaints and news, which it can see) or net (the fall in its users since it adopted the practice, the rule before session 5, which also counts ordinary churn and is blind to losses that growth hides).",
            source =
                "setting: issue 12 item 1 ('users it is losing ... it sees its own churn and complaints'); noticed is the faithful default because net attributes every other reason for churn to the practice")
        UserLossEvidence userLossEvidence) {

  /** How a firm answers an outcry over its harmful practice (M5). */
  public enum BacklashResponse {
    /** Revise in full firms.response_latency_days after the first outcry (today's rule). */
    AUTOMATIC,
    /** Decide after deliberating: revise fully, revise partly, wait or hold. */
    DECISION
  }

  /** Expected backlash in firms' decisions (M6). */
  public enum ExpectedBacklash {
    /** The hard step on risks' visibility and the practice's probability belief. */
    LEGACY,
    /** Gamma-Poisson beliefs learned from own and rivals' outcries. */
    LEARNED
  }

  /** Which users a deciding firm counts as lost to its practice (M5/M6). */
  public enum UserLossEvidence {
    /** The fall in its users since adoption (before session 5). */
    NET,
    /** The usage taken away by users in the steps they noticed one of its harms. */
    NOTICED
  }
}
