package govsim.mechanism.malicious;

import govsim.scenario.Param;

/**
 * Providers' misuse safeguards (issue 12 item 5; M12 with M6, M8 and M3): a level in [0, 1] per
 * firm that blocks a share of the attacks run through its model, what it costs, what firms believe
 * it saves them, and what communities and regulators require of it. Used only when {@code
 * malicious.targeting} is not {@code none}.
 */
public record SafeguardParams(
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.4,
            def = "0.2",
            min = 0,
            max = 1,
            unit = "safeguard level",
            doc =
                "Lowest initial safeguard level of a firm (initial and entrants' levels ~ Uniform[initial_min, initial_max]; 0 none, 1 the best available).",
            source =
                "assumption: providers' misuse safeguards (filters, watermarking, deepfake detection, paper §3.1.4) differ widely")
        double initialMin,
    @Param(
            plausibleMin = 0.6,
            plausibleMax = 1,
            def = "0.8",
            min = 0,
            max = 1,
            unit = "safeguard level",
            doc = "Highest initial safeguard level of a firm.")
        double initialMax,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 0.95,
            def = "0.8",
            min = 0,
            max = 1,
            unit = "share of attempts",
            doc =
                "Share of the attacks through a provider that safeguards of level 1 stop: an attack through a provider of level x succeeds with probability 1 - efficacy x x.",
            source =
                "assumption: even the best safeguards miss some misuse (deepfake detectors lose accuracy on content from the wild)")
        double efficacy,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 5,
            def = "2",
            min = 0,
            max = 100,
            unit = "% of annual revenue",
            doc =
                "Yearly cost of safeguards of level 1; level x costs cost_at_full x x^cost_exponent.",
            source = "assumption: trust-and-safety spending of a few % of revenue")
        double costAtFull,
    @Param(
            plausibleMin = 1,
            plausibleMax = 3,
            def = "2",
            min = 1,
            max = 10,
            doc = "Exponent of the safeguards' cost curve (above 1: each step up costs more).",
            source = "assumption: rising marginal cost of catching the harder cases")
        double costExponent,
    @Param(
            plausibleMin = 0.05,
            plausibleMax = 0.2,
            def = "0.1",
            min = 0.001,
            max = 1,
            unit = "safeguard level",
            doc =
                "At a review a firm compares lowering its level by this step, keeping it and raising it by this step (local search, levels capped to [0, 1]).",
            source = "assumption: safeguards are built up and run down gradually")
        double step,
    @Param(
            plausibleMin = 90,
            plausibleMax = 730,
            def = "365",
            min = 1,
            max = 36500,
            unit = "days",
            doc =
                "Time constant of a firm's estimate of the attack attempts through its model (an exponentially weighted count per year of the attempts it saw, blocked or not; 0 at the start).",
            source = "assumption: firms judge misuse from about the last year of abuse reports")
        double beliefDays,
    @Param(
            plausibleMin = 0.02,
            plausibleMax = 0.3,
            def = "0.1",
            min = 0,
            max = 1,
            unit = "probability",
            doc =
                "Chance that a successful attack is publicly traced to the provider whose model it used (news, researchers).",
            source =
                "assumption; attribution happens: the January 2024 deepfakes of Taylor Swift were traced to Microsoft Designer, the Biden robocall voice to ElevenLabs")
        double attributionProbability,
    @Param(
            plausibleMin = 0.01,
            plausibleMax = 0.1,
            def = "0.05",
            min = 0,
            max = 1,
            doc =
                "Reputation a provider loses when an attack through its model is publicly traced to it (an outcry costs reputation.outcry_loss, 0.2 by default).",
            source = "assumption: less than a sanction (0.1) or an outcry (0.2)")
        double attributionReputationLoss,
    @Param(
            plausibleMin = 0.3,
            plausibleMax = 0.8,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "safeguard level",
            doc =
                "Minimum safeguard level every community's standards require of its members (0: none); each audit checks it with the community's assurance level, and a member below it is a violator (expelled or remedied as assurance.expel_on_violation says).",
            source =
                "assumption for the level; industry commitments require safeguards (the AI Safety Commitments of 16 Chinese firms, July 2025, and the frontier safety frameworks: no deployment without adequate safeguards, paper §3.1.3-§3.1.4)")
        double communityMinimum,
    @Param(
            plausibleMin = 0.3,
            plausibleMax = 0.8,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "safeguard level",
            doc =
                "Minimum safeguard level a regulator that enforces (centralized, hybrid) requires of the providers it licenses (0: none): when it traces an attack to its actor and the provider whose model was used serves its jurisdiction below this level, the provider is fined (enforcement.fine_revenue_share, times the backstop's penalty multiplier) and the sanction published (liability for misuse: punishment over prevention, paper §4.1).",
            source =
                "assumption for the level; providers' duties exist in law: EU AI Act Art. 50 (marking synthetic content), China's Provisions on Deep Synthesis (in force January 2023)")
        double regulatorMinimum) {

  public SafeguardParams {
    if (initialMin > initialMax) {
      throw new IllegalArgumentException("initial_min must not exceed initial_max");
    }
  }
}
