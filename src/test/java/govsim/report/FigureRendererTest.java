package govsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG of a figure: a standalone, well-formed, deterministic document with its text as text. */
class FigureRendererTest {

  /** A non-ASCII title, so that the UTF-8 path is exercised too. */
  private static final String TITLE = "Adoption \u2013 share of labs (%)";

  private static Figure figure() {
    XYSeries s = new XYSeries("frontier");
    s.add(0, 0.0);
    s.add(12, 40.0);
    s.add(24, 75.0);
    // A gradient-free but clipped chart: JFreeChart clips the plot area, so the SVG has ids.
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            TITLE,
            "month",
            "share (%)",
            new XYSeriesCollection(s),
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    return new Figure("adoption-test", "Adoption", "caption", List.of(chart), 1, 640, 400);
  }

  @Test
  void svgIsWellFormedStandaloneWithViewBoxAndTitleAsText() throws Exception {
    byte[] bytes = FigureRenderer.svg(figure()).getBytes(StandardCharsets.UTF_8);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
        "XML declaration says UTF-8");
    assertFalse(text.contains("<!DOCTYPE"), "no DOCTYPE (would point at the W3C's server)");

    Document doc = ReportTest.parseXml(bytes); // refuses any DOCTYPE
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    assertEquals("0 0 640 400", root.getAttribute("viewBox"));
    assertEquals("640", root.getAttribute("width"));
    assertEquals("400", root.getAttribute("height"));
    assertEquals("adoption-test", root.getAttribute("id"));

    NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) strings.add(texts.item(i).getTextContent());
    assertTrue(strings.contains(TITLE), "the chart title is a <text> element: " + strings);
    assertTrue(strings.contains("month"), "axis label as text: " + strings);
    assertTrue(strings.contains("share (%)"), "axis label as text: " + strings);
    assertTrue(strings.contains("frontier"), "legend entry as text: " + strings);

    // Every element id belongs to the figure (several figures can share one page).
    NodeList all = doc.getElementsByTagName("*");
    int ids = 0;
    for (int i = 0; i < all.getLength(); i++) {
      String id = ((Element) all.item(i)).getAttribute("id");
      if (id.isEmpty()) continue;
      ids++;
      assertTrue(id.startsWith("adoption-test"), "id " + id + " starts with the figure id");
    }
    assertTrue(ids > 1, "the clip paths have ids (" + ids + ")");
  }

  @Test
  void sameFigureGivesTheSameBytes() {
    byte[] first = FigureRenderer.svg(figure()).getBytes(StandardCharsets.UTF_8);
    byte[] second = FigureRenderer.svg(figure()).getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(first, second);
  }
}
