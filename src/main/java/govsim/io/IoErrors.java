package govsim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Plain words for file-system errors. Java's own messages are often just a path ({@code
 * FileAlreadyExistsException: /x/y}) and its class names mean nothing to a user; this says what
 * happened to which file, without class names.
 */
public final class IoErrors {
  private IoErrors() {}

  /** What went wrong, e.g. "/x/y: permission denied", "/x: exists and is not a folder". */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String file = f.getFile();
      String why;
      if (e instanceof NoSuchFileException) why = "no such file or folder";
      else if (e instanceof AccessDeniedException) why = "permission denied";
      else if (e instanceof FileAlreadyExistsException) why = "exists and is not a folder";
      else if (e instanceof NotDirectoryException) why = "not a folder";
      else if (e instanceof DirectoryNotEmptyException) why = "folder not empty";
      else why = f.getReason() != null ? f.getReason() : "cannot be written";
      String other = f.getOtherFile() == null ? "" : " (moving to " + f.getOtherFile() + ")";
      return file + ": " + why + other;
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "input/output error" : m;
  }

  /** An unchecked wrapper whose message is {@code what + ": " + describe(e)}. */
  public static UncheckedIOException unchecked(String what, IOException e) {
    return new UncheckedIOException(what + ": " + describe(e), e);
  }
}
