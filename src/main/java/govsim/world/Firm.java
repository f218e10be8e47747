package govsim.world;

import java.util.BitSet;

/** An AI provider (MODEL.md §3 Firms): state only; its decision rules live in mechanism.firms. */
public final class Firm implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public final int id;
  public boolean active = true;
  public final double alignment;
  public double capability;
  public double reputation;
  public final int homeJurisdiction;

  /** Bit j set: licensed to serve jurisdiction j (M10; cleared by revocation, M3). */
  public long servesMask;

  // comm (issue 13 item 6): licenses lost by revocation (never re-entered) and the entry cost
  // paid this step (booked with compliance costs).
  /** Bit j set: the firm's license in jurisdiction j was revoked (M3); it may not re-enter. */
  public long revokedMask;

  /** Entry costs paid this step (currency), booked with the compliance costs (M10). */
  public double entryCostStep;

  /** User-visible harmful practice (M5/M6). */
  public boolean practice;

  public double practiceAdoptedDay = Double.NaN;
  public double firstOutcryDay = Double.NaN;
  public double revisionDueDay = Double.NaN;
  public double noPracticeUntilDay;
  public double backlashBelief;

  // issue 12.1 (resp): the backlash response as a decision and the learned expected backlash.
  /**
   * Intensity of the practice, 1 when adopted; each partial revision multiplies it by 1 -
   * reputation.partial_revision_share. Its extra revenue, harm, news visibility and users' dislike
   * scale with it.
   */
  public double practiceLevel = 1.0;

  /** Users when the practice was adopted (the firm reads its churn against it). */
  public int usersAtAdoption;

  /** Its own practice outcries when it adopted the practice (those since are this spell's). */
  public double practiceOutcriesAtAdoption;

  // issue 12.1 (lead, session 5): the churn a firm sees follow its own harms.
  /**
   * Usage (user-equivalents) that users took away from this firm in the steps they noticed one of
   * its harms, since the start (M4 counts it; reputation.user_loss_evidence noticed reads it).
   */
  public double noticedLoss;

  /** {@link #noticedLoss} when the practice was adopted. */
  public double noticedLossAtAdoption;

  /** {@link #usage()} when the practice was adopted. */
  public double usageAtAdoption;

  /** Day of the first revision (partial or full) after the first outcry; NaN before. */
  public double firstRevisionDay = Double.NaN;

  /** Whether the response decision now pending was opened by an outcry (not a partial revision). */
  public boolean decisionFromOutcry;

  /** The firm's own evidence: outcries over its practice, and practice-years kept. */
  public double ownPracticeOutcries;

  public double ownPracticeYears;

  /** The firm's own evidence: outcries over its incidents, and its incidents' summed visibility. */
  public double ownIncidentOutcries;

  public double ownIncidentVisibility;

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

  // ---- issue 12.2/12.4 (race): capability investment and contestability
  /** Share of revenue the firm invests in capability (R&D), chosen at its reviews (M1/M6). */
  public double rdShare;

  /** R&D spending of the current step (currency), booked by accounting. */
  public double rdCostStep;

  // ---- end race

  /** Incidents of the current step: visibility and risk id (-1 for the harmful practice). */
  public double[] stepIncidentVisibility = new double[4];

  public int[] stepIncidentRisk = new int[4];
  public int stepIncidents;

  // misuse (issue 12 item 5): misuse safeguards (mechanism.malicious.Safeguards).
  /** Misuse safeguard level in [0, 1]; NaN until drawn (never drawn under targeting none). */
  public double safeguards = Double.NaN;

  /** Yearly cost of the safeguards, % of annual revenue (0 under targeting none). */
  public double safeguardCostPercent;

  /** The firm's estimate of attack attempts through its model, per year. */
  public double misuseAttemptsBelief;

  // inst (issue 13.5, 13.7): hybrid powers' hooks, set by mechanism/synergy/HybridPowers each step
  /** Multiplier on the firm's backlash belief from soft signals (1: none). */
  public double backlashSignalFactor = 1.0;

  /** The firm's yearly cost of hybrid powers (transparency reporting), % of annual revenue. */
  public double powerCostPercent;

  /** The firm's cost of hybrid powers this step (currency), booked by Accounting. */
  public double powerCostStep;

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
