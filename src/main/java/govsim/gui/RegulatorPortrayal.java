package govsim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.RoundRectangle2D;
import java.util.function.LongSupplier;

/**
 * A regulator: a wide box named after its jurisdiction, dark when it makes or enforces rules and
 * pale when the regime gives it no power (laissez-faire, distributed); the label counts its rules
 * in force and in the legislative pipeline, which makes the legislative lag (M2) visible.
 */
final class RegulatorPortrayal extends NodePortrayal {
  private static final long serialVersionUID = 1L;
  static final double WIDTH = 17;
  static final double HEIGHT = 6;

  RegulatorPortrayal(NodeActivity activity, LongSupplier lastStep) {
    super(activity, lastStep);
  }

  @Override
  Shape shape(Object node, double x, double y, double scale) {
    double w = WIDTH * scale;
    double h = HEIGHT * scale;
    return new RoundRectangle2D.Double(x - w / 2, y - h / 2, w, h, h / 3, h / 3);
  }

  @Override
  void paint(Object node, Graphics2D g, Shape s, double scale) {
    RegulatorNode r = (RegulatorNode) node;
    g.setColor(r.acts() ? Palette.REGULATOR : Palette.REGULATOR_IDLE);
    g.fill(s);
    g.setStroke(new BasicStroke(1.2f));
    g.setColor(Palette.OUTLINE);
    g.draw(s);
    String name = "Regulator J" + r.getJurisdiction();
    g.setFont(LABEL_BOLD.deriveFont(12f));
    FontMetrics fm = g.getFontMetrics();
    var b = s.getBounds2D();
    g.setColor(r.acts() ? Color.WHITE : Palette.LABEL);
    g.drawString(name, (float) (b.getCenterX() - fm.stringWidth(name) / 2.0), (float) (b.getCenterY() + fm.getAscent() / 2.0 - 1));
  }

  @Override
  String key(Object node) {
    return ((RegulatorNode) node).key();
  }

  @Override
  String label(Object node, double scale) {
    RegulatorNode r = (RegulatorNode) node;
    if (!r.acts()) return "no public power in this regime";
    return r.getRulesInForce() + " rules in force, " + r.getRulesDrafting() + " drafting";
  }
}
