package govsim.cli;

import govsim.report.FigureOptions;
import govsim.report.ReportException;
import govsim.report.ReportWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code govsim report DIR}: the figures and an HTML page for a run, comparison or sweep folder.
 * The work is {@link ReportWriter}'s; this class parses options and maps outcomes to exit codes.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the figures of a run, comparison or sweep folder and write an HTML report.",
      "",
      "Writes report.html (self-contained: opens offline, figures embedded) and figures/ (each"
          + " figure as PNG at 200 dpi and as SVG, and its data as CSV) into DIR, or into --out;"
          + " --size single or double draws them for a journal column or page. Figures of several"
          + " panels have one legend. A run gets its main"
          + " time series and summary; a comparison, the regimes' time series with 95%% bands,"
          + " forest plots of the headline metrics and of their paired differences; a sweep, heat"
          + " maps or response curves over its parameters and, for Sobol designs, the indices with"
          + " their intervals; every point of a response curve is labelled with its n. A sweep"
          + " folder whose runs.csv or timeseries.csv.gz was deleted is read from runs.parquet and"
          + " timeseries.parquet. The folder's own files are only read. An existing report is kept"
          + " unless --force."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim report results/baseline/compare-seed-1",
      "  ./govsim report results/baseline/seed-1 --out /tmp/run-report",
      "  ./govsim report results/baseline/compare-seed-1 --force --size single",
      "  ./govsim report results/baseline/seed-1 -o /tmp/fig --size double --no-titles",
      "",
      "Exit codes: 0 success, 2 bad input (not a govsim folder, report exists), 1 failure while"
          + " writing."
    })
public final class ReportCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "Output folder of govsim run, compare or sweep.")
  Path dir;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Write report.html and figures/ here instead of into DIR.")
  Path out;

  @Option(
      names = "--force",
      description = "Replace an existing report.html and figures/ written by govsim report.")
  boolean force;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      defaultValue = "screen",
      converter = SizeConverter.class,
      description =
          "Figure width: screen (a chart 8 x 5 in, panels in a grid), single (one journal"
              + " column, 3.5 in: 700 px at 200 dpi, panels stacked) or double (full page width,"
              + " 7.2 in: 1440 px, at most 3 panels a row); print sizes set text at 8-9 pt"
              + " (default: ${DEFAULT-VALUE}).")
  FigureOptions.Size size;

  @Option(
      names = "--no-titles",
      description =
          "No titles in the figures, for papers that put captions below: a single chart"
              + " loses its title, the panels of several are lettered (a), (b), ... and"
              + " report.html's caption names them.")
  boolean noTitles;

  @Option(
      names = "--axes",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = AxesConverter.class,
      description =
          "Panels that show the same quantity (one per regime or parameter): shared (one"
              + " axis range), free (each its own) or auto (shared unless the union of their"
              + " ranges is more than 5 times the smallest); the caption says which"
              + " (default: ${DEFAULT-VALUE}).")
  FigureOptions.Axes axes;

  @Spec CommandSpec spec;

  /** single, double or screen, in any case. */
  static final class SizeConverter implements ITypeConverter<FigureOptions.Size> {
    @Override
    public FigureOptions.Size convert(String value) {
      FigureOptions.Size s = FigureOptions.Size.parse(value);
      if (s == null)
        throw new TypeConversionException(
            "'" + value + "' is not a size; use single (3.5 in), double (7.2 in) or screen");
      return s;
    }
  }

  /** auto, shared or free, in any case. */
  static final class AxesConverter implements ITypeConverter<FigureOptions.Axes> {
    @Override
    public FigureOptions.Axes convert(String value) {
      FigureOptions.Axes a = FigureOptions.Axes.parse(value);
      if (a == null)
        throw new TypeConversionException(
            "'" + value + "' is not an axes mode; use auto, shared or free");
      return a;
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Interruption.process()
        .note("the report was not written (its partial files were removed); run the command again");
    Interruption.process().writingReport(out == null ? dir : out);
    try {
      ReportWriter.Written w =
          ReportWriter.write(dir, out, force, new FigureOptions(size, !noTitles, axes));
      if (!quiet) {
        PrintWriter o = spec.commandLine().getOut();
        o.println("govsim: report of the " + w.kind().label() + " in " + w.html());
        o.println(
            "  "
                + w.figureCount()
                + " figures as PNG, SVG and their data as CSV in "
                + w.figures()
                + (size == FigureOptions.Size.SCREEN ? "" : " (" + size.label() + " column size)"));
        o.flush();
      }
      return 0;
    } catch (ReportException e) {
      err.println("govsim: " + e.getMessage());
      err.flush();
      return Main.BAD_INPUT;
    } catch (UncheckedIOException e) {
      err.println("govsim: " + e.getMessage());
      err.flush();
      return Main.FAILURE;
    }
  }
}
