package govsim.mechanism.community;

import static govsim.mechanism.Fixtures.community;
import static govsim.mechanism.Fixtures.firm;
import static govsim.mechanism.Fixtures.member;
import static govsim.mechanism.Fixtures.risk;
import static govsim.mechanism.Fixtures.spec;
import static govsim.mechanism.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ec.util.MersenneTwisterFast;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.World;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * Communities that choose (issue 13 item 4), by hand: the similarity kernel and the founders it
 * picks, a member's preferred stringency, the consensus stringency, and the multinomial logit over
 * competing communities.
 */
class CommunityChoiceTest {
  @Test
  void theSimilarityKernelIsGaussianInAlignmentAndScaledCapability() {
    // d^2 = 0.1^2 + 0.2^2 = 0.05; 2 h^2 = 0.08.
    assertEquals(Math.exp(-0.625), CommunityChoice.similarity(0.1, 0.2, 0.2), 1e-15);
    assertEquals(1.0, CommunityChoice.similarity(0, 0, 0.2), 0.0);
    World w = world(1, 0);
    Firm a = firm(w, 0.5, 2.0, 1);
    Firm b = firm(w, 0.7, 4.0, 1);
    // Capability range 2: the capability distance is (4 - 2) / 2 = 1.
    assertEquals(2.0, CommunityChoice.capabilityRange(w.firms), 0.0);
    assertEquals(Math.exp(-(0.04 + 1.0) / 0.08), CommunityChoice.similarity(a, b, 2.0, 0.2), 1e-15);
  }

  @Test
  void foundersAreDrawnByTheirSimilarityToTheFirstFounder() {
    World w = world(1, 0);
    Firm seed = firm(w, 0.5, 0.0, 1);
    Firm same = firm(w, 0.5, 0.0, 1); // d = 0: weight 1
    Firm near = firm(w, 0.7, 0.0, 1); // d = 0.2: weight exp(-0.04/0.08) = exp(-0.5)
    Firm far = firm(w, 1.0, 0.0, 1); // d = 0.5: weight exp(-0.25/0.08) = exp(-3.125)
    BitSet exclude = new BitSet();
    exclude.set(seed.id);
    double total = 1 + Math.exp(-0.5) + Math.exp(-3.125);
    double pSame = 1 / total;
    double pNear = Math.exp(-0.5) / total;
    // The uniform picks the slice: [0, pSame) same, [pSame, pSame + pNear) near, the rest far.
    double[] scratch = new double[4];
    assertSame(same, drawWith(w, seed, exclude, scratch, pSame - 1e-9));
    assertSame(near, drawWith(w, seed, exclude, scratch, pSame + 1e-9));
    assertSame(near, drawWith(w, seed, exclude, scratch, pSame + pNear - 1e-9));
    assertSame(far, drawWith(w, seed, exclude, scratch, pSame + pNear + 1e-9));
    assertEquals(0.0, scratch[seed.id], 0.0, "the first founder is not drawn again");
    assertEquals(Math.exp(-0.5), scratch[near.id], 1e-15);
    // Nobody left to draw.
    exclude.set(0, 4);
    assertNull(CommunityChoice.drawSimilar(w, seed, exclude, 0.2, scratch, rng(0.3)));
  }

  private static Firm drawWith(World w, Firm seed, BitSet exclude, double[] scratch, double u) {
    return CommunityChoice.drawSimilar(w, seed, exclude, 0.2, scratch, rng(u));
  }

  /** A generator whose nextDouble is u (the founders' draw takes one uniform). */
  private static MersenneTwisterFast rng(double u) {
    return new MersenneTwisterFast(1) {
      private static final long serialVersionUID = 1L;

      @Override
      public double nextDouble() {
        return u;
      }
    };
  }

  @Test
  void aMembersPreferredStringencyMaximisesBenefitLessConvexCost() {
    // e = 2: s* = B / (2 C).
    assertEquals(0.4 / 0.7, CommunityChoice.preferredStringency(0.4, 0.35, 2, 0.3, 0.95), 1e-15);
    assertEquals(0.95, CommunityChoice.preferredStringency(0.8, 0.35, 2, 0.3, 0.95), 0.0);
    assertEquals(0.3, CommunityChoice.preferredStringency(0.1, 0.35, 2, 0.3, 0.95), 0.0);
    // e = 3: s* = (B / (3 C))^(1/2) = 0.4^0.5.
    assertEquals(Math.sqrt(0.4), CommunityChoice.preferredStringency(0.6, 0.5, 3, 0.0, 1.0), 1e-15);
    // e = 1 (linear cost): all or nothing.
    assertEquals(0.95, CommunityChoice.preferredStringency(0.4, 0.35, 1, 0.3, 0.95), 0.0);
    assertEquals(0.3, CommunityChoice.preferredStringency(0.3, 0.35, 1, 0.3, 0.95), 0.0);
    // Free compliance: the strictest.
    assertEquals(0.95, CommunityChoice.preferredStringency(0.0, 0.0, 2, 0.3, 0.95), 0.0);
  }

  @Test
  void theConsensusIsTheHighestStringencyAShareOfTheVotesAccepts() {
    // Sorted from the strictest: 0.9, 0.8, 0.7, 0.6, 0.5, each 1/5 of the votes.
    assertEquals(0.7, consensus(new double[] {0.9, 0.5, 0.7, 0.6, 0.8}, ones(5), 0.5), 0.0);
    assertEquals(0.5, consensus(new double[] {0.9, 0.5, 0.7, 0.6, 0.8}, ones(5), 1.0), 0.0);
    assertEquals(0.9, consensus(new double[] {0.9, 0.5, 0.7, 0.6, 0.8}, ones(5), 0.0), 0.0);
    // Two thirds of 5 votes = 3.33: the fourth strictest, 0.6.
    assertEquals(0.6, consensus(new double[] {0.9, 0.5, 0.7, 0.6, 0.8}, ones(5), 2.0 / 3), 0.0);
    // Weighted: the member preferring 0.5 holds 3 of 7 votes; half the votes (3.5) are reached
    // at 0.6 (1 + 1 + 1 + 1 = 4).
    double[] prefs = {0.9, 0.5, 0.7, 0.6, 0.8};
    double[] votes = {1, 3, 1, 1, 1};
    assertEquals(0.6, consensus(prefs, votes, 0.5), 0.0);
    assertEquals(0.5, prefs[4], 0.0, "sorted in place from the strictest");
    assertEquals(3.0, votes[4], 0.0, "votes sorted with their preferences");
    assertEquals(Double.NaN, consensus(new double[0], new double[0], 0.5), 0.0);
  }

  private static double consensus(double[] prefs, double[] votes, double q) {
    return CommunityChoice.consensusStringency(prefs, votes, prefs.length, q);
  }

  private static double[] ones(int n) {
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1.0);
    return x;
  }

  @Test
  void aCommunitysStringencyIsItsMembersConsensus() {
    // Harm aversion 20, exposure 0.01, one known risk with hazard 2/year and severity 2: a
    // member's benefit per unit of stringency is 20 x 0.01 x 2 x 2 = 0.8 x alignment; marginal
    // cost 0.5 x (1 - 0.3) = 0.35, exponent 2: s* = 0.8 a / 0.7, in [0.3, 0.95].
    ModelSpec s =
        spec(
            "communities.stringency_min=0.3",
            "communities.stringency_max=0.95",
            "communities.choice.consensus_quantile=0.5");
    StandardSetting m = StandardSettingTest.build(s);
    World w = world(1, 0);
    risk(w, 2, 0.01, 2 / 365.0, false);
    Community c = community(w, 0.8, 0.8, 0L);
    for (double a : new double[] {0.2, 0.5, 0.9}) member(firm(w, a, 0, 1), c);
    double perAlignment = m.benefitPerAlignment(w);
    assertEquals(0.8, perAlignment, 1e-12);
    assertEquals(0.3, m.preferredStringency(w.firms.get(0), perAlignment), 0.0); // 0.229
    assertEquals(0.4 / 0.7, m.preferredStringency(w.firms.get(1), perAlignment), 1e-12);
    assertEquals(0.95, m.preferredStringency(w.firms.get(2), perAlignment), 0.0); // 1.03
    m.chooseStringency(w, c, perAlignment);
    assertEquals(0.4 / 0.7, c.stringency, 1e-12, "the median member's preference");
    // Unanimity: the least demanding member's; the strictest's under q = 0.
    StandardSetting unanimity =
        StandardSettingTest.build(
            spec(
                "communities.stringency_min=0.3",
                "communities.stringency_max=0.95",
                "communities.choice.consensus_quantile=1"));
    unanimity.chooseStringency(w, c, perAlignment);
    assertEquals(0.3, c.stringency, 0.0);
    // Revised as membership changes: the laxest member leaves, the median of two (0.571, 0.95)
    // at q = 1 is 0.571.
    c.members.clear(0);
    unanimity.chooseStringency(w, c, perAlignment);
    assertEquals(0.4 / 0.7, c.stringency, 1e-12);
  }

  @Test
  void firmsChooseAmongCommunitiesByAMultinomialLogit() {
    double[] v = {1.0, 0.0};
    double denominator =
        1 + Math.E + 1; // staying out exp(0), community 0 exp(1), community 1 exp(0)
    assertEquals(1 / denominator, CommunityChoice.logitProbability(v, 2, 1.0, -1), 1e-15);
    assertEquals(Math.E / denominator, CommunityChoice.logitProbability(v, 2, 1.0, 0), 1e-15);
    assertEquals(1 / denominator, CommunityChoice.logitProbability(v, 2, 1.0, 1), 1e-15);
    double out = 1 / denominator;
    double first = Math.E / denominator;
    assertEquals(-1, CommunityChoice.chooseLogit(v, 2, 1.0, out - 1e-9));
    assertEquals(0, CommunityChoice.chooseLogit(v, 2, 1.0, out + 1e-9));
    assertEquals(0, CommunityChoice.chooseLogit(v, 2, 1.0, out + first - 1e-9));
    assertEquals(1, CommunityChoice.chooseLogit(v, 2, 1.0, out + first + 1e-9));
    // Intensity 2 on values (1, -1): exp(2), exp(-2) against exp(0); large values do not overflow.
    double[] w = {1.0, -1.0};
    assertEquals(
        Math.exp(2) / (1 + Math.exp(2) + Math.exp(-2)),
        CommunityChoice.logitProbability(w, 2, 2.0, 0),
        1e-15);
    double[] big = {1000.0, 999.0};
    assertEquals(
        1 / (1 + Math.exp(-1) + Math.exp(-1000)),
        CommunityChoice.logitProbability(big, 2, 1.0, 0),
        1e-12);
  }
}
