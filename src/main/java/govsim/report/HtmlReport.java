package govsim.report;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@link ReportContent} as one self-contained HTML page: the style sheet is inline, there
 * are no scripts, no web fonts and no remote resources, and every figure is embedded as a PNG data
 * URI (so the page can be mailed or archived alone and opens offline), with relative links to its
 * PNG and SVG files in {@code figures/}. All text is escaped. The page depends only on the content,
 * so the same folder gives the same bytes.
 */
final class HtmlReport {
  private HtmlReport() {}

  private static final String CSS =
      """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif;
             color: #222; background: #fff; margin: 0; line-height: 1.5; }
      main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 64px; }
      h1 { font-size: 1.7em; margin: 0.2em 0 0.1em; }
      .subtitle { color: #555; margin: 0 0 1.2em; }
      h2 { font-size: 1.3em; margin: 2em 0 0.6em; padding-bottom: 0.2em; border-bottom: 1px solid #ddd; }
      code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em;
             background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
      table { border-collapse: collapse; margin: 0.6em 0 1.4em; font-size: 0.92em; }
      .scroll { overflow-x: auto; }
      caption { caption-side: top; text-align: left; color: #444; padding-bottom: 0.4em; }
      th, td { padding: 4px 10px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
      th { background: #f6f6f6; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      table.facts th { background: none; white-space: nowrap; }
      table.facts td { word-break: break-word; }
      figure { margin: 1.2em 0 2.2em; }
      figure img { width: 100%; height: auto; border: 1px solid #eee; }
      figcaption { font-size: 0.93em; color: #333; margin-top: 0.4em; }
      figcaption .files { color: #666; white-space: nowrap; }
      nav ol { columns: 2; font-size: 0.93em; }
      footer { margin-top: 3em; color: #666; font-size: 0.85em; }
      @media print { figure { break-inside: avoid; } nav { display: none; } }
      """;

  /**
   * The page.
   *
   * @param pngs each figure's PNG bytes, by figure id
   * @param shown each figure as laid out for drawing (its caption and size), by figure id; a figure
   *     not in it is shown as built
   */
  static String render(ReportContent content, Map<String, byte[]> pngs, Map<String, Figure> shown) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"govsim report\">\n")
        .append("<title>")
        .append(esc(content.title()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>").append(esc(content.title())).append("</h1>\n");
    h.append("<p class=\"subtitle\">").append(inline(content.subtitle())).append("</p>\n");
    List<ReportContent.Block> blocks = content.blocks();
    toc(h, blocks);
    int figureNumber = 0;
    for (ReportContent.Block b : blocks) {
      if (b instanceof ReportContent.Heading x) {
        h.append("<h2 id=\"")
            .append(esc(x.id()))
            .append("\">")
            .append(esc(x.text()))
            .append("</h2>\n");
      } else if (b instanceof ReportContent.Paragraph x) {
        h.append("<p>").append(inline(x.text())).append("</p>\n");
      } else if (b instanceof ReportContent.Facts x) {
        h.append("<table class=\"facts\">\n");
        for (Provenance.Fact f : x.facts()) {
          h.append("<tr><th scope=\"row\">").append(esc(f.label())).append("</th><td>");
          if (f.label().equals("Command"))
            h.append("<code>").append(esc(f.value())).append("</code>");
          else h.append(esc(f.value()));
          h.append("</td></tr>\n");
        }
        h.append("</table>\n");
      } else if (b instanceof ReportContent.Table x) {
        table(h, x);
      } else if (b instanceof ReportContent.FigureBlock x) {
        figureNumber++;
        figure(
            h,
            shown.getOrDefault(x.figure().id(), x.figure()),
            figureNumber,
            pngs.get(x.figure().id()));
      }
    }
    h.append(
        "<footer>Written by <code>govsim report</code> from the files of this folder; every number"
            + " comes from its CSV files and manifest.json. Figures: <code>figures/</code> (PNG at 200 dpi, SVG, and each figure&#39;s data as CSV)."
            + "</footer>\n");
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void toc(StringBuilder h, List<ReportContent.Block> blocks) {
    h.append("<nav><strong>Contents</strong><ol>\n");
    int n = 0;
    for (ReportContent.Block b : blocks) {
      if (b instanceof ReportContent.Heading x) {
        h.append("<li><a href=\"#")
            .append(esc(x.id()))
            .append("\">")
            .append(esc(x.text()))
            .append("</a></li>\n");
      } else if (b instanceof ReportContent.FigureBlock x) {
        n++;
        h.append("<li><a href=\"#fig-")
            .append(x.figure().id())
            .append("\">Figure ")
            .append(n)
            .append(": ")
            .append(esc(x.figure().title()))
            .append("</a></li>\n");
      }
    }
    h.append("</ol></nav>\n");
  }

  private static void table(StringBuilder h, ReportContent.Table t) {
    h.append("<div class=\"scroll\"><table>\n");
    if (t.caption() != null && !t.caption().isEmpty())
      h.append("<caption>").append(inline(t.caption())).append("</caption>\n");
    h.append("<thead><tr>");
    for (String c : t.header()) h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
    h.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : t.rows()) {
      h.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        h.append(i >= t.numericFrom() ? "<td class=\"num\">" : "<td>")
            .append(inline(row.get(i)))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
  }

  private static void figure(StringBuilder h, Figure f, int number, byte[] png) {
    h.append("<figure id=\"fig-").append(f.id()).append("\">\n");
    if (png != null) {
      h.append("<img src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(png))
          .append("\" width=\"")
          .append(f.width())
          .append("\" height=\"")
          .append(f.height())
          // A print-size figure (narrower than a screen one) at its own width, not the page's.
          .append(f.width() < 800 ? "\" style=\"width: " + f.width() + "px\"" : "\"")
          .append(" alt=\"")
          .append(esc(f.title()))
          .append("\">\n");
    }
    h.append("<figcaption><strong>Figure ")
        .append(number)
        .append(". ")
        .append(esc(f.title()))
        .append(".</strong> ")
        .append(inline(f.caption()))
        .append(" <span class=\"files\">Files: <a href=\"figures/")
        .append(f.id())
        .append(".png\">")
        .append(f.id())
        .append(".png</a> &middot; <a href=\"figures/")
        .append(f.id())
        .append(".svg\">")
        .append(f.id())
        .append(".svg</a></span></figcaption>\n</figure>\n");
  }

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** Escapes text and shows `back-quoted` parts as code. */
  static String inline(String text) {
    if (text == null) return "";
    Matcher m = CODE.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(esc(text.substring(last, m.start())))
          .append("<code>")
          .append(esc(m.group(1)))
          .append("</code>");
      last = m.end();
    }
    out.append(esc(text.substring(last)));
    return out.toString();
  }

  /** HTML escaping for text and attribute values. */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
