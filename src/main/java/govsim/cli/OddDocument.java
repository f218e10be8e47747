package govsim.cli;

/** The generated parameter block of docs/ODD.md, between two HTML comment markers. */
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
    if (b < 0 || e < b) throw new IllegalArgumentException("the markers " + begin + " and " + end + " are missing");
    String tables = markdown.replaceFirst("^# [^\n]*\n+", "");
    return doc.substring(0, b + begin.length()) + "\n" + tables.strip() + "\n" + doc.substring(e);
  }

  private static String block(String doc, String begin, String end) {
    int b = doc.indexOf(begin);
    int e = doc.indexOf(end);
    if (b < 0 || e < b) throw new IllegalArgumentException("the markers " + begin + " and " + end + " are missing");
    return doc.substring(b + begin.length(), e).strip();
  }

  /** The markers of the event-log vocabulary (docs/ODD.md section 7.3, from {@link govsim.world.EventKind}). */
  public static final String BEGIN_EVENTS = "<!-- BEGIN GENERATED EVENTS -->";
  public static final String END_EVENTS = "<!-- END GENERATED EVENTS -->";

  /** The document with its event table replaced by the one generated from {@link govsim.world.EventKind}. */
  public static String withEvents(String doc) {
    return withBlock(doc, BEGIN_EVENTS, END_EVENTS, govsim.world.EventKind.markdownTable());
  }

  /** The event table currently between the event markers. */
  public static String events(String doc) {
    return block(doc, BEGIN_EVENTS, END_EVENTS);
  }
}
