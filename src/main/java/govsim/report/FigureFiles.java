package govsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one figure as the commands that draw their own (explain, discover, calibrate, validation
 * --robustness) keep it: &lt;stem&gt;.png, &lt;stem&gt;.svg (not for validation's figures, which go
 * into docs/) and the figure's data as &lt;stem&gt;.csv beside them ({@link FigureData}), laid out
 * by {@link FigureLayout} at the default options.
 */
final class FigureFiles {
  private FigureFiles() {}

  /** Writes dir/stem.png, .svg and .csv. */
  static void write(Figure f, Path dir, String stem) {
    String csv = FigureData.csv(f);
    Figure shown = FigureLayout.prepare(f, FigureOptions.DEFAULT);
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(stem + ".png"), FigureRenderer.png(shown));
      Files.writeString(
          dir.resolve(stem + ".svg"), FigureRenderer.svg(shown), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(stem + ".csv"), csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the PNG file given and the figure's data beside it (same name, .csv). */
  static void writePngAndCsv(Figure f, Path png) {
    String csv = FigureData.csv(f);
    Figure shown = FigureLayout.prepare(f, FigureOptions.DEFAULT);
    String name = png.getFileName().toString();
    String stem = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
    try {
      Path dir = png.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Files.write(png, FigureRenderer.png(shown));
      Files.writeString(dir.resolve(stem + ".csv"), csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
