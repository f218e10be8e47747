package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.model.EventType;
import govsim.model.Regime;
import govsim.scenario.ParamInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parameters tab: every key of the schema is listed once under its section's header, the
 * search narrows the list, a typed value is read and validated like a {@code --set} value (refused
 * visibly when out of range or unreadable, the old value kept), and every value as shown reads back
 * as the same scenario. Runs without a display (a JTable is lightweight Swing).
 */
class ParameterPanelTest {
  @TempDir Path tmp;

  private ScenarioSession session;
  private final List<String> refusals = new ArrayList<>();
  private int changes;
  private ParameterPanel panel;

  @BeforeEach
  void open() throws Exception {
    session = ScenarioSession.open(GuiTestSupport.smallScenario(tmp), List.of());
    panel = new ParameterPanel(session, refusals::add, () -> changes++);
  }

  private static List<String> keys(List<ParameterPanel.Row> rows) {
    return rows.stream().filter(r -> !r.header()).map(r -> r.info().path()).toList();
  }

  @Test
  void everyKeyOfTheSchemaIsListedOnceUnderItsSection() {
    List<String> expected = new ArrayList<>();
    for (ParamInfo p : session.params())
      if (!p.isSection() && !p.path().contains("[]")) expected.add(p.path());
    List<ParameterPanel.Row> rows = panel.shownRows();
    assertEquals(expected, keys(rows));
    assertEquals(expected.size(), panel.keyCount());
    assertTrue(expected.size() > 150, "the whole schema, not the Model tab's 16 keys");
    // Each key under a section sits below that section's header.
    String header = "";
    for (ParameterPanel.Row r : rows) {
      if (r.header()) header = r.info().path();
      else if (r.info().path().contains("."))
        assertTrue(r.info().path().startsWith(header + "."), r.info().path() + " under " + header);
    }
    assertTrue(keys(rows).contains("events"), "a list of records is edited as one key");
  }

  @Test
  void searchNarrowsToKeysWithEveryWord() {
    panel.filter("switching cost");
    List<ParameterPanel.Row> rows = panel.shownRows();
    List<String> keys = keys(rows);
    assertTrue(keys.contains("users.switching_cost_mean"), keys.toString());
    for (ParameterPanel.Row r : rows) {
      if (r.header()) continue;
      String hay = (r.info().path() + " " + r.info().doc()).toLowerCase();
      assertTrue(hay.contains("switching") && hay.contains("cost"), r.info().path());
    }
    assertEquals("users", rows.get(0).info().path(), "the section header comes first");
    assertTrue(rows.get(0).header());
    panel.filter("no key has this zzz");
    assertEquals(List.of(), panel.shownRows());
    panel.filter("");
    assertEquals(panel.keyCount(), keys(panel.shownRows()).size());
  }

  @Test
  void anAcceptedValueTakesEffectAndAnOutOfRangeOneIsRefusedVisibly() {
    assertEquals("0.05", panel.shown("users.switching_cost_mean"));
    assertTrue(panel.edit("users.switching_cost_mean", "0.2"));
    assertEquals(0.2, session.spec().users().switchingCostMean());
    assertEquals(1, changes);
    assertEquals(0.2, session.edits().get("users.switching_cost_mean"));

    assertFalse(panel.edit("users.switching_cost_mean", "500"));
    assertEquals(1, refusals.size());
    assertTrue(
        refusals.get(0).contains("users.switching_cost_mean")
            && refusals.get(0).contains("[0, 100]")
            && refusals.get(0).contains("500"),
        refusals.get(0));
    assertEquals(0.2, session.spec().users().switchingCostMean(), "the old value stays");

    assertFalse(panel.edit("users.switching_cost_mean", "cheap"));
    assertTrue(refusals.get(1).contains("users.switching_cost_mean"), refusals.get(1));
    assertFalse(panel.edit("users.switching_cost_mean", "[1,"), "unreadable YAML is refused");
    assertEquals(3, refusals.size());
    assertEquals(1, changes, "refusals change nothing");
  }

  @Test
  void typedThroughTheTableCellAsAUserWould() {
    panel.filter("users.count");
    int row = keys(panel.shownRows()).indexOf("users.count") + 1; // after the header row
    assertEquals("  count", panel.table().getValueAt(row, 0), "shown under its header");
    panel.table().setValueAt("2500", row, 1);
    assertEquals(2500, session.spec().users().count());
    assertEquals("2500", panel.table().getValueAt(row, 1));
  }

  @Test
  void enumsBooleansAndListsAreEditable() {
    assertTrue(panel.edit("regime", "centralized"));
    assertEquals(Regime.CENTRALIZED, session.spec().regime());
    assertTrue(panel.edit("synergy.backstop", "false"));
    assertFalse(session.spec().synergy().backstop());
    assertTrue(
        panel.edit("events", "[{type: adopt_practice, at_day: 10, firm: 2}]"),
        String.join("\n", refusals));
    assertEquals(1, session.spec().events().size());
    assertEquals(EventType.ADOPT_PRACTICE, session.spec().events().get(0).type());
    assertEquals(10.0, session.spec().events().get(0).atDay());
    assertEquals(2, session.spec().events().get(0).firm());
    assertFalse(panel.edit("regime", "anarchy"));
    assertTrue(refusals.get(0).contains("laissez_faire"), refusals.get(0));
  }

  @Test
  void everyValueAsShownReadsBackAsTheSameScenario() {
    var before = session.resolved();
    for (String key : keys(panel.shownRows())) {
      assertTrue(panel.edit(key, panel.shown(key)), key + ": " + String.join("\n", refusals));
    }
    assertEquals(before, session.resolved());
  }
}
