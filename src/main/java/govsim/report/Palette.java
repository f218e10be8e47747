package govsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.List;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colours and line styles that readers with colour-vision deficiencies can tell apart, and that
 * survive printing in grey: the Okabe–Ito palette for categories (regimes, series), each category
 * with its own dash pattern as well, and viridis (perceptually uniform, colour-blind safe, light to
 * dark monotone) for heat maps. A regime has the same colour and dash in every figure.
 */
public final class Palette {
  private Palette() {}

  public static final Color BLACK = new Color(0x000000);
  public static final Color ORANGE = new Color(0xE69F00);
  public static final Color SKY_BLUE = new Color(0x56B4E9);
  public static final Color BLUISH_GREEN = new Color(0x009E73);
  public static final Color YELLOW = new Color(0xF0E442);
  public static final Color BLUE = new Color(0x0072B2);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

  /** Neutral grey for reference lines and for "not significant". */
  public static final Color GREY = new Color(0x8C8C8C);

  /** Okabe–Ito in the order series are coloured (yellow last: weak on white). */
  public static final List<Color> SERIES =
      List.of(BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW);

  /** The regimes' names in their canonical order, which fixes their colours. */
  public static final List<String> REGIMES =
      List.of("laissez_faire", "centralized", "distributed", "hybrid");

  private static final List<Color> REGIME_COLORS = List.of(BLACK, VERMILLION, BLUISH_GREEN, BLUE);

  /**
   * Dash patterns (in points at the figure's logical size): solid, dashed, dotted, dash-dot, long
   * dash.
   */
  private static final List<float[]> DASHES =
      List.of(
          new float[0],
          new float[] {7f, 4f},
          new float[] {2f, 3f},
          new float[] {8f, 3f, 2f, 3f},
          new float[] {12f, 4f});

  /** The colour of the i-th of several series. */
  public static Color series(int i) {
    return SERIES.get(Math.floorMod(i, SERIES.size()));
  }

  /** A regime's colour: fixed for the four known regimes, else by position. */
  public static Color regime(String name, int position) {
    int k = REGIMES.indexOf(name);
    return k >= 0 ? REGIME_COLORS.get(k) : series(position + 3);
  }

  /**
   * A regime's line: hybrid solid, centralized dashed, distributed dash-dot, laissez-faire dotted.
   */
  public static Stroke regimeStroke(String name, int position, float width) {
    int k = REGIMES.indexOf(name);
    int dash =
        switch (k) {
          case 0 -> 2;
          case 1 -> 1;
          case 2 -> 3;
          case 3 -> 0;
          default -> position;
        };
    return stroke(dash, width);
  }

  /** The i-th dash pattern at the given width. */
  public static Stroke stroke(int i, float width) {
    float[] d = DASHES.get(Math.floorMod(i, DASHES.size()));
    if (d.length == 0) return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    float[] scaled = new float[d.length];
    for (int j = 0; j < d.length; j++) scaled[j] = d[j] * Math.max(1f, width / 2f);
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
  }

  /** A colour with the given opacity (0–1). */
  public static Color alpha(Color c, double opacity) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * opacity));
  }

  /** Black or white, whichever reads better on the background. */
  public static Color textOn(Color background) {
    double l =
        0.2126 * lin(background.getRed())
            + 0.7152 * lin(background.getGreen())
            + 0.0722 * lin(background.getBlue());
    return l > 0.22 ? BLACK : Color.WHITE;
  }

  private static double lin(int c) {
    double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  /** Viridis at 11 evenly spaced stops (matplotlib's table), interpolated linearly in between. */
  private static final int[] VIRIDIS = {
    0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884, 0x44BF70, 0x7AD151,
    0xBDDF26, 0xFDE725
  };

  /** The viridis colour at t in [0, 1] (clamped). */
  public static Color viridis(double t) {
    double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
    int i = Math.min((int) Math.floor(x), VIRIDIS.length - 2);
    double f = x - i;
    Color a = new Color(VIRIDIS[i]);
    Color b = new Color(VIRIDIS[i + 1]);
    return new Color(
        (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }

  /**
   * Viridis over [lower, upper] as a JFreeChart paint scale; undefined values are light grey (and
   * labelled n/a on the chart). A degenerate range (all values equal) is widened so that it draws.
   */
  public static final class Viridis implements PaintScale {
    private final double lower;
    private final double upper;

    public Viridis(double lower, double upper) {
      if (!(upper > lower)) {
        double pad = lower == 0 || Double.isNaN(lower) ? 1 : Math.abs(lower) * 0.01;
        lower = Double.isNaN(lower) ? 0 : lower - pad;
        upper = lower + 2 * pad;
      }
      this.lower = lower;
      this.upper = upper;
    }

    @Override
    public double getLowerBound() {
      return lower;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      if (Double.isNaN(value)) return NOT_AVAILABLE;
      return viridis((value - lower) / (upper - lower));
    }

    /** The colour of undefined cells. */
    public static final Color NOT_AVAILABLE = new Color(0xE6E6E6);
  }
}
