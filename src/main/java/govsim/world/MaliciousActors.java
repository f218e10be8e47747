package govsim.world;

/**
 * Reputation-insensitive malicious actors (MODEL.md §3, M12): only who is free to attack, and
 * where.
 */
public final class MaliciousActors implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public final int count;
  public final double[] freeFromDay;
  public final int[] jurisdiction;

  public MaliciousActors(int count) {
    this.count = count;
    this.freeFromDay = new double[count];
    this.jurisdiction = new int[count];
  }
}
