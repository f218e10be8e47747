package govsim.mechanism.crossborder;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.rulemaking.RuleMakingParams;
import govsim.world.Regulator;
import java.util.List;

/**
 * M10 — jurisdictions that differ in rule content (issue 13 item 6; MODEL.md §4 M10; paper §3.1.6):
 * each regulator's rule stringency, legislative lag and the risks it regulates (a severity
 * threshold), from the per-jurisdiction lists of cross_border, or rulemaking's uniform values where
 * a list is empty; and the jurisdictions' shares of the population.
 */
public final class JurisdictionRules {
  private JurisdictionRules() {}

  /** Sets the regulator's rule content from the scenario. */
  public static void apply(CrossBorderParams cb, RuleMakingParams rm, Regulator reg) {
    int j = reg.jurisdiction;
    reg.ruleStringency = CrossBorderParams.of(cb.ruleStringency(), j, rm.ruleStringency());
    reg.legislativeLagDays =
        CrossBorderParams.of(cb.legislativeLagDays(), j, rm.legislativeLagDays());
    reg.minSeverity = CrossBorderParams.of(cb.minSeverity(), j, 0.0);
  }

  /**
   * Which jurisdiction a user lives in: uniform (the legacy draw, {@code nextInt}) when no shares
   * are given, else proportional to the shares (one uniform, inverse of the cumulative shares).
   */
  public static final class UserShares {
    private final int jurisdictions;
    private final double[] cumulative;

    public UserShares(List<Double> shares, int jurisdictions) {
      this.jurisdictions = jurisdictions;
      if (shares.isEmpty()) {
        cumulative = null;
      } else {
        cumulative = new double[jurisdictions];
        double total = 0.0;
        for (int j = 0; j < jurisdictions; j++) total += shares.get(j);
        double acc = 0.0;
        for (int j = 0; j < jurisdictions; j++) {
          acc += shares.get(j) / total;
          cumulative[j] = acc;
        }
      }
    }

    /** Share of the population living in jurisdiction j. */
    public double share(int j) {
      if (cumulative == null) return 1.0 / jurisdictions;
      return cumulative[j] - (j == 0 ? 0.0 : cumulative[j - 1]);
    }

    public int draw(MersenneTwisterFast rng) {
      if (cumulative == null) return rng.nextInt(jurisdictions);
      double u = rng.nextDouble();
      for (int j = 0; j < jurisdictions - 1; j++) if (u < cumulative[j]) return j;
      return jurisdictions - 1;
    }
  }
}
