package govsim.gui;

import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;
import java.util.ArrayList;
import java.util.List;

/**
 * A regulator, public power in one jurisdiction (M2, M3, M11), as the GUI shows it: a node of the
 * network display and a read-only inspector over the live {@link Regulator}.
 */
public final class RegulatorNode extends NetworkNode {
  private final Regulator regulator;

  RegulatorNode(World world, Regulator regulator, NodeActivity activity) {
    super(world, activity);
    this.regulator = regulator;
  }

  Regulator regulator() {
    return regulator;
  }

  @Override
  String key() {
    return NodeActivity.regulator(regulator.jurisdiction);
  }

  /** Whether the regulator acts at all (rule-making or enforcement). */
  boolean acts() {
    return regulator.rulemaking || regulator.enforcement;
  }

  int jurisdiction() {
    return regulator.jurisdiction;
  }

  public String getJurisdiction() {
    return "J" + regulator.jurisdiction;
  }

  public String nameJurisdiction() {
    return "Jurisdiction";
  }

  public String getPowers() {
    List<String> p = new ArrayList<>();
    if (regulator.rulemaking) p.add("rule-making (M2)");
    if (regulator.enforcement) p.add("enforcement (M3)");
    return p.isEmpty() ? "none in this regime" : String.join(", ", p);
  }

  public String namePowers() {
    return "Public powers";
  }

  public String getHybridPowers() {
    List<String> p = new ArrayList<>();
    if (regulator.transparency) p.add("transparency mandate");
    if (regulator.recognizeCertification) p.add("recognises certificates");
    if (regulator.signals) p.add("signals");
    if (regulator.backstop) p.add("severe-harm backstop");
    if (regulator.protectVulnerable) p.add("protects vulnerable users");
    return p.isEmpty() ? "none" : String.join(", ", p);
  }

  public String nameHybridPowers() {
    return "Hybrid powers (M11)";
  }

  /** Rules in force on the current form of active risks. */
  int rulesInForce() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && regulator.rules.covers(r)) n++;
    return n;
  }

  /** Rules in the legislative pipeline (M2's lag). */
  int rulesDrafting() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && regulator.rules.pending(r.id) != null) n++;
    return n;
  }

  public String getRulesInForce() {
    return Shown.count(rulesInForce(), "rule", "rules") + " on active risks";
  }

  public String nameRulesInForce() {
    return "Rules in force";
  }

  public String getRulesDrafting() {
    return Shown.count(rulesDrafting(), "rule", "rules") + " in the legislative pipeline";
  }

  public String nameRulesDrafting() {
    return "Rules being drafted";
  }

  public String getFirmsInspectedLastMonth() {
    int n = 0;
    for (govsim.world.Firm f : world.firms)
      if (f.lastInspectedJurisdiction == regulator.jurisdiction
          && world.now - f.lastInspectedDay < GovernanceNetwork.RECENT_DAYS) n++;
    return Shown.count(n, "firm", "firms");
  }

  public String nameFirmsInspectedLastMonth() {
    return "Firms inspected (last 30 days)";
  }

  /** Public salience of the most salient active risk in this jurisdiction (agenda setting, M2). */
  public String getTopSalience() {
    double top = 0;
    for (Risk r : world.risks)
      if (r.active) top = Math.max(top, r.salience[regulator.jurisdiction]);
    return Shown.number(top);
  }

  public String nameTopSalience() {
    return "Highest salience of an active risk";
  }

  public String desTopSalience() {
    return "Public salience of the most salient active risk here; a risk enters the agenda past rulemaking.agenda_threshold (M2).";
  }

  @Override
  public String toString() {
    return "Regulator J" + regulator.jurisdiction;
  }
}
