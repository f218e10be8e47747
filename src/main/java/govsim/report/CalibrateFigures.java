package govsim.report;

import govsim.experiment.calibrate.Abc;
import govsim.experiment.calibrate.Calibration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The figure of {@code govsim calibrate}: a pairs plot of the posterior sample, each parameter's
 * weighted histogram over its prior range on the diagonal and the particles on every pair of
 * parameters off it. Written as {@code pairs.png} and {@code pairs.svg}.
 */
public final class CalibrateFigures {
  private CalibrateFigures() {}

  /** The file stem written. */
  public static final String STEM = "pairs";

  /** Writes pairs.png and pairs.svg into dir. */
  public static void write(Calibration c, Calibration.Result result, Path dir) {
    Abc.Generation post = result.abc().posterior();
    List<Abc.Parameter> ps = c.parameters();
    int d = ps.size();
    List<JFreeChart> panels = new ArrayList<>();
    for (int row = 0; row < d; row++) {
      for (int col = 0; col < d; col++) {
        Abc.Parameter px = ps.get(col);
        if (row == col) {
          panels.add(
              Plots.histogram(
                  null,
                  ParamLabels.axis(px.name()),
                  px.log(),
                  Calibration.column(post.values(), col),
                  post.weights(),
                  px.low(),
                  px.high(),
                  20,
                  Palette.BLUE));
        } else {
          Abc.Parameter py = ps.get(row);
          JFreeChart ch =
              Plots.scatter(
                  null,
                  ParamLabels.axis(px.name()),
                  px.log(),
                  ParamLabels.axis(py.name()),
                  false,
                  List.of(
                      new Plots.Points(
                          "particles",
                          Palette.BLUE,
                          Calibration.column(post.values(), col),
                          Calibration.column(post.values(), row))));
          ch.getXYPlot().getDomainAxis().setRange(px.low(), px.high());
          if (py.log()) {
            org.jfree.chart.axis.LogAxis axis = Plots.logAxis(ParamLabels.axis(py.name()));
            ChartStyle.axis(axis);
            ch.getXYPlot().setRangeAxis(axis);
          }
          ch.getXYPlot().getRangeAxis().setRange(py.low(), py.high());
          panels.add(ch);
        }
      }
    }
    String caption =
        "Posterior sample of generation "
            + post.index()
            + " ("
            + post.u().length
            + " particles, effective sample size "
            + govsim.observe.Num.format(Math.round(post.ess() * 10) / 10.0)
            + ", tolerance "
            + govsim.observe.Num.format(post.tolerance())
            + "): each parameter's weighted histogram over its prior range on the diagonal, the"
            + " particles on each pair of parameters off it.";
    int size = d == 1 ? 640 : d <= 3 ? 420 : 300;
    Figure f =
        Figure.grid(STEM, "Calibration posterior", caption, panels, d, size, d == 1 ? 440 : size);
    FigureFiles.write(f, dir, STEM);
  }
}
