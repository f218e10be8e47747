/**
 * Batch parameter sweeps ({@code govsim sweep}, issue 4): sweep files ({@link
 * govsim.experiment.sweep.SweepFile}), experimental designs (grid, random, Latin hypercube,
 * Sobol/Saltelli: {@link govsim.experiment.sweep.Designs}), per-run seeds from the master seed and
 * the run's identity ({@link govsim.experiment.sweep.SweepPlan}), a crash-safe run journal with
 * resume ({@link govsim.experiment.sweep.RunJournal}, {@link govsim.experiment.sweep.SweepRunner}),
 * and the outputs compacted from it in run order ({@link govsim.experiment.sweep.SweepOutputs}).
 *
 * <p>Past one machine (issue 7): the runs are executed by a {@link
 * govsim.experiment.sweep.SweepEngine}, this machine's threads ({@link
 * govsim.experiment.sweep.LocalEngine}) or Spark (in the separate Spark build, found through {@link
 * govsim.experiment.sweep.SparkBridge}), from a self-contained {@link
 * govsim.experiment.sweep.SweepWork}; the engine only returns records, which the driver journals by
 * run id. An HPC job array runs one {@link govsim.experiment.sweep.Shard} per task and {@link
 * govsim.experiment.sweep.SweepMerge} combines the shards' journals.
 *
 * <p>Data flows one way: sweep file → validated {@link govsim.experiment.sweep.SweepDefinition} →
 * {@link govsim.experiment.sweep.SweepPlan} (points, runs, seeds) → runs on an engine → journal →
 * output files. Outputs depend only on the sweep file, the scenario files and govsim's version: not
 * on the engine, the thread count or the number of shards, nor on how often the sweep was
 * interrupted and resumed.
 */
package govsim.experiment.sweep;
