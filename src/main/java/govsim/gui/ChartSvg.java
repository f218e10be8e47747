package govsim.gui;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A GUI chart as a standalone SVG document, drawn by JFreeChart on Batik's SVGGraphics2D. */
final class ChartSvg {
  private ChartSvg() {}

  static String svg(JFreeChart chart, int width, int height) {
    Document doc;
    try {
      doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("this Java has no XML DOM: " + e.getMessage(), e);
    }
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
    ctx.setComment(null);
    SVGGraphics2D g = new SVGGraphics2D(ctx, false);
    g.setSVGCanvasSize(new Dimension(width, height));
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    Element root = g.getRoot();
    root.setAttribute("viewBox", "0 0 " + width + " " + height);
    root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", "http://www.w3.org/2000/svg");
    StringWriter out = new StringWriter(1 << 16);
    try {
      var t = TransformerFactory.newDefaultInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      t.transform(new DOMSource(root), new StreamResult(out));
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write SVG: " + e.getMessage(), e);
    }
    out.write("\n");
    return out.toString();
  }
}
