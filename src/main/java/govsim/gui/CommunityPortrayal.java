package govsim.gui;

import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.RoundRectangle2D;
import java.util.function.LongSupplier;

/**
 * A compliance community: a rounded square that grows with its membership, its member count
 * written inside; the label gives its id and the standards it has in force.
 */
final class CommunityPortrayal extends NodePortrayal {
  private static final long serialVersionUID = 1L;

  CommunityPortrayal(NodeActivity activity, LongSupplier lastStep) {
    super(activity, lastStep);
  }

  static double side(int members) {
    return 4.0 + 1.2 * Math.sqrt(members);
  }

  @Override
  Shape shape(Object node, double x, double y, double scale) {
    double s = side(((CommunityNode) node).getMembers()) * scale;
    return new RoundRectangle2D.Double(x - s / 2, y - s / 2, s, s, s / 3, s / 3);
  }

  @Override
  void paint(Object node, Graphics2D g, Shape s, double scale) {
    CommunityNode c = (CommunityNode) node;
    g.setColor(Palette.COMMUNITY);
    g.fill(s);
    g.setStroke(new BasicStroke(1.2f));
    g.setColor(Palette.OUTLINE);
    g.draw(s);
    String n = Integer.toString(c.getMembers());
    g.setFont(LABEL_BOLD.deriveFont(12f));
    FontMetrics fm = g.getFontMetrics();
    var b = s.getBounds2D();
    g.setColor(java.awt.Color.WHITE);
    g.drawString(n, (float) (b.getCenterX() - fm.stringWidth(n) / 2.0), (float) (b.getCenterY() + fm.getAscent() / 2.0 - 1));
  }

  @Override
  String key(Object node) {
    return ((CommunityNode) node).key();
  }

  @Override
  String label(Object node, double scale) {
    CommunityNode c = (CommunityNode) node;
    return "C" + c.getId() + ": " + c.getStandardsInForce() + " standards";
  }
}
