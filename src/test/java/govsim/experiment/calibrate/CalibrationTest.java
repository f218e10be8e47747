package govsim.experiment.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.CliTest;
import govsim.cli.CliTest.Outcome;
import govsim.experiment.TinyWorld;
import govsim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target files, and {@code govsim calibrate} end to end on a small world. */
class CalibrationTest {
  @TempDir Path tmp;

  private Path targets(String text) throws Exception {
    Path f = tmp.resolve("t.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void aGoodTargetFileIsRead() throws Exception {
    Path f =
        targets(
            "description: test\ntargets:\n  - {metric: harm_total, value: 12.5, sd: 2, source: assumption}\n"
                + "  - metric: compliance_rate\n    value: 0.5\n    sd: 0.1\n");
    TargetFile.Loaded t = TargetFile.load(f);
    assertEquals(2, t.targets().targets().size());
    assertEquals("harm_total", t.targets().targets().get(0).metric());
    assertEquals(12.5, t.targets().targets().get(0).value());
    assertEquals(0.1, t.targets().targets().get(1).sd());
    assertEquals(64, t.sha256().length());
  }

  @Test
  void mistakesAreReportedAtTheirLines() throws Exception {
    Path f =
        targets(
            "targets:\n  - metric: harm_totl\n    value: 5\n    sd: 1\n  - metric: harm_severe\n    value: 1\n    sd: 0\n"
                + "  - metric: harm_severe\n    value: 2\n    sd: 1\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> TargetFile.load(f));
    String text = e.format();
    assertTrue(
        text.contains(
            f
                + ":2:13: targets[0].metric: unknown summary metric 'harm_totl'; did you mean 'harm_total'?"),
        text);
    assertTrue(text.contains(f + ":7:9: targets[1].sd: sd must be above 0"), text);
    assertTrue(
        text.contains(f + ":8:13: targets[2].metric: metric 'harm_severe' is a target twice"),
        text);
    // Types and unknown keys come from the scenario loader, with line and column.
    Path g = targets("targets:\n  - metric: harm_total\n    value: five\n    sd: 1\n    sdev: 2\n");
    String t2 = assertThrows(ScenarioException.class, () -> TargetFile.load(g)).format();
    assertTrue(t2.contains(g + ":3:12: targets[0].value"), t2);
    assertTrue(t2.contains(g + ":5:5: targets[0].sdev: unknown key 'sdev'"), t2);
    // A missing value is required.
    Path h = targets("targets:\n  - {metric: harm_total, sd: 1}\n");
    String t3 = assertThrows(ScenarioException.class, () -> TargetFile.load(h)).format();
    assertTrue(t3.contains("value"), t3);
    Path none = targets("targets: []\n");
    assertTrue(
        assertThrows(ScenarioException.class, () -> TargetFile.load(none))
            .format()
            .contains("no targets"));
  }

  @Test
  void calibrateRunsEndToEndOnASmallWorld() throws Exception {
    TinyWorld.scenario(tmp);
    Path sweep = tmp.resolve("s.yaml");
    Files.writeString(
        sweep,
        "base: tiny.yaml\nparameters:\n  users.switching_cost_mean: {min: 0.01, max: 1, log: true}\n"
            + "design: lhs\nsamples: 4\nseed: 3\n");
    Path t = targets("targets:\n  - {metric: switching_rate, value: 0.002, sd: 0.001}\n");
    Path out = tmp.resolve("cal");
    Outcome o =
        CliTest.exec(
            "calibrate",
            sweep.toString(),
            "--targets",
            t.toString(),
            "--particles",
            "6",
            "--generations",
            "1",
            "--threads",
            "2",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("posterior (generation 1, 6 particles"), o.out());
    for (String f :
        List.of(
            "posterior.csv",
            "summary.csv",
            "generations.csv",
            "simulations.csv",
            "manifest.json",
            "pairs.png",
            "pairs.svg",
            "pairs.csv")) assertTrue(Files.isRegularFile(out.resolve(f)), f);
    List<String> post = Files.readAllLines(out.resolve("posterior.csv"));
    assertEquals(
        "particle,weight,users.switching_cost_mean,switching_rate,distance,seed", post.get(0));
    assertEquals(7, post.size());
    List<String> gens = Files.readAllLines(out.resolve("generations.csv"));
    assertEquals("generation,tolerance,simulations,accepted,acceptance_rate,ess", gens.get(0));
    assertTrue(gens.get(1).startsWith("0,"), gens.get(1));
    assertTrue(gens.get(1).contains(",24,6,0.25,6"), gens.get(1)); // 4 x 6 prior draws, 6 kept
    // Every particle of the last generation lies within its tolerance.
    double tol = Double.parseDouble(gens.get(2).split(",")[1]);
    for (String row : post.subList(1, post.size())) {
      String[] c = row.split(",");
      assertTrue(Double.parseDouble(c[4]) <= tol, row);
    }
    // Same inputs, another thread count: the same posterior, byte for byte.
    Path out1 = tmp.resolve("cal1");
    Outcome o1 =
        CliTest.exec(
            "calibrate",
            sweep.toString(),
            "--targets",
            t.toString(),
            "--particles",
            "6",
            "--generations",
            "1",
            "--threads",
            "1",
            "--out",
            out1.toString(),
            "--quiet");
    assertEquals(0, o1.code(), o1.err());
    assertEquals(
        Files.readString(out.resolve("posterior.csv")),
        Files.readString(out1.resolve("posterior.csv")));
    // A list parameter is refused with the reason.
    Path list = tmp.resolve("l.yaml");
    Files.writeString(
        list, "base: tiny.yaml\nparameters:\n  users.switching_cost_mean: [0.1, 0.2]\n");
    Outcome bad = CliTest.exec("calibrate", list.toString(), "--targets", t.toString());
    assertEquals(2, bad.code());
    assertTrue(
        bad.err().contains("is a list of values; a calibration needs ranges {min, max}"),
        bad.err());
  }

  @Test
  void theShippedExamplesLoadAndEveryCornerOfTheirRangesIsAValidScenario() throws Exception {
    Path dir = Path.of("scenarios/calibration");
    for (String name : List.of("yuanbao", "eu-ai-act")) {
      Calibration c =
          Calibration.prepare(
              dir.resolve(name + "-sweep.yaml"),
              dir.resolve(name + "-targets.yaml"),
              100,
              3,
              null,
              0.5,
              null,
              null,
              false);
      assertEquals(2, c.parameters().size(), name);
      assertEquals(1, c.targets().size(), name);
      assertEquals(400, c.settings().samples());
      for (int corner = 0; corner < 4; corner++) {
        double[] v = new double[2];
        for (int j = 0; j < 2; j++) v[j] = c.parameters().get(j).value((corner >> j) & 1);
        c.spec(v, 1); // throws if the combination is invalid
      }
    }
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of(
              "eu-ai-act-sweep.yaml",
              "eu-ai-act-targets.yaml",
              "yuanbao-sweep.yaml",
              "yuanbao-targets.yaml"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }
}
