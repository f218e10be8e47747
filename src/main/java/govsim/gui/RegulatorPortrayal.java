package govsim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.RoundRectangle2D;
import java.util.function.LongSupplier;

/**
 * A regulator: a wide box named after its jurisdiction, dark when it makes or enforces rules and
 * pale when the regime gives it no power (laissez-faire, distributed); the label counts its rules
 * in force and in the legislative pipeline, which makes the legislative lag (M2) visible.
 */
final class RegulatorPortrayal extends NodePortrayal<RegulatorNode> {
  private static final long serialVersionUID = 1L;
  static final double WIDTH = 17;
  static final double HEIGHT = 6;

  RegulatorPortrayal(NodeActivity activity, LongSupplier lastStep) {
    super(RegulatorNode.class, activity, lastStep);
  }

  @Override
  Shape shape(RegulatorNode r, double x, double y, double scale) {
    double w = WIDTH * scale;
    double h = HEIGHT * scale;
    return new RoundRectangle2D.Double(x - w / 2, y - h / 2, w, h, h / 3, h / 3);
  }

  @Override
  void paint(RegulatorNode r, Graphics2D g, Shape s, double scale) {
    g.setColor(r.acts() ? Palette.REGULATOR : Palette.REGULATOR_IDLE);
    g.fill(s);
    g.setStroke(new BasicStroke(1.2f));
    g.setColor(Palette.OUTLINE);
    g.draw(s);
    drawCentred(g, "Regulator J" + r.jurisdiction(), s, r.acts() ? Color.WHITE : Palette.LABEL);
  }

  @Override
  String label(RegulatorNode r, double scale) {
    if (!r.acts()) return "no public power in this regime";
    return r.rulesInForce() + " rules in force, " + r.rulesDrafting() + " drafting";
  }
}
