package govsim.experiment.validation;

import govsim.experiment.batch.Outcome;
import govsim.experiment.batch.Seeds;
import govsim.experiment.discover.Cart;
import govsim.experiment.sweep.Designs;
import govsim.model.Scenarios;
import govsim.scenario.ParamInfo;
import govsim.scenario.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.math3.random.MersenneTwister;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Robustness of the stylized facts over the plausible box (MODEL.md §9): a Latin hypercube of N
 * points over every numeric scenario key whose source is an assumption, each within its plausible
 * range ({@code @Param plausibleMin/plausibleMax}); at every point each claim's scenario is run
 * under its regimes with R replications, the same R seeds in every regime (common random numbers
 * within the point; each point has its own seeds), and the claim is evaluated as at the defaults.
 * For each fact: the share of points where it holds with a 95% Wilson interval, and the parameters
 * that decide it (a classification tree, {@link Cart}, on holds/fails).
 *
 * <p>Held, not varied: keys set by the fact's own scenario file (they are the claim's condition,
 * e.g. the near-zero switching cost of SF3), keys of list elements (the scheduled events), and
 * every key whose source is a citation or a setting.
 */
public final class Robustness {
  private Robustness() {}

  /** One varied key: its path, plausible range and whether it takes integers. */
  public record Factor(String key, double low, double high, boolean integer) {
    /** The value at u in [0, 1): uniform on the range; integers uniform on low..high. */
    public double at(double u) {
      if (!integer) return low + u * (high - low);
      double v = Math.floor(low + u * (high - low + 1));
      return Math.min(high, v);
    }
  }

  /** The factors: numeric, non-list, assumption-sourced keys with a plausible range. */
  public static List<Factor> factors() {
    List<Factor> out = new ArrayList<>();
    for (ParamInfo p : Scenarios.loader().schema().params()) {
      if (!p.isNumeric() || p.type().startsWith("list") || p.path().contains("[]")) continue;
      if (!p.isAssumption() || !p.hasPlausibleRange()) continue;
      if (p.plausibleMin() == p.plausibleMax()) continue;
      out.add(new Factor(p.path(), p.plausibleMin(), p.plausibleMax(), p.type().equals("integer")));
    }
    return out;
  }

  /** The design: n points of a Latin hypercube (seeded from the master seed) mapped to values. */
  public static double[][] design(List<Factor> factors, int n, long master) {
    double[][] u =
        Designs.latinHypercube(
            n, factors.size(), new MersenneTwister(Seeds.derive(master, "robustness design")));
    double[][] x = new double[n][factors.size()];
    for (int i = 0; i < n; i++)
      for (int j = 0; j < factors.size(); j++) x[i][j] = round(factors.get(j).at(u[i][j]));
    return x;
  }

  /** Ten significant digits: exact in the CSV and in the --set text. */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) return v;
    return new BigDecimal(v).round(new MathContext(10)).doubleValue();
  }

  static String text(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** The replication seeds of point p: the same in every regime of the point. */
  public static long[] seeds(long master, int point, int reps) {
    long[] s = new long[reps];
    for (int i = 0; i < reps; i++)
      s[i] = Seeds.derive(master, "robustness point=" + point + " replication=" + i);
    return s;
  }

  /** Dotted paths of the keys a scenario file sets itself (not through extends). */
  @SuppressWarnings("unchecked")
  public static Set<String> heldKeys(Path scenarioFile) {
    try {
      String text = Files.readString(scenarioFile, StandardCharsets.UTF_8);
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      Set<String> out = new LinkedHashSet<>();
      if (root instanceof Map<?, ?> m) flatten((Map<String, Object>) m, "", out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void flatten(Map<String, Object> m, String prefix, Set<String> out) {
    for (var e : m.entrySet()) {
      String k = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> sub) flatten((Map<String, Object>) sub, k + ".", out);
      else out.add(k);
    }
  }

  /**
   * The measured design: the factor values of every point and, per claim, whether it held there.
   *
   * @param checks per claim id, per check, one verdict per point
   */
  public record Data(
      List<Factor> factors,
      double[][] x,
      Map<String, boolean[][]> checks,
      int reps,
      long master,
      Map<String, Set<String>> held) {

    public int n() {
      return x.length;
    }

    /** Whether the claim held (all its checks) at each point. */
    public boolean[] holds(String id) {
      boolean[][] c = checks.get(id);
      boolean[] out = new boolean[x.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = true;
        for (boolean[] k : c) out[i] &= k[i];
      }
      return out;
    }
  }

  /**
   * Runs the design: every point, every claim's scenario and regimes, reps replications, on the
   * facts' batch runner (its thread count).
   *
   * @param progress receives "point i of n done" lines (may be null)
   */
  public static Data run(
      StylizedFacts facts, List<Claim> claims, int n, java.util.function.Consumer<String> progress)
      throws ScenarioException, InterruptedException {
    List<Factor> factors = factors();
    double[][] x = design(factors, n, facts.master());
    int reps = facts.reps();
    Map<String, Set<String>> held = heldByScenario(facts, claims);
    List<StylizedFacts.Job> jobs = new ArrayList<>();
    for (int p = 0; p < n; p++) jobs.addAll(jobsAt(facts, claims, factors, x[p], p, held));
    // Results per point: scenario -> operand key -> values.
    List<Map<String, Map<String, double[]>>> byPoint = new ArrayList<>();
    int[] remaining = new int[n];
    for (int p = 0; p < n; p++) byPoint.add(new LinkedHashMap<>());
    for (StylizedFacts.Job j : jobs) remaining[j.point()]++;
    Map<String, boolean[][]> checks = new LinkedHashMap<>();
    for (Claim c : claims) checks.put(c.id(), new boolean[c.checks().size()][n]);
    List<String> failures = new ArrayList<>();
    int[] done = {0};
    facts
        .runner()
        .run(
            jobs.stream().map(j -> (Callable<double[]>) j::call).iterator(),
            (Outcome<double[]> o) -> {
              StylizedFacts.Job j = jobs.get((int) o.index());
              if (!o.ok()) {
                failures.add("point " + j.point() + ", " + j.scenario() + ": " + o.errorText());
              } else {
                j.store(o.result(), byPoint.get(j.point()), reps);
              }
              if (--remaining[j.point()] == 0) {
                int p = j.point();
                if (failures.isEmpty()) {
                  for (Claim c : claims) {
                    var r = c.evaluate(byPoint.get(p).get(c.scenario()));
                    for (int k = 0; k < r.outcomes().size(); k++)
                      checks.get(c.id())[k][p] = r.outcomes().get(k).holds();
                  }
                }
                byPoint.set(p, null);
                done[0]++;
                if (progress != null)
                  progress.accept("robustness: point " + done[0] + " of " + n + " done");
              }
            });
    if (!failures.isEmpty())
      throw new IllegalStateException("runs failed: " + String.join("; ", failures));
    return new Data(factors, x, checks, reps, facts.master(), held);
  }

  /**
   * The verdicts of every check of the claims at one point of a design (to check stored results).
   */
  public static Map<String, List<Boolean>> evaluateAt(
      StylizedFacts facts, List<Claim> claims, List<Factor> factors, double[] point, int p)
      throws ScenarioException, InterruptedException {
    Map<String, Set<String>> held = heldByScenario(facts, claims);
    List<StylizedFacts.Job> jobs = jobsAt(facts, claims, factors, point, p, held);
    Map<String, Map<String, double[]>> m = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    facts
        .runner()
        .run(
            jobs.stream().map(j -> (Callable<double[]>) j::call).iterator(),
            (Outcome<double[]> o) -> {
              if (o.ok()) jobs.get((int) o.index()).store(o.result(), m, facts.reps());
              else failures.add(o.errorText());
            });
    if (!failures.isEmpty()) throw new IllegalStateException("runs failed: " + failures);
    Map<String, List<Boolean>> out = new LinkedHashMap<>();
    for (Claim c : claims)
      out.put(
          c.id(),
          c.evaluate(m.get(c.scenario())).outcomes().stream().map(Check.Outcome::holds).toList());
    return out;
  }

  private static Map<String, Set<String>> heldByScenario(StylizedFacts facts, List<Claim> claims) {
    Map<String, Set<String>> held = new LinkedHashMap<>();
    for (Claim c : claims)
      held.computeIfAbsent(c.scenario(), s -> heldKeys(facts.scenarios().resolve(s)));
    return held;
  }

  private static List<StylizedFacts.Job> jobsAt(
      StylizedFacts facts,
      List<Claim> claims,
      List<Factor> factors,
      double[] point,
      int p,
      Map<String, Set<String>> held)
      throws ScenarioException {
    List<StylizedFacts.Job> out = new ArrayList<>();
    Map<String, List<Claim>> byScenario = new LinkedHashMap<>();
    for (Claim c : claims) byScenario.computeIfAbsent(c.scenario(), k -> new ArrayList<>()).add(c);
    long[] seeds = seeds(facts.master(), p, facts.reps());
    for (var e : byScenario.entrySet()) {
      List<String> sets = new ArrayList<>();
      Set<String> h = held.get(e.getKey());
      for (int j = 0; j < factors.size(); j++) {
        if (h.contains(factors.get(j).key())) continue;
        sets.add(factors.get(j).key() + "=" + text(point[j]));
      }
      out.addAll(facts.jobs(e.getValue(), sets, seeds, p));
    }
    return out;
  }

  // ---------------------------------------------------------------- analysis

  /** 95% Wilson score interval of k successes in n trials. */
  public static double[] wilson(int k, int n) {
    if (n == 0) return new double[] {Double.NaN, Double.NaN};
    double z = 1.959963984540054;
    double p = (double) k / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * What decides one fact over the box.
   *
   * @param inputs the factor indices that varied for this fact's scenario (tree inputs)
   * @param tree the classification tree on holds (of interest) vs fails, depth 2
   */
  public record FactAnalysis(
      String id, int holds, int n, double[] wilson, List<Integer> inputs, Cart.Node tree) {
    public double share() {
      return (double) holds / n;
    }
  }

  /** The tree's minimum leaf: a tenth of the points, at least 3. */
  static int minLeaf(int n) {
    return Math.max(3, n / 10);
  }

  public static FactAnalysis analyse(Data d, Claim c) {
    boolean[] y = d.holds(c.id());
    int k = 0;
    for (boolean b : y) if (b) k++;
    Set<String> h = d.held().getOrDefault(c.scenario(), Set.of());
    List<Integer> inputs = new ArrayList<>();
    for (int j = 0; j < d.factors().size(); j++)
      if (!h.contains(d.factors().get(j).key())) inputs.add(j);
    double[][] x = new double[d.n()][inputs.size()];
    for (int i = 0; i < d.n(); i++)
      for (int j = 0; j < inputs.size(); j++) x[i][j] = d.x()[i][inputs.get(j)];
    Cart.Node tree = Cart.grow(x, y, 2, minLeaf(d.n()));
    return new FactAnalysis(c.id(), k, d.n(), wilson(k, d.n()), inputs, tree);
  }

  /** The key of a tree input. */
  public static String key(Data d, FactAnalysis a, int input) {
    return d.factors().get(a.inputs().get(input)).key();
  }

  /** The tree's splits as a sentence: each split with the share holding on either side. */
  public static String decidingText(Data d, FactAnalysis a) {
    Cart.Node t = a.tree();
    if (t.leaf())
      return a.holds() == 0 || a.holds() == a.n()
          ? "none: the fact "
              + (a.holds() == 0 ? "fails" : "holds")
              + " at every point, so no parameter separates holding from failing"
          : "none found: no split of the points leaves at least "
              + minLeaf(a.n())
              + " points on each side with purer classes";
    StringBuilder s = new StringBuilder();
    s.append(split(d, a, t));
    List<String> next = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      Cart.Node c = side == 0 ? t.left() : t.right();
      if (!c.leaf())
        next.add(
            "where `"
                + key(d, a, t.input())
                + "` "
                + (side == 0 ? "<= " : "> ")
                + Finding.num(t.threshold())
                + ", "
                + split(d, a, c));
    }
    if (!next.isEmpty()) s.append("; then ").append(String.join("; ", next));
    return s.toString();
  }

  private static String split(Data d, FactAnalysis a, Cart.Node t) {
    Cart.Node l = t.left();
    Cart.Node r = t.right();
    return String.format(
        Locale.ROOT,
        "`%s` (split at %s: holds at %d of %d points at or below, %d of %d above)",
        key(d, a, t.input()),
        Finding.num(t.threshold()),
        l.interest(),
        l.n(),
        r.interest(),
        r.n());
  }

  /**
   * The two parameters a fact's figure draws and the splits on them: the tree's first split and the
   * next split on another parameter; without splits, the claim's first two varied drivers.
   *
   * @return {x factor index, y factor index, x split or NaN, y split or NaN}
   */
  public static double[] axes(Data d, FactAnalysis a, Claim c) {
    List<Integer> candidates = new ArrayList<>();
    double xs = Double.NaN;
    double ys = Double.NaN;
    Cart.Node t = a.tree();
    if (!t.leaf()) {
      candidates.add(a.inputs().get(t.input()));
      xs = t.threshold();
      for (Cart.Node child : new Cart.Node[] {t.left(), t.right()}) {
        if (!child.leaf() && child.input() != t.input() && Double.isNaN(ys)) {
          candidates.add(a.inputs().get(child.input()));
          ys = child.threshold();
        }
      }
    }
    for (String key : c.drivers())
      for (int j : a.inputs())
        if (d.factors().get(j).key().equals(key) && !candidates.contains(j)) candidates.add(j);
    for (int j : a.inputs()) if (!candidates.contains(j)) candidates.add(j);
    return new double[] {candidates.get(0), candidates.get(1), xs, ys};
  }

  /** The figure's file name: robustness-sf1.png. */
  public static String figureName(Claim c) {
    return "robustness-" + c.id().toLowerCase(Locale.ROOT) + ".png";
  }

  /** The robustness paragraph of one fact in docs/validation.md. */
  public static String markdown(Data d, Claim c) {
    FactAnalysis a = analyse(d, c);
    Set<String> h = d.held().getOrDefault(c.scenario(), Set.of());
    List<String> heldVaried = new ArrayList<>();
    for (Factor f : d.factors()) if (h.contains(f.key())) heldVaried.add("`" + f.key() + "`");
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "**Robustness over the plausible box.** Holds at %d of %d points (share %s, 95%% Wilson interval [%s, %s]), "
                + "%d replications per point with common seeds across the regimes. Varied: %d assumption-sourced keys, "
                + "each over its plausible range",
            a.holds(),
            a.n(),
            Finding.num(a.share()),
            Finding.num(a.wilson()[0]),
            Finding.num(a.wilson()[1]),
            d.reps(),
            a.inputs().size()));
    s.append(
        heldVaried.isEmpty()
            ? ".\n\n"
            : "; held at the scenario's values because `scenarios/"
                + c.scenario()
                + "` sets them (the claim's condition): "
                + String.join(", ", heldVaried)
                + ".\n\n");
    if (a.holds() < a.n()) {
      List<String> reasons = new ArrayList<>();
      boolean[][] k = d.checks().get(c.id());
      boolean[] all = d.holds(c.id());
      int failing = 0;
      for (boolean b : all) if (!b) failing++;
      for (int j = 0; j < k.length; j++) {
        int f = 0;
        for (int i = 0; i < d.n(); i++) if (!k[j][i]) f++;
        if (f > 0) reasons.add("check " + (j + 1) + " at " + f);
      }
      s.append("Where it fails (")
          .append(failing)
          .append(failing == 1 ? " point" : " points")
          .append("), the failing checks: ")
          .append(String.join(", ", reasons))
          .append(".\n\n");
    }
    s.append("**Deciding parameters** (classification tree on holds/fails, depth 2, at least ")
        .append(minLeaf(d.n()))
        .append(" points per leaf): ")
        .append(decidingText(d, a))
        .append(
            ". With "
                + d.n()
                + " points and "
                + a.inputs().size()
                + " varied keys a split is a lead to follow up, not a proof.\n\n");
    double[] ax = axes(d, a, c);
    s.append("![")
        .append(c.id())
        .append(" over the plausible box: points where it holds (blue) and fails (vermillion) on `")
        .append(d.factors().get((int) ax[0]).key())
        .append("` and `")
        .append(d.factors().get((int) ax[1]).key())
        .append("`; grey lines: the tree's splits](validation/")
        .append(figureName(c))
        .append(")\n");
    return s.toString();
  }

  // ---------------------------------------------------------------- storage

  /** The file of stored results beside a document: docs/validation/robustness.csv. */
  public static Path csv(Path document) {
    Path dir = document.toAbsolutePath().getParent();
    return dir.resolve("validation").resolve("robustness.csv");
  }

  /** The CSV: a comment line with the settings, a header, then one row per point. */
  public static String toCsv(Data d, List<Claim> claims) {
    StringBuilder s = new StringBuilder();
    s.append("# govsim validation --robustness ")
        .append(d.n())
        .append(" --reps ")
        .append(d.reps())
        .append(" --seed ")
        .append(d.master())
        .append('\n');
    s.append("point");
    for (Factor f : d.factors()) s.append(',').append(f.key());
    for (Claim c : claims)
      for (int k = 1; k <= c.checks().size(); k++)
        s.append(',').append(c.id()).append("_check").append(k);
    s.append('\n');
    for (int i = 0; i < d.n(); i++) {
      s.append(i);
      for (int j = 0; j < d.factors().size(); j++) s.append(',').append(text(d.x()[i][j]));
      for (Claim c : claims)
        for (boolean[] k : d.checks().get(c.id())) s.append(',').append(k[i] ? 1 : 0);
      s.append('\n');
    }
    return s.toString();
  }

  /**
   * Reads stored results. The factors are today's (keys, ranges); a stored file whose columns do
   * not match them is out of step and rejected.
   */
  public static Data fromCsv(String text, List<Claim> claims, Map<String, Set<String>> held) {
    String[] lines = text.split("\n");
    String[] settings = lines[0].replace("#", "").trim().split("\\s+");
    int n = Integer.parseInt(value(settings, "--robustness"));
    int reps = Integer.parseInt(value(settings, "--reps"));
    long seed = Long.parseLong(value(settings, "--seed"));
    List<Factor> factors = factors();
    String[] header = lines[1].split(",");
    int nChecks = claims.stream().mapToInt(c -> c.checks().size()).sum();
    if (header.length != 1 + factors.size() + nChecks)
      throw new IllegalArgumentException(
          "the stored robustness results have other columns than today's plausible box; rerun"
              + " ./govsim validation --robustness N --write docs/validation.md");
    for (int j = 0; j < factors.size(); j++)
      if (!header[1 + j].equals(factors.get(j).key()))
        throw new IllegalArgumentException(
            "the stored robustness results vary '"
                + header[1 + j]
                + "' where today's box has '"
                + factors.get(j).key()
                + "'; rerun ./govsim validation --robustness N --write docs/validation.md");
    double[][] x = new double[n][factors.size()];
    Map<String, boolean[][]> checks = new LinkedHashMap<>();
    for (Claim c : claims) checks.put(c.id(), new boolean[c.checks().size()][n]);
    for (int i = 0; i < n; i++) {
      String[] cells = lines[2 + i].split(",");
      for (int j = 0; j < factors.size(); j++) x[i][j] = Double.parseDouble(cells[1 + j]);
      int col = 1 + factors.size();
      for (Claim c : claims) for (boolean[] k : checks.get(c.id())) k[i] = cells[col++].equals("1");
    }
    return new Data(factors, x, checks, reps, seed, held);
  }

  private static String value(String[] words, String flag) {
    for (int i = 0; i < words.length - 1; i++) if (words[i].equals(flag)) return words[i + 1];
    throw new IllegalArgumentException("the stored robustness results do not say " + flag);
  }

  /** The held keys of each claim's scenario. */
  public static Map<String, Set<String>> held(Path scenarios, List<Claim> claims) {
    Map<String, Set<String>> held = new LinkedHashMap<>();
    for (Claim c : claims) held.computeIfAbsent(c.scenario(), s -> heldKeys(scenarios.resolve(s)));
    return held;
  }
}
