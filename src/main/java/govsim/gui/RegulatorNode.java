package govsim.gui;

import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;

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

  public int getJurisdiction() {
    return regulator.jurisdiction;
  }

  public boolean getRulemaking() {
    return regulator.rulemaking;
  }

  public boolean getEnforcement() {
    return regulator.enforcement;
  }

  public boolean getTransparencyMandate() {
    return regulator.transparency;
  }

  public boolean getRecognizesCertification() {
    return regulator.recognizeCertification;
  }

  public boolean getSignals() {
    return regulator.signals;
  }

  public boolean getBackstop() {
    return regulator.backstop;
  }

  public boolean getProtectsVulnerable() {
    return regulator.protectVulnerable;
  }

  /** Rules in force on the current form of active risks. */
  public int getRulesInForce() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && regulator.rules.covers(r)) n++;
    return n;
  }

  /** Rules in the legislative pipeline (M2's lag). */
  public int getRulesDrafting() {
    int n = 0;
    for (Risk r : world.risks) if (r.active && regulator.rules.pending(r.id) != null) n++;
    return n;
  }

  /** Public salience of the most salient active risk in this jurisdiction (agenda setting, M2). */
  public double getTopSalience() {
    double top = 0;
    for (Risk r : world.risks)
      if (r.active) top = Math.max(top, r.salience[regulator.jurisdiction]);
    return top;
  }

  @Override
  public String toString() {
    return "Regulator J" + regulator.jurisdiction;
  }
}
