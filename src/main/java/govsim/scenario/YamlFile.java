package govsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML file exactly as the scenario loader reads one, for file kinds that compose their own
 * structure (sweep files): at most {@value SafeYaml#MAX_BYTES} bytes, checked before reading and
 * again while reading (a file that grows meanwhile is refused, not read without end), strict UTF-8,
 * a leading byte-order mark dropped, and the same SnakeYAML limits. Problems are reported in the
 * scenario loader's words and format. The one reader behind both is {@link SafeYaml}.
 */
public final class YamlFile {
  private YamlFile() {}

  /** Largest file accepted, in bytes (1 MiB), for scenarios and sweep files alike. */
  public static final int MAX_BYTES = SafeYaml.MAX_BYTES;

  /**
   * A file's bytes as read (for its checksum) and its text (decoded, byte-order mark dropped). The
   * array is the one read; callers do not change it.
   */
  public record Contents(byte[] bytes, String text) {}

  /**
   * Reads and decodes a file.
   *
   * @throws ScenarioException with one error (no such file, a directory, too large, not UTF-8...)
   */
  public static Contents read(Path file) throws ScenarioException {
    String source = file.toString();
    List<ScenarioError> errors = new ArrayList<>();
    byte[] bytes = SafeYaml.readFile(file, Where.of(source), "", errors);
    String text = bytes == null ? null : SafeYaml.decodeUtf8(bytes, Where.of(source), "", errors);
    if (text == null) {
      throw new ScenarioException(source, errors);
    }
    return new Contents(bytes, text);
  }

  /**
   * SnakeYAML options with the scenario reader's limits on aliases, nesting depth and document
   * length (and no recursive keys), for composing a node tree; never use them to construct objects.
   */
  public static LoaderOptions limits() {
    return SafeYaml.limits();
  }
}
