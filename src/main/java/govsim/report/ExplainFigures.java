package govsim.report;

import govsim.experiment.explain.Explanation;
import govsim.experiment.explain.Shapley;
import govsim.observe.Metrics;
import govsim.observe.Num;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figure of {@code govsim explain}: a waterfall of the chosen metric's Shapley values, item by
 * item (increases in vermillion, decreases in blue, each with its interval as a whisker), ending in
 * the paired difference to - from in grey. Written as {@code explain.png} and {@code explain.svg}.
 */
public final class ExplainFigures {
  private ExplainFigures() {}

  /** The file stem written. */
  public static final String STEM = "explain";

  /** Writes explain.png and explain.svg into dir. */
  public static void write(Explanation ex, Explanation.Result result, Path dir) {
    Shapley.Result r = result.of(ex.metric());
    int k = ex.items().size();
    double[] step = new double[k];
    double[] lo = new double[k];
    double[] hi = new double[k];
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      var e = r.items().get(i).estimate();
      step[i] = e.mean();
      lo[i] = e.ciLow();
      hi[i] = e.ciHigh();
      labels.add(ex.items().get(i).name());
    }
    govsim.observe.MetricDoc doc =
        Metrics.run(ex.metric())
            .map(m -> m.doc())
            .orElse(govsim.observe.MetricDoc.unknown(ex.metric()));
    String unit = doc.unit();
    String valueLabel =
        "change in "
            + doc.title()
            + (unit.isEmpty() ? "" : " (" + unit + ")")
            + " from "
            + ex.fromLabel();
    var chart =
        Plots.waterfall(
            doc.title() + ": " + ex.fromLabel() + " \u2192 " + ex.toLabel(),
            valueLabel,
            labels,
            step,
            lo,
            hi,
            "difference",
            r.total().mean(),
            r.total().ciLow(),
            r.total().ciHigh());
    String pct = Num.format(ex.level() * 100);
    String caption =
        "Shapley values of the paired difference in "
            + ex.metric()
            + " between "
            + ex.fromLabel()
            + " (mean "
            + Num.format(r.from().mean())
            + ") and "
            + ex.toLabel()
            + " (mean "
            + Num.format(r.to().mean())
            + "), one bar per differing "
            + (k == 1 ? "item" : "item, in the order of shapley.csv")
            + "; the grey bar is their sum, the difference itself. Whiskers: "
            + pct
            + "% t-intervals over "
            + r.total().n()
            + " seeds"
            + (ex.exact()
                ? " (exact values)."
                : ", widened by the sampling error of " + ex.permutationCount() + " permutations.");
    Figure f =
        new Figure(
            STEM, "Why the regimes differ", caption, List.of(chart), 1, 900, 160 + 44 * (k + 1));
    FigureFiles.write(f, dir, STEM);
  }
}
