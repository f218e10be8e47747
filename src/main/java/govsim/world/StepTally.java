package govsim.world;

/**
 * What happened during the current step, counted by the mechanisms as they act and read by
 * observers after the step; reset at the start of each step.
 */
public final class StepTally implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public double harm;
  public double harmSevere;
  public double harmMalicious;
  public double harmWeak;
  public int incidents;
  public int severeIncidents;
  public int complaints;
  public int switches;
  public int outcries;
  public int revisions;
  public int expulsions;
  public int sanctions;
  public int revocations;
  public int attacks;
  public int audits;
  public int inspections;
  public int entries;
  public int exits;
  public double costCompliance;
  public double costRegulator;
  public double costCommunity;
  public double revenue;
  public double profit;

  // misuse (issue 12 item 5)
  /** Attacks stopped by the safeguards of the provider whose model they used. */
  public int attacksBlocked;

  /** Attack attempts (successful or blocked) through a certified provider (community member). */
  public int attemptsCertified;

  /** Harm of successful attacks through a certified provider (raw). */
  public double harmMaliciousCertified;

  /** Firms' cost of misuse safeguards (currency). */
  public double costSafeguards;

  // inst (issue 13.5): the hybrid powers' share of the costs above
  public double costPowersRegulator;
  public double costPowersFirms;

  // comm (issue 13 item 6)
  /** Entry costs firms paid this step (currency; also counted in costCompliance). */
  public double costEntry;

  // issue 12.2/12.4 (race)
  public double costInvestment;
  public int entriesDeclined;

  public void reset() {
    harm = harmSevere = harmMalicious = harmWeak = 0;
    incidents = severeIncidents = complaints = switches = outcries = revisions = 0;
    expulsions = sanctions = revocations = attacks = audits = inspections = entries = exits = 0;
    costCompliance = costRegulator = costCommunity = revenue = profit = 0;
    attacksBlocked = attemptsCertified = 0;
    harmMaliciousCertified = costSafeguards = 0;
    costPowersRegulator = costPowersFirms = 0;
    costEntry = 0;
    costInvestment = 0; // race
    entriesDeclined = 0; // race
  }
}
