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
    String assumptions) {

  /** One measured value: an estimate with its interval (or a plain number when n = 1). */
  public record Measure(String label, Estimate estimate, String unit) {}

  public Finding {
    measures = List.copyOf(measures);
  }

  public String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("## ").append(id).append(" — ").append(title).append("\n\n");
    s.append("**Claim.** ").append(claim).append("\n\n");
    s.append("**Scenario.** `").append(scenario).append("`  \n");
    s.append("**Regenerate.** `").append(command).append("`\n\n");
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
          .append(e.n() > 1 ? "[" + num(e.ciLow()) + ", " + num(e.ciHigh()) + "]" : "—")
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
