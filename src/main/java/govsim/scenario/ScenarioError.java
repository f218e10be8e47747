package govsim.scenario;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a scenario: where it is, which key, and what was expected versus found.
 *
 * <p>Errors are values (not exceptions) so that the loader can collect every problem in a file and
 * report them all at once, sorted by position, instead of making the user fix them one run at a
 * time.
 *
 * <p>Positions: {@code line} and {@code column} are 1-based. For a problem that has no position (a
 * missing file, a file that is too large) both are 0. For a {@code --set} override the source is
 * {@code --set}, {@code line} is the override's 1-based position among the {@code --set} options
 * and {@code column} the 1-based column in the override text; the message names the override.
 *
 * @param source file path as given, {@code --set}, or {@code preset:<name>}
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param keyPath dotted key path ({@code users.switching_cost_mean}, {@code events[2].at_day});
 *     empty for the whole document
 * @param message what was expected and what was found
 */
public record ScenarioError(String source, int line, int column, String keyPath, String message) {

  /** Order in which errors are reported: by source, then line, then column. */
  public static final Comparator<ScenarioError> ORDER =
      Comparator.comparing(ScenarioError::source)
          .thenComparingInt(ScenarioError::line)
          .thenComparingInt(ScenarioError::column);

  public ScenarioError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    keyPath = keyPath == null ? "" : keyPath;
  }

  /** {@code file:line:col: key.path: message} (position and key omitted when unknown/empty). */
  public String format() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (!keyPath.isEmpty()) {
      sb.append(keyPath).append(": ");
    }
    return sb.append(message).toString();
  }
}
