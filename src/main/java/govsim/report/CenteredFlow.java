package govsim.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.block.Arrangement;
import org.jfree.chart.block.Block;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.ui.Size2D;

/**
 * A legend's entries left to right, wrapped into as many rows as the width needs, each row centred:
 * JFreeChart 1.0.x's flow layout leaves the rows of a wrapped legend at the left.
 */
final class CenteredFlow implements Arrangement, Serializable {
  private static final long serialVersionUID = 1L;

  private final double hgap;
  private final double vgap;

  /** Gaps between entries across and between rows, in points. */
  CenteredFlow(double hgap, double vgap) {
    this.hgap = hgap;
    this.vgap = vgap;
  }

  @Override
  public void add(Block block, Object key) {}

  @Override
  public void clear() {}

  @Override
  public Size2D arrange(BlockContainer container, Graphics2D g2, RectangleConstraint constraint) {
    List<?> blocks = container.getBlocks();
    LengthConstraintType type = constraint.getWidthConstraintType();
    double max =
        type == LengthConstraintType.FIXED
            ? constraint.getWidth()
            : type == LengthConstraintType.RANGE
                ? constraint.getWidthRange().getUpperBound()
                : Double.POSITIVE_INFINITY;
    List<Size2D> sizes = new ArrayList<>();
    for (Object b : blocks) sizes.add(((Block) b).arrange(g2, RectangleConstraint.NONE));
    // Rows: as many entries as fit in the width (at least one).
    List<int[]> rows = new ArrayList<>();
    int start = 0;
    double widest = 0;
    while (start < sizes.size()) {
      double w = sizes.get(start).getWidth();
      int end = start + 1;
      while (end < sizes.size() && w + hgap + sizes.get(end).getWidth() <= max) {
        w += hgap + sizes.get(end).getWidth();
        end++;
      }
      rows.add(new int[] {start, end});
      widest = Math.max(widest, w);
      start = end;
    }
    double width =
        type == LengthConstraintType.FIXED ? constraint.getWidth() : Math.min(widest, max);
    double y = 0;
    for (int[] row : rows) {
      double rowWidth = -hgap;
      double rowHeight = 0;
      for (int i = row[0]; i < row[1]; i++) {
        rowWidth += sizes.get(i).getWidth() + hgap;
        rowHeight = Math.max(rowHeight, sizes.get(i).getHeight());
      }
      double x = Math.max(0, (width - rowWidth) / 2);
      for (int i = row[0]; i < row[1]; i++) {
        Size2D s = sizes.get(i);
        ((Block) blocks.get(i))
            .setBounds(
                new Rectangle2D.Double(
                    x, y + (rowHeight - s.getHeight()) / 2, s.getWidth(), s.getHeight()));
        x += s.getWidth() + hgap;
      }
      y += rowHeight + vgap;
    }
    return new Size2D(width, rows.isEmpty() ? 0 : y - vgap);
  }
}
