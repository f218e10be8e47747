package govsim.cli;

import govsim.world.EventKind;

/**
 * The generated blocks of docs/ODD.md, each between two HTML comment markers: the parameter
 * tables (§7.2, from the scenario schema) and the event-log vocabulary (§7.3, from
 * {@link EventKind}).
 */
public final class OddDocument {
  public static final String BEGIN = "<!-- BEGIN GENERATED PARAMETERS -->";
  public static final String END = "<!-- END GENERATED PARAMETERS -->";
  public static final String BEGIN_EVENTS = "<!-- BEGIN GENERATED EVENTS -->";
  public static final String END_EVENTS = "<!-- END GENERATED EVENTS -->";

  private OddDocument() {}

  /** The document with the block between the markers replaced by the given tables. */
  public static String withParameters(String doc, String tablesMarkdown) {
    String tables = tablesMarkdown.replaceFirst("^# [^\n]*\n+", "");
    return withBlock(doc, BEGIN, END, tables);
  }

  /** The block currently between the markers. */
  public static String parameters(String doc) {
    return block(doc, BEGIN, END);
  }

  /** The document with its event table replaced by the one generated from {@link EventKind}. */
  public static String withEvents(String doc) {
    return withBlock(doc, BEGIN_EVENTS, END_EVENTS, EventKind.markdownTable());
  }

  /** The event table currently between the event markers. */
  public static String events(String doc) {
    return block(doc, BEGIN_EVENTS, END_EVENTS);
  }

  private static String withBlock(String doc, String begin, String end, String content) {
    int b = doc.indexOf(begin);
    int e = doc.indexOf(end);
    if (b < 0 || e < b) throw new IllegalArgumentException("the markers " + begin + " and " + end + " are missing");
    return doc.substring(0, b + begin.length()) + "\n" + content.strip() + "\n" + doc.substring(e);
  }

  private static String block(String doc, String begin, String end) {
    int b = doc.indexOf(begin);
    int e = doc.indexOf(end);
    if (b < 0 || e < b) throw new IllegalArgumentException("the markers " + begin + " and " + end + " are missing");
    return doc.substring(b + begin.length(), e).strip();
  }
}
