package govsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario could not be loaded; carries every error found, sorted by source, line and column.
 *
 * <p>Checked, because a bad scenario file is an expected user mistake that the caller (the CLI, a
 * sweep runner) must turn into a readable report, never a stack trace. {@link #format()} is that
 * report; {@link #getMessage()} returns the same text.
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String topSource;
  private final List<ScenarioError> errors;

  /**
   * @param topSource the file (or source name) the user asked to load; named in the summary line
   * @param errors at least one error; sorted here
   */
  public ScenarioException(String topSource, List<ScenarioError> errors) {
    super(null, null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one error");
    }
    List<ScenarioError> sorted = new ArrayList<>(errors);
    sorted.sort(ScenarioError.ORDER);
    this.topSource = topSource;
    this.errors = List.copyOf(sorted);
  }

  /** The errors, sorted by source, line, column. */
  public List<ScenarioError> errors() {
    return errors;
  }

  /** The file or source name the user asked to load. */
  public String topSource() {
    return topSource;
  }

  /**
   * One line per error ({@code file:line:col: key.path: message}), at most {@link #MAX_SHOWN} of
   * them (then one line counting the rest), and a final line {@code N error(s) in <file>}.
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(errors.size(), MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      sb.append(errors.get(i).format()).append('\n');
    }
    if (errors.size() > shown) {
      sb.append("... and ")
          .append(Text.count(errors.size() - shown, "more error"))
          .append(" (only the first ")
          .append(MAX_SHOWN)
          .append(" are shown)\n");
    }
    sb.append(Text.count(errors.size(), "error")).append(" in ").append(topSource);
    return sb.toString();
  }

  /** The most errors {@link #format} prints; the rest are counted on one line. */
  public static final int MAX_SHOWN = 50;

  @Override
  public String getMessage() {
    return format();
  }
}
