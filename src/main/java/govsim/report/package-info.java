/**
 * Reports and notebooks ({@code govsim report}, {@code govsim notebook}): the last step of the data
 * flow, after the results are written. Everything here reads a finished output folder (its CSV
 * files and manifest.json) and nothing else: no model, no experiment is run, so a report can be
 * drawn again at any time, on any machine, from the folder alone.
 *
 * <ul>
 *   <li>{@link govsim.report.ResultFolder} opens a folder and tells a run, a comparison and a sweep
 *       apart; {@link govsim.report.Provenance} reads how the data were produced from its manifest.
 *   <li>{@code RunReport}, {@code ComparisonReport} and {@code SweepReport} decide what to show for
 *       each kind ({@link govsim.report.ReportContent}); {@code Plots}, {@code ChartStyle} and
 *       {@link govsim.report.Palette} draw it with JFreeChart 1.0.x in one paper-ready style
 *       (Okabe–Ito colours with dashes, viridis for heat maps); {@code FigureRenderer} writes each
 *       figure as PNG and as SVG (Apache Batik); {@code HtmlReport} writes a self-contained page.
 *   <li>{@link govsim.report.ReportWriter} and {@link govsim.report.NotebookWriter} write the
 *       files, atomically and without overwriting anything unless told to.
 * </ul>
 */
package govsim.report;
