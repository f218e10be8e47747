package govsim.experiment.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The classification tree on data whose best splits are known. */
class CartTest {
  @Test
  void splitsAtTheMidpointBetweenTheClasses() {
    // x0 = 0..9, interest when x0 >= 6; x1 is noise-free but useless (constant).
    double[][] x = new double[10][2];
    boolean[] y = new boolean[10];
    for (int i = 0; i < 10; i++) {
      x[i][0] = i;
      x[i][1] = 1;
      y[i] = i >= 6;
    }
    Cart.Node root = Cart.grow(x, y, 3, 1);
    assertEquals(0, root.input());
    assertEquals(5.5, root.threshold());
    assertTrue(root.left().leaf() && root.right().leaf(), "pure children are leaves");
    assertEquals(6, root.left().n());
    assertEquals(0, root.left().interest());
    assertEquals(4, root.right().interest());
    String text = Cart.text(root, List.of("a", "b"), Double::toString);
    assertEquals(
        """
        all cases: n=10, of interest 4 (0.400)
        |-- a <= 5.5: n=6, of interest 0 (0.000)  -> not of interest
        |-- a > 5.5: n=4, of interest 4 (1.000)  -> of interest
        """,
        text);
  }

  @Test
  void depthAndLeafSizeAreBounded() {
    // Interest on alternating x0 values: a deep tree would split at every value.
    double[][] x = new double[16][1];
    boolean[] y = new boolean[16];
    for (int i = 0; i < 16; i++) {
      x[i][0] = i;
      y[i] = i % 2 == 0;
    }
    Cart.Node root = Cart.grow(x, y, 3, 2);
    assertTrue(depth(root) <= 3);
    assertTrue(minLeaf(root) >= 2);
    assertEquals(0.5, Cart.gini(1, 2), 1e-15);
    assertEquals(0.0, Cart.gini(3, 3), 1e-15);
  }

  private static int depth(Cart.Node n) {
    return n.leaf() ? 0 : 1 + Math.max(depth(n.left()), depth(n.right()));
  }

  private static int minLeaf(Cart.Node n) {
    return n.leaf() ? n.n() : Math.min(minLeaf(n.left()), minLeaf(n.right()));
  }
}
