package govsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** A figure's data CSV: every plotted point of every panel, undefined values as empty cells. */
class FigureDataTest {
  @Test
  void writesEveryPointOfEveryPanelInLongForm() {
    XYSeries line = new XYSeries("harm");
    line.add(1, 2.5);
    line.add(2, Double.NaN);
    JFreeChart xy =
        ChartFactory.createXYLineChart(
            "Harm",
            "day",
            "per 1,000 users",
            new XYSeriesCollection(line),
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYIntervalSeries band = new XYIntervalSeries("trust");
    band.add(3, 3, 3, 0.5, 0.25, 0.75);
    XYIntervalSeriesCollection bands = new XYIntervalSeriesCollection();
    bands.addSeries(band);
    JFreeChart interval =
        ChartFactory.createXYLineChart(
            "Trust", "day", "share", bands, PlotOrientation.VERTICAL, true, false, false);
    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    bars.addValue(7, "hybrid", "harm_total");
    JFreeChart cat =
        ChartFactory.createBarChart(
            "Totals", "metric", "value", bars, PlotOrientation.VERTICAL, true, false, false);
    Figure f = new Figure("f", "t", "c", List.of(xy, interval, cat), 3, 900, 300);
    assertEquals(
        String.join(
            "\n",
            "panel,panel_title,series,x,y,y_low,y_high,z",
            "1,Harm,harm,1,2.5,,,",
            "1,Harm,harm,2,,,,",
            "2,Trust,trust,3,0.5,0.25,0.75,",
            "3,Totals,hybrid,harm_total,7,,,",
            ""),
        FigureData.csv(f));
  }
}
