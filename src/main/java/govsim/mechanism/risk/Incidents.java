package govsim.mechanism.risk;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.Governance;
import govsim.mechanism.reputation.PracticeParams;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;
import java.util.function.IntFunction;

/**
 * M1 (realisation) — incidents and the harm they do (MODEL.md §4 M1, §7 harm metrics).
 *
 * <p>Each active risk causes incidents at each firm at its hazard rate, cut by the firm's
 * mitigation: by the most stringent rule that binds the firm on that risk, or by the voluntary
 * efficacy when no rule does. An incident harms a share of the firm's users (severity per affected
 * user), raises the risk's public salience where the firm operates (M2 agenda) and makes a
 * Knightian risk known. Every firm-step of exposure and its incident (or none) updates the
 * observers' beliefs about the hazard ({@link HazardBelief}). A firm's harmful practice harms all
 * its users a little every day and has incidents of its own (news, viral posts) that users can
 * notice (M5).
 */
public final class Incidents implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final RiskParams risks;
  private final PracticeParams practice;
  private final double voluntaryEfficacy;
  private final double unsafeHazardMultiplier;
  private final HazardBelief beliefs;

  /**
   * @param unsafeHazardMultiplier the factor on every risk's hazard at a firm that releases
   *     unsafely (firms.unsafe_hazard_multiplier)
   */
  public Incidents(
      RiskParams risks,
      PracticeParams practice,
      double voluntaryEfficacy,
      double unsafeHazardMultiplier) {
    this.risks = risks;
    this.practice = practice;
    this.voluntaryEfficacy = voluntaryEfficacy;
    this.unsafeHazardMultiplier = unsafeHazardMultiplier;
    this.beliefs = new HazardBelief(risks);
  }

  /**
   * Hazard multiplier of a firm on a risk: 1 unmitigated, 1 - efficacy mitigated; times
   * unsafe_hazard_multiplier if the firm releases unsafely.
   */
  public double hazardFactor(World w, Firm f, Risk r) {
    double posture = f.unsafeReleases ? unsafeHazardMultiplier : 1.0;
    if (!f.mitigates.get(r.id)) return posture;
    double stringency = Governance.bindingStringency(w, f, r);
    double efficacy = stringency != Governance.UNGOVERNED ? stringency : voluntaryEfficacy;
    return posture * (1.0 - efficacy);
  }

  /** Slots of the memo of {@link #stepProbability} (a power of two). */
  private static final int MEMO = 1 << 10;

  /**
   * The memo: the bits of expm1's argument, and its probability. Not part of a checkpoint (made
   * again when needed); +0.0 (bits 0) is never an argument, so it marks an empty slot.
   */
  private transient long[] memoArgument;

  private transient double[] memoProbability;

  /**
   * {@link Draws#stepProbability}{@code (ratePerDay, dtDays)}, remembered by its argument: in Java
   * 17 Math.expm1 is a native call, and a firm's probability of an incident on a risk changes only
   * when its hazard factor does, so nearly every step asks for a value it asked for before. The
   * same argument gives the same bits, so the memo changes no result.
   */
  double stepProbability(double ratePerDay, double dtDays) {
    if (ratePerDay <= 0) return 0.0;
    double x = -ratePerDay * dtDays;
    long bits = Double.doubleToRawLongBits(x);
    if (memoArgument == null) {
      memoArgument = new long[MEMO];
      memoProbability = new double[MEMO];
    }
    long h = bits * 0x9E3779B97F4A7C15L;
    int slot = (int) (h >>> 54) & (MEMO - 1);
    if (bits != 0L && memoArgument[slot] == bits) return memoProbability[slot];
    double p = -Math.expm1(x);
    memoArgument[slot] = bits;
    memoProbability[slot] = p;
    return p;
  }

  /**
   * One step of incidents. Each active firm draws from its own stream exactly one uniform per
   * active risk and one for its practice's news, whether or not it mitigates the risk or has the
   * practice, and compares the uniform with its (regime-dependent) probability: the same firm, risk
   * and day meet the same uniform in every regime (common random numbers), and mitigation removes
   * exactly the incidents whose uniform falls between the mitigated and the unmitigated
   * probability.
   *
   * @param rngOfFirm each firm's incident stream, by firm id
   */
  public void step(World w, IntFunction<MersenneTwisterFast> rngOfFirm) {
    double dt = w.dtDays;
    countGovernedDays(w);
    double practiceProb = Draws.stepProbability(practice.incidentRatePerDay(), dt);
    for (Firm f : w.firms) {
      f.stepIncidents = 0;
      if (!f.active) continue;
      MersenneTwisterFast rng = rngOfFirm.apply(f.id);
      for (Risk r : w.risks) {
        if (!r.active) continue;
        double u = rng.nextDouble();
        double factor = hazardFactor(w, f, r);
        double p = stepProbability(r.hazardPerDay * factor, dt);
        boolean hit = u < p;
        if (hit) incident(w, f, r);
        beliefs.observe(r, f, factor * dt, hit ? 1 : 0);
      }
      double news = rng.nextDouble();
      if (f.practice) {
        // The practice's intensity (1 unless partly revised, M5) scales its harm and visibility.
        double harm = practice.harmPerUserDay() * f.practiceLevel * dt * f.users;
        addHarm(w, f, harm, false);
        if (news < practiceProb) {
          double visibility = practice.visibility() * f.practiceLevel;
          f.addIncident(visibility, -1);
          w.log(EventKind.PRACTICE_INCIDENT, f.id, -1, -1, -1, visibility, "");
        }
      }
    }
  }

  /**
   * Adds the step to the governed days of every active risk whose current form some rule in force
   * covers (a regulator's, or an active community's standard): the denominator of the control cost
   * per governed risk-year (issue 13 item 2).
   */
  static void countGovernedDays(World w) {
    for (Risk r : w.risks) {
      if (!r.active) continue;
      boolean governed = false;
      for (Regulator reg : w.regulators) governed |= reg.rules.covers(r);
      for (int c = 0; !governed && c < w.communities.size(); c++) {
        Community com = w.communities.get(c);
        governed = com.active && com.standards.covers(r);
      }
      if (governed) r.governedDays += w.dtDays;
    }
  }

  private void incident(World w, Firm f, Risk r) {
    double affected = risks.exposureShare() * f.users;
    double harm = r.severity * affected;
    boolean severe = r.severity >= risks.severeThreshold();
    addHarm(w, f, harm, severe);
    w.tally.incidents++;
    if (severe) {
      w.tally.severeIncidents++;
      w.severeIncidentsThisStep.add(new int[] {f.id, r.id});
    }
    // inst (issue 13.7): a guideline makes users notice more (signalNoticeFactor 1 without one).
    f.addIncident(Math.min(1.0, r.visibility * r.signalNoticeFactor), r.id);
    for (int j = 0; j < w.jurisdictions; j++) {
      if (f.serves(j)) r.salience[j] += r.severity * r.visibility;
    }
    if (!r.known) {
      r.known = true;
      w.log(
          EventKind.RISK_KNOWN,
          f.id,
          -1,
          r.id,
          -1,
          r.severity,
          "first incident of a Knightian risk");
    }
    if (severe) w.log(EventKind.SEVERE_INCIDENT, f.id, -1, r.id, -1, harm, "");
  }

  private static void addHarm(World w, Firm f, double harm, boolean severe) {
    if (harm <= 0 || f.users == 0) return;
    w.tally.harm += harm;
    if (severe) w.tally.harmSevere += harm;
    w.tally.harmWeak += harm * f.weakUsers / (double) f.users;
  }
}
