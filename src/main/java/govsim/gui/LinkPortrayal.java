package govsim.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import sim.field.network.Edge;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.network.EdgeDrawInfo2D;
import sim.portrayal.network.SimpleEdgePortrayal2D;

/**
 * The network's edges: thin grey-blue lines for membership, dashed green lines for a regulator's
 * recognition of a community's certificate, faint navy lines from a regulator to the firms its
 * rules in force bind, and thick orange ones to the firms it inspected in the last month. Edges are not clickable: the nodes carry the
 * inspectors, and a click near a crowded community should open the node, not one of its links. (It
 * extends MASON's edge portrayal because NetworkPortrayal2D accepts no other.)
 */
final class LinkPortrayal extends SimpleEdgePortrayal2D {
  private static final long serialVersionUID = 1L;
  private static final BasicStroke MEMBERSHIP = new BasicStroke(1.3f);
  private static final BasicStroke CERTIFICATION =
      new BasicStroke(
          2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

  private static final BasicStroke RULE = new BasicStroke(1f);
  private static final BasicStroke INSPECTION = new BasicStroke(2.4f);

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    EdgeDrawInfo2D e = (EdgeDrawInfo2D) info;
    Object kind = ((Edge) object).info;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    if (kind == GovernanceNetwork.LinkKind.CERTIFICATION) {
      g.setStroke(CERTIFICATION);
      g.setColor(Palette.CERTIFICATION);
    } else if (kind == GovernanceNetwork.LinkKind.RULE_BINDS) {
      g.setStroke(RULE);
      g.setColor(Palette.RULE_BINDS);
    } else if (kind == GovernanceNetwork.LinkKind.INSPECTED) {
      g.setStroke(INSPECTION);
      g.setColor(Palette.INSPECTED);
    } else {
      g.setStroke(MEMBERSHIP);
      g.setColor(Palette.MEMBERSHIP);
    }
    g.draw(new Line2D.Double(info.draw.x, info.draw.y, e.secondPoint.x, e.secondPoint.y));
  }

  @Override
  public boolean hitObject(Object object, DrawInfo2D range) {
    return false;
  }
}
