package govsim.experiment.validation;

import govsim.model.Regime;
import govsim.stats.Estimate;
import govsim.stats.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stylized fact as data: the statement (MODEL.md §8), the condition it is tested under (a shipped
 * scenario and the regimes it compares, each run with the same replication seeds), the quantities
 * reported for context, the checks whose conjunction is the verdict, and the scenario keys the
 * claim names as its drivers. Declared in Java ({@link StylizedFacts#claims()}) rather than in a
 * file because some quantities (a window around the shock, the latency of a scheduled practice) are
 * code; every quantity that can be a catalogue metric is one, named by its summary.csv or
 * timeseries.csv name, so a claim is repointed by changing a name.
 *
 * @param id "SF1", "SF3a"
 * @param title short title
 * @param statement the claim as MODEL.md states it
 * @param scenario path under scenarios/, e.g. "paper/synergy.yaml"
 * @param regimes the regimes run (with common seeds)
 * @param context quantities shown in the table but not tested
 * @param checks the comparisons; the claim holds when all hold
 * @param drivers scenario keys the claim depends on (shown with their values and sources)
 * @param mechanism how the model produces the fact, in words (no numbers: those are computed)
 */
public record Claim(
    String id,
    String title,
    String statement,
    String scenario,
    List<Regime> regimes,
    List<Check.Operand> context,
    List<Check> checks,
    List<String> drivers,
    String mechanism) {

  public Claim {
    regimes = List.copyOf(regimes);
    context = List.copyOf(context);
    checks = List.copyOf(checks);
    drivers = List.copyOf(drivers);
  }

  /** Every operand the claim measures (context first, then the checks'), by key, in order. */
  public Map<String, Check.Operand> operands() {
    Map<String, Check.Operand> out = new LinkedHashMap<>();
    for (Check.Operand o : context) out.putIfAbsent(o.key(), o);
    for (Check c : checks) {
      for (Check.Operand o : operandsOf(c)) out.putIfAbsent(o.key(), o);
    }
    return out;
  }

  private static List<Check.Operand> operandsOf(Check c) {
    if (c instanceof Check.Paired p) return List.of(p.a(), p.b());
    if (c instanceof Check.RatioAtMost r) return List.of(r.a(), r.b());
    if (c instanceof Check.Within w) return List.of(w.a());
    return List.of(((Check.Always) c).a());
  }

  /**
   * The verdict of the claim on measured numbers.
   *
   * @param outcomes one per check, in order
   * @param holds true when every check holds
   */
  public record Result(Claim claim, Map<String, double[]> measured, List<Check.Outcome> outcomes) {
    public boolean holds() {
      return outcomes.stream().allMatch(Check.Outcome::holds);
    }

    /** The computed verdict sentence: how many checks hold, then each check's sentence. */
    public String sentence() {
      int fail = (int) outcomes.stream().filter(o -> !o.holds()).count();
      StringBuilder s = new StringBuilder();
      if (fail == 0)
        s.append(
            outcomes.size() == 1
                ? "The check holds: "
                : "All " + outcomes.size() + " checks hold. ");
      else
        s.append(fail)
            .append(" of ")
            .append(outcomes.size())
            .append(
                outcomes.size() == 1
                    ? " check fails"
                    : fail == 1 ? " checks fails" : " checks fail")
            .append(
                outcomes.size() == 1 ? ": " : " (marked ✗); the claim holds only if all hold. ");
      for (int i = 0; i < outcomes.size(); i++) {
        Check.Outcome o = outcomes.get(i);
        String t = o.sentence();
        if (outcomes.size() > 1) {
          s.append("(").append(i + 1).append(o.holds() ? ")" : " ✗)").append(' ');
          t = t.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + t.substring(1);
        }
        s.append(t);
        if (i < outcomes.size() - 1) s.append(' ');
      }
      return s.toString();
    }

    /** The table rows: each measured operand's estimate, then each check's statistic. */
    public List<Finding.Measure> measures() {
      List<Finding.Measure> out = new ArrayList<>();
      for (Check.Operand o : claim.operands().values()) {
        String unit = o.quantity().unit();
        out.add(
            new Finding.Measure(
                o.label()
                    + " ("
                    + o.quantity().source()
                    + ", "
                    + o.regime().yamlName()
                    + (unit.isEmpty() ? "" : "; " + unit)
                    + ")",
                Stats.estimate(measured.get(o.key()), Check.LEVEL),
                ""));
      }
      for (Check.Outcome o : outcomes) {
        Estimate e = o.estimate();
        out.add(new Finding.Measure(o.label(), e, ""));
      }
      return out;
    }
  }

  /** Evaluates every check on the measured values (operand key to one value per replication). */
  public Result evaluate(Map<String, double[]> measured) {
    List<Check.Outcome> out = new ArrayList<>();
    for (Check c : checks) out.add(c.evaluate(measured));
    return new Result(this, Map.copyOf(measured), out);
  }
}
