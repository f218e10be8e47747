package govsim.observe;

import govsim.model.ModelSpec;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row per run (summary.csv): totals and time means of the step metrics over the steps after
 * the burn-in, plus end-of-run measures (governance gaps per risk, final market structure).
 */
public final class RunSummary {
  /** Summary metric names, in column order, with their meaning. */
  public static final List<String[]> METRIC_DOCS = List.of(
      m("harm_total", "harm per 1,000 users, summed over the run after burn-in"),
      m("harm_severe", "severe harm per 1,000 users, summed"),
      m("harm_malicious", "harm from malicious actors per 1,000 users, summed"),
      m("harm_info_weak_share", "share of harm borne by information-weak users"),
      m("compliance_rate", "time mean of compliance_rate"),
      m("mitigation_rate", "time mean of mitigation_rate"),
      m("coverage_regulator", "time mean of coverage_regulator"),
      m("coverage_community", "time mean of coverage_community"),
      m("governance_gap_days_mean", "mean days from emergence to first effective rule, over novel risks emerged after burn-in that got one"),
      m("governance_gap_regulator_days_mean", "the same, first regulator rule only"),
      m("governance_gap_community_days_mean", "the same, first community standard only"),
      m("risks_emerged", "novel risks that emerged after burn-in (initial risks excluded)"),
      m("risks_governed_share", "share of those risks with an effective rule by the end"),
      m("backlash_response_days_mean", "mean days from first outcry to practice revision, over revisions after burn-in"),
      m("practice_duration_days_mean", "mean days from adopting a harmful practice to revising it, over revisions after burn-in"),
      m("revisions", "practice revisions after burn-in"),
      m("outcries", "outcries after burn-in"),
      m("reputation_mean", "time mean of reputation_mean"),
      m("trust_mean", "time mean of trust_mean"),
      m("hhi", "time mean of hhi"),
      m("hhi_final", "hhi at the end"),
      m("active_firms_final", "active firms at the end"),
      m("switching_rate", "mean share of users switching per step"),
      m("capability_mean_final", "mean capability of active firms at the end"),
      m("capability_growth_per_year", "growth of mean capability per year after burn-in (innovation)"),
      m("cost_compliance", "firms' compliance costs, summed (currency)"),
      m("cost_regulator", "regulators' costs, summed (currency)"),
      m("cost_community", "communities' costs, summed (currency)"),
      m("welfare_consumer", "consumer welfare per 1,000 users, summed"),
      m("welfare_producer", "firms' profit, summed (currency)"),
      m("communities_final", "active communities at the end"),
      m("community_member_share", "time mean of community_member_share"),
      m("expulsions", "expulsions, summed"),
      m("sanctions", "sanctions, summed"),
      m("revocations", "license revocations, summed"),
      m("attacks", "malicious attacks, summed"));

  public static final List<String> METRICS;

  static {
    List<String> names = new ArrayList<>();
    for (String[] x : METRIC_DOCS) names.add(x[0]);
    METRICS = Collections.unmodifiableList(names);
  }

  private static String[] m(String name, String doc) {
    return new String[] {name, doc};
  }

  private final ModelSpec spec;
  private final double burnIn;
  private long n;
  private double harm;
  private double severe;
  private double malicious;
  private double weak;
  private final double[] sums = new double[StepMetrics.COLUMNS.size()];
  private double capabilityAtBurnIn = Double.NaN;
  private double dayAtBurnIn = Double.NaN;
  private int revisionsBefore;
  private int outcries;
  private double costCompliance;
  private double costRegulator;
  private double costCommunity;
  private double welfareConsumer;
  private double welfareProducer;
  private int expulsions;
  private int sanctions;
  private int revocations;
  private int attacks;
  private double[] last;

  public RunSummary(ModelSpec spec) {
    this.spec = spec;
    this.burnIn = spec.time().burnInDays();
  }

  private static final int HARM = StepMetrics.index("harm_total");
  private static final int SEVERE = StepMetrics.index("harm_severe");
  private static final int MALICIOUS = StepMetrics.index("harm_malicious");
  private static final int CAPABILITY = StepMetrics.index("capability_mean");

  /** Adds one step's row (from {@link StepMetrics}) and the world it came from. */
  public void add(World w, double[] row) {
    last = row;
    double stepStart = w.endOfStep() - w.dtDays;
    if (stepStart + 1e-9 < burnIn) {
      revisionsBefore = w.backlashResponseDays.size();
      return;
    }
    if (Double.isNaN(capabilityAtBurnIn)) {
      capabilityAtBurnIn = row[CAPABILITY];
      dayAtBurnIn = stepStart;
    }
    n++;
    for (int i = 0; i < row.length; i++) sums[i] += row[i];
    harm += row[HARM];
    severe += row[SEVERE];
    malicious += row[MALICIOUS];
    weak += w.tally.harmWeak;
    outcries += w.tally.outcries;
    costCompliance += w.tally.costCompliance;
    costRegulator += w.tally.costRegulator;
    costCommunity += w.tally.costCommunity;
    welfareConsumer += row[StepMetrics.index("welfare_consumer")];
    welfareProducer += w.tally.profit;
    expulsions += w.tally.expulsions;
    sanctions += w.tally.sanctions;
    revocations += w.tally.revocations;
    attacks += w.tally.attacks;
  }

  /** The summary metrics, in {@link #METRICS} order. */
  public Map<String, Double> finish(World w) {
    double rawHarm = harm * w.users.size / 1000.0;
    double gapAll = 0;
    int gapAllN = 0;
    double gapReg = 0;
    int gapRegN = 0;
    double gapCom = 0;
    int gapComN = 0;
    int emerged = 0;
    for (Risk r : w.risks) {
      if (r.initial || r.emergedDay + 1e-9 < burnIn) continue;
      emerged++;
      double first = r.firstRuleDay();
      if (!Double.isNaN(first)) {
        gapAll += first - r.emergedDay;
        gapAllN++;
      }
      if (!Double.isNaN(r.firstRegulatorRuleDay)) {
        gapReg += r.firstRegulatorRuleDay - r.emergedDay;
        gapRegN++;
      }
      if (!Double.isNaN(r.firstCommunityRuleDay)) {
        gapCom += r.firstCommunityRuleDay - r.emergedDay;
        gapComN++;
      }
    }
    List<Double> responses = w.backlashResponseDays.subList(Math.min(revisionsBefore, w.backlashResponseDays.size()),
        w.backlashResponseDays.size());
    double years = Double.isNaN(dayAtBurnIn) ? Double.NaN : (w.endOfStep() - dayAtBurnIn) / 365.0;
    int communities = 0;
    for (Community c : w.communities) if (c.active) communities++;
    int activeFirms = 0;
    for (Firm f : w.firms) if (f.active) activeFirms++;

    Map<String, Double> s = new LinkedHashMap<>();
    s.put("harm_total", harm);
    s.put("harm_severe", severe);
    s.put("harm_malicious", malicious);
    s.put("harm_info_weak_share", rawHarm > 0 ? weak / rawHarm : 0.0);
    s.put("compliance_rate", mean("compliance_rate"));
    s.put("mitigation_rate", mean("mitigation_rate"));
    s.put("coverage_regulator", mean("coverage_regulator"));
    s.put("coverage_community", mean("coverage_community"));
    s.put("governance_gap_days_mean", gapAllN == 0 ? Double.NaN : gapAll / gapAllN);
    s.put("governance_gap_regulator_days_mean", gapRegN == 0 ? Double.NaN : gapReg / gapRegN);
    s.put("governance_gap_community_days_mean", gapComN == 0 ? Double.NaN : gapCom / gapComN);
    s.put("risks_emerged", (double) emerged);
    s.put("risks_governed_share", emerged == 0 ? Double.NaN : gapAllN / (double) emerged);
    s.put("backlash_response_days_mean", StepMetrics.mean(responses));
    s.put("practice_duration_days_mean", StepMetrics.mean(w.practiceDurationDays.subList(
        Math.min(revisionsBefore, w.practiceDurationDays.size()), w.practiceDurationDays.size())));
    s.put("revisions", (double) responses.size());
    s.put("outcries", (double) outcries);
    s.put("reputation_mean", mean("reputation_mean"));
    s.put("trust_mean", mean("trust_mean"));
    s.put("hhi", mean("hhi"));
    s.put("hhi_final", last == null ? Double.NaN : last[StepMetrics.index("hhi")]);
    s.put("active_firms_final", (double) activeFirms);
    s.put("switching_rate", mean("switching_rate"));
    s.put("capability_mean_final", last == null ? Double.NaN : last[CAPABILITY]);
    s.put("capability_growth_per_year", last == null || !(years > 0) ? Double.NaN
        : (last[CAPABILITY] - capabilityAtBurnIn) / years);
    s.put("cost_compliance", costCompliance);
    s.put("cost_regulator", costRegulator);
    s.put("cost_community", costCommunity);
    s.put("welfare_consumer", welfareConsumer);
    s.put("welfare_producer", welfareProducer);
    s.put("communities_final", (double) communities);
    s.put("community_member_share", mean("community_member_share"));
    s.put("expulsions", (double) expulsions);
    s.put("sanctions", (double) sanctions);
    s.put("revocations", (double) revocations);
    s.put("attacks", (double) attacks);
    if (!s.keySet().equals(new java.util.LinkedHashSet<>(METRICS))) {
      throw new IllegalStateException("summary metrics out of step with METRIC_DOCS");
    }
    return s;
  }

  private double mean(String column) {
    return n == 0 ? Double.NaN : sums[StepMetrics.index(column)] / n;
  }
}
