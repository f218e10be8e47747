package govsim.report;

import java.util.Locale;

/**
 * How a report draws its figures: their size, whether they carry in-figure titles, and whether
 * panels that show the same quantity share their axis. {@link #DEFAULT} draws them as govsim always
 * has (screen size, titles, axes by the {@link Axes#AUTO} rule).
 *
 * @param size the figure's width (and the fonts that go with it)
 * @param titles true for in-figure titles; false for figures whose caption goes below them in a
 *     paper (the panels of a multi-panel figure are then lettered (a), (b), ... and the caption
 *     names them)
 * @param axes whether the panels of a figure that show the same quantity share their axis
 */
public record FigureOptions(Size size, boolean titles, Axes axes) {

  /** Screen size, with titles, axes shared where the panels' ranges are comparable. */
  public static final FigureOptions DEFAULT = new FigureOptions(Size.SCREEN, true, Axes.AUTO);

  /**
   * Above this ratio of the union of the panels' ranges to the smallest panel's range, {@link
   * Axes#AUTO} gives each panel its own axis: a shared axis would squash the smallest panel's
   * curves into less than a fifth of its height.
   */
  public static final double FREE_AXES_RATIO = 5;

  public FigureOptions {
    java.util.Objects.requireNonNull(size);
    java.util.Objects.requireNonNull(axes);
  }

  /**
   * The figure's width. Print sizes follow the two-column journal page: a single column of 3.5 in
   * (IEEE's 3.5 in; Elsevier's 90 mm is 3.54 in) and the full width of 7.2 in (IEEE's 7.16 in;
   * Elsevier's 190 mm is 7.48 in), so a figure placed at either publisher's width is scaled by less
   * than 4%. They are drawn at 100 logical points per inch, so that the PNG (2 pixels per point,
   * tagged 200 dpi) is 700 or 1440 pixels wide and imports at exactly 3.5 or 7.2 in.
   */
  public enum Size {
    /** As the report has always drawn its figures: a single chart 8 x 5 in, panels in a grid. */
    SCREEN(0),
    /** One column of a two-column page: 3.5 in (700 pixels), panels stacked in one column. */
    SINGLE(350),
    /** The full width of a two-column page: 7.2 in (1440 pixels), at most 3 panels per row. */
    DOUBLE(720);

    private final int width;

    Size(int width) {
      this.width = width;
    }

    /** The figure's width in logical points (100 per inch), 0 for the figure's own width. */
    public int width() {
      return width;
    }

    /** The most panels per row at this size (the figure's own number at screen size). */
    int maxColumns(int own) {
      return switch (this) {
        case SCREEN -> own;
        case SINGLE -> 1;
        case DOUBLE -> Math.min(own, 3);
      };
    }

    /** The name on the command line. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The size named on the command line (single, double, screen), or null. */
    public static Size parse(String s) {
      for (Size z : values()) if (z.label().equals(s.trim().toLowerCase(Locale.ROOT))) return z;
      return null;
    }
  }

  /** Whether the panels of a figure that show the same quantity share their axis. */
  public enum Axes {
    /**
     * Shared where the panels' ranges are comparable (the union of their ranges at most {@link
     * #FREE_AXES_RATIO} times the smallest one), each panel its own otherwise.
     */
    AUTO,
    /** Always one axis range for all panels. */
    SHARED,
    /** Each panel its own range. */
    FREE;

    /** The name on the command line. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named on the command line (auto, shared, free), or null. */
    public static Axes parse(String s) {
      for (Axes a : values()) if (a.label().equals(s.trim().toLowerCase(Locale.ROOT))) return a;
      return null;
    }
  }
}
