/**
 * Scenario discovery over a finished sweep ({@code govsim discover}): which region of the varied
 * parameters holds the runs in which a metric crosses a threshold. {@link
 * govsim.experiment.discover.Prim} (peeling and pasting, coverage-density trajectory, quasi-p
 * values) and {@link govsim.experiment.discover.Cart} (a small Gini tree) work on plain arrays;
 * {@link govsim.experiment.discover.Discovery} reads the sweep's runs.csv and manifest.json,
 * applies the condition, chooses the box and writes the CSV and text files. The figure is drawn by
 * the report package (DiscoverFigures), the command is the command line's DiscoverCommand.
 *
 * <p>No randomness: the results are a pure function of the sweep folder and the options.
 */
package govsim.experiment.discover;
