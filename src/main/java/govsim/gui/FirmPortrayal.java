package govsim.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.function.LongSupplier;

/**
 * A firm: a disc whose area grows with its market share and whose colour is the share of active
 * known risks it mitigates (red none, green all); a thick magenta ring marks the harmful practice.
 * An exited firm is a small grey ghost with a cross.
 */
final class FirmPortrayal extends NodePortrayal<FirmNode> {
  private static final long serialVersionUID = 1L;

  /** Diameter, in field units, of a firm with no users and of one with every user. */
  static final double MIN_DIAMETER = 2.4;

  static final double SHARE_DIAMETER = 9.5;

  FirmPortrayal(NodeActivity activity, LongSupplier lastStep) {
    super(FirmNode.class, activity, lastStep);
  }

  static double diameter(double share) {
    return MIN_DIAMETER + SHARE_DIAMETER * Math.sqrt(Math.max(0, share));
  }

  @Override
  Shape shape(FirmNode f, double x, double y, double scale) {
    double d = (f.active() ? diameter(f.marketShare()) : MIN_DIAMETER * 0.7) * scale;
    return new Ellipse2D.Double(x - d / 2, y - d / 2, d, d);
  }

  @Override
  void paint(FirmNode f, Graphics2D g, Shape s, double scale) {
    if (!f.active()) {
      g.setColor(Palette.GHOST);
      g.setStroke(new BasicStroke(1.2f));
      g.draw(s);
      var b = s.getBounds2D();
      g.draw(new Line2D.Double(b.getMinX() + 2, b.getMinY() + 2, b.getMaxX() - 2, b.getMaxY() - 2));
      g.draw(new Line2D.Double(b.getMinX() + 2, b.getMaxY() - 2, b.getMaxX() - 2, b.getMinY() + 2));
      return;
    }
    g.setColor(Palette.compliance(f.mitigationShare()));
    g.fill(s);
    if (f.firm().practice) {
      g.setStroke(new BasicStroke(4.5f));
      g.setColor(Palette.PRACTICE);
      g.draw(grow(s, 1.5));
    }
    g.setStroke(new BasicStroke(1f));
    g.setColor(Palette.OUTLINE);
    g.draw(s);
  }

  @Override
  String label(FirmNode f, double scale) {
    if (scale < 4) return null;
    return "F" + f.firm().id;
  }
}
