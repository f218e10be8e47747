package govsim.scenario;

/**
 * Where a value came from: its source, 1-based line and column (0 when unknown) and, for values
 * given with {@code --set}, the override text so that error messages can name it.
 */
record Where(String source, int line, int column, String override) {

  /** A position-less location in {@code source} (a whole file, or a value built in code). */
  static Where of(String source) {
    return new Where(source, 0, 0, null);
  }

  /** True when the value was given on the command line with {@code --set}. */
  boolean fromOverride() {
    return override != null;
  }

  /** An error at this location; for an override, the message names the override text. */
  ScenarioError error(String keyPath, String message) {
    String m = override == null ? message : message + " (in --set " + Text.shorten(override) + ")";
    return new ScenarioError(source, line, column, keyPath, m);
  }
}
