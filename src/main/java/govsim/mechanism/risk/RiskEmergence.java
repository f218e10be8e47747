package govsim.mechanism.risk;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.RandomStreams;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * M1 — technology and risk emergence (MODEL.md §4 M1; paper §1.1, §1.2).
 *
 * <p>Firms release new models at a rate, each release raising capability; novel risks arrive as a
 * Poisson process with heavy-tailed (Pareto) severity, a visibility and a heterogeneous hazard
 * (lognormal multiplier of mean 1, risks.hazard_heterogeneity). A Knightian risk is unknown to
 * everyone — firms, communities, regulators — until its first incident (the paper's risk vs
 * uncertainty, §1.1); with risks.beliefs gamma_poisson its hazard is then learnt from incidents
 * from a vague prior, not revealed ({@link HazardBelief}). A capability shock adds risks and
 * changes the form of a share of active risks, so that rules written for the old form stop covering
 * them (the EU AI Act overtaken by ChatGPT, §1.2).
 */
public final class RiskEmergence implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final RiskParams p;
  private final MersenneTwisterFast hazards;
  private final HazardBelief beliefs;

  /**
   * @param hazards the run's "hazards" stream: one Gaussian per risk created, in the order risks
   *     are created (exogenous, so the same in every regime), whatever risks.hazard_heterogeneity
   */
  public RiskEmergence(RiskParams p, MersenneTwisterFast hazards) {
    this.p = p;
    this.hazards = hazards;
    this.beliefs = new HazardBelief(p);
  }

  /** For tests: the hazards stream of seed 0. */
  public RiskEmergence(RiskParams p) {
    this(p, RandomStreams.derive(0L, "hazards"));
  }

  /**
   * Lognormal hazard multiplier exp(s z - s^2/2) (mean 1) for a standard normal z and heterogeneity
   * s; exactly 1 for s = 0.
   */
  public static double hazardMultiplier(double heterogeneity, double z) {
    return Math.exp(heterogeneity * z - 0.5 * heterogeneity * heterogeneity);
  }

  /** Creates a novel risk drawn from the scenario's distributions and adds it to the world. */
  public Risk emergeRandom(World w, MersenneTwisterFast rng) {
    double severity = Draws.pareto(rng, p.severityParetoAlpha(), p.severityMin());
    double visibility = Draws.uniform(rng, p.visibilityMin(), p.visibilityMax());
    boolean knightian = Draws.bernoulli(rng, p.knightianShare());
    return emerge(w, rng, severity, visibility, knightian);
  }

  /** Adds a risk with the given characteristics (also used by scheduled emerge_risk events). */
  public Risk emerge(
      World w, MersenneTwisterFast rng, double severity, double visibility, boolean knightian) {
    double lifetime = Draws.exponential(rng, p.lifetimeYearsMean() * Draws.DAYS_PER_YEAR);
    // Drawn for every risk, used or not (issue 13 item 1): regime-independent consumption.
    double multiplier = hazardMultiplier(p.hazardHeterogeneity(), hazards.nextGaussian());
    Risk r =
        new Risk(
            w.risks.size(),
            w.now,
            severity,
            visibility,
            p.hazardPerFirmYear() / Draws.DAYS_PER_YEAR * multiplier,
            knightian,
            w.now + lifetime,
            w.generation,
            w.jurisdictions);
    r.hazardMultiplier = multiplier;
    beliefs.initialise(r, w.jurisdictions);
    w.risks.add(r);
    w.log(EventKind.RISK_EMERGED, -1, -1, r.id, -1, severity, knightian ? "knightian" : "known");
    return r;
  }

  /** One step: Poisson arrivals of novel risks and retirement of old ones. */
  public void step(World w, MersenneTwisterFast rng) {
    int arrivals = Draws.poisson(rng, p.arrivalRatePerYear() * w.dtDays / Draws.DAYS_PER_YEAR);
    for (int i = 0; i < arrivals; i++) emergeRandom(w, rng);
    for (Risk r : w.risks) {
      if (r.active && r.retireDay <= w.now) {
        r.active = false;
        w.log(EventKind.RISK_RETIRED, -1, -1, r.id, -1, 0, "");
      }
    }
  }

  /**
   * Releases: a firm whose release day has come gains capability. The gain is crowded out by
   * compliance costs (SF6: heavy uniform rules slow innovation), and a firm bound by a regulator's
   * rule waits an ex-ante conformity assessment before its next release. A firm that releases
   * unsafely waits {@code unsafeSpeedup} times less on average (M6's safety-speed trade-off).
   *
   * @param rngOfFirm each firm's own release stream (by firm id): a firm's k-th release draws the
   *     same gain and interval in every regime, however the regime delays it
   */
  public void releases(
      World w,
      IntFunction<MersenneTwisterFast> rngOfFirm,
      double innovationCrowdOut,
      double assessmentDays,
      double unsafeSpeedup,
      IntPredicate boundByRegulator) {
    releases(
        w, rngOfFirm, innovationCrowdOut, assessmentDays, unsafeSpeedup, boundByRegulator, null);
  }

  /**
   * The same, with each gain also multiplied by {@code gainFactor} of the firm (issue 12: its
   * R&amp;D production function and the data and scale feedback; null for 1). The draws are the
   * same whatever the factor, so a firm's k-th release draws the same number in every regime.
   */
  public void releases(
      World w,
      IntFunction<MersenneTwisterFast> rngOfFirm,
      double innovationCrowdOut,
      double assessmentDays,
      double unsafeSpeedup,
      IntPredicate boundByRegulator,
      IntToDoubleFunction gainFactor) {
    if (p.releaseRatePerYear() <= 0) return;
    double meanInterval = Draws.DAYS_PER_YEAR / p.releaseRatePerYear();
    for (Firm f : w.firms) {
      if (!f.active || f.nextReleaseDay > w.now) continue;
      MersenneTwisterFast rng = rngOfFirm.apply(f.id);
      double crowd = Math.max(0.0, 1.0 - innovationCrowdOut * f.complianceCostPercent / 100.0);
      double factor = gainFactor == null ? 1.0 : gainFactor.applyAsDouble(f.id);
      f.capability += Draws.exponential(rng, p.releaseStepMean()) * crowd * factor;
      double delay = boundByRegulator.test(f.id) ? assessmentDays : 0.0;
      double mean = f.unsafeReleases ? meanInterval / unsafeSpeedup : meanInterval;
      // The next release is timed from this release's due day, not from the start of the step
      // that found it due: a step longer than a day delays a release to the next step but does
      // not push every later release back (the conformity delay keeps its sub-step time).
      f.nextReleaseDay = f.nextReleaseDay + Draws.exponential(rng, mean) + delay;
    }
  }

  /** Schedules a new firm's first release. */
  public void scheduleFirstRelease(Firm f, World w, MersenneTwisterFast rng) {
    f.nextReleaseDay =
        p.releaseRatePerYear() <= 0
            ? Double.POSITIVE_INFINITY
            : w.now + Draws.exponential(rng, Draws.DAYS_PER_YEAR / p.releaseRatePerYear());
  }

  /**
   * A capability shock: capability jumps, the technology generation advances, a share of active
   * risks change form (rules for the old form no longer cover them), and new risks arrive.
   */
  public void shock(
      World w,
      MersenneTwisterFast rng,
      int newRisks,
      double obsoleteShare,
      double capabilityBoost) {
    w.generation++;
    int changed = 0;
    for (Risk r : w.risks) {
      if (r.active && Draws.bernoulli(rng, obsoleteShare)) {
        r.generation = w.generation;
        changed++;
      }
    }
    for (Firm f : w.firms) if (f.active) f.capability += capabilityBoost;
    w.log(
        EventKind.CAPABILITY_SHOCK,
        -1,
        -1,
        -1,
        -1,
        w.generation,
        changed + " risks changed form, " + newRisks + " new");
    for (int i = 0; i < newRisks; i++) emergeRandom(w, rng);
  }
}
