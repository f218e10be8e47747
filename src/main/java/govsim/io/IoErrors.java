package govsim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What an input/output error means for the user: a one-line message without Java class names, and
 * whether trying again in the same place can help. A full disk can be freed (then continuing
 * works); a read-only or foreign folder stays so (resuming there fails the same way, so the advice
 * is another folder). {@link #describe(IOException)} puts Java's terse messages (often just a path)
 * into plain words.
 */
public final class IoErrors {
  private IoErrors() {}

  /** What kind of trouble an I/O error is. */
  public enum Kind {
    /** No space left on the device, or the disk quota is used up. */
    DISK_FULL,
    /** The file system is read-only, or the folder or file may not be written by this user. */
    NOT_WRITABLE,
    /** Anything else (a missing file, a device error). */
    OTHER
  }

  /**
   * The first {@link IOException} in the causes of {@code t} (the throwable itself included), or
   * null.
   */
  public static IOException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IOException io) return io;
      if (c.getCause() == c) break;
    }
    return null;
  }

  /** The kind of an error (looking through its causes). */
  public static Kind kind(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("no space left")
          || m.contains("disk quota exceeded")
          || m.contains("not enough space")) {
        return Kind.DISK_FULL;
      }
      if (c instanceof AccessDeniedException
          || m.contains("read-only file system")
          || m.contains("permission denied")
          || m.contains("access is denied")) {
        return Kind.NOT_WRITABLE;
      }
      if (c.getCause() == c) break;
    }
    return Kind.OTHER;
  }

  /**
   * The error as one sentence: what could not be done with which file, and why, without class names
   * (an {@link UncheckedIOException}'s own message is used when it has one).
   */
  public static String describe(Throwable t) {
    String msg =
        t instanceof UncheckedIOException u && u.getMessage() != null ? u.getMessage() : null;
    IOException io = find(t);
    if (msg == null && io != null) msg = describe(io);
    if (msg == null) msg = String.valueOf(t.getMessage());
    return msg.replace('\n', ' ').strip();
  }

  /**
   * What to do about an error while writing {@code where}.
   *
   * @param again how to continue in the same place once the cause is fixed (e.g. "continue with
   *     --resume"), or null when there is nothing to continue (run the command again)
   */
  public static String advice(Throwable t, String where, String again) {
    return switch (kind(t)) {
      case DISK_FULL ->
          "the disk holding "
              + where
              + " is full: free some space, then "
              + (again == null ? "run the command again" : again);
      case NOT_WRITABLE ->
          where
              + " cannot be written here (read-only or not yours): choose a writable folder with"
              + " --out DIR"
              + (again == null ? "" : " (resuming in this folder would fail the same way)");
      case OTHER -> again == null ? "fix the cause and run the command again" : again;
    };
  }

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
