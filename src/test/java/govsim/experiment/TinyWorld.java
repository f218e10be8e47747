package govsim.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Small scenarios and folder comparisons for the experiment tests: a world of a few thousand users
 * over a few months (defaults otherwise), so that a run takes tens of milliseconds.
 */
public final class TinyWorld {
  private TinyWorld() {}

  /** Writes tiny.yaml into dir: 2,000 users, 120 days, default mechanisms. */
  public static Path scenario(Path dir) throws IOException {
    return scenario(dir, "tiny.yaml", 2000, 120);
  }

  /** Writes a small standalone scenario file (schema defaults but users and horizon). */
  public static Path scenario(Path dir, String fileName, int users, int days) throws IOException {
    Path f = dir.resolve(fileName);
    Files.writeString(
        f, "name: tiny\nusers:\n  count: " + users + "\ntime:\n  horizon_days: " + days + "\n");
    return f;
  }

  /** Relative paths of every regular file under dir (sorted), hidden work areas excluded. */
  public static List<String> files(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (!Files.isRegularFile(p)) continue;
        String rel = dir.relativize(p).toString();
        if (rel.startsWith(".")) continue;
        out.add(rel);
      }
    }
    out.sort(null);
    return out;
  }

  /** The manifest without the named top-level fields (timings, threads, command). */
  public static String manifestWithout(Path manifest, List<String> fields) throws IOException {
    com.google.gson.JsonObject o =
        com.google.gson.JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
    for (String f : fields) o.remove(f);
    return o.toString();
  }
}
