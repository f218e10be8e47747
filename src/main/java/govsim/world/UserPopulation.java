package govsim.world;

/**
 * The users (MODEL.md §3 Users) as a structure of arrays: one slot per user, no object per user
 * (STYLE.md habit 8). About 18 bytes a user; the users' phase keeps an index of them (its calendar
 * of attention clocks and each provider's users, derived from {@link #firm} and {@link
 * #nextAttentionStep}) of about 13 bytes a user more.
 */
public final class UserPopulation implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public final int size;

  /** {@link #firm} of a user with no provider: none is licensed in her jurisdiction. */
  public static final int UNSERVED = -1;

  /** Current provider (firm id), or {@link #UNSERVED}. */
  public final int[] firm;

  /** Users whose {@link #firm} is {@link #UNSERVED}. */
  public int unserved;

  /** Switching cost, utility units. */
  public final float[] switchingCost;

  /** Per-step probability of reconsidering without a trigger. */
  public final float[] attention;

  /**
   * Step at which the user next reconsiders without a trigger. Attention is memoryless, so drawing
   * the geometric waiting time once, instead of a coin every step, gives the same process while the
   * daily loop only compares integers (STYLE.md habit 8: work where something happens).
   */
  public final int[] nextAttentionStep;

  /** 1 for information-weak users, 0 otherwise. */
  public final byte[] weak;

  /** Jurisdiction of each user (null when there is only one). */
  public final byte[] jurisdiction;

  public UserPopulation(int size, boolean multiJurisdiction) {
    this.size = size;
    this.firm = new int[size];
    this.switchingCost = new float[size];
    this.attention = new float[size];
    this.nextAttentionStep = new int[size];
    this.weak = new byte[size];
    this.jurisdiction = multiJurisdiction ? new byte[size] : null;
  }

  public int jurisdictionOf(int user) {
    return jurisdiction == null ? 0 : jurisdiction[user];
  }
}
