package govsim.gui;

import java.util.Locale;
import sim.engine.Schedule;

/**
 * The model's schedule with the Console's time shown as simulated days and hours ("day 4, 23:00")
 * instead of the raw schedule time (4.958333333333334 in a run of hourly steps). Scheduling is
 * MASON's, unchanged: this class only formats.
 */
final class DayClock extends Schedule {
  private static final long serialVersionUID = 1L;

  @Override
  public String getTimestamp(double time, String beforeSimulation, String afterSimulation) {
    if (time < EPOCH) return beforeSimulation;
    if (time >= AFTER_SIMULATION) return afterSimulation;
    return format(time);
  }

  /**
   * "day D, HH:MM" for a schedule time of {@code days} simulated days (D whole days and HH:MM into
   * the next, to the nearest minute); "day D" on whole days.
   */
  static String format(double days) {
    long minutes = Math.round(days * 24 * 60);
    long day = minutes / (24 * 60);
    long inDay = minutes % (24 * 60);
    if (inDay == 0) return "day " + day;
    return String.format(Locale.ROOT, "day %d, %02d:%02d", day, inDay / 60, inDay % 60);
  }
}
