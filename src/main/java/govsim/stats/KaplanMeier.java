package govsim.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Kaplan–Meier estimate of a survival curve from right-censored durations, with its median and
 * restricted mean, each with an interval (issue 11 item 3: durations that have not ended by the
 * horizon are censored, not dropped).
 *
 * <p>Methods, as in R's {@code survival::survfit} with its defaults and {@code survRM2}: S(t) =
 * prod over event times t_i &lt;= t of (1 - d_i / n_i), d_i events and n_i subjects at risk at t_i
 * (a subject censored at t_i is at risk at t_i). Greenwood's variance, var(log S) = sum d_i / (n_i
 * (n_i - d_i)); pointwise interval of S on the log scale, exp(log S +- z se), capped at 1. The
 * median is the smallest t with S(t) &lt;= 0.5, its interval the times at which the lower and the
 * upper pointwise limits first reach 0.5 (Brookmeyer–Crowley by inverting the pointwise band); each
 * is undefined (NaN) when the curve or limit never reaches 0.5. Once S is 0 (the last subjects at
 * risk all had the event) the band is [0, 0] there (R leaves it undefined), so that a sample whose
 * durations are all equal has the degenerate interval [t, t]. The restricted mean survival time up
 * to tau is the area under S on [0, tau], with variance sum over event times t_i &lt;= tau of A_i^2
 * d_i / (n_i (n_i - d_i)), A_i the area under S from t_i to tau (a term with n_i = d_i is 0: the
 * curve is 0 after it), and a normal interval clipped to [0, tau].
 */
public final class KaplanMeier {
  private final int n;
  private final int events;
  private final double[] times; // distinct event times, ascending
  private final double[] survival; // S just after each event time
  private final double[] lower;
  private final double[] upper;
  private final int[] atRisk;
  private final int[] died;
  private final double z;
  private final double maxTime;

  /**
   * @param durations durations (non-negative, finite)
   * @param observed for each duration, true if it ended in the event, false if censored there
   * @param level confidence level of the intervals, in (0, 1)
   */
  public KaplanMeier(double[] durations, boolean[] observed, double level) {
    if (durations.length != observed.length)
      throw new IllegalArgumentException("durations and observed differ in length");
    if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1)");
    this.n = durations.length;
    // No generator: the distribution is only used for its quantile (never sampled).
    this.z =
        new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
            .inverseCumulativeProbability(0.5 + level / 2);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (!(durations[i] >= 0) || Double.isInfinite(durations[i]))
        throw new IllegalArgumentException("duration " + durations[i] + " is not in [0, inf)");
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(durations[a], durations[b]));
    double[] t = new double[n];
    int[] d = new int[n];
    int[] r = new int[n];
    int k = 0;
    int ev = 0;
    double max = 0;
    int i = 0;
    while (i < n) {
      double ti = durations[order[i]];
      int deaths = 0;
      int leaving = 0;
      while (i + leaving < n && durations[order[i + leaving]] == ti) {
        if (observed[order[i + leaving]]) deaths++;
        leaving++;
      }
      if (deaths > 0) {
        t[k] = ti;
        d[k] = deaths;
        r[k] = n - i;
        k++;
        ev += deaths;
      }
      max = Math.max(max, ti);
      i += leaving;
    }
    this.events = ev;
    this.maxTime = max;
    this.times = Arrays.copyOf(t, k);
    this.died = Arrays.copyOf(d, k);
    this.atRisk = Arrays.copyOf(r, k);
    this.survival = new double[k];
    this.lower = new double[k];
    this.upper = new double[k];
    double s = 1;
    double greenwood = 0;
    for (int j = 0; j < k; j++) {
      s *= 1.0 - died[j] / (double) atRisk[j];
      survival[j] = s;
      if (atRisk[j] > died[j]) {
        greenwood += died[j] / ((double) atRisk[j] * (atRisk[j] - died[j]));
        double se = Math.sqrt(greenwood);
        lower[j] = s * Math.exp(-z * se);
        upper[j] = Math.min(1.0, s * Math.exp(z * se));
      } else { // S drops to 0: every subject still at risk had the event; the band is [0, 0]
        lower[j] = 0;
        upper[j] = 0;
      }
    }
  }

  /** Subjects (durations). */
  public int n() {
    return n;
  }

  /** Durations that ended in the event (not censored). */
  public int events() {
    return events;
  }

  /** Share of subjects whose event was observed (NaN for no subject). */
  public double observedShare() {
    return n == 0 ? Double.NaN : events / (double) n;
  }

  /** Longest duration, censored or not (0 for no subject). */
  public double maxTime() {
    return maxTime;
  }

  /** S(t): the estimated share still without the event at time t (1 before the first event). */
  public double survival(double t) {
    double s = 1;
    for (int j = 0; j < times.length && times[j] <= t; j++) s = survival[j];
    return s;
  }

  /** The median: the smallest t with S(t) &lt;= 0.5, NaN if S never falls that low. */
  public double median() {
    return firstAtOrBelowHalf(survival);
  }

  /** Lower end of the median's interval (where the lower pointwise limit first reaches 0.5). */
  public double medianLow() {
    return firstAtOrBelowHalf(lower);
  }

  /** Upper end of the median's interval (where the upper limit first reaches 0.5), or NaN. */
  public double medianHigh() {
    return firstAtOrBelowHalf(upper);
  }

  private double firstAtOrBelowHalf(double[] curve) {
    for (int j = 0; j < times.length; j++) if (curve[j] <= 0.5 + 1e-12) return times[j];
    return Double.NaN;
  }

  /** Restricted mean survival time: the area under S on [0, tau] (NaN for no subject). */
  public double restrictedMean(double tau) {
    if (n == 0) return Double.NaN;
    return areaFrom(0, tau);
  }

  /** Standard error of the restricted mean up to tau (Greenwood-type; NaN for no subject). */
  public double restrictedMeanSe(double tau) {
    if (n == 0) return Double.NaN;
    double var = 0;
    for (int j = 0; j < times.length && times[j] <= tau; j++) {
      if (atRisk[j] == died[j]) continue;
      double a = areaFrom(times[j], tau);
      var += a * a * died[j] / ((double) atRisk[j] * (atRisk[j] - died[j]));
    }
    return Math.sqrt(var);
  }

  /** Lower end of the restricted mean's interval, clipped to [0, tau]. */
  public double restrictedMeanLow(double tau) {
    return Math.max(0, restrictedMean(tau) - z * restrictedMeanSe(tau));
  }

  /** Upper end of the restricted mean's interval, clipped to [0, tau]. */
  public double restrictedMeanHigh(double tau) {
    return Math.min(tau, restrictedMean(tau) + z * restrictedMeanSe(tau));
  }

  /** Area under the step function S between a and tau (a &lt;= tau). */
  private double areaFrom(double a, double tau) {
    double area = 0;
    double from = a;
    double s = survival(a);
    for (int j = 0; j < times.length; j++) {
      if (times[j] <= a) continue;
      if (times[j] >= tau) break;
      area += s * (times[j] - from);
      from = times[j];
      s = survival[j];
    }
    return area + s * Math.max(0, tau - from);
  }
}
