package govsim.experiment.sweep;

/**
 * One of N disjoint slices of a sweep, for HPC job arrays ({@code govsim sweep --shard i/N}): run
 * {@code r} belongs to shard {@code (r mod N) + 1}. Shards are numbered from 1, like Slurm's {@code
 * --array=1-N}.
 *
 * <p>Why runs are dealt out modulo N rather than cut into N contiguous blocks: run ids go point by
 * point, so a block would hand one shard all the points with, say, the most users (the slowest
 * runs); dealing them out gives every shard a similar mix, and they finish at similar times.
 *
 * @param index this shard, 1 to count
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {

  /** Most shards: far more than any array needs, small enough for every folder name. */
  public static final int MAX_COUNT = 1_000_000;

  /**
   * @throws IllegalArgumentException if count is not in [1, {@link #MAX_COUNT}] or index not in [1,
   *     count]
   */
  public Shard {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException(
          "the number of shards must be in [1, " + MAX_COUNT + "], got " + count);
    }
    if (index < 1 || index > count) {
      throw new IllegalArgumentException(
          "the shard must be in [1, " + count + "] (shards are numbered from 1), got " + index);
    }
  }

  /**
   * Parses {@code i/N}, e.g. {@code 3/8}.
   *
   * @throws IllegalArgumentException with what is expected, if the text is not a valid shard
   */
  public static Shard parse(String text) {
    String t = text == null ? "" : text.strip();
    int slash = t.indexOf('/');
    if (slash < 0
        || !t.substring(0, slash).matches("[0-9]{1,7}")
        || !t.substring(slash + 1).matches("[0-9]{1,7}")) {
      throw new IllegalArgumentException(
          "expected a shard as i/N with 1 <= i <= N (e.g. 3/8), got '" + text + "'");
    }
    return new Shard(
        Integer.parseInt(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
  }

  /** True if run {@code run} belongs to this shard. */
  public boolean contains(int run) {
    return run % count == index - 1;
  }

  /** Runs of this shard in a sweep of {@code runs} runs. */
  public int size(int runs) {
    return runs / count + (runs % count >= index ? 1 : 0);
  }

  /** {@code 3/8}. */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
