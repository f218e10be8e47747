package govsim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole simulated state of one run: agents, rules, the clock, the event log and the tally of
 * the current step. Mechanisms read and change it; observers only read it. It holds no parameters
 * and no random generator (those are passed to each mechanism call).
 */
public final class World implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public final int jurisdictions;
  public final double dtDays;
  public long step;

  /** Simulated time at the start of the current step, in days. */
  public double now;

  /** Technology generation; a capability shock advances it (M1). */
  public int generation;

  public final List<Firm> firms = new ArrayList<>();
  public final List<Risk> risks = new ArrayList<>();
  public final List<Community> communities = new ArrayList<>();
  public final Regulator[] regulators;
  public final UserPopulation users;
  public final MaliciousActors malicious;

  public final StepTally tally = new StepTally();

  /** Days from first outcry to revision, one entry per revision (M5). */
  public final List<Double> backlashResponseDays = new ArrayList<>();

  /**
   * Days from adopting a harmful practice to revising it after backlash, one entry per revision
   * (M5).
   */
  public final List<Double> practiceDurationDays = new ArrayList<>();

  /**
   * Closed spells of backlash responses (first outcry to revision) and of harmful practices
   * (adoption to end), for the survival metrics: each {start day, duration in days, 1 if the end
   * was observed (a revision; for practices also a drop) or 0 if censored (the firm exited or, for
   * a response, dropped the practice instead)}. Spells still open at the end of the run are read
   * from the firms. Entries are added only when a spell ends (rare), never per step.
   */
  public final List<double[]> backlashSpells = new ArrayList<>();

  public final List<double[]> practiceSpells = new ArrayList<>();

  // issue 12.1 (resp): the backlash response as a decision and the learned expected backlash.
  /**
   * Closed spells from a first outcry to the first revision, partial or full (same layout as
   * backlashSpells; censored when the practice ends otherwise or the firm exits).
   */
  public final List<double[]> firstResponseSpells = new ArrayList<>();

  /** Day of each partial revision. */
  public final List<Double> partialRevisionDays = new ArrayList<>();

  /**
   * Answers to response decisions opened by an outcry: {day, 1 if hold else 0}, one entry per such
   * decision's first answer that is not "wait".
   */
  public final List<double[]> outcryAnswers = new ArrayList<>();

  /** Day of each backlash response decision (any option). */
  public final List<Double> responseDecisionDays = new ArrayList<>();

  /**
   * Public evidence summed over all firms (each firm also keeps its own): outcries over practices,
   * practice-years, outcries over incidents, incidents' summed visibility.
   */
  public double allPracticeOutcries;

  public double allPracticeYears;
  public double allIncidentOutcries;
  public double allIncidentVisibility;

  // users (issue 12.3): the incumbent whose usage share is reported.
  /**
   * The firm with most users at the end of initialization (the lowest id among equals; -1 before
   * the users are placed): incumbent_usage_share follows it.
   */
  public int incumbent = -1;

  /** Severe incidents of this step awaiting ex-post investigation: pairs (firm id, risk id). */
  public final List<int[]> severeIncidentsThisStep = new ArrayList<>();

  private final List<WorldEvent> events = new ArrayList<>();

  // comm (issue 13 item 6)
  /**
   * Share of the users living in each jurisdiction, as drawn at initialization (null: equal shares,
   * e.g. a hand-built world).
   */
  public double[] populationShare;

  /** Share of the users living in jurisdiction j. */
  public double populationShare(int j) {
    return populationShare == null ? 1.0 / jurisdictions : populationShare[j];
  }

  /** Share of the users living in the jurisdictions the firm serves (its reach). */
  public double reach(Firm f) {
    double s = 0.0;
    for (int j = 0; j < jurisdictions; j++) if (f.serves(j)) s += populationShare(j);
    return s;
  }

  public World(int jurisdictions, double dtDays, UserPopulation users, MaliciousActors malicious) {
    this.jurisdictions = jurisdictions;
    this.dtDays = dtDays;
    this.users = users;
    this.malicious = malicious;
    this.regulators = new Regulator[jurisdictions];
    for (int j = 0; j < jurisdictions; j++) regulators[j] = new Regulator(j);
  }

  /** Time at the end of the current step (the "day" column of outputs). */
  public double endOfStep() {
    return (step + 1) * dtDays;
  }

  public void log(
      EventKind type,
      int firm,
      int community,
      int risk,
      int jurisdiction,
      double value,
      String detail) {
    events.add(
        new WorldEvent(
            step, endOfStep(), type, firm, community, risk, jurisdiction, value, detail));
  }

  /** Hands the events logged since the last drain to the consumer, in order, and forgets them. */
  public void drainEvents(Consumer<WorldEvent> consumer) {
    for (WorldEvent e : events) consumer.accept(e);
    events.clear();
  }

  /** The active firm with most users (the lowest id among equals), or null when none is active. */
  public Firm largestActiveFirm() {
    Firm best = null;
    for (Firm f : firms) if (f.active && (best == null || f.users > best.users)) best = f;
    return best;
  }

  public int activeFirmCount() {
    int n = 0;
    for (Firm f : firms) if (f.active) n++;
    return n;
  }
}
