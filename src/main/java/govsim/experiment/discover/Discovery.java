package govsim.experiment.discover;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import govsim.io.CsvTable;
import govsim.observe.Num;
import govsim.stats.Stats;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Scenario discovery over a finished sweep ({@code govsim discover}): which region of the varied
 * parameters gives the runs in which a metric crosses a threshold.
 *
 * <p>Cases are the sweep's successful runs (of one regime) with the metric defined; inputs are the
 * varied parameters with numeric values (booleans as 0/1; parameters with other values, such as
 * regimes' names, are left out and named). The cases of interest are those meeting {@code --where
 * "M > x"} (also {@code >=}, {@code <}, {@code <=}); {@code x} may be a number or {@code qP}, the
 * P-quantile of M over the cases (linear interpolation). A paired contrast between two regimes of
 * the sweep, {@code "M[R1] - M[R2] > x"}, makes each design point and replication one case (both
 * regimes ran on its seed: common random numbers), with the difference as its value. Then {@link
 * Prim} gives the coverage-density trajectory and {@link Cart} a depth-3 tree.
 *
 * <p>The box reported (unless {@code --box K} names one): among the boxes with density at least
 * {@code minDensity} (default 0.8), the one with the largest coverage (ties: higher density, then
 * earlier); if no box is that dense, the densest (ties: larger coverage, then earlier). The
 * one-sentence summary names the box's restrictions whose quasi-p-value is at most 0.05, most
 * significant first, and counts the others (all are in boxes.csv).
 */
public final class Discovery {
  private Discovery() {}

  /** Bad input (unknown metric, bad condition, no case of interest...): a message for the user. */
  public static final class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
      super(message);
    }
  }

  /**
   * What to discover.
   *
   * @param metric the metric (null: the one named by where)
   * @param where the condition, e.g. {@code harm_total > q0.9}
   * @param regime the regime whose runs are used (null: the sweep's only regime)
   * @param box the trajectory index to report (-1: the default rule)
   * @param alpha PRIM's peeling and pasting share
   * @param minMass the smallest share of cases a box (and a tree leaf) may hold
   * @param minDensity the density the default rule asks for
   */
  public record Request(
      String metric,
      String where,
      String regime,
      int box,
      double alpha,
      double minMass,
      double minDensity) {}

  /**
   * The parsed condition: its left side ({@code M} or {@code M[R1] - M[R2]}), operator and
   * threshold (resolved for a quantile: {@code quantile} is P, else NaN).
   */
  public record Condition(String lhs, String op, double threshold, double quantile) {
    boolean test(double v) {
      return switch (op) {
        case ">" -> v > threshold;
        case ">=" -> v >= threshold;
        case "<" -> v < threshold;
        default -> v <= threshold;
      };
    }

    /** "harm_total > 1234" or "harm_total > 1234 (its 0.9 quantile)". */
    public String text() {
      return lhs
          + " "
          + op
          + " "
          + short4(threshold)
          + (Double.isNaN(quantile) ? "" : " (its " + Num.format(quantile) + " quantile)");
    }
  }

  /**
   * The analysis.
   *
   * @param sweepDir the sweep folder
   * @param regime the regime of the runs used ("R1 - R2" for a contrast)
   * @param condition the condition
   * @param names the inputs (parameter key paths)
   * @param left parameters left out (not numeric)
   * @param x inputs per case
   * @param y cases of interest
   * @param dropped runs left out because the metric is undefined or the run failed
   * @param prim PRIM's trajectory
   * @param chosen the reported box
   * @param significance quasi-p-values of the reported box ({@link Prim#significance})
   * @param tree the classification tree
   * @param minLeaf the fewest runs a leaf of the tree may hold
   * @param summary the one-sentence result
   */
  public record Analysis(
      Path sweepDir,
      String regime,
      Condition condition,
      List<String> names,
      List<String> left,
      double[][] x,
      boolean[] y,
      int dropped,
      Prim.Result prim,
      Prim.Box chosen,
      double[][] significance,
      Cart.Node tree,
      int minLeaf,
      String summary) {

    /** True for a paired contrast of two regimes. */
    public boolean contrast() {
      return regime.contains(" - ");
    }

    /** "hybrid regime, 160 runs" or "paired regimes hybrid - distributed, 160 pairs of runs". */
    public String population() {
      return contrast()
          ? "paired regimes " + regime + ", " + x.length + " pairs of runs"
          : regime + " regime, " + x.length + " runs";
    }

    /**
     * The inputs the chosen box restricts, most significant first: by the smaller quasi-p-value of
     * their bounds, then by the share of their range cut off (larger first), then in input order.
     */
    public List<Integer> restricted() {
      List<Integer> out = new ArrayList<>();
      for (int j = 0; j < names.size(); j++)
        if (chosen.restricted(j, prim.dataLow(), prim.dataHigh())) out.add(j);
      out.sort(
          Comparator.comparingDouble((Integer j) -> qp(j))
              .thenComparingDouble(j -> -cut(j))
              .thenComparingInt(j -> j));
      return out;
    }

    /** The smaller quasi-p-value of input j's restricted bounds (NaN-free: 1 when none). */
    public double qp(int j) {
      double a = Double.isNaN(significance[j][0]) ? 1 : significance[j][0];
      double b = Double.isNaN(significance[j][1]) ? 1 : significance[j][1];
      return Math.min(a, b);
    }

    /** Share of input j's data range outside the chosen box. */
    double cut(int j) {
      double range = prim.dataHigh()[j] - prim.dataLow()[j];
      return range > 0 ? 1 - (chosen.high()[j] - chosen.low()[j]) / range : 0;
    }
  }

  private static final Pattern WHERE =
      Pattern.compile(
          "\\s*([A-Za-z_][A-Za-z0-9_]*)"
              + "(?:\\[([A-Za-z_]+)\\]\\s*-\\s*([A-Za-z_][A-Za-z0-9_]*)\\[([A-Za-z_]+)\\])?"
              + "\\s*(>=|<=|>|<)\\s*(q)?([-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\\s*");

  /**
   * The sentence names the restrictions with a quasi-p-value at most this (the others are in
   * boxes.csv).
   */
  public static final double SIGNIFICANT = 0.05;

  /** Fewest usable runs for a discovery. */
  public static final int MIN_CASES = 10;

  /** Runs the analysis of a sweep folder. */
  public static Analysis analyse(Path sweepDir, Request req) throws DiscoveryException {
    Path manifestFile = sweepDir.resolve("manifest.json");
    Path runsFile = sweepDir.resolve("runs.csv");
    if (!Files.isDirectory(sweepDir)) throw new DiscoveryException(sweepDir + ": no such folder");
    if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(runsFile)) {
      throw new DiscoveryException(
          sweepDir
              + " is not a finished sweep folder (it needs manifest.json and runs.csv,"
              + " written when govsim sweep completes)");
    }
    JsonObject manifest;
    try {
      JsonElement e =
          JsonParser.parseString(Files.readString(manifestFile, StandardCharsets.UTF_8));
      if (!e.isJsonObject()
          || !e.getAsJsonObject().has("parameters")
          || !e.getAsJsonObject().has("regimes")
          || !"parameter sweep".equals(str(e.getAsJsonObject(), "kind"))) {
        throw new DiscoveryException(manifestFile + " is not the manifest of a govsim sweep");
      }
      manifest = e.getAsJsonObject();
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw new DiscoveryException(manifestFile + ": cannot read it (" + e.getMessage() + ")");
    }
    List<String> params = new ArrayList<>();
    for (JsonElement p : manifest.getAsJsonArray("parameters"))
      params.add(str(p.getAsJsonObject(), "key"));
    List<String> regimes = new ArrayList<>();
    for (JsonElement r : manifest.getAsJsonArray("regimes")) regimes.add(r.getAsString());
    if (params.isEmpty())
      throw new DiscoveryException(
          sweepDir + ": the sweep varies no parameter; nothing to discover");

    if (req.where() == null || req.where().isBlank()) {
      throw new DiscoveryException(
          "--where is required, e.g. --where \"harm_total > q0.9\" (a number, or qP for the"
              + " P-quantile of the metric)");
    }
    Matcher m = WHERE.matcher(req.where());
    if (!m.matches()) {
      throw new DiscoveryException(
          "bad --where \""
              + req.where()
              + "\": expected METRIC OP VALUE with OP one of > >= <"
              + " <= and VALUE a number or qP with P in [0, 1], e.g. \"harm_total > 1000\" or \"harm_total > q0.9\";"
              + " or a paired contrast of two regimes, e.g. \"harm_total[hybrid] - harm_total[distributed] > 0\"");
    }
    String metric = m.group(1);
    boolean contrast = m.group(2) != null;
    String opText = m.group(5);
    String quantileMark = m.group(6);
    String numberText = m.group(7);
    if (contrast && !m.group(3).equals(metric)) {
      throw new DiscoveryException(
          "bad --where \""
              + req.where()
              + "\": a contrast compares one metric in two"
              + " regimes (M[R1] - M[R2]), found "
              + metric
              + " and "
              + m.group(3));
    }
    if (req.metric() != null && !req.metric().equals(metric)) {
      throw new DiscoveryException(
          "--metric " + req.metric() + " but --where names " + metric + "; they must agree");
    }
    String regime = req.regime();
    String[] pair = null;
    if (contrast) {
      pair = new String[] {m.group(2), m.group(4)};
      if (regime != null) {
        throw new DiscoveryException(
            "--regime does not apply to a contrast of two regimes ("
                + pair[0]
                + " - "
                + pair[1]
                + ")");
      }
      for (String g : pair) {
        if (!regimes.contains(g)) {
          throw new DiscoveryException(
              "bad --where: unknown regime " + g + "; the sweep ran " + String.join(", ", regimes));
        }
      }
      if (pair[0].equals(pair[1]))
        throw new DiscoveryException("bad --where: a contrast needs two different regimes");
      regime = pair[0] + " - " + pair[1];
    } else if (regime == null) {
      if (regimes.size() > 1) {
        throw new DiscoveryException(
            "the sweep ran "
                + regimes.size()
                + " regimes ("
                + String.join(", ", regimes)
                + "); choose one with --regime");
      }
      regime = regimes.get(0);
    } else if (!regimes.contains(regime)) {
      throw new DiscoveryException(
          "unknown --regime " + regime + "; the sweep ran " + String.join(", ", regimes));
    }

    List<String[]> rows = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    int dropped = 0;
    List<String> header;
    try (Reader r = Files.newBufferedReader(runsFile, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      header = parser.getHeaderNames();
      List<String> metrics = new ArrayList<>();
      int first = header.indexOf("status") + 1;
      int last = header.indexOf("error");
      if (first <= 0 || last < first)
        throw new DiscoveryException(runsFile + " is not a govsim sweep's runs.csv");
      metrics.addAll(header.subList(first, last));
      if (!metrics.contains(metric)) {
        throw new DiscoveryException(
            "unknown metric '"
                + metric
                + "'"
                + govsim.scenario.Naming.hint(metric, metrics)
                + "; runs.csv has "
                + String.join(", ", metrics));
      }
      for (String p : params) {
        if (!header.contains(p)) throw new DiscoveryException(runsFile + " has no column " + p);
      }
      // A contrast: the two regimes' values of each (point, replication), in run order.
      java.util.Map<String, double[]> paired = new java.util.LinkedHashMap<>();
      java.util.Map<String, String[]> pairedCells = new java.util.HashMap<>();
      for (CSVRecord rec : parser) {
        String g = rec.get("regime");
        int side =
            pair == null
                ? (regime.equals(g) ? 0 : -1)
                : g.equals(pair[0]) ? 0 : g.equals(pair[1]) ? 1 : -1;
        if (side < 0) continue;
        double v = "ok".equals(rec.get("status")) ? parse(rec.get(metric)) : Double.NaN;
        String[] cells = new String[params.size()];
        for (int j = 0; j < cells.length; j++) cells[j] = rec.get(params.get(j));
        if (pair == null) {
          if (Double.isNaN(v)) {
            dropped++;
            continue;
          }
          rows.add(cells);
          values.add(v);
        } else {
          String key = rec.get("point") + "|" + rec.get("replication");
          paired.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN})[side] = v;
          pairedCells.put(key, cells);
        }
      }
      for (var e : paired.entrySet()) {
        double d = e.getValue()[0] - e.getValue()[1];
        if (Double.isNaN(d)) {
          dropped++;
          continue;
        }
        rows.add(pairedCells.get(e.getKey()));
        values.add(d);
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new DiscoveryException(runsFile + ": cannot read it (" + e.getMessage() + ")");
    }
    if (rows.size() < MIN_CASES) {
      throw new DiscoveryException(
          "only "
              + rows.size()
              + (pair == null
                  ? " run(s) of the " + regime + " regime have " + metric
                  : " pair(s) of runs (" + regime + ") have " + metric + " in both regimes")
              + " defined ("
              + dropped
              + " left out: failed or undefined); discovery needs at least "
              + MIN_CASES);
    }

    double threshold;
    double quantile = Double.NaN;
    double number = Double.parseDouble(numberText);
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (quantileMark != null) {
      if (!(number >= 0 && number <= 1)) {
        throw new DiscoveryException(
            "bad --where \""
                + req.where()
                + "\": a quantile qP needs P in [0, 1], found "
                + numberText);
      }
      quantile = number;
      threshold = Stats.quantile(sorted, number);
    } else {
      threshold = number;
    }
    String lhs =
        pair == null ? metric : metric + "[" + pair[0] + "] - " + metric + "[" + pair[1] + "]";
    Condition cond = new Condition(lhs, opText, threshold, quantile);

    // Inputs: numeric parameters (booleans as 0/1).
    List<String> names = new ArrayList<>();
    List<String> left = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    for (int j = 0; j < params.size(); j++) {
      double[] col = new double[rows.size()];
      boolean numeric = true;
      for (int i = 0; i < rows.size() && numeric; i++) {
        String s = rows.get(i)[j];
        col[i] = s.equals("true") ? 1 : s.equals("false") ? 0 : parse(s);
        numeric = Double.isFinite(col[i]);
      }
      if (numeric) {
        names.add(params.get(j));
        columns.add(col);
      } else {
        left.add(params.get(j));
      }
    }
    if (names.isEmpty()) {
      throw new DiscoveryException(
          "no varied parameter has numeric values ("
              + String.join(", ", left)
              + "); PRIM needs numeric parameters");
    }
    double[][] x = new double[rows.size()][names.size()];
    for (int i = 0; i < x.length; i++)
      for (int j = 0; j < names.size(); j++) x[i][j] = columns.get(j)[i];
    boolean[] y = new boolean[x.length];
    int interest = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = cond.test(values.get(i));
      if (y[i]) interest++;
    }
    String range =
        "; over the "
            + x.length
            + (pair == null ? " runs" : " pairs of runs")
            + " used "
            + lhs
            + " ranges from "
            + short4(sorted[0])
            + " to "
            + short4(sorted[sorted.length - 1]);
    if (interest == 0) {
      throw new DiscoveryException(
          "no run has " + cond.text() + range + "; choose another threshold");
    }
    if (interest == x.length) {
      throw new DiscoveryException(
          "every run has "
              + cond.text()
              + range
              + "; nothing to tell apart, choose another"
              + " threshold");
    }

    Prim.Result prim = Prim.run(x, y, req.alpha(), req.minMass());
    int index = req.box() >= 0 ? req.box() : defaultBox(prim.boxes(), req.minDensity());
    if (index >= prim.boxes().size()) {
      throw new DiscoveryException(
          "--box "
              + req.box()
              + ": the trajectory has boxes 0 to "
              + (prim.boxes().size() - 1)
              + " (see trajectory.csv)");
    }
    Prim.Box chosen = prim.boxes().get(index);
    double[][] sig = Prim.significance(prim, chosen, x, y);
    int minLeaf = Math.max(1, (int) Math.ceil(req.minMass() * x.length));
    Cart.Node tree = Cart.grow(x, y, 3, minLeaf);
    Analysis a =
        new Analysis(
            sweepDir,
            regime,
            cond,
            List.copyOf(names),
            List.copyOf(left),
            x,
            y,
            dropped,
            prim,
            chosen,
            sig,
            tree,
            minLeaf,
            null);
    return new Analysis(
        sweepDir,
        regime,
        cond,
        a.names(),
        a.left(),
        x,
        y,
        dropped,
        prim,
        chosen,
        sig,
        tree,
        minLeaf,
        sentence(a));
  }

  /** The default box: see the class comment. */
  static int defaultBox(List<Prim.Box> boxes, double minDensity) {
    int best = -1;
    for (Prim.Box b : boxes) {
      if (!(b.density() >= minDensity)) continue;
      if (best < 0
          || b.coverage() > boxes.get(best).coverage()
          || (b.coverage() == boxes.get(best).coverage()
              && b.density() > boxes.get(best).density())) {
        best = b.index();
      }
    }
    if (best >= 0) return best;
    best = 0;
    for (Prim.Box b : boxes) {
      Prim.Box c = boxes.get(best);
      if (b.density() > c.density() || (b.density() == c.density() && b.coverage() > c.coverage()))
        best = b.index();
    }
    return best;
  }

  /**
   * "harm_total > 1200 when switching_cost_mean is at least 0.31 and jurisdictions at most 3
   * (coverage ...)".
   */
  static String sentence(Analysis a) {
    Prim.Box b = a.chosen();
    List<String> parts = new ArrayList<>();
    int weak = 0;
    for (int j : a.restricted()) {
      if (a.qp(j) > SIGNIFICANT) {
        weak++;
        continue;
      }
      String name = shortName(a.names().get(j), a.names());
      boolean lo = b.low()[j] > a.prim().dataLow()[j];
      boolean hi = b.high()[j] < a.prim().dataHigh()[j];
      if (lo && hi && b.low()[j] == b.high()[j]) {
        parts.add(name + " is " + short3(b.low()[j]));
      } else if (lo && hi) {
        parts.add(name + " is between " + short3(b.low()[j]) + " and " + short3(b.high()[j]));
      } else if (lo) {
        parts.add(name + " is at least " + short3(b.low()[j]));
      } else {
        parts.add(name + " is at most " + short3(b.high()[j]));
      }
    }
    String where;
    if (parts.isEmpty() && weak == 0) {
      where =
          " in every part of the parameter space (no restriction: the chosen box holds every case)";
    } else if (parts.isEmpty()) {
      where = " with no restriction significant at quasi-p <= " + SIGNIFICANT;
    } else if (parts.size() == 1) {
      where = " when " + parts.get(0);
    } else {
      where =
          " when "
              + String.join(", ", parts.subList(0, parts.size() - 1))
              + " and "
              + parts.get(parts.size() - 1);
    }
    String more =
        weak == 0
            ? ""
            : "; "
                + weak
                + " further restriction"
                + (weak == 1 ? "" : "s")
                + " with quasi-p > "
                + SIGNIFICANT
                + " in boxes.csv";
    return String.format(
        Locale.ROOT,
        "%s%s (coverage %.2f, density %.2f, mass %.2f; box %d of %d; %s%s)",
        a.condition().text(),
        where,
        b.coverage(),
        b.density(),
        b.mass(),
        b.index(),
        a.prim().boxes().size() - 1,
        a.population(),
        more);
  }

  /** The last part of a key path, or the whole path if another input has the same last part. */
  static String shortName(String path, List<String> all) {
    String s = path.substring(path.lastIndexOf('.') + 1);
    for (String o : all)
      if (!o.equals(path) && o.substring(o.lastIndexOf('.') + 1).equals(s)) return path;
    return s;
  }

  /** Three significant digits: 0.312, 1230, 4. */
  static String short3(double v) {
    if (!Double.isFinite(v)) return Num.format(v);
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static double parse(String s) {
    if (s == null || s.isBlank()) return Double.NaN;
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String str(JsonObject o, String key) {
    return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
  }

  // ---------------------------------------------------------------- files

  /** The files {@link #write} writes, with the figures' stems that the caller adds. */
  public static final List<String> FILES =
      List.of("boxes.csv", "trajectory.csv", "tree.txt", "summary.txt");

  /**
   * Writes the analysis into {@code out}: into a fresh staging folder beside it, then moved into
   * place, so a failure leaves no half-written folder and an existing one is replaced only with
   * {@code force}.
   *
   * @param figures writes the figures into the staging folder
   */
  public static void write(Analysis a, Path out, boolean force, Consumer<Path> figures)
      throws DiscoveryException, IOException {
    if (Files.exists(out) && !force) {
      throw new DiscoveryException(
          out + " already exists; use --force to replace it, or --out DIR");
    }
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // Not createTempDirectory: its folder is private (0700); this one follows the user's umask.
    Path staging =
        Files.createDirectory(
            parent.resolve("." + out.getFileName() + ".staging-" + System.nanoTime()));
    try {
      writeBoxes(a, staging.resolve("boxes.csv"));
      writeTrajectory(a, staging.resolve("trajectory.csv"));
      Files.writeString(staging.resolve("tree.txt"), treeText(a), StandardCharsets.UTF_8);
      Files.writeString(staging.resolve("summary.txt"), a.summary() + "\n", StandardCharsets.UTF_8);
      figures.accept(staging);
      Path old = null;
      if (Files.exists(out)) {
        old = parent.resolve("." + out.getFileName() + ".old-" + System.nanoTime());
        Files.move(out, old);
      }
      Files.move(staging, out);
      staging = null;
      if (old != null) govsim.io.FileTrees.delete(old);
    } finally {
      if (staging != null) govsim.io.FileTrees.delete(staging);
    }
  }

  private static void writeBoxes(Analysis a, Path file) {
    try (CsvTable t =
        new CsvTable(
            file,
            List.of(
                "box",
                "step",
                "chosen",
                "coverage",
                "density",
                "mass",
                "n",
                "n_interest",
                "parameter",
                "low",
                "high",
                "restricted",
                "qp_low",
                "qp_high"))) {
      for (Prim.Box b : a.prim().boxes()) {
        double[][] sig = Prim.significance(a.prim(), b, a.x(), a.y());
        for (int j = 0; j < a.names().size(); j++) {
          boolean lo = b.low()[j] > a.prim().dataLow()[j];
          boolean hi = b.high()[j] < a.prim().dataHigh()[j];
          t.row(
              List.of(
                  Integer.toString(b.index()),
                  b.step(),
                  Boolean.toString(b == a.chosen()),
                  Num.format(b.coverage()),
                  Num.format(b.density()),
                  Num.format(b.mass()),
                  Integer.toString(b.n()),
                  Integer.toString(b.interest()),
                  a.names().get(j),
                  Num.format(b.low()[j]),
                  Num.format(b.high()[j]),
                  lo && hi ? "both" : lo ? "low" : hi ? "high" : "none",
                  Num.format(sig[j][0]),
                  Num.format(sig[j][1])));
        }
      }
    }
  }

  private static void writeTrajectory(Analysis a, Path file) {
    try (CsvTable t =
        new CsvTable(
            file,
            List.of(
                "box",
                "step",
                "coverage",
                "density",
                "mass",
                "n",
                "n_interest",
                "restricted_dimensions",
                "chosen"))) {
      for (Prim.Box b : a.prim().boxes()) {
        int restricted = 0;
        for (int j = 0; j < a.names().size(); j++)
          if (b.restricted(j, a.prim().dataLow(), a.prim().dataHigh())) restricted++;
        t.row(
            List.of(
                Integer.toString(b.index()),
                b.step(),
                Num.format(b.coverage()),
                Num.format(b.density()),
                Num.format(b.mass()),
                Integer.toString(b.n()),
                Integer.toString(b.interest()),
                Integer.toString(restricted),
                Boolean.toString(b == a.chosen())));
      }
    }
  }

  private static String treeText(Analysis a) {
    return "Classification tree (CART, Gini impurity, depth <= 3, leaves of at least "
        + a.minLeaf()
        + " cases) of the cases with "
        + a.condition().text()
        + " ("
        + a.population()
        + "); \"of interest\" marks"
        + " leaves where most cases are:\n\n"
        + Cart.text(a.tree(), a.names(), Discovery::short4);
  }

  /** Four significant digits (thresholds, tree splits). */
  static String short4(double v) {
    if (!Double.isFinite(v)) return Num.format(v);
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
