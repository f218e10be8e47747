package govsim.report;

import static govsim.observe.Metrics.*;

import govsim.experiment.compare.ComparisonTable;
import govsim.observe.MetricDoc;
import govsim.observe.StepMetric;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which metrics the report draws, in one place, so that the report and the notebook show the same
 * things: the paper's outcomes of interest (MODEL.md §7) — harm, compliance, responsiveness
 * (governance gap, backlash response), trust, market concentration, innovation and cost.
 */
final class Headlines {
  private Headlines() {}

  /** One column of a time-series figure and its legend entry. */
  record Column(StepMetric metric, String legend) {
    String name() {
      return metric.name();
    }
  }

  /**
   * A time-series figure of a single run; its axis label, share axis and the column names of its
   * caption come from the metric catalogue.
   *
   * @param id figure id
   * @param title figure title
   * @param columns the lines
   * @param text what it shows (the caption without the column names)
   */
  record RunFigure(String id, String title, List<Column> columns, String text) {
    /**
     * The first column's axis label; with several lines, the figure title and the first column's
     * unit.
     */
    String yLabel() {
      MetricDoc first = columns.get(0).metric().doc();
      if (columns.size() == 1 || first.unit().isEmpty()) return first.axisLabel();
      return title + " (" + first.unit() + ")";
    }

    /** Whether the axis is a share drawn on [0, 1]: every line is a share. */
    boolean share() {
      return columns.stream().allMatch(c -> c.metric().doc().isShare());
    }

    /** The caption: the text and the columns drawn. */
    String caption() {
      return text
          + " Columns: "
          + columns.stream().map(c -> "`" + c.name() + "`").collect(Collectors.joining(", "))
          + ".";
    }
  }

  /** The single-run figures (harm, compliance, trust, HHI, governance gap, capability). */
  static final List<RunFigure> RUN =
      List.of(
          new RunFigure(
              "harm",
              "Cumulative harm",
              List.of(
                  new Column(HARM_TOTAL_CUM, "all harm"),
                  new Column(HARM_SEVERE_CUM, "severe harm"),
                  new Column(HARM_MALICIOUS_CUM, "harm from malicious actors")),
              "Harm per 1,000 users accumulated since the start: all harm (incidents, harmful practices, attacks),"
                  + " the part from severe incidents and attacks, and the part from malicious actors."),
          new RunFigure(
              "compliance",
              "Compliance and rule coverage",
              List.of(
                  new Column(COMPLIANCE_RATE, "compliance"),
                  new Column(MITIGATION_RATE, "mitigation"),
                  new Column(COVERAGE_REGULATOR, "covered by regulator rules"),
                  new Column(COVERAGE_COMMUNITY, "covered by community standards")),
              "Compliance: user-weighted share of (active risk, firm) pairs that are governed and complied with"
                  + " (undefined, and not drawn, where no rule and no rule-maker exists); mitigation: the share"
                  + " mitigated, governed or not; coverage: the share of known active risks covered by a regulator"
                  + " rule or a community standard in force."),
          new RunFigure(
              "trust",
              "Trust and reputation",
              List.of(
                  new Column(TRUST_MEAN, "trust (user-weighted reputation of providers)"),
                  new Column(REPUTATION_MEAN, "mean reputation of active firms")),
              "Trust is the user-weighted mean reputation of users' providers; reputation the unweighted mean over"
                  + " active firms."),
          new RunFigure(
              "hhi",
              "Market concentration",
              List.of(new Column(HHI, "HHI of user shares")),
              "Herfindahl\u2013Hirschman index of the firms' user shares: 1 is monopoly, 1/n is n equal firms."),
          new RunFigure(
              "governance-gap",
              "Governance gap",
              List.of(new Column(GOVERNANCE_GAP_DAYS_MEAN, "mean governance gap")),
              "Mean days from a novel risk's emergence to its first effective rule (community standard or"
                  + " regulator rule), over the novel risks governed so far; undefined, and not drawn, until the first"
                  + " one is governed."),
          new RunFigure(
              "capability",
              "Capability (innovation)",
              List.of(new Column(CAPABILITY_MEAN, "mean capability of active firms")),
              "Mean capability of active firms; its growth rate is the model's measure of innovation."));

  /** The time-series columns of a comparison, one figure each (mean and band per regime). */
  static final List<String> COMPARISON_SERIES =
      names(
          HARM_TOTAL_CUM,
          HARM_SEVERE_CUM,
          COMPLIANCE_RATE,
          TRUST_MEAN,
          HHI,
          GOVERNANCE_GAP_DAYS_MEAN,
          CAPABILITY_MEAN);

  /**
   * The summary metrics of the forest plots and tables: the headline metrics that {@code govsim
   * compare} prints on the terminal, so that the report and the terminal agree.
   */
  static final List<String> SUMMARY = ComparisonTable.HEADLINE;

  /** The time-series columns drawn for a sweep (spread across runs, per regime). */
  static final List<String> SWEEP_SERIES = names(HARM_TOTAL_CUM, COMPLIANCE_RATE);

  private static List<String> names(StepMetric... metrics) {
    return Stream.of(metrics).map(StepMetric::name).toList();
  }
}
