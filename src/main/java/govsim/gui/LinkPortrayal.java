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
 * recognition of a community's certificate. Edges are not clickable: the nodes carry the
 * inspectors, and a click near a crowded community should open the node, not one of its links. (It
 * extends MASON's edge portrayal because NetworkPortrayal2D accepts no other.)
 */
final class LinkPortrayal extends SimpleEdgePortrayal2D {
  private static final long serialVersionUID = 1L;
  private static final BasicStroke MEMBERSHIP = new BasicStroke(1.3f);
  private static final BasicStroke CERTIFICATION =
      new BasicStroke(
          2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    EdgeDrawInfo2D e = (EdgeDrawInfo2D) info;
    Object kind = ((Edge) object).info;
    boolean cert = kind == GovernanceNetwork.LinkKind.CERTIFICATION;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setStroke(cert ? CERTIFICATION : MEMBERSHIP);
    g.setColor(cert ? Palette.CERTIFICATION : Palette.MEMBERSHIP);
    g.draw(new Line2D.Double(info.draw.x, info.draw.y, e.secondPoint.x, e.secondPoint.y));
  }

  @Override
  public boolean hitObject(Object object, DrawInfo2D range) {
    return false;
  }
}
