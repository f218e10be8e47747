package govsim.experiment.validation;

import govsim.experiment.SingleRun;
import govsim.experiment.batch.BatchRunner;
import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.Seeds;
import govsim.experiment.validation.Check.Margin;
import govsim.experiment.validation.Check.Operand;
import govsim.experiment.validation.Check.PairedKind;
import govsim.experiment.validation.Quantity.Anchor;
import govsim.model.ModelSpec;
import govsim.model.Regime;
import govsim.model.Scenarios;
import govsim.observe.Metrics;
import govsim.observe.RunListener;
import govsim.observe.RunResult;
import govsim.scenario.ParamInfo;
import govsim.scenario.ScenarioException;
import govsim.world.EventKind;
import govsim.world.WorldEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The stylized facts of MODEL.md §8 as declared {@link Claim}s ({@link #claims()}), and the engine
 * that tests them: each claim's scenario is run under the regimes it compares with the same
 * replication seeds in every regime (common random numbers; seeds as in {@code govsim compare}),
 * the claim's quantities are measured in every run, and the verdict and its sentence are computed
 * from the measured numbers ({@link Claim#evaluate}). If a claim does not hold, the finding says
 * so: the model is not tuned to force it.
 */
public final class StylizedFacts {
  public static final int DEFAULT_REPS = 10;
  public static final long DEFAULT_SEED = 2025;

  private final int reps;
  private final long master;
  private final BatchRunner runner;
  private final Path scenarios;

  public StylizedFacts(Path scenariosDir, int reps, long masterSeed, int threads) {
    if (reps < 2)
      throw new IllegalArgumentException("at least 2 replications are needed for intervals");
    this.scenarios = scenariosDir;
    this.reps = reps;
    this.master = masterSeed;
    this.runner = new BatchRunner(threads);
  }

  // ---------------------------------------------------------------- the claims, as data

  private static final Margin TENTH_OF_LAISSEZ_FAIRE_NEAR =
      Margin.relative(
          0.1,
          "assumption: 'near' read as within a tenth of the laissez-faire level; the paper gives no"
              + " figure");
  private static final Margin TENTH_OF_LAISSEZ_FAIRE_CUT =
      Margin.relative(
          0.1,
          "a cut of more than a tenth of the laissez-faire level, the same tenth as 'near', so that"
              + " 'near' and 'cut' exclude each other");
  private static final Margin TENTH_OF_CENTRALIZED_GROWTH =
      Margin.relative(
          0.1,
          "assumption: a shortfall of less than a tenth of centralized capability growth counts as"
              + " 'no worse'; the paper gives no figure. Non-inferiority: the interval of the"
              + " difference must lie above minus the margin, so low power cannot pass it");
  private static final Margin TENTH_OF_PRE_SHOCK =
      Margin.relative(
          0.1,
          "assumption: 'recovers' read as back to within a tenth of the pre-shock coverage;"
              + " the paper gives no figure");

  private static Operand op(Regime r, Quantity q, String label) {
    return new Operand(r, q, label);
  }

  private static Check lower(Operand a, Operand b, Margin m) {
    return new Check.Paired(PairedKind.LOWER, a, b, m);
  }

  /** SF1-SF6 as declared claims, in the order of docs/validation.md. */
  public static List<Claim> claims() {
    return List.of(sf1(), sf2(), sf3("SF3a"), sf3("SF3b"), sf4(), sf5(), sf6());
  }

  /** The claim with that id (SF1, SF2, SF3a, SF3b, SF4, SF5, SF6). */
  public static Claim claim(String id) {
    return claims().stream()
        .filter(c -> c.id().equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no claim " + id));
  }

  static Claim sf1() {
    Quantity gap = Quantity.summary(Metrics.GOVERNANCE_GAP_DAYS_MEAN_RUN.name());
    Quantity governed = Quantity.summary(Metrics.RISKS_GOVERNED_SHARE.name());
    Quantity agenda =
        Quantity.fromEvents(
            "agenda delay (days from a novel risk's emergence to the agenda)",
            "days",
            Quantity::agendaDelay);
    Operand gapC = op(Regime.CENTRALIZED, gap, "centralized governance gap");
    Operand gapD = op(Regime.DISTRIBUTED, gap, "distributed governance gap");
    return new Claim(
        "SF1",
        "governance gap",
        "Under `centralized`, the mean time from a novel risk's emergence to an effective rule is about the agenda delay "
            + "plus the legislative lag (years); under `distributed` it is weeks to months — at most a fifth of the "
            + "centralized gap with default parameters.",
        "paper/eu-ai-act-lag.yaml",
        List.of(Regime.CENTRALIZED, Regime.DISTRIBUTED),
        List.of(
            op(Regime.CENTRALIZED, governed, "centralized share of novel risks governed"),
            op(Regime.DISTRIBUTED, governed, "distributed share of novel risks governed"),
            op(Regime.CENTRALIZED, agenda, "centralized agenda delay")),
        List.of(new Check.Within(gapD, 7, 365, " days"), new Check.RatioAtMost(gapD, gapC, 0.2)),
        List.of(
            "rulemaking.legislative_lag_days",
            "rulemaking.agenda_threshold",
            "rulemaking.salience_half_life_days",
            "communities.risk_discovery_rate_per_year",
            "communities.standard_lag_days",
            "communities.lag_size_scale",
            "communities.lag_size_exponent"),
        "A regulator rule comes exactly `legislative_lag_days` after the risk enters the agenda, so the centralized "
            + "gap is at least the lag by construction; that part of the claim ('about the agenda delay plus the lag', "
            + "'years') is an identity and is not tested. What the model produces is the agenda delay (salience from "
            + "incidents' severity x visibility against the agenda threshold) and the communities' discovery and "
            + "standard-setting. The gaps are means over the novel risks governed by the horizon (the share governed is "
            + "shown): risks still waiting at the end are not counted, which shortens the centralized gap if anything.");
  }

  static Claim sf2() {
    String cov = Metrics.COVERAGE_REGULATOR.name();
    String com = Metrics.COVERAGE_COMMUNITY.name();
    String comp = Metrics.COMPLIANCE_RATE.name();
    Regime c = Regime.CENTRALIZED;
    Regime d = Regime.DISTRIBUTED;
    Operand cPre =
        op(
            c,
            Quantity.window(cov, Anchor.SHOCK, -30, 0, "30 days before the shock"),
            "centralized rule coverage before the shock");
    Operand cPost =
        op(
            c,
            Quantity.window(cov, Anchor.SHOCK, 1, 30, "days 1-30 after the shock"),
            "centralized rule coverage just after the shock");
    Operand cBefore =
        op(
            c,
            Quantity.window(
                cov, Anchor.SHOCK_PLUS_LAG, -90, -30, "90-30 days before a second cycle can end"),
            "centralized rule coverage before a second cycle can end");
    Operand cAfter =
        op(
            c,
            Quantity.window(
                cov, Anchor.SHOCK_PLUS_LAG, 300, 365, "300-365 days after a second cycle can end"),
            "centralized rule coverage a year after a second cycle can end");
    Operand compPre =
        op(
            c,
            Quantity.window(comp, Anchor.SHOCK, -30, 0, "30 days before the shock"),
            "centralized compliance before the shock");
    Operand compPost =
        op(
            c,
            Quantity.window(comp, Anchor.SHOCK, 1, 30, "days 1-30 after the shock"),
            "centralized compliance just after the shock");
    Operand dPre =
        op(
            d,
            Quantity.window(com, Anchor.SHOCK, -30, 0, "30 days before the shock"),
            "distributed standard coverage before the shock");
    Operand dPost =
        op(
            d,
            Quantity.window(com, Anchor.SHOCK, 1, 30, "days 1-30 after the shock"),
            "distributed standard coverage just after the shock");
    Operand dMonths =
        op(
            d,
            Quantity.window(com, Anchor.SHOCK, 150, 180, "5-6 months after the shock"),
            "distributed standard coverage 5-6 months after the shock");
    return new Claim(
        "SF2",
        "technology shock",
        "After a capability shock, centralized rule coverage and compliance on active risks drop and recover only after "
            + "another legislative cycle; distributed coverage recovers within months.",
        "paper/eu-ai-act-lag.yaml",
        List.of(c, d),
        List.of(),
        List.of(
            lower(cPost, cPre, Margin.NONE),
            lower(compPost, compPre, Margin.NONE),
            lower(cBefore, cPre, Margin.NONE),
            new Check.Paired(PairedKind.HIGHER, cAfter, cBefore, Margin.NONE),
            lower(dPost, dPre, Margin.NONE),
            new Check.Paired(PairedKind.RECOVERS, dMonths, dPre, TENTH_OF_PRE_SHOCK)),
        List.of(
            "events[].obsolete_share",
            "rulemaking.legislative_lag_days",
            "communities.standard_lag_days",
            "communities.risk_discovery_rate_per_year"),
        "The shock makes most active risks change form (`obsolete_share`); a legislature finishes a cycle it has begun "
            + "before starting one for the changed risk, so a rule drafted before the shock arrives obsolete; "
            + "communities re-draft after their standard-setting lag.");
  }

  static Claim sf3(String id) {
    boolean tay = id.equals("SF3b");
    Regime d = Regime.DISTRIBUTED;
    Operand outcry =
        op(
            d,
            Quantity.fromEvents(
                "days from the scheduled adoption to the first outcry",
                "days",
                r -> Quantity.daysFromScheduledAdoption(r, EventKind.OUTCRY)),
            "days to the outcry");
    Operand revision =
        op(
            d,
            Quantity.fromEvents(
                "days from the scheduled adoption to its revision",
                "days",
                r -> Quantity.daysFromScheduledAdoption(r, EventKind.PRACTICE_REVISED)),
            "days to revision");
    return new Claim(
        id,
        tay ? "backlash reversal (Microsoft Tay)" : "backlash reversal (Tencent Yuanbao)",
        "With near-zero switching cost and attentive users, a firm that adopts a user-visible harmful practice revises it "
            + "within about a week of simulated time (Tencent Yuanbao: three revisions in 5 days, March 2025; Microsoft "
            + "withdrew Tay within 24 hours, 2016), with no regulator involved.",
        tay ? "paper/tay-withdrawal.yaml" : "paper/yuanbao-backlash.yaml",
        List.of(d),
        List.of(outcry),
        List.of(
            new Check.Always(revision, "the firm revised the practice"),
            new Check.Within(revision, Double.NEGATIVE_INFINITY, tay ? 1 : 7, " days")),
        List.of(
            "reputation.backlash_response",
            "firms.response_latency_days",
            "practice.incident_rate_per_day",
            "practice.visibility",
            "practice.revenue_share",
            "users.voice_propensity",
            "reputation.outcry_threshold_share",
            "reputation.practice_outcry_prior_per_year",
            "users.switching_cost_mean",
            "users.attention_rate_per_day",
            "users.noticing_response",
            "users.noticed_harm_memory_days",
            "reputation.user_loss_evidence"),
        "The regime `distributed` has no regulator (rule-making and enforcement off). The time to revision is the time "
            + "to the outcry, which the model produces (news rate x visibility x users' voice against the outcry "
            + "threshold), plus one or more deliberations of `firms.response_latency_days` each (an input taken from "
            + "the case): with `reputation.backlash_response` decision the firm chooses after each to revise fully, "
            + "revise partly, wait or hold, weighing what the practice earns against the users it sees itself lose per "
            + "outcry times the outcries it expects (docs/ODD.md 7.1, M5), so how many deliberations it takes is produced "
            + "by the model; with automatic it is always one. The users it counts are those who took usage away after "
            + "noticing its harm (`reputation.user_loss_evidence` noticed), and a user who notices reconsiders only "
            + "with the chance that her attention fires while she remembers the harm (`users.noticing_response` "
            + "attention, `users.noticed_harm_memory_days`), so users' switching cost and attention enter the firm's "
            + "stake; over their ranges the curves `scenarios/sweeps/sf3-*.yaml` show how much they move the time.");
  }

  static Claim sf4() {
    Quantity h = Quantity.summary(Metrics.HARM_MALICIOUS_RUN.name());
    Operand lf = op(Regime.LAISSEZ_FAIRE, h, "laissez-faire malicious harm");
    return new Claim(
        "SF4",
        "malicious actors",
        "`distributed` leaves severe harm from malicious actors near its `laissez_faire` level; `centralized` and "
            + "`hybrid` cut it.",
        "paper/malicious-actors.yaml",
        List.of(Regime.LAISSEZ_FAIRE, Regime.DISTRIBUTED, Regime.CENTRALIZED, Regime.HYBRID),
        List.of(),
        List.of(
            new Check.Paired(
                PairedKind.NEAR,
                op(Regime.DISTRIBUTED, h, "distributed malicious harm"),
                lf,
                TENTH_OF_LAISSEZ_FAIRE_NEAR),
            lower(
                op(Regime.CENTRALIZED, h, "centralized malicious harm"),
                lf,
                TENTH_OF_LAISSEZ_FAIRE_CUT),
            lower(op(Regime.HYBRID, h, "hybrid malicious harm"), lf, TENTH_OF_LAISSEZ_FAIRE_CUT)),
        List.of(
            "enforcement.malicious_detection_probability",
            "malicious.penalty",
            "malicious.gain_mean",
            "synergy.backstop_detection_probability",
            "synergy.backstop_penalty_multiplier",
            "malicious.targeting",
            "malicious.safeguards.efficacy",
            "malicious.safeguards.community_minimum",
            "malicious.safeguards.regulator_minimum"),
        "Malicious actors decide to attack on expected punishment alone (detection probability x penalty, the "
            + "backstop's detection and penalty multiplier under hybrid) and ignore reputation (paper §4.1). Each attack "
            + "uses the model of a provider chosen by `malicious.targeting`, whose misuse safeguards stop a share "
            + "efficacy x level of them (issue 12 item 5): firms choose their levels, communities require a minimum of "
            + "their members and audit it, regulators that enforce hold providers below their minimum liable. With "
            + "`malicious.targeting: none` no provider is involved and distributed governance has no hold on the "
            + "actors by construction.");
  }

  static Claim sf5() {
    Quantity harm = Quantity.summary(Metrics.HARM_TOTAL_RUN.name());
    Quantity growth = Quantity.summary(Metrics.CAPABILITY_GROWTH_PER_YEAR.name());
    Operand hH = op(Regime.HYBRID, harm, "hybrid total harm");
    return new Claim(
        "SF5",
        "synergy",
        "`hybrid` has lower total harm than both `centralized` and `distributed`, with innovation no worse than "
            + "`centralized`.",
        "paper/synergy.yaml",
        List.of(Regime.CENTRALIZED, Regime.DISTRIBUTED, Regime.HYBRID),
        List.of(),
        List.of(
            lower(hH, op(Regime.CENTRALIZED, harm, "centralized total harm"), Margin.NONE),
            lower(hH, op(Regime.DISTRIBUTED, harm, "distributed total harm"), Margin.NONE),
            new Check.Paired(
                PairedKind.NO_WORSE,
                op(Regime.HYBRID, growth, "hybrid capability growth"),
                op(Regime.CENTRALIZED, growth, "centralized capability growth"),
                TENTH_OF_CENTRALIZED_GROWTH)),
        List.of(
            "synergy.backstop_detection_probability",
            "rulemaking.conformity_assessment_days",
            "rulemaking.min_severity",
            "synergy.certified_inspection_factor",
            "communities.standard_lag_days"),
        "The backstop deters malicious actors (most of the distributed regime's harm); communities govern risks that "
            + "the hybrid regulator leaves alone (it legislates only for severe risks); recognised certification spares "
            + "certified firms the ex-ante conformity assessment that slows the releases of firms that do not meet a "
            + "rule.");
  }

  static Claim sf6() {
    Quantity growth = Quantity.summary(Metrics.CAPABILITY_GROWTH_PER_YEAR.name());
    return new Claim(
        "SF6",
        "innovation",
        "Heavy uniform centralized rules slow capability growth more than distributed governance does.",
        "paper/synergy.yaml",
        List.of(Regime.CENTRALIZED, Regime.DISTRIBUTED),
        List.of(),
        List.of(
            lower(
                op(Regime.CENTRALIZED, growth, "centralized capability growth"),
                op(Regime.DISTRIBUTED, growth, "distributed capability growth"),
                Margin.NONE)),
        List.of(
            "rulemaking.conformity_assessment_days",
            "rulemaking.conformity_scope",
            "firms.innovation_crowd_out",
            "rulemaking.rule_cost_multiplier",
            "firms.compliance_cost_per_rule",
            "firms.investment.elasticity"),
        "Releases by firms bound by a uniform rule they do not meet wait an ex-ante conformity assessment "
            + "(conformity_scope unmet; bound delays every bound firm, as before issue 12); compliance costs crowd out "
            + "capability gains, which also makes R&D worth less to firms, and uniform rules cost more than a tailored "
            + "standard.");
  }

  // ---------------------------------------------------------------- evaluation at the defaults

  public List<Finding> all() throws ScenarioException, InterruptedException {
    return evaluate(claims());
  }

  /** The findings of the given claims at the scenarios' own values. */
  public List<Finding> evaluate(List<Claim> claims) throws ScenarioException, InterruptedException {
    long[] seeds = new long[reps];
    for (int i = 0; i < reps; i++) seeds[i] = Seeds.derive(master, "replication=" + i);
    Map<String, Map<String, double[]>> measured = measure(claims, List.of(), seeds);
    List<Finding> out = new ArrayList<>();
    for (Claim c : claims) out.add(finding(c, c.evaluate(measured.get(c.scenario()))));
    return out;
  }

  /** One fact (SF3 gives both of its cases). */
  public List<Finding> only(String fact) throws ScenarioException, InterruptedException {
    String f = fact.toUpperCase(Locale.ROOT);
    List<Claim> cs =
        claims().stream().filter(c -> c.id().toUpperCase(Locale.ROOT).startsWith(f)).toList();
    if (cs.isEmpty()) throw new IllegalArgumentException("no stylized fact " + fact);
    return evaluate(cs);
  }

  private String command(String id) {
    return "./govsim validation --only "
        + id.substring(0, 3)
        + " --reps "
        + reps
        + " --seed "
        + master;
  }

  private Finding finding(Claim c, Claim.Result r) throws ScenarioException {
    return new Finding(
        c.id(),
        c.title(),
        c.statement(),
        "scenarios/" + c.scenario(),
        command(c.id()),
        r.measures(),
        r.holds(),
        r.sentence(),
        drivers(c) + " " + c.mechanism(),
        checksTable(c));
  }

  /** The claim's checks as a Markdown table: the comparison and its margin with the reason. */
  static String checksTable(Claim c) {
    StringBuilder s =
        new StringBuilder("| # | check (95% interval over replications) | margin |\n");
    s.append("|---|---|---|\n");
    int i = 1;
    for (Check k : c.checks()) {
      String m = k.marginText();
      s.append("| ")
          .append(i++)
          .append(" | ")
          .append(k.statement())
          .append(" | ")
          .append(m.isEmpty() ? "none" : m)
          .append(" |\n");
    }
    return s.toString();
  }

  /** "`key` = value (assumption)" for each driver, at the scenario's values. */
  private String drivers(Claim c) throws ScenarioException {
    var loaded =
        Scenarios.load(
            scenarios.resolve(c.scenario()), List.of("regime=" + c.regimes().get(0).yamlName()));
    var schema = Scenarios.loader().schema();
    List<String> parts = new ArrayList<>();
    for (String key : c.drivers()) {
      ParamInfo p = schema.param(key).orElseThrow(() -> new IllegalStateException("no key " + key));
      String value = valueText(loaded.resolved(), key);
      String unit = p.unit().isEmpty() ? "" : " " + p.unit();
      parts.add(
          "`"
              + key
              + "` = "
              + value
              + unit
              + (p.isAssumption() ? " (assumption)" : " (cited: " + p.source() + ")"));
    }
    return "Scenario keys the claim depends on, at this scenario's values: "
        + String.join("; ", parts)
        + ".";
  }

  /** The value of a dotted key in a resolved tree; for events[].x, the values of all events. */
  @SuppressWarnings("unchecked")
  static String valueText(Map<String, Object> tree, String key) {
    if (key.startsWith("events[].")) {
      String k = key.substring("events[].".length());
      List<String> vs = new ArrayList<>();
      for (Object e : (List<Object>) tree.get("events")) {
        Object v = ((Map<String, Object>) e).get(k);
        if (v != null) vs.add(String.valueOf(v));
      }
      return vs.isEmpty() ? "(no event)" : String.join(", ", vs);
    }
    Object node = tree;
    for (String part : key.split("\\.")) node = ((Map<String, Object>) node).get(part);
    return node instanceof Double d ? Finding.num(d) : String.valueOf(node);
  }

  // ---------------------------------------------------------------- running

  /** What one run leaves for a measure: its result, its events and (if asked for) its rows. */
  public record Capture(RunResult result, List<WorldEvent> events, List<double[]> rows) {}

  /**
   * Runs every claim's scenario under its regimes with the given overrides and seeds, once per
   * (scenario, regime, seed) however many claims share it, and returns per scenario the measured
   * values (operand key to one value per seed).
   */
  Map<String, Map<String, double[]>> measure(List<Claim> claims, List<String> sets, long[] seeds)
      throws ScenarioException, InterruptedException {
    List<Job> jobs = jobs(claims, sets, seeds, 0);
    Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    runner.run(
        jobs.stream().map(j -> (Callable<double[]>) j::call).iterator(),
        (Outcome<double[]> o) -> {
          if (!o.ok()) {
            failures.add(o.errorText());
            return;
          }
          jobs.get((int) o.index()).store(o.result(), out, seeds.length);
        });
    if (!failures.isEmpty())
      throw new IllegalStateException("runs failed: " + String.join("; ", failures));
    return out;
  }

  /**
   * One run: a scenario under a regime with overrides and a seed, reduced at once to the values of
   * the operands that need it (so that many runs can be in flight without keeping their rows).
   */
  record Job(int point, String scenario, ModelSpec spec, int rep, List<Operand> operands) {
    double[] call() {
      boolean rows = operands.stream().anyMatch(o -> o.quantity().needsRows());
      boolean events = operands.stream().anyMatch(o -> o.quantity().needsEvents());
      List<WorldEvent> ev = new ArrayList<>();
      List<double[]> rs = new ArrayList<>();
      RunResult r =
          SingleRun.run(
              spec,
              new RunListener() {
                @Override
                public void row(double[] row) {
                  if (rows) rs.add(row);
                }

                @Override
                public void event(WorldEvent e) {
                  if (events) ev.add(e);
                }
              });
      Capture c = new Capture(r, ev, rs);
      double[] v = new double[operands.size()];
      for (int i = 0; i < v.length; i++) v[i] = operands.get(i).quantity().measure(c);
      return v;
    }

    void store(double[] values, Map<String, Map<String, double[]>> out, int reps) {
      Map<String, double[]> m = out.computeIfAbsent(scenario, k -> new LinkedHashMap<>());
      for (int i = 0; i < values.length; i++)
        m.computeIfAbsent(operands.get(i).key(), k -> new double[reps])[rep] = values[i];
    }
  }

  /** The runs for the claims at one point (overrides) and seeds: scenario x regime x seed. */
  List<Job> jobs(List<Claim> claims, List<String> sets, long[] seeds, int point)
      throws ScenarioException {
    Map<String, Map<Regime, Map<String, Operand>>> need = new LinkedHashMap<>();
    for (Claim c : claims)
      for (Operand o : c.operands().values())
        need.computeIfAbsent(c.scenario(), k -> new LinkedHashMap<>())
            .computeIfAbsent(o.regime(), k -> new LinkedHashMap<>())
            .putIfAbsent(o.key(), o);
    List<Job> jobs = new ArrayList<>();
    for (var s : need.entrySet()) {
      for (var r : s.getValue().entrySet()) {
        List<String> all = new ArrayList<>();
        all.add("regime=" + r.getKey().yamlName());
        all.addAll(sets);
        ModelSpec spec = Scenarios.load(scenarios.resolve(s.getKey()), all).config();
        List<Operand> ops = List.copyOf(r.getValue().values());
        for (int i = 0; i < seeds.length; i++)
          jobs.add(new Job(point, s.getKey(), spec.withSeed(seeds[i]), i, ops));
      }
    }
    return jobs;
  }

  BatchRunner runner() {
    return runner;
  }

  Path scenarios() {
    return scenarios;
  }

  int reps() {
    return reps;
  }

  long master() {
    return master;
  }
}
