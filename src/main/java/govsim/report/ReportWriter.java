package govsim.report;

import govsim.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the report of a govsim output folder: {@code report.html} and {@code figures/} (each
 * figure as PNG and SVG, and its data as CSV), into the folder itself or another one. The folder's
 * own files are only read. An existing report is replaced only when forced, and a report appears
 * whole or not at all: everything is drawn into a hidden staging folder first, then {@code
 * figures/} and {@code report.html} are renamed into place (the old ones removed only after the new
 * ones are in).
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** The report file's name. */
  public static final String HTML = "report.html";

  /** The figures folder's name. */
  public static final String FIGURES = "figures";

  /**
   * What was written.
   *
   * @param html the report page
   * @param figures the figures folder
   * @param kind the kind of folder reported on
   * @param figureCount figures drawn (each as PNG and SVG)
   */
  public record Written(Path html, Path figures, FolderKind kind, int figureCount) {}

  /**
   * Writes the report of {@code folder}.
   *
   * @param folder a folder written by govsim run, compare or sweep
   * @param out where to write the report, or null for the folder itself
   * @param force replace an existing report.html and figures/
   * @throws ReportException for a folder that is not a govsim folder, or an existing report without
   *     force
   * @throws UncheckedIOException if writing fails (nothing half-written is left)
   */
  public static Written write(Path folder, Path out, boolean force) throws ReportException {
    return write(folder, out, force, FigureOptions.DEFAULT);
  }

  /**
   * Writes the report of {@code folder} with its figures drawn as {@code options} say (size,
   * titles, axes); otherwise as {@link #write(Path, Path, boolean)}.
   */
  public static Written write(Path folder, Path out, boolean force, FigureOptions options)
      throws ReportException {
    ResultFolder rf = ResultFolder.open(folder);
    Path target = out == null ? rf.dir() : out;
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new ReportException("--out " + target + ": exists and is not a folder");
    }
    try {
      govsim.io.OutputGuard.checkParents(target);
    } catch (govsim.io.OutputGuard.Refused e) {
      throw new ReportException("--out " + e.getMessage());
    }
    Path html = target.resolve(HTML);
    Path figures = target.resolve(FIGURES);
    if (!force && (Files.exists(html) || Files.exists(figures))) {
      throw new ReportException(
          target
              + " already holds a report ("
              + HTML
              + ", "
              + FIGURES
              + "/); use --force to replace it, or --out DIR to write it elsewhere");
    }
    if (force) checkOwnReport(target);
    ReportContent content = build(rf);
    try {
      Files.createDirectories(target);
      Path staging = govsim.io.OutputFolder.createUnique(target, ".report.partial-", "", true);
      try {
        Path stagedFigures = Files.createDirectory(staging.resolve(FIGURES));
        // Figures are independent (each has its own charts), so they are drawn in parallel; the
        // output does not depend on the order they finish in.
        List<Rendered> rendered =
            content.figures().parallelStream()
                .map(
                    fig -> {
                      // The data first: laying out changes the charts (titles), not the data.
                      String csv = FigureData.csv(fig);
                      Figure shown = FigureLayout.prepare(fig, options);
                      return new Rendered(
                          fig.id(),
                          shown,
                          FigureRenderer.png(shown),
                          FigureRenderer.svg(shown),
                          csv);
                    })
                .toList();
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        Map<String, Figure> shown = new LinkedHashMap<>();
        for (Rendered r : rendered) {
          pngs.put(r.id(), r.png());
          shown.put(r.id(), r.shown());
          Files.write(stagedFigures.resolve(r.id() + ".png"), r.png());
          Files.writeString(
              stagedFigures.resolve(r.id() + ".svg"), r.svg(), StandardCharsets.UTF_8);
          // The figure's data beside it (panel, series, x, y, interval), for redrawing elsewhere.
          Files.writeString(
              stagedFigures.resolve(r.id() + ".csv"), r.csv(), StandardCharsets.UTF_8);
        }
        Files.writeString(
            staging.resolve(HTML), HtmlReport.render(content, pngs, shown), StandardCharsets.UTF_8);
        commit(staging, target, force);
      } finally {
        FileTrees.delete(staging);
      }
    } catch (IOException e) {
      throw govsim.io.IoErrors.unchecked("cannot write the report into " + target, e);
    }
    return new Written(html, figures, rf.kind(), content.figures().size());
  }

  /** One figure drawn both ways. */
  private record Rendered(String id, Figure shown, byte[] png, String svg, String csv) {}

  /** The report's content for the folder's kind (no files written). */
  public static ReportContent build(ResultFolder rf) throws ReportException {
    return switch (rf.kind()) {
      case RUN -> RunReport.build(rf);
      case COMPARISON -> ComparisonReport.build(rf);
      case SWEEP -> SweepReport.build(rf);
      case GAME_SWEEP -> GameSweepReport.build(rf);
    };
  }

  /** The report's title, without building the report. */
  public static String title(ResultFolder rf) {
    return switch (rf.kind()) {
      case RUN -> RunReport.title(rf);
      case COMPARISON -> ComparisonReport.title(rf);
      case SWEEP -> SweepReport.title(rf);
      case GAME_SWEEP -> GameSweepReport.title(rf);
    };
  }

  private static void commit(Path staging, Path target, boolean force)
      throws IOException, ReportException {
    Path html = target.resolve(HTML);
    Path figures = target.resolve(FIGURES);
    if (!force && (Files.exists(html) || Files.exists(figures))) {
      throw new ReportException(
          target + " got a report while this one was drawn; use --force to replace it");
    }
    if (force) checkOwnReport(target);
    Path old = null;
    if (Files.exists(figures)) {
      old = govsim.io.OutputFolder.createUnique(target, "." + FIGURES + ".old-", "", true);
      Files.delete(old);
      Files.move(figures, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging.resolve(FIGURES), figures, StandardCopyOption.ATOMIC_MOVE);
    Files.move(
        staging.resolve(HTML),
        html,
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    if (old != null) FileTrees.delete(old);
  }

  /** The meta tag every report.html written by govsim carries (see {@link HtmlReport}). */
  static final String GENERATOR = "<meta name=\"generator\" content=\"govsim report\">";

  /**
   * The --force rule for reports: an existing report.html and figures/ are replaced only if govsim
   * wrote them: report.html carries govsim's generator tag and figures/ holds nothing but PNG and
   * SVG files. Anything else in their place is refused, so --force cannot delete a user's files.
   */
  static void checkOwnReport(Path target) throws ReportException {
    Path html = target.resolve(HTML);
    Path figures = target.resolve(FIGURES);
    if (!Files.exists(html, LinkOption.NOFOLLOW_LINKS)
        && !Files.exists(figures, LinkOption.NOFOLLOW_LINKS)) return;
    String why = null;
    if (!Files.isRegularFile(html, LinkOption.NOFOLLOW_LINKS)) {
      why = figures + " exists but " + html + " does not";
    } else if (!isGovsimReport(html)) {
      why = html + " was not written by govsim report";
    } else if (Files.exists(figures, LinkOption.NOFOLLOW_LINKS)) {
      why = foreignFigure(figures);
    }
    if (why != null) {
      throw new ReportException(
          "refusing to replace the report in "
              + target
              + ": "
              + why
              + "; --force only"
              + " replaces a report.html and figures/ written by govsim. Move them away, or use --out DIR");
    }
  }

  private static boolean isGovsimReport(Path html) {
    try (java.io.InputStream in = Files.newInputStream(html)) {
      return new String(in.readNBytes(8192), StandardCharsets.UTF_8).contains(GENERATOR);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Why figures/ is not govsim's, or null if it holds only regular PNG and SVG files and the CSV
   * files of the figures' data.
   */
  private static String foreignFigure(Path figures) {
    if (!Files.isDirectory(figures, LinkOption.NOFOLLOW_LINKS)) return figures + " is not a folder";
    try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(figures)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        // A figure's data (X.csv) counts as govsim's only beside its figure (X.png).
        boolean figureData =
            n.endsWith(".csv")
                && Files.isRegularFile(
                    figures.resolve(n.substring(0, n.length() - 4) + ".png"),
                    LinkOption.NOFOLLOW_LINKS);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            || !(n.endsWith(".png") || n.endsWith(".svg") || figureData)) {
          return figures + " holds " + n + ", which is not a figure govsim draws";
        }
      }
      return null;
    } catch (IOException e) {
      return "cannot list " + figures + ": " + e.getMessage();
    }
  }
}
