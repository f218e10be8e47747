package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.model.ModelSpec;
import govsim.model.Regime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sim.portrayal.SimpleInspector;
import sim.util.Interval;
import sim.util.gui.PropertyField;

/**
 * The Model tab: out-of-range input is refused visibly (the refusal reaches the user, the value
 * stays), accepted input takes effect at the next start, ranges and tooltips come from the scenario
 * schema, a regime change applies the regime's preset, and loading a bad file is refused with the
 * loader's report. Runs without a display: MASON's inspector panel is built (lightweight Swing
 * works headless) but never shown.
 */
class ModelTabTest {
  @TempDir Path tmp;

  private ScenarioSession session;
  private final List<String> refusals = new ArrayList<>();
  private int changes;
  private ModelParameters tab;

  @BeforeEach
  void open() throws Exception {
    session = ScenarioSession.open(GuiTestSupport.smallScenario(tmp), List.of());
    tab = new ModelParameters(session, () -> null, refusals::add, () -> changes++);
  }

  @Test
  void outOfRangeInputTypedIntoTheTabIsRefusedVisibly() throws Exception {
    GovSimWithUI gui = new GovSimWithUI(session);
    ModelParameters guiTab =
        new ModelParameters(session, () -> null, refusals::add, () -> changes++);
    PropertyField field = field(new SimpleInspector(guiTab, gui), "0.05");
    // What MASON does with text typed into the field and Enter: newValue, then show its result.
    field.setValue(field.newValue("500"));
    assertEquals(1, refusals.size(), "the refusal went to the user");
    assertTrue(
        refusals.get(0).contains("users.switching_cost_mean")
            && refusals.get(0).contains("[0, 100]")
            && refusals.get(0).contains("500"),
        refusals.get(0));
    assertEquals("0.05", field.getValue(), "the field shows the unchanged value again");
    assertEquals(0.05, session.spec().users().switchingCostMean());
    assertEquals(0, changes);

    field.setValue(field.newValue("0.2"));
    assertEquals(1, refusals.size());
    assertEquals(0.2, session.spec().users().switchingCostMean());
  }

  @Test
  void everyNumberIsValidatedAgainstTheSchemaRange() {
    tab.setLegislativeLagDays(-1);
    tab.setAttentionRatePerDay(1e6);
    tab.setAgendaThreshold(Double.NaN);
    tab.setAuditRatePerYear(366);
    tab.setSeed(-5);
    assertEquals(5, refusals.size(), String.join("\n", refusals));
    assertTrue(refusals.get(0).contains("rulemaking.legislative_lag_days"), refusals.get(0));
    assertTrue(refusals.get(4).contains("seed"), refusals.get(4));
    assertEquals(1217.0, tab.getLegislativeLagDays());
    assertEquals(11, tab.getSeed());
    assertEquals(0, changes);
  }

  @Test
  void acceptedChangesTakeEffectAtTheNextStart() {
    GovSimWithUI gui = new GovSimWithUI(session);
    gui.start();
    Map<String, Object> running = session.resolved();
    ModelParameters t = new ModelParameters(session, () -> running, refusals::add, () -> changes++);
    assertEquals("none", t.getPendingChanges());
    t.setStandardLagDays(90);
    t.setBackstop(false);
    assertEquals(2, changes);
    assertTrue(refusals.isEmpty(), String.join("\n", refusals));
    assertEquals(
        243.0,
        gui.model().spec().communities().standardLagDays(),
        "the run on screen keeps its settings");
    assertTrue(
        t.getPendingChanges().contains("communities.standard_lag_days: 243 \u2192 90"),
        t.getPendingChanges());
    assertTrue(
        t.getPendingChanges().contains("synergy.backstop: true \u2192 false"),
        t.getPendingChanges());
    gui.finish();
    gui.start();
    assertEquals(
        90.0, gui.model().spec().communities().standardLagDays(), "the next start runs the change");
    assertFalse(gui.model().spec().synergy().backstop());
    gui.finish();
  }

  @Test
  void rangesAndTooltipsComeFromTheSchema() {
    assertEquals(
        new Interval(0.0, 100.0).getMax(), ((Interval) tab.domSwitchingCostMean()).getMax());
    assertEquals(0.0, ((Interval) tab.domAuditRatePerYear()).getMin().doubleValue());
    assertEquals(365.0, ((Interval) tab.domAuditRatePerYear()).getMax().doubleValue());
    assertNull(tab.domLegislativeLagDays(), "too wide a range for a slider: a text field");
    assertTrue(
        tab.desLegislativeLagDays().contains("[0, 36500]")
            && tab.desLegislativeLagDays().contains("days"),
        tab.desLegislativeLagDays());
    assertEquals("users.switching_cost_mean", tab.nameSwitchingCostMean());
    assertEquals(
        List.of("laissez_faire", "centralized", "distributed", "hybrid"),
        List.of((String[]) tab.domRegime()));
  }

  @Test
  void changingTheRegimeAppliesItsPresetAndKeepsOtherChanges() {
    tab.setSwitchingCostMean(0.3);
    tab.setRegime(List.of(Regime.values()).indexOf(Regime.CENTRALIZED));
    assertTrue(refusals.isEmpty(), String.join("\n", refusals));
    ModelSpec s = session.spec();
    assertEquals(Regime.CENTRALIZED, s.regime());
    assertTrue(s.rulemaking().enabled() && s.enforcement().enabled());
    assertFalse(s.communities().enabled(), "the centralized preset switches communities off");
    assertFalse(s.synergy().backstop());
    assertEquals(0.3, s.users().switchingCostMean(), "the earlier change survives the reload");
    assertEquals(0.0, s.rulemaking().minSeverity(), "hybrid's min_severity preset is gone");
    tab.setRegime(99);
    assertEquals(1, refusals.size());
  }

  @Test
  void loadingAnotherFileIsValidatedAndABadOneRefused() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\nusers: {count: 0}\nfirms: {cuont: 3}\n");
    String refusal = session.loadFile(bad).orElseThrow();
    assertTrue(
        refusal.contains("users.count")
            && refusal.contains("cuont")
            && refusal.contains("2 errors"),
        refusal);
    assertEquals("gui-small", session.spec().name(), "the scenario is unchanged");

    tab.setSwitchingCostMean(0.3);
    Path good = tmp.resolve("good.yaml");
    Files.writeString(good, "name: good\nregime: distributed\n");
    assertTrue(session.loadFile(good).isEmpty());
    assertEquals("good", session.spec().name());
    assertEquals(
        0.05,
        session.spec().users().switchingCostMean(),
        "Model-tab changes do not carry over to another file");
    assertTrue(session.edits().isEmpty());
  }

  /** The inspector's field currently showing {@code value}. */
  private static PropertyField field(java.awt.Container c, String value) {
    for (java.awt.Component k : c.getComponents()) {
      if (k instanceof PropertyField f && value.equals(f.getValue())) return f;
      if (k instanceof java.awt.Container inner) {
        PropertyField f = field(inner, value);
        if (f != null) return f;
      }
    }
    return null;
  }
}
