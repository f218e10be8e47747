package govsim.experiment.compare;

import static govsim.observe.Metrics.*;

import govsim.model.Regime;
import govsim.observe.RunMetric;
import govsim.stats.Estimate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal table of {@code govsim compare}: one row per headline metric, one column per regime,
 * each cell {@code mean [ci_low, ci_high]} with 4 significant digits (the CSV files keep 10). Text
 * only; the caller prints it.
 */
public final class ComparisonTable {
  private ComparisonTable() {}

  /** The headline metrics shown on the terminal (all metrics are in comparison.csv). */
  public static final List<String> HEADLINE =
      java.util.stream.Stream.of(
              HARM_TOTAL_RUN,
              HARM_SEVERE_RUN,
              HARM_MALICIOUS_RUN,
              COMPLIANCE_RATE_RUN,
              GOVERNANCE_GAP_DAYS_MEAN_RUN,
              PRACTICE_DURATION_DAYS_MEAN_RUN,
              TRUST_MEAN_RUN,
              HHI_RUN,
              CAPABILITY_GROWTH_PER_YEAR,
              COST_REGULATOR_RUN)
          .map(RunMetric::name)
          .toList();

  /**
   * Renders the table with a heading that states the method.
   *
   * @param estimates per regime, per metric (from {@link RegimeComparison.Result#estimates})
   * @param metrics the rows, in order
   * @param replications seeds per regime
   * @param level confidence level of the intervals
   */
  public static String render(
      Map<Regime, Map<String, Estimate>> estimates,
      List<String> metrics,
      int replications,
      double level) {
    List<Regime> regimes = new ArrayList<>(estimates.keySet());
    List<List<String>> rows = new ArrayList<>();
    List<String> head = new ArrayList<>();
    head.add("metric");
    for (Regime r : regimes) head.add(r.yamlName());
    rows.add(head);
    List<String> units = new ArrayList<>();
    units.add("");
    for (String m : metrics) {
      List<String> row = new ArrayList<>();
      row.add(m);
      units.add(govsim.observe.Metrics.runDoc(m).unit());
      for (Regime r : regimes) row.add(cell(estimates.get(r).get(m)));
      rows.add(row);
    }
    int[] width = new int[head.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Mean [%s%% CI] per regime over %d seeds: t-intervals, on the logit scale for shares%n"
                + "and the log scale for counts, amounts and days, so they stay in range (common%n"
                + "random numbers: replication i uses the same seed in every regime). n/a: undefined%n"
                + "in every run.%n",
            percent(level),
            replications));
    // The regimes' columns in blocks that fit MAX_WIDTH columns, each block led by the metric
    // column (four regimes with wide intervals would not fit one terminal line); each metric's
    // unit on the line under it.
    int first = 1;
    while (first < head.size()) {
      int used = width[0];
      int last = first;
      while (last < head.size() && (last == first || used + 2 + width[last] <= MAX_WIDTH)) {
        used += 2 + width[last];
        last++;
      }
      sb.append('\n');
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        StringBuilder line = new StringBuilder();
        line.append(row.get(0)).append(" ".repeat(width[0] - row.get(0).length()));
        for (int i = first; i < last; i++) {
          String c = row.get(i);
          line.append("  ").append(" ".repeat(width[i] - c.length())).append(c);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
        if (!units.get(r).isEmpty()) sb.append("  ").append(units.get(r)).append('\n');
      }
      first = last;
    }
    return sb.toString();
  }

  /** The widest line of the table (a terminal of 100 columns shows it unwrapped). */
  public static final int MAX_WIDTH = 100;

  /** "0.95" → "95", "0.9" → "90", "0.995" → "99.5". */
  static String percent(double level) {
    return new BigDecimal(Double.toString(level * 100))
        .round(new MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** {@code mean [lo, hi]}; the mean alone when there is no interval; n/a when undefined. */
  static String cell(Estimate e) {
    if (e == null || e.n() == 0) return "n/a";
    if (Double.isNaN(e.ciLow())) return num(e.mean());
    return num(e.mean()) + " [" + num(e.ciLow()) + ", " + num(e.ciHigh()) + "]";
  }

  /** 4 significant digits, plain notation between 1e-3 and 1e6, scientific outside. */
  static String num(double x) {
    if (Double.isNaN(x)) return "n/a";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return "0";
    double a = Math.abs(x);
    if (a >= 1e6 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", x);
    BigDecimal d =
        new BigDecimal(x).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    return d.toPlainString();
  }
}
