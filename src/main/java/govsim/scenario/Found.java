package govsim.scenario;

/**
 * Describes the value a user wrote, for the "found ..." half of an error message: {@code -1},
 * {@code the string '5'}, {@code 'yes'}, {@code a list}.
 */
final class Found {
  private Found() {}

  static String of(Located node) {
    if (node instanceof Located.Mapping) {
      return "a mapping";
    }
    if (node instanceof Located.Sequence) {
      return "a list";
    }
    if (node instanceof Located.Broken) {
      return "an invalid value";
    }
    Located.Scalar s = (Located.Scalar) node;
    if (s.quoted()) {
      return "the string " + Text.quote(s.text());
    }
    Object v = s.value();
    if (v == null) {
      if (s.text().isEmpty()) {
        return "nothing (null)";
      }
      return s.text().equals("null") ? "null" : Text.shorten(s.text()) + " (null)";
    }
    if (v instanceof Number || v instanceof Boolean || s.numberHint() != null) {
      return Text.shorten(s.text());
    }
    return Text.quote(s.text());
  }
}
