package govsim.observe;

import govsim.mechanism.Governance;
import govsim.mechanism.users.UserChoice;
import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.StepTally;
import govsim.world.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The named metrics of MODEL.md §7, computed from the world after a step. Reads the model only.
 * Column order is fixed ({@link #COLUMNS}); the ODD and README describe each column.
 */
public final class StepMetrics {
  /** Column names of timeseries.csv, in order, with their meaning. */
  public static final List<String[]> COLUMN_DOCS = List.of(
      col("step", "step index, 0-based"),
      col("day", "simulated time at the end of the step (days)"),
      col("harm_total", "harm this step per 1,000 users (incidents, harmful practice, malicious attacks)"),
      col("harm_severe", "harm this step per 1,000 users from severe incidents and attacks"),
      col("harm_malicious", "harm this step per 1,000 users from malicious actors"),
      col("harm_total_cum", "cumulative harm per 1,000 users"),
      col("harm_severe_cum", "cumulative severe harm per 1,000 users"),
      col("harm_malicious_cum", "cumulative malicious harm per 1,000 users"),
      col("harm_info_weak_share", "share of cumulative harm borne by information-weak users"),
      col("compliance_rate", "user-weighted share of (active risk, firm) pairs that are governed and complied with"),
      col("mitigation_rate", "user-weighted share of (active risk, firm) pairs mitigated, governed or not"),
      col("coverage_regulator", "share of active known risks covered by a regulator rule in force (current form)"),
      col("coverage_community", "share of active known risks covered by a community standard in force (current form)"),
      col("governance_gap_days_mean", "mean days from a novel risk's emergence to its first effective rule, over novel risks governed so far"),
      col("rules_regulator", "regulator rules in force on the current form of active risks (summed over jurisdictions)"),
      col("rules_community", "community standards in force on the current form of active risks (summed over communities)"),
      col("backlash_response_days_mean", "mean days from first outcry to revision of a harmful practice, so far"),
      col("practice_duration_days_mean", "mean days from adopting a harmful practice to revising it after backlash, so far"),
      col("reputation_mean", "mean reputation of active firms"),
      col("trust_mean", "user-weighted mean reputation of users' providers"),
      col("hhi", "Herfindahl-Hirschman index of user shares (0-1)"),
      col("active_firms", "active firms"),
      col("switching_rate", "share of users who switched provider this step"),
      col("capability_mean", "mean capability of active firms"),
      col("cost_compliance", "firms' compliance costs this step (currency)"),
      col("cost_regulator", "regulators' costs this step: drafting, inspections, investigations (currency)"),
      col("cost_community", "communities' costs this step: running costs and audits (currency)"),
      col("welfare_consumer", "users' utility from their providers this step (utility-years per 1,000 users) minus harm_total"),
      col("welfare_producer", "firms' profit this step (currency)"),
      col("communities", "active communities"),
      col("community_member_share", "share of active firms in at least one community"),
      col("expulsions", "expulsions this step"),
      col("sanctions", "sanctions this step (firms fined, malicious actors punished)"),
      col("revocations", "licenses revoked this step"),
      col("outcries", "public outcries this step"),
      col("complaints", "complaints filed this step"),
      col("incidents", "risk incidents this step"),
      col("attacks", "malicious attacks this step"),
      col("practice_firms", "active firms with the harmful practice"),
      col("active_risks", "active risks"),
      col("known_risks", "active risks that are known"),
      col("entries", "firms that entered this step"),
      col("exits", "firms that exited this step"));

  public static final List<String> COLUMNS;

  static {
    List<String> names = new ArrayList<>();
    for (String[] c : COLUMN_DOCS) names.add(c[0]);
    COLUMNS = Collections.unmodifiableList(names);
  }

  private static String[] col(String name, String doc) {
    return new String[] {name, doc};
  }

  private final ModelSpec spec;
  private double harmCum;
  private double severeCum;
  private double maliciousCum;
  private double weakCum;

  public StepMetrics(ModelSpec spec) {
    this.spec = spec;
  }

  /** Computes the row of the step just finished (call once per step, in order). */
  public double[] compute(World w) {
    StepTally t = w.tally;
    int n = w.users.size;
    double per1000 = 1000.0 / n;
    harmCum += t.harm;
    severeCum += t.harmSevere;
    maliciousCum += t.harmMalicious;
    weakCum += t.harmWeak;

    int activeFirms = 0;
    int members = 0;
    int practiceFirms = 0;
    double repSum = 0;
    double capSum = 0;
    double trust = 0;
    double hhi = 0;
    double utility = 0;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      activeFirms++;
      if (f.certified()) members++;
      if (f.practice) practiceFirms++;
      repSum += f.reputation;
      capSum += f.capability;
      double share = f.users / (double) n;
      trust += share * f.reputation;
      hhi += share * share;
      utility += f.users * userUtility(f);
    }

    int activeRisks = 0;
    int knownRisks = 0;
    int coveredReg = 0;
    int coveredCom = 0;
    int rulesReg = 0;
    int rulesCom = 0;
    double complied = 0;
    double mitigated = 0;
    for (Risk r : w.risks) {
      if (!r.active) continue;
      activeRisks++;
      for (Firm f : w.firms) {
        if (f.active && f.mitigates.get(r.id)) mitigated += f.users;
      }
      if (!r.known) continue;
      knownRisks++;
      boolean anyReg = false;
      for (Regulator reg : w.regulators) {
        if (reg.rules.covers(r)) {
          rulesReg++;
          anyReg = true;
        }
      }
      boolean anyCom = false;
      for (Community c : w.communities) {
        if (c.active && c.standards.covers(r)) {
          rulesCom++;
          anyCom = true;
        }
      }
      if (anyReg) coveredReg++;
      if (anyCom) coveredCom++;
      if (!anyReg && !anyCom) continue;
      for (Firm f : w.firms) {
        if (!f.active || f.users == 0 || !f.mitigates.get(r.id)) continue;
        if (Governance.of(w, f, r).governed()) complied += f.users;
      }
    }
    double compliance = activeRisks == 0 ? 0.0 : complied / ((double) n * activeRisks);

    double gapSum = 0;
    int gapN = 0;
    for (Risk r : w.risks) {
      if (r.initial) continue;
      double first = r.firstRuleDay();
      if (!Double.isNaN(first)) {
        gapSum += first - r.emergedDay;
        gapN++;
      }
    }
    double backlash = mean(w.backlashResponseDays);
    double yearShare = w.dtDays / 365.0;

    return new double[] {
        w.step, w.endOfStep(),
        t.harm * per1000, t.harmSevere * per1000, t.harmMalicious * per1000,
        harmCum * per1000, severeCum * per1000, maliciousCum * per1000,
        harmCum > 0 ? weakCum / harmCum : 0.0,
        compliance,
        activeRisks == 0 ? 0.0 : mitigated / ((double) n * activeRisks),
        knownRisks == 0 ? 0.0 : coveredReg / (double) knownRisks,
        knownRisks == 0 ? 0.0 : coveredCom / (double) knownRisks,
        gapN == 0 ? Double.NaN : gapSum / gapN,
        rulesReg, rulesCom,
        backlash,
        mean(w.practiceDurationDays),
        activeFirms == 0 ? 0.0 : repSum / activeFirms,
        trust,
        hhi,
        activeFirms,
        t.switches / (double) n,
        activeFirms == 0 ? 0.0 : capSum / activeFirms,
        t.costCompliance, t.costRegulator, t.costCommunity,
        utility * yearShare * per1000 - t.harm * per1000,
        t.profit,
        activeCommunities(w),
        activeFirms == 0 ? 0.0 : members / (double) activeFirms,
        t.expulsions, t.sanctions, t.revocations, t.outcries, t.complaints, t.incidents, t.attacks,
        practiceFirms, activeRisks, knownRisks, t.entries, t.exits};
  }

  private double userUtility(Firm f) {
    return UserChoice.utility(spec.users(), f);
  }

  private static int activeCommunities(World w) {
    int k = 0;
    for (Community c : w.communities) if (c.active) k++;
    return k;
  }

  static double mean(List<Double> xs) {
    if (xs.isEmpty()) return Double.NaN;
    double s = 0;
    for (double x : xs) s += x;
    return s / xs.size();
  }

  public static int index(String column) {
    int i = COLUMNS.indexOf(column);
    if (i < 0) throw new IllegalArgumentException("no metric column " + column);
    return i;
  }
}
