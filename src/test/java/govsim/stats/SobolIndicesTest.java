package govsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * The estimators on the Ishigami function f = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1 (x_i uniform on
 * [-pi, pi]), whose indices are known in closed form (Ishigami and Homma 1990): S1 = (0.3139,
 * 0.4424, 0), ST = (0.5576, 0.4424, 0.2437). Plain Monte Carlo A and B matrices here (the Sobol'
 * sequence design is tested with the sweep designs); tolerance 0.05 at N = 20,000.
 */
class SobolIndicesTest {
  static final double[] S1 = {0.3139, 0.4424, 0.0};
  static final double[] ST = {0.5576, 0.4424, 0.2437};

  static double ishigami(double[] x) {
    return Math.sin(x[0])
        + 7 * Math.pow(Math.sin(x[1]), 2)
        + 0.1 * Math.pow(x[2], 4) * Math.sin(x[0]);
  }

  @Test
  void recoversIshigamiIndices() {
    int n = 20_000;
    MersenneTwister rng = new MersenneTwister(42);
    double[] yA = new double[n];
    double[] yB = new double[n];
    double[][] yAB = new double[3][n];
    for (int j = 0; j < n; j++) {
      double[] a = new double[3];
      double[] b = new double[3];
      for (int i = 0; i < 3; i++) {
        a[i] = -Math.PI + 2 * Math.PI * rng.nextDouble();
        b[i] = -Math.PI + 2 * Math.PI * rng.nextDouble();
      }
      yA[j] = ishigami(a);
      yB[j] = ishigami(b);
      for (int i = 0; i < 3; i++) {
        double[] ab = a.clone();
        ab[i] = b[i];
        yAB[i][j] = ishigami(ab);
      }
    }
    List<SobolIndices.Index> ix =
        SobolIndices.estimate(yA, yB, yAB, 200, 0.95, new MersenneTwister(7));
    for (int i = 0; i < 3; i++) {
      assertEquals(S1[i], ix.get(i).firstOrder(), 0.05, "S1 of x" + (i + 1));
      assertEquals(ST[i], ix.get(i).total(), 0.05, "ST of x" + (i + 1));
      assertTrue(
          ix.get(i).firstLow() <= ix.get(i).firstOrder()
              && ix.get(i).firstOrder() <= ix.get(i).firstHigh());
      assertTrue(
          ix.get(i).totalLow() <= ix.get(i).total() && ix.get(i).total() <= ix.get(i).totalHigh());
      assertEquals(n, ix.get(i).n());
    }
  }

  @Test
  void bootstrapIsReproducibleWithTheSameSeed() {
    double[] yA = {1, 2, 3, 4, 5, 6};
    double[] yB = {2, 1, 4, 3, 6, 5};
    double[][] yAB = {{1.5, 2, 3.5, 4, 5.5, 6}};
    var first = SobolIndices.estimate(yA, yB, yAB, 100, 0.95, new MersenneTwister(3));
    var second = SobolIndices.estimate(yA, yB, yAB, 100, 0.95, new MersenneTwister(3));
    assertEquals(first, second);
  }

  @Test
  void rowsWithNanAreDroppedAndConstantOutputIsUndefined() {
    double[] yA = {1, Double.NaN, 1};
    double[] yB = {1, 1, 1};
    double[][] yAB = {{1, 1, 1}};
    SobolIndices.Index ix =
        SobolIndices.estimate(yA, yB, yAB, 10, 0.95, new MersenneTwister(1)).get(0);
    assertEquals(2, ix.n());
    assertTrue(Double.isNaN(ix.firstOrder()));
    assertTrue(Double.isNaN(ix.total()));
  }
}
