package govsim.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output folder that appears whole or not at all. Files are written into a hidden staging folder
 * next to the target; {@link #commit} renames it into place. A run that fails leaves no
 * half-written results (the staging folder is deleted). An existing non-empty target is refused
 * unless the caller forces a replacement, and then the old folder is removed only after the new one
 * is complete.
 */
public final class OutputFolder {
  private final Path target;
  private final Path staging;
  private final boolean force;

  private OutputFolder(Path target, Path staging, boolean force) {
    this.target = target;
    this.staging = staging;
    this.force = force;
  }

  /** Thrown when the target exists, is not empty and replacement was not forced. */
  public static final class ExistsException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExistsException(Path target) {
      super(
          "output folder "
              + target
              + " already exists and is not empty; use --force to replace it, or --out DIR");
    }

    /** A target refused by the {@link OutputGuard} rule (the message says why). */
    public ExistsException(OutputGuard.Refused refused) {
      super(refused.getMessage());
    }
  }

  /**
   * Opens an output folder. The target must pass {@link OutputGuard#checkTarget}; an existing
   * non-empty target needs {@code force} and must have been written by govsim ({@link
   * OutputGuard#checkReplaceable}).
   *
   * @throws ExistsException if the target is refused; nothing is written then
   */
  public static OutputFolder open(Path target, boolean force) throws ExistsException {
    Path abs = target.toAbsolutePath().normalize();
    try {
      OutputGuard.checkTarget(target);
      if (isNonEmpty(abs)) {
        if (!force) throw new ExistsException(target);
        OutputGuard.checkReplaceable(abs);
      }
    } catch (OutputGuard.Refused e) {
      throw new ExistsException(e);
    }
    try {
      Path parent = abs.getParent();
      Files.createDirectories(parent);
      Path staging = createUnique(parent, "." + abs.getFileName() + ".partial-", "", true);
      return new OutputFolder(abs, staging, force);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot create output folder " + target, e);
    }
  }

  /** Where files are written until the commit. */
  public Path staging() {
    return staging;
  }

  public Path target() {
    return target;
  }

  public Path file(String name) {
    return staging.resolve(name);
  }

  /** Moves the staged folder into place (replacing the old one only if forced). */
  public void commit() throws ExistsException {
    try {
      Path old = null;
      if (Files.exists(target)) {
        if (!force && isNonEmpty(target)) throw new ExistsException(target);
        try {
          OutputGuard.checkReplaceable(target);
        } catch (OutputGuard.Refused e) {
          throw new ExistsException(e);
        }
        old = createUnique(target.getParent(), "." + target.getFileName() + ".old-", "", true);
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) FileTrees.delete(old);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot move results into " + target, e);
    }
  }

  /** Removes the staging folder (after a failure). */
  public void abandon() {
    try {
      FileTrees.delete(staging);
    } catch (IOException e) {
      // Best effort: a leftover hidden staging folder is harmless and named as such.
    }
  }

  public static boolean isNonEmpty(Path dir) {
    if (!Files.isDirectory(dir)) return Files.exists(dir);
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return s.iterator().hasNext();
    } catch (IOException e) {
      return true;
    }
  }

  /** Writes text to a file atomically: a temporary file in the same folder, then a rename. */
  public static void writeAtomically(Path file, String text) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = createUnique(dir, "." + file.getFileName() + ".", ".tmp", false);
      Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot write " + file, e);
    }
  }

  /**
   * Creates a new, uniquely named folder or file in {@code dir} with the platform's default
   * permissions, which follow the user's umask (as every other output does). {@link
   * Files#createTempDirectory} and {@link Files#createTempFile} would make them readable by the
   * owner only, and a folder renamed into place keeps that, locking colleagues out of results on
   * shared storage. The name is {@code prefix + pid-time + suffix}; a clash is retried.
   */
  public static Path createUnique(Path dir, String prefix, String suffix, boolean directory)
      throws IOException {
    String base =
        prefix + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    for (int i = 0; ; i++) {
      Path p = dir.resolve(base + (i == 0 ? "" : "-" + i) + suffix);
      try {
        return directory ? Files.createDirectory(p) : Files.createFile(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (i >= 1000) throw e;
      }
    }
  }
}
