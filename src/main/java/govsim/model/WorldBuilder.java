package govsim.model;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.RandomStreams;
import govsim.mechanism.community.CommunityChoice;
import govsim.mechanism.crossborder.CrossBorderParams;
import govsim.mechanism.crossborder.JurisdictionRules;
import govsim.mechanism.crossborder.Recognition;
import govsim.mechanism.firms.Investment;
import govsim.mechanism.risk.RiskEmergence;
import govsim.mechanism.risk.RuleTargeting;
import govsim.mechanism.synergy.Synergy;
import govsim.mechanism.users.UserChoice;
import govsim.mechanism.users.UsersPhase;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.MaliciousActors;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.UserPopulation;
import govsim.world.World;

/**
 * Initialization (the ODD's "initialization"): builds the world of day 0 from the scenario —
 * regulators, firms, users, initial risks, initial rules, communities and memberships, malicious
 * actors — each part from its own named stream ({@link RandomStreams}), so that the same seed
 * always builds the same world and the parts that do not depend on the regime (firms, users, risks,
 * actors) are the same in every regime.
 */
final class WorldBuilder {
  private final ModelSpec spec;
  private final RiskEmergence emergence;
  private final UsersPhase users;
  private final Synergy synergy;

  WorldBuilder(ModelSpec spec, RiskEmergence emergence, UsersPhase users, Synergy synergy) {
    this.spec = spec;
    this.emergence = emergence;
    this.users = users;
    this.synergy = synergy;
  }

  World build(RandomStreams streams) {
    int jurisdictions = spec.crossBorder().jurisdictions();
    var up = spec.users();
    UserPopulation pop =
        new UserPopulation(
            up.count(),
            jurisdictions > 1,
            up.attentionHeterogeneity() > 0,
            (int) Math.round(up.multiHomingShare() * up.count()),
            up.multiHomingProviders());
    MaliciousActors actors = new MaliciousActors(spec.malicious().count());
    World w = new World(jurisdictions, spec.time().dtDays(), pop, actors);

    for (Regulator reg : w.regulators) {
      reg.rulemaking = spec.rulemaking().enabled();
      reg.enforcement = spec.enforcement().enabled();
      synergy.grantInitialPowers(reg);
      JurisdictionRules.apply(spec.crossBorder(), spec.rulemaking(), reg);
    }

    MersenneTwisterFast firms = streams.firms;
    for (int i = 0; i < spec.firms().count(); i++) {
      double capability =
          Draws.uniform(firms, spec.firms().capabilityMin(), spec.firms().capabilityMax());
      Firm f = newFirm(spec, w, firms, i, capability);
      w.firms.add(f);
      emergence.scheduleFirstRelease(f, w, streams.releases(f.id));
      // Firms that review at all make their first decisions on day 0.
      f.nextReviewDay = spec.firms().reviewRatePerYear() > 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }

    initUsers(w, streams.users, streams.attention);
    w.populationShare = populationShares(w);
    users.assignInitial(w, streams.users, streams.multiHoming());
    // issue 12.3 (users): the incumbent, whose usage share incumbent_usage_share reports.
    Firm largest = w.largestActiveFirm();
    w.incumbent = largest == null ? -1 : largest.id;

    MersenneTwisterFast risks = streams.risks;
    for (int i = 0; i < spec.risks().initialCount(); i++) {
      double severity =
          Draws.pareto(risks, spec.risks().severityParetoAlpha(), spec.risks().severityMin());
      double visibility =
          Draws.uniform(risks, spec.risks().visibilityMin(), spec.risks().visibilityMax());
      emergence.emerge(w, risks, severity, visibility, false).initial = true;
    }
    // Day-0 rules and standards are written for the rule-maker's prior belief (issue 13 item 1: a
    // known risk's prior mean is its hazard); they predate the run, so no entrenchment factor (1).
    RuleTargeting targeting = new RuleTargeting(spec.risks());
    if (spec.rulemaking().enabled()) {
      for (Risk r : w.risks) {
        if (!Draws.bernoulli(streams.rulemaking, spec.rulemaking().initialRulesShare())) continue;
        for (Regulator reg : w.regulators) {
          if (r.severity < reg.minSeverity) continue;
          reg.rules.startPending(
              targeting.regulatorRule(r, reg.jurisdiction, 0.0, 0.0, reg.ruleStringency));
          reg.rules.promoteIfDue(r.id, 0.0);
        }
      }
    }

    if (spec.communities().enabled()) {
      MersenneTwisterFast rng = streams.communities;
      for (int c = 0; c < spec.communities().initialCount(); c++) {
        double stringency =
            Draws.uniform(
                rng, spec.communities().stringencyMin(), spec.communities().stringencyMax());
        double assurance =
            Draws.uniform(rng, spec.assurance().assuranceMin(), spec.assurance().assuranceMax());
        Community com =
            new Community(
                c,
                stringency,
                assurance,
                0.0,
                spec.crossBorder().recognitionRule() == CrossBorderParams.RecognitionRule.RANDOM
                    ? Recognition.draw(
                        rng, w.jurisdictions, spec.crossBorder().recognitionProbability())
                    : 0L);
        w.communities.add(com);
        for (Risk r : w.risks) {
          if (!Draws.bernoulli(rng, spec.communities().initialStandardsShare())) continue;
          com.standards.startPending(targeting.communityRule(w, com, r, 0.0, 0.0, stringency));
          com.standards.promoteIfDue(r.id, 0.0);
        }
      }
      CommunityChoice.assignInitialMembers(
          w, rng, spec.communities().initialMembershipShare(), spec.communities().choice());
    }

    for (int i = 0; i < actors.count; i++) {
      actors.jurisdiction[i] = streams.malicious.nextInt(jurisdictions);
    }
    return w;
  }

  /** The share of the users drawn into each jurisdiction (M10's reach, issue 13 item 6). */
  private static double[] populationShares(World w) {
    double[] share = new double[w.jurisdictions];
    if (w.users.size == 0) {
      java.util.Arrays.fill(share, 1.0 / w.jurisdictions);
      return share;
    }
    for (int i = 0; i < w.users.size; i++) share[w.users.jurisdictionOf(i)]++;
    for (int j = 0; j < w.jurisdictions; j++) share[j] /= w.users.size;
    return share;
  }

  /** Users' attributes from the users stream, their first attention gaps from the attention one. */
  private void initUsers(World w, MersenneTwisterFast rng, MersenneTwisterFast attention) {
    UserPopulation u = w.users;
    var p = spec.users();
    double sigma = p.attentionHeterogeneity();
    JurisdictionRules.UserShares jurisdictionOfUser =
        new JurisdictionRules.UserShares(spec.crossBorder().userShare(), w.jurisdictions);
    for (int i = 0; i < u.size; i++) {
      if (u.jurisdiction != null) u.jurisdiction[i] = (byte) jurisdictionOfUser.draw(rng);
      u.weak[i] = (byte) (Draws.bernoulli(rng, p.infoWeakShare()) ? 1 : 0);
      u.switchingCost[i] = (float) Draws.exponential(rng, p.switchingCostMean());
      // A mean-preserving log-normal factor makes some users far more attentive than others.
      double factor = sigma > 0 ? Math.exp(sigma * rng.nextGaussian() - 0.5 * sigma * sigma) : 1.0;
      float pAttention = (float) Draws.stepProbability(p.attentionRatePerDay() * factor, w.dtDays);
      u.setAttention(i, pAttention);
      // The first firing is at step gap - 1 (step 0 is the first day).
      u.nextAttentionStep[i] = UserChoice.attentionGap(attention, pAttention) - 1;
    }
  }

  /** A firm with the scenario's draws: alignment, home jurisdiction, licenses abroad. */
  static Firm newFirm(ModelSpec spec, World w, MersenneTwisterFast rng, int id, double capability) {
    double alignment = Draws.uniform(rng, spec.firms().alignmentMin(), spec.firms().alignmentMax());
    int home = id < w.jurisdictions ? id : rng.nextInt(w.jurisdictions);
    long serves = 1L << home;
    for (int j = 0; j < w.jurisdictions; j++) {
      if (j != home && Draws.bernoulli(rng, spec.crossBorder().serveAbroadProbability()))
        serves |= 1L << j;
    }
    Firm f = new Firm(id, alignment, capability, spec.reputation().initial(), home, serves);
    f.backlashBelief = spec.firms().backlashBelief();
    // Drawn only when some firms start unsafe, so that other worlds keep their random streams.
    double unsafe = spec.firms().unsafeShareInitial();
    if (unsafe > 0) f.unsafeReleases = rng.nextDouble() < unsafe;
    f.rdShare = Investment.initialShare(spec.firms().investment()); // issue 12.2 (race)
    return f;
  }
}
