package govsim.gui;

import govsim.model.Regime;
import govsim.scenario.ParamInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import sim.util.Interval;

/**
 * The bean behind the Console's Model tab: the main scenario parameters, read from and written to a
 * {@link ScenarioSession}. MASON builds the tab from these getters and setters; {@code domX} gives
 * each key's allowed range from the scenario schema (a slider where the range is narrow enough for
 * one), {@code desX} its documentation as a tooltip, and {@code nameX} shows the scenario key
 * itself, so what a researcher changes here is what they would write in a file.
 *
 * <p>Unlike MASON's HeatBugs, a setter never drops or clamps a bad value: the session validates the
 * change like a scenario file and the refusal goes to {@code refusals} (a dialog in the GUI), while
 * the field shows the unchanged value again. Accepted changes take effect at the next start; {@link
 * #getPendingChanges()} lists them.
 *
 * <p>Not a model class: model classes stay free of bean conventions.
 */
public final class ModelParameters {
  static final String SWITCHING_COST = "users.switching_cost_mean";
  static final String ATTENTION = "users.attention_rate_per_day";
  static final String LEGISLATIVE_LAG = "rulemaking.legislative_lag_days";
  static final String AGENDA_THRESHOLD = "rulemaking.agenda_threshold";
  static final String INSPECTIONS = "enforcement.inspections_per_year";
  static final String STANDARD_LAG = "communities.standard_lag_days";
  static final String AUDIT_RATE = "assurance.audit_rate_per_year";
  static final String TRANSPARENCY = "synergy.transparency_mandate";
  static final String RECOGNITION = "synergy.recognize_certification";
  static final String SIGNALS = "synergy.signals";
  static final String BACKSTOP = "synergy.backstop";
  static final String PROTECT = "synergy.protect_vulnerable";

  /** Widest numeric range shown as a slider; wider ranges get a plain text field. */
  static final double SLIDER_SPAN = 400;

  static final List<String> REGIMES =
      List.of(Regime.values()).stream().map(Regime::yamlName).toList();

  private final ScenarioSession session;
  private final Supplier<Map<String, Object>> running;
  private final Consumer<String> refusals;
  private final Runnable changed;

  /**
   * @param session the scenario of the next start
   * @param running the resolved tree of the run on screen (null before the first start)
   * @param refusals receives the message of each refused change
   * @param changed called after each accepted change (to refresh the tab)
   */
  public ModelParameters(
      ScenarioSession session,
      Supplier<Map<String, Object>> running,
      Consumer<String> refusals,
      Runnable changed) {
    this.session = session;
    this.running = running;
    this.refusals = refusals;
    this.changed = changed;
  }

  // ---------------------------------------------------------------- status

  /** The scenario's file name (the full path is in the Console's title and the tooltip). */
  public String getScenario() {
    return shortOrigin(session.origin());
  }

  public String desScenario() {
    return "<html>Loaded from "
        + escape(session.origin())
        + ".<br>Scenario menu: load another file or replay a run"
        + " folder.</html>";
  }

  private static String shortOrigin(String origin) {
    String prefix = origin.startsWith("replay of ") ? "replay of " : "";
    java.nio.file.Path p = java.nio.file.Path.of(origin.substring(prefix.length()));
    return prefix + (p.getFileName() == null ? origin : p.getFileName().toString());
  }

  /** The changes that the next start will apply, relative to the run on screen. */
  public String getPendingChanges() {
    Map<String, Object> now = running.get();
    if (now == null) {
      Map<String, Object> edits = session.edits();
      if (edits.isEmpty()) return "none";
      List<String> list = new java.util.ArrayList<>();
      edits.forEach((k, v) -> list.add(k + " = " + v));
      return String.join("; ", list) + "  (applied when the run starts)";
    }
    List<String> diff = session.differencesFrom(now);
    if (diff.isEmpty()) return "none";
    return String.join("; ", diff) + "  (at next start: Stop, then Play)";
  }

  public String namePendingChanges() {
    return "Pending changes";
  }

  public String desPendingChanges() {
    return "Changes made here take effect when the simulation is next started; the run on screen keeps its settings.";
  }

  // ---------------------------------------------------------------- regime and seed

  public int getRegime() {
    return REGIMES.indexOf(String.valueOf(session.value("regime")));
  }

  public void setRegime(int index) {
    if (index < 0 || index >= REGIMES.size()) {
      refusals.accept(
          "regime: no regime number " + index + "; one of " + String.join(", ", REGIMES));
      return;
    }
    apply(session.setRegime(REGIMES.get(index)).orElse(null));
  }

  public Object domRegime() {
    return REGIMES.toArray(new String[0]);
  }

  public String nameRegime() {
    return "regime";
  }

  public String desRegime() {
    return describe(
        "regime",
        "Changing it reloads the scenario file with this regime's preset; keys the file"
            + " sets itself (a run folder's resolved scenario sets all of them) still win over the preset.");
  }

  public long getSeed() {
    return ((Number) session.value("seed")).longValue();
  }

  public void setSeed(long seed) {
    set("seed", seed);
  }

  public String nameSeed() {
    return "seed";
  }

  public String desSeed() {
    return describe(
        "seed", "The same scenario and seed replay the same run, in the GUI and in govsim run.");
  }

  // ---------------------------------------------------------------- numbers

  public double getSwitchingCostMean() {
    return number(SWITCHING_COST);
  }

  public void setSwitchingCostMean(double v) {
    set(SWITCHING_COST, v);
  }

  public Object domSwitchingCostMean() {
    return domain(SWITCHING_COST);
  }

  public String nameSwitchingCostMean() {
    return SWITCHING_COST;
  }

  public String desSwitchingCostMean() {
    return describe(SWITCHING_COST);
  }

  public double getAttentionRatePerDay() {
    return number(ATTENTION);
  }

  public void setAttentionRatePerDay(double v) {
    set(ATTENTION, v);
  }

  public Object domAttentionRatePerDay() {
    return domain(ATTENTION);
  }

  public String nameAttentionRatePerDay() {
    return ATTENTION;
  }

  public String desAttentionRatePerDay() {
    return describe(ATTENTION);
  }

  public double getLegislativeLagDays() {
    return number(LEGISLATIVE_LAG);
  }

  public void setLegislativeLagDays(double v) {
    set(LEGISLATIVE_LAG, v);
  }

  public Object domLegislativeLagDays() {
    return domain(LEGISLATIVE_LAG);
  }

  public String nameLegislativeLagDays() {
    return LEGISLATIVE_LAG;
  }

  public String desLegislativeLagDays() {
    return describe(LEGISLATIVE_LAG);
  }

  public double getAgendaThreshold() {
    return number(AGENDA_THRESHOLD);
  }

  public void setAgendaThreshold(double v) {
    set(AGENDA_THRESHOLD, v);
  }

  public Object domAgendaThreshold() {
    return domain(AGENDA_THRESHOLD);
  }

  public String nameAgendaThreshold() {
    return AGENDA_THRESHOLD;
  }

  public String desAgendaThreshold() {
    return describe(AGENDA_THRESHOLD);
  }

  public double getInspectionsPerYear() {
    return number(INSPECTIONS);
  }

  public void setInspectionsPerYear(double v) {
    set(INSPECTIONS, v);
  }

  public Object domInspectionsPerYear() {
    return domain(INSPECTIONS);
  }

  public String nameInspectionsPerYear() {
    return INSPECTIONS;
  }

  public String desInspectionsPerYear() {
    return describe(INSPECTIONS);
  }

  public double getStandardLagDays() {
    return number(STANDARD_LAG);
  }

  public void setStandardLagDays(double v) {
    set(STANDARD_LAG, v);
  }

  public Object domStandardLagDays() {
    return domain(STANDARD_LAG);
  }

  public String nameStandardLagDays() {
    return STANDARD_LAG;
  }

  public String desStandardLagDays() {
    return describe(STANDARD_LAG);
  }

  public double getAuditRatePerYear() {
    return number(AUDIT_RATE);
  }

  public void setAuditRatePerYear(double v) {
    set(AUDIT_RATE, v);
  }

  public Object domAuditRatePerYear() {
    return domain(AUDIT_RATE);
  }

  public String nameAuditRatePerYear() {
    return AUDIT_RATE;
  }

  public String desAuditRatePerYear() {
    return describe(AUDIT_RATE);
  }

  // ---------------------------------------------------------------- synergy switches (M11)

  public boolean getTransparencyMandate() {
    return flag(TRANSPARENCY);
  }

  public void setTransparencyMandate(boolean v) {
    set(TRANSPARENCY, v);
  }

  public String nameTransparencyMandate() {
    return TRANSPARENCY;
  }

  public String desTransparencyMandate() {
    return describe(TRANSPARENCY);
  }

  public boolean getRecognizeCertification() {
    return flag(RECOGNITION);
  }

  public void setRecognizeCertification(boolean v) {
    set(RECOGNITION, v);
  }

  public String nameRecognizeCertification() {
    return RECOGNITION;
  }

  public String desRecognizeCertification() {
    return describe(RECOGNITION);
  }

  public boolean getSignals() {
    return flag(SIGNALS);
  }

  public void setSignals(boolean v) {
    set(SIGNALS, v);
  }

  public String nameSignals() {
    return SIGNALS;
  }

  public String desSignals() {
    return describe(SIGNALS);
  }

  public boolean getBackstop() {
    return flag(BACKSTOP);
  }

  public void setBackstop(boolean v) {
    set(BACKSTOP, v);
  }

  public String nameBackstop() {
    return BACKSTOP;
  }

  public String desBackstop() {
    return describe(BACKSTOP);
  }

  public boolean getProtectVulnerable() {
    return flag(PROTECT);
  }

  public void setProtectVulnerable(boolean v) {
    set(PROTECT, v);
  }

  public String nameProtectVulnerable() {
    return PROTECT;
  }

  public String desProtectVulnerable() {
    return describe(PROTECT);
  }

  // ---------------------------------------------------------------- helpers

  private double number(String path) {
    return ((Number) session.value(path)).doubleValue();
  }

  private boolean flag(String path) {
    return (Boolean) session.value(path);
  }

  private void set(String path, Object value) {
    apply(session.set(path, value).orElse(null));
  }

  private void apply(String refusal) {
    if (refusal != null) {
      refusals.accept(refusal);
    } else {
      changed.run();
    }
  }

  /** The schema's range as a MASON domain: a slider for narrow finite ranges, else none. */
  Object domain(String path) {
    ParamInfo p = session.info(path);
    if (Double.isInfinite(p.min()) || Double.isInfinite(p.max()) || p.max() - p.min() > SLIDER_SPAN)
      return null;
    return new Interval(p.min(), p.max());
  }

  /** Tooltip: the key's documentation, unit and allowed range from the schema. */
  String describe(String path) {
    return describe(path, "");
  }

  private String describe(String path, String note) {
    ParamInfo p = session.info(path);
    StringBuilder sb = new StringBuilder("<html><b>").append(p.path()).append("</b>");
    if (!p.unit().isEmpty()) sb.append(" [").append(p.unit()).append("]");
    sb.append("<br>").append(escape(p.doc()));
    sb.append("<br>Allowed: ")
        .append(escape(p.rangeText()))
        .append("; default ")
        .append(escape(p.defaultText()));
    if (!note.isEmpty()) sb.append("<br>").append(escape(note));
    return sb.append("</html>").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
