package govsim.observe;

/**
 * One column of summary.csv: its documentation and how it aggregates the run: a step metric summed,
 * averaged or read at the end ({@link Aggregation}), or a function of the whole run. Declared in
 * {@link Metrics}.
 */
public final class RunMetric {
  /** How a summary metric comes from the run. */
  public enum Aggregation {
    SUM("sum of %s over the steps after burn-in"),
    MEAN("time mean of %s over the steps after burn-in at which it is defined"),
    LAST("%s at the last step"),
    RUN("computed from the whole run at its end");

    private final String text;

    Aggregation(String text) {
      this.text = text;
    }

    /** What the aggregation does to the step metric of that name, in words (docs and describe). */
    public String text(String stepMetric) {
      return String.format(java.util.Locale.ROOT, text, stepMetric);
    }
  }

  /** The value of a {@link Aggregation#RUN} metric at the end of the run; NaN where undefined. */
  @FunctionalInterface
  public interface Value {
    double of(RunView r);
  }

  private final MetricDoc doc;
  private final int index;
  private final Aggregation aggregation;
  private final StepMetric source;
  private final Value value;

  RunMetric(MetricDoc doc, int index, Aggregation aggregation, StepMetric source, Value value) {
    this.doc = doc;
    this.index = index;
    this.aggregation = aggregation;
    this.source = source;
    this.value = value;
  }

  public String name() {
    return doc.name();
  }

  public MetricDoc doc() {
    return doc;
  }

  /** Its position among the summary metrics (0-based; summary.csv has three leading columns). */
  public int index() {
    return index;
  }

  public Aggregation aggregation() {
    return aggregation;
  }

  /** The step metric it aggregates (SUM, MEAN, LAST), or null (RUN). */
  public StepMetric source() {
    return source;
  }

  /** "sum of harm_total over the steps after burn-in", "computed from the whole run at its end". */
  public String aggregationText() {
    return aggregation.text(source == null ? "" : source.name());
  }

  /** Its value at the end of the run. */
  public double value(RunView r) {
    return switch (aggregation) {
      case SUM -> r.sum(source);
      case MEAN -> r.mean(source);
      case LAST -> r.last(source);
      case RUN -> value.of(r);
    };
  }

  @Override
  public String toString() {
    return doc.name();
  }
}
