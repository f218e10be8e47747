package govsim.experiment.sweep;

import govsim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code govsim merge}: combines the folders of the N shards of a sweep ({@code govsim sweep
 * --shard i/N}, one per HPC array task) into the folder of the whole sweep, with output files
 * byte-identical to those of an unsharded sweep.
 *
 * <p>How: every shard folder's state is checked first, and the merge is refused, naming the folders
 * concerned, if they are not exactly the N shards of one sweep: a folder that is not a shard,
 * different sweep or scenario files (SHA-256), another govsim build, another plan (runs, seeds),
 * different shard counts, two folders holding the same shard, a missing or incomplete shard. The
 * sweep file is then loaded again and must still be the one the shards ran. Then each run's record
 * is copied, in run order, from its shard's journal (read-only: the shards are left as they are)
 * into the new folder's journal, and the outputs are written from it by {@link SweepOutputs}, the
 * code that writes an unsharded sweep. The new folder is a complete sweep folder like any other:
 * {@code govsim sweep --retry-failed --out DIR} reruns its failed runs.
 */
public final class SweepMerge {
  private SweepMerge() {}

  /**
   * What to merge.
   *
   * @param shards the shard folders, in any order
   * @param out the output folder, or null for the sweep's default ({@code
   *     results/<scenario>/sweep-<name>/})
   * @param sweepFile the sweep file, or null for the one the shards recorded (a path relative to
   *     the folder they ran in)
   * @param force replace what the output folder holds
   * @param command the command line, for the manifest
   * @param extendsAnywhere let the base scenario's extends leave its default scope
   */
  public record Options(
      List<Path> shards,
      Path out,
      Path sweepFile,
      boolean force,
      List<String> command,
      boolean extendsAnywhere) {
    public Options {
      shards = List.copyOf(shards);
      command = List.copyOf(command);
    }

    /** Options whose base scenario's extends stay in the default scope. */
    public Options(
        List<Path> shards, Path out, Path sweepFile, boolean force, List<String> command) {
      this(shards, out, sweepFile, force, command, false);
    }
  }

  /**
   * What a merge wrote.
   *
   * @param folder the output folder
   * @param runs runs of the sweep
   * @param failed runs recorded as failed (rerun them with --retry-failed on the folder)
   * @param wallSeconds wall time of the merge
   */
  public record Result(Path folder, int runs, int failed, double wallSeconds) {}

  /** One shard folder and its state. */
  private record ShardFolder(Path dir, SweepState state) {}

  /**
   * Merges the shards.
   *
   * @param o what to merge
   * @param log where to say what happens
   * @throws SweepRunner.Refused if the folders are not the complete shards of one sweep, the sweep
   *     file changed, or the output folder holds something (without force); the message says which
   *     folders and why
   * @throws ScenarioException if the sweep file is no longer valid
   * @throws IOException if a journal cannot be read or the output folder written
   */
  public static Result merge(Options o, PrintWriter log)
      throws SweepRunner.Refused, ScenarioException, IOException {
    long t0 = System.nanoTime();
    if (o.shards().isEmpty())
      throw new SweepRunner.Refused("give the folders of the shards to merge");
    List<ShardFolder> shards = readShards(o.shards());
    ShardFolder first = shards.get(0);
    for (ShardFolder s : shards.subList(1, shards.size())) {
      String why = differs(first, s);
      if (why != null) throw new SweepRunner.Refused("cannot merge: " + why);
    }
    int count = first.state().shards;
    ShardFolder[] byIndex = new ShardFolder[count + 1];
    for (ShardFolder s : shards) {
      ShardFolder other = byIndex[s.state().shard];
      if (other != null) {
        throw new SweepRunner.Refused(
            "cannot merge: "
                + other.dir()
                + " and "
                + s.dir()
                + " both hold shard "
                + s.state().shard
                + "/"
                + count
                + " (overlapping shards)");
      }
      byIndex[s.state().shard] = s;
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= count; i++) if (byIndex[i] == null) missing.add(i + "/" + count);
    if (!missing.isEmpty()) {
      throw new SweepRunner.Refused(
          "cannot merge: "
              + (missing.size() == 1 ? "shard " : "shards ")
              + abbreviate(missing)
              + (missing.size() == 1 ? " is" : " are")
              + " missing (given "
              + shards.size()
              + " of "
              + count
              + "); pass the folders of all "
              + count
              + " shards");
    }

    Path sweepFile =
        o.sweepFile() != null ? o.sweepFile() : Path.of(first.state().inputFiles.get(0));
    if (!Files.isRegularFile(sweepFile)) {
      throw new SweepRunner.Refused(
          "the shards were run from the sweep file "
              + sweepFile
              + ", which is not found"
              + (o.sweepFile() != null
                  ? ""
                  : " from here: run govsim merge in the folder the shards ran in, or give the"
                      + " sweep file with --sweep FILE"));
    }
    SweepPlan plan = SweepPlan.of(SweepFile.load(sweepFile, o.extendsAnywhere()));
    SweepState current = SweepState.fresh(plan, Instant.now().toString(), null);
    String why = first.state().inputsMismatch(current);
    if (why != null) {
      throw new SweepRunner.Refused(
          "cannot merge the shards of "
              + sweepFile
              + ": "
              + why
              + ". Run the shards"
              + " again with this sweep and govsim (--force)");
    }
    for (int i = 1; i <= count; i++) {
      ShardFolder s = byIndex[i];
      if (!s.state().complete) {
        throw new SweepRunner.Refused(
            "cannot merge: shard "
                + i
                + "/"
                + count
                + " in "
                + s.dir()
                + " is incomplete ("
                + doneRuns(s, plan)
                + " of "
                + new Shard(i, count).size(plan.runs())
                + " runs done); finish it with:"
                + " govsim sweep "
                + sweepFile
                + " --shard "
                + i
                + "/"
                + count
                + " --out "
                + s.dir()
                + " --resume");
      }
    }

    Path folder =
        o.out() != null
            ? o.out()
            : new SweepRunner(plan, govsim.experiment.batch.ModelRunner.SINGLE_RUN).defaultFolder();
    Path target = folder.toAbsolutePath().normalize();
    for (ShardFolder s : shards) {
      Path shard = s.dir().toRealPath();
      Path real = Files.exists(folder) ? folder.toRealPath() : target;
      if (shard.startsWith(real) || real.startsWith(shard)) {
        throw new SweepRunner.Refused(
            "the output folder "
                + folder
                + (shard.equals(real)
                    ? " is the shard folder "
                    : shard.startsWith(real)
                        ? " contains the shard folder "
                        : " is inside the shard folder ")
                + s.dir()
                + "; choose another --out DIR");
      }
    }
    return write(o, log, plan, byIndex, count, folder, t0);
  }

  private static Result write(
      Options o,
      PrintWriter log,
      SweepPlan plan,
      ShardFolder[] byIndex,
      int count,
      Path folder,
      long t0)
      throws SweepRunner.Refused, IOException {
    Path work = folder.resolve(SweepRunner.WORK);
    Path stateFile = work.resolve("state.json");
    SweepRunner.guard(folder, o.force());
    if (!o.force() && Files.exists(stateFile)) {
      throw new SweepRunner.Refused(
          "output folder "
              + folder
              + " already holds a sweep; use --force to replace it,"
              + " or --out DIR");
    }
    if (!o.force() && SweepRunner.hasOtherFiles(folder)) {
      throw new SweepRunner.Refused(
          "output folder "
              + folder
              + " exists and is not empty; use --force to replace"
              + " its contents, or --out DIR");
    }
    Files.createDirectories(work);
    try (SweepLock lock = SweepLock.tryAcquire(work.resolve("lock"))) {
      if (lock == null) {
        throw new SweepRunner.Refused(
            "another govsim sweep is writing " + folder + "; wait for it, or use --out DIR");
      }
      SweepRunner.wipe(folder);
      String started = earliestStart(byIndex);
      SweepState state = SweepState.fresh(plan, started, null);
      state.sessions = 1;
      state.write(stateFile);
      Path journalFile = work.resolve("journal");
      int failed;
      try (RunJournal out = RunJournal.open(journalFile, plan.runs())) {
        copyRecords(plan, byIndex, count, out);
        failed = out.failures();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("command", o.command());
        s.put("engine", "merge");
        List<String> from = new ArrayList<>();
        for (int i = 1; i <= count; i++) from.add(byIndex[i].dir().toString());
        s.put("merged_from", from);
        s.put("shards", count);
        s.put("started_utc", started);
        s.put("finished_utc", Instant.now().toString());
        s.put("this_session_wall_seconds", (System.nanoTime() - t0) / 1e9);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("session", s);
        new SweepOutputs(plan, out, folder).writeAll(session);
      }
      state.complete = true;
      state.runsFailed = failed;
      state.write(stateFile);
      if (failed == 0) Files.deleteIfExists(journalFile);
      log.printf(
          Locale.ROOT,
          "govsim merge: %d shards, %d runs (%d failed) -> %s%n",
          count,
          plan.runs(),
          failed,
          folder);
      log.flush();
      return new Result(folder, plan.runs(), failed, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Copies every run's latest record from its shard's journal, in run order. */
  private static void copyRecords(SweepPlan plan, ShardFolder[] byIndex, int count, RunJournal out)
      throws IOException, SweepRunner.Refused {
    RunJournal[] in = new RunJournal[count + 1];
    try {
      for (int i = 1; i <= count; i++) {
        Path dir = byIndex[i].dir();
        Path file = dir.resolve(SweepRunner.WORK).resolve("journal");
        if (!Files.isRegularFile(file)) {
          throw new SweepRunner.Refused(
              "shard "
                  + i
                  + "/"
                  + count
                  + " in "
                  + dir
                  + " has no journal (.sweep/journal):"
                  + " its runs are lost; run it again with --force");
        }
        in[i] = RunJournal.openReadOnly(file, plan.runs());
        int expected = new Shard(i, count).size(plan.runs());
        if (in[i].truncatedBytes() > 0 || in[i].done() != expected) {
          throw new SweepRunner.Refused(
              "the journal of shard "
                  + i
                  + "/"
                  + count
                  + " in "
                  + dir
                  + " is damaged ("
                  + in[i].done()
                  + " runs recorded, "
                  + expected
                  + " expected"
                  + (in[i].truncatedBytes() > 0
                      ? ", " + in[i].truncatedBytes() + " bytes of an incomplete record"
                      : "")
                  + "); finish it with --resume"
                  + " or run it again with --force");
        }
      }
      for (int r = 0; r < plan.runs(); r++) {
        int i = r % count + 1;
        if (!in[i].isDone(r)) {
          throw new SweepRunner.Refused(
              "shard "
                  + i
                  + "/"
                  + count
                  + " in "
                  + byIndex[i].dir()
                  + " has no record of"
                  + " run "
                  + r
                  + ", which belongs to it: the folder holds runs of another shard assignment");
        }
        RunRecord rec = in[i].read(r);
        if (rec.seed() != plan.run(r).seed()) {
          throw new SweepRunner.Refused(
              "run "
                  + r
                  + " in "
                  + byIndex[i].dir()
                  + " has seed "
                  + rec.seed()
                  + ", the sweep's is "
                  + plan.run(r).seed()
                  + ": the shard belongs to another sweep");
        }
        out.append(rec);
      }
    } finally {
      for (RunJournal j : in) if (j != null) j.close();
    }
  }

  private static List<ShardFolder> readShards(List<Path> dirs)
      throws SweepRunner.Refused, IOException {
    List<ShardFolder> out = new ArrayList<>();
    List<Path> seen = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) throw new SweepRunner.Refused(dir + " is not a folder");
      Path real = dir.toRealPath();
      if (seen.contains(real)) throw new SweepRunner.Refused(dir + " is given twice");
      seen.add(real);
      Path stateFile = dir.resolve(SweepRunner.WORK).resolve("state.json");
      if (!Files.isRegularFile(stateFile)) {
        throw new SweepRunner.Refused(
            dir
                + " is not a shard folder: it has no "
                + SweepRunner.WORK
                + "/state.json"
                + " (shard folders are written by govsim sweep SWEEP --shard i/N)");
      }
      SweepState state;
      try {
        state = SweepState.read(stateFile);
      } catch (SweepState.Damaged e) {
        throw new SweepRunner.Refused(
            "the shard's state file "
                + stateFile
                + " is damaged ("
                + e.getMessage()
                + ");"
                + " run that shard again with govsim sweep SWEEP --shard i/N --force");
      }
      if (state.shards == 0) {
        throw new SweepRunner.Refused(
            dir
                + " holds a whole sweep (run without --shard), not a shard: there is"
                + " nothing to merge");
      }
      if (state.format != SweepState.FORMAT) {
        throw new SweepRunner.Refused(
            dir
                + " was written by a govsim with another sweep-folder layout (format "
                + state.format
                + ")");
      }
      out.add(new ShardFolder(dir, state));
    }
    return out;
  }

  /** Why two shard folders cannot be shards of one sweep, or null. */
  private static String differs(ShardFolder a, ShardFolder b) {
    SweepState x = a.state();
    SweepState y = b.state();
    String pair = a.dir() + " (" + x.what() + ") and " + b.dir() + " (" + y.what() + ")";
    if (!x.inputSha256.isEmpty()
        && !y.inputSha256.isEmpty()
        && !x.inputSha256.get(0).equals(y.inputSha256.get(0))) {
      return pair
          + " were run from different sweep files ("
          + x.inputFiles.get(0)
          + ", SHA-256 "
          + x.inputSha256.get(0).substring(0, 12)
          + "...; "
          + y.inputFiles.get(0)
          + ", SHA-256 "
          + y.inputSha256.get(0).substring(0, 12)
          + "...)";
    }
    if (!x.inputSha256.equals(y.inputSha256)) {
      return pair
          + " were run with different scenario files ("
          + x.inputFiles
          + " vs "
          + y.inputFiles
          + ")";
    }
    if (!Objects.equals(x.govsimVersion, y.govsimVersion)
        || !Objects.equals(x.gitCommit, y.gitCommit)) {
      return pair
          + " were run by different govsim builds (version "
          + x.govsimVersion
          + ", commit "
          + x.gitCommit
          + "; version "
          + y.govsimVersion
          + ", commit "
          + y.gitCommit
          + ")";
    }
    if (x.runs != y.runs || !Objects.equals(x.planSha256, y.planSha256)) {
      return pair + " plan different runs or seeds (" + x.runs + " and " + y.runs + " runs)";
    }
    if (x.shards != y.shards) {
      return pair
          + " split the sweep into different numbers of shards ("
          + x.shards
          + " and "
          + y.shards
          + ")";
    }
    return null;
  }

  private static int doneRuns(ShardFolder s, SweepPlan plan) throws IOException {
    Path file = s.dir().resolve(SweepRunner.WORK).resolve("journal");
    if (!Files.isRegularFile(file)) return 0;
    try (RunJournal j = RunJournal.openReadOnly(file, plan.runs())) {
      return j.done();
    }
  }

  private static String earliestStart(ShardFolder[] byIndex) {
    String min = null;
    for (ShardFolder s : byIndex) {
      if (s == null || s.state().startedUtc == null) continue;
      if (min == null || s.state().startedUtc.compareTo(min) < 0) min = s.state().startedUtc;
    }
    return min == null ? Instant.now().toString() : min;
  }

  /** "1/8, 3/8" or, past ten, the first ten and how many more. */
  private static String abbreviate(List<String> items) {
    if (items.size() <= 10) return String.join(", ", items);
    return String.join(", ", items.subList(0, 10)) + " and " + (items.size() - 10) + " more";
  }
}
