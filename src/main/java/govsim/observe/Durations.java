package govsim.observe;

import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import java.util.Arrays;
import java.util.List;

/**
 * The right-censored durations of one run that the survival metrics estimate (issue 11 item 3),
 * read from the world at the end of the run: for each {@link Quantity}, one duration per subject
 * that started after burn-in, with whether its end was observed by the horizon. Nothing is dropped:
 * a subject whose end did not come by the horizon (or that left observation earlier, as a risk that
 * retired ungoverned or a firm that exited) is censored at the time it was last seen.
 *
 * @param durations the durations, days
 * @param observed for each, true if its end was observed, false if censored
 */
public record Durations(double[] durations, boolean[] observed) {

  /** What is timed. */
  public enum Quantity {
    /**
     * A novel risk, from its emergence to the day the rules in force on its current form first bind
     * metrics.effective_rule_user_share of the exposed users; censored when it retires ungoverned
     * or at the horizon.
     */
    GOVERNANCE_GAP("governance_gap", "novel risks emerged after burn-in", "an effective rule"),
    /**
     * A firm's first outcry over a harmful practice to the revision of that practice; censored when
     * the firm drops the practice unprompted or exits, or at the horizon.
     */
    BACKLASH_RESPONSE(
        "backlash_response", "first outcries over a harmful practice after burn-in", "revision"),
    /**
     * A harmful practice, from adoption to its end (revised after backlash or dropped); censored
     * when the firm exits or at the horizon.
     */
    PRACTICE_DURATION(
        "practice_duration", "harmful practices adopted after burn-in", "practice ended"),
    // issue 12.1 (resp)
    /**
     * A firm's first outcry over a harmful practice to its first revision, partial or full;
     * censored when the firm drops the practice unprompted or exits, or at the horizon.
     */
    BACKLASH_FIRST_RESPONSE(
        "backlash_first_response",
        "first outcries over a harmful practice after burn-in",
        "first revision (partial or full)");

    private final String prefix;
    private final String subjects;
    private final String event;

    Quantity(String prefix, String subjects, String event) {
      this.prefix = prefix;
      this.subjects = subjects;
      this.event = event;
    }

    /** Column prefix ("governance_gap"). */
    public String prefix() {
      return prefix;
    }

    /** What the subjects are, in words. */
    public String subjects() {
      return subjects;
    }

    /** What ends a duration, in words. */
    public String event() {
      return event;
    }
  }

  /**
   * The durations of one quantity in a finished run.
   *
   * @param w the world after the last step
   * @param burnInDays subjects that started before this are left out
   * @param endDay the end of follow-up: the horizon (time.horizon_days), or the end of the last
   *     step if that is earlier. A subject that started after it is left out; an end observed after
   *     it is censored at it (the last step can pass the horizon when dt_days does not divide it)
   */
  public static Durations of(Quantity q, World w, double burnInDays, double endDay) {
    Builder b = new Builder(endDay);
    switch (q) {
      case GOVERNANCE_GAP -> {
        for (Risk r : w.risks) {
          if (r.initial || r.emergedDay + 1e-9 < burnInDays) continue;
          if (!Double.isNaN(r.effectiveRuleDay)) {
            b.add(r.emergedDay, r.effectiveRuleDay - r.emergedDay, true);
          } else {
            double lastSeen = !r.active && r.retireDay < endDay ? r.retireDay : endDay;
            b.add(r.emergedDay, lastSeen - r.emergedDay, false);
          }
        }
      }
      case BACKLASH_RESPONSE -> {
        spells(b, w.backlashSpells, burnInDays);
        for (Firm f : w.firms) {
          if (f.active && f.practice && !Double.isNaN(f.firstOutcryDay)) {
            if (f.firstOutcryDay + 1e-9 >= burnInDays)
              b.add(f.firstOutcryDay, endDay - f.firstOutcryDay, false);
          }
        }
      }
      case BACKLASH_FIRST_RESPONSE -> {
        spells(b, w.firstResponseSpells, burnInDays);
        for (Firm f : w.firms) {
          if (f.active
              && f.practice
              && !Double.isNaN(f.firstOutcryDay)
              && Double.isNaN(f.firstRevisionDay)
              && f.firstOutcryDay + 1e-9 >= burnInDays)
            b.add(f.firstOutcryDay, endDay - f.firstOutcryDay, false);
        }
      }
      case PRACTICE_DURATION -> {
        spells(b, w.practiceSpells, burnInDays);
        for (Firm f : w.firms) {
          if (f.active && f.practice && !Double.isNaN(f.practiceAdoptedDay)) {
            if (f.practiceAdoptedDay + 1e-9 >= burnInDays)
              b.add(f.practiceAdoptedDay, endDay - f.practiceAdoptedDay, false);
          }
        }
      }
    }
    return b.build();
  }

  private static void spells(Builder b, List<double[]> spells, double burnInDays) {
    for (double[] s : spells) if (s[0] + 1e-9 >= burnInDays) b.add(s[0], s[1], s[2] > 0);
  }

  /** Several runs' durations pooled into one sample (across replications). */
  public static Durations pool(List<Durations> runs) {
    Builder b = new Builder(Double.POSITIVE_INFINITY);
    for (Durations d : runs)
      for (int i = 0; i < d.durations.length; i++) b.add(0, d.durations[i], d.observed[i]);
    return b.build();
  }

  private static final class Builder {
    final double endDay;
    double[] t = new double[16];
    boolean[] o = new boolean[16];
    int n;

    Builder(double endDay) {
      this.endDay = endDay;
    }

    /** A subject that started on day {@code start}, followed up to endDay at most. */
    void add(double start, double duration, boolean observed) {
      if (start > endDay + 1e-9) return;
      if (start + duration > endDay + 1e-9) {
        duration = endDay - start;
        observed = false;
      }
      if (n == t.length) {
        t = Arrays.copyOf(t, 2 * n);
        o = Arrays.copyOf(o, 2 * n);
      }
      t[n] = Math.max(0, duration);
      o[n] = observed;
      n++;
    }

    Durations build() {
      return new Durations(Arrays.copyOf(t, n), Arrays.copyOf(o, n));
    }
  }
}
