package govsim.cli;

/**
 * The generated blocks of docs/ODD.md, each between two HTML comment markers: the parameter tables
 * (section 7.2, from the scenario schema), the output metrics (section 4, Observation, from the
 * metric catalogue) and the event-log vocabulary (section 7.3).
 */
public final class OddDocument {
  public static final String BEGIN = "<!-- BEGIN GENERATED PARAMETERS -->";
  public static final String END = "<!-- END GENERATED PARAMETERS -->";

  private OddDocument() {}

  /** The document with the block between the parameter markers replaced by the given tables. */
  public static String withParameters(String doc, String tablesMarkdown) {
    return withBlock(doc, BEGIN, END, tablesMarkdown);
  }

  /** The block currently between the parameter markers. */
  public static String parameters(String doc) {
    return block(doc, BEGIN, END);
  }

  private static String withBlock(String doc, String begin, String end, String markdown) {
    int b = doc.indexOf(begin);
    int e = doc.indexOf(end);
    if (b < 0 || e < b)
      throw new IllegalArgumentException("the markers " + begin + " and " + end + " are missing");
    String tables = markdown.replaceFirst("^# [^\n]*\n+", "");
    return doc.substring(0, b + begin.length()) + "\n" + tables.strip() + "\n" + doc.substring(e);
  }

  private static String block(String doc, String begin, String end) {
    int b = doc.indexOf(begin);
    int e = doc.indexOf(end);
    if (b < 0 || e < b)
      throw new IllegalArgumentException("the markers " + begin + " and " + end + " are missing");
    return doc.substring(b + begin.length(), e).strip();
  }

  /**
   * The markers of the event-log vocabulary (docs/ODD.md section 7.3, from {@link
   * govsim.world.EventKind}).
   */
  public static final String BEGIN_EVENTS = "<!-- BEGIN GENERATED EVENTS -->";

  public static final String END_EVENTS = "<!-- END GENERATED EVENTS -->";

  /**
   * The document with its event table replaced by the one generated from {@link
   * govsim.world.EventKind}.
   */
  public static String withEvents(String doc) {
    return withBlock(doc, BEGIN_EVENTS, END_EVENTS, govsim.world.EventKind.markdownTable());
  }

  /** The event table currently between the event markers. */
  public static String events(String doc) {
    return block(doc, BEGIN_EVENTS, END_EVENTS);
  }

  /**
   * The markers of the output metrics (docs/ODD.md section 4, from {@link govsim.observe.Metrics}).
   */
  public static final String BEGIN_METRICS = "<!-- BEGIN GENERATED METRICS -->";

  public static final String END_METRICS = "<!-- END GENERATED METRICS -->";

  /**
   * The document with its metric tables replaced by the ones generated from the metric catalogue.
   */
  public static String withMetrics(String doc) {
    return withBlock(doc, BEGIN_METRICS, END_METRICS, MetricsDescription.toMarkdown());
  }

  /** The metric tables currently between the metric markers. */
  public static String metrics(String doc) {
    return block(doc, BEGIN_METRICS, END_METRICS);
  }

  /**
   * The markers of the random streams (docs/ODD.md section 4, Stochasticity, from {@link
   * govsim.mechanism.RandomStreams}).
   */
  public static final String BEGIN_STREAMS = "<!-- BEGIN GENERATED RANDOM STREAMS -->";

  public static final String END_STREAMS = "<!-- END GENERATED RANDOM STREAMS -->";

  /** The document with its random-stream table replaced by the one generated from the code. */
  public static String withStreams(String doc) {
    return withBlock(doc, BEGIN_STREAMS, END_STREAMS, streamsMarkdown());
  }

  /** The random-stream table currently between the stream markers. */
  public static String streams(String doc) {
    return block(doc, BEGIN_STREAMS, END_STREAMS);
  }

  /** The derivation and one row per stream: its name and what it draws. */
  static String streamsMarkdown() {
    StringBuilder b =
        new StringBuilder("Derivation: ")
            .append(govsim.mechanism.RandomStreams.SCHEME)
            .append(".\n\n| stream | draws |\n|---|---|\n");
    govsim.mechanism.RandomStreams.descriptions()
        .forEach(
            (name, draws) ->
                b.append("| `").append(name).append("` | ").append(draws).append(" |\n"));
    return b.toString();
  }
}
