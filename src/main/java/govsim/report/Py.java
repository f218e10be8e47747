package govsim.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import govsim.observe.MetricDoc;
import java.util.List;
import java.util.Map;

/**
 * Python literals for generated notebook code: strings (a JSON string is a valid Python string
 * literal), lists, dicts, booleans and None. Values are always escaped this way, never pasted into
 * code as they are, so that a folder name with a quote cannot break or inject code.
 */
final class Py {
  private Py() {}

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  static String str(String s) {
    return s == null ? "None" : GSON.toJson(s);
  }

  static String bool(boolean b) {
    return b ? "True" : "False";
  }

  static String strings(List<String> xs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < xs.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(str(xs.get(i)));
    }
    return sb.append(']').toString();
  }

  /** A dict from names to (title, unit) tuples, one entry per line. */
  static String labels(Map<String, MetricDoc> infos) {
    StringBuilder sb = new StringBuilder("{\n");
    for (Map.Entry<String, MetricDoc> e : infos.entrySet()) {
      sb.append("    ")
          .append(str(e.getKey()))
          .append(": (")
          .append(str(e.getValue().title()))
          .append(", ")
          .append(str(e.getValue().unit()))
          .append("),\n");
    }
    return sb.append('}').toString();
  }
}
