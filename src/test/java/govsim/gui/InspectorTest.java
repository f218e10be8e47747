package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.model.GovSimModel;
import govsim.model.Scenarios;
import govsim.world.Firm;
import govsim.world.World;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sim.util.Properties;

/**
 * The node inspectors: values rounded with their units and words for what is undefined (Shown, by
 * hand), human-readable labels (MASON reads each {@code nameX}), and no raw floating-point value
 * left in any row. Needs no display.
 */
class InspectorTest {
  @TempDir Path tmp;

  @Test
  void numbersAreRoundedWithUnitsAndUndefinedIsAWord() {
    assertEquals("12.3 %", Shown.percent(0.1234, "none"));
    assertEquals("100.0 %", Shown.percent(1, "none"));
    assertEquals("none", Shown.percent(Double.NaN, "none"));
    assertEquals("0.738", Shown.number(0.738471));
    assertEquals("0.00123", Shown.number(0.0012345));
    assertEquals("1.23", Shown.number(1.2345));
    assertEquals("12.3", Shown.number(12.345));
    assertEquals("1,235", Shown.number(1234.5));
    assertEquals("3", Shown.number(3.0));
    assertEquals("0", Shown.number(0));
    assertEquals("undefined", Shown.number(Double.NaN));
    assertEquals("0.738 currency", Shown.number(0.738471, "currency"));
    assertEquals("1 user", Shown.count(1, "user", "users"));
    assertEquals("12,345 users", Shown.count(12_345, "user", "users"));
    assertEquals("never", Shown.day(Double.NaN, "never"));
    assertEquals("day 57", Shown.day(57, "never"));
    assertEquals("day 4, 23:00", Shown.day(4 + 23 / 24.0, "never"));
  }

  @Test
  void inspectorsShowLabelsAndRoundedValuesOfTheLiveWorld() throws Exception {
    GovSimModel m =
        new GovSimModel(
            Scenarios.load(GuiTestSupport.smallScenario(tmp), List.of("time.horizon_days=60"))
                .config());
    m.start();
    for (int i = 0; i < 45; i++) m.schedule.step(m);
    World w = m.world();
    NodeActivity a = new NodeActivity();
    Firm f0 = w.firms.get(0);
    FirmNode firm = new FirmNode(w, f0, a);
    assertEquals("F0", firm.getId());
    assertEquals(Shown.percent(f0.users / (double) w.users.size, ""), firm.getMarketShare());
    assertEquals(String.format(java.util.Locale.ROOT, "%,d users", f0.users), firm.getUsers());
    List<NetworkNode> nodes = new ArrayList<>();
    nodes.add(firm);
    nodes.add(new CommunityNode(w, w.communities.get(0), a));
    nodes.add(new RegulatorNode(w, w.regulators[0], a));
    for (NetworkNode n : nodes) {
      Properties p = Properties.getProperties(n);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < p.numProperties(); i++) {
        names.add(p.getName(i));
        Object v = p.getValue(i);
        assertFalse(
            v instanceof Double || v instanceof Float,
            n + ": " + p.getName(i) + " shows a raw number " + v);
        assertFalse(String.valueOf(v).contains("NaN"), n + ": " + p.getName(i) + " = " + v);
      }
      assertTrue(names.stream().noneMatch(s -> s.matches("[A-Z][a-z]+[A-Z].*")), n + ": " + names);
    }
    Properties fp = Properties.getProperties(firm);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < fp.numProperties(); i++) names.add(fp.getName(i));
    assertTrue(names.contains("Market share (of all users)"), names.toString());
    assertTrue(names.contains("Compliance cost"), names.toString());
  }

  /** Edges of one kind in the network, as "R<j>-F<id>" strings. */
  private static java.util.Set<String> edges(GovernanceNetwork net, GovernanceNetwork.LinkKind kind) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Object o : net.links().getAllNodes()) {
      for (Object e : net.links().getEdgesOut(o)) {
        sim.field.network.Edge edge = (sim.field.network.Edge) e;
        if (edge.info != kind) continue;
        out.add(edge.getFrom() + "-" + edge.getTo());
      }
    }
    return out;
  }

  @Test
  void theNetworkLinksARegulatorToTheFirmsItsRulesBindAndToThoseItInspectedThisMonth()
      throws Exception {
    GovSimModel m =
        new GovSimModel(
            Scenarios.load(
                    GuiTestSupport.smallScenario(tmp),
                    List.of("regime=centralized", "rulemaking.initial_rules_share=1", "time.horizon_days=60"))
                .config());
    m.start();
    m.schedule.step(m);
    World w = m.world();
    for (Firm f : w.firms) f.lastInspectedJurisdiction = -1;
    // By hand: firm 1 inspected 10 days ago (drawn), firm 2 40 days ago (no longer drawn), firm 3
    // 10 days ago by another jurisdiction's regulator (not this one's link).
    w.firms.get(1).lastInspectedJurisdiction = 0;
    w.firms.get(1).lastInspectedDay = w.now - 10;
    w.firms.get(2).lastInspectedJurisdiction = 0;
    w.firms.get(2).lastInspectedDay = w.now - 40;
    w.firms.get(3).lastInspectedJurisdiction = 1;
    w.firms.get(3).lastInspectedDay = w.now - 10;
    GovernanceNetwork net = new GovernanceNetwork();
    net.reset(w, new NodeActivity(), w.firms.size());
    assertEquals(
        java.util.Set.of("Regulator J0-Firm 1"), edges(net, GovernanceNetwork.LinkKind.INSPECTED));
    boolean rules = false;
    for (govsim.world.Risk r : w.risks) rules |= r.active && w.regulators[0].rules.covers(r);
    java.util.Set<String> bound = new java.util.TreeSet<>();
    if (rules)
      for (Firm f : w.firms)
        if (f.active && f.serves(0) && f.id != 1) bound.add("Regulator J0-Firm " + f.id);
    assertEquals(bound, edges(net, GovernanceNetwork.LinkKind.RULE_BINDS));
    assertTrue(rules, "the small centralized world starts with rules in force (rulemaking.initial_rules_share=1)");
  }
}
