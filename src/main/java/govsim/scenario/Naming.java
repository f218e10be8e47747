package govsim.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Key spelling rules shared by the schema, the loader and the error messages.
 *
 * <p>Kept in one place so that the YAML spelling of a record component or an enum constant is
 * decided once: the describe tables, the validator and the dumper must never disagree on it.
 */
public final class Naming {
  private Naming() {}

  /**
   * camelCase → snake_case: {@code switchingCostMean} → {@code switching_cost_mean}, {@code
   * maxGDPShare} → {@code max_gdp_share}, {@code p2pRate} → {@code p2p_rate}.
   */
  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        char prev = i > 0 ? camel.charAt(i - 1) : 0;
        boolean afterWord = i > 0 && (Character.isLowerCase(prev) || Character.isDigit(prev));
        boolean acronymEnd =
            i > 0
                && Character.isUpperCase(prev)
                && i + 1 < camel.length()
                && Character.isLowerCase(camel.charAt(i + 1));
        if (afterWord || acronymEnd) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * YAML spelling of an enum constant: its name in lower case ({@code LAISSEZ_FAIRE} → {@code
   * laissez_faire}).
   */
  static String enumSpelling(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The candidate nearest to {@code typed} by edit distance (adjacent transpositions count as one
   * edit), if it is close enough to be a plausible typo.
   */
  public static Optional<String> nearest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = editDistance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int tolerance = Math.max(2, Math.min(typed.length(), best.length()) / 4);
    return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
  }

  /** Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions. */
  static int editDistance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }

  /** Joins a parent key path and a child key ("" + "users" → "users"). */
  static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }

  /** "; did you mean 'x'?" when a candidate is close to {@code typed}, else the empty string. */
  public static String hint(String typed, Collection<String> candidates) {
    return nearest(typed, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
  }

  /** The longest safe file name (well below the 255 bytes of common file systems). */
  public static final int MAX_FILE_NAME = 100;

  /** What a safe file name is, for error messages. */
  public static final String SAFE_FILE_NAME =
      "a safe file name: 1 to "
          + MAX_FILE_NAME
          + " letters, digits, '-', '_' or '.', not starting with '.' (it names an output folder)";

  /**
   * True for a name that can only ever be one file or folder directly inside another: ASCII
   * letters, digits, '-', '_' and '.', not starting with '.' (so neither '.', '..' nor a hidden
   * name), without "..", at most {@link #MAX_FILE_NAME} characters.
   */
  public static boolean isSafeFileName(String name) {
    if (name == null
        || name.isEmpty()
        || name.length() > MAX_FILE_NAME
        || name.charAt(0) == '.'
        || name.contains("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) return false;
    }
    return true;
  }
}
