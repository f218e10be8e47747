/**
 * Evolutionary games in finite populations (issue 14): a game file declares populations, player
 * slots, parameters and the payoff to every slot for every strategy profile; this package computes
 * the exact small-mutation stationary distribution and fixation probabilities under
 * pairwise-comparison (Fermi) imitation, the exact stationary distribution of the one-population
 * birth–death chain with mutation, and runs the same game agent-based with seeded streams.
 *
 * <p>Layer: uses {@code govsim.scenario} (the safe YAML reader and its error types), {@code
 * govsim.stats} (intervals over seeds) and {@code govsim.io} (atomic output folders); it knows
 * nothing of the ABM world ({@code model}, {@code mechanism}, {@code world}), of reports or of the
 * GUI.
 */
package govsim.game;
