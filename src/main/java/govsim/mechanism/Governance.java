package govsim.mechanism;

import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.Rule;
import govsim.world.RuleBook;
import govsim.world.World;

/**
 * Which rules bind a firm on a risk, read from the world: the community standards of the
 * communities it belongs to (M7) and the regulators' rules of the jurisdictions it serves (M2).
 * Shared by the incident model, the firms' decisions, cost accounting (M10) and the compliance
 * metric, so that all of them agree on what "governed" means.
 */
public final class Governance {
  private Governance() {}

  /**
   * The rules binding one firm on one risk (current form only). {@code
   * regulatorAcceptsCertificate}: every regulator rule that binds is satisfied by a recognised
   * certificate (none is a rule set of its own). {@code costFactor}: the entrenchment factor of the
   * rule that sets the stringency (among equally stringent rules the smallest: the firm's controls
   * for the earlier, cheaper rule satisfy the later one), 1 without entrenchment (issue 13 item 2).
   */
  public record Binding(
      boolean byCommunity,
      boolean byRegulator,
      double maxStringency,
      int distinctRuleSets,
      boolean regulatorAcceptsCertificate,
      double costFactor) {
    /** A binding without entrenchment (cost factor 1). */
    public Binding(
        boolean byCommunity,
        boolean byRegulator,
        double maxStringency,
        int distinctRuleSets,
        boolean regulatorAcceptsCertificate) {
      this(
          byCommunity,
          byRegulator,
          maxStringency,
          distinctRuleSets,
          regulatorAcceptsCertificate,
          1.0);
    }

    public boolean governed() {
      return byCommunity || byRegulator;
    }
  }

  private static final Binding NONE = new Binding(false, false, 0.0, 0, false);

  /** The cost factor after meeting a binding rule (NaN before the first; see Binding). */
  private static double factorAfter(double factor, double stringency, Rule rule) {
    if (Double.isNaN(factor) || rule.stringency > stringency) return rule.costFactor;
    if (rule.stringency == stringency) return Math.min(factor, rule.costFactor);
    return factor;
  }

  public static Binding of(World w, Firm f, Risk r) {
    return of(w, f, r, -1, -1);
  }

  /**
   * The binding as if the firm were also a member of community {@code plus} and not a member of
   * community {@code minus} (-1 for neither): what a firm weighs when it considers joining or
   * leaving.
   */
  public static Binding of(World w, Firm f, Risk r, int plus, int minus) {
    Scratch b = new Scratch();
    if (!bind(w, f, r, plus, minus, b)) return NONE;
    return new Binding(
        b.byCommunity,
        b.byRegulator,
        b.maxStringency,
        b.distinctRuleSets,
        b.regulatorAcceptsCertificate,
        b.costFactor);
  }

  /**
   * A binding's components, filled by {@link #bind} without allocating: one per caller that asks
   * every step (the cost accounting), reused. Its fields mean those of {@link Binding}.
   */
  public static final class Scratch {
    public boolean byCommunity;
    public boolean byRegulator;
    public double maxStringency;
    public int distinctRuleSets;
    public boolean regulatorAcceptsCertificate;
    public double costFactor;

    public boolean governed() {
      return byCommunity || byRegulator;
    }
  }

  /**
   * {@link #of(World, Firm, Risk, int, int)} into {@code out}, whose fields become the binding's
   * (those of the empty binding when no rule binds); returns whether any rule binds.
   */
  public static boolean bind(World w, Firm f, Risk r, int plus, int minus, Scratch out) {
    boolean byCommunity = false;
    boolean byRegulator = false;
    double stringency = 0.0;
    double factor = Double.NaN;
    int ruleSets = 0;
    long certifiedRecognizedMask = 0L;
    for (int c = nextCommunity(f, plus, -1); c >= 0; c = nextCommunity(f, plus, c)) {
      if (c == minus) continue;
      Community com = w.communities.get(c);
      Rule std = com.standards.inForce(r.id);
      if (com.active && std != null && std.covers(r)) {
        byCommunity = true;
        factor = factorAfter(factor, stringency, std);
        stringency = Math.max(stringency, std.stringency);
        ruleSets++;
        certifiedRecognizedMask |= com.recognizedMask;
      }
    }
    boolean anyAccepted = false;
    boolean anyOwnRuleSet = false;
    for (Regulator reg : w.regulators) {
      if (!f.serves(reg.jurisdiction)) continue;
      Rule rule = reg.rules.inForce(r.id);
      if (rule != null && rule.covers(r)) {
        byRegulator = true;
        factor = factorAfter(factor, stringency, rule);
        stringency = Math.max(stringency, rule.stringency);
        // A recognised certificate stands in for this jurisdiction's rule set (M10, M11).
        if (reg.recognizeCertification
            && (certifiedRecognizedMask & (1L << reg.jurisdiction)) != 0) {
          anyAccepted = true;
        } else {
          ruleSets++;
          anyOwnRuleSet = true;
        }
      }
    }
    if (!byCommunity && !byRegulator) {
      out.byCommunity = false;
      out.byRegulator = false;
      out.maxStringency = NONE.maxStringency();
      out.distinctRuleSets = NONE.distinctRuleSets();
      out.regulatorAcceptsCertificate = NONE.regulatorAcceptsCertificate();
      out.costFactor = NONE.costFactor();
      return false;
    }
    out.byCommunity = byCommunity;
    out.byRegulator = byRegulator;
    out.maxStringency = stringency;
    out.distinctRuleSets = ruleSets;
    // The uniform-rule surcharge is waived only if every binding regulator accepts the certificate.
    out.regulatorAcceptsCertificate = anyAccepted && !anyOwnRuleSet;
    out.costFactor = factor;
    return true;
  }

  /**
   * The stringency of the most stringent rule binding the firm on the risk, {@code of(w, f,
   * r).maxStringency()}, or {@link #UNGOVERNED} when none binds ({@code !of(w, f, r).governed()}):
   * without building the binding, for the incidents' loop over every firm and risk each step. Rules
   * and standards are met in the same order as there, so the maximum is the same number.
   */
  public static double bindingStringency(World w, Firm f, Risk r) {
    boolean governed = false;
    double stringency = 0.0;
    for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
      Community com = w.communities.get(c);
      Rule std = com.standards.inForce(r.id);
      if (com.active && std != null && std.covers(r)) {
        governed = true;
        stringency = Math.max(stringency, std.stringency);
      }
    }
    for (Regulator reg : w.regulators) {
      if (!f.serves(reg.jurisdiction)) continue;
      Rule rule = reg.rules.inForce(r.id);
      if (rule != null && rule.covers(r)) {
        governed = true;
        stringency = Math.max(stringency, rule.stringency);
      }
    }
    return governed ? stringency : UNGOVERNED;
  }

  /**
   * {@link #bindingStringency} when no rule binds (a binding's stringency is at least 0, or NaN).
   */
  public static final double UNGOVERNED = -1.0;

  /**
   * Whether any rule binds the firm on the risk: {@code of(w, f, r).governed()} without building
   * the binding, for observers that run every step and must not allocate (the compliance metric).
   */
  public static boolean governed(World w, Firm f, Risk r) {
    for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
      Community com = w.communities.get(c);
      Rule std = com.standards.inForce(r.id);
      if (com.active && std != null && std.covers(r)) return true;
    }
    for (Regulator reg : w.regulators) {
      if (!f.serves(reg.jurisdiction)) continue;
      Rule rule = reg.rules.inForce(r.id);
      if (rule != null && rule.covers(r)) return true;
    }
    return false;
  }

  /**
   * The jurisdictions whose regulator has a rule in force on the risk's current form, bit j for
   * jurisdiction j: with it, {@link #governed(World, Firm, Risk, long)} answers for every firm
   * without asking each regulator again.
   */
  public static long regulatedJurisdictions(World w, Risk r) {
    long mask = 0L;
    for (Regulator reg : w.regulators) if (reg.rules.covers(r)) mask |= 1L << reg.jurisdiction;
    return mask;
  }

  /**
   * {@link #governed(World, Firm, Risk)}, given {@code regulated = regulatedJurisdictions(w, r)} of
   * the same state: a regulator's rule binds the firm exactly when it serves that regulator's
   * jurisdiction.
   */
  public static boolean governed(World w, Firm f, Risk r, long regulated) {
    if ((f.servesMask & regulated) != 0) return true;
    for (int c = f.memberships.nextSetBit(0); c >= 0; c = f.memberships.nextSetBit(c + 1)) {
      Community com = w.communities.get(c);
      Rule std = com.standards.inForce(r.id);
      if (com.active && std != null && std.covers(r)) return true;
    }
    return false;
  }

  /**
   * Share of the users exposed to the risk (the users of active firms: every active firm meets
   * every active risk) whose provider some rule in force on the risk's current form binds, NaN if
   * no active firm has users. A community standard binds the users of its members, a regulator's
   * rule the users of the firms serving its jurisdiction: binding is measured by users, not by a
   * rule's existence.
   */
  public static double boundUserShare(World w, Risk r) {
    long exposed = 0;
    long bound = 0;
    long regulated = regulatedJurisdictions(w, r);
    for (Firm f : w.firms) {
      if (!f.active || f.users == 0) continue;
      exposed += f.users;
      if (governed(w, f, r, regulated)) bound += f.users;
    }
    return exposed == 0 ? Double.NaN : bound / (double) exposed;
  }

  /**
   * Records, for each active known risk not yet effectively governed, the day its rules first bind
   * at least {@code share} of the exposed users ({@link Risk#effectiveRuleDay}). Called once at the
   * end of each step; allocation-free. The day is that of the latest rule on the risk that came
   * into force during this step (its exact day, so the gap keeps its sub-step time), or the end of
   * the step when the share was reached otherwise (firms joining a community, users switching).
   */
  public static void trackEffective(World w, double share) {
    double end = w.endOfStep();
    for (Risk r : w.risks) {
      if (!r.active || !r.known || !Double.isNaN(r.effectiveRuleDay)) continue;
      double bound = boundUserShare(w, r);
      if (!(bound >= share - 1e-12)) continue;
      double day = end;
      double latest = Double.NEGATIVE_INFINITY;
      for (Regulator reg : w.regulators) latest = Math.max(latest, newRuleDay(reg.rules, r, w));
      for (Community c : w.communities) {
        if (c.active) latest = Math.max(latest, newRuleDay(c.standards, r, w));
      }
      if (latest > Double.NEGATIVE_INFINITY) day = latest;
      r.effectiveRuleDay = Math.max(day, r.emergedDay);
    }
  }

  /** The in-force day of the rule-maker's rule on r if it came into force during this step. */
  private static double newRuleDay(RuleBook rules, Risk r, World w) {
    Rule rule = rules.inForce(r.id);
    if (rule == null || !rule.covers(r)) return Double.NEGATIVE_INFINITY;
    // Rules come into force at the end of the first step that reaches their day, so the ones
    // promoted during this step have their day in (start, end] of the step.
    return rule.effectiveDay > w.now + 1e-9 && rule.effectiveDay <= w.endOfStep() + 1e-9
        ? rule.effectiveDay
        : Double.NEGATIVE_INFINITY;
  }

  /** Next community id after {@code after} among the firm's memberships plus {@code plus}. */
  private static int nextCommunity(Firm f, int plus, int after) {
    int next = f.memberships.nextSetBit(after + 1);
    if (plus > after && (next < 0 || plus < next)) return plus;
    return next;
  }
}
