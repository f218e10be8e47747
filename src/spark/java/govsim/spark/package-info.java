/**
 * The Spark engine of {@code govsim sweep --engine spark} (issue 7), compiled only by the Spark
 * build ({@code mvn -Pspark}; see docs/cluster.md). The driver broadcasts the sweep's {@link
 * govsim.experiment.sweep.SweepWork} once; each Spark task executes one run and returns its encoded
 * {@link govsim.experiment.sweep.RunRecord}; the driver journals the records by run id and writes
 * the outputs exactly as the local engine does ({@link govsim.experiment.sweep.SweepRunner}).
 * Executors never write files.
 */
package govsim.spark;
