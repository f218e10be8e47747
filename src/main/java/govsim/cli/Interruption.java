package govsim.cli;

import govsim.io.OutputFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a command does when Ctrl-C (SIGINT) or SIGTERM stops it: one line saying what was kept and
 * how to continue, its temporary output folders removed, exit 130 or 143 (the JVM's own codes for
 * those signals, 128 + the signal's number).
 *
 * <p>The route is a JVM shutdown hook, installed by {@link Main#main} only (tests that call {@link
 * Main#execute} in-process install none). The hook and the command share one lock: a command
 * {@linkplain #commit commits} its output folder under the lock, so a signal either finds the
 * folder staged (and removes it) or committed (and says the results are complete), never half
 * moved; and a command that returned normally marks the process {@linkplain #finished finished}
 * first, so the hook of a normal {@code System.exit} does nothing (nor does that of an exit that no
 * signal caused, such as the GUI's Quit: see {@link #signal}). A sweep registers no folder: its
 * journal is the kept state and the next session removes its temporary files, so a stopped sweep
 * resumes to the same bytes as before.
 *
 * <p>A staged folder is held with a lock file next to it ({@code .NAME.partial-XXXX.lock}), which
 * the operating system releases when the process ends however it ends. A later command writing to
 * the same place removes staged folders whose lock is free ({@link #removeLeftovers}): what a
 * {@code kill -9} or a power cut left behind. Another process's live staging keeps its lock and is
 * left alone.
 *
 * <p>One per process ({@link #process}): signals are a process-wide thing.
 */
final class Interruption {
  private static final Interruption PROCESS = new Interruption();

  /**
   * A staged folder without a lock file (written by an older govsim) counts as left over after this
   * long.
   */
  static final Duration UNLOCKED_AGE = Duration.ofMinutes(10);

  static final String LOCK_SUFFIX = ".lock";

  private final Object lock = new Object();
  private final Map<Path, FileChannel> staged = new LinkedHashMap<>();

  /**
   * Folders whose hidden {@code .report.partial-*} staging folders a signal removes (a report being
   * written).
   */
  private final java.util.Set<Path> reportFolders = new java.util.LinkedHashSet<>();

  private boolean installed;
  private boolean finished;
  private boolean stopping;
  private String note = "nothing was written; run the command again";

  private Interruption() {}

  /** The process's instance. */
  static Interruption process() {
    return PROCESS;
  }

  /** Installs the shutdown hook (once). */
  void install() {
    synchronized (lock) {
      if (installed) return;
      installed = true;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(System.err), "govsim-stop"));
  }

  /** What to print if a signal stops the command now: what is kept and how to continue. */
  void note(String line) {
    synchronized (lock) {
      note = line;
    }
  }

  /** The command returned normally: the shutdown hook of the coming exit does nothing. */
  void finished() {
    synchronized (lock) {
      finished = true;
    }
  }

  /** True once a signal is being handled (the command's own error messages are then noise). */
  boolean stopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  /**
   * Registers a staged output folder: a signal removes it. Takes its lock file, which tells later
   * commands that the folder is in use.
   */
  void stage(OutputFolder folder) {
    Path dir = folder.staging();
    FileChannel ch = null;
    try {
      ch = FileChannel.open(lockFile(dir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (ch.tryLock() == null) {
        ch.close();
        ch = null;
      }
    } catch (IOException | OverlappingFileLockException e) {
      // Without a lock the folder is still removed by a signal; a later command treats it by age.
      ch = closeQuietly(ch);
    }
    synchronized (lock) {
      staged.put(dir, ch);
    }
  }

  /**
   * Runs a command's commit under the lock, then says {@code noteAfter} if a signal comes, and
   * forgets the staged folder: a signal arriving meanwhile waits for it, so its line matches what
   * is on disk. Nothing runs once a signal is being handled (the staged folder is then being
   * removed).
   */
  <T> T commit(OutputFolder folder, IoAction<T> action, String noteAfter) throws Exception {
    synchronized (lock) {
      if (stopping) throw new IllegalStateException("stopping");
      try {
        T result = action.run();
        note = noteAfter;
        return result;
      } finally {
        release(folder.staging());
      }
    }
  }

  /**
   * A report is about to be written into {@code folder}: removes staging folders that killed
   * reports left there, and has a signal remove this one's ({@code .report.partial-*}).
   */
  void writingReport(Path folder) {
    removeLeftovers(folder.resolve("report"));
    synchronized (lock) {
      reportFolders.add(folder);
    }
  }

  /** Forgets a staged folder that the command removed itself. */
  void unstage(OutputFolder folder) {
    synchronized (lock) {
      release(folder.staging());
    }
  }

  /** A commit, an abandon: something done under the lock. */
  @FunctionalInterface
  interface IoAction<T> {
    T run() throws Exception;
  }

  private void release(Path dir) {
    FileChannel ch = staged.remove(dir);
    closeQuietly(ch);
    try {
      Files.deleteIfExists(lockFile(dir));
    } catch (IOException e) {
      // A free lock file is a leftover that the next command removes.
    }
  }

  /**
   * The signal that is stopping the JVM, as the message names it, or null when the shutdown is not
   * a signal's (a {@code System.exit}, e.g. the GUI's Quit). The JVM handles a signal on a thread
   * of its own named after it ("SIGTERM handler"), alive while the shutdown hooks run.
   */
  static String signal() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      switch (t.getName()) {
        case "SIGINT handler":
          return "Ctrl-C (SIGINT)";
        case "SIGTERM handler":
          return "SIGTERM";
        case "SIGHUP handler":
          return "SIGHUP";
        default:
          break;
      }
    }
    return null;
  }

  /**
   * The shutdown hook: after a normal return or exit nothing; after a signal, clean up and say so.
   */
  void stop(PrintStream err) {
    String signal = signal();
    synchronized (lock) {
      if (finished || stopping || signal == null) return;
      stopping = true;
      for (Path dir : staged.keySet().toArray(Path[]::new)) {
        deleteWithRetries(dir);
        release(dir);
      }
      for (Path folder : reportFolders) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, ".report.partial-*")) {
          for (Path dir : s) deleteWithRetries(dir);
        } catch (IOException e) {
          // Left for the next report into this folder.
        }
      }
      err.println("govsim: stopped by " + signal + "; " + note);
      err.flush();
    }
  }

  /** Workers may still be writing into the folder: try a few times. */
  private static void deleteWithRetries(Path dir) {
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        govsim.io.FileTrees.delete(dir);
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  static Path lockFile(Path stagingDir) {
    return stagingDir.resolveSibling(stagingDir.getFileName() + LOCK_SUFFIX);
  }

  /**
   * Removes the staged folders that earlier commands writing {@code target} left behind (killed
   * before they could clean up): those whose lock file is free, and those without a lock file older
   * than {@link #UNLOCKED_AGE}. Returns how many were removed. Never throws: a leftover that cannot
   * be removed stays, harmless and hidden.
   */
  static int removeLeftovers(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || abs.getFileName() == null || !Files.isDirectory(parent)) return 0;
    String prefix = "." + abs.getFileName() + ".partial-";
    int removed = 0;
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(
            parent,
            p -> {
              String n = p.getFileName().toString();
              return n.startsWith(prefix) && !n.endsWith(LOCK_SUFFIX);
            })) {
      for (Path dir : s) {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
        if (isLeftOver(dir)) {
          try {
            govsim.io.FileTrees.delete(dir);
            Files.deleteIfExists(lockFile(dir));
            removed++;
          } catch (IOException e) {
            // Leave it.
          }
        }
      }
    } catch (IOException e) {
      return removed;
    }
    return removed;
  }

  private static boolean isLeftOver(Path dir) {
    Path lf = lockFile(dir);
    if (!Files.exists(lf)) {
      try {
        return Files.getLastModifiedTime(dir)
            .toInstant()
            .isBefore(Instant.now().minus(UNLOCKED_AGE));
      } catch (IOException e) {
        return false;
      }
    }
    try (FileChannel ch = FileChannel.open(lf, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) return false;
      l.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // held by this very process
    } catch (IOException e) {
      return false;
    }
  }

  private static FileChannel closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
    return null;
  }
}
