package govsim.experiment.validation;

import govsim.model.EventType;
import govsim.model.ModelSpec;
import govsim.observe.Metrics;
import govsim.observe.RunMetric;
import govsim.observe.StepMetric;
import govsim.world.EventKind;
import govsim.world.WorldEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One number a claim measures in every run: a summary metric of the catalogue ({@link Metrics}),
 * the mean of a time-series metric over a window, or a quantity read from the event log. A quantity
 * names the catalogue metric it reads (so that a claim can be repointed when a metric's definition
 * changes) and measures NaN when the run leaves it undefined.
 */
public interface Quantity {
  /** Short label for tables and sentences, e.g. "coverage_regulator, 30 days before the shock". */
  String label();

  /** Where the number comes from, for tables: the catalogue metric's name in backticks. */
  default String source() {
    return "`" + label() + "`";
  }

  /** The unit, from the catalogue where the quantity reads a catalogue metric. */
  String unit();

  /** True when the quantity needs the run's time series (so the runner keeps the rows). */
  default boolean needsRows() {
    return false;
  }

  /** True when the quantity needs the run's event log. */
  default boolean needsEvents() {
    return false;
  }

  /** The value in one run; NaN when the run leaves it undefined. */
  double measure(StylizedFacts.Capture run);

  /** A summary metric of the catalogue, by its summary.csv name. */
  static Quantity summary(String metric) {
    RunMetric m =
        Metrics.run(metric)
            .orElseThrow(() -> new IllegalArgumentException("no summary metric '" + metric + "'"));
    String unit = m.doc().unit();
    return new Quantity() {
      @Override
      public String label() {
        return metric;
      }

      @Override
      public String unit() {
        return unit;
      }

      @Override
      public double measure(StylizedFacts.Capture run) {
        Double v = run.result().summary().get(metric);
        return v == null ? Double.NaN : v;
      }
    };
  }

  /** Where a window is anchored. */
  enum Anchor {
    /** Day of the scenario's first capability shock event. */
    SHOCK("the shock"),
    /** That day plus {@code rulemaking.legislative_lag_days}: the earliest a second cycle ends. */
    SHOCK_PLUS_LAG("a second legislative cycle can complete");

    final String text;

    Anchor(String text) {
      this.text = text;
    }

    double day(ModelSpec s) {
      double shock =
          s.events().stream()
              .filter(e -> e.type() == EventType.CAPABILITY_SHOCK)
              .mapToDouble(e -> e.atDay())
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("the scenario has no capability_shock event"));
      return this == SHOCK ? shock : shock + s.rulemaking().legislativeLagDays();
    }
  }

  /**
   * The mean of a time-series metric over the steps that start in [anchor + from, anchor + to)
   * days; NaN when no step starts there or the metric is undefined in all of them.
   */
  static Quantity window(String metric, Anchor anchor, double from, double to, String when) {
    StepMetric m =
        Metrics.step(metric)
            .orElseThrow(
                () -> new IllegalArgumentException("no time-series metric '" + metric + "'"));
    int col = m.column();
    String unit = m.doc().unit();
    return new Quantity() {
      @Override
      public String label() {
        return metric + ", " + when;
      }

      @Override
      public String unit() {
        return unit;
      }

      @Override
      public boolean needsRows() {
        return true;
      }

      @Override
      public double measure(StylizedFacts.Capture run) {
        ModelSpec s = run.result().spec();
        double a = anchor.day(s);
        return windowMean(run.rows(), col, a + from, a + to, s.time().dtDays());
      }
    };
  }

  /** Mean of column col over rows whose step starts in [fromDay, toDay); NaN cells are skipped. */
  static double windowMean(List<double[]> rows, int col, double fromDay, double toDay, double dt) {
    double s = 0;
    int n = 0;
    int day = Metrics.DAY.column();
    for (double[] r : rows) {
      double start = r[day] - dt;
      if (start + 1e-9 >= fromDay && start < toDay - 1e-9 && !Double.isNaN(r[col])) {
        s += r[col];
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** A quantity read from the event log by a function (documented by its label). */
  static Quantity fromEvents(String label, String unit, ToDoubleFunction<StylizedFacts.Capture> f) {
    return new Quantity() {
      @Override
      public String label() {
        return label;
      }

      @Override
      public String unit() {
        return unit;
      }

      @Override
      public boolean needsEvents() {
        return true;
      }

      @Override
      public String source() {
        return "event log: " + label;
      }

      @Override
      public double measure(StylizedFacts.Capture run) {
        return f.applyAsDouble(run);
      }
    };
  }

  /**
   * Days from the start of the step in which the scenario's scheduled practice was adopted to the
   * first event of the given kind at the same firm (an outcry, a revision); NaN if none follows.
   */
  static double daysFromScheduledAdoption(StylizedFacts.Capture run, EventKind kind) {
    double dt = run.result().spec().time().dtDays();
    WorldEvent adopted = null;
    for (WorldEvent e : run.events()) {
      if (adopted == null) {
        if (e.type() == EventKind.PRACTICE_ADOPTED && e.detail().equals("scheduled event"))
          adopted = e;
        continue;
      }
      if (e.firm() != adopted.firm()) continue;
      if (e.type() == kind) return e.day() - (adopted.day() - dt);
      if (e.type() == EventKind.PRACTICE_REVISED) break;
    }
    return Double.NaN;
  }

  /**
   * Mean days from a novel risk's emergence to its entering the political agenda, over the novel
   * risks that entered it; NaN when none did. This is the part of the centralized gap the model
   * produces (salience from incidents); the legislative lag that follows is an input.
   */
  static double agendaDelay(StylizedFacts.Capture run) {
    java.util.Map<Integer, Double> agenda = new java.util.HashMap<>();
    for (WorldEvent e : run.events())
      if (e.type() == EventKind.AGENDA) agenda.putIfAbsent(e.risk(), e.day());
    double s = 0;
    int n = 0;
    for (var r : run.result().world().risks) {
      if (r.initial) continue;
      Double a = agenda.get(r.id);
      if (a == null) continue;
      s += a - r.emergedDay;
      n++;
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** "1 day", "30 days", "0.5 days". */
  static String days(double d) {
    String n = Finding.num(d);
    return n + (d == 1 ? " day" : " days");
  }

  /** Lower case first letter (for a label inside a sentence). */
  static String lower(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
