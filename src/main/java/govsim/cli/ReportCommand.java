package govsim.cli;

import govsim.report.ReportException;
import govsim.report.ReportWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
          + " figure as PNG at 200 dpi and as SVG, and its data as CSV) into DIR, or into --out. A run gets its main"
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

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Interruption.process()
        .note("the report was not written (its partial files were removed); run the command again");
    Interruption.process().writingReport(out == null ? dir : out);
    try {
      ReportWriter.Written w = ReportWriter.write(dir, out, force);
      if (!quiet) {
        PrintWriter o = spec.commandLine().getOut();
        o.println("govsim: report of the " + w.kind().label() + " in " + w.html());
        o.println("  " + w.figureCount() + " figures as PNG and SVG in " + w.figures());
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
