package govsim.gui;

import java.awt.Color;

/**
 * The colours of the network display and its legend, in one place so the legend always tells the
 * truth about the display. Compliance uses a red-yellow-green scale (ColorBrewer RdYlGn), which
 * stays readable for the common red-green colour blindness because lightness changes along it.
 */
final class Palette {
  private Palette() {}

  static final Color LOW = new Color(215, 48, 39);
  static final Color MID = new Color(254, 224, 139);
  static final Color HIGH = new Color(26, 152, 80);
  static final Color UNKNOWN = new Color(175, 175, 175);
  static final Color PRACTICE = new Color(214, 0, 170);
  static final Color OUTLINE = new Color(60, 60, 60);
  static final Color GHOST = new Color(200, 200, 200);
  static final Color COMMUNITY = new Color(64, 160, 170);
  static final Color REGULATOR = new Color(35, 55, 110);
  static final Color REGULATOR_IDLE = new Color(185, 190, 200);
  static final Color MEMBERSHIP = new Color(90, 110, 150, 120);
  static final Color CERTIFICATION = new Color(34, 139, 34, 200);
  static final Color RULE_BINDS = new Color(31, 56, 100, 70);
  static final Color INSPECTED = new Color(214, 96, 0, 230);
  static final Color SELECTED = new Color(255, 200, 0);
  static final Color LABEL = new Color(30, 30, 30);

  /** The colour of a mitigation share in [0, 1] (NaN: no active known risk). */
  static Color compliance(double share) {
    if (Double.isNaN(share)) return UNKNOWN;
    double s = Math.max(0, Math.min(1, share));
    return s < 0.5 ? mix(LOW, MID, s * 2) : mix(MID, HIGH, (s - 0.5) * 2);
  }

  static Color withAlpha(Color c, double alpha) {
    return new Color(
        c.getRed(),
        c.getGreen(),
        c.getBlue(),
        (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }
}
