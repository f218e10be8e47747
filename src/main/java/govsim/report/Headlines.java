package govsim.report;

import govsim.experiment.compare.ComparisonTable;
import java.util.List;

/**
 * Which metrics the report draws, in one place, so that the report and the notebook show the same
 * things: the paper's outcomes of interest (MODEL.md §7) — harm, compliance, responsiveness
 * (governance gap, backlash response), trust, market concentration, innovation and cost.
 */
final class Headlines {
  private Headlines() {}

  /** One column of a time-series figure and its legend entry. */
  record Column(String name, String legend) {}

  /**
   * A time-series figure of a single run.
   *
   * @param id figure id
   * @param title figure title
   * @param yLabel axis label with unit
   * @param share whether the axis is a share drawn on [0, 1]
   * @param columns the lines
   * @param caption what it shows
   */
  record RunFigure(String id, String title, String yLabel, boolean share, List<Column> columns, String caption) {}

  /** The single-run figures (harm, compliance, trust, HHI, governance gap, capability). */
  static final List<RunFigure> RUN = List.of(
      new RunFigure("harm", "Cumulative harm", "Cumulative harm (per 1,000 users)", false,
          List.of(new Column("harm_total_cum", "all harm"), new Column("harm_severe_cum", "severe harm"),
              new Column("harm_malicious_cum", "harm from malicious actors")),
          "Harm per 1,000 users accumulated since the start: all harm (incidents, harmful practices, attacks),"
              + " the part from severe incidents and attacks, and the part from malicious actors"
              + " (`harm_total_cum`, `harm_severe_cum`, `harm_malicious_cum`)."),
      new RunFigure("compliance", "Compliance and rule coverage", "Share (0\u20131)", true,
          List.of(new Column("compliance_rate", "compliance"), new Column("mitigation_rate", "mitigation"),
              new Column("coverage_regulator", "covered by regulator rules"),
              new Column("coverage_community", "covered by community standards")),
          "Compliance: user-weighted share of (active risk, firm) pairs that are governed and complied with;"
              + " mitigation: the share mitigated, governed or not; coverage: the share of known active risks"
              + " covered by a regulator rule or a community standard in force."),
      new RunFigure("trust", "Trust and reputation", "Reputation (0\u20131)", false,
          List.of(new Column("trust_mean", "trust (user-weighted reputation of providers)"),
              new Column("reputation_mean", "mean reputation of active firms")),
          "Trust is the user-weighted mean reputation of users' providers; reputation the unweighted mean over"
              + " active firms (`trust_mean`, `reputation_mean`)."),
      new RunFigure("hhi", "Market concentration", "Herfindahl\u2013Hirschman index (0\u20131)", false,
          List.of(new Column("hhi", "HHI of user shares")),
          "Herfindahl\u2013Hirschman index of the firms' user shares (`hhi`): 1 is monopoly, 1/n is n equal"
              + " firms."),
      new RunFigure("governance-gap", "Governance gap", "Mean governance gap (days)", false,
          List.of(new Column("governance_gap_days_mean", "mean governance gap")),
          "Mean days from a novel risk's emergence to its first effective rule (community standard or"
              + " regulator rule), over the novel risks governed so far (`governance_gap_days_mean`);"
              + " undefined, and not drawn, until the first one is governed."),
      new RunFigure("capability", "Capability (innovation)", "Mean capability (index)", false,
          List.of(new Column("capability_mean", "mean capability of active firms")),
          "Mean capability of active firms (`capability_mean`); its growth rate is the model's measure of"
              + " innovation."));

  /** The time-series columns of a comparison, one figure each (mean and band per regime). */
  static final List<String> COMPARISON_SERIES = List.of("harm_total_cum", "harm_severe_cum", "compliance_rate",
      "trust_mean", "hhi", "governance_gap_days_mean", "capability_mean");

  /**
   * The summary metrics of the forest plots and tables: the headline metrics that {@code govsim
   * compare} prints on the terminal, so that the report and the terminal agree.
   */
  static final List<String> SUMMARY = ComparisonTable.HEADLINE;

  /** The time-series columns drawn for a sweep (spread across runs, per regime). */
  static final List<String> SWEEP_SERIES = List.of("harm_total_cum", "compliance_rate");
}
