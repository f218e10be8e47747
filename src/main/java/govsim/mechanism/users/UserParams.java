package govsim.mechanism.users;

import govsim.scenario.Param;

/**
 * Parameters of M4, users: choice, switching, attention, many eyes (MODEL.md §4 M4; paper §2.1,
 * §3.1.5).
 */
public record UserParams(
    @Param(
            def = "100000",
            min = 1,
            max = 50000000,
            unit = "users",
            doc = "Number of users.",
            source = "MODEL.md §3: 10^5 to 10^7 users; 10^5 is the baseline")
        int count,
    @Param(
            def = "0.05",
            min = 0,
            max = 100,
            unit = "utility",
            doc =
                "Mean switching cost (exponential across users), in the same utility units as quality.",
            source = "assumption: near-zero switching cost, 'a few clicks' (paper §3.1.5)")
        double switchingCostMean,
    @Param(
            def = "0.0202",
            min = 0,
            max = 100,
            unit = "1/day",
            doc =
                "Rate at which a user reconsiders her provider without a trigger (0.0202/day is a 2% daily chance).",
            source = "market-kernel benchmark specification: 2% of users reconsider a day")
        double attentionRatePerDay,
    @Param(
            def = "0",
            min = 0,
            max = 5,
            doc =
                "Heterogeneity of attention: sigma of a mean-preserving log-normal factor across users (0: identical).")
        double attentionHeterogeneity,
    @Param(
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
            def = "1",
            min = 0,
            max = 1,
            unit = "probability factor",
            doc = "Information capability of ordinary users: multiplies a harm's visibility.")
        double infoCapabilityStrong,
    @Param(
            def = "0.3",
            min = 0,
            max = 1,
            unit = "probability factor",
            doc = "Information capability of information-weak users.",
            source = "assumption: information-weak users notice about a third as often")
        double infoCapabilityWeak,
    @Param(
            def = "1",
            min = 0,
            max = 1,
            unit = "probability",
            doc = "Chance that a user who notices a harm files a complaint (voice).",
            source = "market-kernel benchmark specification: every user who notices complains")
        double voicePropensity,
    @Param(
            def = "5",
            min = 0,
            max = 1000,
            unit = "1/utility",
            doc = "Intensity of the users' logit choice (0: choose at random).",
            source = "market-kernel benchmark specification (logit intensity 5)")
        double choiceIntensity,
    @Param(
            def = "1",
            min = -100,
            max = 100,
            doc = "Weight of a provider's capability (quality) in user utility.",
            source = "market-kernel benchmark specification")
        double weightQuality,
    @Param(
            def = "1",
            min = -100,
            max = 100,
            doc = "Weight of a provider's reputation in user utility.",
            source = "market-kernel benchmark specification")
        double weightReputation,
    @Param(
            def = "0.5",
            min = -100,
            max = 100,
            doc = "Disutility of a provider's harmful practice.",
            source = "market-kernel benchmark specification")
        double weightPractice,
    @Param(
            def = "0.1",
            min = -100,
            max = 100,
            doc = "Utility of a provider's community certification.")
        double weightCertification) {

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
}
