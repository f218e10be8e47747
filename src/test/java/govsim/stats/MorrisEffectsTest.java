package govsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.experiment.sweep.Designs;
import govsim.experiment.sweep.SweepParameter;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** Morris trajectories and elementary effects on functions whose effects are known. */
class MorrisEffectsTest {
  private static List<List<Integer>> singletons(int k) {
    List<List<Integer>> g = new java.util.ArrayList<>();
    for (int i = 0; i < k; i++) g.add(List.of(i));
    return g;
  }

  private static double[] evaluate(
      double[][] unit, List<SweepParameter> ps, ToDoubleFunction<double[]> f) {
    double[] y = new double[unit.length];
    for (int j = 0; j < unit.length; j++) {
      double[] x = new double[ps.size()];
      for (int i = 0; i < x.length; i++) x[i] = ((Number) ps.get(i).at(unit[j][i])).doubleValue();
      y[j] = f.applyAsDouble(x);
    }
    return y;
  }

  @Test
  void trajectoriesMoveOneGroupByDeltaOnTheGrid() {
    List<List<Integer>> groups = List.of(List.of(0, 2), List.of(1));
    int p = 6; // Delta = 6 / 10 = 0.6, three grid intervals of 1/5
    double[][] u = Designs.morris(7, groups, 3, p, new MersenneTwister(3));
    assertEquals(7 * 3, u.length);
    assertEquals(0.6, Designs.morrisDelta(p), 1e-15);
    for (int t = 0; t < 7; t++) {
      boolean[] moved = new boolean[2];
      for (int i = 1; i <= 2; i++) {
        double[] a = u[t * 3 + i - 1];
        double[] b = u[t * 3 + i];
        for (double v : b) {
          assertTrue(
              v >= 0 && v <= 1 && Math.abs(v * 5 - Math.rint(v * 5)) < 1e-12, "on the grid: " + v);
        }
        boolean g0 = a[0] != b[0];
        assertEquals(g0, a[2] != b[2], "a group's members move together");
        assertTrue(g0 != (a[1] != b[1]), "exactly one group moves per step");
        int g = g0 ? 0 : 1;
        assertTrue(!moved[g], "each group moves once per trajectory");
        moved[g] = true;
        for (int f = 0; f < 3; f++) {
          if (a[f] != b[f]) assertEquals(0.6, Math.abs(b[f] - a[f]), 1e-12);
        }
      }
    }
  }

  @Test
  void linearModelEffectsAreTheCoefficientsTimesTheRanges() {
    // y = 1 x0 - 2 x1 + 0.5 x2 + 0 x3 on [0,1], [2,5], [-1,1], [0,10]: EE_i = a_i (max_i - min_i).
    List<SweepParameter> ps =
        List.of(
            SweepParameter.ofRange("x0", 0, 1, false, false, false, 0),
            SweepParameter.ofRange("x1", 2, 5, false, false, false, 0),
            SweepParameter.ofRange("x2", -1, 1, false, false, false, 0),
            SweepParameter.ofRange("x3", 0, 10, false, false, false, 0));
    double[] a = {1, -2, 0.5, 0};
    double[] expected = {1, -6, 1, 0};
    int p = 4;
    double[][] u = Designs.morris(12, singletons(4), 4, p, new MersenneTwister(11));
    double[] y = evaluate(u, ps, x -> a[0] * x[0] + a[1] * x[1] + a[2] * x[2] + a[3] * x[3]);
    List<MorrisEffects.Effect> e =
        MorrisEffects.estimate(
            u, y, singletons(4), Designs.morrisDelta(p), 200, 0.95, new MersenneTwister(5));
    for (int i = 0; i < 4; i++) {
      MorrisEffects.Effect x = e.get(i);
      assertEquals(12, x.n());
      assertEquals(expected[i], x.mu(), 1e-12, "mu of x" + i);
      assertEquals(Math.abs(expected[i]), x.muStar(), 1e-12, "mu* of x" + i);
      assertEquals(0, x.sigma(), 1e-12, "sigma of x" + i);
      // Every effect is the same, so every bootstrap resample gives the same statistics.
      assertEquals(expected[i], x.muLow(), 1e-12);
      assertEquals(expected[i], x.muHigh(), 1e-12);
      assertEquals(Math.abs(expected[i]), x.muStarHigh(), 1e-12);
    }
  }

  @Test
  void sobolGFunctionRanksInputsByTheirCoefficients() {
    // g(x) = prod (|4 x_i - 2| + a_i) / (1 + a_i): the smaller a_i, the more important x_i.
    double[] a = {0, 1, 4.5, 9, 99, 99};
    int k = a.length;
    List<SweepParameter> ps = new java.util.ArrayList<>();
    for (int i = 0; i < k; i++)
      ps.add(SweepParameter.ofRange("x" + i, 0, 1, false, false, false, 0));
    int p = 4;
    double[][] u = Designs.morris(40, singletons(k), k, p, new MersenneTwister(2024));
    double[] y =
        evaluate(
            u,
            ps,
            x -> {
              double prod = 1;
              for (int i = 0; i < k; i++) prod *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
              return prod;
            });
    List<MorrisEffects.Effect> e =
        MorrisEffects.estimate(
            u, y, singletons(k), Designs.morrisDelta(p), 100, 0.95, new MersenneTwister(1));
    for (int i = 0; i < 3; i++) {
      assertTrue(
          e.get(i).muStar() > e.get(i + 1).muStar(),
          "mu* of x" + i + " above x" + (i + 1) + ": " + e);
    }
    assertTrue(
        e.get(3).muStar() > e.get(4).muStar() && e.get(3).muStar() > e.get(5).muStar(),
        e.toString());
    // x0 (a = 0) moves |4x - 2| between 2 and 2/3 at every step: |factor change| = 4/3 of a product
    // whose other factors are near 1, so mu* of x0 is of order (4/3) / (2/3) = 2.
    assertTrue(e.get(0).muStar() > 1 && e.get(0).muStar() < 3, e.get(0).toString());
    assertTrue(e.get(4).muStar() < 0.05, e.get(4).toString());
    // Intervals contain their estimate.
    for (MorrisEffects.Effect x : e)
      assertTrue(x.muStarLow() <= x.muStar() && x.muStar() <= x.muStarHigh());
  }

  @Test
  void aGroupHasOneEffectAndNoSignedMean() {
    // y = 3 x0 + 0 x1 + 2 x2 with x0 and x1 grouped: the group's effect is 3 at every step, x2's 2.
    List<SweepParameter> ps =
        List.of(
            SweepParameter.ofRange("x0", 0, 1, false, false, false, 0, "g"),
            SweepParameter.ofRange("x1", 0, 1, false, false, false, 0, "g"),
            SweepParameter.ofRange("x2", 0, 1, false, false, false, 0));
    List<List<Integer>> groups = Designs.groups(ps);
    assertEquals(List.of(List.of(0, 1), List.of(2)), groups);
    double[][] u = Designs.morris(9, groups, 3, 4, new MersenneTwister(8));
    assertEquals(9 * 3, u.length, "r (g + 1) points with g = 2 groups");
    double[] y = evaluate(u, ps, x -> 3 * x[0] + 0 * x[1] + 2 * x[2]);
    List<MorrisEffects.Effect> e =
        MorrisEffects.estimate(
            u, y, groups, Designs.morrisDelta(4), 50, 0.9, new MersenneTwister(1));
    assertEquals(2, e.size());
    assertEquals(3, e.get(0).muStar(), 1e-12);
    assertTrue(
        Double.isNaN(e.get(0).mu()) && Double.isNaN(e.get(0).sigma()),
        "no mu or sigma for a group");
    assertEquals(2, e.get(1).mu(), 1e-12);
    assertEquals(0, e.get(1).sigma(), 1e-12);
    // x0 + x1 grouped, equal coefficients 1 and 1: the effect is 2 when they move the same way,
    // 0 when they move in opposite directions; mu* is the share of same-direction trajectories x 2.
    double[] y2 = evaluate(u, ps, x -> x[0] + x[1]);
    int same = 0;
    for (int t = 0; t < 9; t++) {
      double[] first = u[t * 3];
      double[] last = u[t * 3 + 2];
      if (Math.signum(last[0] - first[0]) == Math.signum(last[1] - first[1])) same++;
    }
    double muStar =
        MorrisEffects.estimate(u, y2, groups, Designs.morrisDelta(4), 0, 0.9, null).get(0).muStar();
    assertEquals(2.0 * same / 9, muStar, 1e-12);
  }

  @Test
  void undefinedOutputsDropTheirSteps() {
    double[][] u = Designs.morris(3, singletons(1), 1, 4, new MersenneTwister(1));
    double[] y = {0, 1, Double.NaN, 5, 2, 3};
    MorrisEffects.Effect e =
        MorrisEffects.estimate(u, y, singletons(1), 2.0 / 3, 0, 0.95, null).get(0);
    assertEquals(2, e.n());
    assertTrue(Double.isNaN(e.muLow()), "no resamples, no interval");
  }
}
