package govsim.experiment.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small classification tree (CART, Breiman et al. 1984) for scenario discovery: binary splits
 * {@code x_j <= t} chosen to minimise the weighted Gini impurity of the two children, grown to a
 * depth of at most {@code maxDepth}, with at least {@code minLeaf} cases per leaf, and no split of
 * a pure node. Thresholds are midpoints between consecutive distinct values of the node's cases.
 * Ties in impurity go to the first input, then the lowest threshold, so the tree is a pure function
 * of the data. No pruning: at depth 3 the tree is read, not used to predict.
 */
public final class Cart {
  private Cart() {}

  /**
   * A node of the tree.
   *
   * @param n cases in the node
   * @param interest cases of interest in the node
   * @param input the split input (-1 for a leaf)
   * @param threshold the split: left is {@code x <= threshold}
   * @param left the left child (null for a leaf)
   * @param right the right child (null for a leaf)
   */
  public record Node(int n, int interest, int input, double threshold, Node left, Node right) {
    /** True for a leaf. */
    public boolean leaf() {
      return left == null;
    }

    /** Share of the node's cases that are of interest. */
    public double density() {
      return n == 0 ? Double.NaN : interest / (double) n;
    }
  }

  /**
   * Grows a tree.
   *
   * @param x the inputs, {@code x[case][input]}
   * @param y the cases of interest
   * @param maxDepth largest depth (the root has depth 0), at least 0
   * @param minLeaf fewest cases in a leaf, at least 1
   */
  public static Node grow(double[][] x, boolean[] y, int maxDepth, int minLeaf) {
    if (x.length != y.length) throw new IllegalArgumentException("need as many outcomes as cases");
    int[] all = new int[x.length];
    for (int i = 0; i < all.length; i++) all[i] = i;
    return grow(x, y, all, 0, maxDepth, Math.max(1, minLeaf));
  }

  private static Node grow(
      double[][] x, boolean[] y, int[] cases, int depth, int maxDepth, int minLeaf) {
    int n = cases.length;
    int pos = 0;
    for (int i : cases) if (y[i]) pos++;
    if (depth >= maxDepth || pos == 0 || pos == n || n < 2 * minLeaf)
      return new Node(n, pos, -1, Double.NaN, null, null);
    int d = x.length == 0 ? 0 : x[0].length;
    double bestImpurity = gini(pos, n) * n;
    int bestInput = -1;
    double bestThreshold = Double.NaN;
    Integer[] order = new Integer[n];
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < n; k++) order[k] = cases[k];
      final int col = j;
      Arrays.sort(order, (a, b) -> Double.compare(x[a][col], x[b][col]));
      int leftPos = 0;
      for (int k = 0; k < n - 1; k++) {
        if (y[order[k]]) leftPos++;
        int leftN = k + 1;
        double v = x[order[k]][j];
        double w = x[order[k + 1]][j];
        if (v == w || leftN < minLeaf || n - leftN < minLeaf) continue;
        double impurity =
            gini(leftPos, leftN) * leftN + gini(pos - leftPos, n - leftN) * (n - leftN);
        if (impurity < bestImpurity - 1e-12) {
          bestImpurity = impurity;
          bestInput = j;
          bestThreshold = v + (w - v) / 2;
        }
      }
    }
    if (bestInput < 0) return new Node(n, pos, -1, Double.NaN, null, null);
    List<Integer> l = new ArrayList<>();
    List<Integer> r = new ArrayList<>();
    for (int i : cases) (x[i][bestInput] <= bestThreshold ? l : r).add(i);
    return new Node(
        n,
        pos,
        bestInput,
        bestThreshold,
        grow(x, y, l.stream().mapToInt(Integer::intValue).toArray(), depth + 1, maxDepth, minLeaf),
        grow(x, y, r.stream().mapToInt(Integer::intValue).toArray(), depth + 1, maxDepth, minLeaf));
  }

  /** Gini impurity 1 - p^2 - (1-p)^2 = 2 p (1 - p) of a node with pos of n cases of interest. */
  static double gini(int pos, int n) {
    if (n == 0) return 0;
    double p = pos / (double) n;
    return 2 * p * (1 - p);
  }

  /**
   * The tree as indented text, one line per node: the split condition, then the node's cases, cases
   * of interest and their share; leaves say which class most of their cases are.
   *
   * @param names the inputs' names
   * @param format formats a threshold
   */
  public static String text(
      Node root, List<String> names, java.util.function.DoubleFunction<String> format) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "all cases: n=%d, of interest %d (%.3f)%n",
            root.n(),
            root.interest(),
            root.density()));
    write(sb, root, names, format, 1);
    return sb.toString();
  }

  private static void write(
      StringBuilder sb,
      Node node,
      List<String> names,
      java.util.function.DoubleFunction<String> format,
      int depth) {
    if (node.leaf()) return;
    String name = names.get(node.input());
    String t = format.apply(node.threshold());
    for (int side = 0; side < 2; side++) {
      Node c = side == 0 ? node.left() : node.right();
      sb.append("|   ".repeat(depth - 1))
          .append("|-- ")
          .append(name)
          .append(side == 0 ? " <= " : " > ")
          .append(t)
          .append(
              String.format(
                  Locale.ROOT, ": n=%d, of interest %d (%.3f)", c.n(), c.interest(), c.density()));
      if (c.leaf())
        sb.append(c.interest() * 2 > c.n() ? "  -> of interest" : "  -> not of interest");
      sb.append('\n');
      write(sb, c, names, format, depth + 1);
    }
  }
}
