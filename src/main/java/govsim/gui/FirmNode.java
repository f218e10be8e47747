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

  public int getId() {
    return firm.id;
  }

  public boolean isActive() {
    return firm.active;
  }

  public String desActive() {
    return "False once the firm has exited the market (M9) or lost every license (M3).";
  }

  public int getUsers() {
    return firm.users;
  }

  public double getMarketShare() {
    return firm.users / (double) world.users.size;
  }

  public String desMarketShare() {
    return "Share of all users served by the firm; the node's area grows with it.";
  }

  /**
   * Share of the active known risks that the firm mitigates, or NaN when no risk is active and
   * known. The node's colour: red for none, green for all.
   */
  public double getMitigationShare() {
    int known = 0;
    int mitigated = 0;
    for (Risk r : world.risks) {
      if (!r.active || !r.known) continue;
      known++;
      if (firm.mitigates.get(r.id)) mitigated++;
    }
    return known == 0 ? Double.NaN : mitigated / (double) known;
  }

  public String desMitigationShare() {
    return "Share of active known risks the firm mitigates (the node's colour: red none, green all).";
  }

  /** Active known risks the firm mitigates where a rule or standard binds it. */
  public int getGovernedRisksComplied() {
    int n = 0;
    for (Risk r : world.risks) {
      if (r.active
          && r.known
          && firm.mitigates.get(r.id)
          && Governance.of(world, firm, r).governed()) n++;
    }
    return n;
  }

  public int getActiveKnownRisks() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && r.known) n++;
    return n;
  }

  public boolean getHarmfulPractice() {
    return firm.practice;
  }

  public String desHarmfulPractice() {
    return "Whether the firm runs the user-visible harmful practice (M5/M6); shown as a thick magenta ring.";
  }

  public double getPracticeAdoptedDay() {
    return firm.practiceAdoptedDay;
  }

  public double getFirstOutcryDay() {
    return firm.firstOutcryDay;
  }

  public double getReputation() {
    return firm.reputation;
  }

  public double getCapability() {
    return firm.capability;
  }

  public double getAlignment() {
    return firm.alignment;
  }

  public String desAlignment() {
    return "Intrinsic value alignment (M6), fixed at entry.";
  }

  public int getComplaintsThisStep() {
    return firm.complaints;
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

  public int getHomeJurisdiction() {
    return firm.homeJurisdiction;
  }

  /** The jurisdictions the firm is licensed to serve. */
  public String getServes() {
    List<String> js = new ArrayList<>();
    for (int j = 0; j < world.jurisdictions; j++) if (firm.serves(j)) js.add("J" + j);
    return js.isEmpty() ? "none (licenses revoked)" : String.join(", ", js);
  }

  public double getComplianceCostPercent() {
    return firm.complianceCostPercent;
  }

  public String desComplianceCostPercent() {
    return "Annual compliance cost as % of revenue at the firm's last review.";
  }

  public double getRevenueThisStep() {
    return firm.revenueStep;
  }

  public double getFinesThisStep() {
    return firm.finesStep;
  }

  @Override
  public String toString() {
    return "Firm " + firm.id;
  }
}
