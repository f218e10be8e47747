package govsim.cli;

import govsim.experiment.batch.RunGuard;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads {@code --run-timeout} (90s, 15m, 2h; a bare number is seconds); a bad value is a usage
 * error (exit 2).
 */
final class RunTimeout implements CommandLine.ITypeConverter<Duration> {
  static final String HELP =
      "Stop a run still stepping after this long and record it as failed, e.g. 90s, 15m, 2h"
          + " (default: no limit; checked once per simulated step).";

  @Override
  public Duration convert(String value) {
    try {
      return RunGuard.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
