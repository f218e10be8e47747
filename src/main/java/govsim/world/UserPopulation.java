package govsim.world;

/**
 * The users (MODEL.md §3 Users) as a structure of arrays: one slot per user, no object per user
 * (STYLE.md habit 8). About 14 bytes a user (18 when attention differs between users); the users'
 * phase keeps an index of them (its calendar of attention clocks and each provider's users, derived
 * from {@link #firm} and {@link #nextAttentionStep}) of about 13 bytes a user more.
 *
 * <p>Multi-homing (issue 12.3): users 0 .. {@link #multiHomers} - 1 hold up to {@link #slots}
 * providers each, with usage shares; their attributes are drawn like everyone else's, so the first
 * users are as good as a random subset. Slot 0 is the main provider (the one used most, {@link
 * #firm}); slots 1 .. slots - 1 are in {@link #otherFirm}. They cost 4 bytes a slot and 4 a share
 * more each.
 */
public final class UserPopulation implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public final int size;

  /** {@link #firm} of a user with no provider: none is licensed in her jurisdiction. */
  public static final int UNSERVED = -1;

  /** Current provider (firm id), or {@link #UNSERVED}; a multi-homer's main provider. */
  public final int[] firm;

  /** Users whose {@link #firm} is {@link #UNSERVED}. */
  public int unserved;

  /** Switching cost, utility units. */
  public final float[] switchingCost;

  /**
   * Per-step probability of reconsidering without a trigger, per user; null when every user has the
   * same one, {@link #uniformAttention} (read it with {@link #attentionOf}).
   */
  public final float[] attention;

  /** The attention probability of every user when {@link #attention} is null. */
  public float uniformAttention;

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

  /** Users 0 .. multiHomers - 1 multi-home. */
  public final int multiHomers;

  /** Providers a multi-homer holds at most (1 when nobody multi-homes). */
  public final int slots;

  /**
   * The multi-homers' slots in one array (one large array, not two: the garbage collector gives a
   * large array whole heap regions), 2 * slots - 1 ints each: her providers in slots 1 .. slots - 1
   * ({@link #otherFirm}), then her usage shares in slots 0 .. slots - 1 as float bits ({@link
   * #usageShare}).
   */
  private final int[] multiHoming;

  private final int stride;

  /** A population whose users each have their own attention probability and one provider. */
  public UserPopulation(int size, boolean multiJurisdiction) {
    this(size, multiJurisdiction, true, 0, 1);
  }

  /**
   * @param heterogeneousAttention false: every user has the same attention probability (no per-user
   *     array)
   * @param multiHomers users 0 .. multiHomers - 1 multi-home
   * @param slots providers a multi-homer holds at most (at least 2 when multiHomers > 0)
   */
  public UserPopulation(
      int size,
      boolean multiJurisdiction,
      boolean heterogeneousAttention,
      int multiHomers,
      int slots) {
    if (multiHomers < 0 || multiHomers > size || (multiHomers > 0 && slots < 2)) {
      throw new IllegalArgumentException("multi-homers " + multiHomers + " with " + slots);
    }
    this.size = size;
    this.firm = new int[size];
    this.switchingCost = new float[size];
    this.attention = heterogeneousAttention ? new float[size] : null;
    this.nextAttentionStep = new int[size];
    this.weak = new byte[size];
    this.jurisdiction = multiJurisdiction ? new byte[size] : null;
    this.multiHomers = multiHomers;
    this.slots = multiHomers > 0 ? slots : 1;
    this.stride = 2 * this.slots - 1;
    this.multiHoming = new int[multiHomers * stride];
    for (int i = 0; i < multiHomers; i++) {
      for (int s = 1; s < this.slots; s++) multiHoming[i * stride + s - 1] = UNSERVED;
    }
  }

  /** Multi-homer i's provider in slot s (1 .. slots - 1), or {@link #UNSERVED} for a free slot. */
  public int otherFirm(int i, int s) {
    return multiHoming[i * stride + s - 1];
  }

  public void setOtherFirm(int i, int s, int firm) {
    multiHoming[i * stride + s - 1] = firm;
  }

  /**
   * Multi-homer i's usage share in slot s (0 = main); they sum to 1 (0 for a free slot and for an
   * unserved user).
   */
  public float usageShare(int i, int s) {
    return Float.intBitsToFloat(multiHoming[i * stride + slots - 1 + s]);
  }

  public void setUsageShare(int i, int s, float share) {
    multiHoming[i * stride + slots - 1 + s] = Float.floatToRawIntBits(share);
  }

  public int jurisdictionOf(int user) {
    return jurisdiction == null ? 0 : jurisdiction[user];
  }

  /** User i's per-step attention probability. */
  public float attentionOf(int i) {
    return attention == null ? uniformAttention : attention[i];
  }

  /** Sets user i's attention probability (with no per-user array, everyone's). */
  public void setAttention(int i, float p) {
    if (attention == null) uniformAttention = p;
    else attention[i] = p;
  }

  /** Whether user i multi-homes. */
  public boolean multiHomes(int i) {
    return i < multiHomers;
  }
}
