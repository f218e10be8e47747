package govsim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.RoundRectangle2D;
import java.util.function.LongSupplier;

/**
 * A compliance community: a rounded square that grows with its membership, its member count written
 * inside; the label gives its id and the standards it has in force.
 */
final class CommunityPortrayal extends NodePortrayal<CommunityNode> {
  private static final long serialVersionUID = 1L;

  CommunityPortrayal(NodeActivity activity, LongSupplier lastStep) {
    super(CommunityNode.class, activity, lastStep);
  }

  static double side(int members) {
    return 4.0 + 1.2 * Math.sqrt(members);
  }

  @Override
  Shape shape(CommunityNode c, double x, double y, double scale) {
    double s = side(c.members()) * scale;
    return new RoundRectangle2D.Double(x - s / 2, y - s / 2, s, s, s / 3, s / 3);
  }

  @Override
  void paint(CommunityNode c, Graphics2D g, Shape s, double scale) {
    g.setColor(Palette.COMMUNITY);
    g.fill(s);
    g.setStroke(new BasicStroke(1.2f));
    g.setColor(Palette.OUTLINE);
    g.draw(s);
    drawCentred(g, Integer.toString(c.members()), s, Color.WHITE);
  }

  @Override
  String label(CommunityNode c, double scale) {
    return "C" + c.id() + ": " + c.standardsInForce() + " standards";
  }
}
