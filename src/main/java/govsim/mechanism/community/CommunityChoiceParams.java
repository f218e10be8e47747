package govsim.mechanism.community;

import govsim.scenario.Param;

/**
 * Parameters of communities that choose (issue 13 item 4; MODEL.md §4 M7/M8; paper §2.1, §3.1.3):
 * who founds a community with whom, how its members choose its stringency, and how a firm picks
 * among competing communities. Each rule has a legacy value that reproduces the model before issue
 * 13 (random founders, stringency drawn once, join the single best community).
 */
public record CommunityChoiceParams(
    @Param(
            def = "similar",
            doc =
                "Who founds a community: random (founders drawn at random among the firms, the legacy rule) or similar (a first founder at random, the others drawn with weights given by a Gaussian similarity kernel on alignment and capability to the first one; initial members pick the community whose first founder is most like them, by the same kernel).",
            source =
                "paper §2.1 and abstract: communities of actors 'with the same willingness and ability'; random reproduces the model before issue 13")
        FounderRule founderRule,
    @Param(
            plausibleMin = 0.1,
            plausibleMax = 0.5,
            def = "0.2",
            min = 0.001,
            max = 1000,
            unit = "distance in (alignment, capability/range) space",
            doc =
                "Bandwidth h of the similarity kernel exp(-d^2 / (2 h^2)), d the Euclidean distance between two firms' alignments and capabilities (capability divided by the range of the active firms' capabilities); large h makes founding random.",
            source =
                "assumption: like-minded firms within about a fifth of the alignment range of each other")
        double similarityBandwidth,
    @Param(
            def = "consensus",
            doc =
                "How a community's stringency is set: fixed (drawn once at formation, the legacy rule) or consensus (the highest stringency that a share consensus_quantile of the members' votes accepts, each member accepting any stringency up to its own preferred one; recomputed every step as membership and risks change).",
            source =
                "issue 13 item 4: stringency as a collective choice of members; fixed reproduces the model before issue 13")
        StringencyRule stringencyRule,
    @Param(
            plausibleMin = 0.5,
            plausibleMax = 1,
            def = "0.667",
            min = 0,
            max = 1,
            unit = "share of votes",
            doc =
                "Consensus rule: share of the members' votes that must accept a stringency (0.5: the median member's preference; 1: unanimity, the least demanding member's preference; 0: the strictest member's).",
            source =
                "ISO/IEC Directives Part 1 (2024) §2.6.3 and §2.7.3: a DIS or FDIS is approved if two thirds of the P-members voting are in favour; plausible from a simple majority to unanimity")
        double consensusQuantile,
    @Param(
            def = "members",
            doc =
                "Votes in the consensus: members (one member, one vote, as national bodies in ISO) or users (each member's votes proportional to its users, as market power in an industry consortium).",
            source = "ISO/IEC Directives Part 1: one vote per P-member")
        VoteWeight voteWeight,
    @Param(
            plausibleMin = 0.02,
            plausibleMax = 0.15,
            def = "0.05",
            min = 0,
            max = 1,
            unit = "stringency",
            doc =
                "A standard in force whose stringency differs from the community's current choice by more than this is revised (drafted again at the chosen stringency, with the usual lag; the old one stays in force meanwhile).",
            source =
                "assumption: small drifts in the members' preferences do not reopen a standard")
        double revisionTolerance,
    @Param(
            def = "logit",
            doc =
                "How a reviewing firm picks a community to join (decision_rule logit): best (the legacy rule: the best-valued community, then a logit on joining it) or logit (a multinomial logit over staying out and every community it may join, P(c) = exp(k V_c) / (1 + sum_k exp(k V_k)), k = firms.decision_intensity), so that communities of different sizes and stringencies compete for members.",
            source =
                "MODEL.md §3 Firms: bounded rationality (logit choice); best reproduces the model before issue 13")
        JoinRule joinRule) {

  /** Who founds a community with whom. */
  public enum FounderRule {
    /** Founders drawn at random among the firms (legacy). */
    RANDOM,
    /** Founders drawn by similarity to a first, random founder. */
    SIMILAR
  }

  /** How a community's stringency is set. */
  public enum StringencyRule {
    /** Drawn once at formation and kept (legacy). */
    FIXED,
    /** The members' collective choice under the consensus rule. */
    CONSENSUS
  }

  /** Whose votes count how much in the consensus. */
  public enum VoteWeight {
    /** One member, one vote. */
    MEMBERS,
    /** Votes proportional to each member's users. */
    USERS
  }

  /** How a firm picks among communities. */
  public enum JoinRule {
    /** The single best community, then a logit on joining it (legacy). */
    BEST,
    /** A multinomial logit over staying out and every community. */
    LOGIT
  }
}
