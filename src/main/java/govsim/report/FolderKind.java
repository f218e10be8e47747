package govsim.report;

import java.util.List;

/**
 * The three kinds of folder govsim writes, each with the files a report needs from it. The kind
 * decides which figures and which notebook cells make sense: one run has time series, a comparison
 * has intervals across replications, a sweep has a design over parameters.
 */
public enum FolderKind {
  /** {@code govsim run}: one scenario, one seed. */
  RUN("single run", List.of("manifest.json", "summary.csv")),
  /** {@code govsim compare}: several regimes with the same seeds. */
  COMPARISON(
      "regime comparison",
      List.of(
          "manifest.json",
          "runs.csv",
          "comparison.csv",
          "paired_differences.csv",
          "timeseries_mean.csv")),
  /** {@code govsim sweep}: a design over scenario keys. */
  SWEEP("parameter sweep", List.of("manifest.json", "runs.csv", "aggregate.csv")),
  /** {@code govsim sweep} of a game file: a grid over game keys, exact and agent-based. */
  GAME_SWEEP("game sweep", List.of("manifest.json", "points.csv"));

  private final String label;
  private final List<String> required;

  FolderKind(String label, List<String> required) {
    this.label = label;
    this.required = required;
  }

  /** How the report names the kind ("regime comparison"). */
  public String label() {
    return label;
  }

  /** The files the report reads and cannot do without. */
  public List<String> required() {
    return required;
  }
}
