package govsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts of reports, with values worked out by hand. */
class ReportPartsTest {
  @Test
  void ticksAreOneTwoFiveAndLabelledWithTheDecimalsTheyNeed() {
    assertEquals(0.05, SparseNumberAxis.niceAtLeast(0.031), 1e-15);
    assertEquals(0.2, SparseNumberAxis.niceAtLeast(0.2), 1e-15);
    assertEquals(5000, SparseNumberAxis.niceAtLeast(2001), 1e-9);
    assertEquals(10, SparseNumberAxis.niceAtLeast(5.01), 1e-12);
    assertEquals(2, SparseNumberAxis.niceBelow(5), 1e-12);
    assertEquals(1, SparseNumberAxis.niceBelow(2), 1e-12);
    assertEquals(0.5, SparseNumberAxis.niceBelow(1), 1e-12);
    assertEquals("0.05", SparseNumberAxis.format(0.05).format(0.05));
    assertEquals("0.10", SparseNumberAxis.format(0.05).format(0.1));
    assertEquals("20,000", SparseNumberAxis.format(5000).format(20000));
    assertEquals("1.5M", SparseNumberAxis.format(5e5).format(1.5e6));
    assertEquals("0", SparseNumberAxis.format(5e5).format(0));
  }

  @Test
  void longSeriesAreThinnedKeepingFirstAndLast() {
    assertEquals(600, TimeAxis.thin(600).length);
    int[] idx = TimeAxis.thin(1825);
    assertTrue(idx.length <= TimeAxis.MAX_POINTS + 1);
    assertEquals(0, idx[0]);
    assertEquals(1824, idx[idx.length - 1]);
    for (int i = 1; i < idx.length; i++) assertTrue(idx[i] > idx[i - 1]);
    assertEquals("Time (years)", TimeAxis.forHorizon(1825).label());
    assertEquals("Time (days)", TimeAxis.forHorizon(365).label());
  }

  @Test
  void percentilesInterpolateLikeNumpy() {
    double[] v = {1, 2, 3, 4, 10};
    // numpy.percentile([1, 2, 3, 4, 10], 90) = 4 + 0.6 * (10 - 4) = 7.6
    assertEquals(7.6, SweepReport.percentile(v, 90), 1e-12);
    assertEquals(1.4, SweepReport.percentile(v, 10), 1e-12);
    assertEquals(3, SweepReport.percentile(v, 50), 1e-12);
  }

  @Test
  void viridisRunsFromPurpleToYellowAndTextStaysReadable() {
    assertEquals(new Color(0x440154), Palette.viridis(0));
    assertEquals(new Color(0xFDE725), Palette.viridis(1));
    assertEquals(Color.WHITE, Palette.textOn(Palette.viridis(0.1)));
    assertEquals(Palette.BLACK, Palette.textOn(Palette.viridis(0.9)));
    Palette.Viridis flat = new Palette.Viridis(3, 3);
    assertTrue(flat.getUpperBound() > flat.getLowerBound(), "a constant map still draws");
    assertEquals(Palette.Viridis.NOT_AVAILABLE, flat.getPaint(Double.NaN));
    assertEquals(
        Palette.regime("hybrid", 9),
        Palette.BLUE,
        "a regime keeps its colour wherever it is listed");
  }

  @Test
  void numbersForReadersAndUndefinedAsNa() {
    assertEquals("15500", Numbers.format(15498.67));
    assertEquals("0.7293", Numbers.format(0.72934));
    assertEquals("1.622e+06", Numbers.format(1622000));
    assertEquals("n/a", Numbers.format(Double.NaN));
    assertEquals("2 [1,\u00a03]", Numbers.interval(2, 1, 3));
    assertEquals("2", Numbers.interval(2, Double.NaN, Double.NaN));
    assertEquals("95", Numbers.percent(0.95));
    assertEquals("99.5", Numbers.percent(0.995));
    assertTrue(Double.isNaN(CsvData.parse("")));
    assertEquals(Double.POSITIVE_INFINITY, CsvData.parse("inf"));
  }

  @Test
  void commandsAreQuotedAsAShellNeedsThem() {
    assertEquals(
        "govsim run 'my scenario.yaml' --set 'a=it'\\''s'",
        Provenance.commandText(
            JsonParser.parseString(
                "[\"govsim\", \"run\", \"my scenario.yaml\", \"--set\", \"a=it's\"]")));
  }

  @Test
  void pythonLiteralsCannotBreakOutOfTheirString() {
    String evil = "x\"\nimport os; os.system('rm -rf /')  # \\";
    String lit = Py.str(evil);
    assertFalse(lit.contains("\n"), "newlines escaped");
    assertEquals(evil, JsonParser.parseString(lit).getAsString(), "the literal is the value");
    assertEquals("None", Py.str(null));
    assertEquals("[\"a\", \"b\"]", Py.strings(List.of("a", "b")));
  }

  @Test
  void htmlIsEscapedAndBackquotesBecomeCode() {
    assertEquals("a &lt;b&gt; &amp; <code>x&lt;y</code>", HtmlReport.inline("a <b> & `x<y`"));
    assertEquals("&quot;&#39;", HtmlReport.esc("\"'"));
  }

  @Test
  void parserMessagesLoseClassNamesAndLinks() {
    assertEquals(
        "Expected ':' at line 1 column 9 path $.x",
        ResultFolder.plain(
            "com.google.gson.stream.MalformedJsonException: Expected ':' at line 1 column 9 path $.x\nSee https://x"));
  }

  @Test
  void metricLabelsKeepTheContextApart() {
    assertEquals("per 1,000 users per step", govsim.observe.Metrics.stepDoc("harm_total").unit());
    assertEquals("per 1,000 users, run total", govsim.observe.Metrics.runDoc("harm_total").unit());
    assertTrue(govsim.observe.Metrics.runDoc("compliance_rate").isShare());
    assertEquals(
        "Governance gap (days)",
        govsim.observe.Metrics.runDoc("governance_gap_days_mean").axisLabel());
    assertEquals("no_such_metric", govsim.observe.Metrics.runDoc("no_such_metric").axisLabel());
  }
}
