package govsim.cli;

import govsim.report.NotebookWriter;
import govsim.report.ReportException;
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
 * {@code govsim notebook DIR}: a Jupyter notebook that loads a run, comparison or sweep folder with
 * pandas and redraws its report's figures with matplotlib. The work is {@link NotebookWriter}'s.
 */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = {
      "Export a Jupyter notebook for a run, comparison or sweep folder.",
      "",
      "Writes notebooks-export/<name>.ipynb (or --out FILE): the provenance from the folder's"
          + " manifest (command, version, commit, seeds, scenario hash), code that loads its CSV"
          + " files with pandas, and matplotlib code that redraws the main figures of its report."
          + " Needs only pandas, numpy and matplotlib (pandas 1.5 and matplotlib 3.6 or newer). The"
          + " notebook finds the folder from the repository root and from notebooks-export/ (or via"
          + " $GOVSIM_DATA). An existing notebook is kept: the new one gets a suffix (-2, -3, ...)"
          + " unless --force."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim notebook results/baseline/compare-seed-1",
      "  jupyter lab notebooks-export/baseline-compare-seed-1.ipynb",
      "",
      "Exit codes: 0 success, 2 bad input (not a govsim folder, --out exists), 1 failure while"
          + " writing."
    })
public final class NotebookCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "Output folder of govsim run, compare or sweep.")
  Path dir;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "The notebook file (default: notebooks-export/<name>.ipynb).")
  Path out;

  @Option(
      names = "--force",
      description =
          "Replace an existing notebook written by govsim instead of adding a suffix (or refusing --out).")
  boolean force;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      NotebookWriter.Written w =
          NotebookWriter.write(dir, out, force, Path.of("").toAbsolutePath());
      if (!quiet) {
        PrintWriter o = spec.commandLine().getOut();
        o.println(
            "govsim: notebook for the "
                + w.kind().label()
                + " in "
                + w.file()
                + (w.renamed() ? " (the default name was taken; --force replaces it)" : ""));
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
