package govsim.cli;

import govsim.experiment.discover.Discovery;
import govsim.report.DiscoverFigures;
import java.io.IOException;
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
 * {@code govsim discover SWEEP_DIR --where "M > x"}: scenario discovery (PRIM and a classification
 * tree) over a finished sweep. The work is {@link Discovery}'s and {@link DiscoverFigures}'; this
 * class parses options and maps outcomes to exit codes.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Find where in a finished sweep's parameters a metric crosses a threshold.",
      "",
      "Scenario discovery (PRIM and a classification tree) over a sweep's runs. The cases are the"
          + " sweep's successful runs (of one regime) with the metric defined, or for a contrast"
          + " M[R1] - M[R2] the pairs of runs of two regimes on one seed; those meeting --where are"
          + " the cases of interest. PRIM (Friedman and Fisher 1999: peeling and pasting with share"
          + " --alpha, boxes of at least --min-mass of the runs) gives a trajectory of boxes"
          + " trading coverage (share of the cases of interest inside) for density (share of the"
          + " box's runs of interest). The box reported is --box K, or by default the one with the"
          + " largest coverage among those with density >= --min-density (if none, the densest)."
          + " Each restricted bound gets a quasi-p-value (one-sided binomial test against the box"
          + " with that bound dropped, as EMA Workbench). A classification tree (CART, Gini, depth"
          + " <= 3) is grown on the same runs.",
      "",
      "Writes into SWEEP_DIR/discover/ (or --out): boxes.csv (every box: coverage, density, mass,"
          + " each parameter's bounds and quasi-p-values), trajectory.csv, tree.txt, summary.txt,"
          + " discover.png and discover.svg (and the figure's data, discover.csv); prints the result as one sentence. An existing folder"
          + " is kept unless --force."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim sweep scenarios/sweeps/discovery-lhs.yaml",
      "  ./govsim discover results/baseline/sweep-discovery-lhs --regime hybrid \\",
      "      --where \"compliance_rate < q0.2\"",
      "  ./govsim discover results/baseline/sweep-discovery-lhs --force \\",
      "      --where \"harm_total[hybrid] - harm_total[distributed] > 0\"",
      "",
      "Exit codes: 0 success, 2 bad input (not a sweep folder, unknown metric or regime, bad"
          + " --where, no run or every run of interest, output exists), 1 failure while writing."
    })
public final class DiscoverCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "SWEEP_DIR",
      description = "Output folder of a finished govsim sweep.")
  Path dir;

  @Option(
      names = "--where",
      paramLabel = "COND",
      required = true,
      description =
          "The cases of interest: METRIC OP VALUE, OP one of > >= < <=, VALUE a number or qP (the"
              + " P-quantile over the cases), e.g. \"harm_total > q0.9\"; METRIC may be a paired contrast of two"
              + " regimes, e.g. \"harm_total[hybrid] - harm_total[distributed] > 0\".")
  String where;

  @Option(
      names = "--metric",
      paramLabel = "M",
      description = "The metric (optional; must be the one --where names).")
  String metric;

  @Option(
      names = "--regime",
      paramLabel = "R",
      description = "Use the runs of this regime (required when the sweep" + " ran several).")
  String regime;

  @Option(
      names = "--box",
      paramLabel = "K",
      defaultValue = "-1",
      description = "Report box K of the trajectory (trajectory.csv) instead of the default rule.")
  int box;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.05",
      description = "PRIM's peeling and pasting share, in (0, 0.5) (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--min-mass",
      paramLabel = "M",
      defaultValue = "0.05",
      description =
          "Smallest share of the runs a box or tree leaf may hold, in (0, 1) (default: ${DEFAULT-VALUE}).")
  double minMass;

  @Option(
      names = "--min-density",
      paramLabel = "D",
      defaultValue = "0.8",
      description = "Density the default box rule asks for, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double minDensity;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Write here instead of SWEEP_DIR/discover/.")
  Path out;

  @Option(names = "--force", description = "Replace an existing output folder.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    try {
      if (!(alpha > 0 && alpha < 0.5))
        throw new Discovery.DiscoveryException("--alpha must be in (0, 0.5), got " + alpha);
      if (!(minMass > 0 && minMass < 1)) {
        throw new Discovery.DiscoveryException("--min-mass must be in (0, 1), got " + minMass);
      }
      if (!(minDensity > 0 && minDensity <= 1)) {
        throw new Discovery.DiscoveryException(
            "--min-density must be in (0, 1], got " + minDensity);
      }
      if (box < -1) throw new Discovery.DiscoveryException("--box must be 0 or more, got " + box);
      Discovery.Analysis a =
          Discovery.analyse(
              dir, new Discovery.Request(metric, where, regime, box, alpha, minMass, minDensity));
      Path target = out != null ? out : dir.resolve("discover");
      Discovery.write(a, target, force, staging -> DiscoverFigures.write(a, staging));
      o.println(a.summary());
      if (!a.left().isEmpty())
        o.println("  left out (not numeric): " + String.join(", ", a.left()));
      if (a.dropped() > 0)
        o.println("  " + a.dropped() + " run(s) left out: failed, or the metric undefined");
      o.println(
          "  boxes.csv, trajectory.csv, tree.txt, summary.txt, discover.png/.svg/.csv in "
              + target);
      o.flush();
      return 0;
    } catch (Discovery.DiscoveryException e) {
      err.println("govsim discover: " + e.getMessage());
      err.flush();
      return Main.BAD_INPUT;
    } catch (IOException | UncheckedIOException e) {
      err.println("govsim discover: cannot write the results: " + e.getMessage());
      err.flush();
      return Main.FAILURE;
    }
  }
}
