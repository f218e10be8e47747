package govsim.mechanism;

import govsim.world.Community;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.Rule;
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
   * certificate (none is a rule set of its own).
   */
  public record Binding(
      boolean byCommunity,
      boolean byRegulator,
      double maxStringency,
      int distinctRuleSets,
      boolean regulatorAcceptsCertificate) {
    public boolean governed() {
      return byCommunity || byRegulator;
    }
  }

  private static final Binding NONE = new Binding(false, false, 0.0, 0, false);

  public static Binding of(World w, Firm f, Risk r) {
    return of(w, f, r, -1, -1);
  }

  /**
   * The binding as if the firm were also a member of community {@code plus} and not a member of
   * community {@code minus} (-1 for neither): what a firm weighs when it considers joining or
   * leaving.
   */
  public static Binding of(World w, Firm f, Risk r, int plus, int minus) {
    boolean byCommunity = false;
    boolean byRegulator = false;
    double stringency = 0.0;
    int ruleSets = 0;
    long certifiedRecognizedMask = 0L;
    for (int c = nextCommunity(f, plus, -1); c >= 0; c = nextCommunity(f, plus, c)) {
      if (c == minus) continue;
      Community com = w.communities.get(c);
      Rule std = com.standards.inForce(r.id);
      if (com.active && std != null && std.covers(r)) {
        byCommunity = true;
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
    if (!byCommunity && !byRegulator) return NONE;
    // The uniform-rule surcharge is waived only if every binding regulator accepts the certificate.
    return new Binding(
        byCommunity, byRegulator, stringency, ruleSets, anyAccepted && !anyOwnRuleSet);
  }

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

  /** Next community id after {@code after} among the firm's memberships plus {@code plus}. */
  private static int nextCommunity(Firm f, int plus, int after) {
    int next = f.memberships.nextSetBit(after + 1);
    if (plus > after && (next < 0 || plus < next)) return plus;
    return next;
  }
}
