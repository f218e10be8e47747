package govsim.mechanism.community;

import govsim.scenario.Param;

/** Parameters of M7, compliance communities and standards (MODEL.md §4 M7; paper §2.1, §3.1.3). */
public record CommunityParams(
    @Param(
            def = "false",
            doc = "Whether compliance communities exist (set by the regime preset).",
            source = "setting: set by the regime preset (MODEL.md §5)")
        boolean enabled,
    @Param(
            plausibleMin = 1,
            plausibleMax = 6,
            def = "3",
            min = 0,
            max = 1000,
            unit = "communities",
            doc = "Communities at the start.",
            source = "assumption: 'a few communities' (issue 2)")
        int initialCount,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 0.75,
            def = "0.5",
            min = 0,
            max = 1,
            unit = "share",
            doc = "Share of firms that start as members of a (random) community.")
        double initialMembershipShare,
    @Param(
            plausibleMin = 0.4,
            plausibleMax = 0.7,
            def = "0.6",
            min = 0,
            max = 1,
            doc = "Lowest stringency of a community's standards (hazard share removed).")
        double stringencyMin,
    @Param(
            plausibleMin = 0.8,
            plausibleMax = 1,
            def = "0.95",
            min = 0,
            max = 1,
            doc = "Highest stringency (stringency ~ Uniform[min, max]).")
        double stringencyMax,
    @Param(
            plausibleMin = 4,
            plausibleMax = 24,
            def = "12",
            min = 0,
            max = 36500,
            unit = "1/year",
            doc =
                "Rate at which a community picks up a known risk that none of its members has met yet.",
            source = "assumption: technical communities follow the field closely (paper §3.1.3)")
        double riskDiscoveryRatePerYear,
    @Param(
            plausibleMin = 60,
            plausibleMax = 365,
            def = "243",
            min = 0,
            max = 36500,
            unit = "days",
            doc =
                "Standard-setting lag of a small community (the lag of a community of size n is this times (1 + n/lag_size_scale)^lag_size_exponent).",
            source =
                "IEEE's Global Initiative on Ethics of Autonomous and Intelligent Systems was launched in April 2016 and published the first version of Ethically Aligned Design in December 2016 (paper §3.1.3): about 8 months, 8 x 30.4 = 243 days, for a new body of a few founding organisations; plausible from two months (an industry consortium's test specification) to a year")
        double standardLagDays,
    @Param(
            plausibleMin = 5,
            plausibleMax = 20,
            def = "10",
            min = 1,
            max = 1e6,
            unit = "members",
            doc = "Consensus cost: the lag is multiplied by (1 + members/scale)^exponent.")
        double lagSizeScale,
    @Param(
            plausibleMin = 0.25,
            plausibleMax = 1,
            def = "0.5",
            min = 0,
            max = 5,
            doc = "Exponent of the consensus cost.",
            source =
                "assumption; a check against formal standards bodies: ISO reports about 3 years from proposal to publication (1095 days) for committees of some 40 national bodies, which with standard_lag_days 243 and lag_size_scale 10 implies an exponent of ln(1095/243)/ln(5) = 0.93, inside the plausible range; 0.5 gives 543 days there")
        double lagSizeExponent,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 1,
            def = "0.3",
            min = 0,
            max = 100,
            unit = "% of annual revenue",
            doc = "Membership fee per year.",
            source = "assumption: certification fees well below 1% of revenue")
        double feePerYear,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.3",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Shared tooling: share of a member's compliance cost saved on its community's standards.",
            source =
                "assumption; shared evaluation tooling such as OpenCompass (paper §3.1.3, §3.1.4)")
        double toolingCostReduction,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 2,
            def = "1",
            min = 0,
            max = 1000,
            unit = "1/year",
            doc =
                "Rate at which a new community forms while some known risk has no community standard.")
        double formationRatePerYear,
    @Param(
            plausibleMin = 3,
            plausibleMax = 5,
            def = "3",
            min = 1,
            max = 1000,
            unit = "firms",
            doc = "Founding members of a new community.")
        int foundingMembers,
    @Param(
            plausibleMin = 5,
            plausibleMax = 20,
            def = "10",
            min = 1,
            max = 1000,
            unit = "draws per founding member",
            doc =
                "Founders are drawn at random among all firms, at most this many draws per founding seat, so that a nearly empty market cannot stall formation (a community may start with fewer founders).",
            source =
                "assumption: a bound, not a behaviour; it matters only when few of the firms ever created are still active")
        int founderDrawsPerSeat,
    @Param(
            plausibleMin = 1,
            plausibleMax = 2,
            def = "2",
            min = 1,
            max = 1000,
            unit = "firms",
            doc = "A community with fewer members dissolves.")
        int minMembers,
    @Param(
            plausibleMin = 2500,
            plausibleMax = 10000,
            def = "5000",
            min = 0,
            max = 1e12,
            unit = "currency/year",
            doc = "Running cost of a community per member.")
        double costPerMemberYear,
    @Param(
            plausibleMin = 0,
            plausibleMax = 0.5,
            def = "0",
            min = 0,
            max = 1,
            unit = "share",
            doc =
                "Share of the initial risks for which each initial community already has a standard in force on day 0.")
        double initialStandardsShare,
    @Param(
            doc =
                "Communities that choose (issue 13 item 4): founding by similarity, stringency as a collective choice, competition for members.")
        CommunityChoiceParams choice) {

  public CommunityParams {
    if (stringencyMin > stringencyMax) {
      throw new IllegalArgumentException("stringency_min must not exceed stringency_max");
    }
  }
}
