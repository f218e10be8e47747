package govsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.block.Block;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.EmptyBlock;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.data.Range;
import org.jfree.ui.Size2D;
import org.junit.jupiter.api.Test;

/** A wrapped legend's rows are centred: three 30-point entries in 100 points, gap 6. */
class CenteredFlowTest {
  @Test
  void rowsWrapAndAreCentred() {
    BlockContainer c = new BlockContainer(new CenteredFlow(6, 2));
    for (int i = 0; i < 3; i++) c.add(new EmptyBlock(30, 10));
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    // Fixed width 100: 30 + 6 + 30 = 66 fits, + 6 + 30 = 102 does not; two rows.
    Size2D size = c.arrange(g, new RectangleConstraint(100, null));
    assertEquals(100, size.getWidth(), 1e-9);
    assertEquals(10 + 2 + 10, size.getHeight(), 1e-9);
    // Row 1 starts at (100 - 66) / 2 = 17; row 2 at (100 - 30) / 2 = 35, 12 down.
    assertEquals(new Rectangle2D.Double(17, 0, 30, 10), bounds(c, 0));
    assertEquals(new Rectangle2D.Double(53, 0, 30, 10), bounds(c, 1));
    assertEquals(new Rectangle2D.Double(35, 12, 30, 10), bounds(c, 2));
    // Up to 200 wide: one row, as wide as its entries (30 + 6 + 30 + 6 + 30 = 102).
    Size2D one =
        c.arrange(
            g,
            new RectangleConstraint(
                200,
                new Range(0, 200),
                org.jfree.chart.block.LengthConstraintType.RANGE,
                50,
                new Range(0, 50),
                org.jfree.chart.block.LengthConstraintType.RANGE));
    assertEquals(102, one.getWidth(), 1e-9);
    assertEquals(10, one.getHeight(), 1e-9);
    assertEquals(new Rectangle2D.Double(72, 0, 30, 10), bounds(c, 2));
    g.dispose();
  }

  private static Rectangle2D bounds(BlockContainer c, int i) {
    return ((Block) c.getBlocks().get(i)).getBounds();
  }
}
