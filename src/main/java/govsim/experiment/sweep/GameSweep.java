package govsim.experiment.sweep;

import govsim.game.GameFile;
import govsim.scenario.Naming;
import govsim.scenario.ScenarioError;
import govsim.scenario.ScenarioException;
import govsim.scenario.YamlTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep over the parameters of a game file ({@code govsim sweep} with {@code game:} instead of
 * {@code base:}; scenarios/sweeps/README.md, docs/games.md): every point of a grid over game keys
 * (e.g. {@code game.parameters.p_r}) is analysed exactly and, with {@code abm: true}, simulated
 * agent-based with the game file's simulation settings.
 *
 * <p>The file is read with the scenario files' safe reader; every problem is reported at once with
 * file:line:col and key path. Parameters are written as in scenario sweeps (a list of values, or a
 * range {@code {min, max, levels}} with optional {@code log} and {@code integer}), and every value
 * of every parameter is checked by loading the game with it, so a bad value gets the game file's
 * own message at the value's place in the sweep file.
 */
public final class GameSweep {
  private GameSweep() {}

  static final Set<String> KEYS =
      Set.of("name", "description", "game", "set", "parameters", "design", "abm", "seed");
  static final Set<String> RANGE_KEYS = Set.of("min", "max", "levels", "log", "integer");
  static final long MAX_POINTS = 100_000;
  static final long MAX_SEED = (1L << 53) - 1;

  /**
   * A read game sweep.
   *
   * @param file the sweep file
   * @param sha256 of the sweep file
   * @param name names the output folder sweep-&lt;name&gt;
   * @param gameFile the game file, resolved against the sweep file's folder
   * @param set overrides applied to the game at every point
   * @param parameters the varied keys, in file order
   * @param points the grid, the first parameter slowest; values as their CSV text
   * @param abm simulate every point agent-based
   * @param seed master seed of the points' seeds
   * @param base the game with the overrides only (names, populations, simulation settings)
   */
  public record Definition(
      Path file,
      String sha256,
      String name,
      String description,
      Path gameFile,
      List<String> set,
      List<SweepParameter> parameters,
      List<List<String>> points,
      boolean abm,
      long seed,
      GameFile.Loaded base) {

    /** The overrides of point {@code i}: the sweep's set, then each parameter's value. */
    public List<String> overrides(int i) {
      List<String> o = new ArrayList<>(set);
      for (int k = 0; k < parameters.size(); k++)
        o.add(parameters.get(k).path() + "=" + points.get(i).get(k));
      return o;
    }

    /** The identity of point {@code i} (its values as text), from which its seed derives. */
    public String identity(int i) {
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < parameters.size(); k++)
        parts.add(parameters.get(k).path() + "=" + points.get(i).get(k));
      return String.join(";", parts);
    }
  }

  /** True if the file is a YAML mapping with a top-level {@code game:} key (a game sweep). */
  public static boolean isGameSweep(Path file) {
    YamlTree.Document doc = YamlTree.read(file, List.of());
    return doc.root() != null && doc.root().get("game") != null && doc.root().get("base") == null;
  }

  /**
   * Reads and checks a game sweep file.
   *
   * @throws ScenarioException listing every problem
   */
  public static Definition load(Path file) throws ScenarioException {
    String source = file.toString();
    YamlTree.Document doc = YamlTree.read(file, List.of());
    List<ScenarioError> errors = doc.errors();
    YamlTree.Node root = doc.root();
    if (root == null) throw new ScenarioException(source, errors);
    for (String k : root.keys()) {
      if (!KEYS.contains(k)) {
        errors.add(
            root.get(k)
                .keyError(
                    "unknown key '"
                        + k
                        + "'"
                        + Naming.hint(k, KEYS)
                        + " (a game sweep has: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS))
                        + ")"));
      }
    }
    String name = text(root, "name", errors);
    String description = text(root, "description", errors);
    String game = text(root, "game", errors);
    if (name == null) {
      String f = file.getFileName().toString();
      name = f.endsWith(".yaml") ? f.substring(0, f.length() - 5) : f;
    }
    if (!Naming.isSafeFileName(name)) {
      YamlTree.Node n = root.get("name");
      errors.add(
          (n != null ? n : root)
              .error(
                  "the sweep's name (default: the file name without .yaml) must be "
                      + Naming.SAFE_FILE_NAME
                      + ", found '"
                      + name
                      + "'"));
    }
    List<String> set = new ArrayList<>();
    YamlTree.Node sn = root.get("set");
    if (sn != null && !sn.isBroken()) {
      if (!sn.isSequence()) {
        errors.add(sn.error("expected a list of key.path=value overrides, found " + sn.found()));
      } else {
        for (YamlTree.Node item : sn.items()) {
          if (item.value() instanceof String s && s.contains("=")) {
            set.add(s.strip());
          } else {
            errors.add(
                item.error(
                    "expected key.path=value, e.g. game.parameters.s=2, found " + item.found()));
          }
        }
      }
    }
    YamlTree.Node dn = root.get("design");
    if (dn != null && !dn.isBroken() && !"grid".equals(dn.value())) {
      errors.add(
          dn.error(
              "a game sweep runs a grid (every combination of the values); expected grid, found "
                  + dn.found()));
    }
    boolean abm = false;
    YamlTree.Node an = root.get("abm");
    if (an != null && !an.isBroken()) {
      if (an.value() instanceof Boolean b) abm = b;
      else errors.add(an.error("expected true or false, found " + an.found()));
    }
    long seed = 1;
    YamlTree.Node seedNode = root.get("seed");
    if (seedNode != null && !seedNode.isBroken()) {
      if (seedNode.value() instanceof Long l && l >= 0 && l <= MAX_SEED) seed = l;
      else
        errors.add(
            seedNode.error("expected a whole number in [0, 2^53 - 1], found " + seedNode.found()));
    }
    if (game == null) {
      errors.add(
          root.error(
              "missing key 'game': the game file, relative to this sweep file (e.g. game: ../games/dsair.yaml)"));
      throw new ScenarioException(source, errors);
    }
    Path gameFile = Path.of(game);
    if (!gameFile.isAbsolute() && file.getParent() != null)
      gameFile = file.getParent().resolve(game).normalize();
    GameFile.Loaded base;
    try {
      base = GameFile.load(gameFile, set);
    } catch (ScenarioException e) {
      errors.addAll(e.errors());
      throw new ScenarioException(source, errors);
    }

    List<SweepParameter> parameters = new ArrayList<>();
    List<YamlTree.Node> valueNodes = new ArrayList<>();
    YamlTree.Node pn = root.get("parameters");
    if (pn == null || pn.isBroken() || !pn.isMapping() || pn.keys().isEmpty()) {
      if (pn == null || !pn.isBroken())
        errors.add(
            (pn != null ? pn : root)
                .error(
                    "expected parameters: a mapping of game key paths (e.g. game.parameters.p_r) to a list of"
                        + " values or a range {min, max, levels}"));
    } else {
      for (String key : pn.keys()) {
        YamlTree.Node v = pn.get(key);
        SweepParameter p = parameter(key, v, errors);
        if (p == null) continue;
        // Every value must be accepted by the game file (unknown key, out of range, ...).
        boolean ok = true;
        for (Object value : p.gridValues()) {
          List<String> o = new ArrayList<>(set);
          o.add(key + "=" + SweepParameter.cell(value));
          try {
            GameFile.load(gameFile, o);
          } catch (ScenarioException e) {
            ScenarioError first = e.errors().get(0);
            errors.add(v.error(key + " = " + SweepParameter.cell(value) + ": " + first.message()));
            ok = false;
            break;
          }
        }
        if (ok) {
          parameters.add(p);
          valueNodes.add(v);
        }
      }
    }
    long count = 1;
    for (SweepParameter p : parameters) count *= p.gridValues().size();
    if (count > MAX_POINTS) {
      errors.add(pn.error("the grid has " + count + " points; at most " + MAX_POINTS));
    }
    if (!errors.isEmpty()) throw new ScenarioException(source, errors);
    List<List<String>> points = new ArrayList<>();
    for (Object[] point : Designs.grid(parameters)) {
      List<String> cells = new ArrayList<>();
      for (Object o : point) cells.add(SweepParameter.cell(o));
      points.add(List.copyOf(cells));
    }
    return new Definition(
        file,
        doc.sha256(),
        name,
        description == null ? "" : description,
        gameFile,
        List.copyOf(set),
        List.copyOf(parameters),
        List.copyOf(points),
        abm,
        seed,
        base);
  }

  private static String text(YamlTree.Node root, String key, List<ScenarioError> errors) {
    YamlTree.Node n = root.get(key);
    if (n == null || n.isBroken()) return null;
    if (n.value() instanceof String s && !s.isBlank()) return s;
    errors.add(n.error("expected text, found " + n.found()));
    return null;
  }

  /** A list of values, or a range {min, max, levels} with optional log and integer. */
  private static SweepParameter parameter(String key, YamlTree.Node v, List<ScenarioError> errors) {
    if (v.isBroken()) return null;
    if (v.isSequence()) {
      List<Object> values = new ArrayList<>();
      for (YamlTree.Node item : v.items()) {
        if (item.value() instanceof Number n) {
          values.add(n instanceof Long l ? (Object) l : (Object) n.doubleValue());
        } else {
          errors.add(item.error("expected a number, found " + item.found()));
          return null;
        }
      }
      if (values.isEmpty()) {
        errors.add(v.error("expected at least one value, found an empty list"));
        return null;
      }
      return SweepParameter.ofValues(key, values);
    }
    if (!v.isMapping()) {
      errors.add(
          v.error(
              "expected a list of values [a, b, c] or a range {min, max, levels}, found "
                  + v.found()));
      return null;
    }
    for (String k : v.keys()) {
      if (!RANGE_KEYS.contains(k)) {
        errors.add(
            v.get(k)
                .keyError(
                    "unknown key '"
                        + k
                        + "'"
                        + Naming.hint(k, RANGE_KEYS)
                        + " (a range has min, max, levels, log, integer)"));
        return null;
      }
    }
    Double min = number(v, "min", errors);
    Double max = number(v, "max", errors);
    YamlTree.Node ln = v.get("levels");
    Long levels = null;
    if (ln == null) {
      errors.add(v.error("a range in a grid needs levels: the number of evenly spaced values"));
    } else if (ln.value() instanceof Long l && l >= 2 && l <= MAX_POINTS) {
      levels = l;
    } else {
      errors.add(
          ln.error("expected a whole number in [2, " + MAX_POINTS + "], found " + ln.found()));
    }
    boolean log = flag(v, "log", errors);
    boolean integer = flag(v, "integer", errors);
    if (min == null || max == null || levels == null) return null;
    if (!(min < max)) {
      errors.add(v.error("min must be below max, found min " + min + ", max " + max));
      return null;
    }
    if (log && !(min > 0)) {
      errors.add(v.get("min").error("a log range needs min > 0, found " + min));
      return null;
    }
    return SweepParameter.ofRange(key, min, max, log, integer, integer, (int) (long) levels);
  }

  private static Double number(YamlTree.Node v, String key, List<ScenarioError> errors) {
    YamlTree.Node n = v.get(key);
    if (n == null) {
      errors.add(v.error("a range needs " + key + ":"));
      return null;
    }
    if (n.value() instanceof Number x && Double.isFinite(x.doubleValue())) return x.doubleValue();
    errors.add(n.error("expected a number, found " + n.found()));
    return null;
  }

  private static boolean flag(YamlTree.Node v, String key, List<ScenarioError> errors) {
    YamlTree.Node n = v.get(key);
    if (n == null) return false;
    if (n.value() instanceof Boolean b) return b;
    errors.add(n.error("expected true or false, found " + n.found()));
    return false;
  }

  /** The parameters' key paths, for headers. */
  public static List<String> paths(Definition d) {
    List<String> out = new ArrayList<>();
    for (SweepParameter p : d.parameters()) out.add(p.path());
    return out;
  }

  /** The parameters as a manifest entry: path to its grid values (text). */
  public static Map<String, Object> describe(Definition d) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int k = 0; k < d.parameters().size(); k++) {
      List<String> values = new ArrayList<>();
      for (Object o : d.parameters().get(k).gridValues()) values.add(SweepParameter.cell(o));
      out.put(d.parameters().get(k).path(), values);
    }
    return out;
  }
}
