package govsim.cli;

import govsim.experiment.RunResult;
import govsim.observe.Num;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Plain-text summaries for the terminal. */
final class Report {
  private Report() {}

  static final List<String> HEADLINE = List.of("harm_total", "harm_severe", "harm_malicious", "harm_info_weak_share",
      "compliance_rate", "governance_gap_days_mean", "practice_duration_days_mean", "trust_mean", "hhi",
      "capability_growth_per_year", "cost_compliance", "cost_regulator", "communities_final", "sanctions",
      "expulsions");

  static void printRun(PrintWriter out, RunResult r, Path folder) {
    out.printf(Locale.ROOT, "govsim: %d steps in %.2f s of stepping; results in %s%n", r.spec().time().steps(),
        r.stepSeconds(), folder);
    for (String m : HEADLINE) {
      out.printf(Locale.ROOT, "  %-30s %s%n", m, fmt(r.summary().get(m)));
    }
    out.println("  (all metrics: summary.csv; per step: timeseries.csv; what happened: events.csv)");
    out.flush();
  }

  static String fmt(Double x) {
    if (x == null || x.isNaN()) return "n/a";
    double a = Math.abs(x);
    if (a != 0 && (a >= 1e6 || a < 1e-3)) return String.format(Locale.ROOT, "%.4g", x);
    String s = Num.format(Math.round(x * 1000.0) / 1000.0);
    return s;
  }
}
