package govsim.gui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The movie of a run without JMF: every frame as a numbered PNG ({@code frame-00001.png}, ...) and
 * all of them as one looping animated GIF ({@code movie.gif}, frames scaled to at most {@link
 * #GIF_WIDTH} pixels wide to keep it small), both written with the JDK's own image writers.
 *
 * <p>Not thread-safe: one thread (Swing's) adds the frames.
 */
final class FrameExport implements AutoCloseable {
  /** Widest GIF frame, in pixels (the PNG frames keep the display's size). */
  static final int GIF_WIDTH = 400;

  /** Time each GIF frame is shown, in hundredths of a second. */
  static final int GIF_DELAY_CS = 10;

  private final Path folder;
  private final ImageWriter gif;
  private final ImageOutputStream gifOut;
  private int frames;

  /** Starts a movie in {@code folder} (created if needed; existing frames are replaced). */
  FrameExport(Path folder) throws IOException {
    this.folder = folder;
    Files.createDirectories(folder);
    gif = ImageIO.getImageWritersByFormatName("gif").next();
    gifOut = ImageIO.createImageOutputStream(folder.resolve("movie.gif").toFile());
    gif.setOutput(gifOut);
    gif.prepareWriteSequence(null);
  }

  Path folder() {
    return folder;
  }

  /** Frames written so far. */
  int frames() {
    return frames;
  }

  /** Adds one frame: a PNG of {@code image} as it is, and a GIF frame of it scaled down. */
  void add(BufferedImage image) {
    frames++;
    Path png = folder.resolve(String.format(Locale.ROOT, "frame-%05d.png", frames));
    try {
      ImageIO.write(image, "png", png.toFile());
      BufferedImage small = scaled(image);
      gif.writeToSequence(new IIOImage(small, null, gifMetadata(small, frames == 1)), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the movie frame " + png, e);
    }
  }

  /** Finishes movie.gif; the PNG frames are complete already. */
  @Override
  public void close() throws IOException {
    try {
      gif.endWriteSequence();
    } finally {
      gifOut.close();
      gif.dispose();
    }
  }

  private static BufferedImage scaled(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w > GIF_WIDTH) {
      h = Math.max(1, (int) Math.round(h * (double) GIF_WIDTH / w));
      w = GIF_WIDTH;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** A frame's delay, and on the first frame the NETSCAPE2.0 extension that makes the GIF loop. */
  private IIOMetadata gifMetadata(BufferedImage image, boolean first) throws IOException {
    ImageWriteParam param = gif.getDefaultWriteParam();
    IIOMetadata meta =
        gif.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(GIF_DELAY_CS));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode apps = child(root, "ApplicationExtensions");
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0}); // loop forever
      apps.appendChild(app);
    }
    meta.setFromTree(format, root);
    return meta;
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
