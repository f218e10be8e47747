package govsim.gui;

import govsim.mechanism.Governance;
import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Risk;
import govsim.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A firm as the GUI shows it: a node of the network display and, through its bean getters, the
 * read-only inspector MASON opens when the node is double-clicked. It reads the live {@link Firm}
 * and never changes it; the model's classes stay plain state without bean conventions.
 */
public final class FirmNode extends NetworkNode {
  private final Firm firm;

  FirmNode(World world, Firm firm, NodeActivity activity) {
    super(world, activity);
    this.firm = firm;
  }

  Firm firm() {
    return firm;
  }

  @Override
  String key() {
    return NodeActivity.firm(firm.id);
  }

  /** False once the firm has exited (not a bean getter: the inspector shows {@link #getStatus}). */
  boolean active() {
    return firm.active;
  }

  /** Share of all users the firm serves (0 without users); the node's area. */
  double marketShare() {
    return world.users.size == 0 ? 0 : firm.users / (double) world.users.size;
  }

  public String getId() {
    return "F" + firm.id;
  }

  public String nameId() {
    return "Firm";
  }

  public String getStatus() {
    return firm.active ? "active" : "exited";
  }

  public String desStatus() {
    return "Exited once the firm has left the market (M9) or lost every license (M3).";
  }

  public String getUsers() {
    return Shown.count(firm.users, "user", "users");
  }

  public String nameUsers() {
    return "Users";
  }

  public String getMarketShare() {
    return Shown.percent(world.users.size == 0 ? Double.NaN : firm.users / (double) world.users.size, "no users");
  }

  public String nameMarketShare() {
    return "Market share (of all users)";
  }

  public String desMarketShare() {
    return "Share of all users served by the firm; the node's area grows with it.";
  }

  /**
   * Share of the active known risks that the firm mitigates, or NaN when no risk is active and
   * known. The node's colour: red for none, green for all.
   */
  double mitigationShare() {
    int known = 0;
    int mitigated = 0;
    for (Risk r : world.risks) {
      if (!r.active || !r.known) continue;
      known++;
      if (firm.mitigates.get(r.id)) mitigated++;
    }
    return known == 0 ? Double.NaN : mitigated / (double) known;
  }

  public String getMitigation() {
    int known = activeKnownRisks();
    int mitigated = 0;
    for (Risk r : world.risks) if (r.active && r.known && firm.mitigates.get(r.id)) mitigated++;
    return known == 0
        ? "no active known risk"
        : Shown.percent(mitigated / (double) known, "") + " (" + mitigated + " of " + known + " active known risks)";
  }

  public String nameMitigation() {
    return "Risks mitigated";
  }

  public String desMitigation() {
    return "Share of active known risks the firm mitigates (the node's colour: red none, green all).";
  }

  /** Active known risks the firm mitigates where a rule or standard binds it. */
  public String getGovernedRisksComplied() {
    int governed = 0;
    int complied = 0;
    for (Risk r : world.risks) {
      if (!r.active || !r.known || !Governance.of(world, firm, r).governed()) continue;
      governed++;
      if (firm.mitigates.get(r.id)) complied++;
    }
    return governed == 0 ? "no rule or standard binds it" : complied + " of " + governed + " governed risks";
  }

  public String nameGovernedRisksComplied() {
    return "Complies with (rules and standards)";
  }

  public String desGovernedRisksComplied() {
    return "Active known risks on which a regulator's rule or a community standard binds the firm, and how many of them it mitigates.";
  }

  int activeKnownRisks() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && r.known) n++;
    return n;
  }

  public String getHarmfulPractice() {
    return firm.practice ? "yes, since " + Shown.day(firm.practiceAdoptedDay, "the start") : "no";
  }

  public String nameHarmfulPractice() {
    return "Harmful practice";
  }

  public String desHarmfulPractice() {
    return "Whether the firm runs the user-visible harmful practice (M5/M6); shown as a thick magenta ring.";
  }

  public String getFirstOutcry() {
    return Shown.day(firm.firstOutcryDay, "none");
  }

  public String nameFirstOutcry() {
    return "First outcry";
  }

  public String getReputation() {
    return Shown.number(firm.reputation) + " (0 to 1)";
  }

  public String nameReputation() {
    return "Reputation";
  }

  public String getCapability() {
    return Shown.number(firm.capability);
  }

  public String nameCapability() {
    return "Capability (quality index)";
  }

  public String getAlignment() {
    return Shown.number(firm.alignment) + " (0 to 1)";
  }

  public String nameAlignment() {
    return "Value alignment";
  }

  public String desAlignment() {
    return "Intrinsic value alignment (M6), fixed at entry.";
  }

  public String getComplaintsThisStep() {
    return Shown.count(firm.complaints, "complaint", "complaints");
  }

  public String nameComplaintsThisStep() {
    return "Complaints this step";
  }

  /** The communities the firm belongs to, by id. */
  public String getCommunities() {
    StringJoiner j = new StringJoiner(", ");
    for (int c = firm.memberships.nextSetBit(0); c >= 0; c = firm.memberships.nextSetBit(c + 1)) {
      Community com = c < world.communities.size() ? world.communities.get(c) : null;
      j.add("C" + c + (com != null && !com.active ? " (dissolved)" : ""));
    }
    String s = j.toString();
    return s.isEmpty() ? "none" : s;
  }

  public String nameCommunities() {
    return "Member of";
  }

  public String getHomeJurisdiction() {
    return "J" + firm.homeJurisdiction;
  }

  public String nameHomeJurisdiction() {
    return "Home jurisdiction";
  }

  /** The jurisdictions the firm is licensed to serve. */
  public String getServes() {
    List<String> js = new ArrayList<>();
    for (int j = 0; j < world.jurisdictions; j++) if (firm.serves(j)) js.add("J" + j);
    return js.isEmpty() ? "none (licenses revoked)" : String.join(", ", js);
  }

  public String nameServes() {
    return "Licensed in";
  }

  public String getComplianceCost() {
    return Shown.number(firm.complianceCostPercent) + " % of revenue a year";
  }

  public String nameComplianceCost() {
    return "Compliance cost";
  }

  public String desComplianceCost() {
    return "Annual compliance cost as % of revenue at the firm's last review.";
  }

  public String getRevenueThisStep() {
    return Shown.number(firm.revenueStep, "currency");
  }

  public String nameRevenueThisStep() {
    return "Revenue this step";
  }

  public String getFinesThisStep() {
    return Shown.number(firm.finesStep, "currency");
  }

  public String nameFinesThisStep() {
    return "Fines this step";
  }

  @Override
  public String toString() {
    return "Firm " + firm.id;
  }
}
