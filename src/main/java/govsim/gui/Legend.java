package govsim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import javax.swing.JPanel;

/**
 * The key to the network display, drawn with the display's own {@link Palette} and {@link
 * FlashKind} colours so the two cannot disagree.
 */
final class Legend extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final Font HEAD = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final int ROW = 19;
  static final int WIDTH = 228;

  /** Width of one column when the legend is laid out in two, below the display. */
  static final int COLUMN = 240;

  private final boolean twoColumns;

  /** One column beside the display. */
  Legend() {
    this(false);
  }

  /** One column (beside the display) or two (below it, for a small screen). */
  Legend(boolean twoColumns) {
    this.twoColumns = twoColumns;
    setBackground(Color.WHITE);
    setPreferredSize(twoColumns ? new Dimension(2 * COLUMN, 300) : new Dimension(WIDTH, 560));
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    super.paintComponent(graphics);
    Graphics2D g = (Graphics2D) graphics.create();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    int x = 12;
    int y = 20;
    y = head(g, "Firms", x, y);
    y = text(g, "area: market share", x, y);
    y = text(g, "colour: share of active known", x, y);
    y = text(g, "risks the firm mitigates", x, y);
    int barW = 150;
    for (int i = 0; i < barW; i++) {
      g.setColor(Palette.compliance(i / (double) (barW - 1)));
      g.fillRect(x + i, y - 8, 1, 12);
    }
    g.setColor(Palette.OUTLINE);
    g.drawRect(x, y - 8, barW, 12);
    y += ROW - 4;
    g.setFont(TEXT);
    g.drawString("0", x, y);
    g.drawString("0.5", x + barW / 2 - 8, y);
    g.drawString("1", x + barW - 6, y);
    y += ROW - 4;
    disc(g, x + 8, y - 4, 12, Palette.UNKNOWN, null);
    y = text(g, "no active known risk yet", x + 22, y);
    disc(g, x + 8, y - 4, 13, Palette.compliance(0.8), Palette.PRACTICE);
    y = text(g, "harmful practice (magenta ring)", x + 22, y);
    g.setColor(Palette.GHOST);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(new Ellipse2D.Double(x + 3, y - 9, 10, 10));
    g.draw(new Line2D.Double(x + 5, y - 7, x + 11, y - 1));
    g.draw(new Line2D.Double(x + 5, y - 1, x + 11, y - 7));
    y = text(g, "exited firm", x + 22, y);
    y += 6;
    y = head(g, "Communities", x, y);
    g.setColor(Palette.COMMUNITY);
    g.fill(new RoundRectangle2D.Double(x + 1, y - 12, 15, 15, 5, 5));
    g.setColor(Palette.OUTLINE);
    g.draw(new RoundRectangle2D.Double(x + 1, y - 12, 15, 15, 5, 5));
    y = text(g, "size and number: members", x + 22, y);
    y += 6;
    y = head(g, "Regulators", x, y);
    g.setColor(Palette.REGULATOR);
    g.fill(new Rectangle2D.Double(x, y - 10, 18, 10));
    y = text(g, "makes or enforces rules", x + 22, y);
    g.setColor(Palette.REGULATOR_IDLE);
    g.fill(new Rectangle2D.Double(x, y - 10, 18, 10));
    y = text(g, "no public power (regime)", x + 22, y);
    y += 6;
    if (twoColumns) {
      x += COLUMN;
      y = 20;
    }
    y = head(g, "Links", x, y);
    g.setStroke(new BasicStroke(2f));
    g.setColor(Palette.MEMBERSHIP);
    g.drawLine(x, y - 4, x + 18, y - 4);
    y = text(g, "membership", x + 22, y);
    g.setStroke(
        new BasicStroke(
            2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
    g.setColor(Palette.CERTIFICATION);
    g.drawLine(x, y - 4, x + 18, y - 4);
    y = text(g, "certificate recognised", x + 22, y);
    g.setStroke(new BasicStroke(1.5f));
    g.setColor(Palette.withAlpha(Palette.RULE_BINDS, 0.6));
    g.drawLine(x, y - 4, x + 18, y - 4);
    y = text(g, "regulator's rules bind the firm", x + 22, y);
    g.setStroke(new BasicStroke(2.4f));
    g.setColor(Palette.INSPECTED);
    g.drawLine(x, y - 4, x + 18, y - 4);
    y = text(g, "inspected in the last 30 days", x + 22, y);
    y += 6;
    y = head(g, "Flashes (" + NodeActivity.FLASH_STEPS + " steps)", x, y);
    for (FlashKind k : FlashKind.values()) {
      g.setColor(Palette.withAlpha(k.color(), 0.35));
      g.fill(new Ellipse2D.Double(x + 1, y - 12, 15, 15));
      g.setStroke(new BasicStroke(2.5f));
      g.setColor(k.color());
      g.draw(new Ellipse2D.Double(x + 1, y - 12, 15, 15));
      y = text(g, k.label(), x + 22, y);
    }
    y += 6;
    g.setFont(TEXT);
    g.setColor(Color.DARK_GRAY);
    g.drawString("Double-click a node to inspect it.", x, y);
    g.dispose();
  }

  private static void disc(Graphics2D g, int cx, int cy, int d, Color fill, Color ring) {
    Ellipse2D e = new Ellipse2D.Double(cx - d / 2.0, cy - d / 2.0, d, d);
    g.setColor(fill);
    g.fill(e);
    if (ring != null) {
      g.setStroke(new BasicStroke(3f));
      g.setColor(ring);
      g.draw(new Ellipse2D.Double(cx - d / 2.0 - 1.5, cy - d / 2.0 - 1.5, d + 3, d + 3));
    }
    g.setStroke(new BasicStroke(1f));
    g.setColor(Palette.OUTLINE);
    g.draw(e);
  }

  private static int head(Graphics2D g, String s, int x, int y) {
    g.setFont(HEAD);
    g.setColor(Color.BLACK);
    g.drawString(s, x, y);
    return y + ROW;
  }

  private static int text(Graphics2D g, String s, int x, int y) {
    g.setFont(TEXT);
    g.setColor(Color.BLACK);
    g.drawString(s, x, y);
    return y + ROW;
  }
}
