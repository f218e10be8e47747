package govsim.experiment.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that stops two sweeps writing one output folder: an operating-system lock ({@link
 * FileChannel#tryLock}) on {@code .sweep/lock}. The operating system releases it when the process
 * ends, however it ends ({@code kill -9} included), so a crashed sweep never leaves a stale lock to
 * clean up by hand; the lock file itself may stay.
 */
final class SweepLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private SweepLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, or returns null if another process (or another sweep in this JVM) holds it.
   *
   * @throws IOException if the lock file cannot be created
   */
  static SweepLock tryAcquire(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM (another sweep running in-process)
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      return null;
    }
    return new SweepLock(ch, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
