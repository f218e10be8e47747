package govsim.gui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;
import javax.swing.JRootPane;

/**
 * One image of several windows: each window's content (its root pane, menus included) is painted
 * into an image of its own, under a title bar drawn from the window's title, and the images are
 * laid out in rows. Painting the components, rather than grabbing the screen, gives the same
 * picture whatever overlaps on screen, the window manager or the X server's colour depth.
 *
 * <p>Swing thread only.
 */
final class WindowSnapshot {
  private WindowSnapshot() {}

  static final int TITLE_BAR = 24;
  private static final int GAP = 10;
  private static final Color BACKGROUND = new Color(232, 234, 238);
  private static final Color BAR = new Color(52, 58, 70);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  /** A window's content under its title bar. */
  static BufferedImage of(JFrame frame) {
    JRootPane root = frame.getRootPane();
    root.validate();
    int w = Math.max(1, root.getWidth());
    int h = Math.max(1, root.getHeight());
    BufferedImage img = new BufferedImage(w, h + TITLE_BAR, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(BAR);
    g.fillRect(0, 0, w, TITLE_BAR);
    g.setColor(Color.WHITE);
    g.setFont(TITLE_FONT);
    FontMetrics fm = g.getFontMetrics();
    g.drawString(
        frame.getTitle() == null ? "" : frame.getTitle(),
        10,
        (TITLE_BAR + fm.getAscent() - fm.getDescent()) / 2);
    Graphics2D content = (Graphics2D) g.create(0, TITLE_BAR, w, h);
    root.paint(content);
    content.dispose();
    g.dispose();
    return img;
  }

  /**
   * The windows as they lie on the screen: each at its place, with a title bar above it, on a
   * canvas as large as the screen (or as the windows reach, if they reach further).
   */
  static BufferedImage desktop(Rectangle screen, List<? extends java.awt.Window> windows) {
    int width = screen.width;
    int height = screen.height;
    for (java.awt.Window w : windows) {
      width = Math.max(width, w.getX() - screen.x + w.getWidth());
      height = Math.max(height, w.getY() - screen.y + w.getHeight());
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, width, height);
    for (java.awt.Window w : windows) {
      BufferedImage img = w instanceof JFrame f ? of(f) : null;
      if (img == null) continue;
      g.drawImage(img, w.getX() - screen.x, w.getY() - screen.y - TITLE_BAR, null);
    }
    g.dispose();
    return out;
  }

  /** Lays out the windows' images in rows (each inner list is a row, left to right). */
  static BufferedImage compose(List<List<JFrame>> rows) {
    List<List<BufferedImage>> images = new ArrayList<>();
    int width = 0;
    int height = GAP;
    for (List<JFrame> row : rows) {
      List<BufferedImage> imgs = new ArrayList<>();
      int w = GAP;
      int h = 0;
      for (JFrame f : row) {
        BufferedImage img = of(f);
        imgs.add(img);
        w += img.getWidth() + GAP;
        h = Math.max(h, img.getHeight());
      }
      images.add(imgs);
      width = Math.max(width, w);
      height += h + GAP;
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, width, height);
    int y = GAP;
    for (List<BufferedImage> row : images) {
      int x = GAP;
      int h = 0;
      for (BufferedImage img : row) {
        g.drawImage(img, x, y, null);
        g.setColor(new Color(160, 165, 175));
        g.drawRect(x - 1, y - 1, img.getWidth() + 1, img.getHeight() + 1);
        x += img.getWidth() + GAP;
        h = Math.max(h, img.getHeight());
      }
      y += h + GAP;
    }
    g.dispose();
    return out;
  }
}
