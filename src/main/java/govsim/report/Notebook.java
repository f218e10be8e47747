package govsim.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4.5) being assembled: markdown and code cells with stable ids
 * ("cell-1", "cell-2", ...), no outputs, and a Python 3 kernel spec. Written as JSON; the same
 * cells give the same bytes.
 */
final class Notebook {
  /** One cell: markdown or code, and its source text. */
  record Cell(String type, String source) {}

  private final List<Cell> cells = new ArrayList<>();

  Notebook markdown(String text) {
    cells.add(new Cell("markdown", text.strip()));
    return this;
  }

  Notebook code(String text) {
    cells.add(new Cell("code", text.strip()));
    return this;
  }

  List<Cell> cells() {
    return List.copyOf(cells);
  }

  /** The notebook as nbformat 4.5 JSON. */
  /**
   * The notebook's {@code metadata.govsim.generator}: marks a notebook as written by govsim, so
   * that {@code --force} replaces only such notebooks (see {@link NotebookWriter}).
   */
  static final String GENERATOR = "govsim notebook";

  String toJson() {
    JsonObject nb = new JsonObject();
    JsonArray cs = new JsonArray();
    int id = 0;
    for (Cell c : cells) {
      JsonObject o = new JsonObject();
      o.addProperty("cell_type", c.type());
      if (c.type().equals("code")) o.add("execution_count", null);
      o.addProperty("id", "cell-" + (++id));
      o.add("metadata", new JsonObject());
      if (c.type().equals("code")) o.add("outputs", new JsonArray());
      o.add("source", lines(c.source()));
      cs.add(o);
    }
    nb.add("cells", cs);
    JsonObject meta = new JsonObject();
    JsonObject kernel = new JsonObject();
    kernel.addProperty("display_name", "Python 3");
    kernel.addProperty("language", "python");
    kernel.addProperty("name", "python3");
    meta.add("kernelspec", kernel);
    JsonObject lang = new JsonObject();
    lang.addProperty("name", "python");
    lang.addProperty("pygments_lexer", "ipython3");
    meta.add("language_info", lang);
    JsonObject own = new JsonObject();
    own.addProperty("generator", GENERATOR);
    meta.add("govsim", own);
    nb.add("metadata", meta);
    nb.addProperty("nbformat", 4);
    nb.addProperty("nbformat_minor", 5);
    return new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .create()
            .toJson(nb)
        + "\n";
  }

  /** Jupyter's layout of a source: a list of lines, each but the last ending in a newline. */
  private static JsonArray lines(String text) {
    JsonArray a = new JsonArray();
    String[] parts = text.split("\n", -1);
    for (int i = 0; i < parts.length; i++) a.add(i < parts.length - 1 ? parts[i] + "\n" : parts[i]);
    return a;
  }
}
