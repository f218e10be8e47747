package govsim.mechanism.firms;

import govsim.mechanism.enforcement.Enforcement;
import govsim.mechanism.rulemaking.ConformityScope;
import govsim.world.Firm;
import govsim.world.Regulator;
import govsim.world.Risk;
import govsim.world.World;

/**
 * Whether a release waits an ex-ante conformity assessment (issue 12 item 2; keys
 * rulemaking.conformity_assessment_days, conformity_scope, conformity_requires_certificate).
 *
 * <p>In each jurisdiction the firm serves whose regulator makes rules: a certificate the
 * jurisdiction recognises (when its regulator recognises certification) stands in for the
 * assessment (a presumption of conformity, M11). Otherwise the assessment applies if some rule in
 * force there binds the firm and, under scope {@code unmet}, the firm does not meet it (does not
 * mitigate the risk it covers), or, under scope {@code bound}, whether it meets it or not (the
 * model before issue 12). With {@code conformity_requires_certificate} a jurisdiction that
 * recognises certification also assesses a bound firm without a recognised certificate that meets
 * every rule.
 */
public final class Conformity {
  private Conformity() {}

  public static boolean applies(
      World w, Firm f, ConformityScope scope, boolean requiresCertificate) {
    for (Regulator reg : w.regulators) {
      if (!reg.rulemaking || !f.serves(reg.jurisdiction)) continue;
      if (reg.recognizeCertification && Enforcement.certifiedRecognized(w, f, reg)) continue;
      boolean bound = false;
      for (Risk r : w.risks) {
        if (!r.active || !reg.rules.covers(r)) continue;
        if (scope == ConformityScope.BOUND || !f.mitigates.get(r.id)) return true;
        bound = true;
      }
      if (bound && requiresCertificate && reg.recognizeCertification) return true;
    }
    return false;
  }
}
