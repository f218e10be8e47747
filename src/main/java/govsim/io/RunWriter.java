package govsim.io;

import govsim.mechanism.RandomStreams;
import govsim.observe.Metrics;
import govsim.observe.Num;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import govsim.scenario.ScenarioYaml;
import govsim.world.Risk;
import govsim.world.WorldEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one run's folder (MODEL.md §7): timeseries.csv and events.csv streamed as the run goes,
 * then summary.csv, risks.csv (governance gap per risk), scenario.resolved.yaml and manifest.json.
 * Everything is staged in a hidden folder and moved into place only when the run has finished
 * ({@link OutputFolder}).
 */
public final class RunWriter implements RunListener, AutoCloseable {
  public static final List<String> EVENT_COLUMNS =
      List.of(
          "step", "day", "type", "firm", "community", "risk", "jurisdiction", "value", "detail");
  public static final List<String> RISK_COLUMNS =
      List.of(
          "risk",
          "initial",
          "emerged_day",
          "severity",
          "visibility",
          "knightian",
          "known",
          "active",
          "generation",
          "first_community_rule_day",
          "first_regulator_rule_day",
          "governance_gap_days",
          "effective_rule_day",
          "effective_governance_gap_days",
          // issue 13 items 1-2 (know)
          "hazard_per_firm_year",
          "hazard_multiplier",
          "first_community_strictness_error",
          "first_regulator_strictness_error",
          "first_community_cost_factor",
          "first_regulator_cost_factor",
          "control_cost",
          "governed_days",
          "control_cost_per_governed_year");

  private final OutputFolder folder;
  private final CsvTable timeseries;
  private final CsvTable events;

  /** The thread that formats and writes the streamed rows, if {@link #inBackground} set one. */
  private Background background;

  public RunWriter(OutputFolder folder, boolean writeTimeseries, boolean writeEvents) {
    this.folder = folder;
    this.timeseries =
        writeTimeseries ? new CsvTable(folder.file("timeseries.csv"), Metrics.STEP_NAMES) : null;
    this.events = writeEvents ? new CsvTable(folder.file("events.csv"), EVENT_COLUMNS) : null;
  }

  /**
   * A writer that continues a run resumed from a checkpoint: timeseries.csv and events.csv start
   * with the bytes they had when the checkpoint was written ({@link #partial}), null for a file the
   * run does not write, and the rows of the rest of the run are appended.
   */
  public RunWriter(OutputFolder folder, byte[] timeseriesSoFar, byte[] eventsSoFar) {
    this.folder = folder;
    try {
      if (timeseriesSoFar != null)
        java.nio.file.Files.write(folder.file("timeseries.csv"), timeseriesSoFar);
      if (eventsSoFar != null) java.nio.file.Files.write(folder.file("events.csv"), eventsSoFar);
    } catch (java.io.IOException e) {
      throw IoErrors.unchecked("cannot write " + folder.staging(), e);
    }
    this.timeseries =
        timeseriesSoFar == null
            ? null
            : CsvTable.continuing(folder.file("timeseries.csv"), Metrics.STEP_NAMES);
    this.events =
        eventsSoFar == null ? null : CsvTable.continuing(folder.file("events.csv"), EVENT_COLUMNS);
  }

  /**
   * This writer, formatting and writing the rows of timeseries.csv and events.csv on a thread of
   * its own from now on, so that the run's thread goes on stepping meanwhile: in a fresh JVM,
   * formatting the kernel run's 365 rows (71 numbers each, ten exact significant digits through
   * BigDecimal) cost about 45 ms of CPU and writing them through the CSV printer another 25-33 ms,
   * all of it on the stepping thread before. With a free core the rows are written as they come; on
   * a machine without one, what is left is written while the run's thread waits in {@link #close}.
   * The files are the same bytes (one thread writes each file, in the order the rows came); a
   * failure to write is thrown by the next {@link #row} or {@link #event}, or by {@link #finish} or
   * {@link #close}, which first wait until every row is written. Rows passed to {@link #row} must
   * not be changed afterwards (the recorder passes a fresh array each step).
   */
  public RunWriter inBackground() {
    if (background == null && (timeseries != null || events != null)) {
      background = new Background();
    }
    return this;
  }

  /**
   * The bytes written so far to timeseries.csv and events.csv (null for a file not written), after
   * writing out what is buffered: what a checkpoint keeps so that a resumed run's files are the
   * bytes of an uninterrupted one.
   */
  public byte[][] partial() {
    if (background != null) background.drain();
    try {
      byte[] t = null;
      byte[] e = null;
      if (timeseries != null) {
        timeseries.flush();
        t = java.nio.file.Files.readAllBytes(folder.file("timeseries.csv"));
      }
      if (events != null) {
        events.flush();
        e = java.nio.file.Files.readAllBytes(folder.file("events.csv"));
      }
      return new byte[][] {t, e};
    } catch (java.io.IOException x) {
      throw IoErrors.unchecked("cannot read " + folder.staging(), x);
    }
  }

  @Override
  public void row(double[] row) {
    if (timeseries == null) return;
    if (background != null) {
      background.submit(() -> timeseries.row(row));
    } else {
      timeseries.row(row);
    }
  }

  @Override
  public void event(WorldEvent e) {
    if (events == null) return;
    if (background != null) {
      background.submit(() -> writeEvent(e));
    } else {
      writeEvent(e);
    }
  }

  private void writeEvent(WorldEvent e) {
    events.row(
        List.of(
            Long.toString(e.step()),
            Num.format(e.day()),
            e.type().id(),
            id(e.firm()),
            id(e.community()),
            id(e.risk()),
            id(e.jurisdiction()),
            Num.format(e.value()),
            e.detail()));
  }

  private static String id(int x) {
    return x < 0 ? "" : Integer.toString(x);
  }

  /** Writes the end-of-run files and the manifest, then moves the folder into place. */
  public void finish(
      RunResult result,
      Map<String, Object> resolvedScenario,
      Map<String, Object> provenance,
      Instant started,
      double wallSeconds)
      throws OutputFolder.ExistsException {
    close();
    try (CsvTable summary = new CsvTable(folder.file("summary.csv"), summaryHeader())) {
      List<String> cells = new ArrayList<>();
      cells.add(result.spec().name());
      cells.add(result.spec().regime().yamlName());
      cells.add(Long.toString(result.spec().seed()));
      for (String m : Metrics.RUN_NAMES) cells.add(Num.format(result.summary().get(m)));
      summary.row(cells);
    }
    try (CsvTable risks = new CsvTable(folder.file("risks.csv"), RISK_COLUMNS)) {
      for (Risk r : result.world().risks) {
        double first = r.firstRuleDay();
        risks.row(
            List.of(
                Integer.toString(r.id),
                Boolean.toString(r.initial),
                Num.format(r.emergedDay),
                Num.format(r.severity),
                Num.format(r.visibility),
                Boolean.toString(r.knightian),
                Boolean.toString(r.known),
                Boolean.toString(r.active),
                Integer.toString(r.generation),
                Num.format(r.firstCommunityRuleDay),
                Num.format(r.firstRegulatorRuleDay),
                Num.format(first - r.emergedDay),
                Num.format(r.effectiveRuleDay),
                Num.format(r.effectiveRuleDay - r.emergedDay),
                Num.format(r.hazardPerDay * 365.0),
                Num.format(r.hazardMultiplier),
                Num.format(r.firstCommunityStrictnessError),
                Num.format(r.firstRegulatorStrictnessError),
                Num.format(r.firstCommunityCostFactor),
                Num.format(r.firstRegulatorCostFactor),
                Num.format(r.controlCost),
                Num.format(r.governedDays),
                Num.format(
                    r.governedDays > 0 ? r.controlCost / (r.governedDays / 365.0) : Double.NaN)));
      }
    }
    OutputFolder.writeAtomically(
        folder.file("scenario.resolved.yaml"),
        "# The fully resolved scenario of this run (defaults, preset and overrides applied).\n"
            + "# Run it again with: ./govsim run "
            + folder.target().resolve("scenario.resolved.yaml")
            + "\n"
            + ScenarioYaml.dump(resolvedScenario));
    BuildInfo build = BuildInfo.current();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("govsim_version", build.version());
    manifest.put("git_commit", build.commit());
    manifest.put("git_dirty", build.dirty());
    manifest.put("mason_version", build.mason());
    manifest.put("java_version", build.java());
    manifest.putAll(provenance);
    manifest.put("seed", result.spec().seed());
    manifest.put("random_streams", randomStreams());
    manifest.put("regime", result.spec().regime().yamlName());
    manifest.put("started_utc", started.toString());
    manifest.put("wall_seconds", wallSeconds);
    manifest.put("step_seconds", result.stepSeconds());
    manifest.put("steps", result.spec().time().steps());
    manifest.put("users", result.spec().users().count());
    manifest.put(
        "files",
        List.of(
            "timeseries.csv",
            "summary.csv",
            "events.csv",
            "risks.csv",
            "scenario.resolved.yaml",
            "manifest.json"));
    manifest.put("resolved_scenario", resolvedScenario);
    OutputFolder.writeAtomically(folder.file("manifest.json"), Json.pretty(manifest));
    folder.commit();
  }

  /** The random-stream scheme of every run (common random numbers per process), for manifests. */
  public static Map<String, Object> randomStreams() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scheme", RandomStreams.SCHEME);
    List<Map<String, String>> streams = new ArrayList<>();
    RandomStreams.descriptions()
        .forEach(
            (name, draws) -> {
              Map<String, String> stream = new LinkedHashMap<>();
              stream.put("name", name);
              stream.put("draws", draws);
              streams.add(stream);
            });
    m.put("streams", streams);
    return m;
  }

  public static List<String> summaryHeader() {
    List<String> header = new ArrayList<>(List.of("scenario", "regime", "seed"));
    header.addAll(Metrics.RUN_NAMES);
    return header;
  }

  /** Waits until every row is written (see {@link #inBackground}), then closes the files. */
  @Override
  public void close() {
    if (background != null) {
      Background b = background;
      background = null;
      try {
        b.drain();
      } finally {
        b.stop();
      }
    }
    if (timeseries != null) timeseries.close();
    if (events != null) events.close();
  }

  /** Removes the staged files after a failed run. */
  public void abandon() {
    if (background != null) {
      background.abandon();
      background = null;
    }
    try {
      close();
    } catch (RuntimeException ignored) {
      // The folder is removed anyway.
    }
    folder.abandon();
  }

  /**
   * One daemon thread that runs the writes in the order they were submitted; the first failure is
   * kept, later writes are skipped, and the run's thread gets it at its next call.
   */
  private static final class Background {
    private final java.util.concurrent.ExecutorService thread =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "govsim-writer");
              t.setDaemon(true);
              return t;
            });
    private volatile Throwable failure;

    void submit(Runnable write) {
      check();
      thread.execute(
          () -> {
            if (failure != null) return;
            try {
              write.run();
            } catch (RuntimeException | Error e) {
              failure = e;
            }
          });
    }

    /** Waits until every submitted write has run; throws the first failure. */
    void drain() {
      try {
        thread.submit(() -> {}).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing the run's files", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
      check();
    }

    private void check() {
      Throwable f = failure;
      if (f instanceof RuntimeException r) throw r;
      if (f instanceof Error e) throw e;
    }

    void stop() {
      thread.shutdown();
    }

    /** After a failure elsewhere: no more writes; waits briefly for the one under way. */
    void abandon() {
      failure = failure != null ? failure : new IllegalStateException("abandoned");
      thread.shutdownNow();
      try {
        thread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
