package govsim.observe;

import static govsim.observe.Bounds.ANY;
import static govsim.observe.Bounds.NON_NEGATIVE;
import static govsim.observe.MetricDoc.SHARE;

import govsim.mechanism.Governance;
import govsim.mechanism.users.UserChoice;
import govsim.observe.RunMetric.Aggregation;
import govsim.stats.KaplanMeier;
import govsim.stats.Stats;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metric catalogue (MODEL.md §7): every output metric, declared once with its name, title,
 * unit, meaning, bounds, when it is undefined and how it is computed. The step metrics are the
 * columns of timeseries.csv in declaration order; the run metrics the columns of summary.csv, in
 * declaration order, each aggregating a step metric or computed from the whole run. Everything that
 * names, documents, writes or draws a metric reads it from here.
 *
 * <p>To add a metric: declare it at the end of its section (a step metric, and if the summary
 * should have it, a run metric after the last one) and test its value on a hand-built world in
 * {@code MetricsTest}. Its formula must not allocate (it runs every step) and must return NaN,
 * never 0, where the metric is undefined.
 */
public final class Metrics {
  private Metrics() {}

  private static final List<StepMetric> STEPS = new ArrayList<>();
  private static final List<RunMetric> RUNS = new ArrayList<>();
  private static final String PER_1000 = "per 1,000 users";
  private static final String INDEX_01 = "0\u20131";
  private static final String ALWAYS = "";

  // ---- Step metrics: the columns of timeseries.csv, in order ------------------------------

  public static final StepMetric STEP =
      step("step", "Step", "", "step index, 0-based", NON_NEGATIVE, ALWAYS, v -> v.world().step);
  public static final StepMetric DAY =
      step(
          "day",
          "Time",
          "days",
          "simulated time at the end of the step (days)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.world().endOfStep());
  public static final StepMetric HARM_TOTAL =
      step(
          "harm_total",
          "Harm",
          PER_1000 + " per step",
          "harm this step per 1,000 users (incidents, harmful practice, malicious attacks)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().harm * v.per1000());
  public static final StepMetric HARM_SEVERE =
      step(
          "harm_severe",
          "Severe harm",
          PER_1000 + " per step",
          "harm this step per 1,000 users from severe incidents and attacks",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().harmSevere * v.per1000());
  public static final StepMetric HARM_MALICIOUS =
      step(
          "harm_malicious",
          "Harm from malicious actors",
          PER_1000 + " per step",
          "harm this step per 1,000 users from malicious actors",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().harmMalicious * v.per1000());
  public static final StepMetric HARM_TOTAL_CUM =
      step(
          "harm_total_cum",
          "Cumulative harm",
          PER_1000,
          "cumulative harm per 1,000 users",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.harmCum() * v.per1000());
  public static final StepMetric HARM_SEVERE_CUM =
      step(
          "harm_severe_cum",
          "Cumulative severe harm",
          PER_1000,
          "cumulative severe harm per 1,000 users",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.severeCum() * v.per1000());
  public static final StepMetric HARM_MALICIOUS_CUM =
      step(
          "harm_malicious_cum",
          "Cumulative harm from malicious actors",
          PER_1000,
          "cumulative malicious harm per 1,000 users",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.maliciousCum() * v.per1000());
  public static final StepMetric HARM_INFO_WEAK_SHARE =
      step(
          "harm_info_weak_share",
          "Harm borne by information-weak users",
          SHARE,
          "share of cumulative harm borne by information-weak users",
          Bounds.SHARE,
          "no harm yet",
          v -> v.harmCum() > 0 ? v.weakCum() / v.harmCum() : Double.NaN);
  public static final StepMetric COMPLIANCE_RATE =
      step(
          "compliance_rate",
          "Compliance rate",
          SHARE,
          "user-weighted share of (active risk, firm) pairs that are governed and complied with",
          Bounds.SHARE,
          "no active risk, or nothing to comply with: no rule in force and no rule-maker (no regulator with"
              + " rule-making, no active community), or nobody has a provider",
          Metrics::complianceRate);
  public static final StepMetric MITIGATION_RATE =
      step(
          "mitigation_rate",
          "Mitigation rate",
          SHARE,
          "user-weighted share of (active risk, firm) pairs mitigated, governed or not",
          Bounds.SHARE,
          "no active risk, or nobody has a provider",
          Metrics::mitigationRate);
  public static final StepMetric COVERAGE_REGULATOR =
      step(
          "coverage_regulator",
          "Risks covered by regulator rules",
          SHARE,
          "share of active known risks covered by a regulator rule in force (current form)",
          Bounds.SHARE,
          "no active known risk, or no regulator makes rules and none of its rules is in force (a"
              + " source that does not exist covers nothing: empty, not 0)",
          v -> coverage(v.world(), true));
  public static final StepMetric COVERAGE_COMMUNITY =
      step(
          "coverage_community",
          "Risks covered by community standards",
          SHARE,
          "share of active known risks covered by a community standard in force (current form)",
          Bounds.SHARE,
          "no active known risk, or no active community and no standard in force (empty, not 0)",
          v -> coverage(v.world(), false));
  public static final StepMetric GOVERNANCE_GAP_DAYS_MEAN =
      step(
          "governance_gap_days_mean",
          "Governance gap",
          "days",
          "mean days from a novel risk's emergence to its first rule in force (any rule, however few"
              + " users it binds), over novel risks that have one so far; ungoverned risks are"
              + " left out (see the survival metrics of summary.csv for the censoring-aware gap)",
          NON_NEGATIVE,
          "no novel risk governed yet",
          v -> governanceGapSoFar(v.world()));
  public static final StepMetric RULES_REGULATOR =
      step(
          "rules_regulator",
          "Regulator rules in force",
          "rules",
          "regulator rules in force on the current form of active risks (summed over jurisdictions)",
          NON_NEGATIVE,
          ALWAYS,
          v -> rulesInForce(v.world(), true));
  public static final StepMetric RULES_COMMUNITY =
      step(
          "rules_community",
          "Community standards in force",
          "standards",
          "community standards in force on the current form of active risks (summed over communities)",
          NON_NEGATIVE,
          ALWAYS,
          v -> rulesInForce(v.world(), false));
  public static final StepMetric BACKLASH_RESPONSE_DAYS_MEAN =
      step(
          "backlash_response_days_mean",
          "Backlash response time",
          "days",
          "mean days from first outcry to revision of a harmful practice, so far",
          NON_NEGATIVE,
          "no practice revised yet",
          v -> mean(v.world().backlashResponseDays, 0));
  public static final StepMetric PRACTICE_DURATION_DAYS_MEAN =
      step(
          "practice_duration_days_mean",
          "Duration of harmful practices",
          "days",
          "mean days from adopting a harmful practice to revising it after backlash, so far",
          NON_NEGATIVE,
          "no practice revised yet",
          v -> mean(v.world().practiceDurationDays, 0));
  public static final StepMetric REPUTATION_MEAN =
      step(
          "reputation_mean",
          "Mean reputation of firms",
          INDEX_01,
          "mean reputation of active firms",
          Bounds.SHARE,
          "no active firm",
          Metrics::reputationMean);
  public static final StepMetric TRUST_MEAN =
      step(
          "trust_mean",
          "Trust",
          "user-weighted reputation, 0\u20131",
          "user-weighted mean reputation of users' providers",
          Bounds.SHARE,
          "no user is at an active firm (no firm licensed where the users live, or every firm has exited)",
          Metrics::trust);
  public static final StepMetric HHI =
      step(
          "hhi",
          "Market concentration (HHI)",
          INDEX_01,
          "Herfindahl-Hirschman index of usage shares (0-1; a multi-homing user counts with her usage share at each provider)",
          Bounds.SHARE,
          "no user is at an active firm (no firm licensed where the users live, or every firm has exited)",
          Metrics::hhi);
  public static final StepMetric ACTIVE_FIRMS =
      step(
          "active_firms",
          "Active firms",
          "firms",
          "active firms",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.world().activeFirmCount());
  public static final StepMetric SWITCHING_RATE =
      step(
          "switching_rate",
          "Users switching provider",
          "share of users per day",
          "switches this step per user, divided by the step's length in days (a rate per day, so"
              + " that it does not depend on dt_days)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().switches / (double) v.users() / v.world().dtDays);
  public static final StepMetric CAPABILITY_MEAN =
      step(
          "capability_mean",
          "Mean capability of firms",
          "capability index",
          "mean capability of active firms",
          NON_NEGATIVE,
          "no active firm",
          Metrics::capabilityMean);
  public static final StepMetric COST_COMPLIANCE =
      step(
          "cost_compliance",
          "Firms' compliance cost",
          "currency units per step",
          "firms' compliance costs this step (currency)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().costCompliance);
  public static final StepMetric COST_REGULATOR =
      step(
          "cost_regulator",
          "Regulators' cost",
          "currency units per step",
          "regulators' costs this step: drafting, inspections, investigations (currency)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().costRegulator);
  public static final StepMetric COST_COMMUNITY =
      step(
          "cost_community",
          "Communities' cost",
          "currency units per step",
          "communities' costs this step: running costs and audits (currency)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().costCommunity);
  public static final StepMetric WELFARE_CONSUMER =
      step(
          "welfare_consumer",
          "Consumer welfare",
          "utility-years per 1,000 users per step",
          "users' utility from their providers over this step (utility per year x the step's share of"
              + " a year) minus harm valued at metrics.harm_valuation utility-years per harm unit,"
              + " per 1,000 users",
          ANY,
          ALWAYS,
          Metrics::welfareConsumer);
  public static final StepMetric WELFARE_PRODUCER =
      step(
          "welfare_producer",
          "Firms' profit",
          "currency units per step",
          "firms' profit this step (currency)",
          ANY,
          ALWAYS,
          v -> v.tally().profit);
  public static final StepMetric COMMUNITIES =
      step(
          "communities",
          "Active communities",
          "communities",
          "active communities",
          NON_NEGATIVE,
          ALWAYS,
          v -> activeCommunities(v.world()));
  public static final StepMetric COMMUNITY_MEMBER_SHARE =
      step(
          "community_member_share",
          "Firms in a community",
          SHARE,
          "share of active firms in at least one community",
          Bounds.SHARE,
          "no active firm",
          Metrics::communityMemberShare);
  public static final StepMetric EXPULSIONS =
      step(
          "expulsions",
          "Expulsions",
          "per step",
          "expulsions this step",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().expulsions);
  public static final StepMetric SANCTIONS =
      step(
          "sanctions",
          "Sanctions",
          "per step",
          "sanctions this step (firms fined, malicious actors punished)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().sanctions);
  public static final StepMetric REVOCATIONS =
      step(
          "revocations",
          "Revocations",
          "per step",
          "licenses revoked this step",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().revocations);
  public static final StepMetric OUTCRIES =
      step(
          "outcries",
          "Outcries",
          "per step",
          "public outcries this step",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().outcries);
  public static final StepMetric COMPLAINTS =
      step(
          "complaints",
          "Complaints",
          "per step",
          "complaints filed this step",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().complaints);
  public static final StepMetric INCIDENTS =
      step(
          "incidents",
          "Incidents",
          "per step",
          "risk incidents this step",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().incidents);
  public static final StepMetric ATTACKS =
      step(
          "attacks",
          "Attacks",
          "per step",
          "malicious attacks this step",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().attacks);
  public static final StepMetric PRACTICE_FIRMS =
      step(
          "practice_firms",
          "Firms with a harmful practice",
          "firms",
          "active firms with the harmful practice",
          NON_NEGATIVE,
          ALWAYS,
          Metrics::practiceFirms);
  public static final StepMetric ACTIVE_RISKS =
      step(
          "active_risks",
          "Active risks",
          "risks",
          "active risks",
          NON_NEGATIVE,
          ALWAYS,
          v -> activeRisks(v.world(), false));
  public static final StepMetric KNOWN_RISKS =
      step(
          "known_risks",
          "Known active risks",
          "risks",
          "active risks that are known",
          NON_NEGATIVE,
          ALWAYS,
          v -> activeRisks(v.world(), true));
  public static final StepMetric ENTRIES =
      step(
          "entries",
          "Entries",
          "per step",
          "firms that entered this step",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().entries);
  public static final StepMetric EXITS =
      step(
          "exits",
          "Exits",
          "per step",
          "firms that exited this step",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().exits);
  public static final StepMetric COMMUNITY_SIZE_MEAN =
      step(
          "community_size_mean",
          "Mean community size",
          "firms",
          "mean number of member firms per active community",
          NON_NEGATIVE,
          "no active community",
          v -> communitySizeMean(v.world()));
  // issue 13 items 4 and 6 (comm)
  public static final StepMetric COMMUNITY_STRINGENCY_MEAN =
      step(
          "community_stringency_mean",
          "Community stringency",
          "share of hazard removed",
          "stringency of the active communities with members, weighted by their members (0\u20131)",
          Bounds.SHARE,
          "no active community has members",
          v -> communityStringencyMean(v.world()));
  public static final StepMetric COMMUNITY_STRINGENCY_RANGE =
      step(
          "community_stringency_range",
          "Spread of community stringency",
          "share of hazard removed",
          "highest minus lowest stringency among the active communities with members (0\u20131)",
          Bounds.SHARE,
          "no active community has members",
          v -> communityStringencyRange(v.world()));
  public static final StepMetric REVENUE =
      step(
          "revenue",
          "Firms' revenue",
          "currency units per step",
          "firms' revenue this step (currency)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().revenue);
  public static final StepMetric COST_ENTRY =
      step(
          "cost_entry",
          "Firms' entry costs",
          "currency units per step",
          "entry costs firms paid this step to start serving a jurisdiction (currency; also part of"
              + " cost_compliance)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().costEntry);
  public static final StepMetric COMPLIANCE_COST_REVENUE_SHARE =
      step(
          "compliance_cost_revenue_share",
          "Running compliance cost, share of revenue",
          SHARE,
          "firms' compliance costs this step without entry costs, over their revenue this step"
              + " (0 and up; above 1 when costs exceed revenue)",
          NON_NEGATIVE,
          "no revenue this step",
          v ->
              v.tally().revenue > 0
                  ? (v.tally().costCompliance - v.tally().costEntry) / v.tally().revenue
                  : Double.NaN);
  public static final StepMetric JURISDICTIONS_SERVED_MEAN =
      step(
          "jurisdictions_served_mean",
          "Jurisdictions served per firm",
          "jurisdictions",
          "mean number of jurisdictions an active firm is licensed in (1 to cross_border.jurisdictions)",
          NON_NEGATIVE,
          "no active firm",
          v -> jurisdictionsServedMean(v.world()));
  public static final StepMetric REACH_USER_WEIGHTED =
      step(
          "reach_user_weighted",
          "Market reach, user-weighted",
          SHARE,
          "share of all users living in the jurisdictions a firm serves, averaged over active firms"
              + " weighted by their users (0\u20131)",
          Bounds.SHARE,
          "no active firm has users",
          v -> reachUserWeighted(v.world()));
  public static final StepMetric RECOGNITIONS =
      step(
          "recognitions",
          "Certificate recognitions",
          "pairs",
          "(active community, jurisdiction) pairs in which the jurisdiction recognises the"
              + " community's certificate and holds the recognition power",
          NON_NEGATIVE,
          ALWAYS,
          v -> recognitions(v.world()));

  // issue 12.5 (misuse): attacks through providers' models and their safeguards.
  public static final StepMetric ATTACKS_BLOCKED =
      step(
          "attacks_blocked",
          "Attacks blocked by safeguards",
          "per step",
          "malicious attacks this step stopped by the safeguards of the provider whose model they used"
              + " (not counted in attacks; 0 under malicious.targeting none)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().attacksBlocked);
  public static final StepMetric ATTACK_ATTEMPTS_CERTIFIED =
      step(
          "attack_attempts_certified",
          "Attack attempts via certified providers",
          "per step",
          "attack attempts this step (successful or blocked) through a provider that belongs to a"
              + " community",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().attemptsCertified);
  public static final StepMetric HARM_MALICIOUS_CERTIFIED =
      step(
          "harm_malicious_certified",
          "Malicious harm via certified providers",
          PER_1000 + " per step",
          "harm this step per 1,000 users from attacks through a provider that belongs to a community"
              + " (part of harm_malicious)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().harmMaliciousCertified * v.per1000());
  public static final StepMetric SAFEGUARDS_MEAN =
      step(
          "safeguards_mean",
          "Mean misuse safeguard level",
          "safeguard level, " + INDEX_01,
          "user-weighted mean misuse safeguard level of the active firms",
          Bounds.SHARE,
          "malicious.targeting none (no safeguards), or no user at an active firm",
          v -> safeguardsMean(v.world()));
  public static final StepMetric COST_SAFEGUARDS =
      step(
          "cost_safeguards",
          "Firms' misuse safeguard cost",
          "currency units per step",
          "firms' cost of misuse safeguards this step (currency; not part of cost_compliance)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().costSafeguards);
  // issue 13.3, 13.5, 13.7 (inst): hybrid powers' costs, the inspections left, codification, soft
  // signals
  public static final StepMetric COST_REGULATOR_POWERS =
      step(
          "cost_regulator_powers",
          "Regulators' cost of hybrid powers",
          "currency units per step",
          "regulators' cost of their hybrid powers this step (synergy.cost_*_per_year; part of"
              + " cost_regulator)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().costPowersRegulator);
  public static final StepMetric COST_FIRMS_POWERS =
      step(
          "cost_firms_powers",
          "Firms' cost of hybrid powers",
          "currency units per step",
          "firms' cost of hybrid powers this step: transparency reporting (part of"
              + " cost_compliance and of welfare_producer)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().costPowersFirms);
  public static final StepMetric INSPECTION_CAPACITY =
      step(
          "inspection_capacity",
          "Affordable inspections",
          "inspections per year",
          "mean over enforcing regulators of the routine inspections per year their budget leaves"
              + " after their hybrid powers (at most enforcement.inspections_per_year)",
          NON_NEGATIVE,
          "no regulator enforces",
          v -> inspectionCapacity(v.world()));
  public static final StepMetric GUIDED_RISK_SHARE =
      step(
          "guided_risk_share",
          "Risks with a guideline",
          SHARE,
          "share of the active known risks on whose current form some regulator has issued a"
              + " guideline (soft signal)",
          Bounds.SHARE,
          "no active known risk",
          v -> guidedRiskShare(v.world()));
  public static final StepMetric CODIFIED_RULE_SHARE =
      step(
          "codified_rule_share",
          "Codified rules",
          SHARE,
          "share of the regulators' rules in force on the current form of an active risk (one per"
              + " regulator and risk) that cite a community standard (codification by reference)",
          Bounds.SHARE,
          "no regulator rule in force on an active risk",
          v -> codifiedRuleShare(v.world()));
  // issue 12.3 (users)
  public static final StepMetric INCUMBENT_USAGE_SHARE =
      step(
          "incumbent_usage_share",
          "Usage share of the incumbent",
          SHARE,
          "usage share of the incumbent, the firm with most users at the start of the run (0 once"
              + " it has exited); a multi-homing user counts with her usage share at each provider",
          Bounds.SHARE,
          "no user is at an active firm",
          Metrics::incumbentUsageShare);

  // ---- Run metrics: the columns of summary.csv after scenario, regime and seed, in order ---

  public static final RunMetric HARM_TOTAL_RUN =
      sum(
          HARM_TOTAL,
          PER_1000 + ", run total",
          "harm per 1,000 users, summed over the run after burn-in");
  public static final RunMetric HARM_SEVERE_RUN =
      sum(HARM_SEVERE, PER_1000 + ", run total", "severe harm per 1,000 users, summed");
  public static final RunMetric HARM_MALICIOUS_RUN =
      sum(
          HARM_MALICIOUS,
          PER_1000 + ", run total",
          "harm from malicious actors per 1,000 users, summed");
  public static final RunMetric HARM_INFO_WEAK_SHARE_RUN =
      run(
          HARM_INFO_WEAK_SHARE,
          "share of harm borne by information-weak users",
          "no harm after burn-in",
          Metrics::weakShareAfterBurnIn);
  public static final RunMetric COMPLIANCE_RATE_RUN = mean(COMPLIANCE_RATE);
  public static final RunMetric MITIGATION_RATE_RUN = mean(MITIGATION_RATE);
  public static final RunMetric COVERAGE_REGULATOR_RUN = mean(COVERAGE_REGULATOR);
  public static final RunMetric COVERAGE_COMMUNITY_RUN = mean(COVERAGE_COMMUNITY);
  public static final RunMetric GOVERNANCE_GAP_DAYS_MEAN_RUN =
      run(
          GOVERNANCE_GAP_DAYS_MEAN,
          "mean days from emergence to first effective rule, over novel risks emerged after burn-in that got one",
          "no novel risk emerged after burn-in got an effective rule",
          r -> governanceGapAfterBurnIn(r, Source.EITHER));
  public static final RunMetric GOVERNANCE_GAP_REGULATOR_DAYS_MEAN =
      run(
          "governance_gap_regulator_days_mean",
          "Governance gap, regulator rules",
          "days",
          "the same, first regulator rule only",
          NON_NEGATIVE,
          "no novel risk emerged after burn-in got a regulator rule",
          r -> governanceGapAfterBurnIn(r, Source.REGULATOR));
  public static final RunMetric GOVERNANCE_GAP_COMMUNITY_DAYS_MEAN =
      run(
          "governance_gap_community_days_mean",
          "Governance gap, community standards",
          "days",
          "the same, first community standard only",
          NON_NEGATIVE,
          "no novel risk emerged after burn-in got a community standard",
          r -> governanceGapAfterBurnIn(r, Source.COMMUNITY));
  public static final RunMetric RISKS_EMERGED =
      run(
          "risks_emerged",
          "Novel risks emerged",
          "risks",
          "novel risks that emerged after burn-in (initial risks excluded)",
          NON_NEGATIVE,
          ALWAYS,
          Metrics::risksEmergedAfterBurnIn);
  public static final RunMetric RISKS_GOVERNED_SHARE =
      run(
          "risks_governed_share",
          "Novel risks governed",
          SHARE,
          "share of those risks with an effective rule by the end",
          Bounds.SHARE,
          "no novel risk emerged after burn-in",
          Metrics::risksGovernedShare);
  public static final RunMetric BACKLASH_RESPONSE_DAYS_MEAN_RUN =
      run(
          BACKLASH_RESPONSE_DAYS_MEAN,
          "mean days from first outcry to practice revision, over revisions after burn-in",
          "no revision after burn-in",
          r -> mean(r.world().backlashResponseDays, r.revisionsBeforeBurnIn()));
  public static final RunMetric PRACTICE_DURATION_DAYS_MEAN_RUN =
      run(
          PRACTICE_DURATION_DAYS_MEAN,
          "mean days from adopting a harmful practice to revising it, over revisions after burn-in",
          "no revision after burn-in",
          r -> mean(r.world().practiceDurationDays, r.revisionsBeforeBurnIn()));
  public static final RunMetric REVISIONS =
      run(
          "revisions",
          "Practice revisions",
          "count",
          "practice revisions after burn-in",
          NON_NEGATIVE,
          ALWAYS,
          r -> after(r.world().backlashResponseDays, r.revisionsBeforeBurnIn()).size());
  public static final RunMetric OUTCRIES_RUN = sum(OUTCRIES, "count", "outcries after burn-in");
  public static final RunMetric REPUTATION_MEAN_RUN = mean(REPUTATION_MEAN);
  public static final RunMetric TRUST_MEAN_RUN = mean(TRUST_MEAN);
  public static final RunMetric HHI_RUN = mean(HHI);
  public static final RunMetric HHI_FINAL =
      last(HHI, "hhi_final", "Final market concentration (HHI)", INDEX_01, "hhi at the end");
  public static final RunMetric ACTIVE_FIRMS_FINAL =
      last(
          ACTIVE_FIRMS,
          "active_firms_final",
          "Active firms at the end",
          "firms",
          "active firms at the end");
  public static final RunMetric SWITCHING_RATE_RUN =
      mean(SWITCHING_RATE, "time mean of switching_rate: share of users switching per day");
  public static final RunMetric CAPABILITY_MEAN_FINAL =
      last(
          CAPABILITY_MEAN,
          "capability_mean_final",
          "Mean capability at the end",
          "capability index",
          "mean capability of active firms at the end");
  public static final RunMetric CAPABILITY_GROWTH_PER_YEAR =
      run(
          "capability_growth_per_year",
          "Capability growth",
          "per year",
          "growth of mean capability per year after burn-in (innovation)",
          ANY,
          "no step after burn-in, or no active firm at burn-in or at the end",
          Metrics::capabilityGrowthPerYear);
  public static final RunMetric COST_COMPLIANCE_RUN =
      sum(
          COST_COMPLIANCE,
          "currency units, run total",
          "firms' compliance costs, summed (currency)");
  public static final RunMetric COST_REGULATOR_RUN =
      sum(COST_REGULATOR, "currency units, run total", "regulators' costs, summed (currency)");
  public static final RunMetric COST_COMMUNITY_RUN =
      sum(COST_COMMUNITY, "currency units, run total", "communities' costs, summed (currency)");
  public static final RunMetric WELFARE_CONSUMER_RUN =
      sum(
          WELFARE_CONSUMER,
          "utility-years per 1,000 users, run total",
          "consumer welfare per 1,000 users, summed");
  public static final RunMetric WELFARE_PRODUCER_RUN =
      sum(WELFARE_PRODUCER, "currency units, run total", "firms' profit, summed (currency)");
  public static final RunMetric COMMUNITIES_FINAL =
      last(
          COMMUNITIES,
          "communities_final",
          "Active communities at the end",
          "communities",
          "active communities at the end");
  public static final RunMetric COMMUNITY_MEMBER_SHARE_RUN = mean(COMMUNITY_MEMBER_SHARE);
  public static final RunMetric EXPULSIONS_RUN = sum(EXPULSIONS, "run total", "expulsions, summed");
  public static final RunMetric SANCTIONS_RUN = sum(SANCTIONS, "run total", "sanctions, summed");
  public static final RunMetric REVOCATIONS_RUN =
      sum(REVOCATIONS, "run total", "license revocations, summed");
  public static final RunMetric ATTACKS_RUN =
      sum(ATTACKS, "run total", "malicious attacks, summed");
  public static final RunMetric COMMUNITY_SIZE_MEAN_RUN = mean(COMMUNITY_SIZE_MEAN);
  public static final RunMetric HARM_TOTAL_ABSOLUTE =
      run(
          "harm_total_absolute",
          "Harm, absolute",
          "harm units, run total",
          "harm after burn-in over the whole population (severity x affected users; not per capita:"
              + " harm_total is the same per 1,000 users)",
          NON_NEGATIVE,
          ALWAYS,
          r -> absolute(r, HARM_TOTAL));
  public static final RunMetric HARM_SEVERE_ABSOLUTE =
      run(
          "harm_severe_absolute",
          "Severe harm, absolute",
          "harm units, run total",
          "severe harm after burn-in over the whole population",
          NON_NEGATIVE,
          ALWAYS,
          r -> absolute(r, HARM_SEVERE));
  public static final RunMetric HARM_MALICIOUS_ABSOLUTE =
      run(
          "harm_malicious_absolute",
          "Harm from malicious actors, absolute",
          "harm units, run total",
          "harm from malicious actors after burn-in over the whole population",
          NON_NEGATIVE,
          ALWAYS,
          r -> absolute(r, HARM_MALICIOUS));

  static {
    for (Durations.Quantity q :
        List.of(
            Durations.Quantity.GOVERNANCE_GAP,
            Durations.Quantity.BACKLASH_RESPONSE,
            Durations.Quantity.PRACTICE_DURATION)) survivalColumns(q);
  }

  // issue 12.1 (resp): the backlash response as a decision.
  public static final RunMetric PARTIAL_REVISIONS =
      run(
          "partial_revisions",
          "Partial revisions of practices",
          "count",
          "partial revisions of harmful practices after burn-in (reputation.backlash_response decision)",
          NON_NEGATIVE,
          ALWAYS,
          r -> countAfter(r.world().partialRevisionDays, r.burnInDays()));
  public static final RunMetric BACKLASH_DECISIONS =
      run(
          "backlash_decisions",
          "Backlash response decisions",
          "count",
          "firms' backlash response decisions after burn-in (any answer: revise fully, revise partly, wait, hold)",
          NON_NEGATIVE,
          ALWAYS,
          r -> countAfter(r.world().responseDecisionDays, r.burnInDays()));
  public static final RunMetric BACKLASH_HOLD_SHARE =
      run(
          "backlash_hold_share",
          "Outcries answered by holding",
          SHARE,
          "share of response decisions opened by an outcry after burn-in whose answer (the first"
              + " that is not wait) was hold; n = those answered decisions",
          Bounds.SHARE,
          "no response decision opened by an outcry was answered after burn-in (automatic mode, or"
              + " none due)",
          Metrics::holdShare);

  static {
    survivalColumns(Durations.Quantity.BACKLASH_FIRST_RESPONSE);
  }

  private static double countAfter(List<Double> days, double burnIn) {
    int n = 0;
    for (double d : days) if (d + 1e-9 >= burnIn) n++;
    return n;
  }

  private static double holdShare(RunView r) {
    int n = 0, hold = 0;
    for (double[] a : r.world().outcryAnswers) {
      if (a[0] + 1e-9 < r.burnInDays()) continue;
      n++;
      if (a[1] > 0) hold++;
    }
    return n == 0 ? Double.NaN : hold / (double) n;
  }

  // issue 13.1-13.2 (know): mis-targeted first rules, entrenchment, control cost per governed risk
  private static final Bounds STRICTNESS = new Bounds(-1, 1);

  public static final RunMetric STRICTNESS_ERROR_REGULATOR_MEAN =
      run(
          "strictness_error_regulator_mean",
          "Strictness error, first regulator rules",
          "stringency",
          "mean of stringency written minus stringency an informed rule-maker would write (positive:"
              + " too strict, negative: too loose) over the first regulator rule in force on each"
              + " novel risk emerged after burn-in; n = those risks with one",
          STRICTNESS,
          "no novel risk emerged after burn-in got a regulator rule",
          r -> firstRuleStrictness(r, Source.REGULATOR, false, false));
  public static final RunMetric STRICTNESS_ABS_ERROR_REGULATOR_MEAN =
      run(
          "strictness_abs_error_regulator_mean",
          "Mis-targeting, first regulator rules",
          "stringency",
          "the same, absolute error",
          Bounds.SHARE,
          "no novel risk emerged after burn-in got a regulator rule",
          r -> firstRuleStrictness(r, Source.REGULATOR, true, false));
  public static final RunMetric STRICTNESS_ERROR_COMMUNITY_MEAN =
      run(
          "strictness_error_community_mean",
          "Strictness error, first community standards",
          "stringency",
          "the same signed error over the first community standard in force on each novel risk",
          STRICTNESS,
          "no novel risk emerged after burn-in got a community standard",
          r -> firstRuleStrictness(r, Source.COMMUNITY, false, false));
  public static final RunMetric STRICTNESS_ABS_ERROR_COMMUNITY_MEAN =
      run(
          "strictness_abs_error_community_mean",
          "Mis-targeting, first community standards",
          "stringency",
          "the same, absolute error",
          Bounds.SHARE,
          "no novel risk emerged after burn-in got a community standard",
          r -> firstRuleStrictness(r, Source.COMMUNITY, true, false));
  public static final RunMetric STRICTNESS_ABS_ERROR_KNIGHTIAN_MEAN =
      run(
          "strictness_abs_error_knightian_mean",
          "Mis-targeting, first rules on Knightian risks",
          "stringency",
          "mean absolute strictness error of the first rule in force (either source, the earlier;"
              + " the community's on the same day) on each Knightian novel risk emerged after"
              + " burn-in; n = those risks with one",
          Bounds.SHARE,
          "no Knightian novel risk emerged after burn-in got a rule",
          r -> firstRuleStrictness(r, Source.EITHER, true, true));
  public static final RunMetric ENTRENCHMENT_FACTOR_FIRST_RULE_MEAN =
      run(
          "entrenchment_factor_first_rule_mean",
          "Entrenchment of first rules",
          "factor",
          "mean entrenchment factor on the compliance cost of the first rule in force (either"
              + " source, the earlier) on each novel risk emerged after burn-in; 1 = no"
              + " entrenchment; n = those risks with one",
          new Bounds(1, Double.POSITIVE_INFINITY),
          "no novel risk emerged after burn-in got a rule",
          Metrics::entrenchmentFirstRuleMean);
  public static final RunMetric CONTROL_COST_PER_GOVERNED_RISK =
      run(
          "control_cost_per_governed_risk",
          "Control cost per governed risk",
          "currency units per risk",
          "firms' compliance cost under rules on novel risks emerged after burn-in, summed to the"
              + " end, divided by the number of those risks with a rule (n)",
          NON_NEGATIVE,
          "no novel risk emerged after burn-in got a rule",
          Metrics::controlCostPerGovernedRisk);
  public static final RunMetric CONTROL_COST_PER_GOVERNED_RISK_YEAR =
      run(
          "control_cost_per_governed_risk_year",
          "Control cost per governed risk-year",
          "currency units per risk-year",
          "the same cost divided by the years those risks were governed (some rule in force on"
              + " the current form): the yearly cost of controlling a governed risk",
          NON_NEGATIVE,
          "no novel risk emerged after burn-in was governed for any time",
          Metrics::controlCostPerGovernedRiskYear);
  // issue 13.3, 13.5, 13.7 (inst)
  public static final RunMetric COST_REGULATOR_POWERS_RUN =
      sum(
          COST_REGULATOR_POWERS,
          "currency units, run total",
          "regulators' cost of hybrid powers, summed (currency)");
  public static final RunMetric COST_FIRMS_POWERS_RUN =
      sum(
          COST_FIRMS_POWERS,
          "currency units, run total",
          "firms' cost of hybrid powers (transparency reporting), summed (currency)");
  public static final RunMetric INSPECTION_CAPACITY_RUN = mean(INSPECTION_CAPACITY);
  public static final RunMetric GUIDED_RISK_SHARE_RUN = mean(GUIDED_RISK_SHARE);
  public static final RunMetric CODIFIED_RULE_SHARE_RUN = mean(CODIFIED_RULE_SHARE);

  // issue 12.5 (misuse): attacks through providers' models and their safeguards.
  public static final RunMetric ATTACKS_BLOCKED_RUN =
      sum(ATTACKS_BLOCKED, "run total", "attacks blocked by safeguards, summed");
  public static final RunMetric ATTACKS_BLOCKED_SHARE =
      run(
          "attacks_blocked_share",
          "Share of attack attempts blocked",
          SHARE,
          "attacks blocked by safeguards / attack attempts (attacks + attacks_blocked), after burn-in",
          Bounds.SHARE,
          "no attack attempt after burn-in",
          r -> ratio(r.sum(ATTACKS_BLOCKED), r.sum(ATTACKS) + r.sum(ATTACKS_BLOCKED)));
  public static final RunMetric ATTACK_ATTEMPTS_CERTIFIED_SHARE =
      run(
          "attack_attempts_certified_share",
          "Share of attack attempts via certified providers",
          SHARE,
          "attack attempts through a community member / attack attempts, after burn-in",
          Bounds.SHARE,
          "no attack attempt after burn-in",
          r -> ratio(r.sum(ATTACK_ATTEMPTS_CERTIFIED), r.sum(ATTACKS) + r.sum(ATTACKS_BLOCKED)));
  public static final RunMetric HARM_MALICIOUS_CERTIFIED_SHARE =
      run(
          "harm_malicious_certified_share",
          "Share of malicious harm via certified providers",
          SHARE,
          "harm from attacks through a community member / harm from malicious actors, after burn-in",
          Bounds.SHARE,
          "no malicious harm after burn-in",
          r -> ratio(r.sum(HARM_MALICIOUS_CERTIFIED), r.sum(HARM_MALICIOUS)));
  public static final RunMetric SAFEGUARDS_MEAN_RUN = mean(SAFEGUARDS_MEAN);
  public static final RunMetric COST_SAFEGUARDS_RUN =
      sum(
          COST_SAFEGUARDS,
          "currency units, run total",
          "firms' cost of misuse safeguards, summed (currency)");
  // issue 13 items 4 and 6 (comm)
  public static final RunMetric COMMUNITY_STRINGENCY_MEAN_RUN = mean(COMMUNITY_STRINGENCY_MEAN);
  public static final RunMetric COMMUNITY_STRINGENCY_RANGE_RUN = mean(COMMUNITY_STRINGENCY_RANGE);
  public static final RunMetric REVENUE_RUN =
      sum(REVENUE, "currency units, run total", "firms' revenue, summed (currency)");
  public static final RunMetric COST_ENTRY_RUN =
      sum(COST_ENTRY, "currency units, run total", "firms' entry costs, summed (currency)");
  public static final RunMetric COMPLIANCE_COST_REVENUE_SHARE_RUN =
      run(
          COMPLIANCE_COST_REVENUE_SHARE,
          "firms' compliance costs without entry costs over their revenue, both summed after"
              + " burn-in",
          "no revenue after burn-in",
          r ->
              r.sum(REVENUE) > 0
                  ? (r.sum(COST_COMPLIANCE) - r.sum(COST_ENTRY)) / r.sum(REVENUE)
                  : Double.NaN);
  public static final RunMetric ENTRY_COST_REVENUE_SHARE_RUN =
      run(
          "entry_cost_revenue_share",
          "Entry cost, share of revenue",
          SHARE,
          "firms' entry costs over their revenue, both summed after burn-in (0 and up)",
          NON_NEGATIVE,
          "no revenue after burn-in",
          r -> r.sum(REVENUE) > 0 ? r.sum(COST_ENTRY) / r.sum(REVENUE) : Double.NaN);
  public static final RunMetric JURISDICTIONS_SERVED_MEAN_RUN = mean(JURISDICTIONS_SERVED_MEAN);
  public static final RunMetric JURISDICTIONS_SERVED_FINAL =
      last(
          JURISDICTIONS_SERVED_MEAN,
          "jurisdictions_served_final",
          "Jurisdictions served per firm at the end",
          "jurisdictions",
          "jurisdictions_served_mean at the end");
  public static final RunMetric REACH_USER_WEIGHTED_RUN = mean(REACH_USER_WEIGHTED);
  public static final RunMetric RECOGNITIONS_FINAL =
      last(
          RECOGNITIONS,
          "recognitions_final",
          "Certificate recognitions at the end",
          "pairs",
          "recognitions at the end");

  // issue 12.2/12.4 (race): innovation without survivor selection, investment, posture,
  // contestability
  public static final StepMetric CAPABILITY_MEAN_USER_WEIGHTED =
      step(
          "capability_mean_user_weighted",
          "Mean capability of firms, user-weighted",
          "capability index",
          "mean capability of active firms weighted by their users (the capability users get)",
          ANY,
          "no user is at an active firm",
          Metrics::capabilityUserWeighted);
  public static final StepMetric CAPABILITY_MEAN_COHORT =
      step(
          "capability_mean_cohort",
          "Mean capability of the day-0 cohort",
          "capability index",
          "mean capability of the firms present at day 0 (firms.count of them), active or not: an"
              + " exited firm counts at its capability when it left, so exits do not select the"
              + " mean",
          ANY,
          "no firm in the world (a hand-built world without firms; a run always has firms.count)",
          Metrics::capabilityCohort);
  public static final StepMetric RD_SHARE_MEAN =
      step(
          "rd_share_mean",
          "R&D share of revenue",
          SHARE,
          "mean share of revenue active firms invest in capability (firms.investment)",
          Bounds.SHARE,
          "capability investment is not modelled (firms.investment.enabled false), or no active firm",
          v -> v.spec().firms().investment().enabled() ? rdShareMean(v.world()) : Double.NaN);
  public static final StepMetric UNSAFE_FIRM_SHARE =
      step(
          "unsafe_firm_share",
          "Firms releasing unsafely",
          SHARE,
          "share of active firms with the unsafe release posture (faster, fewer safeguards)",
          Bounds.SHARE,
          "no active firm",
          v -> unsafeShare(v.world()));
  public static final StepMetric LARGEST_FIRM_SHARE =
      step(
          "largest_firm_share",
          "User share of the largest firm",
          SHARE,
          "share of the users of active firms held by the one with the most users",
          Bounds.SHARE,
          "no user is at an active firm",
          Metrics::largestShare);
  public static final StepMetric ENTRANT_USER_SHARE =
      step(
          "entrant_user_share",
          "User share of entrants",
          SHARE,
          "share of the users of active firms held by firms that entered after day 0",
          Bounds.SHARE,
          "no user is at an active firm",
          Metrics::entrantShare);
  public static final StepMetric ENTRIES_DECLINED =
      step(
          "entries_declined",
          "Entries declined",
          "per step",
          "would-be entrants that stayed out this step (entry cost not covered, a logit decision)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().entriesDeclined);
  public static final StepMetric COST_INVESTMENT =
      step(
          "cost_investment",
          "Firms' R&D spending",
          "currency units per step",
          "firms' spending on capability this step (currency)",
          NON_NEGATIVE,
          ALWAYS,
          v -> v.tally().costInvestment);

  public static final RunMetric CAPABILITY_GROWTH_USER_WEIGHTED_PER_YEAR =
      run(
          "capability_growth_user_weighted_per_year",
          "Capability growth, user-weighted",
          "per year",
          "growth of the user-weighted mean capability per year after burn-in (innovation as users"
              + " get it)",
          ANY,
          "no step after burn-in, or no user at an active firm at burn-in or at the end",
          r -> growthPerYear(r, CAPABILITY_MEAN_USER_WEIGHTED));
  public static final RunMetric CAPABILITY_GROWTH_COHORT_PER_YEAR =
      run(
          "capability_growth_cohort_per_year",
          "Capability growth of the day-0 cohort",
          "per year",
          "growth of the day-0 cohort's mean capability per year after burn-in (innovation without"
              + " survivor selection or entry)",
          ANY,
          "no step after burn-in",
          r -> growthPerYear(r, CAPABILITY_MEAN_COHORT));
  public static final RunMetric RD_SHARE_MEAN_RUN = mean(RD_SHARE_MEAN);
  public static final RunMetric UNSAFE_FIRM_SHARE_RUN = mean(UNSAFE_FIRM_SHARE);
  public static final RunMetric LARGEST_FIRM_SHARE_RUN = mean(LARGEST_FIRM_SHARE);
  public static final RunMetric LARGEST_FIRM_SHARE_FINAL =
      last(
          LARGEST_FIRM_SHARE,
          "largest_firm_share_final",
          "User share of the largest firm at the end",
          SHARE,
          "largest_firm_share at the end");
  public static final RunMetric ENTRANT_USER_SHARE_FINAL =
      last(
          ENTRANT_USER_SHARE,
          "entrant_user_share_final",
          "User share of entrants at the end",
          SHARE,
          "entrant_user_share at the end");
  public static final RunMetric ENTRIES_RUN = sum(ENTRIES, "count", "entries after burn-in");
  public static final RunMetric EXITS_RUN = sum(EXITS, "count", "exits after burn-in");
  public static final RunMetric ENTRIES_DECLINED_RUN =
      sum(ENTRIES_DECLINED, "count", "would-be entrants that stayed out, after burn-in");
  public static final RunMetric COST_INVESTMENT_RUN =
      sum(COST_INVESTMENT, "currency units, run total", "firms' R&D spending, summed (currency)");

  private static double capabilityUserWeighted(StepView v) {
    double sum = 0;
    long users = 0;
    for (Firm f : v.world().firms) {
      if (!f.active || f.users == 0) continue;
      sum += f.capability * f.users;
      users += f.users;
    }
    return users == 0 ? Double.NaN : sum / users;
  }

  private static double capabilityCohort(StepView v) {
    int n = Math.min(v.spec().firms().count(), v.world().firms.size());
    double sum = 0;
    for (int i = 0; i < n; i++) sum += v.world().firms.get(i).capability;
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double rdShareMean(World w) {
    int n = 0;
    double sum = 0;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      n++;
      sum += f.rdShare;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double unsafeShare(World w) {
    int n = 0;
    int unsafe = 0;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      n++;
      if (f.unsafeReleases) unsafe++;
    }
    return n == 0 ? Double.NaN : unsafe / (double) n;
  }

  private static double largestShare(StepView v) {
    long total = 0;
    int most = 0;
    for (Firm f : v.world().firms) {
      if (!f.active) continue;
      total += f.users;
      most = Math.max(most, f.users);
    }
    return total == 0 ? Double.NaN : most / (double) total;
  }

  private static double entrantShare(StepView v) {
    int initial = v.spec().firms().count();
    long total = 0;
    long entrants = 0;
    for (Firm f : v.world().firms) {
      if (!f.active) continue;
      total += f.users;
      if (f.id >= initial) entrants += f.users;
    }
    return total == 0 ? Double.NaN : entrants / (double) total;
  }

  /** (value at the end - value at burn-in) / years between them, as capability_growth_per_year. */
  private static double growthPerYear(RunView r, StepMetric m) {
    double years =
        Double.isNaN(r.dayAtBurnIn()) ? Double.NaN : (horizon(r) - r.dayAtBurnIn()) / 365.0;
    if (!(years > 0)) return Double.NaN;
    return (r.last(m) - r.atBurnIn(m)) / years;
  }

  // end issue 12.2/12.4 (race)

  /**
   * The Kaplan–Meier columns of one duration (issue 11 item 3): subjects, share observed, median
   * and restricted mean (to tau = the run's length after burn-in), each with its 95% interval.
   */
  private static void survivalColumns(Durations.Quantity q) {
    String p = q.prefix() + "_km_";
    String what = q.prefix().replace('_', ' ');
    String censoring =
        "Kaplan\u2013Meier over " + q.subjects() + ", to " + q.event() + "; censored ones kept";
    run(
        p + "n",
        "Subjects: " + what,
        "count",
        "number of " + q.subjects() + " (the n of the " + p + "* columns)",
        NON_NEGATIVE,
        ALWAYS,
        r -> km(r, q).n());
    run(
        p + "observed_share",
        "Share observed: " + what,
        SHARE,
        "share of "
            + q.subjects()
            + " whose "
            + q.event()
            + " came by the horizon"
            + (q == Durations.Quantity.GOVERNANCE_GAP
                ? " (the share governed by the horizon)"
                : ""),
        Bounds.SHARE,
        "no subject",
        r -> km(r, q).observedShare());
    run(
        p + "median_days",
        "Median: " + what,
        "days",
        censoring + ": the median (smallest t with S(t) <= 0.5)",
        NON_NEGATIVE,
        "no subject, or fewer than half of them reached the event (S never falls to 0.5)",
        r -> km(r, q).median());
    run(
        p + "median_low",
        "Median, lower 95% limit: " + what,
        "days",
        "lower end of the median's 95% interval (Greenwood, log scale, Brookmeyer\u2013Crowley)",
        NON_NEGATIVE,
        "the lower pointwise limit of S never falls to 0.5",
        r -> km(r, q).medianLow());
    run(
        p + "median_high",
        "Median, upper 95% limit: " + what,
        "days",
        "upper end of the median's 95% interval (Greenwood, log scale, Brookmeyer\u2013Crowley)",
        NON_NEGATIVE,
        "the upper pointwise limit of S never falls to 0.5 (open-ended interval)",
        r -> km(r, q).medianHigh());
    run(
        p + "rmst_days",
        "Restricted mean: " + what,
        "days",
        censoring
            + ": the restricted mean, area under S up to tau = horizon_days - burn_in_days (S"
            + " held flat after the longest follow-up); bounds [0, tau]",
        NON_NEGATIVE,
        "no subject",
        r -> km(r, q).restrictedMean(tau(r)));
    run(
        p + "rmst_low",
        "Restricted mean, lower 95% limit: " + what,
        "days",
        "lower end of the restricted mean's 95% interval (Greenwood-type variance, normal,"
            + " clipped to [0, tau])",
        NON_NEGATIVE,
        "no subject",
        r -> km(r, q).restrictedMeanLow(tau(r)));
    run(
        p + "rmst_high",
        "Restricted mean, upper 95% limit: " + what,
        "days",
        "upper end of the restricted mean's 95% interval (clipped to [0, tau])",
        NON_NEGATIVE,
        "no subject",
        r -> km(r, q).restrictedMeanHigh(tau(r)));
  }

  /** The run's durations of q and their Kaplan–Meier estimate (95% intervals). */
  private static KaplanMeier km(RunView r, Durations.Quantity q) {
    Durations d = Durations.of(q, r.world(), r.burnInDays(), followUpEnd(r));
    return new KaplanMeier(d.durations(), d.observed(), Stats.DEFAULT_LEVEL);
  }

  /** End of the run: the day at the end of its last step. */
  static double horizon(RunView r) {
    return r.last(DAY);
  }

  /**
   * The restricted mean's horizon: time.horizon_days after burn-in (not the end of the last step,
   * which passes the horizon when dt_days does not divide it: tau must not depend on the step).
   */
  static double tau(RunView r) {
    return Math.max(0, followUpEnd(r) - r.burnInDays());
  }

  /** Durations are followed up to the horizon, or to the end of the run if it stopped earlier. */
  private static double followUpEnd(RunView r) {
    double end = horizon(r);
    return Double.isNaN(end) ? r.horizonDays() : Math.min(end, r.horizonDays());
  }

  // issue 12.3 (users)
  public static final RunMetric INCUMBENT_USAGE_SHARE_RUN = mean(INCUMBENT_USAGE_SHARE);

  /** A per-1,000-users run total over the whole population. */
  private static double absolute(RunView r, StepMetric perThousand) {
    return r.sum(perThousand) * r.world().users.size / 1000.0;
  }

  // ---- The catalogue --------------------------------------------------------------------

  /** The step metrics: the columns of timeseries.csv, in order. */
  public static final List<StepMetric> STEP_METRICS = List.copyOf(STEPS);

  /** The run metrics: the columns of summary.csv after scenario, regime and seed, in order. */
  public static final List<RunMetric> RUN_METRICS = List.copyOf(RUNS);

  /** Names of the step metrics (the header of timeseries.csv). */
  public static final List<String> STEP_NAMES =
      STEP_METRICS.stream().map(StepMetric::name).toList();

  /** Names of the run metrics (summary.csv's header after scenario, regime, seed). */
  public static final List<String> RUN_NAMES = RUN_METRICS.stream().map(RunMetric::name).toList();

  private static final Map<String, StepMetric> STEP_BY_NAME =
      byName(STEP_METRICS, StepMetric::name);
  private static final Map<String, RunMetric> RUN_BY_NAME = byName(RUN_METRICS, RunMetric::name);

  /** The step metric of that name, if there is one. */
  public static Optional<StepMetric> step(String name) {
    return Optional.ofNullable(STEP_BY_NAME.get(name));
  }

  /** The run metric of that name, if there is one. */
  public static Optional<RunMetric> run(String name) {
    return Optional.ofNullable(RUN_BY_NAME.get(name));
  }

  /** What a timeseries.csv column is (a placeholder for a column no declaration describes). */
  public static MetricDoc stepDoc(String name) {
    return step(name).map(StepMetric::doc).orElseGet(() -> MetricDoc.unknown(name));
  }

  /** What a summary.csv column is (a placeholder for a column no declaration describes). */
  public static MetricDoc runDoc(String name) {
    return run(name).map(RunMetric::doc).orElseGet(() -> MetricDoc.unknown(name));
  }

  // ---- Declaration helpers --------------------------------------------------------------

  private static StepMetric step(
      String name,
      String title,
      String unit,
      String meaning,
      Bounds bounds,
      String undefinedWhen,
      StepMetric.Value value) {
    StepMetric m =
        new StepMetric(doc(name, title, unit, meaning, bounds, undefinedWhen), STEPS.size(), value);
    STEPS.add(m);
    return m;
  }

  private static RunMetric add(
      MetricDoc doc, Aggregation how, StepMetric source, RunMetric.Value value) {
    RunMetric m = new RunMetric(doc, RUNS.size(), how, source, value);
    RUNS.add(m);
    return m;
  }

  /**
   * The step metric summed after burn-in, under the same name and title (a sum of nothing is 0).
   */
  private static RunMetric sum(StepMetric s, String unit, String meaning) {
    if (s.doc().mayBeUndefined())
      throw new IllegalArgumentException(s + ": only always-defined metrics are summed");
    MetricDoc d = s.doc();
    return add(
        doc(
            d.name(),
            d.title(),
            unit,
            meaning,
            d.bounds().min() >= 0 ? NON_NEGATIVE : ANY, // a sum of non-negative values
            ALWAYS),
        Aggregation.SUM,
        s,
        null);
  }

  /** The step metric's time mean after burn-in, under the same name, title, unit and bounds. */
  private static RunMetric mean(StepMetric s) {
    return mean(s, "time mean of " + s.name());
  }

  private static RunMetric mean(StepMetric s, String meaning) {
    MetricDoc d = s.doc();
    String undefined =
        d.mayBeUndefined()
            ? "no step after burn-in at which " + s.name() + " is defined"
            : "no step after burn-in";
    return add(
        doc(d.name(), d.title(), d.unit(), meaning, d.bounds(), undefined),
        Aggregation.MEAN,
        s,
        null);
  }

  /** The step metric's value at the last step, under a name of its own. */
  private static RunMetric last(
      StepMetric s, String name, String title, String unit, String meaning) {
    MetricDoc d = s.doc();
    return add(
        doc(name, title, unit, meaning, d.bounds(), d.undefinedWhen()), Aggregation.LAST, s, null);
  }

  /**
   * A summary of the whole run under the name, title, unit and bounds of the step metric it
   * summarises.
   */
  private static RunMetric run(
      StepMetric like, String meaning, String undefinedWhen, RunMetric.Value value) {
    MetricDoc d = like.doc();
    return run(d.name(), d.title(), d.unit(), meaning, d.bounds(), undefinedWhen, value);
  }

  private static RunMetric run(
      String name,
      String title,
      String unit,
      String meaning,
      Bounds bounds,
      String undefinedWhen,
      RunMetric.Value value) {
    return add(
        doc(name, title, unit, meaning, bounds, undefinedWhen), Aggregation.RUN, null, value);
  }

  private static MetricDoc doc(
      String name, String title, String unit, String meaning, Bounds bounds, String undefinedWhen) {
    if (!name.matches("[a-z][a-z0-9_]*"))
      throw new IllegalArgumentException("metric name '" + name + "' is not snake_case");
    if (title.isBlank() || meaning.isBlank())
      throw new IllegalArgumentException(name + ": title and meaning are required");
    return new MetricDoc(name, title, unit, meaning, bounds, undefinedWhen);
  }

  private static <T> Map<String, T> byName(
      List<T> metrics, java.util.function.Function<T, String> name) {
    Map<String, T> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (T m : metrics) {
      if (!seen.add(name.apply(m)))
        throw new IllegalStateException("metric " + name.apply(m) + " declared twice");
      out.put(name.apply(m), m);
    }
    return Map.copyOf(out);
  }

  // ---- Formulas of the step metrics (no allocation: they run every step) -----------------

  private static double complianceRate(StepView v) {
    World w = v.world();
    int activeRisks = 0;
    boolean anyRule = false;
    double complied = 0;
    for (Risk r : w.risks) {
      if (!r.active) continue;
      activeRisks++;
      if (!r.known) continue;
      long regulated = Governance.regulatedJurisdictions(w, r);
      boolean governed = regulated != 0L;
      for (Community c : w.communities) governed |= c.active && c.standards.covers(r);
      if (!governed) continue;
      anyRule = true;
      for (Firm f : w.firms) {
        if (!f.active || f.users == 0 || !f.mitigates.get(r.id)) continue;
        if (Governance.governed(w, f, r, regulated)) complied += f.users;
      }
    }
    if (activeRisks == 0 || !(anyRule || hasRuleMaker(w))) return Double.NaN;
    return complied / ((double) v.servedUsers() * activeRisks);
  }

  /** A regulator with rule-making powers or an active community: someone who can make rules. */
  private static boolean hasRuleMaker(World w) {
    for (Regulator reg : w.regulators) if (reg.rulemaking) return true;
    for (Community c : w.communities) if (c.active) return true;
    return false;
  }

  private static double mitigationRate(StepView v) {
    World w = v.world();
    int activeRisks = 0;
    for (Risk r : w.risks) if (r.active) activeRisks++;
    // Each active firm's users once per active risk it mitigates: sums of whole numbers, exact in
    // any order, so firm by firm over its mitigated risks is the same number as risk by risk.
    double mitigated = 0;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      int m = 0;
      for (int r = f.mitigates.nextSetBit(0); r >= 0; r = f.mitigates.nextSetBit(r + 1)) {
        if (r < w.risks.size() && w.risks.get(r).active) m++;
      }
      mitigated += (double) f.users * m;
    }
    return activeRisks == 0 ? Double.NaN : mitigated / ((double) v.servedUsers() * activeRisks);
  }

  private static double coverage(World w, boolean regulator) {
    int known = 0;
    int covered = 0;
    for (Risk r : w.risks) {
      if (!r.active || !r.known) continue;
      known++;
      if (rulesOn(w, r, regulator) > 0) covered++;
    }
    if (known == 0) return Double.NaN;
    if (covered == 0 && !(regulator ? anyRuleMakingRegulator(w) : anyActiveCommunity(w)))
      return Double.NaN;
    return covered / (double) known;
  }

  private static boolean anyRuleMakingRegulator(World w) {
    for (Regulator reg : w.regulators) if (reg.rulemaking) return true;
    return false;
  }

  private static boolean anyActiveCommunity(World w) {
    for (Community c : w.communities) if (c.active) return true;
    return false;
  }

  private static double rulesInForce(World w, boolean regulator) {
    int rules = 0;
    for (Risk r : w.risks) {
      if (r.active && r.known) rules += rulesOn(w, r, regulator);
    }
    return rules;
  }

  /** Regulator rules (or active communities' standards) in force on the risk's current form. */
  private static int rulesOn(World w, Risk r, boolean regulator) {
    int n = 0;
    if (regulator) {
      for (Regulator reg : w.regulators) if (reg.rules.covers(r)) n++;
    } else {
      for (Community c : w.communities) if (c.active && c.standards.covers(r)) n++;
    }
    return n;
  }

  private static double governanceGapSoFar(World w) {
    double sum = 0;
    int n = 0;
    for (Risk r : w.risks) {
      if (r.initial) continue;
      double first = r.firstRuleDay();
      if (!Double.isNaN(first)) {
        sum += first - r.emergedDay;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double reputationMean(StepView v) {
    int n = 0;
    double sum = 0;
    for (Firm f : v.world().firms) {
      if (!f.active) continue;
      n++;
      sum += f.reputation;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double capabilityMean(StepView v) {
    int n = 0;
    double sum = 0;
    for (Firm f : v.world().firms) {
      if (!f.active) continue;
      n++;
      sum += f.capability;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** True if some active firm has users (else hhi and trust_mean are undefined). */
  private static boolean anyoneServed(StepView v) {
    for (Firm f : v.world().firms) if (f.active && f.users > 0) return true;
    return false;
  }

  private static double trust(StepView v) {
    if (!anyoneServed(v)) return Double.NaN;
    double trust = 0;
    for (Firm f : v.world().firms) {
      if (!f.active) continue;
      double share = f.usage() / v.servedUsers();
      trust += share * f.reputation;
    }
    return trust;
  }

  // issue 12.3 (users)
  private static double incumbentUsageShare(StepView v) {
    if (!anyoneServed(v)) return Double.NaN;
    World w = v.world();
    if (w.incumbent < 0 || w.incumbent >= w.firms.size()) return Double.NaN;
    Firm f = w.firms.get(w.incumbent);
    return f.active ? f.usage() / v.servedUsers() : 0.0;
  }

  private static double hhi(StepView v) {
    if (!anyoneServed(v)) return Double.NaN;
    double hhi = 0;
    for (Firm f : v.world().firms) {
      if (!f.active) continue;
      double share = f.usage() / v.servedUsers();
      hhi += share * share;
    }
    return hhi;
  }

  /**
   * Users' utility over the step (utility per year times the step's share of a year), per 1,000
   * users, less harm.
   */
  private static double welfareConsumer(StepView v) {
    double utility = 0;
    for (Firm f : v.world().firms) {
      if (f.active) utility += f.usage() * UserChoice.utility(v.spec().users(), f);
    }
    double yearShare = v.world().dtDays / 365.0;
    double harmUtility = v.tally().harm * v.spec().metrics().harmValuation();
    return (utility * yearShare - harmUtility) * v.per1000();
  }

  private static double communityMemberShare(StepView v) {
    int n = 0;
    int members = 0;
    for (Firm f : v.world().firms) {
      if (!f.active) continue;
      n++;
      if (f.certified()) members++;
    }
    return n == 0 ? Double.NaN : members / (double) n;
  }

  private static double practiceFirms(StepView v) {
    int n = 0;
    for (Firm f : v.world().firms) if (f.active && f.practice) n++;
    return n;
  }

  private static double activeRisks(World w, boolean knownOnly) {
    int n = 0;
    for (Risk r : w.risks) if (r.active && (r.known || !knownOnly)) n++;
    return n;
  }

  private static double activeCommunities(World w) {
    int n = 0;
    for (Community c : w.communities) if (c.active) n++;
    return n;
  }

  /** a / b, NaN when b is 0 (issue 12.5). */
  private static double ratio(double a, double b) {
    return b > 0 ? Math.min(1.0, a / b) : Double.NaN;
  }

  /** User-weighted mean safeguard level of the active firms with a level (issue 12.5). */
  private static double safeguardsMean(World w) {
    double sum = 0;
    long users = 0;
    for (Firm f : w.firms) {
      if (!f.active || Double.isNaN(f.safeguards)) continue;
      sum += f.safeguards * f.users;
      users += f.users;
    }
    return users > 0 ? sum / users : Double.NaN;
  }

  // issue 13 (inst)
  private static double inspectionCapacity(World w) {
    int n = 0;
    double sum = 0;
    for (Regulator reg : w.regulators) {
      if (!reg.enforcement || Double.isNaN(reg.inspectionCapacityPerYear)) continue;
      n++;
      sum += reg.inspectionCapacityPerYear;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double guidedRiskShare(World w) {
    int known = 0;
    int guided = 0;
    for (Risk r : w.risks) {
      if (!r.active || !r.known) continue;
      known++;
      if (r.guidedMask != 0L && r.guidedGeneration == r.generation) guided++;
    }
    return known == 0 ? Double.NaN : guided / (double) known;
  }

  private static double codifiedRuleShare(World w) {
    int rules = 0;
    int codified = 0;
    for (Risk r : w.risks) {
      if (!r.active) continue;
      for (Regulator reg : w.regulators) {
        govsim.world.Rule rule = reg.rules.inForce(r.id);
        if (rule == null || !rule.covers(r)) continue;
        rules++;
        if (rule.codifiedFrom >= 0) codified++;
      }
    }
    return rules == 0 ? Double.NaN : codified / (double) rules;
  }

  private static double communityStringencyMean(World w) {
    double sum = 0.0;
    int members = 0;
    for (Community c : w.communities) {
      if (!c.active || c.members.isEmpty()) continue;
      int n = c.size();
      sum += c.stringency * n;
      members += n;
    }
    return members == 0 ? Double.NaN : sum / members;
  }

  private static double communityStringencyRange(World w) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Community c : w.communities) {
      if (!c.active || c.members.isEmpty()) continue;
      lo = Math.min(lo, c.stringency);
      hi = Math.max(hi, c.stringency);
    }
    return hi >= lo ? hi - lo : Double.NaN;
  }

  private static double jurisdictionsServedMean(World w) {
    int n = 0;
    long served = 0;
    for (Firm f : w.firms) {
      if (!f.active) continue;
      n++;
      served += Long.bitCount(f.servesMask);
    }
    return n == 0 ? Double.NaN : served / (double) n;
  }

  private static double reachUserWeighted(World w) {
    double sum = 0.0;
    long users = 0;
    for (Firm f : w.firms) {
      if (!f.active || f.users == 0) continue;
      sum += f.users * w.reach(f);
      users += f.users;
    }
    return users == 0 ? Double.NaN : sum / users;
  }

  private static double recognitions(World w) {
    int n = 0;
    for (Community c : w.communities) {
      if (!c.active) continue;
      for (Regulator reg : w.regulators) {
        if (reg.recognizeCertification && c.recognizedBy(reg.jurisdiction)) n++;
      }
    }
    return n;
  }

  private static double communitySizeMean(World w) {
    int n = 0;
    int members = 0;
    for (Community c : w.communities) {
      if (!c.active) continue;
      n++;
      members += c.size();
    }
    return n == 0 ? Double.NaN : members / (double) n;
  }

  /** Mean of xs[from..], NaN if there are none. */
  static double mean(List<Double> xs, int from) {
    int start = Math.min(from, xs.size());
    int n = xs.size() - start;
    if (n == 0) return Double.NaN;
    double s = 0;
    for (int i = start; i < xs.size(); i++) s += xs.get(i);
    return s / n;
  }

  private static List<Double> after(List<Double> xs, int from) {
    return xs.subList(Math.min(from, xs.size()), xs.size());
  }

  // ---- Formulas of the run metrics ------------------------------------------------------

  private static double weakShareAfterBurnIn(RunView r) {
    double rawHarm = r.sum(HARM_TOTAL) * r.world().users.size / 1000.0;
    return rawHarm > 0 ? r.harmWeakAfterBurnIn() / rawHarm : Double.NaN;
  }

  /** Whose first rule a governance gap waits for. */
  private enum Source {
    EITHER,
    REGULATOR,
    COMMUNITY
  }

  private static double governanceGapAfterBurnIn(RunView run, Source source) {
    double sum = 0;
    int n = 0;
    for (Risk r : run.world().risks) {
      if (!emergedAfterBurnIn(r, run)) continue;
      double first =
          switch (source) {
            case EITHER -> r.firstRuleDay();
            case REGULATOR -> r.firstRegulatorRuleDay;
            case COMMUNITY -> r.firstCommunityRuleDay;
          };
      if (!Double.isNaN(first)) {
        sum += first - r.emergedDay;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static boolean emergedAfterBurnIn(Risk r, RunView run) {
    return !r.initial && r.emergedDay + 1e-9 >= run.burnInDays();
  }

  private static double risksEmergedAfterBurnIn(RunView run) {
    int n = 0;
    for (Risk r : run.world().risks) if (emergedAfterBurnIn(r, run)) n++;
    return n;
  }

  private static double risksGovernedShare(RunView run) {
    int emerged = 0;
    int governed = 0;
    for (Risk r : run.world().risks) {
      if (!emergedAfterBurnIn(r, run)) continue;
      emerged++;
      if (!Double.isNaN(r.firstRuleDay())) governed++;
    }
    return emerged == 0 ? Double.NaN : governed / (double) emerged;
  }

  private static double capabilityGrowthPerYear(RunView r) {
    double years =
        Double.isNaN(r.dayAtBurnIn())
            ? Double.NaN
            // The end of the last step (the world's clock has moved one step further by now).
            : (horizon(r) - r.dayAtBurnIn()) / 365.0;
    if (!(years > 0)) return Double.NaN;
    return (r.last(CAPABILITY_MEAN) - r.atBurnIn(CAPABILITY_MEAN)) / years;
  }

  // issue 13.1-13.2 (know): helpers of the mis-targeting, entrenchment and control cost metrics

  /** Whether the first rule of either source on r is the community's (earlier, or same day). */
  private static boolean firstIsCommunity(Risk r) {
    return !Double.isNaN(r.firstCommunityRuleDay)
        && !(r.firstRegulatorRuleDay < r.firstCommunityRuleDay);
  }

  private static double firstRuleStrictness(
      RunView run, Source source, boolean absolute, boolean knightianOnly) {
    double sum = 0;
    int n = 0;
    for (Risk r : run.world().risks) {
      if (!emergedAfterBurnIn(r, run) || (knightianOnly && !r.knightian)) continue;
      double e =
          switch (source) {
            case REGULATOR -> r.firstRegulatorStrictnessError;
            case COMMUNITY -> r.firstCommunityStrictnessError;
            case EITHER ->
                firstIsCommunity(r)
                    ? r.firstCommunityStrictnessError
                    : r.firstRegulatorStrictnessError;
          };
      if (Double.isNaN(e)) continue;
      sum += absolute ? Math.abs(e) : e;
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double entrenchmentFirstRuleMean(RunView run) {
    double sum = 0;
    int n = 0;
    for (Risk r : run.world().risks) {
      if (!emergedAfterBurnIn(r, run)) continue;
      double f = firstIsCommunity(r) ? r.firstCommunityCostFactor : r.firstRegulatorCostFactor;
      if (Double.isNaN(f)) continue;
      sum += f;
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double controlCostPerGovernedRisk(RunView run) {
    double cost = 0;
    int n = 0;
    for (Risk r : run.world().risks) {
      if (!emergedAfterBurnIn(r, run) || Double.isNaN(r.firstRuleDay())) continue;
      cost += r.controlCost;
      n++;
    }
    return n == 0 ? Double.NaN : cost / n;
  }

  private static double controlCostPerGovernedRiskYear(RunView run) {
    double cost = 0;
    double days = 0;
    for (Risk r : run.world().risks) {
      if (!emergedAfterBurnIn(r, run)) continue;
      cost += r.controlCost;
      days += r.governedDays;
    }
    return days > 0 ? cost / (days / 365.0) : Double.NaN;
  }
}
