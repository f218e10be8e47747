package govsim.mechanism.community;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.crossborder.Recognition;
import govsim.mechanism.risk.RuleTargeting;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.World;
import java.util.Locale;

/**
 * M7 — compliance communities and standards (MODEL.md §4 M7; paper §2.1, §3.1.3).
 *
 * <p>A community picks up a known risk when one of its members meets it (an incident) or, at the
 * discovery rate, by following the field. It then sets a standard after a short lag that grows with
 * its size (consensus cost): {@code lag = base * (1 + members/scale)^exponent}. A risk that changes
 * form is picked up again and the standard revised, with the same lag. Communities form while some
 * known risk has no standard anywhere, with founding members drawn from the firms, and dissolve
 * when they fall below the minimum size. Entry and exit are free (firms decide in {@link
 * Membership}).
 */
public final class StandardSetting
    implements govsim.mechanism.synergy.CommunityFounding, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final CommunityParams p;
  private final CommunityChoiceParams choice;
  private final double assuranceMin;
  private final double assuranceMax;
  private final double recognitionProbability;
  private final boolean drawRecognition;
  private final Preferences prefs;

  /** Scratch for the consensus (members' preferences and votes) and founder weights. */
  private double[] scratchPrefs = new double[16];

  private double[] scratchWeights = new double[16];

  /**
   * What shapes a member's preferred stringency (issue 13 item 4), as values from other mechanisms'
   * parameters: the harm a fully aligned firm is willing to pay to avoid (firms.harm_aversion, % of
   * annual revenue per harm/user/year), the share of users one incident harms
   * (risks.exposure_share), the compliance cost of a rule of stringency 1
   * (firms.compliance_cost_per_rule, % of annual revenue per year) and the stringency cost exponent
   * (cross_border.stringency_cost_exponent).
   */
  public record Preferences(
      double harmAversion, double exposureShare, double costPerRule, double costExponent) {}

  /** Standards written for the believed hazard, entrenchment cost (issue 13; null: neither). */
  private RuleTargeting targeting;

  /**
   * @param assuranceMin lower end of the range a new community's assurance level is drawn from
   *     (M8's assurance.assurance_min; passed as values so that M7 does not depend on M8, whose
   *     audits use M7's memberships)
   * @param assuranceMax upper end of that range (assurance.assurance_max)
   * @param recognitionProbability chance that each jurisdiction recognises a new community's
   *     certificate (M10)
   * @param drawRecognition whether recognition is drawn at formation with that chance
   *     (cross_border.recognition_rule random); otherwise regulators decide later
   * @param prefs what shapes members' preferred stringency (consensus rule)
   */
  public StandardSetting(
      CommunityParams p,
      double assuranceMin,
      double assuranceMax,
      double recognitionProbability,
      boolean drawRecognition,
      Preferences prefs) {
    this.p = p;
    this.choice = p.choice();
    this.assuranceMin = assuranceMin;
    this.assuranceMax = assuranceMax;
    this.recognitionProbability = recognitionProbability;
    this.drawRecognition = drawRecognition;
    this.prefs = prefs;
  }

  /** Writes standards for the community's believed hazard, with entrenchment costs (issue 13). */
  public StandardSetting withTargeting(RuleTargeting targeting) {
    this.targeting = targeting;
    return this;
  }

  /** Standard-setting lag of a community with the given number of members (days). */
  public double lagDays(int members) {
    return p.standardLagDays() * Math.pow(1.0 + members / p.lagSizeScale(), p.lagSizeExponent());
  }

  public void step(World w, MersenneTwisterFast rng) {
    double end = w.endOfStep();
    double discovery = Draws.stepProbabilityPerYear(p.riskDiscoveryRatePerYear(), w.dtDays);
    boolean consensus = choice.stringencyRule() == CommunityChoiceParams.StringencyRule.CONSENSUS;
    double benefitPerAlignment = consensus ? benefitPerAlignment(w) : Double.NaN;
    for (Community c : w.communities) {
      if (!c.active) continue;
      if (consensus && !c.decreed) chooseStringency(w, c, benefitPerAlignment);
      for (Risk r : w.risks) {
        Rule adopted = c.standards.promoteIfDue(r.id, end);
        if (adopted != null) {
          boolean current = adopted.covers(r);
          // The standard's own day, not the end of the step that promotes it (sub-step time kept).
          if (targeting != null) targeting.inForce(w, r, adopted, true);
          if (current && Double.isNaN(r.firstCommunityRuleDay))
            r.firstCommunityRuleDay = adopted.effectiveDay;
          w.log(
              EventKind.STANDARD_ADOPTED,
              -1,
              c.id,
              r.id,
              -1,
              end - adopted.startedDay,
              current ? "in force" : "obsolete on arrival");
        }
        if (consensus && !c.decreed && r.active && needsRevision(c, r)) {
          double lag = lagDays(c.size());
          c.standards.startPending(draft(w, c, r, end, end + lag));
          w.log(
              EventKind.STANDARD_DRAFTING,
              -1,
              c.id,
              r.id,
              -1,
              lag,
              "revision to stringency "
                  + String.format(Locale.ROOT, "%.3f", c.stringency)
                  + ", members "
                  + c.size());
          continue;
        }
        if (!r.active || !r.known || addressesCurrentForm(c, r)) continue;
        // A guideline (M11 soft signal) puts the risk on the agenda at once and shortens the lag.
        if (memberMet(w, c, r) || r.onGuidedAgenda || rng.nextDouble() < discovery) {
          double lag = lagDays(c.size()) * r.signalLagFactor;
          c.standards.startPending(draft(w, c, r, end, end + lag));
          w.log(EventKind.STANDARD_DRAFTING, -1, c.id, r.id, -1, lag, "members " + c.size());
        }
      }
      w.tally.costCommunity += p.costPerMemberYear() * c.size() * w.dtDays / 365.0;
    }
  }

  /**
   * A standard on r drafted now at the community's stringency (written for its believed hazard when
   * rules are targeted, issue 13 item 1), with the chosen stringency it was drafted for recorded
   * (issue 13 item 4).
   */
  private Rule draft(World w, Community c, Risk r, double start, double due) {
    c.draftedFor(r.id, c.stringency);
    return targeting == null
        ? new Rule(r.id, r.generation, start, due, c.stringency)
        : targeting.communityRule(w, c, r, start, due, c.stringency);
  }

  /**
   * Whether the chosen stringency the community's standard in force on the risk's current form was
   * drafted for has drifted from its chosen stringency now by more than the revision tolerance,
   * with no revision in drafting (a standard of day 0: its own stringency).
   */
  private boolean needsRevision(Community c, Risk r) {
    if (!c.standards.covers(r) || c.standards.pending(r.id) != null) return false;
    double was =
        r.id < c.draftedFor.length && !Double.isNaN(c.draftedFor[r.id])
            ? c.draftedFor[r.id]
            : c.standards.inForce(r.id).stringency;
    return Math.abs(was - c.stringency) > choice.revisionTolerance() + 1e-12;
  }

  /**
   * The benefit per unit of stringency and per unit of alignment that a member weighs (% of annual
   * revenue per year): harm aversion x exposure share x the mean over active known risks of hazard
   * per year x severity; 0 when no known risk is active. A member's benefit is its alignment times
   * this.
   */
  public double benefitPerAlignment(World w) {
    double sum = 0.0;
    int n = 0;
    for (Risk r : w.risks) {
      if (!r.active || !r.known) continue;
      sum += hazardPerYear(r) * r.severity;
      n++;
    }
    return n == 0 ? 0.0 : prefs.harmAversion() * prefs.exposureShare() * sum / n;
  }

  /**
   * The hazard a community weighs for a risk (incidents per firm-year): the risk's hazard. Kept in
   * one place so that standards can be written for a believed hazard instead (issue 13 item 1).
   */
  double hazardPerYear(Risk r) {
    return r.hazardPerDay * Draws.DAYS_PER_YEAR;
  }

  /**
   * A member's preferred stringency: {@link CommunityChoice#preferredStringency} with benefit
   * alignment x {@code benefitPerAlignment} and marginal cost compliance_cost_per_rule x (1 -
   * tooling_cost_reduction) (a member complies with the community's standard using its shared
   * tools).
   */
  public double preferredStringency(Firm f, double benefitPerAlignment) {
    return CommunityChoice.preferredStringency(
        f.alignment * benefitPerAlignment,
        prefs.costPerRule() * (1.0 - p.toolingCostReduction()),
        prefs.costExponent(),
        p.stringencyMin(),
        p.stringencyMax());
  }

  /**
   * The consensus rule (issue 13 item 4): sets the community's stringency to the highest one that
   * members holding consensus_quantile of the votes accept ({@link
   * CommunityChoice#consensusStringency}); a community without members keeps its stringency.
   */
  public void chooseStringency(World w, Community c, double benefitPerAlignment) {
    int n = c.size();
    if (n == 0) return;
    if (scratchPrefs.length < n) {
      scratchPrefs = new double[Math.max(n, 2 * scratchPrefs.length)];
      scratchWeights = new double[scratchPrefs.length];
    }
    int k = 0;
    boolean byUsers = choice.voteWeight() == CommunityChoiceParams.VoteWeight.USERS;
    double userVotes = 0.0;
    for (int m = c.members.nextSetBit(0); m >= 0; m = c.members.nextSetBit(m + 1)) {
      Firm f = w.firms.get(m);
      scratchPrefs[k] = preferredStringency(f, benefitPerAlignment);
      scratchWeights[k] = byUsers ? f.users : 1.0;
      userVotes += scratchWeights[k];
      k++;
    }
    // Members without users would have no vote at all: then one member, one vote.
    if (byUsers && !(userVotes > 0)) for (int i = 0; i < k; i++) scratchWeights[i] = 1.0;
    double s =
        CommunityChoice.consensusStringency(
            scratchPrefs, scratchWeights, k, choice.consensusQuantile());
    if (!Double.isNaN(s)) c.stringency = s;
  }

  @Override
  public boolean addressesCurrentFormOf(Community c, Risk r) {
    return addressesCurrentForm(c, r);
  }

  /** Whether the community has a standard for the risk's current form, in force or in drafting. */
  public static boolean addressesCurrentForm(Community c, Risk r) {
    if (c.standards.covers(r)) return true;
    Rule pending = c.standards.pending(r.id);
    return pending != null && pending.generation == r.generation;
  }

  private static boolean memberMet(World w, Community c, Risk r) {
    for (int m = c.members.nextSetBit(0); m >= 0; m = c.members.nextSetBit(m + 1)) {
      Firm f = w.firms.get(m);
      for (int k = 0; k < f.stepIncidents; k++) if (f.stepIncidentRisk[k] == r.id) return true;
    }
    return false;
  }

  /** Formation of new communities and dissolution of those that became too small. */
  public void formAndDissolve(World w, MersenneTwisterFast rng) {
    for (Community c : w.communities) {
      if (c.active && c.size() < p.minMembers()) dissolve(w, c);
    }
    if (p.formationRatePerYear() <= 0 || !someRiskWithoutStandard(w)) return;
    if (rng.nextDouble() < Draws.stepProbabilityPerYear(p.formationRatePerYear(), w.dtDays)) {
      found(w, rng, Draws.uniform(rng, p.stringencyMin(), p.stringencyMax()), Double.NaN);
    }
  }

  /**
   * A new community forms (of its own accord, or by a scheduled form_community event): it is added
   * to the world with the given stringency and assurance (NaN: drawn from the assurance range), the
   * jurisdictions that recognise its certificate are drawn, and its founders recruited.
   */
  public Community found(
      World w, MersenneTwisterFast rng, double stringency, double assuranceLevel) {
    double a =
        Double.isNaN(assuranceLevel)
            ? Draws.uniform(rng, assuranceMin, assuranceMax)
            : assuranceLevel;
    Community c =
        new Community(
            w.communities.size(),
            stringency,
            a,
            w.now,
            drawRecognition ? Recognition.draw(rng, w.jurisdictions, recognitionProbability) : 0L);
    w.communities.add(c);
    w.log(
        EventKind.COMMUNITY_FORMED,
        -1,
        c.id,
        -1,
        -1,
        stringency,
        "assurance " + String.format(Locale.ROOT, "%.3f", a));
    recruitFounders(w, rng, c);
    return c;
  }

  /**
   * A community founded by decree (a scheduled form_community event): as {@link #found}, but its
   * stringency stays the decree's under the consensus rule.
   */
  public Community foundByDecree(
      World w, MersenneTwisterFast rng, double stringency, double assuranceLevel) {
    Community c = found(w, rng, stringency, assuranceLevel);
    c.decreed = true;
    return c;
  }

  /**
   * Recruits the founding members of a new community: up to {@code founding_members} distinct
   * active firms, at most {@code founder_draws_per_seat} draws per seat (so a nearly empty market
   * cannot stall it). Under the random founder rule each is drawn at random among all firms; under
   * the similar rule the first is drawn so, and each other one among the active non-members with
   * weights given by the similarity kernel to the first ({@link CommunityChoice#similarity}).
   */
  public void recruitFounders(World w, MersenneTwisterFast rng, Community c) {
    int target = Math.min(p.foundingMembers(), w.activeFirmCount());
    boolean similar = choice.founderRule() == CommunityChoiceParams.FounderRule.SIMILAR;
    for (int attempt = 0;
        attempt < p.founderDrawsPerSeat() * p.foundingMembers() && c.size() < target;
        attempt++) {
      Firm f;
      if (similar && c.founder >= 0) {
        if (scratchWeights.length < w.firms.size()) {
          scratchWeights = new double[Math.max(w.firms.size(), 2 * scratchWeights.length)];
          scratchPrefs = new double[scratchWeights.length];
        }
        f =
            CommunityChoice.drawSimilar(
                w,
                w.firms.get(c.founder),
                c.members,
                choice.similarityBandwidth(),
                scratchWeights,
                rng);
        if (f == null) break;
      } else {
        f = w.firms.get(rng.nextInt(w.firms.size()));
      }
      if (f.active && !c.members.get(f.id)) {
        Membership.join(w, f, c);
        if (c.founder < 0) c.founder = f.id;
      }
    }
  }

  /**
   * inst (issue 13.3): a community forms for a risk the law leaves ungoverned (called by M11's
   * law-silent trigger, mechanism/synergy/HybridPowers) and starts drafting a standard on it at
   * once, with the lag of its size (and of a guideline, if the risk has one). Its stringency is
   * drawn from the communities' range like any new community's; all draws from {@code rng}.
   */
  @Override
  public Community foundForRisk(World w, MersenneTwisterFast rng, Risk r) {
    Community c =
        found(w, rng, Draws.uniform(rng, p.stringencyMin(), p.stringencyMax()), Double.NaN);
    double end = w.endOfStep();
    double lag = lagDays(c.size()) * r.signalLagFactor;
    c.standards.startPending(new Rule(r.id, r.generation, end, end + lag, c.stringency));
    w.log(EventKind.STANDARD_DRAFTING, -1, c.id, r.id, -1, lag, "members " + c.size());
    return c;
  }

  private static boolean someRiskWithoutStandard(World w) {
    for (Risk r : w.risks) {
      if (!r.active || !r.known) continue;
      boolean any = false;
      for (Community c : w.communities) {
        if (c.active && addressesCurrentForm(c, r)) {
          any = true;
          break;
        }
      }
      if (!any) return true;
    }
    return false;
  }

  public static void dissolve(World w, Community c) {
    Membership.dissolve(w, c);
    w.log(EventKind.COMMUNITY_DISSOLVED, -1, c.id, -1, -1, 0, "");
  }
}
