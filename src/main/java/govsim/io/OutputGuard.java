package govsim.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The {@code --force} rule, in one place: govsim replaces only what govsim wrote.
 *
 * <ul>
 *   <li>An output folder is never the empty path, {@code .}, the file-system root, the home folder,
 *       the working folder or any folder above it, nor an existing plain file (with or without
 *       {@code --force}): {@link #checkTarget}.
 *   <li>An existing non-empty folder is replaced (with {@code --force}) only if govsim wrote it: it
 *       holds a {@code manifest.json} that is a JSON object with a {@code govsim_version} field
 *       (every run, comparison and sweep manifest has one), or a sweep's work area {@code
 *       .sweep/state.json}, or nothing but a {@code .sweep/} work area: {@link #checkReplaceable}.
 * </ul>
 *
 * Everything else is refused with a message that says why and what to do; the CLI exits with 2.
 */
public final class OutputGuard {
  private OutputGuard() {}

  /** The manifest's field that marks a folder as written by govsim. */
  public static final String MARKER = "govsim_version";

  /** A target that govsim will not write or replace; the message says why and what to do. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Refuses output folders that can never be right: the empty path, the root, the home folder, the
   * working folder or any folder that contains it, and an existing file that is not a folder.
   */
  public static void checkTarget(Path target) throws Refused {
    if (target.toString().isBlank()) {
      throw new Refused(
          "the output folder is empty (''); give a folder of its own, e.g. --out results/my-run");
    }
    Path abs = real(target);
    Path cwd = real(Path.of(""));
    Path home = real(Path.of(System.getProperty("user.home", "/")));
    if (abs.getParent() == null) {
      throw new Refused(
          "the output folder "
              + shown(target)
              + " is the root of the file system; give a folder"
              + " of its own, e.g. --out results/my-run");
    }
    if (abs.equals(home)) {
      throw new Refused(
          "the output folder "
              + shown(target)
              + " is your home folder; give a folder of its own,"
              + " e.g. --out results/my-run");
    }
    if (cwd.startsWith(abs)) {
      throw new Refused(
          "the output folder "
              + shown(target)
              + " is "
              + (abs.equals(cwd)
                  ? "the working folder"
                  : "a folder that contains the working folder")
              + " ("
              + cwd
              + "); give a folder of its own, e.g. --out"
              + " results/my-run");
    }
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs)) {
      throw new Refused(
          "the output folder "
              + shown(target)
              + " exists and is a file, not a folder; govsim"
              + " never replaces a file with a folder: give another --out DIR");
    }
    checkParents(target);
  }

  /** Refuses a path whose nearest existing parent is not a folder (it could never be created). */
  public static void checkParents(Path target) throws Refused {
    for (Path p = target.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
      if (!Files.exists(p)) continue;
      if (!Files.isDirectory(p)) {
        throw new Refused(shown(target) + " cannot be created: " + p + " is a file, not a folder");
      }
      return;
    }
  }

  /**
   * Refuses to replace an existing non-empty folder that govsim did not write (see the class
   * comment); also applies {@link #checkTarget}. An absent or empty folder passes.
   */
  public static void checkReplaceable(Path folder) throws Refused {
    checkTarget(folder);
    if (!Files.isDirectory(folder) || isEmptyButWorkArea(folder) || writtenByGovsim(folder)) return;
    throw new Refused(
        "the output folder "
            + shown(folder)
            + " holds files that govsim did not write (it has no"
            + " govsim manifest.json); --force only replaces folders written by govsim. Move its contents away, or"
            + " give another --out DIR");
  }

  /** True if the folder holds a govsim manifest or a sweep's work area state. */
  public static boolean writtenByGovsim(Path folder) {
    if (Files.isRegularFile(folder.resolve(".sweep").resolve("state.json"))) return true;
    return hasMarker(folder.resolve("manifest.json")) || hasMarker(folder.resolve("shard.json"));
  }

  /** True if the file is a JSON object with the {@link #MARKER} field. */
  public static boolean hasMarker(Path json) {
    if (!Files.isRegularFile(json)) return false;
    try {
      if (Files.size(json) > 64L << 20) return false;
      JsonElement e = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8));
      return e.isJsonObject() && ((JsonObject) e).has(MARKER);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** True if the folder is empty or holds only a {@code .sweep/} work area without state. */
  private static boolean isEmptyButWorkArea(Path folder) {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
      for (Path p : s) {
        if (!p.getFileName().toString().equals(".sweep")
            || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Checks that {@code path}, once resolved, lies inside {@code root} (for output paths built from
   * names in scenarios and sweeps).
   */
  public static void checkUnder(Path root, Path path) throws Refused {
    Path r = root.toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    if (!p.startsWith(r) || p.equals(r)) {
      throw new Refused(
          "the output path "
              + path
              + " is not inside the output root "
              + root
              + "; a name may not lead out of it");
    }
  }

  /** The root of default output folders, relative to the working folder. */
  public static final Path RESULTS = Path.of("results");

  /**
   * {@code results/<names...>}, checked to lie inside {@code results/} (names come from scenarios
   * and sweeps; they are validated as safe file names, and this is the last line of defence).
   */
  public static Path defaultFolder(String... names) throws Refused {
    Path p = RESULTS;
    for (String n : names) p = p.resolve(n);
    checkUnder(RESULTS, p);
    if (p.normalize().getNameCount() != names.length + 1) {
      throw new Refused(
          "the output path "
              + p
              + " is not inside the output root "
              + RESULTS
              + "; a name may not lead out of it");
    }
    return p;
  }

  /**
   * The suffix that keeps default folders of differently configured commands apart: empty when
   * nothing is overridden, else {@code -} and the first 8 hex digits of the SHA-256 of the
   * overrides, one per line, in the order given ({@code --set a=1 --set b=2} and {@code --set b=2
   * --set a=1} mean the same only when the keys differ, so the order is kept as typed).
   */
  public static String overridesTag(java.util.List<String> overrides) {
    if (overrides.isEmpty()) return "";
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", overrides).getBytes(StandardCharsets.UTF_8));
      return "-" + java.util.HexFormat.of().formatHex(d, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The real path where it exists (links resolved), else the absolute normalized one. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException | SecurityException e) {
      return abs;
    }
  }

  private static String shown(Path p) {
    String s = p.toString();
    return s.isEmpty() ? "''" : s;
  }
}
