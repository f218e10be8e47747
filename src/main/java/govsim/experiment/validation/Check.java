package govsim.experiment.validation;

import govsim.model.Regime;
import govsim.stats.Estimate;
import govsim.stats.PairedDifference;
import govsim.stats.Stats;
import java.util.Locale;
import java.util.Map;

/**
 * One comparison of a {@link Claim}, declared as data: what is compared (operands: a regime and a
 * {@link Quantity}), how (the kind), against what threshold or margin. {@link #evaluate} computes
 * the verdict from the measured numbers (95% t-intervals over replications; differences between
 * regimes paired over the common seeds) and a sentence that states the numbers and whether the
 * interval meets the threshold, worded from the outcome, so that it reads correctly when the check
 * fails.
 */
public sealed interface Check {
  /** The 95% level of every interval. */
  double LEVEL = 0.95;

  /** The check in words, for the claim's table: "distributed gap / centralized gap <= 0.2". */
  String statement();

  /** The margin's value and reason, or empty when the check has none. */
  default String marginText() {
    return "";
  }

  /** The verdict, the statistic it rests on and the sentence. */
  Outcome evaluate(Map<String, double[]> measured);

  /** A regime's quantity. */
  record Operand(Regime regime, Quantity quantity, String label) {
    /** The key of its values in the measurements: regime and quantity label. */
    public String key() {
      return regime.yamlName() + "|" + quantity.label();
    }

    double[] values(Map<String, double[]> measured) {
      double[] v = measured.get(key());
      if (v == null) throw new IllegalArgumentException("no measurement for " + key());
      return v;
    }
  }

  /**
   * A margin: an absolute value, or a share of the reference operand's mean (relative), with the
   * reason for its size.
   */
  record Margin(double value, boolean relative, String reason) {
    /** No margin: a strict ordering (the interval must exclude zero). */
    public static final Margin NONE = new Margin(0, false, "");

    public static Margin relative(double share, String reason) {
      return new Margin(share, true, reason);
    }

    double of(double referenceMean) {
      return relative ? value * Math.abs(referenceMean) : value;
    }

    String text(String reference) {
      if (value == 0) return "";
      String v =
          relative
              ? Finding.num(100 * value) + "% of " + reference
              : Finding.num(value) + " (absolute)";
      return v + ": " + reason;
    }
  }

  /**
   * The outcome of a check.
   *
   * @param holds whether the interval meets the claim
   * @param label what the estimate is ("difference hybrid - centralized")
   * @param estimate the statistic the verdict rests on (mean, 95% interval, n)
   * @param sentence the computed sentence
   */
  record Outcome(boolean holds, String label, Estimate estimate, String sentence) {}

  /** Kinds of comparison of two operands paired over seeds: the difference a - b against bounds. */
  enum PairedKind {
    /** a below b by more than the margin: upper end of (a - b) below -margin. */
    LOWER,
    /** a above b by more than the margin: lower end above +margin. */
    HIGHER,
    /** Non-inferiority (higher is better): lower end of (a - b) above -margin. */
    NO_WORSE,
    /** A return to a reference level: as NO_WORSE, worded as a recovery. */
    RECOVERS,
    /** Equivalence: the whole interval of (a - b) within (-margin, +margin). */
    NEAR
  }

  /** a compared with b, paired over the common seeds. */
  record Paired(PairedKind kind, Operand a, Operand b, Margin margin) implements Check {
    @Override
    public String statement() {
      String m = margin.value() == 0 ? "0" : "margin";
      return switch (kind) {
        case LOWER -> a.label() + " < " + b.label() + (margin.value() == 0 ? "" : " - margin");
        case HIGHER -> a.label() + " > " + b.label() + (margin.value() == 0 ? "" : " + margin");
        case NO_WORSE ->
            a.label() + " no worse than " + b.label() + " (non-inferiority, " + m + ")";
        case RECOVERS -> a.label() + " back to within the margin of " + b.label();
        case NEAR -> a.label() + " within the margin of " + b.label() + " (equivalence)";
      };
    }

    @Override
    public String marginText() {
      return margin.text(b.label());
    }

    @Override
    public Outcome evaluate(Map<String, double[]> measured) {
      double[] x = a.values(measured);
      double[] y = b.values(measured);
      PairedDifference d = PairedDifference.of(x, y, LEVEL);
      Estimate ey = Stats.estimate(y, LEVEL);
      Estimate ex = Stats.estimate(x, LEVEL);
      Estimate e = new Estimate(d.meanDiff(), d.sd(), d.ciLow(), d.ciHigh(), d.n());
      String label = "difference " + a.label() + " - " + b.label() + " (paired)";
      String head =
          Quantity.lower(a.label())
              + " "
              + Finding.num(ex.mean())
              + " vs "
              + b.label()
              + " "
              + Finding.num(ey.mean())
              + ": paired difference "
              + Finding.num(d.meanDiff())
              + " "
              + interval(e)
              + defined(d.n(), x.length);
      if (d.n() < 2)
        return new Outcome(false, label, e, head + "; too few replications to test" + ".");
      double m = margin.of(ey.mean());
      String mt = margin.value() == 0 ? "" : " (margin " + Finding.num(m) + ")";
      boolean holds;
      String tail;
      switch (kind) {
        case LOWER -> {
          holds = d.ciHigh() < -m;
          tail =
              holds
                  ? "the interval lies below " + Finding.num(-m) + mt
                  : "the interval's upper end "
                      + Finding.num(d.ciHigh())
                      + " is not below "
                      + Finding.num(-m)
                      + mt
                      + (d.ciLow() > 0 ? ": " + a.label() + " is higher" : "");
        }
        case HIGHER -> {
          holds = d.ciLow() > m;
          tail =
              holds
                  ? "the interval lies above " + Finding.num(m) + mt
                  : "the interval's lower end "
                      + Finding.num(d.ciLow())
                      + " is not above "
                      + Finding.num(m)
                      + mt
                      + (d.ciHigh() < 0 ? ": " + a.label() + " is lower" : "");
        }
        case NO_WORSE, RECOVERS -> {
          holds = d.ciLow() > -m;
          String what = kind == PairedKind.RECOVERS ? "back within " : "no worse, within ";
          tail =
              holds
                  ? what
                      + "the margin: the interval's lower end "
                      + Finding.num(d.ciLow())
                      + " is above "
                      + Finding.num(-m)
                      + mt
                  : (kind == PairedKind.RECOVERS ? "not back" : "not shown no worse")
                      + ": the interval's lower end "
                      + Finding.num(d.ciLow())
                      + " is not above "
                      + Finding.num(-m)
                      + mt;
        }
        case NEAR -> {
          holds = d.ciLow() > -m && d.ciHigh() < m;
          tail =
              holds
                  ? "near: the interval lies within ±" + Finding.num(m) + mt
                  : "not shown near: the interval "
                      + (d.ciLow() <= -m && d.ciHigh() >= m
                          ? "is wider than ±" + Finding.num(m)
                          : d.ciLow() <= -m
                              ? "reaches below " + Finding.num(-m)
                              : "reaches above " + Finding.num(m))
                      + mt;
        }
        default -> throw new IllegalStateException();
      }
      return new Outcome(holds, label, e, head + "; " + tail + ".");
    }
  }

  /** The per-replication ratio a / b at most a threshold (upper end of its interval). */
  record RatioAtMost(Operand a, Operand b, double threshold) implements Check {
    @Override
    public String statement() {
      return a.label() + " / " + b.label() + " <= " + Finding.num(threshold);
    }

    @Override
    public Outcome evaluate(Map<String, double[]> measured) {
      double[] x = a.values(measured);
      double[] y = b.values(measured);
      double[] r = new double[x.length];
      for (int i = 0; i < r.length; i++) r[i] = x[i] / y[i];
      for (int i = 0; i < r.length; i++) if (!Double.isFinite(r[i])) r[i] = Double.NaN;
      Estimate e = Stats.estimate(r, LEVEL);
      String label = "ratio " + a.label() + " / " + b.label();
      String head =
          "the ratio "
              + a.label()
              + " / "
              + b.label()
              + " is "
              + Finding.num(e.mean())
              + " "
              + interval(e)
              + defined(e.n(), r.length);
      if (e.n() < 2) return new Outcome(false, label, e, head + "; too few replications to test.");
      boolean holds = e.ciHigh() <= threshold;
      String tail =
          holds
              ? "at most " + Finding.num(threshold) + ": the interval's upper end is below it"
              : "not shown at most "
                  + Finding.num(threshold)
                  + ": the interval's upper end "
                  + Finding.num(e.ciHigh())
                  + " exceeds it";
      return new Outcome(holds, label, e, head + "; " + tail + ".");
    }
  }

  /** One operand's interval inside [low, high] (either end may be infinite). */
  record Within(Operand a, double low, double high, String unitText) implements Check {
    @Override
    public String statement() {
      if (Double.isInfinite(low)) return a.label() + " <= " + Finding.num(high) + unitText;
      if (Double.isInfinite(high)) return a.label() + " >= " + Finding.num(low) + unitText;
      return a.label() + " in [" + Finding.num(low) + ", " + Finding.num(high) + "]" + unitText;
    }

    @Override
    public Outcome evaluate(Map<String, double[]> measured) {
      double[] x = a.values(measured);
      Estimate e = Stats.estimate(x, LEVEL);
      String head =
          Quantity.lower(a.label())
              + " is "
              + Finding.num(e.mean())
              + unitText
              + " "
              + interval(e)
              + defined(e.n(), x.length);
      if (e.n() < 2)
        return new Outcome(false, a.label(), e, head + "; too few replications to test.");
      boolean lowOk = e.ciLow() >= low;
      boolean highOk = e.ciHigh() <= high;
      String claim = statement().substring(a.label().length()).strip();
      String tail;
      if (lowOk && highOk) tail = "the interval lies within the claim (" + claim + ")";
      else if (!lowOk && !highOk) tail = "the interval is wider than the claim (" + claim + ")";
      else if (!lowOk)
        tail =
            "the interval reaches "
                + Finding.num(e.ciLow())
                + ", below "
                + Finding.num(low)
                + unitText
                + " (claim: "
                + claim
                + ")";
      else
        tail =
            "the interval reaches "
                + Finding.num(e.ciHigh())
                + ", above "
                + Finding.num(high)
                + unitText
                + " (claim: "
                + claim
                + ")";
      return new Outcome(lowOk && highOk, a.label(), e, head + "; " + tail + ".");
    }
  }

  /** The operand is defined (the event happened) in every replication. */
  record Always(Operand a, String event) implements Check {
    @Override
    public String statement() {
      return event + " in every replication";
    }

    @Override
    public Outcome evaluate(Map<String, double[]> measured) {
      double[] x = a.values(measured);
      int k = 0;
      for (double v : x) if (!Double.isNaN(v)) k++;
      Estimate e =
          new Estimate((double) k / x.length, Double.NaN, Double.NaN, Double.NaN, x.length);
      boolean holds = k == x.length;
      String s =
          String.format(
              Locale.ROOT,
              "%s in %d of %d replications%s.",
              event,
              k,
              x.length,
              holds ? "" : "; the claim needs all");
      return new Outcome(holds, "share of replications: " + event, e, s);
    }
  }

  private static String interval(Estimate e) {
    if (e.n() < 2 || Double.isNaN(e.ciLow())) return "(no interval)";
    return "[" + Finding.num(e.ciLow()) + ", " + Finding.num(e.ciHigh()) + "]";
  }

  private static String defined(int n, int of) {
    return n == of ? "" : " (defined in " + n + " of " + of + " replications)";
  }
}
