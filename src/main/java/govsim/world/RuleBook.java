package govsim.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one rule-maker, indexed by risk: the newest rule for each risk (in force or in
 * preparation) and, while a newer one is being prepared, the one still in force.
 */
public final class RuleBook implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Rule> current = new ArrayList<>();
  private final List<Rule> pending = new ArrayList<>();

  /** The rule in force on the risk (or null). */
  public Rule inForce(int riskId) {
    return riskId < current.size() ? current.get(riskId) : null;
  }

  /** The rule being prepared on the risk (or null). */
  public Rule pending(int riskId) {
    return riskId < pending.size() ? pending.get(riskId) : null;
  }

  public void startPending(Rule rule) {
    set(pending, rule.riskId, rule);
  }

  /** Brings a pending rule into force if its day has come; returns it if it did. */
  public Rule promoteIfDue(int riskId, double now) {
    Rule p = pending(riskId);
    if (p != null && p.effectiveDay <= now + 1e-9) {
      p.effective = true;
      set(current, riskId, p);
      set(pending, riskId, null);
      return p;
    }
    return null;
  }

  /** Whether the rule-maker has a rule in force covering the risk's current form. */
  public boolean covers(Risk risk) {
    Rule r = inForce(risk.id);
    return r != null && r.covers(risk);
  }

  /** Whether a rule for the risk's current form is in force or in preparation. */
  public boolean addresses(Risk risk) {
    if (covers(risk)) return true;
    Rule p = pending(risk.id);
    return p != null && p.generation == risk.generation;
  }

  private static void set(List<Rule> list, int index, Rule rule) {
    while (list.size() <= index) list.add(null);
    list.set(index, rule);
  }
}
