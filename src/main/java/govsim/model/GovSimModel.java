package govsim.model;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Governance;
import govsim.mechanism.RandomStreams;
import govsim.mechanism.assurance.Audits;
import govsim.mechanism.community.StandardSetting;
import govsim.mechanism.competition.Competition;
import govsim.mechanism.crossborder.ComplianceCost;
import govsim.mechanism.crossborder.CrossBorderParams;
import govsim.mechanism.crossborder.RecognitionReview;
import govsim.mechanism.enforcement.Enforcement;
import govsim.mechanism.firms.Accounting;
import govsim.mechanism.firms.Conformity;
import govsim.mechanism.firms.DecisionRule;
import govsim.mechanism.firms.FirmDecisions;
import govsim.mechanism.malicious.MaliciousAttacks;
import govsim.mechanism.malicious.Safeguards;
import govsim.mechanism.malicious.Targeting;
import govsim.mechanism.reputation.Backlash;
import govsim.mechanism.risk.Incidents;
import govsim.mechanism.risk.RiskEmergence;
import govsim.mechanism.risk.RuleTargeting;
import govsim.mechanism.rulemaking.CentralRuleMaking;
import govsim.mechanism.synergy.HybridPowers;
import govsim.mechanism.synergy.Synergy;
import govsim.mechanism.users.UserChoice;
import govsim.mechanism.users.UsersPhase;
import govsim.world.Firm;
import govsim.world.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The govsim model: a MASON {@link SimState} holding one {@link World} and the mechanisms M1-M12,
 * run in the phase order of {@link Phase}. It only builds the world ({@link WorldBuilder}),
 * schedules one line per phase and hands each scheduled event to the mechanism that owns it; the
 * rules themselves (who is inspected, signalled or protected, what a mandate switches on) live in
 * the mechanisms. It imports no observer, writer or GUI code: the experiment layer and the GUI
 * attach observers at {@link Phase#OBSERVE}.
 *
 * <p>All randomness comes from the run's {@link RandomStreams}: one Mersenne Twister per process,
 * derived from all 64 bits of the scenario's seed and the stream's name, handed to the mechanism
 * that owns the process (common random numbers per process, MODEL.md §9). MASON's own {@code
 * random} is seeded too but no mechanism draws from it.
 */
public final class GovSimModel extends SimState {
  private static final long serialVersionUID = 1L;

  private ModelSpec spec;
  private World world;

  private RiskEmergence emergence;
  private Incidents incidents;
  private CentralRuleMaking ruleMaking;
  private Enforcement enforcement;
  private UsersPhase users;
  private Backlash backlash;
  private FirmDecisions decisions;
  private Accounting accounting;
  private StandardSetting standards;
  private Audits audits;
  private Competition competition;
  private Synergy synergy;
  private HybridPowers hybridPowers;
  private MaliciousAttacks malicious;
  private RecognitionReview recognition;

  /** Providers' misuse safeguards; null under malicious.targeting none. */
  private Safeguards safeguards;

  private long fullSeed;
  private RandomStreams streams;
  private List<EventSpec> pendingEvents;
  private boolean[] signalled;

  /** Builds the users' phase; null: {@link UserChoice}. */
  private final transient Function<ModelSpec, UsersPhase> usersPhase;

  public GovSimModel(ModelSpec spec) {
    this(spec, null);
  }

  /**
   * A model whose users' phase is built by {@code usersPhase} (tests compare implementations of the
   * phase with it).
   */
  GovSimModel(ModelSpec spec, Function<ModelSpec, UsersPhase> usersPhase) {
    super(spec.seed());
    this.spec = spec;
    this.usersPhase = usersPhase;
    setSeed(spec.seed());
  }

  /**
   * Seeds the generator with all 64 bits. MASON's SimState.setSeed truncates the seed to 32 bits
   * (and so does MersenneTwisterFast's long seed), which would make seeds 5 and 5 + 2^32 the same
   * run; sweeps derive 64-bit seeds, so govsim keeps the whole seed itself.
   */
  @Override
  public void setSeed(long seed) {
    super.setSeed(seed);
    this.fullSeed = seed;
    random.setSeed(new int[] {(int) seed, (int) (seed >>> 32), 0x67736d});
  }

  /** The run's seed, all 64 bits (SimState.seed() keeps only the low 32). */
  public long fullSeed() {
    return fullSeed;
  }

  public ModelSpec spec() {
    return spec;
  }

  /**
   * Replaces the scenario before the next {@link #start()} (the GUI's Model tab and "load
   * scenario"). The seed becomes the new scenario's seed.
   */
  public void respecify(ModelSpec newSpec) {
    this.spec = newSpec;
    setSeed(newSpec.seed());
  }

  public World world() {
    return world;
  }

  public long totalSteps() {
    return spec.time().steps();
  }

  public boolean isDone() {
    return world != null && world.step >= totalSteps();
  }

  /** Runs one whole step (all phases and attached observers). */
  public void stepOnce() {
    schedule.step(this);
  }

  @Override
  public void start() {
    super.start();
    // Every start replays from the seed, so a run restarted in the GUI is the run `govsim run`
    // makes.
    setSeed(fullSeed);
    streams = new RandomStreams(fullSeed, spec.competition().maxFirms());
    buildMechanisms();
    world = new WorldBuilder(spec, emergence, users, synergy).build(streams);
    signalled = new boolean[spec.competition().maxFirms()];
    pendingEvents = new ArrayList<>(spec.events());
    pendingEvents.sort(Comparator.comparingDouble(EventSpec::atDay));
    double dt = spec.time().dtDays();
    // One line per phase, in the order of Phase (and of the ODD's process overview).
    phase(Phase.EVENTS, this::events, dt);
    phase(
        Phase.EMERGENCE,
        () -> {
          emergence.step(world, streams.risks);
          emergence.releases(
              world,
              streams::releases,
              spec.firms().innovationCrowdOut(),
              spec.rulemaking().conformityAssessmentDays(),
              spec.firms().unsafeReleaseSpeedup(),
              // issue 12.2/12.4: the assessment only where it applies; R&D and scale scale gains
              id ->
                  Conformity.applies(
                      world,
                      world.firms.get(id),
                      spec.rulemaking().conformityScope(),
                      spec.rulemaking().conformityRequiresCertificate()),
              id -> decisions.investment().gainMultiplier(world, world.firms.get(id)));
        },
        dt);
    phase(
        Phase.FIRM_DECISIONS,
        () -> {
          FirmDecisions.Outlook outlook = outlook();
          decisions.step(world, streams.decisions, outlook);
          if (safeguards != null) {
            safeguards.drawInitial(world, streams.safeguards);
            safeguards.step(world, streams.safeguardReviews, outlook);
          }
        },
        dt);
    phase(
        Phase.STANDARDS,
        () -> {
          standards.step(world, streams.communities);
          if (spec.communities().enabled()) standards.formAndDissolve(world, streams.communities);
        },
        dt);
    phase(
        Phase.RULEMAKING,
        () -> {
          ruleMaking.step(world);
          hybridPowers.step(
              world, streams.synergy, signalled, spec.communities().enabled() ? standards : null);
          recognition.step(world, streams.recognition);
        },
        dt);
    phase(Phase.INCIDENTS, () -> incidents.step(world, streams::incidents), dt);
    phase(
        Phase.MALICIOUS,
        () ->
            malicious.step(
                world,
                streams.malicious,
                streams.targets,
                synergy,
                spec.enforcement().costPerInspection(),
                spec.users().infoWeakShare()),
        dt);
    phase(Phase.USERS, () -> users.step(world, streams.attention, streams.choice, synergy), dt);
    phase(Phase.BACKLASH, () -> backlash.step(world, streams.backlash), dt);
    phase(Phase.AUDITS, () -> audits.step(world, streams.audits, synergy), dt);
    phase(
        Phase.ENFORCEMENT,
        () -> enforcement.step(world, streams.enforcement, synergy, signalled),
        dt);
    Competition.Entrant entrants = entrants();
    phase(
        Phase.COMPETITION,
        () -> competition.step(world, streams.entry, streams.entryDecisions, entrants),
        dt);
    phase(
        Phase.ACCOUNTING,
        () -> {
          accounting.step(world, decisions);
          Governance.trackEffective(world, spec.metrics().effectiveRuleUserShare());
        },
        dt);
    phase(
        Phase.CLOCK,
        () -> {
          world.step++;
          world.now = world.step * world.dtDays;
        },
        dt);
  }

  private void phase(Phase phase, Body body, double dt) {
    Steppable s = state -> body.run();
    schedule.scheduleRepeating(Schedule.EPOCH, phase.ordering(), s, dt);
  }

  /**
   * A phase's work. Serializable (as MASON's Steppable is), so that the schedule, and with it the
   * whole model, can be written to a checkpoint: a lambda is serializable when its target type is,
   * and these capture only the model.
   */
  @FunctionalInterface
  interface Body extends java.io.Serializable {
    void run();
  }

  private void buildMechanisms() {
    ModelSpec s = spec;
    synergy = new Synergy(s.synergy());
    emergence = new RiskEmergence(s.risks(), streams.hazards);
    RuleTargeting targeting = new RuleTargeting(s.risks());
    incidents =
        new Incidents(
            s.risks(),
            s.practice(),
            s.firms().voluntaryMitigationEfficacy(),
            s.firms().unsafeHazardMultiplier());
    ruleMaking = new CentralRuleMaking(s.rulemaking(), targeting, s.synergy());
    hybridPowers = new HybridPowers(s.synergy(), synergy, s.rulemaking().agendaThreshold());
    enforcement =
        new Enforcement(
            s.enforcement(), s.reputation().sanctionLoss(), s.firms().revenuePerUserYear());
    users =
        usersPhase != null
            ? usersPhase.apply(s)
            : new UserChoice(
                s.users(), s.competition().maxFirms(), s.crossBorder().jurisdictions());
    backlash =
        new Backlash(
            s.reputation(),
            s.practice(),
            s.firms().responseLatencyDays(),
            s.firms().backlashLearningRate(),
            s.firms().decisionRule() == DecisionRule.FERMI,
            s.firms().decisionIntensity(),
            s.firms().harmAversion());
    ComplianceCost cost =
        new ComplianceCost(
            s.crossBorder(),
            s.firms().complianceCostPerRule(),
            s.firms().voluntaryMitigationEfficacy(),
            s.rulemaking().ruleCostMultiplier(),
            s.communities().toolingCostReduction());
    decisions =
        new FirmDecisions(
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
    accounting = new Accounting(s.firms(), s.practice(), s.communities().feePerYear());
    standards =
        new StandardSetting(
                s.communities(),
                s.assurance().assuranceMin(),
                s.assurance().assuranceMax(),
                s.crossBorder().recognitionProbability(),
                s.crossBorder().recognitionRule() == CrossBorderParams.RecognitionRule.RANDOM,
                new StandardSetting.Preferences(
                    s.firms().harmAversion(),
                    s.risks().exposureShare(),
                    s.firms().complianceCostPerRule(),
                    s.crossBorder().stringencyCostExponent()))
            .withTargeting(targeting);
    safeguards =
        s.malicious().targeting() == Targeting.NONE
            ? null
            : new Safeguards(
                s.malicious(),
                s.firms(),
                s.reputation().expulsionLoss(),
                s.reputation().sanctionLoss(),
                s.assurance().auditRatePerYear(),
                s.assurance().expelOnViolation(),
                s.enforcement().fineRevenueShare(),
                s.enforcement().maliciousDetectionProbability(),
                synergy,
                decisions);
    recognition = new RecognitionReview(s.crossBorder(), cost, s.firms().revenuePerUserYear());
    audits =
        new Audits(
            s.assurance(),
            s.reputation().expulsionLoss(),
            safeguards != null && s.malicious().safeguards().communityMinimum() > 0
                ? safeguards
                : null);
    competition =
        new Competition(
            s.competition(), s.users(), s.firms().decisionIntensity(), s.reputation().initial());
    malicious =
        new MaliciousAttacks(
            s.malicious(),
            s.enforcement().maliciousDetectionProbability(),
            s.risks().severeThreshold(),
            safeguards);
  }

  /**
   * Phase EVENTS: reset the step's tally, let M11 mark the firms that signals address this step,
   * and apply the scenario events that are due.
   */
  private void events() {
    world.tally.reset();
    world.severeIncidentsThisStep.clear();
    synergy.markSignalled(world, signalled);
    while (!pendingEvents.isEmpty() && pendingEvents.get(0).atDay() <= world.now + 1e-9) {
      apply(pendingEvents.remove(0));
    }
  }

  /** A scheduled event, handed to the mechanism that owns it. */
  private void apply(EventSpec e) {
    switch (e.type()) {
      case CAPABILITY_SHOCK ->
          emergence.shock(
              world, streams.events, e.newRisks(), e.obsoleteShare(), e.capabilityBoost());
      case ADOPT_PRACTICE ->
          Backlash.adoptByEvent(
              world,
              e.firm() >= 0 && e.firm() < world.firms.size()
                  ? world.firms.get(e.firm())
                  : world.largestActiveFirm());
      case ENACT_MANDATE -> Synergy.enact(world, e.mandate(), e.jurisdiction());
      case FORM_COMMUNITY ->
          standards.foundByDecree(world, streams.communities, e.stringency(), e.assurance());
      case EMERGE_RISK ->
          emergence.emerge(world, streams.events, e.severity(), e.visibility(), e.knightian());
    }
  }

  /**
   * Entrants (M9) built like the initial firms, their attributes drawn from the entry stream, and,
   * once admitted, released into the world's schedules (the first release from their own release
   * stream).
   */
  private Competition.Entrant entrants() {
    return new Entrants();
  }

  /** The entrant builder; a named inner class so that checkpoints can hold it (Serializable). */
  private final class Entrants implements Competition.Entrant, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Firm draw(World w, MersenneTwisterFast rng, double capability) {
      return WorldBuilder.newFirm(spec, w, rng, w.firms.size(), capability);
    }

    @Override
    public void admit(World w, Firm f) {
      w.firms.add(f);
      emergence.scheduleFirstRelease(f, w, streams.releases(f.id));
      f.nextReviewDay = w.now;
    }
  }

  /**
   * What firms know at their reviews: who is signalled (M11) and the inspections to expect (M3).
   */
  private FirmDecisions.Outlook outlook() {
    return new FirmDecisions.Outlook(
        signalled,
        enforcement.expectedInspectionsPerYear(world, synergy, signalled),
        world.users.size);
  }
}
