package govsim.experiment.validation;

import govsim.experiment.SingleRun;
import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.Seeds;
import govsim.experiment.compare.ComparisonTable;
import govsim.model.ModelSpec;
import govsim.model.Regime;
import govsim.model.Scenarios;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import govsim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The measured variance reduction of common random numbers (issue 11 item 1; MODEL.md §9): for each
 * headline metric and pair of regimes, the variance of the paired difference a_i − b_i over
 * replications that share their seed (named streams: the same risks, incidents' uniforms, malicious
 * opportunities, users and entrants in both regimes) against the variance of the difference of two
 * runs with independent seeds, Var(a) + Var(b), estimated as s²_a + s²_b from the same runs. The
 * ratio is below 1 where the shared draws make the regimes' outcomes move together; 1 − ratio is
 * the share of the variance that common random numbers remove (so a comparison needs ratio × the
 * replications that independent seeds would need for the same interval).
 */
public final class CrnVarianceReduction {
  /** The world measured: the baseline scenario, smaller so that the test suite can afford it. */
  static final String SCENARIO = "scenarios/baseline.yaml";

  static final List<String> SETS = List.of("users.count=20000");

  private static final Map<String, String> CACHE = new HashMap<>();

  private CrnVarianceReduction() {}

  /**
   * The docs/validation.md section for the given replications and master seed (computed once per
   * JVM; results do not depend on the thread count).
   */
  public static synchronized String section(int reps, long master) {
    String key = reps + "|" + master;
    String cached = CACHE.get(key);
    if (cached == null) {
      try {
        cached = render(measure(reps, master, BatchRunner.defaultThreads()), reps, master);
      } catch (ScenarioException e) {
        throw new IllegalStateException("the bundled " + SCENARIO + " does not load", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      CACHE.put(key, cached);
    }
    return cached;
  }

  /** Per regime, per replication, the headline metrics (NaN where undefined). */
  static Map<Regime, double[][]> measure(int reps, long master, int threads)
      throws ScenarioException, InterruptedException {
    BatchRunner runner = new BatchRunner(threads);
    Map<Regime, double[][]> out = new EnumMap<>(Regime.class);
    List<String> metrics = ComparisonTable.HEADLINE;
    for (Regime regime : Regime.values()) {
      List<String> sets = new ArrayList<>(SETS);
      sets.add("regime=" + regime.yamlName());
      ModelSpec spec = Scenarios.load(Path.of(SCENARIO), sets).config();
      List<Callable<double[]>> jobs = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        ModelSpec s = spec.withSeed(Seeds.derive(master, "replication=" + i));
        jobs.add(
            () -> {
              RunResult r = SingleRun.run(s, new RunListener() {});
              double[] v = new double[metrics.size()];
              for (int m = 0; m < v.length; m++) {
                Double x = r.summary().get(metrics.get(m));
                v[m] = x == null ? Double.NaN : x;
              }
              return v;
            });
      }
      double[][] values = new double[reps][];
      List<String> failures = new ArrayList<>();
      runner.run(
          jobs.iterator(),
          (Outcome<double[]> o) -> {
            if (o.ok()) values[(int) o.index()] = o.result();
            else failures.add(o.errorText());
          });
      if (!failures.isEmpty()) {
        throw new IllegalStateException("runs failed in " + SCENARIO + ": " + failures);
      }
      out.put(regime, values);
    }
    return out;
  }

  /**
   * Var(a − b) over the replications where both are defined, over s²_a + s²_b on the same
   * replications; NaN when fewer than 3 replications are defined or neither regime varies.
   *
   * @return {ratio, n, paired variance, independent variance}
   */
  static double[] ratio(double[] a, double[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) n++;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] d = new double[n];
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i]) || Double.isNaN(b[i])) continue;
      x[k] = a[i];
      y[k] = b[i];
      d[k] = a[i] - b[i];
      k++;
    }
    if (n < 3) return new double[] {Double.NaN, n, Double.NaN, Double.NaN};
    double paired = variance(d);
    double independent = variance(x) + variance(y);
    double r = independent > 0 ? paired / independent : Double.NaN;
    return new double[] {r, n, paired, independent};
  }

  /** Sample variance (n − 1 in the denominator). */
  static double variance(double[] v) {
    double mean = 0;
    for (double x : v) mean += x;
    mean /= v.length;
    double ss = 0;
    for (double x : v) ss += (x - mean) * (x - mean);
    return ss / (v.length - 1);
  }

  static String render(Map<Regime, double[][]> values, int reps, long master) {
    List<String> metrics = ComparisonTable.HEADLINE;
    Regime[] regimes = Regime.values();
    ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, reps - 1);
    StringBuilder s = new StringBuilder();
    s.append("# Common random numbers: variance reduction of paired differences\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "Every random process draws from its own stream, derived from the run's seed and the stream's name (docs/ODD.md"
                + " §4, Stochasticity), so with the same seed every regime meets the same risks, incident draws, malicious"
                + " opportunities, users and entrants (`CommonRandomNumbersTest`). What that buys, measured: `%s` with `%s`,"
                + " %d replications per regime (master seed %d, replication i uses seed `Seeds.derive(master,"
                + " \"replication=i\")` in every regime, as `govsim compare` does). For each headline metric and pair of regimes"
                + " a, b the cell is Var(a − b) over the replications, paired by seed, divided by s²(a) + s²(b), the variance the"
                + " difference of two runs with independent seeds would have, estimated from the same runs; n is the number of"
                + " replications where the metric is defined in both regimes. Below 1, common random numbers remove that share of"
                + " the variance: a paired comparison needs ratio × the replications independent seeds would need for the same"
                + " interval. Above 1, the regimes' outcomes move against each other under the shared draws. Exactly 1 where"
                + " one of the two regimes does not vary at all (no malicious harm under hybrid's backstop, no regulator"
                + " cost without a regulator): there is nothing to cancel. Empty: fewer than 3 defined replications, or the"
                + " metric varies in neither regime. Single cells are rough: with %d"
                + " replications a sample variance lies between %s and %s times its expectation in 90%% of samples"
                + " (chi-squared, %d degrees of freedom).\n\n",
            SCENARIO,
            String.join(" ", SETS.stream().map(x -> "--set " + x).toList()),
            reps,
            master,
            reps,
            Finding.num(chi2.inverseCumulativeProbability(0.05) / (reps - 1)),
            Finding.num(chi2.inverseCumulativeProbability(0.95) / (reps - 1)),
            reps - 1));
    s.append("| metric |");
    List<Regime[]> pairs = new ArrayList<>();
    for (int a = 0; a < regimes.length; a++) {
      for (int b = a + 1; b < regimes.length; b++) {
        pairs.add(new Regime[] {regimes[a], regimes[b]});
        s.append(' ')
            .append(regimes[a].yamlName())
            .append(" − ")
            .append(regimes[b].yamlName())
            .append(" |");
      }
    }
    s.append("\n|---|");
    for (int p = 0; p < pairs.size(); p++) s.append("---|");
    s.append('\n');
    List<Double> all = new ArrayList<>();
    for (int m = 0; m < metrics.size(); m++) {
      s.append("| `").append(metrics.get(m)).append("` |");
      for (Regime[] pair : pairs) {
        double[] r = ratio(column(values.get(pair[0]), m), column(values.get(pair[1]), m));
        if (Double.isNaN(r[0])) {
          s.append(" |");
        } else {
          if (varies(column(values.get(pair[0]), m)) && varies(column(values.get(pair[1]), m))) {
            all.add(r[0]);
          }
          s.append(' ').append(Finding.num(r[0])).append(" (n ").append((int) r[1]).append(") |");
        }
      }
      s.append('\n');
    }
    List<Double> sorted = new ArrayList<>(all);
    sorted.sort(null);
    long below = all.stream().filter(x -> x < 1).count();
    s.append('\n')
        .append(
            String.format(
                Locale.ROOT,
                "Over the %d cells where both regimes vary: median ratio %s, %d below 1, smallest %s, largest"
                    + " %s.\n\n",
                all.size(),
                sorted.isEmpty() ? "n/a" : Finding.num(median(sorted)),
                below,
                sorted.isEmpty() ? "n/a" : Finding.num(sorted.get(0)),
                sorted.isEmpty() ? "n/a" : Finding.num(sorted.get(sorted.size() - 1))));
    return s.toString();
  }

  /** Whether the defined values are not all equal. */
  private static boolean varies(double[] v) {
    double first = Double.NaN;
    for (double x : v) {
      if (Double.isNaN(x)) continue;
      if (Double.isNaN(first)) first = x;
      else if (x != first) return true;
    }
    return false;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : 0.5 * (sorted.get(n / 2 - 1) + sorted.get(n / 2));
  }

  private static double[] column(double[][] rows, int m) {
    double[] v = new double[rows.length];
    for (int i = 0; i < rows.length; i++) v[i] = rows[i][m];
    return v;
  }
}
