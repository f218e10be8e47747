package govsim.cli;

import govsim.experiment.checkpoint.Checkpoint;
import govsim.experiment.checkpoint.CheckpointedRun;
import govsim.observe.Num;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `govsim resume`: continue a run from its last checkpoint (`govsim run --checkpoint-every`). */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Continue a run from its last checkpoint.",
      "",
      "A run started with govsim run ... --checkpoint-every DAYS writes the whole state of the"
          + " simulation to <output folder>.checkpoint/checkpoint.govsim every DAYS simulated days."
          + " If the run is stopped (Ctrl-C, kill, a crash, a cluster's time limit), resume"
          + " continues it from there with the same settings, writing further checkpoints, and"
          + " writes the run's folder with the same bytes as an uninterrupted run (manifest.json's"
          + " command and times aside); a finished run has nothing to resume (exit 0). The"
          + " checkpoint must come from this govsim (version and commit); the"
          + " scenario file must be unchanged since the run started. The checkpoint folder is"
          + " removed when the run finishes."
    },
    footer = {
      "",
      "Examples:",
      "  ./govsim run scenarios/baseline.yaml --checkpoint-every 365 \\",
      "      --out results/long-run",
      "  ./govsim resume results/long-run",
      "  ./govsim resume results/long-run.checkpoint/checkpoint.govsim",
      "",
      "Exit codes: 0 success, 2 the checkpoint or the output folder was refused (the message says"
          + " why), 1 failure while running."
    })
final class ResumeCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "CHECKPOINT_OR_RUN_DIR",
      description =
          "The checkpoint file, its folder (<run folder>.checkpoint), or the run's output folder.")
  Path where;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Path file = locate(where);
    if (file == null) {
      Path dir = Checkpoint.folderOf(where);
      if (Files.isRegularFile(where.resolve("manifest.json"))) {
        // Like sweep --resume on a finished sweep: nothing to do is not an error.
        out.println(
            "govsim: the run in "
                + where
                + " is complete (a run's checkpoint is removed when it finishes); nothing to"
                + " resume");
        return 0;
      }
      err.println(
          "govsim: no checkpoint at "
              + where
              + (Files.isDirectory(where) ? " or in " + dir : "")
              + "; give the checkpoint.govsim that govsim run --checkpoint-every wrote, its"
              + " folder, or the run's output folder");
      return Main.BAD_INPUT;
    }
    Checkpoint.State state;
    try {
      Checkpoint.Header h = Checkpoint.header(file);
      if (!quiet) {
        out.println(
            "govsim: resuming "
                + h.scenario()
                + " (regime "
                + h.regime()
                + ", seed "
                + h.seed()
                + ") from "
                + Checkpoint.where(h)
                + ", checkpoint written "
                + h.writtenUtc());
        out.flush();
      }
      state = Checkpoint.read(file);
    } catch (Checkpoint.Unusable e) {
      err.println("govsim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    CheckpointedRun run = CheckpointedRun.resume(state);
    String changed = scenarioChanged(run.context());
    if (changed != null) {
      err.println("govsim: cannot resume " + file + ": " + changed);
      return Main.BAD_INPUT;
    }
    if (!quiet) {
      out.println(
          "govsim: continuing to day "
              + Num.format(run.spec().time().horizonDays())
              + " -> "
              + run.context().target());
      out.flush();
    }
    return CheckpointSession.execute(run, quiet ? null : out, err);
  }

  /** The checkpoint file meant by a file, checkpoint folder or run folder; null if none. */
  static Path locate(Path p) {
    if (Files.isRegularFile(p)) return p;
    if (Files.isRegularFile(p.resolve(Checkpoint.FILE))) return p.resolve(Checkpoint.FILE);
    Path beside = Checkpoint.folderOf(p).resolve(Checkpoint.FILE);
    return Files.isRegularFile(beside) ? beside : null;
  }

  /**
   * Why the run's scenario file no longer is the one the run started from, or null: a resume with a
   * changed file would write a manifest naming a file whose checksum no longer matches it. A file
   * that is gone is not a reason (the checkpoint holds the resolved scenario).
   */
  private static String scenarioChanged(Checkpoint.Context ctx) {
    Path f = Path.of(ctx.scenarioFile());
    if (!Files.isRegularFile(f) || ctx.scenarioSha256() == null) return null;
    try {
      byte[] bytes = Files.readAllBytes(f);
      String now =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      if (now.equals(ctx.scenarioSha256())) return null;
      return "the scenario file "
          + f
          + " changed since the run started (SHA-256 was "
          + ctx.scenarioSha256().substring(0, 12)
          + "..., now "
          + now.substring(0, 12)
          + "...); restore it, or start the run again with govsim run --force";
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return null;
    }
  }
}
