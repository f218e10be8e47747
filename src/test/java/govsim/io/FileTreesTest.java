package govsim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one recursive delete: whole trees, contents but kept files, and links never followed. */
class FileTreesTest {
  @TempDir Path tmp;

  @Test
  void deletesATreeButNeverFollowsALinkOutOfIt() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("precious.txt"), "keep me");
    Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
    Files.writeString(tree.resolve("f.csv"), "1");
    Files.createSymbolicLink(tmp.resolve("tree/link"), outside);
    FileTrees.delete(tmp.resolve("tree"));
    assertFalse(Files.exists(tmp.resolve("tree")));
    assertEquals(
        "keep me",
        Files.readString(outside.resolve("precious.txt")),
        "the link was removed, not followed");
    FileTrees.delete(tmp.resolve("tree")); // nothing there: nothing to do
  }

  @Test
  void deleteContentsKeepsTheFolderAndTheKeptFile() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("sweep"));
    Path lock = Files.createDirectories(folder.resolve(".sweep")).resolve("lock");
    Files.writeString(lock, "");
    Files.writeString(folder.resolve(".sweep/journal"), "x");
    Files.createDirectories(folder.resolve("figures"));
    Files.writeString(folder.resolve("figures/a.png"), "x");
    Files.writeString(folder.resolve("runs.csv"), "x");
    FileTrees.deleteContents(folder, Set.of(lock));
    assertTrue(Files.isRegularFile(lock));
    try (var s = Files.list(folder)) {
      assertEquals(1, s.count(), "only .sweep/ is left");
    }
    try (var s = Files.list(folder.resolve(".sweep"))) {
      assertEquals(1, s.count(), "only the lock is left in it");
    }
  }
}
