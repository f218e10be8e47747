/**
 * Scenario files: YAML → validated, immutable configuration records.
 *
 * <p>This package knows nothing of the model. Given any root record type whose components carry
 * {@link govsim.scenario.Param}, it
 *
 * <ul>
 *   <li>derives the {@link govsim.scenario.Schema} (keys, types, defaults, units, ranges,
 *       documentation) for validation and for {@code govsim describe};
 *   <li>loads scenario files with {@link govsim.scenario.ScenarioLoader}: defaults ← preset ←
 *       {@code extends} chain ← {@code --set} overrides, read safely (no tags, alias and size
 *       limits, YAML 1.2 core-schema scalars);
 *   <li>reports every mistake at once as {@link govsim.scenario.ScenarioError}s with file, line,
 *       column, key path and what was expected versus found;
 *   <li>writes the resolved tree back as YAML with {@link govsim.scenario.ScenarioYaml}, so each
 *       run can record exactly what it ran.
 * </ul>
 */
package govsim.scenario;
