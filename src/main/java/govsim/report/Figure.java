package govsim.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.Title;

/**
 * One figure of a report: one chart or a grid of charts (panels) drawn as a single image, with the
 * file name it is saved under, a title and a caption that says what it shows. Sizes are in points
 * at the figure's logical size ({@link ChartStyle}); the PNG has twice as many pixels.
 *
 * @param id file name stem (figures/&lt;id&gt;.png, .svg) and HTML anchor: lower case, digits,
 *     dashes
 * @param title the figure's title in the report
 * @param caption what the figure shows and how its intervals were computed (plain text)
 * @param panels the charts, row by row
 * @param columns panels per row
 * @param width logical width in points
 * @param height logical height in points (panels and the figure's legend)
 * @param common the axis on which every panel shows the same quantity (one metric per regime, say),
 *     which {@link FigureLayout} may share between the panels; {@link Common#NONE} when the panels
 *     show different quantities
 * @param legend the figure's one legend, drawn below its panels, or null (each panel's own, if any)
 * @param legendHeight the height of the band the legend is drawn in (0 without one)
 */
public record Figure(
    String id,
    String title,
    String caption,
    List<JFreeChart> panels,
    int columns,
    int width,
    int height,
    Common common,
    Title legend,
    int legendHeight) {

  /** Which axis of the panels shows the same quantity in every panel. */
  public enum Common {
    /** The panels show different quantities (one metric each). */
    NONE,
    /** The vertical (range) axis: the same metric in every panel. */
    Y,
    /** The horizontal value axis (forest plots of indices: the same index in every panel). */
    X
  }

  public Figure {
    if (!id.matches("[a-z0-9][a-z0-9-]*"))
      throw new IllegalArgumentException("bad figure id " + id);
    if (panels.isEmpty()) throw new IllegalArgumentException("figure " + id + " has no panels");
    if (columns < 1 || width < 1 || height < 1 || legendHeight < 0)
      throw new IllegalArgumentException("bad layout of figure " + id);
    panels = List.copyOf(panels);
  }

  /** A figure whose panels show different quantities and carry their own legends. */
  public Figure(
      String id,
      String title,
      String caption,
      List<JFreeChart> panels,
      int columns,
      int width,
      int height) {
    this(id, title, caption, panels, columns, width, height, Common.NONE, null, 0);
  }

  /** This figure with its panels marked as showing the same quantity on the given axis. */
  Figure sameQuantityOn(Common axis) {
    return new Figure(
        id, title, caption, panels, columns, width, height, axis, legend, legendHeight);
  }

  /** A figure of one chart at the standard 800 x 500. */
  static Figure single(String id, String title, String caption, JFreeChart chart) {
    return new Figure(id, title, caption, List.of(chart), 1, 800, 500);
  }

  /** A grid of panels: {@code columns} per row, each {@code panelWidth} x {@code panelHeight}. */
  static Figure grid(
      String id,
      String title,
      String caption,
      List<JFreeChart> panels,
      int columns,
      int panelWidth,
      int panelHeight) {
    int cols = Math.min(columns, panels.size());
    int rows = (panels.size() + cols - 1) / cols;
    return new Figure(id, title, caption, panels, cols, cols * panelWidth, rows * panelHeight);
  }
}
