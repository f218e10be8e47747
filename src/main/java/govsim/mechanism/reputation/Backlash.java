package govsim.mechanism.reputation;

import ec.util.MersenneTwisterFast;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;

/**
 * M5 — reputation and backlash (MODEL.md §4 M5; paper §3.1.2).
 *
 * <p>Complaints aggregate into a public outcry when, in one step, they exceed a share of the firm's
 * users at the start of the step. An outcry cuts the firm's reputation and triggers its response:
 * it mitigates the risks whose incidents caused the outcry at once, and answers for its harmful
 * practice (Tencent Yuanbao: three revisions within five days, no regulator involved; Microsoft
 * withdrew Tay within 24 hours). Reputation recovers slowly every day, outcry days included.
 *
 * <p>How the firm answers is reputation.backlash_response. {@code automatic}: it revises the
 * practice in full firms.response_latency_days after the first outcry. {@code decision} (issue 12
 * item 1): it deliberates for firms.response_latency_days and then chooses, by firms.decision_rule
 * and firms.decision_intensity ({@link ResponseDecision}), to revise fully, revise partly (the
 * practice's intensity falls by reputation.partial_revision_share; it decides again after another
 * deliberation), wait (decide again after another deliberation) or hold (keep it and decide again
 * at the next outcry). Every outcry and every step of the practice is evidence for the firm's
 * learned backlash belief ({@link BacklashBelief}).
 */
public final class Backlash implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final ReputationParams p;
  private final PracticeParams practice;
  private final double responseLatencyDays;
  private final double beliefLearningRate;
  private final boolean decide;
  private final boolean fermi;
  private final double intensity;
  private final double harmAversion;

  /**
   * @param responseLatencyDays firms.response_latency_days (automatic: time from an outcry to the
   *     revision; decision: the time a decision takes)
   * @param beliefLearningRate firms.backlash_learning_rate (the legacy belief)
   * @param fermi whether firms.decision_rule is fermi (else logit)
   * @param intensity firms.decision_intensity
   * @param harmAversion firms.harm_aversion
   */
  public Backlash(
      ReputationParams p,
      PracticeParams practice,
      double responseLatencyDays,
      double beliefLearningRate,
      boolean fermi,
      double intensity,
      double harmAversion) {
    this.p = p;
    this.practice = practice;
    this.responseLatencyDays = responseLatencyDays;
    this.beliefLearningRate = beliefLearningRate;
    this.decide = p.backlashResponse() == ReputationParams.BacklashResponse.DECISION;
    this.fermi = fermi;
    this.intensity = intensity;
    this.harmAversion = harmAversion;
  }

  /**
   * Whether a step of {@code dtDays} days' complaints make an outcry (exposed for tests and the
   * GUI). The threshold is a share of users per day, so a step of dt days needs dt times as many
   * complaints: the outcry does not depend on the step length beyond discretisation.
   */
  public boolean isOutcry(int complaints, int usersAtStepStart, double dtDays) {
    return usersAtStepStart > 0
        && complaints > p.outcryThresholdShare() * dtDays * usersAtStepStart;
  }

  /**
   * One step: outcries, the responses that are due, reputation's recovery.
   *
   * @param rng the backlash stream (response decisions); unused in automatic mode
   */
  public void step(World w, MersenneTwisterFast rng) {
    double end = w.endOfStep();
    for (Firm f : w.firms) {
      if (!f.active) continue;
      boolean outcry = isOutcry(f.complaints, f.usersAtStepStart, w.dtDays);
      BacklashBelief.record(w, f, outcry);
      if (outcry) outcry(w, f, end);
      if (f.practice && !Double.isNaN(f.revisionDueDay) && f.revisionDueDay <= end + 1e-9) {
        if (decide) decide(w, f, rng, end);
        else revise(w, f);
      }
      Reputation.recover(f, p.recoveryPerDay() * w.dtDays);
    }
  }

  /**
   * Whether the firm's practice is in the hands of the backlash response (a response is due, or an
   * outcry has been answered by holding), so that the firm's periodic review leaves it alone.
   */
  public static boolean responding(Firm f) {
    return !Double.isNaN(f.revisionDueDay) || (f.practice && !Double.isNaN(f.firstOutcryDay));
  }

  private void outcry(World w, Firm f, double end) {
    Reputation.cut(f, p.outcryLoss());
    f.backlashBelief = 1.0 - (1.0 - beliefLearningRate) * (1.0 - f.backlashBelief);
    w.tally.outcries++;
    w.log(EventKind.OUTCRY, f.id, -1, -1, -1, f.complaints, f.practice ? "practice" : "incidents");
    for (int k = 0; k < f.stepIncidents; k++) {
      int risk = f.stepIncidentRisk[k];
      if (risk >= 0 && !f.mitigates.get(risk)) {
        f.mitigates.set(risk);
        w.log(EventKind.MITIGATION_AFTER_OUTCRY, f.id, -1, risk, -1, 0, "");
      }
    }
    if (f.practice && Double.isNaN(f.revisionDueDay)) {
      if (Double.isNaN(f.firstOutcryDay)) f.firstOutcryDay = end;
      f.revisionDueDay = end + responseLatencyDays;
      f.decisionFromOutcry = true;
    }
  }

  /**
   * A response decision falls due (decision mode): the firm values keeping the practice ({@link
   * ResponseDecision}) and answers. It takes effect at its due day, like a revision.
   */
  private void decide(World w, Firm f, MersenneTwisterFast rng, double end) {
    double at = f.revisionDueDay;
    double net = netValue(w, f, at);
    double[] u =
        ResponseDecision.utilities(
            f.practiceLevel, net, p.partialRevisionShare(), responseLatencyDays);
    ResponseDecision.Answer a = ResponseDecision.choose(u, fermi, intensity, rng);
    w.responseDecisionDays.add(at);
    w.log(EventKind.BACKLASH_DECISION, f.id, -1, -1, -1, net, a.words());
    if (a != ResponseDecision.Answer.WAIT && f.decisionFromOutcry) {
      w.outcryAnswers.add(new double[] {at, a == ResponseDecision.Answer.HOLD ? 1 : 0});
      f.decisionFromOutcry = false;
    }
    switch (a) {
      case FULL -> revise(w, f);
      case PARTIAL -> {
        f.practiceLevel *= 1.0 - p.partialRevisionShare();
        firstRevision(w, f, at);
        w.partialRevisionDays.add(at);
        w.log(EventKind.PRACTICE_PARTLY_REVISED, f.id, -1, -1, -1, f.practiceLevel, "");
        f.revisionDueDay = next(at, end);
      }
      case WAIT -> f.revisionDueDay = next(at, end);
      case HOLD -> f.revisionDueDay = Double.NaN;
    }
  }

  /**
   * The next decision after waiting or a partial revision: one deliberation later, but not within
   * the step that took this one (a latency shorter than the step re-decides at the next step).
   */
  private double next(double at, double end) {
    double due = at + responseLatencyDays;
    return due > end + 1e-9 ? due : Math.nextUp(end + 1e-9);
  }

  /** N, the net value of keeping the practice per unit of intensity (ResponseDecision). */
  public double netValue(World w, Firm f, double at) {
    double e =
        ResponseDecision.earnings(
            practice.revenueShare(), f.alignment, harmAversion, practice.harmPerUserDay());
    double rivalUsers = 0, rivalPractice = 0;
    for (Firm g : w.firms) {
      if (!g.active || g == f) continue;
      rivalUsers += g.users;
      if (g.practice) rivalPractice += g.users * g.practiceLevel;
    }
    double rho = rivalUsers > 0 ? rivalPractice / rivalUsers : 0.0;
    double outcries = f.ownPracticeOutcries - f.practiceOutcriesAtAdoption;
    double rate = BacklashBelief.practiceRate(p, w, f);
    double c =
        p.userLossEvidence() == ReputationParams.UserLossEvidence.NET
            ? ResponseDecision.userCost(f.usersAtAdoption, f.users, outcries, rate, rho)
            : ResponseDecision.userCost(
                f.usageAtAdoption > 0
                    ? (f.noticedLoss - f.noticedLossAtAdoption) / f.usageAtAdoption
                    : 0.0,
                outcries,
                rate,
                rho);
    return e - c;
  }

  /** The first revision (partial or full) after the first outcry ends the first-response spell. */
  private static void firstRevision(World w, Firm f, double at) {
    if (!Double.isNaN(f.firstRevisionDay) || Double.isNaN(f.firstOutcryDay)) return;
    f.firstRevisionDay = at;
    w.firstResponseSpells.add(new double[] {f.firstOutcryDay, at - f.firstOutcryDay, 1});
  }

  /**
   * The revision takes effect at its due day, not at the end of the step that processes it: the
   * response time and the practice's duration keep their sub-step time (issue 11 item 7), so they
   * do not grow with the step length.
   */
  private void revise(World w, Firm f) {
    double at = f.revisionDueDay;
    double response = at - f.firstOutcryDay;
    firstRevision(w, f, at);
    w.backlashSpells.add(new double[] {f.firstOutcryDay, response, 1});
    w.practiceSpells.add(new double[] {f.practiceAdoptedDay, at - f.practiceAdoptedDay, 1});
    f.practice = false;
    f.revisionDueDay = Double.NaN;
    f.firstOutcryDay = Double.NaN;
    f.firstRevisionDay = Double.NaN;
    f.decisionFromOutcry = false;
    f.noPracticeUntilDay = at + practice.readoptCooldownDays();
    w.backlashResponseDays.add(response);
    w.practiceDurationDays.add(at - f.practiceAdoptedDay);
    w.tally.revisions++;
    w.log(EventKind.PRACTICE_REVISED, f.id, -1, -1, -1, response, "days from first outcry");
  }

  /**
   * A firm drops the practice of its own accord, before any outcry forced it to: the practice's
   * spell ends (an observed end for practice_duration), and a backlash response it was waiting for
   * is censored at this time (the firm never revised in response).
   */
  public static void drop(World w, Firm f, String why) {
    if (f.practice) endSpells(w, f, w.now, true);
    f.practice = false;
    f.revisionDueDay = Double.NaN;
    f.firstOutcryDay = Double.NaN;
    f.firstRevisionDay = Double.NaN;
    f.decisionFromOutcry = false;
    w.log(EventKind.PRACTICE_DROPPED, f.id, -1, -1, -1, 0, why);
  }

  /**
   * A firm that exits takes its practice with it (no event: firm_exited says it); its practice and
   * any pending backlash response are censored at the exit (neither ended by a decision).
   */
  public static void endWithFirm(World w, Firm f) {
    if (f.practice) endSpells(w, f, w.now, false);
    f.practice = false;
  }

  /**
   * Records the spells of a practice that ends otherwise than by revision: its own (observed end if
   * {@code practiceEnded}, else censored) and, if an outcry was waiting for a response, the
   * backlash spell, censored.
   */
  private static void endSpells(World w, Firm f, double at, boolean practiceEnded) {
    if (!Double.isNaN(f.practiceAdoptedDay)) {
      w.practiceSpells.add(
          new double[] {
            f.practiceAdoptedDay, Math.max(0, at - f.practiceAdoptedDay), practiceEnded ? 1 : 0
          });
    }
    if (!Double.isNaN(f.firstOutcryDay)) {
      w.backlashSpells.add(new double[] {f.firstOutcryDay, Math.max(0, at - f.firstOutcryDay), 0});
      if (Double.isNaN(f.firstRevisionDay)) {
        w.firstResponseSpells.add(
            new double[] {f.firstOutcryDay, Math.max(0, at - f.firstOutcryDay), 0});
      }
    }
  }

  /**
   * A scheduled adopt_practice event: the firm adopts the practice now, whatever its cooldown after
   * an earlier revision. An inactive firm ignores the event.
   */
  public static void adoptByEvent(World w, Firm f) {
    if (f == null || !f.active) return;
    f.noPracticeUntilDay = 0;
    adopt(w, f, "scheduled event");
  }

  /**
   * A firm adopts the harmful practice (its own decision, or a scheduled event: see {@code why}).
   */
  public static void adopt(World w, Firm f, String why) {
    if (f.practice) return;
    f.practice = true;
    f.practiceAdoptedDay = w.now;
    f.firstOutcryDay = Double.NaN;
    f.revisionDueDay = Double.NaN;
    f.practiceLevel = 1.0;
    f.usersAtAdoption = f.users;
    f.usageAtAdoption = f.usage();
    f.noticedLossAtAdoption = f.noticedLoss;
    f.practiceOutcriesAtAdoption = f.ownPracticeOutcries;
    f.firstRevisionDay = Double.NaN;
    f.decisionFromOutcry = false;
    w.log(EventKind.PRACTICE_ADOPTED, f.id, -1, -1, -1, 0, why);
  }
}
