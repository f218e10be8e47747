package govsim.experiment.sweep;

import govsim.model.ModelSpec;
import govsim.model.Regime;
import govsim.model.Scenarios;
import govsim.observe.Metrics;
import govsim.scenario.ParamInfo;
import govsim.scenario.ScenarioError;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import govsim.scenario.Schema;
import govsim.scenario.YamlFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates a sweep file (issue 4, MODEL.md §6) into a {@link SweepDefinition}, with
 * errors of the same quality as scenario errors: every problem at once, each with file, line,
 * column, key path and what was expected.
 *
 * <p>How: every key but {@code parameters} is a {@link SweepSpec} key, validated by govsim's
 * scenario loader. The {@code parameters:} section is keyed by scenario key paths, which the
 * generic loader cannot express (its sections have fixed keys), so this class reads that section
 * itself from SnakeYAML's node tree (composed only, never constructed, with alias and depth
 * limits), blanks it out of the text given to the loader (keeping every other line and column where
 * it was) and validates it: each key path against the scenario schema, and each value by loading
 * the base scenario with that value as an override, so a bad value gets the scenario loader's own
 * message ("expected a number in [0, 100] (utility), found -1"), reported at the value's position
 * in the sweep file.
 *
 * <p>A parameter is {@code key.path: [v1, v2, ...]} (a list of values) or {@code key.path: {min: a,
 * max: b}} with optional {@code log: true} (log-uniform; min &gt; 0), {@code integer: true} (whole
 * numbers; implied for integer keys) and {@code levels: n} (the number of evenly spaced values a
 * grid takes, ends included; required for a range in a grid, ignored by other designs) and (morris
 * only) {@code group: name}: parameters with the same group move together in a Morris trajectory
 * and get one elementary effect (Campolongo et al. 2007).
 */
public final class SweepFile {
  private SweepFile() {}

  /** The scenario schema the parameters of sweep files are checked against, built once. */
  private static final class Keys {
    static final Schema SCHEMA = Scenarios.loader().schema();
  }

  /**
   * The documentation (unit, range, meaning) of a scenario key a sweep may vary, as its sweep file
   * is checked against; empty for a key the scenario schema does not have (a game's key). Reports
   * name a sweep's parameters from it.
   */
  public static java.util.Optional<ParamInfo> keyInfo(String path) {
    return Keys.SCHEMA.param(path);
  }

  /** Most runs a sweep may plan (a guard against a mistyped grid). */
  public static final long MAX_RUNS = 10_000_000L;

  /** The keys of a range parameter. */
  static final List<String> RANGE_KEYS = List.of("min", "max", "log", "integer", "levels", "group");

  /** A Morris group name: a letter, then letters, digits, '_', '-' or '.'. */
  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  /** Scenario keys that a sweep sets by other means, with what to do instead. */
  private static final Map<String, String> RESERVED =
      Map.of(
          "regime",
              "vary the regime with the sweep's regimes: key (every design point runs under each listed regime,"
                  + " with common random numbers)",
          "seed",
              "run seeds derive from the sweep's seed: key and each run's identity; ask for more replications: instead",
          "outputs.record_every_steps", "set the sweep's record_every_steps: key instead",
          "outputs.timeseries", "set the sweep's timeseries: key instead",
          "outputs.events", "a sweep does not write event logs");

  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

  /**
   * Loads and validates a sweep file and its base scenario (under every regime).
   *
   * @throws ScenarioException listing every problem (in the sweep file or the base scenario)
   */
  public static SweepDefinition load(Path file) throws ScenarioException {
    return load(file, false);
  }

  /**
   * Loads and validates a sweep file; {@code extendsAnywhere} lets the base scenario's {@code
   * extends} leave its default scope (see {@link Scenarios#loader(boolean)}).
   *
   * @throws ScenarioException listing every problem (in the sweep file or the base scenario)
   */
  public static SweepDefinition load(Path file, boolean extendsAnywhere) throws ScenarioException {
    return new Reader(file, extendsAnywhere).read();
  }

  /** A 1-based position in the sweep file. */
  private record Pos(int line, int col) {
    static Pos of(Mark m) {
      return new Pos(m.getLine() + 1, m.getColumn() + 1);
    }
  }

  /** A parameter as written, before validation. */
  private record Raw(String path, Pos keyPos, Node value) {}

  /** One reading of one sweep file. */
  private static final class Reader {
    private final Path file;
    private final String source;
    private final List<ScenarioError> errors = new ArrayList<>();
    private String text;
    private MappingNode root;
    private final List<Raw> raws = new ArrayList<>();
    private final List<Pos> setItems = new ArrayList<>();
    private final Schema schema = Scenarios.loader().schema();

    private final boolean extendsAnywhere;

    Reader(Path file, boolean extendsAnywhere) {
      this.file = file;
      this.extendsAnywhere = extendsAnywhere;
      this.source = file.toString();
    }

    SweepDefinition read() throws ScenarioException {
      // The scenario loader's reader: the same size limit (before and while reading), strict
      // UTF-8 with a leading byte-order mark dropped, and the same messages.
      YamlFile.Contents contents = YamlFile.read(file);
      byte[] bytes = contents.bytes();
      text = contents.text();
      String forLoader = parseStructure();
      SweepSpec spec = null;
      try {
        spec =
            new ScenarioLoader<>(SweepSpec.class, null, null)
                .loadString(forLoader, source, null, null)
                .config();
      } catch (ScenarioException e) {
        errors.addAll(e.errors());
      }
      if (spec != null) checkSettings(spec);
      // Key paths need only the schema: check them all, whatever else is wrong.
      List<ParamInfo> infos = new ArrayList<>();
      for (Raw raw : raws) infos.add(checkPath(raw));
      if (spec == null || spec.base().isBlank()) throw fail();

      Path baseFile = Path.of(spec.base());
      if (!baseFile.isAbsolute()) {
        Path rel =
            file.getParent() == null ? Path.of(spec.base()) : file.getParent().resolve(spec.base());
        baseFile = rel.normalize();
      }
      ScenarioLoader.Loaded<ModelSpec> plain = loadBase(baseFile, spec.set(), null, null);
      if (plain == null) throw fail();
      List<Regime> regimes =
          spec.regimes().isEmpty() ? List.of(plain.config().regime()) : spec.regimes();
      List<ScenarioLoader.Loaded<ModelSpec>> scenarios = new ArrayList<>();
      for (Regime r : regimes) {
        List<String> sets = new ArrayList<>(spec.set());
        sets.add("regime=" + r.yamlName());
        scenarios.add(loadBase(baseFile, sets, null, null));
      }
      List<SweepParameter> parameters = new ArrayList<>();
      for (int i = 0; i < raws.size(); i++) {
        if (infos.get(i) == null) continue;
        SweepParameter p = parameter(raws.get(i), infos.get(i), spec, baseFile);
        if (p != null) parameters.add(p);
      }
      if (!errors.isEmpty()) throw fail();
      if (spec.design() == SweepDesign.MORRIS) checkGroups(parameters);
      checkSize(spec, parameters, regimes.size());
      if (!errors.isEmpty()) throw fail();

      List<String> metrics = spec.metrics().isEmpty() ? Metrics.RUN_NAMES : spec.metrics();
      Map<String, String> inputs = new LinkedHashMap<>();
      inputs.put(source, sha256(bytes));
      for (Path p : plain.files()) inputs.put(p.toString(), fileSha(p));
      String name = spec.name().isBlank() ? stem(file) : spec.name();
      if (!govsim.scenario.Naming.isSafeFileName(name)) {
        error(
            new Pos(1, 1),
            "name",
            "the sweep's name defaults to its file name without .yaml, '"
                + name
                + "'"
                + ", which is not "
                + govsim.scenario.Naming.SAFE_FILE_NAME
                + "; set name: in the sweep file");
        throw fail();
      }
      return new SweepDefinition(
          file,
          sha256(bytes),
          spec,
          name,
          parameters,
          baseFile,
          regimes,
          scenarios,
          metrics,
          inputs);
    }

    private ScenarioException fail() {
      return new ScenarioException(source, errors);
    }

    private void error(Pos pos, String keyPath, String message) {
      errors.add(
          new ScenarioError(
              source, pos == null ? 0 : pos.line(), pos == null ? 0 : pos.col(), keyPath, message));
    }

    // ---------------------------------------------------------------- reading

    /**
     * Composes the YAML to find the parameters, extends and set entries; returns the text for the
     * generic loader with the parameters (and any extends) entry blanked out. If the YAML does not
     * parse, returns the text unchanged so that the loader reports the syntax error.
     */
    private String parseStructure() {
      Node node;
      try {
        node = new Yaml(new SafeConstructor(YamlFile.limits())).compose(new StringReader(text));
      } catch (YAMLException | IllegalStateException e) {
        return text;
      }
      if (!(node instanceof MappingNode m)) return text;
      root = m;
      char[] out = text.toCharArray();
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
        String key = k.getValue();
        if (key.equals("parameters") || key.equals("extends")) {
          if (!seen.add(key)) continue; // the loader reports the duplicate key
          if (key.equals("extends")) {
            error(
                Pos.of(k.getStartMark()),
                "extends",
                "a sweep file cannot extend another file; name the scenario with base: and put shared"
                    + " scenario settings in that scenario (or in set:)");
          } else {
            readParameters(t.getValueNode());
          }
          blank(out, k.getStartMark(), t.getValueNode().getEndMark());
        } else if (key.equals("set") && t.getValueNode() instanceof SequenceNode s) {
          for (Node item : s.getValue()) setItems.add(Pos.of(item.getStartMark()));
        }
      }
      return new String(out);
    }

    /** Replaces the text between two marks by spaces, keeping line breaks. */
    private void blank(char[] out, Mark from, Mark to) {
      int start = charIndex(from.getIndex());
      int end = Math.min(charIndex(to.getIndex()), out.length);
      for (int i = start; i < end; i++) {
        if (out[i] != '\n' && out[i] != '\r') out[i] = ' ';
      }
    }

    /** SnakeYAML marks count code points; Java strings count UTF-16 chars. */
    private int charIndex(int codePoints) {
      try {
        return text.offsetByCodePoints(0, codePoints);
      } catch (IndexOutOfBoundsException e) {
        return text.length();
      }
    }

    private void readParameters(Node value) {
      if (value instanceof ScalarNode s && isNull(s)) return; // "parameters:" with nothing: none
      if (!(value instanceof MappingNode m)) {
        error(
            Pos.of(value.getStartMark()),
            "parameters",
            "expected a mapping of scenario key paths to a list of values or a range {min, max}, found "
                + found(value));
        return;
      }
      Set<String> paths = new HashSet<>();
      for (NodeTuple t : m.getValue()) {
        Pos keyPos = Pos.of(t.getKeyNode().getStartMark());
        if (!(t.getKeyNode() instanceof ScalarNode k) || k.getValue().isBlank()) {
          error(
              keyPos,
              "parameters",
              "expected a scenario key path such as users.switching_cost_mean");
          continue;
        }
        String path = k.getValue().strip();
        if (!paths.add(path)) {
          error(keyPos, "parameters." + path, "parameter listed twice");
          continue;
        }
        raws.add(new Raw(path, keyPos, t.getValueNode()));
      }
    }

    // ---------------------------------------------------------------- settings

    private void checkSettings(SweepSpec spec) {
      if (spec.base().isBlank()) {
        error(
            posOfKey("base"),
            "base",
            "missing required key 'base': the base scenario file, relative to this"
                + " sweep file (e.g. base: ../baseline.yaml)");
      }
      boolean sampling = spec.design() != SweepDesign.GRID;
      if (sampling && raws.isEmpty()) {
        error(
            posOfKey("design"),
            "design",
            "design "
                + designName(spec.design())
                + " needs at least one parameter under parameters:");
      }
      int minSamples =
          spec.design() == SweepDesign.SOBOL || spec.design() == SweepDesign.MORRIS ? 2 : 1;
      if (sampling && spec.samples() < minSamples) {
        error(
            posOfKey("samples") != null ? posOfKey("samples") : posOfKey("design"),
            "samples",
            "design "
                + designName(spec.design())
                + " needs samples: "
                + (spec.design() == SweepDesign.SOBOL
                    ? "N >= 2, the number of base rows (N(k+2) runs per replication and regime; a power of two is best)"
                    : spec.design() == SweepDesign.MORRIS
                        ? "r >= 2, the number of trajectories (r(g+1) points for g groups; 10 to 50 is usual)"
                        : "n >= 1, the number of points"));
      }
      if (spec.design() == SweepDesign.MORRIS && spec.morrisLevels() % 2 != 0) {
        error(
            posOfKey("morris_levels"),
            "morris_levels",
            "morris_levels must be even (the step p/(2(p-1)) is then"
                + " a whole number of grid intervals), found "
                + spec.morrisLevels());
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < spec.metrics().size(); i++) {
        String m = spec.metrics().get(i);
        Pos pos = posOfItem("metrics", i);
        if (!Metrics.RUN_NAMES.contains(m)) {
          error(
              pos,
              "metrics[" + i + "]",
              "unknown summary metric '"
                  + m
                  + "'"
                  + govsim.scenario.Naming.hint(m, Metrics.RUN_NAMES)
                  + " (see govsim describe, or the columns of a run's summary.csv)");
        } else if (!seen.add(m)) {
          error(pos, "metrics[" + i + "]", "metric '" + m + "' listed twice");
        }
      }
      Set<Regime> regimes = new HashSet<>();
      for (int i = 0; i < spec.regimes().size(); i++) {
        if (!regimes.add(spec.regimes().get(i))) {
          error(
              posOfItem("regimes", i),
              "regimes[" + i + "]",
              "regime '" + spec.regimes().get(i).yamlName() + "' listed twice");
        }
      }
      for (int i = 0; i < spec.set().size(); i++) {
        String s = spec.set().get(i).strip();
        if (s.startsWith("regime=") || s.startsWith("regime ")) {
          error(
              posOfItem("set", i),
              "set[" + i + "]",
              "the regime is chosen with the regimes: key, not set:");
        } else if (s.startsWith("seed=") || s.startsWith("seed ")) {
          error(
              posOfItem("set", i),
              "set[" + i + "]",
              "run seeds derive from the sweep's seed: key, not set:");
        }
      }
    }

    /**
     * A group name must not be the key path of another parameter (both name a row of morris.csv).
     */
    private void checkGroups(List<SweepParameter> parameters) {
      Set<String> paths = new HashSet<>();
      for (SweepParameter p : parameters) paths.add(p.path());
      for (SweepParameter p : parameters) {
        if (!p.group().isEmpty() && paths.contains(p.group())) {
          error(
              posOfKey("parameters"),
              "parameters." + p.path() + ".group",
              "group name '" + p.group() + "' is also a parameter's key path; choose another name");
        }
      }
    }

    private void checkSize(SweepSpec spec, List<SweepParameter> parameters, int regimes) {
      double points;
      if (spec.design() == SweepDesign.GRID) {
        points = 1;
        for (SweepParameter p : parameters) points *= p.gridValues().size();
      } else if (spec.design() == SweepDesign.SOBOL) {
        points = (double) spec.samples() * (parameters.size() + 2);
      } else if (spec.design() == SweepDesign.MORRIS) {
        points = (double) spec.samples() * (Designs.groups(parameters).size() + 1);
      } else {
        points = spec.samples();
      }
      if (spec.design() == SweepDesign.SOBOL && parameters.size() > 500) {
        error(
            posOfKey("parameters"),
            "parameters",
            "a sobol design takes at most 500 parameters (the Sobol'"
                + " sequence has at most 1000 dimensions), found "
                + parameters.size());
      }
      double runs = points * spec.replications() * regimes;
      if (runs > MAX_RUNS) {
        error(
            posOfKey("design"),
            "design",
            String.format(
                java.util.Locale.ROOT,
                "this sweep would make %.0f runs (%.0f points x %d replications x %d regimes); at most %d are allowed",
                runs,
                points,
                spec.replications(),
                regimes,
                MAX_RUNS));
      }
    }

    // ---------------------------------------------------------------- base scenario

    /**
     * Loads the base scenario with overrides; on failure adds its errors, with errors in the
     * sweep's set: items (and in {@code extra}, the last override) placed in the sweep file.
     *
     * @param extraPos where the last override's value is written in the sweep file, or null
     * @param extraPath the sweep key path of that value, or null
     */
    private ScenarioLoader.Loaded<ModelSpec> loadBase(
        Path base, List<String> sets, Pos extraPos, String extraPath) {
      try {
        return Scenarios.load(base, sets, extendsAnywhere);
      } catch (ScenarioException e) {
        for (ScenarioError err : e.errors()) errors.add(remap(err, sets, extraPos, extraPath));
        return null;
      }
    }

    /** An error in the i-th override, moved to where that text is written in the sweep file. */
    private ScenarioError remap(
        ScenarioError err, List<String> sets, Pos extraPos, String extraPath) {
      if (!err.source().equals(ScenarioLoader.SET_SOURCE)
          || err.line() < 1
          || err.line() > sets.size()) return err;
      int index = err.line() - 1;
      String message = err.message();
      int cut = message.lastIndexOf(" (in --set ");
      if (cut >= 0) message = message.substring(0, cut);
      String override = sets.get(index);
      if (extraPos != null && index == sets.size() - 1) {
        int eq = override.indexOf('=');
        int offset = Math.max(0, err.column() - 1 - (eq + 1));
        return new ScenarioError(
            source, extraPos.line(), extraPos.col() + offset, extraPath, message);
      }
      if (index < setItems.size()) {
        Pos p = setItems.get(index);
        int col = err.column() > 0 ? p.col() + err.column() - 1 : p.col();
        return new ScenarioError(
            source,
            p.line(),
            col,
            "set[" + index + "]",
            message + (err.keyPath().isEmpty() ? "" : " (scenario key " + err.keyPath() + ")"));
      }
      return err;
    }

    // ---------------------------------------------------------------- parameters

    /** The scenario key a parameter names, or null (and an error) if it cannot be varied. */
    private ParamInfo checkPath(Raw raw) {
      String key = "parameters." + raw.path();
      Optional<ParamInfo> info = schema.param(raw.path());
      if (RESERVED.containsKey(raw.path())) {
        error(raw.keyPos(), key, "cannot vary " + raw.path() + ": " + RESERVED.get(raw.path()));
        return null;
      }
      if (info.isEmpty()) {
        List<String> candidates = new ArrayList<>();
        for (ParamInfo p : schema.params()) {
          if (!p.isSection() && !p.path().contains("[]")) candidates.add(p.path());
        }
        error(
            raw.keyPos(),
            key,
            "unknown scenario key '"
                + raw.path()
                + "'"
                + govsim.scenario.Naming.hint(raw.path(), candidates)
                + " (govsim describe lists every key)");
        return null;
      }
      ParamInfo p = info.get();
      if (p.isSection()) {
        List<String> children = new ArrayList<>();
        for (ParamInfo c : schema.params()) {
          if (c.path().startsWith(raw.path() + ".")
              && !c.isSection()
              && c.path().indexOf('.', raw.path().length() + 1) < 0) {
            children.add(c.path());
          }
        }
        error(
            raw.keyPos(),
            key,
            raw.path()
                + " is a section; vary one of its keys"
                + (children.isEmpty() ? "" : ", e.g. " + children.get(0)));
        return null;
      }
      if (p.type().equals("list<section>")) {
        error(
            raw.keyPos(),
            key,
            raw.path()
                + " is a list of sections, which a sweep cannot vary; write a scenario"
                + " file per variant and sweep over each");
        return null;
      }
      return p;
    }

    private SweepParameter parameter(Raw raw, ParamInfo p, SweepSpec spec, Path base) {
      String key = "parameters." + raw.path();
      Node value = raw.value();
      if (value instanceof SequenceNode seq && spec.design() == SweepDesign.MORRIS) {
        error(
            Pos.of(value.getStartMark()),
            key,
            "a morris design needs a range {min: a, max: b} for every"
                + " parameter (elementary effects are steps along a range), found a list of values");
        return null;
      }
      if (value instanceof SequenceNode seq) return valueList(raw, seq, spec, base);
      if (value instanceof MappingNode map) return range(raw, map, p, spec, base);
      error(
          Pos.of(value.getStartMark()),
          key,
          "expected a list of values [a, b, ...] or a range {min: a, max: b},"
              + " found "
              + found(value)
              + " (to fix a key at one value in every run, use set:)");
      return null;
    }

    private SweepParameter valueList(Raw raw, SequenceNode seq, SweepSpec spec, Path base) {
      String key = "parameters." + raw.path();
      if (seq.getValue().isEmpty()) {
        error(Pos.of(seq.getStartMark()), key, "expected at least one value");
        return null;
      }
      List<Object> values = new ArrayList<>();
      Set<String> identities = new HashSet<>();
      boolean ok = true;
      for (int i = 0; i < seq.getValue().size(); i++) {
        Node item = seq.getValue().get(i);
        Pos pos = Pos.of(item.getStartMark());
        Object v = typedValue(raw.path(), item, pos, key + "[" + i + "]", spec, base);
        if (v == null) {
          ok = false;
          continue;
        }
        if (!identities.add(SweepParameter.identity(v))) {
          error(pos, key + "[" + i + "]", "value " + SweepParameter.cell(v) + " listed twice");
          ok = false;
        }
        values.add(v);
      }
      return ok ? SweepParameter.ofValues(raw.path(), values) : null;
    }

    private SweepParameter range(
        Raw raw, MappingNode map, ParamInfo info, SweepSpec spec, Path base) {
      String key = "parameters." + raw.path();
      Pos at = Pos.of(map.getStartMark());
      boolean integerKey = info.type().equals("integer");
      if (!info.type().equals("number") && !integerKey) {
        error(
            at,
            key,
            "a range {min, max} needs a number or integer key; "
                + raw.path()
                + " is "
                + article(info.type())
                + ": give a list of values instead");
        return null;
      }
      Double min = null;
      Double max = null;
      Boolean log = null;
      Boolean integer = null;
      Integer levels = null;
      String group = "";
      boolean ok = true;
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : map.getValue()) {
        Pos kp = Pos.of(t.getKeyNode().getStartMark());
        String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
        Node v = t.getValueNode();
        Pos vp = Pos.of(v.getStartMark());
        String path = key + "." + k;
        if (!seen.add(k)) {
          error(kp, path, "duplicate key '" + k + "'");
          ok = false;
          continue;
        }
        switch (k) {
          case "min", "max" -> {
            Object x = typedValue(raw.path(), v, vp, path, spec, base);
            if (x == null) {
              ok = false;
            } else if (!(x instanceof Number n)) {
              error(vp, path, "expected a number, found " + found(v));
              ok = false;
            } else if (k.equals("min")) {
              min = n.doubleValue();
            } else {
              max = n.doubleValue();
            }
          }
          case "log", "integer" -> {
            Boolean b = bool(v);
            if (b == null) {
              error(vp, path, "expected true or false, found " + found(v));
              ok = false;
            } else if (k.equals("log")) {
              log = b;
            } else {
              integer = b;
            }
          }
          case "levels" -> {
            String s = v instanceof ScalarNode sc && sc.isPlain() ? sc.getValue() : null;
            if (s == null
                || !WHOLE.matcher(s).matches()
                || Long.parseLong(s) < 2
                || Long.parseLong(s) > 1_000_000) {
              error(
                  vp,
                  path,
                  "expected an integer in [2, 1000000] (the number of grid values), found "
                      + found(v));
              ok = false;
            } else {
              levels = Integer.parseInt(s);
            }
          }
          case "group" -> {
            String g = v instanceof ScalarNode sc && !isNull(sc) ? sc.getValue() : null;
            if (spec.design() != SweepDesign.MORRIS) {
              error(
                  kp,
                  path,
                  "group: applies to morris designs only (this design is "
                      + designName(spec.design())
                      + ")");
              ok = false;
            } else if (g == null || !GROUP_NAME.matcher(g).matches()) {
              error(
                  vp,
                  path,
                  "expected a group name (a letter, then letters, digits, _ - or .), found "
                      + found(v));
              ok = false;
            } else {
              group = g;
            }
          }
          default -> {
            error(
                kp,
                path,
                "unknown key '"
                    + k
                    + "'"
                    + govsim.scenario.Naming.hint(k, RANGE_KEYS)
                    + " (allowed in a range: "
                    + String.join(", ", RANGE_KEYS)
                    + ")");
            ok = false;
          }
        }
      }
      if (!ok) return null;
      if (min == null || max == null) {
        error(
            at,
            key,
            "a range needs both min and max"
                + (min == null && max == null
                    ? ""
                    : min == null ? " (min is missing)" : " (max is missing)"));
        return null;
      }
      if (!(min < max)) {
        error(
            at,
            key,
            "min ("
                + SweepParameter.cell(min)
                + ") must be below max ("
                + SweepParameter.cell(max)
                + "); to fix the key at one value in every run, use set:");
        return null;
      }
      boolean isLog = log != null && log;
      if (isLog && !(min > 0)) {
        error(at, key, "a log range needs min > 0, found min " + SweepParameter.cell(min));
        return null;
      }
      if (integerKey && integer != null && !integer) {
        error(
            at,
            key,
            raw.path()
                + " is an integer key; its values are whole numbers (remove integer: false)");
        return null;
      }
      boolean isInteger = integerKey || (integer != null && integer);
      if (isInteger && (min != Math.rint(min) || max != Math.rint(max))) {
        error(at, key, "an integer range needs whole-number min and max");
        return null;
      }
      if (spec.design() == SweepDesign.GRID && levels == null) {
        error(
            at,
            key,
            "a range in a grid needs levels: n, the number of evenly spaced values from min to max"
                + " (or give a list of values)");
        return null;
      }
      SweepParameter p =
          SweepParameter.ofRange(
              raw.path(),
              min,
              max,
              isLog,
              isInteger,
              integerKey,
              levels == null ? 0 : levels,
              group);
      if (spec.design() == SweepDesign.GRID) {
        Set<String> ids = new HashSet<>();
        for (Object v : p.gridValues()) {
          if (!ids.add(SweepParameter.identity(v))) {
            error(
                at,
                key,
                levels
                    + " levels of whole numbers between "
                    + SweepParameter.cell(min)
                    + " and "
                    + SweepParameter.cell(max)
                    + " repeat values; use fewer levels");
            return null;
          }
        }
      }
      return p;
    }

    /**
     * The value of {@code node} for the scenario key {@code path}, typed and validated by loading
     * the base scenario with it as an override; null (and errors added) if it is not valid.
     */
    private Object typedValue(
        String path, Node node, Pos pos, String sweepPath, SweepSpec spec, Path base) {
      int start = charIndex(node.getStartMark().getIndex());
      int end = charIndex(node.getEndMark().getIndex());
      String valueText = text.substring(start, Math.max(start, end)).strip();
      if (valueText.isEmpty() || (node instanceof ScalarNode s && isNull(s))) {
        error(pos, sweepPath, "expected a value, found nothing (null)");
        return null;
      }
      if (valueText.contains("\n")) {
        // Overrides are one line; a block value is rewritten in flow style by its text lines.
        valueText = valueText.replaceAll("\\s*\\n\\s*", " ");
      }
      List<String> sets = new ArrayList<>(spec.set());
      sets.add(path + "=" + valueText);
      ScenarioLoader.Loaded<ModelSpec> loaded = loadBase(base, sets, pos, sweepPath);
      if (loaded == null) return null;
      Object v = loaded.resolved();
      for (String part : path.split("\\.")) {
        if (!(v instanceof Map<?, ?> m)) return null;
        v = m.get(part);
      }
      return v;
    }

    // ---------------------------------------------------------------- positions and words

    private Node valueOfKey(String key) {
      if (root == null) return null;
      for (NodeTuple t : root.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
          return t.getValueNode();
      }
      return null;
    }

    private Pos posOfKey(String key) {
      Node v = valueOfKey(key);
      return v == null ? null : Pos.of(v.getStartMark());
    }

    private Pos posOfItem(String key, int index) {
      Node v = valueOfKey(key);
      if (v instanceof SequenceNode s && index < s.getValue().size()) {
        return Pos.of(s.getValue().get(index).getStartMark());
      }
      return v == null ? null : Pos.of(v.getStartMark());
    }
  }

  private static boolean isNull(ScalarNode s) {
    if (!s.isPlain()) return false;
    String v = s.getValue();
    return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
  }

  private static Boolean bool(Node n) {
    if (!(n instanceof ScalarNode s) || !s.isPlain()) return null;
    if (TRUE.matcher(s.getValue()).matches()) return true;
    if (FALSE.matcher(s.getValue()).matches()) return false;
    return null;
  }

  private static String found(Node n) {
    if (n instanceof MappingNode) return "a mapping";
    if (n instanceof SequenceNode) return "a list";
    ScalarNode s = (ScalarNode) n;
    if (isNull(s)) return "nothing (null)";
    String v = s.getValue();
    if (v.length() > 60) v = v.substring(0, 57) + "...";
    return s.isPlain() ? v : "the string '" + v + "'";
  }

  private static String article(String type) {
    return (type.startsWith("e") || type.startsWith("i") ? "an " : "a ") + type;
  }

  private static String designName(SweepDesign d) {
    return d.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The file name without its extension (.yaml, .yml). */
  static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** SHA-256 of a file's bytes; "unreadable" if it cannot be read (then a resume check fails). */
  static String fileSha(Path p) {
    try {
      return sha256(Files.readAllBytes(p));
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
