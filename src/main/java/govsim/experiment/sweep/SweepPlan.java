package govsim.experiment.sweep;

import govsim.experiment.batch.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The runs of a sweep: its design points, and for every point, replication and regime a run with an
 * index and a seed.
 *
 * <p>Run order (and run ids): point by point, within a point replication by replication, within a
 * replication regime by regime: {@code run = (point * replications + replication) * regimes +
 * regime}. So the runs of one point are contiguous (aggregates stream point by point) and the
 * regimes of one replication are adjacent.
 *
 * <p>Seeds: {@link Seeds#derive}{@code (seed, identity)} where the identity is the point's
 * parameter values as exact text ({@link SweepParameter#identity}), an occurrence number when the
 * same values appear at several points (possible after rounding integers), and the replication:
 * {@code users.count=2000;rulemaking.legislative_lag_days=0x1.3p9|replication=1}. The regime is not
 * part of it: every regime of a replication runs the same seed (common random numbers). A run's
 * seed depends only on the master seed and its own identity, so adding replications, values or
 * points, or reordering them, leaves the seeds of existing runs unchanged.
 */
public final class SweepPlan {
  private final SweepDefinition definition;
  private final List<Object[]> points;
  private final long[] seeds;
  private final int replications;
  private final int regimes;
  private final SweepPrecision precision;

  private SweepPlan(SweepDefinition definition, List<Object[]> points, SweepPrecision precision) {
    this.definition = definition;
    this.points = points;
    this.precision = precision;
    // With a precision target the plan holds the most replications a point may get; the runs a
    // point does not need are never run (their ids stay free), so run ids and seeds are those of a
    // sweep with max-reps replications.
    this.replications =
        precision == null ? definition.spec().replications() : precision.maxReplications();
    this.regimes = definition.regimes().size();
    this.seeds = new long[points.size() * replications];
    Map<String, Integer> occurrences = new HashMap<>();
    long master = definition.spec().seed();
    for (int p = 0; p < points.size(); p++) {
      String id = pointIdentity(points.get(p));
      int occurrence = occurrences.merge(id, 1, Integer::sum) - 1;
      if (occurrence > 0) id = id + "#" + occurrence;
      for (int r = 0; r < replications; r++)
        seeds[p * replications + r] = Seeds.derive(master, id + "|replication=" + r);
    }
    Seeds.requireDistinct(
        seeds, i -> "point " + (i / replications) + " replication " + (i % replications));
  }

  /** Builds the plan of a validated sweep (the design is a pure function of the sweep file). */
  public static SweepPlan of(SweepDefinition definition) {
    return of(definition, null);
  }

  /**
   * The plan of a sweep with a replication target ({@code --precision}; null for the sweep file's
   * fixed replications).
   *
   * @throws IllegalArgumentException if the target cannot be used (the message says why)
   */
  public static SweepPlan of(SweepDefinition definition, SweepPrecision precision) {
    if (precision != null) {
      String why = precision.problem(definition.spec().replications());
      if (why != null) throw new IllegalArgumentException(why);
    }
    List<SweepParameter> ps = definition.parameters();
    int k = ps.size();
    int n = definition.spec().samples();
    List<Object[]> points = new ArrayList<>();
    switch (definition.spec().design()) {
      case GRID -> points.addAll(Designs.grid(ps));
      case RANDOM -> points.addAll(map(ps, Designs.random(n, k, designGenerator(definition))));
      case LHS -> points.addAll(map(ps, Designs.latinHypercube(n, k, designGenerator(definition))));
      case SOBOL -> points.addAll(map(ps, Designs.saltelli(n, k)));
      case MORRIS -> points.addAll(map(ps, morrisDesign(definition)));
      default -> throw new IllegalStateException();
    }
    return new SweepPlan(definition, points, precision);
  }

  /**
   * The unit-cube points of a Morris design (what {@link SweepParameter#at} maps to the points'
   * values), regenerated from the sweep file: the elementary effects need the steps in [0, 1].
   */
  public static double[][] morrisDesign(SweepDefinition definition) {
    List<SweepParameter> ps = definition.parameters();
    return Designs.morris(
        definition.spec().samples(),
        Designs.groups(ps),
        ps.size(),
        definition.spec().morrisLevels(),
        designGenerator(definition));
  }

  private static MersenneTwister designGenerator(SweepDefinition d) {
    return new MersenneTwister(Seeds.derive(d.spec().seed(), "design"));
  }

  private static List<Object[]> map(List<SweepParameter> ps, double[][] unit) {
    List<Object[]> out = new ArrayList<>(unit.length);
    for (double[] u : unit) {
      Object[] point = new Object[ps.size()];
      for (int i = 0; i < point.length; i++) point[i] = ps.get(i).at(u[i]);
      out.add(point);
    }
    return out;
  }

  /** The identity text of a point's values (without occurrence number). */
  String pointIdentity(Object[] point) {
    StringBuilder sb = new StringBuilder();
    List<SweepParameter> ps = definition.parameters();
    for (int i = 0; i < point.length; i++) {
      if (i > 0) sb.append(';');
      sb.append(ps.get(i).path()).append('=').append(SweepParameter.identity(point[i]));
    }
    return sb.toString();
  }

  /** The sweep this plan runs. */
  public SweepDefinition definition() {
    return definition;
  }

  /** Number of design points. */
  public int points() {
    return points.size();
  }

  /** The values of point p, one per parameter (do not modify). */
  public Object[] point(int p) {
    return points.get(p);
  }

  /** Replications per point and regime (with a precision target: the most a point may get). */
  public int replications() {
    return replications;
  }

  /** Replications every point starts with (the sweep file's). */
  public int initialReplications() {
    return definition.spec().replications();
  }

  /** The replication target, or null for fixed replications. */
  public SweepPrecision precision() {
    return precision;
  }

  /** Regimes per replication. */
  public int regimes() {
    return regimes;
  }

  /** Runs per point: replications x regimes. */
  public int runsPerPoint() {
    return replications * regimes;
  }

  /** Number of runs. */
  public int runs() {
    return points.size() * runsPerPoint();
  }

  /** The seed of a point's replication (shared by its regimes). */
  public long seed(int point, int replication) {
    return seeds[point * replications + replication];
  }

  /**
   * One run of the sweep.
   *
   * @param index the run id, 0-based, in run order
   * @param point design point index
   * @param replication replication index
   * @param regime index into the sweep's regimes
   * @param seed the run's seed
   */
  public record Run(int index, int point, int replication, int regime, long seed) {}

  /** Run number {@code index}. */
  public Run run(int index) {
    int regime = index % regimes;
    int rest = index / regimes;
    int replication = rest % replications;
    int point = rest / replications;
    return new Run(index, point, replication, regime, seed(point, replication));
  }
}
