package govsim.mechanism.reputation;

import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.World;

/**
 * M5 — reputation and backlash (MODEL.md §4 M5; paper §3.1.2).
 *
 * <p>Complaints aggregate into a public outcry when, in one step, they exceed a share of the firm's
 * users at the start of the step. An outcry cuts the firm's reputation and triggers its response:
 * it mitigates the risks whose incidents caused the outcry at once, and revises a harmful practice
 * after its response latency (Tencent Yuanbao: three revisions within five days, no regulator
 * involved; Microsoft withdrew Tay within 24 hours). Reputation recovers slowly every day, outcry
 * days included.
 */
public final class Backlash implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final ReputationParams p;
  private final PracticeParams practice;
  private final double responseLatencyDays;
  private final double beliefLearningRate;

  /**
   * @param responseLatencyDays time from an outcry to the revision of the practice
   *     (firms.response_latency_days)
   * @param beliefLearningRate share of the way to 1 that an outcry moves the firm's backlash belief
   *     (firms.backlash_learning_rate)
   */
  public Backlash(
      ReputationParams p,
      PracticeParams practice,
      double responseLatencyDays,
      double beliefLearningRate) {
    this.p = p;
    this.practice = practice;
    this.responseLatencyDays = responseLatencyDays;
    this.beliefLearningRate = beliefLearningRate;
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

  public void step(World w) {
    double end = w.endOfStep();
    for (Firm f : w.firms) {
      if (!f.active) continue;
      if (isOutcry(f.complaints, f.usersAtStepStart, w.dtDays)) outcry(w, f, end);
      if (f.practice && !Double.isNaN(f.revisionDueDay) && f.revisionDueDay <= end + 1e-9)
        revise(w, f);
      Reputation.recover(f, p.recoveryPerDay() * w.dtDays);
    }
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
    }
  }

  /**
   * The revision takes effect at its due day, not at the end of the step that processes it: the
   * response time and the practice's duration keep their sub-step time (issue 11 item 7), so they
   * do not grow with the step length.
   */
  private void revise(World w, Firm f) {
    double at = f.revisionDueDay;
    double response = at - f.firstOutcryDay;
    w.backlashSpells.add(new double[] {f.firstOutcryDay, response, 1});
    w.practiceSpells.add(new double[] {f.practiceAdoptedDay, at - f.practiceAdoptedDay, 1});
    f.practice = false;
    f.revisionDueDay = Double.NaN;
    f.firstOutcryDay = Double.NaN;
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
    w.log(EventKind.PRACTICE_ADOPTED, f.id, -1, -1, -1, 0, why);
  }
}
