package govsim.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one recursive delete of the code base. Symbolic links are removed, never followed, so a link
 * inside a folder cannot take the delete outside it. Callers decide what may be deleted ({@link
 * OutputGuard}); this class only deletes.
 */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes a file or a folder and everything in it; nothing if it does not exist. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
    walk(root, true, Set.of());
  }

  /**
   * Deletes everything inside {@code folder} except the paths in {@code keep} (and the folders on
   * the way to them); the folder itself stays.
   */
  public static void deleteContents(Path folder, Set<Path> keep) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return;
    walk(folder, false, keep);
  }

  private static void walk(Path root, boolean withRoot, Set<Path> keep) throws IOException {
    List<IOException> errors = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!keep.contains(file)) Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) errors.add(exc);
            if (dir.equals(root) ? withRoot : !holdsKept(dir)) Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }

          private boolean holdsKept(Path dir) {
            for (Path k : keep) if (k.startsWith(dir)) return true;
            return false;
          }
        });
    if (!errors.isEmpty()) throw errors.get(0);
  }
}
