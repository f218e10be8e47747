package govsim.mechanism.reputation;

import govsim.world.Firm;

/**
 * M5 — the one place where a firm's reputation changes (MODEL.md §4 M5; paper §3.1.2). An outcry
 * (M5), a publicised expulsion (M8) and a published sanction (M3) cut it; it recovers a little
 * every day. Reputation is a score in [0, 1]: a cut never takes it below 0, recovery never above 1.
 */
public final class Reputation {
  private Reputation() {}

  /** Reputation lost by bad news (an outcry, an expulsion, a sanction), floored at 0. */
  public static void cut(Firm f, double loss) {
    f.reputation = Math.max(0.0, f.reputation - loss);
  }

  /** Reputation regained as the news fades, capped at 1. */
  public static void recover(Firm f, double gain) {
    f.reputation = Math.min(1.0, f.reputation + gain);
  }
}
