/**
 * Batch parameter sweeps ({@code govsim sweep}, issue 4): sweep files ({@link
 * govsim.experiment.sweep.SweepFile}), experimental designs (grid, random, Latin hypercube,
 * Sobol/Saltelli: {@link govsim.experiment.sweep.Designs}), per-run seeds from the master seed and
 * the run's identity ({@link govsim.experiment.sweep.SweepPlan}), a crash-safe run journal with
 * resume ({@link govsim.experiment.sweep.RunJournal}, {@link govsim.experiment.sweep.SweepRunner}),
 * and the outputs compacted from it in run order ({@link govsim.experiment.sweep.SweepOutputs}).
 *
 * <p>Data flows one way: sweep file → validated {@link govsim.experiment.sweep.SweepDefinition} →
 * {@link govsim.experiment.sweep.SweepPlan} (points, runs, seeds) → runs on all cores → journal →
 * output files. Outputs depend only on the sweep file, the scenario files and govsim's version:
 * not on the thread count, nor on how often the sweep was interrupted and resumed.
 */
package govsim.experiment.sweep;
