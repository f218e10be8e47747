package govsim.experiment.sweep;

import govsim.experiment.TinyWorld;
import govsim.experiment.batch.ModelRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny sweeps for the tests: a 1,500-user, 60-day world, a 2 x 2 grid, 2 seeds, 2 regimes. */
final class SweepFixtures {
  private SweepFixtures() {}

  static final String GRID =
      """
      base: tiny.yaml
      design: grid
      parameters:
        users.switching_cost_mean: [0.01, 0.5]
        rulemaking.legislative_lag_days: {min: 30, max: 400, levels: 2}
      replications: 2
      regimes: [centralized, hybrid]
      seed: 9
      metrics: [harm_total, compliance_rate, governance_gap_days_mean]
      record_every_steps: 20
      """;

  /** Writes tiny.yaml and the sweep text (as sweep.yaml) into dir; returns the sweep file. */
  static Path write(Path dir, String sweepText) throws IOException {
    Files.createDirectories(dir);
    TinyWorld.scenario(dir, "tiny.yaml", 1500, 60);
    Path f = dir.resolve("sweep.yaml");
    Files.writeString(f, sweepText);
    return f;
  }

  /** Loads and plans a sweep file. */
  static SweepPlan plan(Path sweepFile) throws Exception {
    return SweepPlan.of(SweepFile.load(sweepFile));
  }

  /** Result of one invocation, with what it printed. */
  record Run(SweepExecution.Status status, String out, String err) {}

  /** Runs {@code govsim sweep} in-process with the given flags and model runner. */
  static Run execute(Path sweepFile, Path out, int threads, ModelRunner model, String... flags) {
    List<String> f = List.of(flags);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    SweepExecution.Status s =
        SweepExecution.execute(
            new SweepExecution.Request(
                sweepFile,
                out,
                threads,
                f.contains("--resume"),
                f.contains("--retry-failed"),
                f.contains("--dry-run"),
                f.contains("--force"),
                true,
                false,
                List.of("test")),
            new PrintWriter(o, true),
            new PrintWriter(e, true),
            model);
    return new Run(s, o.toString(), e.toString());
  }

  /** The output files compared byte for byte (manifest.json: without its session block). */
  static List<String> deterministicFiles() {
    return List.of(
        "runs.csv",
        "timeseries.csv.gz",
        "runs.parquet",
        "timeseries.parquet",
        "aggregate.csv",
        "experiments.csv",
        "outcomes.csv",
        "ema_results.tar.gz");
  }
}
