/**
 * Running many independent runs on all cores: per-run seeds derived from a master seed ({@link
 * govsim.experiment.batch.Seeds}), a runner that executes jobs on N threads and hands their
 * outcomes back in submission order ({@link govsim.experiment.batch.BatchRunner}), so that whatever
 * is computed from them does not depend on the thread count, and progress reporting for terminals
 * and logs ({@link govsim.experiment.batch.Progress}).
 */
package govsim.experiment.batch;
