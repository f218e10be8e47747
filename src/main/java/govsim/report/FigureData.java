package govsim.report;

import govsim.observe.Num;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.IntervalCategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYZDataset;

/**
 * The data a figure draws, written beside it as figures/&lt;id&gt;.csv: one row per plotted point
 * of every panel, in long form (panel, its title, series, x or category, y or value, and the
 * interval or z value where the chart has one). Undefined values are empty cells; numbers are
 * written as the results' CSV files write them.
 */
final class FigureData {
  private FigureData() {}

  static final List<String> HEADER =
      List.of("panel", "panel_title", "series", "x", "y", "y_low", "y_high", "z");

  static String csv(Figure f) {
    StringBuilder sb = new StringBuilder();
    try (CSVPrinter out =
        new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      out.printRecord(HEADER);
      for (int p = 0; p < f.panels().size(); p++) {
        JFreeChart chart = f.panels().get(p);
        String title = chart.getTitle() == null ? "" : chart.getTitle().getText();
        Plot plot = chart.getPlot();
        if (plot instanceof XYPlot xy) {
          for (int d = 0; d < xy.getDatasetCount(); d++) {
            if (xy.getDataset(d) != null) xy(out, p + 1, title, xy.getDataset(d));
          }
        } else if (plot instanceof CategoryPlot cat) {
          for (int d = 0; d < cat.getDatasetCount(); d++) {
            if (cat.getDataset(d) != null) category(out, p + 1, title, cat.getDataset(d));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sb.toString();
  }

  private static void xy(CSVPrinter out, int panel, String title, XYDataset d)
      throws java.io.IOException {
    for (int s = 0; s < d.getSeriesCount(); s++) {
      for (int i = 0; i < d.getItemCount(s); i++) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(panel));
        row.add(title);
        row.add(String.valueOf(d.getSeriesKey(s)));
        row.add(num(d.getXValue(s, i)));
        row.add(num(d.getYValue(s, i)));
        // (XYSeriesCollection is an IntervalXYDataset too, with intervals of zero width.)
        if (d instanceof IntervalXYDataset iv && !(d instanceof XYSeriesCollection)) {
          row.add(num(iv.getStartYValue(s, i)));
          row.add(num(iv.getEndYValue(s, i)));
        } else {
          row.add("");
          row.add("");
        }
        row.add(d instanceof XYZDataset z ? num(z.getZValue(s, i)) : "");
        out.printRecord(row);
      }
    }
  }

  private static void category(CSVPrinter out, int panel, String title, CategoryDataset d)
      throws java.io.IOException {
    for (int r = 0; r < d.getRowCount(); r++) {
      for (int c = 0; c < d.getColumnCount(); c++) {
        Number v = d.getValue(r, c);
        String low = "";
        String high = "";
        if (d instanceof IntervalCategoryDataset iv) {
          low = num(iv.getStartValue(r, c));
          high = num(iv.getEndValue(r, c));
        } else if (d instanceof StatisticalCategoryDataset st && v != null) {
          Number sd = st.getStdDevValue(r, c);
          if (sd != null) {
            low = num(v.doubleValue() - sd.doubleValue());
            high = num(v.doubleValue() + sd.doubleValue());
          }
        }
        out.printRecord(
            Integer.toString(panel),
            title,
            String.valueOf(d.getRowKey(r)),
            String.valueOf(d.getColumnKey(c)),
            num(v),
            low,
            high,
            "");
      }
    }
  }

  private static String num(Number n) {
    return n == null ? "" : num(n.doubleValue());
  }

  private static String num(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? "" : Num.format(x);
  }
}
