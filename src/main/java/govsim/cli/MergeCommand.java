package govsim.cli;

import govsim.experiment.sweep.SweepMerge;
import govsim.experiment.sweep.SweepRunner;
import govsim.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code govsim merge}: combines the shard folders of a sweep run as an HPC job array ({@code
 * govsim sweep --shard i/N}) into the sweep's outputs. Parses options and maps the outcome of
 * {@link SweepMerge} to an exit code.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Combine the shards of a sweep into the sweep's outputs.",
      "",
      "Takes the folders written by govsim sweep SWEEP --shard i/N for i = 1..N (one per task of"
          + " an HPC job array) and writes the sweep's outputs, the same bytes as an unsharded"
          + " sweep: runs.csv, aggregate.csv, ... (see govsim sweep --help). Refuses, saying which"
          + " folders and why, shards of different sweeps (sweep or scenario files, govsim build,"
          + " runs and seeds, number of shards), overlapping, missing or incomplete shards. Run it"
          + " in the folder the shards ran in (their sweep file is read again), or give the sweep"
          + " file with --sweep. See docs/cluster.md."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim merge results/baseline/sweep-switching-x-lag-shard-*-of-8",
      "  ./govsim merge shards/1 shards/2 shards/3 --out results/my-sweep",
      "",
      "Exit codes: 0 success, 2 the shards cannot be merged (nothing written), 1 failure while"
          + " writing, 3 some runs failed (recorded in runs.csv; govsim sweep SWEEP --retry-failed"
          + " --out DIR reruns them)."
    })
public final class MergeCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "The shard folders (all N of them, any order).")
  List<Path> shards = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder (default: results/<scenario>/sweep-<name>/).")
  Path out;

  @Option(
      names = "--sweep",
      paramLabel = "FILE",
      description = "The sweep file, if not where the shards recorded it.")
  Path sweepFile;

  @Option(
      names = "--no-report",
      description = "Do not write report.html and figures/ into the merged folder.")
  boolean noReport;

  @Option(
      names = "--allow-extends-outside",
      description =
          "Let the base scenario's extends: reach files outside its own folder and the project's scenarios/ folder.")
  boolean allowExtendsOutside;

  @Option(
      names = "--force",
      description =
          "Replace what the output folder holds (only a folder govsim wrote: a sweep or a govsim manifest.json).")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<String> command = new ArrayList<>();
    command.add("govsim");
    if (spec.commandLine().getParseResult() != null) {
      command.addAll(spec.commandLine().getParseResult().originalArgs());
    }
    var err = spec.commandLine().getErr();
    Interruption.process()
        .note(
            "the shard folders are unchanged; run the same govsim merge again, with --force if"
                + " it finds the output folder not empty");
    try {
      SweepMerge.Result r =
          SweepMerge.merge(
              new SweepMerge.Options(shards, out, sweepFile, force, command, allowExtendsOutside),
              spec.commandLine().getOut());
      if (!noReport) SweepCommand.writeReport(r.folder(), spec.commandLine().getOut(), err);
      if (r.failed() > 0) {
        err.println(
            "govsim: "
                + r.failed()
                + " of "
                + r.runs()
                + " runs failed (status and error in runs.csv);"
                + " rerun them with the same seeds: govsim sweep SWEEP --retry-failed --out "
                + r.folder());
        return SweepCommand.RUNS_FAILED;
      }
      return 0;
    } catch (SweepRunner.Refused e) {
      err.println("govsim merge: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (ScenarioException e) {
      err.println(e.format());
      return Main.BAD_INPUT;
    } catch (IOException e) {
      err.println(
          "govsim merge: failed while writing: "
              + govsim.io.IoErrors.describe(e)
              + "; "
              + govsim.io.IoErrors.advice(e, "the merged folder", null));
      return Main.FAILURE;
    }
  }
}
