package govsim.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON style of govsim's manifests and state files. */
public final class Json {
  private static final Gson PRETTY =
      new GsonBuilder()
          .setPrettyPrinting()
          .disableHtmlEscaping()
          .serializeSpecialFloatingPointValues()
          .create();

  private Json() {}

  /**
   * {@code value} as pretty-printed JSON with a final newline: no HTML escaping (so {@code <} and
   * {@code =} stay readable in command lines), NaN and infinities written as such rather than
   * refused.
   */
  public static String pretty(Object value) {
    return PRETTY.toJson(value) + "\n";
  }
}
