package govsim.observe;

/**
 * What a metric is, for people: its column name, a short title for charts, its unit, its one-line
 * meaning, its bounds and when it is undefined. Every output column's documentation
 * (timeseries.csv, summary.csv, {@code govsim describe}, docs/ODD.md, reports, notebooks, GUI
 * charts) is read from these records, declared once in {@link Metrics}.
 *
 * @param name the column name (snake_case)
 * @param title a short title ("Cumulative harm")
 * @param unit the unit ("per 1,000 users"), or "" for a pure number such as a step index
 * @param meaning the one-line meaning
 * @param bounds the range of its defined values
 * @param undefinedWhen when the value is undefined (an empty cell), or "" if it is always defined
 */
public record MetricDoc(
    String name, String title, String unit, String meaning, Bounds bounds, String undefinedWhen) {
  /** The unit of shares in [0, 1]; a chart of a share draws its axis from 0 to 1. */
  public static final String SHARE = "share, 0\u20131";

  public MetricDoc {
    java.util.Objects.requireNonNull(name);
    java.util.Objects.requireNonNull(title);
    java.util.Objects.requireNonNull(unit);
    java.util.Objects.requireNonNull(meaning);
    java.util.Objects.requireNonNull(bounds);
    java.util.Objects.requireNonNull(undefinedWhen);
  }

  /**
   * A column that no declaration describes (for example one of a results folder written by another
   * version): titled by its name, with no unit and no meaning.
   */
  public static MetricDoc unknown(String name) {
    return new MetricDoc(name, name, "", "", Bounds.ANY, "");
  }

  public boolean mayBeUndefined() {
    return !undefinedWhen.isEmpty();
  }

  /** The axis label: title and unit. */
  public String axisLabel() {
    return unit.isEmpty() ? title : title + " (" + unit + ")";
  }

  /** True if the metric is a share in [0, 1] (its axis is drawn from 0 to 1). */
  public boolean isShare() {
    return unit.equals(SHARE);
  }
}
