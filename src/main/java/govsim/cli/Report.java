package govsim.cli;

import static govsim.observe.Metrics.*;

import govsim.observe.Num;
import govsim.observe.RunMetric;
import govsim.observe.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Plain-text summaries for the terminal. */
final class Report {
  private Report() {}

  static final List<String> HEADLINE =
      java.util.stream.Stream.of(
              HARM_TOTAL_RUN,
              HARM_SEVERE_RUN,
              HARM_MALICIOUS_RUN,
              HARM_INFO_WEAK_SHARE_RUN,
              COMPLIANCE_RATE_RUN,
              GOVERNANCE_GAP_DAYS_MEAN_RUN,
              PRACTICE_DURATION_DAYS_MEAN_RUN,
              TRUST_MEAN_RUN,
              HHI_RUN,
              CAPABILITY_GROWTH_PER_YEAR,
              COST_COMPLIANCE_RUN,
              COST_REGULATOR_RUN,
              COMMUNITIES_FINAL,
              SANCTIONS_RUN,
              EXPULSIONS_RUN)
          .map(RunMetric::name)
          .toList();

  static void printRun(PrintWriter out, RunResult r, Path folder) {
    out.printf(
        Locale.ROOT,
        "govsim: %d steps in %.2f s of stepping; results in %s%n",
        r.spec().time().steps(),
        r.stepSeconds(),
        folder);
    for (String m : HEADLINE) {
      String v = fmt(r.summary().get(m));
      String unit = v.equals("n/a") ? "" : runDoc(m).unit();
      out.println(String.format(Locale.ROOT, "  %-30s %10s  %s", m, v, unit).stripTrailing());
    }
    out.println(
        "  (all metrics: summary.csv; per step: timeseries.csv; what happened: events.csv)");
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
