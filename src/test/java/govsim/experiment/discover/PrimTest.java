package govsim.experiment.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * PRIM on synthetic data with a planted box. Tolerance: a recovered bound is within 0.05 (5% of the
 * unit range, one peel's worth) of the planted one; unrestricted inputs stay within 0.05 of the
 * data's limits.
 */
class PrimTest {
  static final double TOL = 0.05;

  /**
   * n points uniform in [0, 1]^d; of interest when x0 >= 0.6 and x1 <= 0.4; labels flipped with
   * probability noise.
   */
  static Object[] planted(int n, int d, double noise, long seed) {
    MersenneTwister rng = new MersenneTwister(seed);
    double[][] x = new double[n][d];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) x[i][j] = rng.nextDouble();
      y[i] = x[i][0] >= 0.6 && x[i][1] <= 0.4;
      if (rng.nextDouble() < noise) y[i] = !y[i];
    }
    return new Object[] {x, y};
  }

  private static void assertRecovers(Prim.Result r, Prim.Box b) {
    assertEquals(0.6, b.low()[0], TOL, "x0's lower bound");
    assertEquals(0.4, b.high()[1], TOL, "x1's upper bound");
    assertTrue(b.high()[0] >= r.dataHigh()[0] - TOL, "x0 has no upper bound: " + b.high()[0]);
    assertTrue(b.low()[1] <= r.dataLow()[1] + TOL, "x1 has no lower bound: " + b.low()[1]);
    for (int j = 2; j < b.low().length; j++) {
      assertTrue(
          b.low()[j] <= r.dataLow()[j] + TOL && b.high()[j] >= r.dataHigh()[j] - TOL,
          "x" + j + " is not restricted: [" + b.low()[j] + ", " + b.high()[j] + "]");
    }
  }

  @Test
  void recoversAPlantedBox() {
    Object[] data = planted(2000, 4, 0, 7);
    double[][] x = (double[][]) data[0];
    boolean[] y = (boolean[]) data[1];
    Prim.Result r = Prim.run(x, y, 0.05, 0.05);
    List<Prim.Box> boxes = r.boxes();
    assertEquals("start", boxes.get(0).step());
    assertEquals(1.0, boxes.get(0).coverage());
    assertEquals(1.0, boxes.get(0).mass());
    // A peel only removes cases, so coverage never rises while peeling.
    for (int i = 1; i < boxes.size(); i++) {
      if (boxes.get(i).step().equals("peel"))
        assertTrue(boxes.get(i).coverage() <= boxes.get(i - 1).coverage());
    }
    Prim.Box chosen = boxes.get(Discovery.defaultBox(boxes, 0.95));
    assertTrue(chosen.density() >= 0.95);
    assertTrue(chosen.coverage() >= 0.9, "coverage " + chosen.coverage());
    assertRecovers(r, chosen);
    // The two restricted bounds are highly significant.
    double[][] qp = Prim.significance(r, chosen, x, y);
    assertTrue(qp[0][0] < 1e-6 && qp[1][1] < 1e-6, "x0 low " + qp[0][0] + ", x1 high " + qp[1][1]);
    assertTrue(Double.isNaN(qp[0][1]) || chosen.high()[0] < r.dataHigh()[0]);
  }

  @Test
  void recoversItThroughNoise() {
    Object[] data = planted(2000, 5, 0.05, 11);
    Prim.Result r = Prim.run((double[][]) data[0], (boolean[]) data[1], 0.05, 0.05);
    // With 5% of labels flipped, the box's density can be at most about 0.95: ask for 0.85.
    Prim.Box chosen = r.boxes().get(Discovery.defaultBox(r.boxes(), 0.85));
    assertTrue(chosen.density() >= 0.85 && chosen.coverage() >= 0.8, chosen.toString());
    assertRecovers(r, chosen);
  }

  @Test
  void boundsAreDataValuesAndTiesPeelTogether() {
    // x0 takes whole values 1..4 (25 cases each), x1 = case index; interest: x0 = 4.
    double[][] x = new double[100][2];
    boolean[] y = new boolean[100];
    for (int i = 0; i < 100; i++) {
      x[i][0] = 1 + i % 4;
      x[i][1] = i;
      y[i] = x[i][0] == 4;
    }
    Prim.Result r = Prim.run(x, y, 0.1, 0.05);
    Prim.Box last = r.boxes().get(r.boxes().size() - 1);
    assertEquals(4.0, last.low()[0], "peeling x0 = 1, then 2, then 3, each a whole value");
    assertEquals(1.0, last.density());
    assertEquals(1.0, last.coverage(), "pasting brings back every case with x0 = 4");
    for (Prim.Box b : r.boxes()) assertEquals(b.low()[0], Math.rint(b.low()[0]));
  }

  @Test
  void binomialUpperTail() {
    assertEquals(0.5, Prim.binomialUpperTail(3, 5, 0.5), 1e-12, "(10 + 5 + 1) / 32");
    assertEquals(1.0 / 32, Prim.binomialUpperTail(5, 5, 0.5), 1e-12);
    assertEquals(1.0, Prim.binomialUpperTail(0, 5, 0.3), 1e-12);
    assertEquals(1 - Math.pow(0.9, 10), Prim.binomialUpperTail(1, 10, 0.1), 1e-12);
  }
}
