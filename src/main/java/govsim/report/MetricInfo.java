package govsim.report;

import govsim.observe.RunSummary;
import govsim.observe.StepMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a metric is called on a chart and in which unit, for the time-series columns
 * (timeseries.csv, per step) and the summary metrics (summary.csv, per run). The same name can
 * mean two things: {@code harm_total} is harm in one step in the time series and harm summed over
 * the run in the summary, so the two contexts are kept apart. The long meaning comes from the
 * documentation of the columns in {@link StepMetrics} and {@link RunSummary}; a name this class
 * does not know is shown as it is, with its documented meaning if any.
 *
 * @param name the column name
 * @param title a short title ("Cumulative harm")
 * @param unit the unit ("per 1,000 users"), or "" if none
 * @param meaning the documented meaning, or "" if none
 */
public record MetricInfo(String name, String title, String unit, String meaning) {

  /** The axis label: title and unit. */
  public String axisLabel() {
    return unit.isEmpty() ? title : title + " (" + unit + ")";
  }

  /** True if the metric is a share in [0, 1] (its axis is drawn from 0 to 1). */
  public boolean isShare() {
    return unit.equals(SHARE);
  }

  static final String SHARE = "share, 0\u20131";
  private static final String PER_1000 = "per 1,000 users";
  private static final String INDEX_01 = "0\u20131";

  /** Titles and units, built once and read-only afterwards (no static mutable state). */
  private static final Labels LABELS = new Labels();

  /** The label tables: filled in the constructor, then only read. */
  private static final class Labels {
    final Map<String, String[]> series;
    final Map<String, String[]> summary;
    final Map<String, String> seriesDocs;
    final Map<String, String> summaryDocs;

    private final Map<String, String[]> s = new HashMap<>();
    private final Map<String, String[]> m = new HashMap<>();

    Labels() {
      both("harm_info_weak_share", "Harm borne by information-weak users", SHARE);
      both("compliance_rate", "Compliance rate", SHARE);
      both("mitigation_rate", "Mitigation rate", SHARE);
      both("coverage_regulator", "Risks covered by regulator rules", SHARE);
      both("coverage_community", "Risks covered by community standards", SHARE);
      both("governance_gap_days_mean", "Governance gap", "days");
      both("backlash_response_days_mean", "Backlash response time", "days");
      both("practice_duration_days_mean", "Duration of harmful practices", "days");
      both("reputation_mean", "Mean reputation of firms", INDEX_01);
      both("trust_mean", "Trust", "user-weighted reputation, 0\u20131");
      both("hhi", "Market concentration (HHI)", INDEX_01);
      both("switching_rate", "Users switching provider", "share per step");
      both("community_member_share", "Firms in a community", SHARE);
      series("step", "Step", "");
      series("day", "Time", "days");
      series("harm_total", "Harm", PER_1000 + " per step");
      series("harm_severe", "Severe harm", PER_1000 + " per step");
      series("harm_malicious", "Harm from malicious actors", PER_1000 + " per step");
      series("harm_total_cum", "Cumulative harm", PER_1000);
      series("harm_severe_cum", "Cumulative severe harm", PER_1000);
      series("harm_malicious_cum", "Cumulative harm from malicious actors", PER_1000);
      series("rules_regulator", "Regulator rules in force", "rules");
      series("rules_community", "Community standards in force", "standards");
      series("active_firms", "Active firms", "firms");
      series("capability_mean", "Mean capability of firms", "capability index");
      series("cost_compliance", "Firms' compliance cost", "currency units per step");
      series("cost_regulator", "Regulators' cost", "currency units per step");
      series("cost_community", "Communities' cost", "currency units per step");
      series("welfare_consumer", "Consumer welfare", "utility per 1,000 users per step");
      series("welfare_producer", "Firms' profit", "currency units per step");
      series("communities", "Active communities", "communities");
      for (String c : List.of("expulsions", "sanctions", "revocations", "outcries", "complaints", "incidents",
          "attacks", "entries", "exits")) {
        series(c, capitalise(c), "per step");
      }
      series("practice_firms", "Firms with a harmful practice", "firms");
      series("active_risks", "Active risks", "risks");
      series("known_risks", "Known active risks", "risks");
      summary("harm_total", "Harm", PER_1000 + ", run total");
      summary("harm_severe", "Severe harm", PER_1000 + ", run total");
      summary("harm_malicious", "Harm from malicious actors", PER_1000 + ", run total");
      summary("governance_gap_regulator_days_mean", "Governance gap, regulator rules", "days");
      summary("governance_gap_community_days_mean", "Governance gap, community standards", "days");
      summary("risks_emerged", "Novel risks emerged", "risks");
      summary("risks_governed_share", "Novel risks governed", SHARE);
      summary("revisions", "Practice revisions", "count");
      summary("outcries", "Outcries", "count");
      summary("hhi_final", "Final market concentration (HHI)", INDEX_01);
      summary("active_firms_final", "Active firms at the end", "firms");
      summary("capability_mean_final", "Mean capability at the end", "capability index");
      summary("capability_growth_per_year", "Capability growth", "per year");
      summary("cost_compliance", "Firms' compliance cost", "currency units, run total");
      summary("cost_regulator", "Regulators' cost", "currency units, run total");
      summary("cost_community", "Communities' cost", "currency units, run total");
      summary("welfare_consumer", "Consumer welfare", "utility per 1,000 users, run total");
      summary("welfare_producer", "Firms' profit", "currency units, run total");
      summary("communities_final", "Active communities at the end", "communities");
      for (String c : List.of("expulsions", "sanctions", "revocations", "attacks")) {
        summary(c, capitalise(c), "run total");
      }
      Map<String, String> sd = new HashMap<>();
      for (String[] d : StepMetrics.COLUMN_DOCS) sd.put(d[0], d[1]);
      Map<String, String> md = new HashMap<>();
      for (String[] d : RunSummary.METRIC_DOCS) md.put(d[0], d[1]);
      series = Map.copyOf(s);
      summary = Map.copyOf(m);
      seriesDocs = Map.copyOf(sd);
      summaryDocs = Map.copyOf(md);
    }

    private void both(String name, String title, String unit) {
      series(name, title, unit);
      summary(name, title, unit);
    }

    private void series(String name, String title, String unit) {
      s.put(name, new String[] {title, unit});
    }

    private void summary(String name, String title, String unit) {
      m.put(name, new String[] {title, unit});
    }
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A time-series column (timeseries.csv: one value per recorded step). */
  public static MetricInfo series(String name) {
    return of(name, LABELS.series.get(name), LABELS.seriesDocs.get(name));
  }

  /** A summary metric (summary.csv, runs.csv, comparison.csv: one value per run). */
  public static MetricInfo summary(String name) {
    return of(name, LABELS.summary.get(name), LABELS.summaryDocs.get(name));
  }

  private static MetricInfo of(String name, String[] known, String doc) {
    String meaning = doc == null ? "" : doc;
    if (known == null) return new MetricInfo(name, name, "", meaning);
    return new MetricInfo(name, known[0], known[1], meaning);
  }
}
