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

  public int getId() {
    return community.id;
  }

  public boolean isActive() {
    return community.active;
  }

  public int getMembers() {
    return community.size();
  }

  public double getStringency() {
    return community.stringency;
  }

  public String desStringency() {
    return "How demanding its rules are (0-1).";
  }

  public double getAssurance() {
    return community.assurance;
  }

  public String desAssurance() {
    return "Technical assurance (M8): the probability that an audit detects a member's violation.";
  }

  public double getFormedDay() {
    return community.formedDay;
  }

  /** Standards in force on the current form of active risks. */
  public int getStandardsInForce() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && community.standards.covers(r)) n++;
    return n;
  }

  /** Standards being drafted (M7's size-dependent lag). */
  public int getStandardsDrafting() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && community.standards.pending(r.id) != null) n++;
    return n;
  }

  /** The jurisdictions whose regulators recognise its certificate (M10). */
  public String getRecognizedBy() {
    List<String> js = new ArrayList<>();
    for (int j = 0; j < world.jurisdictions; j++) if (community.recognizedBy(j)) js.add("J" + j);
    return js.isEmpty() ? "none" : String.join(", ", js);
  }

  public String getMemberFirms() {
    List<String> ids = new ArrayList<>();
    for (int f = community.members.nextSetBit(0); f >= 0; f = community.members.nextSetBit(f + 1))
      ids.add("F" + f);
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }

  @Override
  public String toString() {
    return "Community " + community.id;
  }
}
