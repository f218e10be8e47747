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
public final class StandardSetting implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final CommunityParams p;
  private final double assuranceMin;
  private final double assuranceMax;
  private final double recognitionProbability;

  /** Standards written for the believed hazard, entrenchment cost (issue 13; null: neither). */
  private RuleTargeting targeting;

  /**
   * @param assuranceMin lower end of the range a new community's assurance level is drawn from
   *     (M8's assurance.assurance_min; passed as values so that M7 does not depend on M8, whose
   *     audits use M7's memberships)
   * @param assuranceMax upper end of that range (assurance.assurance_max)
   * @param recognitionProbability chance that each jurisdiction recognises a new community's
   *     certificate (M10)
   */
  public StandardSetting(
      CommunityParams p, double assuranceMin, double assuranceMax, double recognitionProbability) {
    this.p = p;
    this.assuranceMin = assuranceMin;
    this.assuranceMax = assuranceMax;
    this.recognitionProbability = recognitionProbability;
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
    for (Community c : w.communities) {
      if (!c.active) continue;
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
        if (!r.active || !r.known || addressesCurrentForm(c, r)) continue;
        if (memberMet(w, c, r) || rng.nextDouble() < discovery) {
          double lag = lagDays(c.size());
          c.standards.startPending(
              targeting == null
                  ? new Rule(r.id, r.generation, end, end + lag, c.stringency)
                  : targeting.communityRule(w, c, r, end, end + lag, c.stringency));
          w.log(EventKind.STANDARD_DRAFTING, -1, c.id, r.id, -1, lag, "members " + c.size());
        }
      }
      w.tally.costCommunity += p.costPerMemberYear() * c.size() * w.dtDays / 365.0;
    }
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
            Recognition.draw(rng, w.jurisdictions, recognitionProbability));
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
   * Draws the founding members of a new community: up to {@code founding_members} distinct active
   * firms, at random, with at most {@code founder_draws_per_seat} draws per seat (so a nearly empty
   * market cannot stall it).
   */
  public void recruitFounders(World w, MersenneTwisterFast rng, Community c) {
    int target = Math.min(p.foundingMembers(), w.activeFirmCount());
    for (int attempt = 0;
        attempt < p.founderDrawsPerSeat() * p.foundingMembers() && c.size() < target;
        attempt++) {
      Firm f = w.firms.get(rng.nextInt(w.firms.size()));
      if (f.active && !c.members.get(f.id)) Membership.join(w, f, c);
    }
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
