package govsim.report;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGCSSStyler;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.apache.batik.svggen.SVGSyntax;
import org.apache.batik.util.SVGConstants;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws a {@link Figure} as PNG (raster, twice the logical size, tagged 200 dots per inch so that
 * it imports at its logical size at 100 points per inch: 8 x 5 inches for a single chart at screen
 * size, 3.5 or 7.2 inches wide at the print sizes of {@link FigureOptions.Size}) and as SVG
 * (vector, through Apache Batik's SVG generator). Both come from the same drawing code, so they
 * show the same thing. Works headless: nothing here needs a display.
 *
 * <p>Output is deterministic: the PNG carries no time stamp, and the SVG carries none either; its
 * element ids are the figure id followed by a per-kind counter.
 */
final class FigureRenderer {
  private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

  /** Pixels per logical point in the PNG. */
  static final int SCALE = 2;

  /** The PNG's resolution tag: 100 points per inch at scale 2. */
  static final int DPI = 100 * SCALE;

  private FigureRenderer() {}

  /** The figure as PNG bytes. */
  static byte[] png(Figure f) {
    BufferedImage img =
        new BufferedImage(f.width() * SCALE, f.height() * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.scale(SCALE, SCALE);
      draw(g, f);
    } finally {
      g.dispose();
    }
    return encode(img);
  }

  /**
   * The figure as a standalone SVG document (UTF-8 when written as such). Text stays text ({@code
   * <text>} elements, editable in Inkscape or Illustrator) rather than outlines; the viewer's font
   * then stands in for Java's logical fonts (SansSerif becomes sans-serif).
   */
  static String svg(Figure f) {
    Document doc;
    try {
      // The JDK's own DOM (not whatever factory a library might register).
      doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("this Java has no XML DOM: " + e.getMessage(), e);
    }
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
    ctx.setComment(null);
    // Batik's ids are a per-prefix counter (no clock); the figure id in front keeps them unique
    // when several figures are pasted into one document.
    String prefix = f.id() + "-";
    ctx.setIDGenerator(
        new SVGIDGenerator() {
          @Override
          public String generateID(String kind) {
            return super.generateID(prefix + kind);
          }
        });
    SVGGraphics2D g = new SVGGraphics2D(ctx, false);
    g.setSVGCanvasSize(new Dimension(f.width(), f.height()));
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, f.width(), f.height()));
    draw(g, f);
    Element root = g.getRoot();
    root.setAttribute("id", f.id());
    // The one id Batik does not take from the generator (its <defs> of shared styles; nothing
    // refers to it).
    Element defs =
        (Element) root.getElementsByTagNameNS(SVGConstants.SVG_NAMESPACE_URI, "defs").item(0);
    if (defs != null && SVGSyntax.ID_PREFIX_GENERIC_DEFS.equals(defs.getAttribute("id"))) {
      defs.setAttribute("id", prefix + SVGSyntax.ID_PREFIX_GENERIC_DEFS);
    }
    // A viewBox so that the drawing scales with its box.
    root.setAttribute("viewBox", "0 0 " + f.width() + " " + f.height());
    // Serialised by the JDK rather than Batik's stream(), which writes a DOCTYPE pointing at the
    // W3C's server. Style as CSS properties in style attributes, as Batik's stream() does.
    root.setAttributeNS(XMLNS, "xmlns", SVGConstants.SVG_NAMESPACE_URI);
    root.setAttributeNS(XMLNS, "xmlns:xlink", SVGConstants.XLINK_NAMESPACE_URI);
    SVGCSSStyler.style(root);
    StringWriter out = new StringWriter(1 << 16);
    try {
      Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.STANDALONE, "no");
      t.setOutputProperty(OutputKeys.INDENT, "no");
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.transform(new DOMSource(root), new StreamResult(out));
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write SVG: " + e.getMessage(), e);
    }
    out.write("\n");
    return out.toString();
  }

  /** Draws the panels into their cells of the grid, and the figure's legend below them. */
  private static void draw(Graphics2D g, Figure f) {
    int rows = (f.panels().size() + f.columns() - 1) / f.columns();
    double w = (double) f.width() / f.columns();
    double h = (double) (f.height() - f.legendHeight()) / rows;
    for (int i = 0; i < f.panels().size(); i++) {
      JFreeChart chart = f.panels().get(i);
      Rectangle2D cell = new Rectangle2D.Double((i % f.columns()) * w, (i / f.columns()) * h, w, h);
      chart.draw(g, cell);
    }
    if (f.legend() != null && f.legendHeight() > 0) FigureLayout.drawLegend(g, f);
  }

  private static byte[] encode(BufferedImage img) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) throw new IllegalStateException("this Java has no PNG encoder");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 17);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata meta =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
      setResolution(meta);
      writer.write(null, new IIOImage(img, null, meta), param);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG: " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * Tags the PNG with its resolution (pHYs chunk, pixels per metre) through the PNG-specific
   * metadata tree: the JDK's writer misreads the standard tree's pixel size (JDK-5106305).
   */
  private static void setResolution(IIOMetadata meta) {
    String perMetre = Long.toString(Math.round(DPI / 0.0254));
    IIOMetadataNode phys = new IIOMetadataNode("pHYs");
    phys.setAttribute("pixelsPerUnitXAxis", perMetre);
    phys.setAttribute("pixelsPerUnitYAxis", perMetre);
    phys.setAttribute("unitSpecifier", "meter");
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
    root.appendChild(phys);
    try {
      meta.mergeTree("javax_imageio_png_1.0", root);
    } catch (IIOInvalidTreeException e) {
      // The resolution tag is a convenience; a PNG without it is still correct.
    }
  }
}
