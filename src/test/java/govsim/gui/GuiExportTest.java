package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.Main;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 1 under a display: Scenario > Save scenario writes a minimal override file that
 * re-runs to the same bytes as the edited session, the movie export writes one PNG per frame and a
 * looping GIF without JMF, and a chart's data exports as the CSV that timeseries.csv holds.
 */
class GuiExportTest {
  @Test
  void savedScenarioMovieAndChartExports(@TempDir Path tmp) throws Exception {
    GuiTestSupport.assumeDisplay();
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Path out = tmp.resolve("probe");
    Files.createDirectories(out);
    GuiTestSupport.Child c =
        GuiTestSupport.java(
            Map.of(),
            GuiExportProbe.class.getName(),
            out.toString(),
            scenario.toString(),
            tmp.resolve("saved.yaml").toString());
    assertEquals(0, c.exit(), c.all());
    List<String> probe = Files.readAllLines(out.resolve("probe.txt"));
    assertEquals("saved ok", probe.get(0), c.all());
    assertEquals("movie ok", probe.get(1));

    // The saved file: extends the original (a sibling: by its file name), then the three edits.
    Path saved = tmp.resolve("saved.yaml");
    String text = Files.readString(saved);
    assertTrue(text.contains("\nextends: small.yaml\n"), text);
    assertTrue(text.contains("\nregime: distributed\n"), text);
    assertTrue(text.contains("\nseed: 9\n"), text);
    assertTrue(text.contains("\nusers:\n  switching_cost_mean: 0.5\n"), text);
    assertEquals(5, text.lines().filter(l -> !l.startsWith("#")).count(), "minimal: " + text);

    // Round trip: the saved file runs to the GUI's run, row for row and event for event ...
    ModelSpec spec = Scenarios.load(saved, List.of()).config();
    List<String> gui =
        GuiEquivalenceTest.runs(Files.readAllLines(out.resolve("gui-run.txt"))).get(0);
    assertEquals(GuiEquivalenceTest.recorded(spec), gui);
    // ... and govsim run of it writes the same bytes as govsim run of the original with the edits.
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(0, Main.execute("run", saved.toString(), "-o", a.toString(), "--quiet"));
    assertEquals(
        0,
        Main.execute(
            "run",
            scenario.toString(),
            "--set",
            "regime=distributed",
            "--set",
            "users.switching_cost_mean=0.5",
            "-s",
            "9",
            "-o",
            b.toString(),
            "--quiet"));
    for (String f : List.of("timeseries.csv", "summary.csv", "events.csv", "risks.csv")) {
      assertArrayEquals(Files.readAllBytes(b.resolve(f)), Files.readAllBytes(a.resolve(f)), f);
    }

    // The movie: the picture at the start and after each of the 120 steps.
    long steps = spec.time().steps();
    assertEquals("steps " + steps, probe.get(3));
    assertEquals("frames " + (steps + 1), probe.get(2));
    Path movie = out.resolve("movie");
    for (int i = 1; i <= steps + 1; i++) {
      Path png = movie.resolve(String.format("frame-%05d.png", i));
      BufferedImage img = ImageIO.read(png.toFile());
      assertTrue(img != null && img.getWidth() > 400, png.toString());
    }
    assertEquals(steps + 1, Files.list(movie).filter(p -> p.toString().endsWith(".png")).count());
    try (ImageInputStream in =
        ImageIO.createImageInputStream(movie.resolve("movie.gif").toFile())) {
      ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
      r.setInput(in);
      assertEquals(steps + 1, r.getNumImages(true), "one GIF frame per PNG");
      assertTrue(r.read(0).getWidth() <= FrameExport.GIF_WIDTH);
    }
    String gifHead =
        new String(Files.readAllBytes(movie.resolve("movie.gif")), 0, 6, StandardCharsets.US_ASCII);
    assertEquals("GIF89a", gifHead);
    assertTrue(
        Files.readString(movie.resolve("movie.gif"), StandardCharsets.ISO_8859_1)
            .contains("NETSCAPE2.0"),
        "loops");

    // The first chart (cumulative harm): its CSV is those columns of timeseries.csv.
    List<String> csv = Files.readAllLines(out.resolve("chart.csv"));
    assertEquals("day,harm_total_cum,harm_severe_cum,harm_malicious_cum", csv.get(0));
    List<String> ts = Files.readAllLines(a.resolve("timeseries.csv"));
    List<String> header = List.of(ts.get(0).split(","));
    List<String> expected = new ArrayList<>();
    expected.add(csv.get(0));
    for (String line : ts.subList(1, ts.size())) {
      String[] cells = line.split(",", -1);
      StringBuilder sb = new StringBuilder(cells[header.indexOf("day")]);
      for (String m : List.of("harm_total_cum", "harm_severe_cum", "harm_malicious_cum")) {
        sb.append(',').append(cells[header.indexOf(m)]);
      }
      expected.add(sb.toString());
    }
    assertEquals(expected, csv);
    assertTrue(Files.readString(out.resolve("chart.svg")).contains("<svg"), "an SVG document");
    assertTrue(Files.readString(out.resolve("chart.svg")).contains("Harm (cumulative)"));
    assertTrue(ImageIO.read(out.resolve("chart.png").toFile()).getWidth() >= 2 * 200);
    assertEquals("harm-cumulative", Files.readString(out.resolve("chart-name.txt")));
  }
}
