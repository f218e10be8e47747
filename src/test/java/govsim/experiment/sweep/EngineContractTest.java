package govsim.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import govsim.experiment.batch.ModelRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What every engine may do, and what the driver guarantees whatever it does (issue 7): an engine
 * that delivers runs out of order and twice (as retried or speculative Spark tasks may) gives the
 * same bytes as the local engine; one that loses runs fails the session, and a resume runs exactly
 * those. The work an engine ships to other machines survives serialization bit for bit. Without the
 * Spark build, {@code --engine spark} says how to get it, with exit code 2.
 */
class EngineContractTest {
  @TempDir Path tmp;

  /** Executes the runs locally, then hands them over in reverse order, each twice. */
  static final class Duplicating implements SweepEngine {
    int delivered;

    @Override
    public void execute(SweepWork work, List<Integer> runs, RecordSink sink) throws IOException {
      List<RunRecord> records = new ArrayList<>();
      for (int r : runs) records.add(work.execute(r, ModelRunner.SINGLE_RUN));
      Collections.reverse(records);
      for (RunRecord rec : records) {
        sink.accept(rec);
        sink.accept(rec);
        delivered += 2;
      }
    }

    @Override
    public String label() {
      return "a duplicating engine";
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("engine", "duplicating");
    }
  }

  /** Executes only the runs with even ids: a lost executor's runs never come back. */
  static final class Losing implements SweepEngine {
    @Override
    public void execute(SweepWork work, List<Integer> runs, RecordSink sink) throws IOException {
      for (int r : runs) if (r % 2 == 0) sink.accept(work.execute(r, ModelRunner.SINGLE_RUN));
    }

    @Override
    public String label() {
      return "a losing engine";
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("engine", "losing");
    }
  }

  static SweepFixtures.Run execute(Path sweep, Path out, SweepEngine engine, String... flags) {
    List<String> f = List.of(flags);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    SweepExecution.Status s =
        SweepExecution.execute(
            new SweepExecution.Request(
                sweep,
                out,
                1,
                f.contains("--resume"),
                false,
                false,
                false,
                true,
                false,
                List.of("test")),
            new PrintWriter(o, true),
            new PrintWriter(e, true),
            engine);
    return new SweepFixtures.Run(s, o.toString(), e.toString());
  }

  @Test
  void duplicatedAndReorderedRecordsGiveTheSameBytes() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path local = tmp.resolve("local");
    assertEquals(
        SweepExecution.Status.OK,
        SweepFixtures.execute(sweep, local, 2, ModelRunner.SINGLE_RUN).status());
    Duplicating engine = new Duplicating();
    SweepFixtures.Run r = execute(sweep, tmp.resolve("dup"), engine);
    assertEquals(SweepExecution.Status.OK, r.status(), r.err());
    assertEquals(32, engine.delivered);
    SweepRunnerTest.assertSameResults(tmp.resolve("dup"), local);
    assertEquals(17, Files.readAllLines(tmp.resolve("dup/runs.csv")).size(), "one row per run");
    assertTrue(
        Files.readString(tmp.resolve("dup/manifest.json")).contains("\"engine\": \"duplicating\""));
  }

  @Test
  void lostRunsFailTheSessionAndAResumeRunsExactlyThem() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    SweepFixtures.Run lost = execute(sweep, out, new Losing());
    assertEquals(SweepExecution.Status.FAILURE, lost.status());
    assertTrue(lost.err().contains("8 runs are missing after the session"), lost.err());
    assertFalse(Files.exists(out.resolve("runs.csv")));
    SweepFixtures.Run resumed =
        SweepFixtures.execute(sweep, out, 2, ModelRunner.SINGLE_RUN, "--resume");
    assertEquals(SweepExecution.Status.OK, resumed.status(), resumed.err());
    assertTrue(
        resumed.err().contains("resuming: 8 of 16 runs already done; running 8"), resumed.err());
    Path local = tmp.resolve("local");
    SweepFixtures.execute(sweep, local, 2, ModelRunner.SINGLE_RUN);
    SweepRunnerTest.assertSameResults(out, local);
  }

  @Test
  void theWorkSurvivesSerializationBitForBit() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    SweepWork work = new SweepRunner(SweepFixtures.plan(sweep), ModelRunner.SINGLE_RUN).work();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(work);
    }
    SweepWork copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (SweepWork) in.readObject();
    }
    assertTrue(bytes.size() < 200_000, "the broadcast stays small: " + bytes.size() + " bytes");
    for (int run : new int[] {0, 7, 15}) {
      RunRecord a = work.execute(run, ModelRunner.SINGLE_RUN);
      RunRecord b = RunRecord.decode(copy.execute(run, ModelRunner.SINGLE_RUN).encode());
      assertTrue(a.ok() && b.ok(), a.error() + b.error());
      assertEquals(a.seed(), b.seed());
      assertArrayEquals(a.summary(), b.summary());
      assertEquals(a.rows().size(), b.rows().size());
      for (int i = 0; i < a.rows().size(); i++) assertArrayEquals(a.rows().get(i), b.rows().get(i));
    }
  }

  @Test
  void withoutTheSparkBuildTheSparkEngineSaysHowToGetIt() throws Exception {
    assumeFalse(
        SparkBridge.available(), "this build has the Spark engine (the -Pspark build tests it)");
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new govsim.cli.SweepCommand());
    cl.setErr(new PrintWriter(err, true));
    int code =
        cl.execute(sweep.toString(), "--out", out.toString(), "--engine", "spark", "--quiet");
    assertEquals(2, code, err.toString());
    assertTrue(
        err.toString().contains("the Spark engine is not in this build of govsim")
            && err.toString().contains("mvn -Pspark")
            && err.toString().contains("docs/cluster.md"),
        err.toString());
    assertFalse(err.toString().contains("Exception"), "no stack trace: " + err);
    assertFalse(Files.exists(out.resolve("runs.csv")));
  }

  @Test
  void badEngineMasterAndShardOptionsAreRefusedWithExitCode2() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    String[][] cases = {
      {"--engine", "yarn"}, {"--master", "local[2]"}, {"--shard", "5/4"}, {"--shard", "two"}
    };
    String[] expected = {
      "--engine must be local or spark",
      "--master is the Spark master URL",
      "the shard must be in [1, 4]",
      "expected a shard as i/N"
    };
    for (int i = 0; i < cases.length; i++) {
      StringWriter err = new StringWriter();
      CommandLine cl = new CommandLine(new govsim.cli.SweepCommand());
      cl.setErr(new PrintWriter(err, true));
      List<String> args =
          new ArrayList<>(List.of(sweep.toString(), "--out", tmp.resolve("o" + i).toString()));
      args.addAll(List.of(cases[i]));
      assertEquals(2, cl.execute(args.toArray(String[]::new)), err.toString());
      assertTrue(err.toString().contains(expected[i]), err.toString());
      assertFalse(Files.exists(tmp.resolve("o" + i)));
    }
  }

  @Test
  void mergeCommandExitCodes() throws Exception {
    Path sweep = SweepFixtures.write(tmp, SweepFixtures.GRID);
    List<String> dirs = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      Path d = tmp.resolve("shard-" + i);
      CommandLine cl = new CommandLine(new govsim.cli.SweepCommand());
      assertEquals(
          0,
          cl.execute(
              sweep.toString(),
              "--shard",
              i + "/2",
              "--out",
              d.toString(),
              "--quiet",
              "--threads",
              "1"));
      dirs.add(d.toString());
    }
    StringWriter err = new StringWriter();
    CommandLine missing = new CommandLine(new govsim.cli.MergeCommand());
    missing.setErr(new PrintWriter(err, true));
    assertEquals(2, missing.execute(dirs.get(0), "--out", tmp.resolve("m").toString()));
    assertTrue(
        err.toString().contains("govsim merge: cannot merge: shard 2/2 is missing"),
        err.toString());

    StringWriter out = new StringWriter();
    CommandLine ok = new CommandLine(new govsim.cli.MergeCommand());
    ok.setOut(new PrintWriter(out, true));
    assertEquals(0, ok.execute(dirs.get(1), dirs.get(0), "--out", tmp.resolve("m").toString()));
    assertTrue(
        out.toString()
            .contains("govsim merge: 2 shards, 16 runs (0 failed) -> " + tmp.resolve("m")),
        out.toString());
    Path local = tmp.resolve("local");
    SweepFixtures.execute(sweep, local, 2, ModelRunner.SINGLE_RUN);
    SweepRunnerTest.assertSameResults(tmp.resolve("m"), local);
  }
}
