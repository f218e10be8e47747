package govsim.cli;

import govsim.experiment.Deadline;
import govsim.experiment.checkpoint.Checkpoint;
import govsim.experiment.checkpoint.CheckpointedRun;
import govsim.io.FileTrees;
import govsim.io.OutputFolder;
import govsim.io.RunWriter;
import govsim.observe.Num;
import govsim.observe.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One session of a checkpointed run, fresh ({@code govsim run --checkpoint-every}) or resumed
 * ({@code govsim resume}): stage the run folder, step with checkpoints into {@code <run
 * folder>.checkpoint/checkpoint.govsim}, then write the results and move the folder into place as
 * {@code govsim run} does, and remove the checkpoint folder (the results supersede it). If the
 * process is stopped or killed, the staged folder goes (as for any run) and the last checkpoint
 * stays; {@code govsim resume} continues from it.
 */
final class CheckpointSession {
  private CheckpointSession() {}

  /**
   * Runs the session; returns the exit code.
   *
   * @param run the run to step (fresh or read from a checkpoint)
   * @param out where progress and the result go (null: quiet)
   * @param err errors
   */
  static int execute(CheckpointedRun run, PrintWriter out, PrintWriter err) throws Exception {
    long t0 = System.nanoTime();
    Checkpoint.Context ctx = run.context();
    Path target = ctx.target();
    Path dir = Checkpoint.folderOf(target);
    Path file = dir.resolve(Checkpoint.FILE);
    OutputFolder folder;
    try {
      Interruption.removeLeftovers(target);
      folder = OutputFolder.open(target, ctx.force());
    } catch (OutputFolder.ExistsException e) {
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (java.io.UncheckedIOException e) {
      err.println("govsim: " + e.getMessage());
      return Main.FAILURE;
    }
    Interruption stop = Interruption.process();
    stop.stage(folder);
    String again = "govsim resume " + target;
    stop.note(
        run.resumed()
            ? "the checkpoint of day "
                + Num.format(run.day())
                + " is kept in "
                + file
                + "; continue with: "
                + again
            : "nothing was written to "
                + target
                + " and no checkpoint was reached yet; run the command again");
    RunWriter writer =
        run.resumed()
            ? new RunWriter(folder, run.timeseriesSoFar(), run.eventsSoFar())
            : new RunWriter(
                folder, run.spec().outputs().timeseries(), run.spec().outputs().events());
    try {
      RunResult result =
          run.run(
              writer,
              file,
              (day, f) -> {
                stop.note(
                    "the checkpoint of day "
                        + Num.format(day)
                        + " is kept in "
                        + f
                        + "; continue with: "
                        + again);
                if (out != null) {
                  out.println("govsim: checkpoint of day " + Num.format(day) + " -> " + f);
                  out.flush();
                }
              },
              Deadline.NONE,
              false);
      stop.commit(
          folder,
          () -> {
            writer.finish(
                result,
                ctx.resolved(),
                ctx.provenance(),
                ctx.started(),
                (System.nanoTime() - t0) / 1e9);
            return null;
          },
          "the results in " + target + " are complete");
      removeCheckpoints(dir, err);
      if (out != null) Report.printRun(out, result, target);
      return 0;
    } catch (OutputFolder.ExistsException e) {
      writer.abandon();
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (Checkpoint.NotWritable e) {
      writer.abandon();
      stop.unstage(folder);
      err.println("govsim: " + e.getMessage());
      return Main.FAILURE;
    } catch (IOException e) {
      writer.abandon();
      stop.unstage(folder);
      err.println(
          "govsim: cannot write the checkpoint "
              + file
              + ": "
              + govsim.io.IoErrors.describe(e)
              + (Files.exists(file) ? " (the previous checkpoint is intact)" : ""));
      return Main.FAILURE;
    } catch (java.io.UncheckedIOException e) {
      writer.abandon();
      stop.unstage(folder);
      err.println("govsim: " + e.getMessage());
      return Main.FAILURE;
    } catch (Exception | Error e) {
      writer.abandon();
      stop.unstage(folder);
      throw e;
    }
  }

  /** The checkpoint folder of a finished run: its checkpoint and any temporary file of one. */
  private static void removeCheckpoints(Path dir, PrintWriter err) {
    try {
      if (Files.isDirectory(dir)) FileTrees.delete(dir);
    } catch (IOException e) {
      err.println(
          "govsim: the results are complete; the checkpoint folder "
              + dir
              + " could not be removed ("
              + e.getMessage()
              + "); delete it by hand");
    }
  }

  /** The context of a fresh checkpointed run. */
  static Checkpoint.Context context(
      java.util.Map<String, Object> resolved,
      java.util.Map<String, Object> provenance,
      Path target,
      boolean force,
      double everyDays,
      Instant started,
      String scenarioFile,
      String sha256) {
    return new Checkpoint.Context(
        resolved, provenance, target, force, everyDays, started, scenarioFile, sha256);
  }
}
