package govsim.mechanism.community;

import ec.util.MersenneTwisterFast;
import govsim.world.Firm;
import govsim.world.World;
import java.util.BitSet;
import java.util.List;

/**
 * Communities that choose (issue 13 item 4; MODEL.md §4 M7; paper §2.1, §3.1.3): the pure rules
 * behind founding by similarity, stringency as the members' collective choice and the firms' choice
 * among competing communities. Every method is a function of plain values (and the rng passed in),
 * so that its hand-derived values can be tested.
 */
public final class CommunityChoice {
  private CommunityChoice() {}

  /**
   * Gaussian similarity kernel {@code exp(-(da^2 + dc^2) / (2 h^2))} of two firms whose alignments
   * differ by {@code dAlignment} and whose capabilities, divided by the capability range, differ by
   * {@code dCapability}.
   */
  public static double similarity(double dAlignment, double dCapability, double bandwidth) {
    double d2 = dAlignment * dAlignment + dCapability * dCapability;
    return Math.exp(-d2 / (2.0 * bandwidth * bandwidth));
  }

  /**
   * The range of the active firms' capabilities (max - min), or 1 when it is 0 or no firm is
   * active, so that capability distances are on the same 0..1 scale as alignment.
   */
  public static double capabilityRange(List<Firm> firms) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Firm f : firms) {
      if (!f.active) continue;
      lo = Math.min(lo, f.capability);
      hi = Math.max(hi, f.capability);
    }
    double range = hi - lo;
    return range > 0 && Double.isFinite(range) ? range : 1.0;
  }

  /** Similarity of two firms (kernel on alignment and range-scaled capability). */
  public static double similarity(Firm a, Firm b, double capabilityRange, double bandwidth) {
    return similarity(
        a.alignment - b.alignment, (a.capability - b.capability) / capabilityRange, bandwidth);
  }

  /**
   * Index drawn from {@code weights[0..n)} with probability proportional to the weight, using the
   * uniform {@code u} in [0, 1); -1 if every weight is 0. The first index whose cumulative weight
   * exceeds {@code u * total} is returned.
   */
  public static int drawWeighted(double[] weights, int n, double u) {
    double total = 0.0;
    for (int i = 0; i < n; i++) total += weights[i];
    if (!(total > 0)) return -1;
    double x = u * total;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (weights[i] <= 0) continue;
      last = i;
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return last;
  }

  /**
   * A member's preferred stringency: the s in [min, max] that maximises {@code B s - C s^e}, its
   * benefit (harm to its users avoided per unit of stringency, weighted by its alignment) less the
   * compliance cost of stringency s (C s^e, e the stringency cost exponent). For e > 1 the optimum
   * is {@code (B / (e C))^(1/(e-1))}, clamped to [min, max]; for e = 1 (linear cost) it is max if B
   * > C and min otherwise. With C = 0 it is max.
   */
  public static double preferredStringency(
      double benefit, double marginalCost, double exponent, double min, double max) {
    if (!(marginalCost > 0)) return max;
    double s;
    if (exponent <= 1.0 + 1e-12) {
      s = benefit > marginalCost ? max : min;
    } else {
      s = Math.pow(Math.max(0.0, benefit) / (exponent * marginalCost), 1.0 / (exponent - 1.0));
    }
    return Math.max(min, Math.min(max, s));
  }

  /**
   * The consensus stringency: the highest s such that members holding at least a share {@code
   * quantile} of the votes accept it, a member accepting any s up to its own preference. With the
   * preferences sorted from the strictest down, it is the first preference at which the cumulative
   * vote share reaches {@code quantile} (within 1e-12). {@code prefs} and {@code weights} (first
   * {@code n} entries) are sorted in place, together; NaN if n is 0 or every weight is 0.
   */
  public static double consensusStringency(
      double[] prefs, double[] weights, int n, double quantile) {
    // Insertion sort, descending by preference (a community has few members; allocation-free).
    for (int i = 1; i < n; i++) {
      double p = prefs[i];
      double wt = weights[i];
      int j = i - 1;
      while (j >= 0 && prefs[j] < p) {
        prefs[j + 1] = prefs[j];
        weights[j + 1] = weights[j];
        j--;
      }
      prefs[j + 1] = p;
      weights[j + 1] = wt;
    }
    double total = 0.0;
    for (int i = 0; i < n; i++) total += weights[i];
    if (n == 0 || !(total > 0)) return Double.NaN;
    double need = quantile * total - 1e-12 * total;
    double acc = 0.0;
    for (int i = 0; i < n; i++) {
      acc += weights[i];
      if (acc >= need) return prefs[i];
    }
    return prefs[n - 1];
  }

  /**
   * Multinomial logit over staying out (value 0) and {@code n} options with the given values:
   * option i is chosen with probability {@code exp(k v_i) / (1 + sum_j exp(k v_j))}. Returns the
   * chosen index, or -1 for staying out, using the uniform {@code u} in [0, 1) (staying out is the
   * first slice of [0, 1), then the options in order). Computed with the largest exponent factored
   * out, so large values do not overflow.
   */
  public static int chooseLogit(double[] values, int n, double intensity, double u) {
    double top = 0.0;
    for (int i = 0; i < n; i++) top = Math.max(top, intensity * values[i]);
    double total = Math.exp(-top);
    for (int i = 0; i < n; i++) total += Math.exp(intensity * values[i] - top);
    double x = u * total - Math.exp(-top);
    if (x < 0) return -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      double e = Math.exp(intensity * values[i] - top);
      last = i;
      if (x < e) return i;
      x -= e;
    }
    return last;
  }

  /** The probability that {@link #chooseLogit} picks option {@code i} (-1: staying out). */
  public static double logitProbability(double[] values, int n, double intensity, int i) {
    double top = 0.0;
    for (int k = 0; k < n; k++) top = Math.max(top, intensity * values[k]);
    double total = Math.exp(-top);
    for (int k = 0; k < n; k++) total += Math.exp(intensity * values[k] - top);
    return (i < 0 ? Math.exp(-top) : Math.exp(intensity * values[i] - top)) / total;
  }

  /**
   * Draws one firm among the active firms not in {@code exclude}, with weights given by the
   * similarity kernel to {@code seed}: a founder of a community under the similar rule. Returns
   * null if no candidate has a positive weight. {@code scratch} holds at least {@code
   * w.firms.size()} entries.
   */
  static Firm drawSimilar(
      World w,
      Firm seed,
      BitSet exclude,
      double bandwidth,
      double[] scratch,
      MersenneTwisterFast rng) {
    double range = capabilityRange(w.firms);
    int n = w.firms.size();
    for (int i = 0; i < n; i++) {
      Firm f = w.firms.get(i);
      scratch[i] = f.active && !exclude.get(f.id) ? similarity(f, seed, range, bandwidth) : 0.0;
    }
    int k = drawWeighted(scratch, n, rng.nextDouble());
    return k < 0 ? null : w.firms.get(k);
  }

  /**
   * The initial memberships (initialization): each firm is drawn a member with probability {@code
   * share}. Under the random founder rule a member joins a community drawn uniformly (the legacy
   * draw). Under the similar rule each community first gets a founder drawn uniformly among the
   * firms not yet founders (who is a member from the start), and a member joins a community drawn
   * with weights given by the similarity kernel between it and the founders.
   */
  public static void assignInitialMembers(
      World w, MersenneTwisterFast rng, double share, CommunityChoiceParams choice) {
    int nc = w.communities.size();
    if (nc == 0) return;
    if (choice.founderRule() == CommunityChoiceParams.FounderRule.RANDOM) {
      for (Firm f : w.firms) {
        if (govsim.mechanism.Draws.bernoulli(rng, share)) {
          Membership.join(w, f, w.communities.get(rng.nextInt(nc)));
        }
      }
      return;
    }
    BitSet founders = new BitSet();
    for (var c : w.communities) {
      if (founders.cardinality() >= w.firms.size()) break;
      int id;
      do {
        id = rng.nextInt(w.firms.size());
      } while (founders.get(id));
      founders.set(id);
      c.founder = id;
      Membership.join(w, w.firms.get(id), c);
    }
    double range = capabilityRange(w.firms);
    double[] weights = new double[nc];
    for (Firm f : w.firms) {
      if (founders.get(f.id) || !govsim.mechanism.Draws.bernoulli(rng, share)) continue;
      for (int c = 0; c < nc; c++) {
        var com = w.communities.get(c);
        weights[c] =
            com.founder < 0
                ? 0.0
                : similarity(f, w.firms.get(com.founder), range, choice.similarityBandwidth());
      }
      int c = drawWeighted(weights, nc, rng.nextDouble());
      if (c >= 0) Membership.join(w, f, w.communities.get(c));
    }
  }
}
