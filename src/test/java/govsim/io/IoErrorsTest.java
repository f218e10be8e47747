package govsim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** File-system errors in words: the file and what happened, never a Java class name. */
class IoErrorsTest {
  @Test
  void eachKindOfFailureIsNamedInWords() {
    assertEquals("/r/x: permission denied", IoErrors.describe(new AccessDeniedException("/r/x")));
    assertEquals(
        "/r/x: no such file or folder", IoErrors.describe(new NoSuchFileException("/r/x")));
    assertEquals(
        "/r/x: exists and is not a folder",
        IoErrors.describe(new FileAlreadyExistsException("/r/x")));
    assertEquals(
        "/r/x: No space left on device",
        IoErrors.describe(new FileSystemException("/r/x", null, "No space left on device")));
    assertEquals("disk on fire", IoErrors.describe(new IOException("disk on fire")));
    assertEquals(
        "cannot write /r/x: /r/x: permission denied",
        IoErrors.unchecked("cannot write /r/x", new AccessDeniedException("/r/x")).getMessage());
  }
}
