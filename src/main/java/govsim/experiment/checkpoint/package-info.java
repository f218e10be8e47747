/**
 * Checkpoints of a single run ({@code govsim run ... --checkpoint-every DAYS}, {@code govsim
 * resume}): the whole simulation state (the MASON model with its schedule, world, mechanisms and
 * random streams, the recorder with its running summary, the partly written outputs) written
 * atomically with Java serialization, and read back so that the resumed run's outputs are the bytes
 * of an uninterrupted one.
 */
package govsim.experiment.checkpoint;
