package govsim.cli;

/** The generated parameter block of docs/ODD.md, between two HTML comment markers. */
public final class OddDocument {
  public static final String BEGIN = "<!-- BEGIN GENERATED PARAMETERS -->";
  public static final String END = "<!-- END GENERATED PARAMETERS -->";

  private OddDocument() {}

  /** The document with the block between the markers replaced by the given tables. */
  public static String withParameters(String doc, String tablesMarkdown) {
    int b = doc.indexOf(BEGIN);
    int e = doc.indexOf(END);
    if (b < 0 || e < b) throw new IllegalArgumentException("the markers " + BEGIN + " and " + END + " are missing");
    String tables = tablesMarkdown.replaceFirst("^# [^\n]*\n+", "");
    return doc.substring(0, b + BEGIN.length()) + "\n" + tables.strip() + "\n" + doc.substring(e);
  }

  /** The block currently between the markers. */
  public static String parameters(String doc) {
    int b = doc.indexOf(BEGIN);
    int e = doc.indexOf(END);
    if (b < 0 || e < b) throw new IllegalArgumentException("the markers are missing");
    return doc.substring(b + BEGIN.length(), e).strip();
  }
}
