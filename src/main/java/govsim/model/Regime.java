package govsim.model;

/**
 * The four governance regimes of MODEL.md §5. A regime is a named preset: a bundle of mechanism
 * settings (src/main/resources/govsim/regimes/NAME.yaml) applied under the scenario file, which can
 * still override it key by key.
 */
public enum Regime {
  /** Markets and users only: no regulator, no communities. */
  LAISSEZ_FAIRE,
  /** Regulators only (M2, M3): rule-making and enforcement; no communities. */
  CENTRALIZED,
  /** Communities, reputation, competition, certification (M4-M10); no regulator. */
  DISTRIBUTED,
  /** Distributed plus the regulator's backstop and synergy powers (M11, §4). */
  HYBRID;

  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
