package govsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@link FigureLayout}: sizes in pixels, figures without titles, one legend per figure, and shared
 * or free axes by the stated rule, each measured on the drawn PNG or SVG or on the charts.
 */
class FigureLayoutTest {

  private static final FigureOptions SINGLE =
      new FigureOptions(FigureOptions.Size.SINGLE, true, FigureOptions.Axes.AUTO);
  private static final FigureOptions DOUBLE =
      new FigureOptions(FigureOptions.Size.DOUBLE, true, FigureOptions.Axes.AUTO);
  private static final FigureOptions NO_TITLES =
      new FigureOptions(FigureOptions.Size.SCREEN, false, FigureOptions.Axes.AUTO);

  /** A panel of two regimes' lines over days 0..10, y from 0 to top (linear). */
  private static JFreeChart panel(String title, double top) {
    double[] x = {0, 5, 10};
    double[] y = {0, top / 2, top};
    List<Plots.Line> lines = new ArrayList<>();
    lines.add(new Plots.Line("centralized", Palette.BLUE, new BasicStroke(2f), x, y, null, null));
    lines.add(
        new Plots.Line(
            "hybrid", Palette.VERMILLION, new BasicStroke(2f), x, y.clone(), null, null));
    return Plots.lines(title, "Time (days)", false, true, "Harm (per 1,000 users)", false, lines);
  }

  private static Figure single() {
    return Figure.single("one", "Harm", "The harm.", panel("Harm over time", 10));
  }

  /** Two panels of one metric, one per regime (as response curves are), at 500 x 300 each. */
  private static Figure twoRegimes(double topA, double topB) {
    return Figure.grid(
            "two",
            "Harm by regime",
            "The harm.",
            List.of(panel("Harm: centralized", topA), panel("Harm: hybrid", topB)),
            2,
            500,
            300)
        .sameQuantityOn(Figure.Common.Y);
  }

  private static BufferedImage png(Figure f) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(FigureRenderer.png(f)));
  }

  private static List<String> svgTexts(Figure f) throws Exception {
    Document doc = ReportTest.parseXml(FigureRenderer.svg(f).getBytes(StandardCharsets.UTF_8));
    NodeList texts = doc.getElementsByTagNameNS("*", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) out.add(texts.item(i).getTextContent().trim());
    return out;
  }

  @Test
  void singleColumnIs700PixelsWideDoubleIs1440AndScreenKeepsItsSize() throws Exception {
    // 3.5 in x 200 dpi = 700 px; one chart at 4:3: 350 x 263 points (262.5 rounded), 2 px each.
    BufferedImage s = png(FigureLayout.prepare(single(), SINGLE));
    assertEquals(700, s.getWidth());
    assertEquals(526, s.getHeight());
    // 7.2 in x 200 dpi = 1440 px; 8:5 kept: 720 x 450 points.
    BufferedImage d = png(FigureLayout.prepare(single(), DOUBLE));
    assertEquals(1440, d.getWidth());
    assertEquals(900, d.getHeight());
    // Screen: as built, 800 x 500 points.
    BufferedImage w = png(FigureLayout.prepare(single(), FigureOptions.DEFAULT));
    assertEquals(1600, w.getWidth());
    assertEquals(1000, w.getHeight());
  }

  @Test
  void singleColumnStacksPanelsAndDoubleKeepsTwoARow() {
    // Two 500 x 300 panels: single column, 1 a row, each 350 x 210; double, 2 a row of 360 x 216.
    Figure s = FigureLayout.prepare(twoRegimes(10, 12), SINGLE);
    assertEquals(1, s.columns());
    assertEquals(350, s.width());
    assertEquals(2 * 210, s.height() - s.legendHeight());
    Figure d = FigureLayout.prepare(twoRegimes(10, 12), DOUBLE);
    assertEquals(2, d.columns());
    assertEquals(720, d.width());
    assertEquals(216, d.height() - d.legendHeight());
  }

  @Test
  void printSizesSetTextAt8To9Points() {
    Figure s = FigureLayout.prepare(single(), SINGLE);
    JFreeChart c = s.panels().get(0);
    // 100 points per inch: f points print at 0.72 f pt.
    float tick = c.getXYPlot().getDomainAxis().getTickLabelFont().getSize2D();
    float label = c.getXYPlot().getDomainAxis().getLabelFont().getSize2D();
    float title = c.getTitle().getFont().getSize2D();
    for (float f : new float[] {tick, label, title})
      assertTrue(f * 0.72 >= 8 && f * 0.72 <= 9, f * 0.72 + " pt");
    assertEquals(11.5f * 0.72f, tick * 0.72f, 1e-6);
  }

  @Test
  void withoutTitlesTheSvgHasNoTitleTextAndPanelsAreLettered() throws Exception {
    assertTrue(
        svgTexts(FigureLayout.prepare(single(), FigureOptions.DEFAULT)).contains("Harm over time"));
    Figure one = FigureLayout.prepare(single(), NO_TITLES);
    assertTrue(
        svgTexts(one).stream().noneMatch(t -> t.contains("Harm over time")),
        "no title: " + svgTexts(one));
    assertEquals("The harm.", one.caption());

    Figure two = FigureLayout.prepare(twoRegimes(10, 12), NO_TITLES);
    List<String> texts = svgTexts(two);
    assertTrue(texts.stream().noneMatch(t -> t.startsWith("Harm:")), texts.toString());
    assertTrue(texts.contains("(a)") && texts.contains("(b)"), texts.toString());
    assertTrue(
        two.caption().endsWith(" Panels: (a) Harm: centralized; (b) Harm: hybrid."), two.caption());
  }

  @Test
  void panelsWithTheSameLegendGetOneBelowThem() throws Exception {
    Figure before = twoRegimes(10, 12);
    long perPanel =
        svgTexts(FigureLayout.prepare(twoRegimes(10, 12), FigureOptions.DEFAULT)).stream()
            .filter("hybrid"::equals)
            .count();
    assertEquals(1, perPanel, "one legend entry 'hybrid' in the drawn figure");
    Figure f = FigureLayout.prepare(before, FigureOptions.DEFAULT);
    for (JFreeChart c : f.panels()) assertNull(c.getLegend(), "the panel's own legend is gone");
    LegendTitle legend = assertInstanceOf(LegendTitle.class, f.legend());
    assertEquals(2, legend.getSources()[0].getLegendItems().getItemCount());
    assertTrue(f.legendHeight() > 0);
    // The figure grows by the legend's band; the panels keep their 500 x 300.
    assertEquals(300 + f.legendHeight(), f.height());
    // A single chart keeps its own legend.
    Figure one = FigureLayout.prepare(single(), FigureOptions.DEFAULT);
    assertNull(one.legend());
    assertNotNull(one.panels().get(0).getLegend());
  }

  @Test
  void oneLabelWithTwoLooksKeepsThePanelsLegends() {
    JFreeChart a = panel("a", 1);
    double[] x = {0, 1};
    JFreeChart b =
        Plots.lines(
            "b",
            "x",
            false,
            "y",
            false,
            List.of(
                new Plots.Line("hybrid", Palette.GREY, new BasicStroke(2f), x, x, null, null),
                new Plots.Line("other", Palette.BLUE, new BasicStroke(2f), x, x, null, null)));
    Figure f =
        FigureLayout.prepare(
            Figure.grid("f", "t", "c", List.of(a, b), 2, 400, 300), FigureOptions.DEFAULT);
    assertNull(f.legend());
    assertNotNull(a.getLegend());
    assertNotNull(b.getLegend());
  }

  @Test
  void heatMapsOnOneScaleGetOneColourBar() throws Exception {
    Palette.Viridis scale = new Palette.Viridis(0, 10);
    double[][] z = {{1, 2}, {3, 4}};
    List<JFreeChart> panels = new ArrayList<>();
    for (String r : List.of("centralized", "hybrid"))
      panels.add(
          Plots.heatMap(r, "x", List.of("a", "b"), "y", List.of("c", "d"), z, scale, "units"));
    Figure f =
        FigureLayout.prepare(
            Figure.grid("heat", "t", "c", panels, 2, 400, 400), FigureOptions.DEFAULT);
    assertInstanceOf(PaintScaleLegend.class, f.legend());
    for (JFreeChart c : f.panels()) {
      for (int i = 0; i < c.getSubtitleCount(); i++)
        assertTrue(!(c.getSubtitle(i) instanceof PaintScaleLegend), "no colour bar in a panel");
    }
    assertEquals(1, svgTexts(f).stream().filter("units"::equals).count(), "one scale label");
  }

  @Test
  void comparableRangesShareTheAxisAndRangesFiveTimesApartGetTheirOwn() {
    // y up to 10 and 12: NumberAxis adds 5% above (the sticky zero stays), [0, 10.5] and [0, 12.6];
    // their union is 12.6 / 10.5 = 1.2 times the smaller, at most 5: shared.
    Figure shared = FigureLayout.prepare(twoRegimes(10, 12), FigureOptions.DEFAULT);
    for (JFreeChart c : shared.panels())
      assertEquals(new Range(0, 12.6), c.getXYPlot().getRangeAxis().getRange());
    assertTrue(
        shared
            .caption()
            .contains(
                "The panels share their vertical axis (the union of the"
                    + " panels' ranges is 1.20\u00d7 the smallest panel's; shared up to 5\u00d7)."),
        shared.caption());
    // y up to 10 and 100: [0, 10.5] and [0, 105], 10 times: each its own.
    Figure free = FigureLayout.prepare(twoRegimes(10, 100), FigureOptions.DEFAULT);
    assertEquals(new Range(0, 10.5), free.panels().get(0).getXYPlot().getRangeAxis().getRange());
    assertEquals(new Range(0, 105), free.panels().get(1).getXYPlot().getRangeAxis().getRange());
    assertTrue(
        free.caption()
            .contains(
                "Each panel has its own vertical axis (the union of the"
                    + " panels' ranges is 10.00\u00d7"),
        free.caption());
    // Forced either way.
    Figure forced =
        FigureLayout.prepare(
            twoRegimes(10, 100),
            new FigureOptions(FigureOptions.Size.SCREEN, true, FigureOptions.Axes.SHARED));
    assertEquals(new Range(0, 105), forced.panels().get(0).getXYPlot().getRangeAxis().getRange());
    Figure own =
        FigureLayout.prepare(
            twoRegimes(10, 12),
            new FigureOptions(FigureOptions.Size.SCREEN, true, FigureOptions.Axes.FREE));
    assertEquals(new Range(0, 10.5), own.panels().get(0).getXYPlot().getRangeAxis().getRange());
    assertTrue(
        own.caption()
            .endsWith(
                "Each panel has its own vertical axis: compare values across"
                    + " panels by their tick labels."),
        own.caption());
  }

  @Test
  void panelsOfDifferentQuantitiesAreLeftAlone() {
    Figure f =
        FigureLayout.prepare(
            Figure.grid("f", "t", "c.", List.of(panel("a", 10), panel("b", 100)), 2, 400, 300),
            FigureOptions.DEFAULT);
    assertEquals("c.", f.caption());
    assertEquals(new Range(0, 10.5), f.panels().get(0).getXYPlot().getRangeAxis().getRange());
  }

  @Test
  void theFiguresDataIsWrittenBeforeLayoutAndKeepsThePanelTitles() {
    Figure f = twoRegimes(10, 12);
    String before = FigureData.csv(f);
    FigureLayout.prepare(f, NO_TITLES);
    // (A line without a band has an interval of zero width: y_low = y_high = y.)
    assertTrue(before.contains("1,Harm: centralized,centralized,0,0,0,0,\n"), before);
    assertTrue(before.contains("2,Harm: hybrid,hybrid,10,12,12,12,\n"), before);
    assertEquals(
        1 + 2 * 2 * 3, before.split("\n").length, "header + 2 panels x 2 lines x 3 points");
  }
}
