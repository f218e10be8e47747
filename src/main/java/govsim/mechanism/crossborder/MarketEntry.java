package govsim.mechanism.crossborder;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.Draws;
import govsim.mechanism.Governance;
import govsim.mechanism.users.UserChoice;
import govsim.mechanism.users.UserParams;
import govsim.world.Community;
import govsim.world.EventKind;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;

/**
 * M10 — entering a jurisdiction costs something (issue 13 item 6; MODEL.md §4 M10; paper §3.1.6),
 * under cross_border.market_entry decided.
 *
 * <p>At a review (decision_rule logit) a firm considers each jurisdiction it does not serve (and
 * has not lost by revocation). It expects to win there the logit share its utility gives it among
 * the firms already serving j ({@link #expectedShare}), so entering raises its revenue by {@code G
 * = 100 s_j N_j / n} % (s_j that share, N_j the users living in j, n its users now). Against that
 * it weighs the one-off entry cost E (spread over entry_amortisation_years A, as % of its annual
 * revenue R), cut by the share recognised_entry_cost_saving if j recognises a certificate it holds,
 * and the extra compliance cost of j's rules on the risks they cover ({@link ComplianceCost}: a
 * rule set of its own unless a recognised certificate stands in). It enters with probability {@code
 * logistic(k V)}, {@code V = G - 100 E' / (A R) - dC}, and pays E' at once (booked with its
 * compliance costs). A firm without revenue cannot finance an entry. Firms do not leave
 * jurisdictions of their own accord (only revocation, M3, takes a license away).
 */
public final class MarketEntry implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final CrossBorderParams p;
  private final ComplianceCost cost;
  private final double revenuePerUserYear;

  private final UserParams users;

  /**
   * @param revenuePerUserYear firms.revenue_per_user_year
   * @param users the users' choice parameters (M4), for the share a firm expects abroad
   */
  public MarketEntry(ComplianceCost cost, double revenuePerUserYear, UserParams users) {
    this.p = cost.params();
    this.cost = cost;
    this.revenuePerUserYear = revenuePerUserYear;
    this.users = users;
  }

  /** Whether firms decide on entry and there is somewhere to enter. */
  public boolean active() {
    return p.marketEntry() == CrossBorderParams.MarketEntryRule.DECIDED && p.jurisdictions() > 1;
  }

  /** At a review: one logit decision per jurisdiction the firm may enter, in jurisdiction order. */
  public void review(World w, Firm f, MersenneTwisterFast rng, double intensity) {
    if (!active() || f.users <= 0) return;
    for (Regulator reg : w.regulators) {
      int j = reg.jurisdiction;
      if (f.serves(j) || (f.revokedMask & (1L << j)) != 0) continue;
      double v = value(w, f, reg);
      if (rng.nextDouble() < Draws.logistic(intensity * v)) {
        double paid = entryCost(w, f, reg);
        f.servesMask |= 1L << j;
        f.entryCostStep += paid;
        w.tally.costEntry += paid;
        w.log(EventKind.MARKET_ENTRY, f.id, -1, -1, j, paid, "entered");
      }
    }
  }

  /**
   * Value of entering reg's jurisdiction, % of annual revenue per year (see the class comment);
   * negative infinity for a firm without revenue.
   */
  public double value(World w, Firm f, Regulator reg) {
    double revenue = f.users * revenuePerUserYear;
    if (!(revenue > 0)) return Double.NEGATIVE_INFINITY;
    double expectedUsers =
        expectedShare(w, f, reg.jurisdiction) * w.populationShare(reg.jurisdiction) * w.users.size;
    double gain = 100.0 * expectedUsers / f.users;
    double entry = 100.0 * entryCost(w, f, reg) / (p.entryAmortisationYears() * revenue);
    return gain - entry - extraCompliancePercent(w, f, reg);
  }

  /**
   * The share of jurisdiction j's users the firm expects to win there: its logit choice weight
   * {@code exp(beta u_f)} over the sum of the weights of the active firms serving j and its own
   * (M4's choice rule, {@link UserChoice#utility}), the long-run share once every user there has
   * reconsidered.
   */
  public double expectedShare(World w, Firm f, int j) {
    double beta = users.choiceIntensity();
    double own = UserChoice.utility(users, f);
    double total = 1.0;
    for (Firm k : w.firms) {
      if (k == f || !k.active || !k.serves(j)) continue;
      total += Math.exp(beta * (UserChoice.utility(users, k) - own));
    }
    return 1.0 / total;
  }

  /**
   * Entry cost into reg's jurisdiction (currency): entry_cost, less the share
   * recognised_entry_cost_saving if the regulator holds the recognition power and recognises a
   * certificate of an active community the firm belongs to.
   */
  public double entryCost(World w, Firm f, Regulator reg) {
    return p.entryCost()
        * (recognisedCertificate(w, f, reg) ? 1.0 - p.recognisedEntryCostSaving() : 1.0);
  }

  /** Whether the firm holds a certificate that the regulator recognises (and may recognise). */
  public static boolean recognisedCertificate(World w, Firm f, Regulator reg) {
    if (!reg.recognizeCertification) return false;
    for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
      Community com = w.communities.get(c);
      if (com.active && com.recognizedBy(reg.jurisdiction)) return true;
    }
    return false;
  }

  /**
   * Compliance cost (% of annual revenue per year) that serving reg's jurisdiction would add: over
   * the active risks its rules cover, the cost of the binding when serving it less the cost now (0
   * for a risk the firm does not mitigate now). The firm's licenses are set for the comparison and
   * restored.
   */
  public double extraCompliancePercent(World w, Firm f, Regulator reg) {
    long serves = f.servesMask;
    double extra = 0.0;
    try {
      for (Risk r : w.risks) {
        if (!r.active || !reg.rules.covers(r)) continue;
        f.servesMask = serves;
        double now = f.mitigates.get(r.id) ? cost.annualPercent(Governance.of(w, f, r)) : 0.0;
        f.servesMask = serves | (1L << reg.jurisdiction);
        extra += cost.annualPercent(Governance.of(w, f, r)) - now;
      }
    } finally {
      f.servesMask = serves;
    }
    return extra;
  }
}
