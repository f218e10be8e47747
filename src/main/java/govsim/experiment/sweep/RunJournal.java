package govsim.experiment.sweep;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The append-only record of a sweep's finished runs: the crash-safety mechanism of {@code govsim
 * sweep}.
 *
 * <p>A run counts as done exactly when its record is complete in this file: a record is appended in
 * one write and forced to disk ({@link FileChannel#force}) before the next run is recorded. Each
 * record is {@code [magic][length][CRC-32][payload]}, the payload being the run id and its status
 * (for a fast scan) and the deflated record; on opening, records are checked in order and the file
 * is truncated at the first incomplete or corrupt one (what a {@code kill -9} or power cut during a
 * write leaves), so that run is simply missing and is run again on resume. A later record of the
 * same run (a retried failure) supersedes an earlier one.
 *
 * <p>Why one journal rather than a file per run: 100,000 runs stay one file, appends are
 * sequential, and "written" and "recorded as done" are the same atomic event. The index (run →
 * offset of its latest record) is a long per run in memory; payloads are read back one at a time
 * when the outputs are written. Not thread-safe: the sweep's consuming thread owns it.
 */
public final class RunJournal implements Closeable {
  private static final int MAGIC = 0x47535731; // "GSW1"
  private static final int HEADER = 12;

  /** A payload larger than this is treated as corruption (a run's rows are far smaller). */
  private static final int MAX_PAYLOAD = 1 << 30;

  private final FileChannel channel;
  private final boolean readOnly;
  private final long[] offsets;
  private final boolean[] failed;
  private int done;
  private int failures;
  private long truncatedBytes;

  private RunJournal(FileChannel channel, int runs, boolean readOnly) {
    this.channel = channel;
    this.readOnly = readOnly;
    this.offsets = new long[runs];
    this.failed = new boolean[runs];
    Arrays.fill(offsets, -1);
  }

  /**
   * Opens (or creates) a journal for a sweep of {@code runs} runs, dropping an incomplete tail.
   *
   * @throws IOException if the file cannot be read or written, or holds a run id outside the sweep
   *     (a journal of another sweep)
   */
  public static RunJournal open(Path file, int runs) throws IOException {
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    RunJournal j = new RunJournal(ch, runs, false);
    try {
      j.scan();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return j;
  }

  /**
   * Opens another folder's journal to read it (a shard's, for {@code govsim merge}), changing
   * nothing: an incomplete tail is left in place and only counted ({@link #truncatedBytes}).
   *
   * @throws IOException if the file cannot be read, or holds a run id outside the sweep
   */
  public static RunJournal openReadOnly(Path file, int runs) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    RunJournal j = new RunJournal(ch, runs, true);
    try {
      j.scan();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return j;
  }

  private void scan() throws IOException {
    long size = channel.size();
    long pos = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    while (pos < size) {
      header.clear();
      if (size - pos < HEADER || readFully(header, pos) < HEADER) break;
      header.flip();
      int magic = header.getInt();
      int length = header.getInt();
      int crc = header.getInt();
      if (magic != MAGIC || length < 0 || length > MAX_PAYLOAD || size - pos - HEADER < length)
        break;
      ByteBuffer payload = ByteBuffer.allocate(length);
      if (readFully(payload, pos + HEADER) < length) break;
      CRC32 c = new CRC32();
      c.update(payload.array(), 0, length);
      if ((int) c.getValue() != crc) break;
      // The payload starts with the run id and its status, uncompressed: no need to inflate here.
      if (length < 5) break;
      int run = payload.getInt(0);
      boolean ok = payload.get(4) != 0;
      if (run < 0 || run >= offsets.length) {
        throw new IOException(
            "the journal holds run "
                + run
                + ", but this sweep has "
                + offsets.length
                + " runs: it belongs to another sweep");
      }
      mark(run, pos, ok);
      pos += HEADER + length;
    }
    if (pos < size) {
      truncatedBytes = size - pos;
      if (readOnly) return;
      channel.truncate(pos);
      channel.force(true);
    }
    channel.position(pos);
  }

  private int readFully(ByteBuffer buf, long at) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, at + total);
      if (n < 0) break;
      total += n;
    }
    return total;
  }

  private void mark(int run, long offset, boolean ok) {
    if (offsets[run] < 0) done++;
    else if (failed[run]) failures--;
    offsets[run] = offset;
    failed[run] = !ok;
    if (!ok) failures++;
  }

  /**
   * Bytes of an incomplete record dropped when the journal was opened (0 after a clean stop); for a
   * read-only journal, the bytes that would have been dropped.
   */
  public long truncatedBytes() {
    return truncatedBytes;
  }

  /** Runs with a record (succeeded or failed). */
  public int done() {
    return done;
  }

  /** Runs whose latest record is a failure. */
  public int failures() {
    return failures;
  }

  /** True if the run has a record. */
  public boolean isDone(int run) {
    return offsets[run] >= 0;
  }

  /** True if the run's latest record is a failure. */
  public boolean isFailed(int run) {
    return offsets[run] >= 0 && failed[run];
  }

  /**
   * Appends a run's record and forces it to disk; only then is the run done.
   *
   * @throws IOException if the write fails (the sweep stops; the partial record is dropped on the
   *     next open)
   */
  public void append(RunRecord r) throws IOException {
    if (readOnly) throw new IllegalStateException("this journal was opened read-only");
    byte[] payload = encode(r);
    CRC32 c = new CRC32();
    c.update(payload);
    ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length);
    buf.putInt(MAGIC).putInt(payload.length).putInt((int) c.getValue()).put(payload).flip();
    long at = channel.size();
    while (buf.hasRemaining()) channel.write(buf, at + buf.position());
    channel.force(false);
    mark(r.run(), at, r.ok());
  }

  /**
   * Reads the latest record of a run.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if the run has no record
   */
  public RunRecord read(int run) throws IOException {
    long at = offsets[run];
    if (at < 0) throw new IllegalArgumentException("run " + run + " has no record");
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    readFully(header, at);
    header.flip();
    header.getInt();
    int length = header.getInt();
    ByteBuffer payload = ByteBuffer.allocate(length);
    if (readFully(payload, at + HEADER) < length)
      throw new IOException("journal record of run " + run + " is cut short");
    try {
      return decode(payload.array());
    } catch (DataFormatException e) {
      throw new IOException("journal record of run " + run + " is corrupt", e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  // ------------------------------------------------------------------ encoding

  static byte[] encode(RunRecord r) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(raw)) {
      out.writeInt(r.run());
      out.writeBoolean(r.ok());
      out.writeLong(r.seed());
      out.writeDouble(r.wallSeconds());
      out.writeDouble(r.stepSeconds());
      out.writeUTF(r.error().length() > 10_000 ? r.error().substring(0, 10_000) : r.error());
      out.writeInt(r.summary().length);
      for (double v : r.summary()) out.writeDouble(v);
      out.writeInt(r.rows().size());
      int width = r.rows().isEmpty() ? 0 : r.rows().get(0).length;
      out.writeInt(width);
      for (double[] row : r.rows()) {
        if (row.length != width)
          throw new IllegalArgumentException("time-series rows differ in width");
        for (double v : row) out.writeDouble(v);
      }
    }
    byte[] bytes = raw.toByteArray();
    Deflater d = new Deflater(Deflater.BEST_SPEED);
    try {
      d.setInput(bytes);
      d.finish();
      ByteArrayOutputStream z = new ByteArrayOutputStream(bytes.length / 2 + 64);
      DataOutputStream prefix = new DataOutputStream(z);
      prefix.writeInt(r.run());
      prefix.writeBoolean(r.ok());
      prefix.writeInt(bytes.length);
      prefix.flush();
      byte[] chunk = new byte[64 * 1024];
      while (!d.finished()) {
        int n = d.deflate(chunk);
        z.write(chunk, 0, n);
      }
      return z.toByteArray();
    } finally {
      d.end();
    }
  }

  static RunRecord decode(byte[] payload) throws IOException, DataFormatException {
    int rawLength = ByteBuffer.wrap(payload, 5, 4).getInt();
    if (rawLength < 0 || rawLength > MAX_PAYLOAD) throw new DataFormatException("bad length");
    byte[] raw = new byte[rawLength];
    Inflater inf = new Inflater();
    try {
      inf.setInput(payload, 9, payload.length - 9);
      int n = 0;
      while (n < rawLength) {
        int got = inf.inflate(raw, n, rawLength - n);
        if (got == 0 && (inf.finished() || inf.needsInput())) break;
        n += got;
      }
      if (n != rawLength) throw new DataFormatException("short payload");
    } finally {
      inf.end();
    }
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(raw))) {
      int run = in.readInt();
      boolean ok = in.readBoolean();
      long seed = in.readLong();
      double wall = in.readDouble();
      double step = in.readDouble();
      String error = in.readUTF();
      double[] summary = new double[in.readInt()];
      for (int i = 0; i < summary.length; i++) summary[i] = in.readDouble();
      int rowCount = in.readInt();
      int width = in.readInt();
      List<double[]> rows = new ArrayList<>(rowCount);
      for (int i = 0; i < rowCount; i++) {
        double[] row = new double[width];
        for (int c = 0; c < width; c++) row[c] = in.readDouble();
        rows.add(row);
      }
      return new RunRecord(run, ok, seed, wall, step, error, summary, rows);
    }
  }
}
