package govsim.gui;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run folder written by {@code govsim run} (and by compare and sweep, one per run): its {@code
 * scenario.resolved.yaml}, which holds every key of the run's scenario, and the seed that {@code
 * manifest.json} records. The GUI's replay reopens a run from these two, so that the run played in
 * the GUI is the run that wrote the folder.
 *
 * @param dir the run folder
 * @param scenarioFile its {@code scenario.resolved.yaml}
 * @param seed the seed recorded in {@code manifest.json}
 */
public record RunFolder(Path dir, Path scenarioFile, long seed) {
  /** The resolved scenario a run writes. */
  public static final String SCENARIO = "scenario.resolved.yaml";

  /** The run's manifest (seed, resolved scenario, provenance). */
  public static final String MANIFEST = "manifest.json";

  /** The folder is not a readable run folder; the message says why and what to do. */
  public static final class NotARunFolder extends Exception {
    private static final long serialVersionUID = 1L;

    NotARunFolder(String message) {
      super(message);
    }
  }

  /**
   * Reads a run folder.
   *
   * @throws NotARunFolder if the folder is missing, lacks either file, or its manifest has no seed;
   *     when the folder holds run folders below it (a compare or sweep output), the message lists
   *     some of them
   */
  public static RunFolder open(Path dir) throws NotARunFolder {
    if (!Files.isDirectory(dir)) {
      throw new NotARunFolder(
          dir + ": no such folder (give a run folder written by govsim run, compare or sweep)");
    }
    Path scenario = dir.resolve(SCENARIO);
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(scenario) || !Files.isRegularFile(manifest)) {
      List<Path> inside = runFoldersBelow(dir, 8);
      StringBuilder msg =
          new StringBuilder(
              dir + ": not a run folder (it needs " + SCENARIO + " and " + MANIFEST + ")");
      if (!inside.isEmpty()) {
        msg.append("; run folders inside it:");
        for (Path p : inside) msg.append("\n  ").append(p);
      }
      throw new NotARunFolder(msg.toString());
    }
    return new RunFolder(dir, scenario, readSeed(manifest));
  }

  private static long readSeed(Path manifest) throws NotARunFolder {
    try {
      JsonElement root = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8));
      if (!root.isJsonObject()) throw new NotARunFolder(manifest + ": not a JSON object");
      JsonObject o = root.getAsJsonObject();
      if (!o.has("seed")
          || !o.get("seed").isJsonPrimitive()
          || !o.get("seed").getAsJsonPrimitive().isNumber()) {
        throw new NotARunFolder(manifest + ": has no numeric \"seed\"");
      }
      return o.get("seed").getAsJsonPrimitive().getAsBigDecimal().longValueExact();
    } catch (IOException | JsonParseException | ArithmeticException e) {
      throw new NotARunFolder(manifest + ": cannot be read: " + e.getMessage());
    }
  }

  /** Up to {@code limit} run folders below {@code dir} (depth 3), for the error message. */
  private static List<Path> runFoldersBelow(Path dir, int limit) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> s =
        Files.find(
            dir,
            3,
            (p, a) ->
                p.getFileName() != null
                    && p.getFileName().toString().equals(MANIFEST)
                    && Files.isRegularFile(p.resolveSibling(SCENARIO)))) {
      s.limit(limit).forEach(p -> found.add(p.getParent()));
    } catch (IOException | java.io.UncheckedIOException e) {
      // The listing only helps the message; an unreadable subfolder leaves it shorter.
    }
    found.sort(null);
    return found;
  }
}
