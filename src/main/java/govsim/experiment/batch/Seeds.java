package govsim.experiment.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Per-run seeds as a pure function of a master seed and the run's identity.
 *
 * <p>{@code seed = splitmix64(splitmix64(master) XOR hash64(identity)) >>> 11}, where {@code
 * hash64} is the first 8 bytes of the SHA-256 of the identity's UTF-8 text (stable across JVMs and
 * platforms) and {@code splitmix64} is the SplitMix64 finalizer (Steele, Lea and Flood 2014), a
 * bijective 64-bit mixer with good avalanche. So a run's seed does not depend on which other runs
 * exist or in what order they run: adding replications or design points leaves the seeds of
 * existing runs unchanged. The result keeps 53 bits so that it is a valid scenario {@code seed} (at
 * most 2^53 - 1, exactly representable in YAML and JSON numbers) and can be rerun with {@code
 * govsim run --seed}.
 *
 * <p>With 53-bit seeds two runs of a batch of n collide with probability about n^2 / 2^54 (5e-7 for
 * 100,000 runs); {@link #requireDistinct} checks and fails loudly rather than silently running one
 * stream twice.
 */
public final class Seeds {
  private Seeds() {}

  /** Largest seed returned: 2^53 - 1, the largest scenario seed. */
  public static final long MAX_SEED = (1L << 53) - 1;

  /**
   * The seed of the run named {@code identity} under {@code masterSeed}.
   *
   * @param masterSeed the batch's master seed (any long)
   * @param identity a stable text naming the run, e.g. {@code replication=3}; must not depend on
   *     the run's position or on other runs
   * @return a seed in [0, 2^53 - 1]
   */
  public static long derive(long masterSeed, String identity) {
    return splitmix64(splitmix64(masterSeed) ^ hash64(identity)) >>> 11;
  }

  /** The SplitMix64 finalizer: a bijection of 64-bit values with strong avalanche. */
  public static long splitmix64(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** First 8 bytes (big-endian) of the SHA-256 of the text's UTF-8 bytes. */
  public static long hash64(String text) {
    byte[] d;
    try {
      d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    long h = 0;
    for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xFF);
    return h;
  }

  /**
   * Fails if two runs got the same seed.
   *
   * @param seeds one seed per run (not modified)
   * @param describe names run i in the error message
   * @throws IllegalStateException naming both runs when two seeds are equal
   */
  public static void requireDistinct(long[] seeds, IntFunction<String> describe) {
    long[] sorted = seeds.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        long dup = sorted[i];
        int first = -1;
        int second = -1;
        for (int j = 0; j < seeds.length; j++) {
          if (seeds[j] != dup) continue;
          if (first < 0) first = j;
          else {
            second = j;
            break;
          }
        }
        throw new IllegalStateException(
            "seed collision: runs "
                + describe.apply(first)
                + " and "
                + describe.apply(second)
                + " both derived seed "
                + dup
                + "; change the master seed (this happens about once in 10^16 pairs)");
      }
    }
  }
}
