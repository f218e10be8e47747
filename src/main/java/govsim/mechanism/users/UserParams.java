package govsim.mechanism.users;

import govsim.scenario.Param;

/**
 * Parameters of M4, users: choice, switching, attention, many eyes (MODEL.md §4 M4; paper §2.1,
 * §3.1.5).
 */
public record UserParams(
    @Param(
            plausibleMin = 100000,
            plausibleMax = 10000000,
            def = "100000",
            min = 1,
            max = 50000000,
            unit = "users",
            doc = "Number of users.",
            source = "MODEL.md §3: 10^5 to 10^7 users; 10^5 is the baseline")
        int count,
    @Param(
            plausibleMin = 0.01,
            plausibleMax = 0.2,
            def = "0.05",
            min = 0,
            max = 100,
            unit = "utility",
            doc =
                "Mean switching cost (exponential across users), in the same utility units as quality.",
            source = "assumption: near-zero switching cost, 'a few clicks' (paper §3.1.5)")
        double switchingCostMean,
    @Param(
            plausibleMin = 0.01,
            plausibleMax = 0.05,
            def = "0.0202",
            min = 0,
            max = 100,
            unit = "1/day",
            doc =
                "Rate at which a user reconsiders her provider without a trigger (0.0202/day is a 2% daily chance).",
            source =
                "assumption: the market-kernel benchmark specification's 2% of users reconsidering a day (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double attentionRatePerDay,
    @Param(
            plausibleMin = 0,
            plausibleMax = 1,
            def = "0",
            min = 0,
            max = 5,
            doc =
                "Heterogeneity of attention: sigma of a mean-preserving log-normal factor across users (0: identical).")
        double attentionHeterogeneity,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.3,
            def = "0.2",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of information-weak users (the paper's 'cultural weak'), who notice harms less.",
            source =
                "assumption: a fifth of users are information-weak (the paper's 'cultural weak', §4.4, gives no figure)")
        double infoWeakShare,
    @Param(
            plausibleMin = 0.8,
            plausibleMax = 1,
            def = "1",
            min = 0,
            max = 1,
            unit = "probability factor",
            doc = "Information capability of ordinary users: multiplies a harm's visibility.")
        double infoCapabilityStrong,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "probability factor",
            doc = "Information capability of information-weak users.",
            source = "assumption: information-weak users notice about a third as often")
        double infoCapabilityWeak,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 1,
            def = "1",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Chance that a user who notices a harm files a complaint (voice).",
            source =
                "assumption: the market-kernel benchmark specification's every user who notices complains (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double voicePropensity,
    @Param(
            plausibleMin = 2,
            plausibleMax = 10,
            def = "5",
            min = 0,
            max = 1000,
            unit = "1/utility",
            doc = "Intensity of the users' logit choice (0: choose at random).",
            source =
                "assumption: the market-kernel benchmark specification's logit intensity 5 (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double choiceIntensity,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = -100,
            max = 100,
            doc = "Weight of a provider's capability (quality) in user utility.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double weightQuality,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = -100,
            max = 100,
            doc = "Weight of a provider's reputation in user utility.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double weightReputation,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 1,
            def = "0.5",
            min = -100,
            max = 100,
            doc = "Disutility of a provider's harmful practice.",
            source =
                "assumption: the value of the market-kernel benchmark specification (shared/bench/market-kernel.md), a benchmark's choice, not a measurement")
        double weightPractice,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.3,
            def = "0.1",
            min = -100,
            max = 100,
            doc = "Utility of a provider's community certification.")
        double weightCertification,
    // issue 12.3 (users): multi-homing (M4/M9).
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.6,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of users who multi-home: each holds several providers (users.multi_homing_providers) and divides her usage among them; 0: every user has one provider.",
            source =
                "assumption: the paper stresses multi-homing (§3.1.5) without a figure; surveys of generative-AI users report platform reach summing well above 100% of users (e.g. PYMNTS Intelligence, January 2026: 83% had used ChatGPT, 48% Gemini, 30% Copilot), but counting use at least once, not regular use of several")
        double multiHomingShare,
    @Param(
            plausibleMin = 2,
            plausibleMax = 4,
            def = "2",
            min = 2,
            max = 8,
            unit = "providers",
            doc =
                "Providers a multi-homing user holds at most (her initial ones are drawn uniformly among those licensed in her jurisdiction; usage starts evenly divided).",
            source = "assumption: two assistants is the simplest case of multi-homing")
        int multiHomingProviders,
    @Param(
            plausibleMin = 0.2,
            plausibleMax = 1,
            def = "0.5",
            min = 0.01,
            max = 1,
            unit = "share",
            doc =
                "Share of the source provider's usage a multi-homing user moves when she switches to a provider she holds or into a free slot (1: all of it); with every slot taken, a new provider replaces the source and takes all of its usage.",
            source = "assumption: a switch moves half of the usage away from the provider left")
        double usageShiftShare,
    // issue 12.1 (lead, session 5): does noticing a harm make a user reconsider at once?
    @Param(
            def = "attention",
            doc =
                "What a user who notices one of her provider's harms does besides complaining: immediate (she reconsiders her provider in that step, whatever her attention; the rule before session 5 and the market kernel's) or attention (she reconsiders only if her attention would bring her to compare providers while the harm is on her mind, users.noticed_harm_memory_days: with probability 1 - exp(-attention rate x memory), drawn in the step she notices and acted on then, so her provider sees the churn at once; otherwise her attention clock runs on as before).",
            source =
                "setting: issue 12 item 1 (users' attention must play a part in the backlash); MODEL.md section 3 gives users 'an attention rate at which they reconsider' and a separate probability of noticing; the paper's multi-homing users are 'always comparing models' (paper 3.1.5)")
        NoticingResponse noticingResponse,
    @Param(
            plausibleMin = 7,
            plausibleMax = 90,
            def = "30",
            min = 0,
            max = 36500,
            unit = "days",
            doc =
                "With users.noticing_response attention: how long a noticed harm stays on a user's mind, so that an attention clock firing within it makes her reconsider because of it (at the default attention of 0.0202 a day, 30 days gives 1 - exp(-0.606) = 45% of noticers reconsidering; 0: noticing never makes her reconsider).",
            source =
                "assumption: about a month, the life of a story in the news cycle; the Yuanbao episode ran its course within a week (paper 3.1.2), an upper bound for the public's attention, not for a user's memory")
        double noticedHarmMemoryDays) {

  public UserParams {
    if (infoCapabilityWeak > infoCapabilityStrong) {
      throw new IllegalArgumentException(
          "info_capability_weak ("
              + infoCapabilityWeak
              + ") must not exceed info_capability_strong ("
              + infoCapabilityStrong
              + ")");
    }
  }

  /** What a user who notices a harm does besides complaining (M4). */
  public enum NoticingResponse {
    /** She reconsiders her provider at once (before session 5; the market kernel). */
    IMMEDIATE,
    /** She reconsiders if her attention would fire while she remembers the harm. */
    ATTENTION
  }
}
