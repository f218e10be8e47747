package govsim.mechanism;

import govsim.mechanism.community.StandardSetting;
import govsim.mechanism.crossborder.ComplianceCost;
import govsim.mechanism.enforcement.Enforcement;
import govsim.mechanism.firms.FirmDecisions;
import govsim.mechanism.synergy.Synergy;
import govsim.model.ModelSpec;
import govsim.model.Scenarios;
import govsim.scenario.ScenarioException;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.MaliciousActors;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.RuleBook;
import govsim.world.UserPopulation;
import govsim.world.World;
import govsim.world.WorldEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small hand-built worlds and default parameter records for the mechanism tests: every test states
 * the few values it depends on and takes the rest from the scenario defaults.
 */
public final class Fixtures {
  private Fixtures() {}

  /**
   * The scenario defaults under the laissez_faire preset (no regulator, no communities, no synergy
   * powers), with {@code key.path=value} overrides applied as {@code --set} would.
   */
  public static ModelSpec spec(String... sets) {
    return SPECS.computeIfAbsent(List.of(sets), Fixtures::load);
  }

  /**
   * Loaded specs by their overrides: they are immutable, and loading one costs some milliseconds.
   */
  private static final Map<List<String>, ModelSpec> SPECS = new ConcurrentHashMap<>();

  private static ModelSpec load(List<String> sets) {
    try {
      return Scenarios.loader()
          .loadString("name: t\nregime: laissez_faire\nusers: {count: 100}\n", "test", null, sets)
          .config();
    } catch (ScenarioException e) {
      throw new AssertionError("test scenario does not load: " + e.getMessage(), e);
    }
  }

  /** An empty world with dt = 1 day, the given users (all at firm 0) and no malicious actors. */
  public static World world(int jurisdictions, int users) {
    return world(jurisdictions, users, 0);
  }

  public static World world(int jurisdictions, int users, int maliciousActors) {
    UserPopulation pop = new UserPopulation(users, jurisdictions > 1);
    // Attention clocks far in the future unless a test sets them.
    Arrays.fill(pop.nextAttentionStep, Integer.MAX_VALUE / 2);
    return new World(jurisdictions, 1.0, pop, new MaliciousActors(maliciousActors));
  }

  /** Adds a firm serving every jurisdiction of the world, alignment 0, reputation 1. */
  public static Firm firm(World w) {
    return firm(w, 0.0, 0.0, (1L << w.jurisdictions) - 1);
  }

  public static Firm firm(World w, double alignment, double capability, long servesMask) {
    Firm f = new Firm(w.firms.size(), alignment, capability, 1.0, 0, servesMask);
    w.firms.add(f);
    return f;
  }

  /** Puts users [from, to) at firm f, updating its user and weak-user counts. */
  public static void assignUsers(World w, Firm f, int from, int to) {
    for (int i = from; i < to; i++) {
      w.users.firm[i] = f.id;
      f.users++;
      f.weakUsers += w.users.weak[i];
    }
  }

  /** Adds a risk emerged on day 0 of generation 0 that never retires. */
  public static Risk risk(
      World w, double severity, double visibility, double hazardPerDay, boolean knightian) {
    Risk r =
        new Risk(
            w.risks.size(),
            0.0,
            severity,
            visibility,
            hazardPerDay,
            knightian,
            Double.POSITIVE_INFINITY,
            w.generation,
            w.jurisdictions);
    w.risks.add(r);
    return r;
  }

  public static Community community(
      World w, double stringency, double assurance, long recognizedMask) {
    Community c = new Community(w.communities.size(), stringency, assurance, 0.0, recognizedMask);
    w.communities.add(c);
    return c;
  }

  /** Puts a rule on the risk's current form in force in the rule book at once. */
  public static Rule ruleInForce(RuleBook book, Risk r, double stringency) {
    Rule rule = new Rule(r.id, r.generation, 0.0, 0.0, stringency);
    book.startPending(rule);
    if (book.promoteIfDue(r.id, 0.0) != rule) throw new AssertionError("rule not promoted");
    return rule;
  }

  /**
   * Makes the firm a member of the community (both bit sets), without Membership's side effects.
   */
  public static void member(Firm f, Community c) {
    f.memberships.set(c.id);
    c.members.set(f.id);
  }

  public static List<WorldEvent> events(World w) {
    List<WorldEvent> out = new ArrayList<>();
    w.drainEvents(out::add);
    return out;
  }

  public static long count(List<WorldEvent> events, EventKind type) {
    return events.stream().filter(e -> e.type() == type).count();
  }

  /** Advances the clock by one step (as the model's CLOCK phase does). */
  public static void tick(World w) {
    w.step++;
    w.now = w.step * w.dtDays;
  }

  /** The firms' decisions (M6) of a spec, wired as GovSimModel wires them. */
  public static FirmDecisions decisions(ModelSpec s, Synergy synergy) {
    Enforcement enforcement =
        new Enforcement(
            s.enforcement(), s.reputation().sanctionLoss(), s.firms().revenuePerUserYear());
    ComplianceCost cost =
        new ComplianceCost(
            s.crossBorder(),
            s.firms().complianceCostPerRule(),
            s.firms().voluntaryMitigationEfficacy(),
            s.rulemaking().ruleCostMultiplier(),
            s.communities().toolingCostReduction());
    return new FirmDecisions(
        s.firms(),
        s.practice(),
        s.reputation(),
        s.users(),
        s.risks(),
        s.assurance(),
        s.communities(),
        enforcement,
        synergy,
        cost,
        s.competition().scaleFeedbackElasticity());
  }

  /**
   * M7's standard setting as the model builds it from a scenario, with the given assurance range
   * and recognition drawn at formation with chance 0 (no certificate recognised).
   */
  public static StandardSetting standards(ModelSpec s, double assuranceMin, double assuranceMax) {
    return new StandardSetting(
        s.communities(),
        assuranceMin,
        assuranceMax,
        0.0,
        true,
        new StandardSetting.Preferences(
            s.firms().harmAversion(),
            s.risks().exposureShare(),
            s.firms().complianceCostPerRule(),
            s.crossBorder().stringencyCostExponent()));
  }
}
