package govsim.experiment.validation;

import govsim.stats.Estimate;
import java.util.List;
import java.util.Locale;

/**
 * The measured outcome of one stylized fact: the values with their intervals and whether the claim
 * holds, rendered as the Markdown section of docs/validation.md.
 */
public record Finding(
    String id,
    String title,
    String claim,
    String scenario,
    String command,
    List<Measure> measures,
    boolean holds,
    String verdict,
    String assumptions,
    String checks,
    String robustness) {

  /** One measured value: an estimate with its interval (or a plain number when n = 1). */
  public record Measure(String label, Estimate estimate, String unit) {}

  public Finding {
    measures = List.copyOf(measures);
  }

  /** A finding without a declared checks table or robustness section (the game anchor). */
  public Finding(
      String id,
      String title,
      String claim,
      String scenario,
      String command,
      List<Measure> measures,
      boolean holds,
      String verdict,
      String assumptions) {
    this(id, title, claim, scenario, command, measures, holds, verdict, assumptions, "", "");
  }

  /** A finding with declared checks and no robustness section yet. */
  public Finding(
      String id,
      String title,
      String claim,
      String scenario,
      String command,
      List<Measure> measures,
      boolean holds,
      String verdict,
      String assumptions,
      String checks) {
    this(id, title, claim, scenario, command, measures, holds, verdict, assumptions, checks, "");
  }

  /** The same finding with a robustness section (Markdown) appended. */
  public Finding withRobustness(String markdown) {
    return new Finding(
        id,
        title,
        claim,
        scenario,
        command,
        measures,
        holds,
        verdict,
        assumptions,
        checks,
        markdown);
  }

  public String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("## ").append(id).append(" — ").append(title).append("\n\n");
    s.append("**Claim.** ").append(claim).append("\n\n");
    s.append("**Scenario.** `").append(scenario).append("`  \n");
    s.append("**Regenerate.** `").append(command).append("`\n\n");
    if (!checks.isEmpty()) {
      s.append("**Checks, as declared** (`StylizedFacts.claims()`):\n\n")
          .append(checks)
          .append('\n');
    }
    s.append("| measure | mean | 95% interval | n |\n|---|---:|---:|---:|\n");
    for (Measure m : measures) {
      Estimate e = m.estimate();
      String unit = m.unit().isEmpty() ? "" : " " + m.unit();
      s.append("| ")
          .append(m.label())
          .append(" | ")
          .append(num(e.mean()))
          .append(unit)
          .append(" | ")
          .append(
              e.n() > 1 && !Double.isNaN(e.ciLow())
                  ? "[" + num(e.ciLow()) + ", " + num(e.ciHigh()) + "]"
                  : "—")
          .append(" | ")
          .append(e.n())
          .append(" |\n");
    }
    s.append("\n**Verdict: ")
        .append(holds ? "holds" : "does not hold")
        .append(".** ")
        .append(verdict)
        .append("\n\n");
    s.append("**Assumptions that drive it.** ").append(assumptions).append("\n");
    if (!robustness.isEmpty()) s.append('\n').append(robustness);
    return s.toString();
  }

  /** Four significant digits: enough to read, stable across platforms. */
  static String num(double x) {
    if (Double.isNaN(x)) return "n/a";
    if (x == 0) return "0";
    double a = Math.abs(x);
    if (a >= 1e5 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", x);
    java.math.BigDecimal d = new java.math.BigDecimal(x).round(new java.math.MathContext(4));
    return d.stripTrailingZeros().toPlainString();
  }
}
