package govsim.scenario;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves plain (unquoted) YAML scalars by the YAML 1.2 core schema, and explains the YAML 1.1
 * spellings that it does not accept.
 *
 * <p>Why not SnakeYAML's own resolver: it implements YAML 1.1, where {@code 010} is 8, {@code 1:30}
 * is 90, {@code yes} is true and {@code 1_000} is 1000. The same file would then mean different
 * things to other YAML 1.2 tools (and to a reader). Scenario files are scientific input, so
 * anything ambiguous is rejected with a note saying what to write instead. Such a scalar resolves
 * to a string carrying a hint; the hint is shown only where a number (or a boolean) was expected,
 * so {@code name: 010} is still the string "010".
 */
final class CoreScalars {
  private CoreScalars() {}

  /** The resolved value (Long, Double, Boolean, String or null) and optional hints. */
  record Resolved(Object value, String numberHint, String booleanHint) {}

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern NON_FINITE =
      Pattern.compile("[-+]?\\.?(inf|Inf|INF|infinity|Infinity|INFINITY)|[-+]?\\.?(nan|NaN|NAN)");
  private static final Pattern HEX = Pattern.compile("[-+]?0[xX][0-9a-fA-F_]+");
  private static final Pattern OCTAL_0O = Pattern.compile("[-+]?0[oO][0-7_]+");
  private static final Pattern BINARY = Pattern.compile("[-+]?0[bB][01_]+");
  private static final Pattern BASE_60 =
      Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
  private static final Pattern YAML11_BOOL =
      Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");

  /** Resolves the text of a plain scalar. */
  static Resolved plain(String text) {
    switch (text) {
      case "", "~", "null", "Null", "NULL":
        return new Resolved(null, null, null);
      case "true":
        return new Resolved(Boolean.TRUE, null, null);
      case "false":
        return new Resolved(Boolean.FALSE, null, null);
      case "True", "TRUE", "False", "FALSE":
        return string(text, null, "write " + text.toLowerCase(Locale.ROOT) + " in lower case");
      default:
        break;
    }
    if (YAML11_BOOL.matcher(text).matches()) {
      return string(
          text,
          null,
          "YAML 1.1 booleans (yes/no/on/off/y/n) are not accepted; write true or false");
    }
    if (INT.matcher(text).matches()) {
      return integer(text);
    }
    if (FLOAT.matcher(text).matches()) {
      double d = Double.parseDouble(text);
      if (Double.isInfinite(d)) {
        return string(text, "not a finite number (too large)", null);
      }
      return new Resolved(d, null, null);
    }
    return string(text, numberHint(text), null);
  }

  private static Resolved integer(String text) {
    String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      return string(text, octalHint(text, digits), null);
    }
    BigInteger big = new BigInteger(text);
    if (big.bitLength() < 64) {
      return new Resolved(big.longValue(), null, null);
    }
    // Beyond long: keep the magnitude so that range checks can report it.
    return new Resolved(big.doubleValue(), null, null);
  }

  private static String octalHint(String text, String digits) {
    String sign = text.startsWith("-") ? "-" : "";
    BigInteger decimal = new BigInteger(digits);
    if (digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
      BigInteger octal = new BigInteger(digits, 8);
      if (!octal.equals(decimal)) {
        return "YAML 1.1 octal is ambiguous; write " + sign + octal + " or " + sign + decimal;
      }
    }
    return "a leading zero is ambiguous (YAML 1.1 octal); write " + sign + decimal;
  }

  private static String numberHint(String text) {
    if (NON_FINITE.matcher(text).matches()) {
      return "not a finite number";
    }
    if (text.indexOf('_') >= 0) {
      String plain = text.replace("_", "");
      if (INT.matcher(plain).matches() || FLOAT.matcher(plain).matches()) {
        return "underscores are not allowed in numbers; write " + plain;
      }
    }
    if (HEX.matcher(text).matches()) {
      return "hexadecimal numbers are not accepted; write " + radix(text, 16) + " in decimal";
    }
    if (OCTAL_0O.matcher(text).matches()) {
      return "octal numbers are not accepted; write " + radix(text, 8) + " in decimal";
    }
    if (BINARY.matcher(text).matches()) {
      return "binary numbers are not accepted; write " + radix(text, 2) + " in decimal";
    }
    if (BASE_60.matcher(text).matches()) {
      return "YAML 1.1 reads "
          + text
          + " as a base-60 number"
          + base60(text)
          + "; this is ambiguous, write the plain number you mean";
    }
    return null;
  }

  /** " (= 90)" for {@code 1:30}; empty when there is a fraction. */
  private static String base60(String text) {
    if (text.indexOf('.') >= 0) {
      return "";
    }
    String sign = text.startsWith("-") ? "-" : "";
    BigInteger value = BigInteger.ZERO;
    for (String part : text.replaceFirst("^[-+]", "").replace("_", "").split(":")) {
      value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
    }
    return " (= " + sign + value + ")";
  }

  /** {@code 0x1F} → 31 (sign kept, underscores dropped). */
  private static String radix(String text, int radix) {
    String sign = text.startsWith("-") ? "-" : "";
    String body = text.replaceFirst("^[-+]?0[xXoObB]", "").replace("_", "");
    return sign + new BigInteger(body, radix);
  }

  private static Resolved string(String text, String numberHint, String booleanHint) {
    return new Resolved(text, numberHint, booleanHint);
  }
}
