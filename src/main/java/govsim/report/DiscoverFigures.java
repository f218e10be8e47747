package govsim.report;

import govsim.experiment.discover.Discovery;
import govsim.experiment.discover.Prim;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The figure of {@code govsim discover}: PRIM's coverage-density trade-off (every box of the
 * trajectory, the reported one labelled) and the reported box drawn on the two parameters it
 * restricts most, over the runs (cases of interest in vermillion, the others in grey). Written as
 * {@code discover.png} and {@code discover.svg} in the style of the reports' figures.
 */
public final class DiscoverFigures {
  private DiscoverFigures() {}

  /** The file stems written. */
  public static final String STEM = "discover";

  /** Writes discover.png and discover.svg into dir. */
  public static void write(Discovery.Analysis a, Path dir) {
    List<JFreeChart> panels = new ArrayList<>();
    List<Prim.Box> boxes = a.prim().boxes();
    double[] cov = new double[boxes.size()];
    double[] den = new double[boxes.size()];
    String[] labels = new String[boxes.size()];
    int every = Math.max(1, boxes.size() / 8);
    for (Prim.Box b : boxes) {
      cov[b.index()] = b.coverage();
      den[b.index()] = b.density();
      if (b == a.chosen()) {
        labels[b.index()] = "box " + b.index() + " (reported)";
      } else if (b.index() % every == 0 && Math.abs(b.index() - a.chosen().index()) > every / 2) {
        labels[b.index()] = Integer.toString(b.index());
      }
    }
    panels.add(
        Plots.labelled(
            "Coverage-density trade-off",
            "coverage (share of the cases of interest in the box)",
            "density (share of the box's cases of interest)",
            cov,
            den,
            labels,
            Palette.BLUE,
            true,
            true,
            0.2));
    List<Integer> dims =
        new ArrayList<>(a.restricted().subList(0, Math.min(2, a.restricted().size())));
    for (int j = 0; j < a.names().size() && dims.size() < 2; j++)
      if (!dims.contains(j)) dims.add(j);
    String caption =
        "Left: PRIM's trajectory of boxes (peeling, then pasting), each box's coverage against its"
            + " density, for the cases with "
            + a.condition().text()
            + " ("
            + a.population()
            + "); the reported box is"
            + " labelled.";
    if (dims.size() == 2 && !a.restricted().isEmpty()) {
      int jx = dims.get(0);
      int jy = dims.get(1);
      int interest = 0;
      for (boolean b : a.y()) if (b) interest++;
      double[][] in = new double[2][interest];
      double[][] out = new double[2][a.y().length - interest];
      int p = 0;
      int q = 0;
      for (int i = 0; i < a.y().length; i++) {
        if (a.y()[i]) {
          in[0][p] = a.x()[i][jx];
          in[1][p++] = a.x()[i][jy];
        } else {
          out[0][q] = a.x()[i][jx];
          out[1][q++] = a.x()[i][jy];
        }
      }
      Prim.Box b = a.chosen();
      panels.add(
          Plots.boxOnTwo(
              "Box " + b.index() + " on its two most significant restrictions",
              ParamLabels.axis(a.names().get(jx)),
              ParamLabels.axis(a.names().get(jy)),
              List.of(
                  new Plots.Points("other cases", Palette.GREY, out[0], out[1]),
                  new Plots.Points(a.condition().text(), Palette.VERMILLION, in[0], in[1])),
              b.low()[jx],
              b.high()[jx],
              b.low()[jy],
              b.high()[jy],
              Palette.BLUE));
      caption +=
          " Right: every case on the two parameters of the reported box's most significant restrictions"
              + " (smallest quasi-p-values), cases of interest in vermillion, the box's bounds in blue (other restrictions,"
              + " if any, are not drawn).";
    }
    Figure f = Figure.grid(STEM, "Scenario discovery", caption, panels, 2, 560, 440);
    FigureFiles.write(f, dir, STEM);
  }
}
