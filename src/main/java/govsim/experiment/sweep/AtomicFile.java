package govsim.experiment.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file that appears whole or not at all: written to a hidden temporary file in the same folder,
 * forced to disk, then renamed over the target. Used for every sweep output, so a crash while
 * writing outputs leaves the previous version (or nothing) and a partial temporary file, which the
 * next session deletes ({@link #deleteLeftovers}).
 */
final class AtomicFile {
  /** Suffix of temporary files; {@link #deleteLeftovers} removes files ending with it. */
  static final String TMP_SUFFIX = ".partial";

  private final Path target;
  private final Path tmp;

  AtomicFile(Path target) {
    this.target = target;
    this.tmp = target.resolveSibling("." + target.getFileName() + TMP_SUFFIX);
  }

  /** Where to write (then call {@link #commit}). */
  Path tmp() {
    return tmp;
  }

  /** A fresh stream to the temporary file. */
  OutputStream open() throws IOException {
    return Files.newOutputStream(
        tmp,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }

  /** Forces the written temporary file to disk and renames it over the target. */
  void commit() throws IOException {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes a whole text file atomically. */
  static void write(Path target, String text) throws IOException {
    AtomicFile f = new AtomicFile(target);
    Files.writeString(f.tmp(), text, java.nio.charset.StandardCharsets.UTF_8);
    f.commit();
  }

  /** Deletes temporary files left in {@code dir} by a crash. */
  static void deleteLeftovers(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (var s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String n = p.getFileName().toString();
        if (n.startsWith(".") && n.endsWith(TMP_SUFFIX) && Files.isRegularFile(p)) Files.delete(p);
      }
    }
  }
}
