package govsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a report says, independent of how it is rendered: a title and a sequence of blocks
 * (headings, paragraphs, provenance facts, tables, figures). The kind-specific builders ({@link
 * RunReport}, {@link ComparisonReport}, {@link SweepReport}) fill it; {@link HtmlReport} renders
 * it; the figures are drawn by {@link FigureRenderer}.
 */
public final class ReportContent {
  /** A part of the report. */
  public sealed interface Block permits Heading, Paragraph, Facts, Table, FigureBlock {}

  /** A section heading (level 2) with its anchor. */
  public record Heading(String id, String text) implements Block {}

  /** A paragraph of plain text; `back-quoted` words are shown as code. */
  public record Paragraph(String text) implements Block {}

  /** Provenance: label and value pairs. */
  public record Facts(List<Provenance.Fact> facts) implements Block {}

  /**
   * A table of text cells.
   *
   * @param caption shown above the table
   * @param numericFrom columns from this index on are numbers (right-aligned)
   */
  public record Table(String caption, List<String> header, List<List<String>> rows, int numericFrom)
      implements Block {}

  /** A figure, numbered in order of appearance. */
  public record FigureBlock(Figure figure) implements Block {}

  private final String title;
  private final String subtitle;
  private final List<Block> blocks = new ArrayList<>();

  public ReportContent(String title, String subtitle) {
    this.title = title;
    this.subtitle = subtitle;
  }

  public String title() {
    return title;
  }

  public String subtitle() {
    return subtitle;
  }

  public List<Block> blocks() {
    return List.copyOf(blocks);
  }

  /** The figures, in order. */
  public List<Figure> figures() {
    List<Figure> out = new ArrayList<>();
    for (Block b : blocks) if (b instanceof FigureBlock f) out.add(f.figure());
    return out;
  }

  ReportContent heading(String id, String text) {
    blocks.add(new Heading(id, text));
    return this;
  }

  ReportContent paragraph(String text) {
    blocks.add(new Paragraph(text));
    return this;
  }

  ReportContent facts(List<Provenance.Fact> facts) {
    blocks.add(new Facts(List.copyOf(facts)));
    return this;
  }

  ReportContent table(
      String caption, List<String> header, List<List<String>> rows, int numericFrom) {
    blocks.add(new Table(caption, List.copyOf(header), List.copyOf(rows), numericFrom));
    return this;
  }

  ReportContent figure(Figure f) {
    blocks.add(new FigureBlock(f));
    return this;
  }
}
