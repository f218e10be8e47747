package govsim.observe;

/**
 * One column of timeseries.csv: its documentation and how its value follows from the world after a
 * step (and the run's cumulative tallies). Declared in {@link Metrics}, which gives it its column.
 */
public final class StepMetric {
  /** The value of the metric after a step; NaN where it is undefined. Must not allocate. */
  @FunctionalInterface
  public interface Value {
    double of(StepView v);
  }

  private final MetricDoc doc;
  private final int column;
  private final Value value;

  StepMetric(MetricDoc doc, int column, Value value) {
    this.doc = doc;
    this.column = column;
    this.value = value;
  }

  public String name() {
    return doc.name();
  }

  public MetricDoc doc() {
    return doc;
  }

  /** Its column in timeseries.csv and in every recorded row (0-based). */
  public int column() {
    return column;
  }

  public double value(StepView v) {
    return value.of(v);
  }

  @Override
  public String toString() {
    return doc.name();
  }
}
