package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.stats.SobolIndices;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class DesignsTest {
  @Test
  void gridHasEveryCombinationFirstParameterSlowest() {
    SweepParameter a = SweepParameter.ofValues("a", List.of(1L, 2L, 3L));
    SweepParameter b = SweepParameter.ofRange("b", 0, 1, false, false, false, 2);
    List<Object[]> g = Designs.grid(List.of(a, b));
    assertEquals(6, g.size());
    assertArrayEquals(new Object[] {1L, 0.0}, g.get(0));
    assertArrayEquals(new Object[] {1L, 1.0}, g.get(1));
    assertArrayEquals(new Object[] {3L, 1.0}, g.get(5));
    assertEquals(1, Designs.grid(List.of()).size());
  }

  @Test
  void latinHypercubePutsOnePointInEveryStratumOfEveryDimension() {
    int n = 50;
    double[][] u = Designs.latinHypercube(n, 4, new MersenneTwister(1));
    for (int j = 0; j < 4; j++) {
      Set<Integer> strata = new HashSet<>();
      for (double[] x : u) {
        assertTrue(x[j] >= 0 && x[j] < 1);
        strata.add((int) Math.floor(x[j] * n));
      }
      assertEquals(n, strata.size(), "dimension " + j);
    }
  }

  @Test
  void saltelliMatricesHaveTheirShapeAndStructure() {
    int n = 8;
    int k = 3;
    double[][] x = Designs.saltelli(n, k);
    assertEquals(n * (k + 2), x.length);
    for (int j = 0; j < n; j++) {
      double[] a = x[j * (k + 2)];
      double[] b = x[j * (k + 2) + k + 1];
      for (int i = 0; i < k; i++) {
        double[] ab = x[j * (k + 2) + 1 + i];
        assertEquals(k, ab.length);
        for (int c = 0; c < k; c++) assertEquals(c == i ? b[c] : a[c], ab[c], 0.0);
      }
    }
    assertEquals(8, Designs.sobolSkip(8));
    assertEquals(16, Designs.sobolSkip(9));
  }

  @Test
  void saltelliDesignRecoversIshigamiIndices() {
    int n = 4096;
    int k = 3;
    double[][] x = Designs.saltelli(n, k);
    double[] y = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      double[] v = new double[k];
      for (int i = 0; i < k; i++) v[i] = -Math.PI + 2 * Math.PI * x[r][i];
      y[r] =
          Math.sin(v[0])
              + 7 * Math.pow(Math.sin(v[1]), 2)
              + 0.1 * Math.pow(v[2], 4) * Math.sin(v[0]);
    }
    double[] yA = new double[n];
    double[] yB = new double[n];
    double[][] yAB = new double[k][n];
    for (int j = 0; j < n; j++) {
      yA[j] = y[j * (k + 2)];
      for (int i = 0; i < k; i++) yAB[i][j] = y[j * (k + 2) + 1 + i];
      yB[j] = y[j * (k + 2) + k + 1];
    }
    List<SobolIndices.Index> ix =
        SobolIndices.estimate(yA, yB, yAB, 100, 0.95, new MersenneTwister(5));
    double[] s1 = {0.3139, 0.4424, 0.0};
    double[] st = {0.5576, 0.4424, 0.2437};
    for (int i = 0; i < k; i++) {
      assertEquals(s1[i], ix.get(i).firstOrder(), 0.03, "S1 of x" + (i + 1));
      assertEquals(st[i], ix.get(i).total(), 0.03, "ST of x" + (i + 1));
    }
  }

  @Test
  void rangesMapTheUnitIntervalOntoTheirValues() {
    SweepParameter ints = SweepParameter.ofRange("n", 1, 4, false, true, true, 0);
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) seen.add(ints.at(i / 100.0));
    assertEquals(Set.of(1L, 2L, 3L, 4L), seen);
    assertEquals(4L, ints.at(1.0));
    SweepParameter log = SweepParameter.ofRange("x", 0.01, 1, true, false, false, 3);
    assertEquals(0.01, (double) log.at(0), 1e-15);
    assertEquals(0.1, (double) log.at(0.5), 1e-12);
    assertEquals(List.of(0.01, 0.1, 1.0).size(), log.gridValues().size());
    assertEquals(0.1, (double) log.gridValues().get(1), 1e-12);
    SweepParameter list = SweepParameter.ofValues("r", List.of("logit", "fermi"));
    assertEquals("logit", list.at(0.49));
    assertEquals("fermi", list.at(0.5));
  }
}
