package govsim.experiment.validation;

import govsim.model.Regime;
import govsim.observe.Metrics;
import govsim.observe.Num;
import govsim.stats.Stats;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Step length as a numerical choice (issue 11 item 7): up to which {@code dt_days} each headline
 * metric agrees, in each regime, with the finest step, dt = 0.25 days.
 *
 * <p>The measurement is one {@code govsim compare} per step length on the same scenario, horizon
 * and seeds; it takes far longer than the validation document's other sections, so it is not rerun
 * by {@code govsim validation}. {@link #main} reads the comparisons' runs.csv files and writes the
 * measured table into two resources, which this class reads back: {@code step-length.md} (the
 * section of docs/validation.md, included by {@link ValidationReport}) and {@code step-length.csv}
 * (the largest agreeing step per metric and regime, read by {@code govsim validate} to warn).
 *
 * <p>Agreement: the difference of the metric's mean over seeds at dt from its mean at dt = 0.25 has
 * a Welch 95% interval that contains 0. The largest agreeing step is the largest dt such that it
 * and every step between it and 0.25 agree.
 */
public final class StepLengthStudy {
  private StepLengthStudy() {}

  /** The finest step: the reference. */
  public static final double REFERENCE_DT = 0.25;

  /** The metrics whose step-length dependence is measured (summary.csv columns). */
  public static final List<String> METRICS =
      List.of(
          Metrics.HARM_TOTAL_RUN.name(),
          Metrics.HARM_SEVERE_RUN.name(),
          Metrics.HARM_MALICIOUS_RUN.name(),
          Metrics.COMPLIANCE_RATE_RUN.name(),
          Metrics.GOVERNANCE_GAP_DAYS_MEAN_RUN.name(),
          "governance_gap_km_rmst_days",
          Metrics.BACKLASH_RESPONSE_DAYS_MEAN_RUN.name(),
          Metrics.PRACTICE_DURATION_DAYS_MEAN_RUN.name(),
          Metrics.SWITCHING_RATE_RUN.name(),
          Metrics.TRUST_MEAN_RUN.name(),
          Metrics.HHI_RUN.name(),
          Metrics.CAPABILITY_GROWTH_PER_YEAR.name(),
          Metrics.COST_REGULATOR_RUN.name());

  private static final String MD = "/govsim/validation/step-length.md";
  private static final String CSV = "/govsim/validation/step-length.csv";

  /** One metric in one regime: its reference estimate and, per step, the difference from it. */
  public record Row(
      String metric,
      String regime,
      double refMean,
      double refLow,
      double refHigh,
      Map<Double, double[]> diffByDt, // dt -> {mean diff, ci low, ci high, n at dt, n at 0.25}
      double largestAgreeingDt) {}

  /**
   * Measures the table from one comparison folder per step length.
   *
   * @param runsByDt dt -> a runs.csv of {@code govsim compare} at that dt (must include 0.25)
   */
  public static List<Row> measure(Map<Double, Path> runsByDt) throws IOException {
    TreeMap<Double, Map<String, Map<String, double[]>>> data = new TreeMap<>();
    for (Map.Entry<Double, Path> e : runsByDt.entrySet()) data.put(e.getKey(), read(e.getValue()));
    if (!data.containsKey(REFERENCE_DT))
      throw new IllegalArgumentException("the study needs a comparison at dt = 0.25");
    List<Row> rows = new ArrayList<>();
    for (String metric : METRICS) {
      for (Regime g : Regime.values()) {
        double[] ref = data.get(REFERENCE_DT).getOrDefault(g.yamlName(), Map.of()).get(metric);
        if (ref == null) continue;
        govsim.stats.Estimate r = Stats.estimate(ref);
        Map<Double, double[]> diffs = new LinkedHashMap<>();
        double largest = REFERENCE_DT;
        boolean contiguous = true;
        for (Map.Entry<Double, Map<String, Map<String, double[]>>> d : data.entrySet()) {
          if (d.getKey() == REFERENCE_DT) continue;
          double[] x = d.getValue().getOrDefault(g.yamlName(), Map.of()).get(metric);
          double[] diff = welch(x == null ? new double[0] : x, ref);
          diffs.put(d.getKey(), diff);
          boolean agrees = agrees(diff);
          if (contiguous && agrees) largest = d.getKey();
          else contiguous = false;
        }
        rows.add(new Row(metric, g.yamlName(), r.mean(), r.ciLow(), r.ciHigh(), diffs, largest));
      }
    }
    return rows;
  }

  /**
   * An interval that contains 0 agrees; an interval that cannot be computed (fewer than two defined
   * values on either side) agrees only if both means are equal or both undefined.
   */
  static boolean agrees(double[] diff) {
    if (Double.isNaN(diff[0])) return diff[3] == 0 && diff[4] == 0;
    if (Double.isNaN(diff[1])) return diff[0] == 0;
    return diff[1] <= 0 && diff[2] >= 0;
  }

  /** Mean of x minus mean of y, with the Welch 95% interval: {diff, low, high, n of x, n of y}. */
  static double[] welch(double[] x, double[] y) {
    double[] a = Stats.dropNaN(x);
    double[] b = Stats.dropNaN(y);
    if (a.length == 0 || b.length == 0)
      return new double[] {Double.NaN, Double.NaN, Double.NaN, a.length, b.length};
    double diff = Stats.mean(a) - Stats.mean(b);
    if (a.length < 2 || b.length < 2)
      return new double[] {diff, Double.NaN, Double.NaN, a.length, b.length};
    double va = Math.pow(Stats.sd(a), 2) / a.length;
    double vb = Math.pow(Stats.sd(b), 2) / b.length;
    double se = Math.sqrt(va + vb);
    if (se == 0) return new double[] {diff, diff, diff, a.length, b.length};
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    double t = Stats.tCritical(Math.max(1, (int) Math.floor(df)), Stats.DEFAULT_LEVEL);
    return new double[] {diff, diff - t * se, diff + t * se, a.length, b.length};
  }

  /** regime -> metric -> values over seeds (NaN for empty cells), from a runs.csv. */
  private static Map<String, Map<String, double[]>> read(Path runs) throws IOException {
    Map<String, Map<String, List<Double>>> acc = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(runs, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        if (!"ok".equals(rec.get("status"))) continue;
        Map<String, List<Double>> byMetric =
            acc.computeIfAbsent(rec.get("regime"), k -> new LinkedHashMap<>());
        for (String m : METRICS) {
          String v = rec.isMapped(m) ? rec.get(m) : "";
          byMetric
              .computeIfAbsent(m, k -> new ArrayList<>())
              .add(v.isEmpty() ? Double.NaN : Double.parseDouble(v));
        }
      }
    }
    Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
    acc.forEach(
        (g, ms) -> {
          Map<String, double[]> m = new LinkedHashMap<>();
          ms.forEach((k, v) -> m.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
          out.put(g, m);
        });
    return out;
  }

  /** The section of docs/validation.md for the measured rows. */
  static String markdown(List<Row> rows, String provenance) {
    StringBuilder s = new StringBuilder();
    s.append("# Step length: up to which dt_days the metrics hold\n\n");
    s.append(provenance).append("\n\n");
    s.append(
        "A step of `dt_days` is a numerical choice: rates convert by p = 1 - exp(-rate dt), latencies and"
            + " durations keep their sub-step time, the outcry threshold is a share of users per day and"
            + " `switching_rate` a share per day. What remains is discretisation. For each metric and"
            + " regime the table gives the mean at dt = 0.25 days [95% t-interval over seeds], the"
            + " difference of the mean at each longer step from it (Welch 95% interval; a cell is marked"
            + " * where the interval excludes 0), and the largest step up to which every step agrees."
            + " `govsim validate` warns when a scenario's step is longer than that for some metric of its"
            + " regime. With 20 seeds, agreement means no difference the study could detect, not"
            + " equality.\n\n");
    List<Double> dts =
        new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0).diffByDt().keySet());
    s.append("| metric | regime | dt = 0.25 |");
    for (double dt : dts) s.append(" dt = ").append(Num.format(dt)).append(" |");
    s.append(" agrees up to dt |\n|---|---|---|");
    for (int i = 0; i < dts.size(); i++) s.append("---|");
    s.append("---|\n");
    for (Row r : rows) {
      s.append("| ")
          .append(r.metric())
          .append(" | ")
          .append(r.regime())
          .append(" | ")
          .append(estimate(r.refMean(), r.refLow(), r.refHigh()))
          .append(" |");
      for (double dt : dts) {
        double[] d = r.diffByDt().get(dt);
        s.append(' ')
            .append(Double.isNaN(d[0]) ? "undefined" : (d[0] >= 0 ? "+" : "") + fmt(d[0]))
            .append(Double.isNaN(d[1]) ? "" : " [" + fmt(d[1]) + ", " + fmt(d[2]) + "]")
            .append(agrees(d) ? "" : " *")
            .append(" |");
      }
      s.append(' ').append(Num.format(r.largestAgreeingDt())).append(" |\n");
    }
    s.append('\n');
    return s.toString();
  }

  private static String estimate(double mean, double low, double high) {
    if (Double.isNaN(mean)) return "undefined";
    return fmt(mean) + (Double.isNaN(low) ? "" : " [" + fmt(low) + ", " + fmt(high) + "]");
  }

  private static String fmt(double x) {
    double a = Math.abs(x);
    if (a != 0 && (a < 0.01 || a >= 1e5)) return String.format(Locale.ROOT, "%.3g", x);
    return String.format(Locale.ROOT, a < 10 ? "%.3f" : "%.1f", x);
  }

  /** The measured section (empty if the study has not been run into the resources). */
  public static String section() {
    return resource(MD);
  }

  /**
   * The largest agreeing step of every measured metric in the regime, by metric (empty if the study
   * has not been measured).
   */
  public static Map<String, Double> largestAgreeing(Regime regime) {
    Map<String, Double> out = new LinkedHashMap<>();
    String csv = resource(CSV);
    for (String line : csv.split("\n")) {
      String[] f = line.split(",");
      if (f.length == 3 && f[1].equals(regime.yamlName())) out.put(f[0], Double.parseDouble(f[2]));
    }
    return out;
  }

  /** The smallest of the regime's largest agreeing steps, if measured. */
  public static OptionalDouble safeStep(Regime regime) {
    return largestAgreeing(regime).values().stream().mapToDouble(Double::doubleValue).min();
  }

  private static String resource(String name) {
    try (InputStream in = StepLengthStudy.class.getResourceAsStream(name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the two resources from comparison folders named on the command line as {@code dt=DIR}
   * (each DIR holding the runs.csv of {@code govsim compare --set time.dt_days=dt}), into {@code
   * src/main/resources/govsim/validation/}. The first argument is the provenance sentence.
   */
  public static void main(String[] args) throws IOException {
    Map<Double, Path> runs = new TreeMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      runs.put(Double.parseDouble(kv[0]), Path.of(kv[1]).resolve("runs.csv"));
    }
    List<Row> rows = measure(runs);
    Path dir = Path.of("src/main/resources/govsim/validation");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("step-length.md"), markdown(rows, args[0]));
    StringBuilder csv = new StringBuilder("metric,regime,largest_agreeing_dt_days\n");
    for (Row r : rows)
      csv.append(r.metric())
          .append(',')
          .append(r.regime())
          .append(',')
          .append(Num.format(r.largestAgreeingDt()))
          .append('\n');
    Files.writeString(dir.resolve("step-length.csv"), csv.toString());
  }
}
