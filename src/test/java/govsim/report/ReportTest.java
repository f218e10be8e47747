package govsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code govsim report} on real folders (a run, a comparison, a grid sweep and a Sobol sweep of a
 * tiny world): the report is self-contained (no remote resources, no scripts), every figure is a
 * decodable, non-blank PNG and a well-formed SVG, the text carries the manifest's provenance and
 * says how intervals are computed, the input files are untouched, an existing report is kept unless
 * forced, the same folder gives the same bytes, and a wrong folder exits with 2 and a message,
 * never a stack trace.
 */
class ReportTest {
  @TempDir static Path tmp;

  static Path run;
  static Path comparison;
  static Path grid;
  static Path sobol;

  @BeforeAll
  static void folders() throws IOException {
    run = ReportFixtures.run(tmp);
    comparison = ReportFixtures.comparison(tmp);
    grid = ReportFixtures.gridSweep(tmp);
    sobol = ReportFixtures.sobolSweep(tmp);
  }

  /** Reports into a fresh folder (leaves the input folder alone for the other tests). */
  private static Path reportOf(Path folder, String name) {
    Path out = tmp.resolve("reports").resolve(name);
    ReportFixtures.Outcome o = ReportFixtures.report(folder.toString(), "--out", out.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("report.html"), o.out());
    return out;
  }

  @Test
  void runReportIsSelfContainedWithEveryFigureAsPngAndSvg() throws Exception {
    Path out = reportOf(run, "run");
    String html =
        checkReport(
            out,
            List.of("harm", "compliance", "trust", "hhi", "governance-gap", "capability"),
            1600,
            1000);
    JsonObject m = manifest(run);
    assertTrue(
        html.contains(m.get("scenario_sha256").getAsString()), "scenario hash in the report");
    assertTrue(html.contains(m.get("git_commit").getAsString()), "commit in the report");
    assertTrue(html.contains("Summary metrics") && html.contains("harm_total"), "summary table");
    assertTrue(html.contains("nothing here has an"), "says that a single run has no intervals");
    // The PNG's pHYs chunk: x and y pixels per metre, unit 1 (metre): 200 dpi, an 8 x 5 inch
    // figure.
    byte[] png = Files.readAllBytes(out.resolve("figures/harm.png"));
    int i = indexOf(png, "pHYs".getBytes(StandardCharsets.US_ASCII));
    assertTrue(i > 0, "PNG has a pHYs chunk");
    int ppm =
        ((png[i] & 0xff) << 24)
            | ((png[i + 1] & 0xff) << 16)
            | ((png[i + 2] & 0xff) << 8)
            | (png[i + 3] & 0xff);
    assertEquals(200 / 0.0254, ppm, 2.0, "200 dpi");
    assertArrayEquals(new byte[] {1}, new byte[] {png[i + 8]}, "unit: metre");
  }

  @Test
  void aRunWithoutTimeSeriesStillGetsItsSummary() throws Exception {
    Path scenario = govsim.experiment.TinyWorld.scenario(tmp, "no-series.yaml", 1000, 30);
    Path folder = tmp.resolve("no-series");
    assertEquals(
        0,
        govsim.cli.Main.execute(
            "run",
            scenario.toString(),
            "--out",
            folder.toString(),
            "--quiet",
            "--set",
            "outputs.timeseries=false"));
    assertFalse(Files.exists(folder.resolve("timeseries.csv")));
    String html = checkReport(reportOf(folder, "no-series"), List.of(), -1, -1);
    assertTrue(html.contains("recorded no time series") && html.contains("Summary metrics"));
  }

  @Test
  void comparisonReportShowsIntervalsAndProvenance() throws Exception {
    Path out = reportOf(comparison, "comparison");
    String html =
        checkReport(
            out,
            List.of(
                "forest-headline",
                "paired-differences",
                "ts-harm-total-cum",
                "ts-compliance-rate",
                "ts-hhi"),
            -1,
            -1);
    JsonObject m = manifest(comparison);
    assertTrue(html.contains(m.get("scenario_sha256").getAsString()));
    assertTrue(
        html.contains(m.get("seeds").getAsJsonArray().get(0).getAsString()),
        "replication seeds listed");
    assertTrue(html.contains("95% t-interval"), "states how intervals are computed");
    assertTrue(html.contains("paired t-test"), "states the paired test");
    assertTrue(html.contains("centralized") && html.contains("hybrid"));
  }

  @Test
  void gridSweepReportHasHeatMapsAndResponseCurves() throws Exception {
    Path out = reportOf(grid, "grid");
    String html =
        checkReport(
            out,
            List.of(
                "heat-harm-total",
                "heat-compliance-rate",
                "response-harm-total",
                "sweep-ts-harm-total-cum"),
            -1,
            -1);
    assertTrue(
        html.contains("users.switching_cost_mean")
            && html.contains("rulemaking.legislative_lag_days"));
    assertTrue(html.contains(manifest(grid).get("sweep_sha256").getAsString()));
  }

  @Test
  void sobolSweepReportHasIndicesWithIntervals() throws Exception {
    Path out = reportOf(sobol, "sobol");
    String html = checkReport(out, List.of("sobol-hybrid", "scatter-harm-total"), -1, -1);
    assertTrue(html.contains("bootstrap"), "states how the Sobol intervals are computed");
  }

  @Test
  void singleColumnWithoutTitlesIs700PixelsWideWithUntitledFiguresAndTheSameData()
      throws Exception {
    Path out = tmp.resolve("reports").resolve("comparison-single");
    ReportFixtures.Outcome o =
        ReportFixtures.report(
            comparison.toString(), "--out", out.toString(), "--size", "single", "--no-titles");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("(single column size)"), o.out());
    String html = checkReport(out, List.of("forest-headline", "ts-harm-total-cum"), -1, -1);
    Path figures = out.resolve("figures");
    List<String> pngs;
    try (Stream<Path> s = Files.list(figures)) {
      pngs = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).toList();
    }
    for (String png : pngs) {
      // 3.5 in at 200 dpi.
      assertEquals(700, ImageIO.read(figures.resolve(png).toFile()).getWidth(), png);
    }
    // The time series' title ("Cumulative harm by regime") is in the caption, not the figure.
    String svg = Files.readString(figures.resolve("ts-harm-total-cum.svg"));
    assertFalse(svg.contains("by regime"), "no title in the SVG");
    assertTrue(html.contains("Cumulative harm by regime"), "the caption keeps it");
    // The forest plots' panels are lettered; the caption names them.
    String forest = Files.readString(figures.resolve("forest-headline.svg"));
    assertTrue(forest.contains(">(a)<") && forest.contains(">(b)<"), "lettered panels");
    assertTrue(html.contains("Panels: (a) Harm; (b) "), "caption names the panels");
    // The data do not depend on the options: the same CSV as the default report's.
    Path plain = reportOf(comparison, "comparison-plain");
    for (String png : pngs) {
      String csv = png.replace(".png", ".csv");
      assertEquals(
          Files.readString(plain.resolve("figures").resolve(csv)),
          Files.readString(figures.resolve(csv)),
          csv);
    }
  }

  @Test
  void doubleColumnSweepHasOneLegendPerFigureAndSaysHowItsAxesAreChosen() throws Exception {
    Path out = tmp.resolve("reports").resolve("grid-double");
    ReportFixtures.Outcome o =
        ReportFixtures.report(grid.toString(), "--out", out.toString(), "--size", "double");
    assertEquals(0, o.code(), o.err());
    String html = checkReport(out, List.of("response-harm-total", "heat-harm-total"), -1, -1);
    Path figures = out.resolve("figures");
    // 7.2 in at 200 dpi.
    assertEquals(
        1440, ImageIO.read(figures.resolve("response-harm-total.png").toFile()).getWidth());
    // Two panels (centralized, hybrid), one legend: each level of the lag is written once, in
    // words from the scenario schema rather than as the key.
    String svg = Files.readString(figures.resolve("response-harm-total.svg"));
    assertEquals(1, count(svg, ">Legislative lag = 365 days<"), "one legend");
    assertEquals(1, count(svg, ">Legislative lag = 1217 days<"), "one legend");
    assertFalse(svg.contains("users.switching_cost_mean"), "no raw key on the axes");
    assertEquals(2, count(svg, ">Switching cost mean (utility), log scale<"), "x axis per panel");
    // Heat maps on one colour scale: one colour bar, whose label is the metric's unit.
    String heat = Files.readString(figures.resolve("heat-harm-total.svg"));
    assertEquals(1, count(heat, ">per 1,000 users, run total<"), "one colour bar");
    assertTrue(
        html.contains("The panels share their vertical axis")
            || html.contains("Each panel has its own vertical axis"),
        "the response curves' caption says how the axes were chosen");
    ReportFixtures.Outcome bad =
        ReportFixtures.report(grid.toString(), "--out", out.toString(), "--size", "a4");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("'a4' is not a size; use single"), bad.err());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }

  @Test
  void reportGoesIntoTheFolderLeavesItsFilesAloneAndIsNotOverwrittenWithoutForce()
      throws Exception {
    Path copy = tmp.resolve("run-copy");
    copyTree(run, copy);
    Map<String, String> before = ReportFixtures.hashes(copy);
    ReportFixtures.Outcome first = ReportFixtures.report(copy.toString());
    assertEquals(0, first.code(), first.err());
    Map<String, String> after = ReportFixtures.hashes(copy);
    for (Map.Entry<String, String> e : before.entrySet()) {
      assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " changed");
    }
    for (String f : after.keySet()) {
      assertTrue(
          before.containsKey(f) || f.equals("report.html") || f.startsWith("figures/"),
          "unexpected " + f);
    }
    Map<String, String> withReport = after;

    ReportFixtures.Outcome again = ReportFixtures.report(copy.toString());
    assertEquals(2, again.code());
    assertTrue(
        again.err().contains("already holds a report") && again.err().contains("--force"),
        again.err());
    assertEquals(withReport, ReportFixtures.hashes(copy), "a refused report changes nothing");

    Files.writeString(copy.resolve("figures").resolve("stale.png"), "old");
    ReportFixtures.Outcome forced = ReportFixtures.report(copy.toString(), "--force");
    assertEquals(0, forced.code(), forced.err());
    assertFalse(
        Files.exists(copy.resolve("figures").resolve("stale.png")),
        "--force replaces figures/ whole");
    assertEquals(withReport, ReportFixtures.hashes(copy), "same folder, same report bytes");
    try (Stream<Path> s = Files.list(copy)) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging leftovers");
    }
  }

  @Test
  void sameFolderGivesTheSameBytes() throws Exception {
    Path a = reportOf(grid, "same-a");
    Path b = reportOf(grid, "same-b");
    assertEquals(ReportFixtures.hashes(a), ReportFixtures.hashes(b));
  }

  @Test
  void badFoldersExitTwoWithAMessageAndNoStackTrace() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path notGovsim = Files.createDirectories(tmp.resolve("not-govsim"));
    Files.writeString(notGovsim.resolve("data.csv"), "a,b\n1,2\n");
    Path badManifest = Files.createDirectories(tmp.resolve("bad-manifest"));
    Files.writeString(badManifest.resolve("manifest.json"), "{ this is not json");
    Path incomplete = tmp.resolve("incomplete");
    copyTree(comparison, incomplete);
    Files.delete(incomplete.resolve("comparison.csv"));
    Path file = Files.writeString(tmp.resolve("a-file.txt"), "x");

    expectBadInput(ReportFixtures.report(tmp.resolve("missing").toString()), "no such folder");
    expectBadInput(ReportFixtures.report(empty.toString()), "not a govsim output folder");
    expectBadInput(ReportFixtures.report(notGovsim.toString()), "not a govsim output folder");
    expectBadInput(ReportFixtures.report(badManifest.toString()), "cannot read the manifest");
    expectBadInput(ReportFixtures.report(incomplete.toString()), "lacks comparison.csv");
    expectBadInput(ReportFixtures.report(file.toString()), "not a folder");
    expectBadInput(ReportFixtures.notebook(tmp.resolve("missing").toString()), "no such folder");
    expectBadInput(ReportFixtures.notebook(empty.toString()), "not a govsim output folder");
    assertFalse(Files.exists(empty.resolve("report.html")), "nothing written for bad input");
  }

  static void expectBadInput(ReportFixtures.Outcome o, String message) {
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().startsWith("govsim: "), o.err());
    assertTrue(o.err().contains(message), "expected '" + message + "' in: " + o.err());
    assertFalse(
        o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
  }

  /** The report folder's checks common to every kind; returns the HTML. */
  static String checkReport(Path out, List<String> expectedFigures, int width, int height)
      throws Exception {
    Path htmlFile = out.resolve("report.html");
    assertTrue(Files.isRegularFile(htmlFile));
    String html = Files.readString(htmlFile, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"));
    assertFalse(html.toLowerCase().contains("<script"), "no scripts");
    assertFalse(html.toLowerCase().contains("<link"), "no external style sheets");
    assertFalse(
        html.toLowerCase().contains("@import") || html.toLowerCase().contains("url("),
        "no CSS fetches");
    Matcher attr =
        Pattern.compile("\\b(src|href)\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE)
            .matcher(html);
    Set<String> ids = new HashSet<>();
    Matcher idm = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(html);
    while (idm.find()) ids.add(idm.group(1));
    int images = 0;
    while (attr.find()) {
      String name = attr.group(1).toLowerCase();
      String value = attr.group(2);
      assertFalse(
          value.matches("(?i)\\s*(https?:|//|ftp:|file:).*"),
          "remote or absolute resource: " + value);
      if (name.equals("src")) {
        assertTrue(
            value.startsWith("data:image/png;base64,"),
            "images are embedded: " + value.substring(0, 40));
        byte[] png =
            java.util.Base64.getDecoder()
                .decode(value.substring("data:image/png;base64,".length()));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), "embedded PNG decodes");
        images++;
      } else if (value.startsWith("#")) {
        assertTrue(ids.contains(value.substring(1)), "anchor " + value + " exists");
      } else {
        assertTrue(value.startsWith("figures/"), "only local figure links: " + value);
        assertTrue(Files.isRegularFile(out.resolve(value)), value + " exists");
      }
    }
    Path figures = out.resolve("figures");
    List<String> pngs = new ArrayList<>();
    try (Stream<Path> s = Files.list(figures)) {
      s.filter(p -> p.toString().endsWith(".png"))
          .forEach(p -> pngs.add(p.getFileName().toString()));
    }
    assertEquals(pngs.size(), images, "every figure is in the page");
    for (String id : expectedFigures) {
      assertTrue(pngs.contains(id + ".png"), "figure " + id + " (have " + pngs + ")");
    }
    for (String png : pngs) {
      Path p = figures.resolve(png);
      BufferedImage img = ImageIO.read(p.toFile());
      assertNotNull(img, png + " decodes");
      if (width > 0) {
        assertEquals(width, img.getWidth(), png);
        assertEquals(height, img.getHeight(), png);
      }
      assertTrue(
          img.getWidth() >= 700 && img.getHeight() >= 300,
          png + " is at least a journal column at 2x");
      // The figure's data beside it, in FigureData's long form.
      Path csv = figures.resolve(png.replace(".png", ".csv"));
      assertTrue(Files.isRegularFile(csv), csv + " exists");
      assertEquals(
          String.join(",", FigureData.HEADER),
          Files.readAllLines(csv, StandardCharsets.UTF_8).get(0),
          csv + " header");
      assertTrue(distinctColours(img) > 20, png + " is not blank");
      Path svg = figures.resolve(png.replace(".png", ".svg"));
      assertTrue(Files.isRegularFile(svg), svg + " exists");
      Document doc = parseXml(Files.readAllBytes(svg));
      assertEquals("svg", doc.getDocumentElement().getTagName());
      assertTrue(
          doc.getElementsByTagName("text").getLength() > 5, svg + " has text (titles, labels)");
    }
    return html;
  }

  static int distinctColours(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        colours.add(img.getRGB(x, y));
        if (colours.size() > 100) return colours.size();
      }
    }
    return colours.size();
  }

  /** Parses XML without touching the network (no DTDs, no external entities). */
  static Document parseXml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  static JsonObject manifest(Path folder) throws IOException {
    return JsonParser.parseString(Files.readString(folder.resolve("manifest.json")))
        .getAsJsonObject();
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return i + needle.length;
    }
    return -1;
  }
}
