package govsim.gui;

import govsim.world.Community;
import govsim.world.Risk;
import govsim.world.World;
import java.util.ArrayList;
import java.util.List;

/**
 * A compliance community (M7, M8) as the GUI shows it: a node of the network display and a
 * read-only inspector over the live {@link Community}.
 */
public final class CommunityNode extends NetworkNode {
  private final Community community;

  CommunityNode(World world, Community community, NodeActivity activity) {
    super(world, activity);
    this.community = community;
  }

  Community community() {
    return community;
  }

  @Override
  String key() {
    return NodeActivity.community(community.id);
  }

  int id() {
    return community.id;
  }

  /** False once the community has dissolved. */
  boolean active() {
    return community.active;
  }

  int members() {
    return community.size();
  }

  public String getId() {
    return "C" + community.id;
  }

  public String nameId() {
    return "Community";
  }

  public String getStatus() {
    return community.active ? "active, formed " + Shown.day(community.formedDay, "at the start") : "dissolved";
  }

  public String nameStatus() {
    return "Status";
  }

  public String getMembers() {
    return Shown.count(community.size(), "firm", "firms");
  }

  public String nameMembers() {
    return "Members";
  }

  public String getStringency() {
    return Shown.number(community.stringency) + " (0 to 1)";
  }

  public String nameStringency() {
    return "Stringency";
  }

  public String desStringency() {
    return "How demanding its rules are (0-1).";
  }

  public String getAssurance() {
    return Shown.percent(community.assurance, "none") + " of violations found per audit";
  }

  public String nameAssurance() {
    return "Assurance (M8)";
  }

  public String desAssurance() {
    return "Technical assurance (M8): the probability that an audit detects a member's violation.";
  }

  int standardsInForce() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && community.standards.covers(r)) n++;
    return n;
  }

  /** Standards in force on the current form of active risks. */
  public String getStandardsInForce() {
    return Shown.count(standardsInForce(), "standard", "standards") + " on active risks";
  }

  public String nameStandardsInForce() {
    return "Standards in force";
  }

  /** Standards being drafted (M7's size-dependent lag). */
  public String getStandardsDrafting() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && community.standards.pending(r.id) != null) n++;
    return Shown.count(n, "standard", "standards");
  }

  public String nameStandardsDrafting() {
    return "Standards being drafted";
  }

  /** The jurisdictions whose regulators recognise its certificate (M10). */
  public String getRecognizedBy() {
    List<String> js = new ArrayList<>();
    for (int j = 0; j < world.jurisdictions; j++) if (community.recognizedBy(j)) js.add("J" + j);
    return js.isEmpty() ? "none" : String.join(", ", js);
  }

  public String nameRecognizedBy() {
    return "Certificate recognised by (M10)";
  }

  public String getMemberFirms() {
    List<String> ids = new ArrayList<>();
    for (int f = community.members.nextSetBit(0); f >= 0; f = community.members.nextSetBit(f + 1))
      ids.add("F" + f);
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }

  public String nameMemberFirms() {
    return "Member firms";
  }

  @Override
  public String toString() {
    return "Community " + community.id;
  }
}
