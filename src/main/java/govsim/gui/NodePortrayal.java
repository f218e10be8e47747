package govsim.gui;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.function.LongSupplier;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.SimplePortrayal2D;

/**
 * Common drawing of the network's nodes: the node's shape, a fading halo in the colour of the last
 * flashing event that hit it (for {@link NodeActivity#FLASH_STEPS} steps), a highlight when its
 * inspector is open, and a label. Sizes are in field units, so they scale with the display's zoom;
 * labels are in pixels, so they stay legible.
 */
abstract class NodePortrayal<N extends NetworkNode> extends SimplePortrayal2D {
  private static final long serialVersionUID = 1L;
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font LABEL_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 11);
  private static final java.awt.Color LABEL_BACKGROUND = new java.awt.Color(255, 255, 255, 215);

  private final Class<N> type;
  private final transient NodeActivity activity;
  private final transient LongSupplier lastStep;

  /** A portrayal of nodes of class {@code type} (the class MASON registers it for). */
  NodePortrayal(Class<N> type, NodeActivity activity, LongSupplier lastStep) {
    this.type = type;
    this.activity = activity;
    this.lastStep = lastStep;
  }

  /** The node's outline centred at (x, y) in pixels, with {@code scale} pixels per field unit. */
  abstract Shape shape(N node, double x, double y, double scale);

  /** Fills and outlines the node. */
  abstract void paint(N node, Graphics2D g, Shape shape, double scale);

  /** The label under the node, or null for none. */
  abstract String label(N node, double scale);

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    N node = type.cast(object);
    double scale = info.draw.width;
    Shape s = shape(node, info.draw.x, info.draw.y, scale);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    NodeActivity.Flash flash = activity.flash(node.key(), lastStep.getAsLong());
    if (flash != null) {
      long age = lastStep.getAsLong() - flash.step();
      double alpha = 1.0 - age / (double) NodeActivity.FLASH_STEPS;
      Shape halo = grow(s, Math.max(9, 1.4 * scale));
      g.setColor(Palette.withAlpha(flash.kind().color(), 0.35 * alpha));
      g.fill(halo);
      g.setStroke(new BasicStroke(3f));
      g.setColor(Palette.withAlpha(flash.kind().color(), alpha));
      g.draw(halo);
    }
    paint(node, g, s, scale);
    if (info.selected) {
      g.setStroke(new BasicStroke(3f));
      g.setColor(Palette.SELECTED);
      g.draw(grow(s, 4));
    }
    String label = label(node, scale);
    if (label != null) {
      g.setFont(LABEL_FONT);
      FontMetrics fm = g.getFontMetrics();
      double bottom = s.getBounds2D().getMaxY() + 2;
      double left = info.draw.x - fm.stringWidth(label) / 2.0;
      // A pale box behind the label keeps it legible over the links.
      g.setColor(LABEL_BACKGROUND);
      g.fill(
          new java.awt.geom.RoundRectangle2D.Double(
              left - 3, bottom, fm.stringWidth(label) + 6, fm.getHeight(), 6, 6));
      g.setColor(Palette.LABEL);
      g.drawString(label, (float) left, (float) (bottom + fm.getAscent()));
    }
  }

  @Override
  public boolean hitObject(Object object, DrawInfo2D range) {
    return shape(type.cast(object), range.draw.x, range.draw.y, range.draw.width)
        .intersects(range.clip);
  }

  /** Writes {@code text} centred in the shape, in the bold label font at 12 points. */
  static void drawCentred(Graphics2D g, String text, Shape s, java.awt.Color color) {
    g.setFont(LABEL_BOLD.deriveFont(12f));
    FontMetrics fm = g.getFontMetrics();
    var b = s.getBounds2D();
    g.setColor(color);
    g.drawString(
        text,
        (float) (b.getCenterX() - fm.stringWidth(text) / 2.0),
        (float) (b.getCenterY() + fm.getAscent() / 2.0 - 1));
  }

  /** The shape enlarged by {@code pixels} on every side, about its centre. */
  static Shape grow(Shape s, double pixels) {
    java.awt.geom.Rectangle2D b = s.getBounds2D();
    double sx = (b.getWidth() + 2 * pixels) / Math.max(1e-9, b.getWidth());
    double sy = (b.getHeight() + 2 * pixels) / Math.max(1e-9, b.getHeight());
    AffineTransform t = new AffineTransform();
    t.translate(b.getCenterX(), b.getCenterY());
    t.scale(sx, sy);
    t.translate(-b.getCenterX(), -b.getCenterY());
    return t.createTransformedShape(s);
  }
}
