package govsim.experiment.sweep;

import java.io.IOException;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * What the journal keeps of one finished run: enough to write every output file without running it
 * again. Doubles are kept exactly (their bits), so outputs written from a resumed sweep are
 * byte-identical to those of an uninterrupted one.
 *
 * @param run the run id
 * @param ok false if the run threw
 * @param seed the run's seed
 * @param wallSeconds wall time of the run (kept out of the byte-identical files)
 * @param stepSeconds time spent stepping the model (NaN for a failed run)
 * @param error the error as one line; empty if ok
 * @param summary the summary metrics in {@link govsim.observe.Metrics#RUN_METRICS} order (empty if
 *     failed)
 * @param rows the recorded time-series rows (empty if failed or not kept)
 */
public record RunRecord(
    int run,
    boolean ok,
    long seed,
    double wallSeconds,
    double stepSeconds,
    String error,
    double[] summary,
    List<double[]> rows) {

  public RunRecord {
    error = error == null ? "" : error;
    rows = List.copyOf(rows);
  }

  /**
   * The record as bytes: the journal's payload (deflated, doubles kept bit for bit). Also what a
   * remote worker (a Spark executor) sends back to the driver, so the driver journals exactly what
   * the worker computed.
   *
   * @throws IOException if the record cannot be encoded
   */
  public byte[] encode() throws IOException {
    return RunJournal.encode(this);
  }

  /**
   * A record from {@link #encode}'s bytes.
   *
   * @throws IOException if the bytes are not a whole record
   */
  public static RunRecord decode(byte[] bytes) throws IOException {
    try {
      return RunJournal.decode(bytes);
    } catch (DataFormatException | RuntimeException e) {
      throw new IOException("not a run record: " + e.getMessage(), e);
    }
  }
}
