package govsim.report;

import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;

/**
 * The figure of one stylized fact's robustness ({@code govsim validation --robustness}): every
 * point of the plausible box on the two parameters that decide the fact (the classification tree's
 * first splits), points where the fact holds in blue, where it fails in vermillion, the splits as
 * lines. Written as PNG in the style of the reports' figures.
 */
public final class RobustnessFigures {
  private RobustnessFigures() {}

  /**
   * Writes the figure.
   *
   * @param file the PNG to write
   * @param title the panel's title
   * @param xKey, yKey the two parameters drawn
   * @param x, y their values at every point
   * @param holds whether the fact holds at each point
   * @param xSplit the split on x (NaN for none)
   * @param ySplit the split on y (NaN for none)
   */
  public static void write(
      Path file,
      String title,
      String xKey,
      String yKey,
      double[] x,
      double[] y,
      boolean[] holds,
      double xSplit,
      double ySplit) {
    int k = 0;
    for (boolean b : holds) if (b) k++;
    double[][] in = new double[2][k];
    double[][] out = new double[2][holds.length - k];
    int p = 0;
    int q = 0;
    for (int i = 0; i < holds.length; i++) {
      if (holds[i]) {
        in[0][p] = x[i];
        in[1][p++] = y[i];
      } else {
        out[0][q] = x[i];
        out[1][q++] = y[i];
      }
    }
    JFreeChart chart =
        Plots.scatter(
            title,
            ParamLabels.axis(xKey),
            false,
            ParamLabels.axis(yKey),
            false,
            List.of(
                new Plots.Points("holds (" + k + ")", Palette.BLUE, in[0], in[1]),
                new Plots.Points(
                    "fails (" + (holds.length - k) + ")", Palette.VERMILLION, out[0], out[1])));
    XYPlot plot = chart.getXYPlot();
    if (!Double.isNaN(xSplit)) plot.addDomainMarker(marker(xSplit));
    if (!Double.isNaN(ySplit)) plot.addRangeMarker(marker(ySplit));
    Figure f =
        Figure.single(
            file.getFileName().toString().replace(".png", "").toLowerCase(java.util.Locale.ROOT),
            title,
            "",
            chart);
    FigureFiles.writePngAndCsv(f, file);
  }

  private static ValueMarker marker(double v) {
    ValueMarker m = new ValueMarker(v);
    m.setPaint(Palette.GREY);
    m.setStroke(new java.awt.BasicStroke(1.5f));
    return m;
  }
}
