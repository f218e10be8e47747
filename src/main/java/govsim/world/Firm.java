package govsim.world;

import java.util.BitSet;

/** An AI provider (MODEL.md §3 Firms): state only; its decision rules live in mechanism.firms. */
public final class Firm {
  public final int id;
  public boolean active = true;
  public final double alignment;
  public double capability;
  public double reputation;
  public final int homeJurisdiction;

  /** Bit j set: licensed to serve jurisdiction j (M10; cleared by revocation, M3). */
  public long servesMask;

  /** User-visible harmful practice (M5/M6). */
  public boolean practice;

  public double practiceAdoptedDay = Double.NaN;
  public double firstOutcryDay = Double.NaN;
  public double revisionDueDay = Double.NaN;
  public double noPracticeUntilDay;
  public double backlashBelief;

  /**
   * Release posture (the safety-speed trade-off of M6): unsafe releases come faster and raise the
   * hazard of the firm's risks.
   */
  public boolean unsafeReleases;

  /**
   * Profit of each of the last steps (ring buffer, social learning's trailing window), the next
   * slot to write and how many slots hold a step; null until the first step is booked.
   */
  public double[] profitWindow;

  public int profitWindowNext;
  public int profitWindowFilled;

  /** Risks the firm mitigates (by risk id). */
  public final BitSet mitigates = new BitSet();

  /** Communities the firm belongs to (by community id). */
  public final BitSet memberships = new BitSet();

  /** Day until which each community bans the firm after an expulsion (index community id). */
  public double[] bannedUntil = new double[0];

  /**
   * Users whose main provider (the one they use most) this firm is; every user counts at exactly
   * one firm, so these sum to the served users. Noticing, complaints and outcry thresholds count
   * them; market share, HHI and revenue follow {@link #usage()}.
   */
  public int users;

  public int weakUsers;
  public int usersAtStepStart;
  public int complaints;
  public double nextReleaseDay;
  public double lowShareSinceDay = Double.NaN;
  public double nextReviewDay;

  /** Accounting of the current step and a smoothed profit rate (share of revenue) for imitation. */
  public double revenueStep;

  public double complianceCostStep;
  public double feesStep;
  public double finesStep;
  public double profitShareSmoothed;

  /**
   * The day of the firm's last inspection or investigation by a regulator (NaN: never) and that
   * regulator's jurisdiction (-1: none). Shown by the GUI; no mechanism reads them.
   */
  public double lastInspectedDay = Double.NaN;

  public int lastInspectedJurisdiction = -1;

  /** Annual compliance cost as % of revenue at the last review (innovation crowd-out). */
  public double complianceCostPercent;

  /** Incidents of the current step: visibility and risk id (-1 for the harmful practice). */
  public double[] stepIncidentVisibility = new double[4];

  public int[] stepIncidentRisk = new int[4];
  public int stepIncidents;

  public void addIncident(double visibility, int riskId) {
    if (stepIncidents == stepIncidentVisibility.length) {
      stepIncidentVisibility = java.util.Arrays.copyOf(stepIncidentVisibility, stepIncidents * 2);
      stepIncidentRisk = java.util.Arrays.copyOf(stepIncidentRisk, stepIncidents * 2);
    }
    stepIncidentVisibility[stepIncidents] = visibility;
    stepIncidentRisk[stepIncidents] = riskId;
    stepIncidents++;
  }

  public Firm(
      int id,
      double alignment,
      double capability,
      double reputation,
      int homeJurisdiction,
      long servesMask) {
    this.id = id;
    this.alignment = alignment;
    this.capability = capability;
    this.reputation = reputation;
    this.homeJurisdiction = homeJurisdiction;
    this.servesMask = servesMask;
  }

  public boolean serves(int jurisdiction) {
    return (servesMask & (1L << jurisdiction)) != 0;
  }

  public boolean certified() {
    return !memberships.isEmpty();
  }

  public boolean bannedFrom(int community, double now) {
    return community < bannedUntil.length && bannedUntil[community] > now;
  }

  public void ban(int community, double untilDay) {
    if (community >= bannedUntil.length) {
      bannedUntil = java.util.Arrays.copyOf(bannedUntil, community + 1);
    }
    bannedUntil[community] = untilDay;
  }

  // users (issue 12.3, multi-homing): usage beyond the main users.
  /**
   * Usage of multi-homing users here minus the one unit each of them counts in {@link #users}: the
   * sum over multi-homers holding this firm of (usage share - 1 if it is their main provider, else
   * usage share). 0 when nobody multi-homes.
   */
  public double usageAdjustment;

  /**
   * Usage in user-equivalents: each single-homing user counts 1, a multi-homing user her usage
   * share (her shares sum to 1, so usage sums to the served users). Exactly {@link #users} when
   * nobody multi-homes.
   */
  public double usage() {
    return users + usageAdjustment;
  }
}
