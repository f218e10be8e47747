package govsim.model;

import govsim.mechanism.assurance.AssuranceParams;
import govsim.mechanism.community.CommunityParams;
import govsim.mechanism.competition.CompetitionParams;
import govsim.mechanism.crossborder.CrossBorderParams;
import govsim.mechanism.enforcement.EnforcementParams;
import govsim.mechanism.firms.FirmParams;
import govsim.mechanism.malicious.MaliciousParams;
import govsim.mechanism.reputation.PracticeParams;
import govsim.mechanism.reputation.ReputationParams;
import govsim.mechanism.risk.RiskParams;
import govsim.mechanism.rulemaking.RuleMakingParams;
import govsim.mechanism.synergy.SynergyParams;
import govsim.mechanism.users.UserParams;
import govsim.scenario.Param;
import java.util.List;

/**
 * A whole scenario, validated and immutable: the root of the scenario schema (MODEL.md §6). Each
 * section is one mechanism's parameter record, declared and documented in that mechanism's package.
 * {@code govsim describe} lists every key.
 */
public record ModelSpec(
    @Param(
            def = "unnamed",
            doc =
                "Scenario name; names the default output folder results/<name>/seed-<seed>/. Letters, digits, '-', '_' and '.', not starting with '.'.",
            source = "setting: a choice of the study, not a claim about the world",
            fileName = true)
        String name,
    @Param(
            def = "",
            doc = "What the scenario represents, in a sentence or two.",
            source = "setting: a choice of the study, not a claim about the world")
        String description,
    @Param(
            def = "hybrid",
            doc =
                "Governance regime preset: laissez_faire, centralized, distributed or hybrid (MODEL.md §5); keys set in the file override the preset.",
            source = "setting: a choice of the study, not a claim about the world")
        Regime regime,
    @Param(
            plausibleMin = 0,
            plausibleMax = 9007199254740991.0,
            def = "1",
            min = 0,
            max = 9.007199254740991E15,
            doc = "Seed of the run's random generator; same scenario and seed give the same bytes.",
            source = "setting: a choice of the study, not a claim about the world")
        long seed,
    @Param(doc = "Simulated time (MODEL.md §2).") TimeParams time,
    @Param(doc = "M1 technology and risk emergence.") RiskParams risks,
    @Param(doc = "M2 centralized rule-making.") RuleMakingParams rulemaking,
    @Param(doc = "M3 centralized enforcement.") EnforcementParams enforcement,
    @Param(doc = "M4 users: choice, switching, attention, many eyes.") UserParams users,
    @Param(doc = "M5 reputation and backlash.") ReputationParams reputation,
    @Param(doc = "M5/M6 the user-visible harmful practice.") PracticeParams practice,
    @Param(doc = "M6 firm decisions and value alignment.") FirmParams firms,
    @Param(doc = "M7 compliance communities and standards.") CommunityParams communities,
    @Param(doc = "M8 technical assurance.") AssuranceParams assurance,
    @Param(doc = "M9 competition and contestability.") CompetitionParams competition,
    @Param(doc = "M10 cross-border certification.") CrossBorderParams crossBorder,
    @Param(doc = "M11 hybrid synergy powers.") SynergyParams synergy,
    @Param(doc = "M12 malicious actors.") MaliciousParams malicious,
    @Param(
            def = "[]",
            doc = "Scheduled events, applied at the start of the first step at or after at_day.")
        List<EventSpec> events,
    @Param(doc = "Which outputs a run writes.") OutputParams outputs,
    @Param(doc = "How outcomes are measured and valued (metrics only, no behaviour).")
        MetricParams metrics) {

  public ModelSpec {
    events = List.copyOf(events);
    for (int i = 0; i < events.size(); i++) {
      EventSpec e = events.get(i);
      if (e.type() == EventType.ADOPT_PRACTICE && e.firm() >= firms.count()) {
        throw new govsim.scenario.InvalidKeyException(
            "events[" + i + "].firm",
            "there is no firm "
                + e.firm()
                + ": the scenario has "
                + firms.count()
                + (firms.count() == 1 ? " firm (id 0" : " firms (ids 0 to " + (firms.count() - 1))
                + "); -1 means the firm with most users at that moment");
      }
      int nj = crossBorder.jurisdictions();
      if (e.type() == EventType.ENACT_MANDATE && e.jurisdiction() >= nj) {
        throw new govsim.scenario.InvalidKeyException(
            "events[" + i + "].jurisdiction",
            "there is no jurisdiction "
                + e.jurisdiction()
                + ": the scenario has "
                + nj
                + (nj == 1 ? " jurisdiction (id 0" : " jurisdictions (ids 0" + " to " + (nj - 1))
                + ", set by cross_border.jurisdictions); -1 means all");
      }
    }
    if (firms.count() > competition.maxFirms()) {
      throw new IllegalArgumentException(
          "firms.count ("
              + firms.count()
              + ") exceeds competition.max_firms ("
              + competition.maxFirms()
              + ")");
    }
  }

  /** The same scenario with another seed (for replications and sweeps). */
  public ModelSpec withSeed(long newSeed) {
    return new ModelSpec(
        name,
        description,
        regime,
        newSeed,
        time,
        risks,
        rulemaking,
        enforcement,
        users,
        reputation,
        practice,
        firms,
        communities,
        assurance,
        competition,
        crossBorder,
        synergy,
        malicious,
        events,
        outputs,
        metrics);
  }
}
