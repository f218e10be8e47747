package govsim.game;

import govsim.scenario.Naming;
import govsim.scenario.ScenarioError;
import govsim.scenario.ScenarioException;
import govsim.scenario.YamlTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.tokenizer.UnknownFunctionOrVariableException;

/**
 * Reads a game file (docs/games.md): YAML read with the scenario files' safe reader, {@code
 * key.path=value} overrides merged as {@code --set} does, every key checked, every payoff
 * expression parsed and evaluated once per profile. Every problem is reported at once, each with
 * file:line:col and key path, in a {@link ScenarioException}.
 */
public final class GameFile {
  private GameFile() {}

  /** A loaded game: the game, the SHA-256 of the file and the resolved values for the manifest. */
  public record Loaded(Game game, String sha256, Map<String, Object> resolved) {}

  static final Set<String> TOP_KEYS = Set.of("game", "simulation");
  static final Set<String> GAME_KEYS =
      Set.of(
          "name",
          "source",
          "description",
          "populations",
          "slots",
          "parameters",
          "payoffs",
          "selection_intensity",
          "mutation_rate");
  static final Set<String> POPULATION_KEYS = Set.of("size", "strategies");
  static final Set<String> SIMULATION_KEYS =
      Set.of("seed", "seeds", "updates", "burn_in", "record_every");

  /** Names the expressions reserve: exp4j's functions and constants, and min and max. */
  static final Set<String> RESERVED =
      Set.of(
          "abs", "acos", "asin", "atan", "cbrt", "ceil", "cos", "cosh", "cot", "exp", "expm1",
          "floor", "log", "log10", "log1p", "log2", "pow", "signum", "sin", "sinh", "sqrt", "tan",
          "tanh", "min", "max", "pi", "e");

  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** A name inside an expression (a number's exponent such as 1e5 is not one). */
  static final Pattern IDENTIFIER = Pattern.compile("(?<![0-9.A-Za-z_])[A-Za-z_][A-Za-z0-9_]*");

  static final Pattern STRATEGY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_+-]*");
  static final long MAX_SIZE = 10_000_000;
  static final long MAX_SEED = (1L << 53) - 1;
  static final int MAX_PROFILES = 100_000;

  private static final Function MIN =
      new Function("min", 2) {
        @Override
        public double apply(double... args) {
          return Math.min(args[0], args[1]);
        }
      };
  private static final Function MAX =
      new Function("max", 2) {
        @Override
        public double apply(double... args) {
          return Math.max(args[0], args[1]);
        }
      };

  /** Reads a game file with overrides ({@code game.parameters.p_r=0.8}). */
  public static Loaded load(Path file, List<String> overrides) throws ScenarioException {
    return finish(YamlTree.read(file, overrides), file.toString());
  }

  /** Reads game YAML given as text named {@code source} in errors. */
  public static Loaded loadString(String text, String source, List<String> overrides)
      throws ScenarioException {
    return finish(YamlTree.readString(text, source, overrides), source);
  }

  private static Loaded finish(YamlTree.Document doc, String source) throws ScenarioException {
    List<ScenarioError> errors = doc.errors();
    Loaded loaded = null;
    if (doc.root() != null) loaded = new Reader(errors).read(doc.root(), doc.sha256());
    if (!errors.isEmpty() || loaded == null) {
      if (errors.isEmpty()) throw new IllegalStateException("game file rejected without an error");
      throw new ScenarioException(source, errors);
    }
    return loaded;
  }

  private static final class Reader {
    private final List<ScenarioError> errors;

    /**
     * Parameters declared with a bad value (already reported): expressions using them are skipped.
     */
    private final Set<String> invalidParams = new java.util.HashSet<>();

    Reader(List<ScenarioError> errors) {
      this.errors = errors;
    }

    private void error(YamlTree.Node at, String message) {
      if (!at.isBroken()) errors.add(at.error(message));
    }

    Loaded read(YamlTree.Node root, String sha) {
      YamlTree.Node g = root.get("game");
      if (g == null) {
        // Other keys are not listed one by one: the file is most likely not a game file at all.
        errors.add(
            root.error(
                "missing key 'game' (the game: populations, slots, parameters, payoffs, "
                    + "selection_intensity, mutation_rate); is this a game file? (docs/games.md; scenarios run with govsim run)"));
        return null;
      }
      unknownKeys(root, TOP_KEYS, "top-level keys");
      if (!mapping(g)) return null;
      unknownKeys(g, GAME_KEYS, "keys of game");
      String name = string(g, "name", true);
      if (name != null && !Naming.isSafeFileName(name)) {
        error(g.get("name"), "expected " + Naming.SAFE_FILE_NAME + ", found '" + name + "'");
        name = null;
      }
      String src = string(g, "source", false);
      string(g, "description", false);

      // Populations.
      List<Game.Population> pops = new ArrayList<>();
      Map<String, Integer> popIndex = new LinkedHashMap<>();
      YamlTree.Node pn =
          require(g, "populations", "a mapping of population name to {size, strategies}");
      if (pn != null && mapping(pn)) {
        if (pn.keys().isEmpty()) error(pn, "expected at least one population, found none");
        for (String key : pn.keys()) {
          YamlTree.Node p = pn.get(key);
          if (!NAME.matcher(key).matches()) {
            errors.add(
                p.keyError(
                    "a population name must be a plain name (letters, digits, _), found '"
                        + key
                        + "'"));
            continue;
          }
          if (!mapping(p)) continue;
          unknownKeys(p, POPULATION_KEYS, "keys of a population");
          Long size = integer(p, "size", 2, MAX_SIZE, true, 0);
          List<String> strategies = strategies(p);
          if (size != null && strategies != null) {
            popIndex.put(key, pops.size());
            pops.add(new Game.Population(key, (int) (long) size, strategies));
          }
        }
      }

      // Slots.
      List<Integer> slots = new ArrayList<>();
      YamlTree.Node sn =
          require(g, "slots", "a list naming the population of each player of the game");
      boolean slotsOk = pn != null && popIndex.size() == pn.keys().size();
      if (sn != null) {
        if (!sn.isSequence() || sn.items().isEmpty()) {
          error(
              sn,
              "expected a list naming the population of each player (e.g. [firms, firms]), found "
                  + sn.found());
          slotsOk = false;
        } else {
          for (YamlTree.Node item : sn.items()) {
            Object v = item.value();
            Integer idx = v instanceof String s ? popIndex.get(s) : null;
            if (idx == null) {
              if (slotsOk || !(v instanceof String)) {
                error(
                    item,
                    "expected the name of a population ("
                        + String.join(", ", popIndex.keySet())
                        + "), found "
                        + item.found()
                        + (v instanceof String s ? Naming.hint(s, popIndex.keySet()) : ""));
              }
              slotsOk = false;
            } else {
              slots.add(idx);
            }
          }
        }
      } else {
        slotsOk = false;
      }
      if (slotsOk) {
        for (int p = 0; p < pops.size(); p++) {
          int count = 0;
          for (int s : slots) if (s == p) count++;
          YamlTree.Node at = pn.get(pops.get(p).name());
          if (count == 0) {
            error(
                at,
                "population '"
                    + pops.get(p).name()
                    + "' fills no slot of game.slots; every population must play");
            slotsOk = false;
          } else if (count > pops.get(p).size()) {
            error(
                at.get("size"),
                "population '"
                    + pops.get(p).name()
                    + "' fills "
                    + count
                    + " slots but has only "
                    + pops.get(p).size()
                    + " individuals");
            slotsOk = false;
          }
        }
      }

      // Parameters.
      Map<String, Double> params = new LinkedHashMap<>();
      YamlTree.Node parn = g.get("parameters");
      if (parn != null && mapping(parn)) {
        for (String key : parn.keys()) {
          YamlTree.Node v = parn.get(key);
          if (!NAME.matcher(key).matches()) {
            errors.add(
                v.keyError(
                    "a parameter name must be letters, digits and _ (not starting with a digit), found '"
                        + key
                        + "'"));
            continue;
          }
          if (RESERVED.contains(key)) {
            errors.add(
                v.keyError(
                    "'"
                        + key
                        + "' is the name of a function or constant of the expressions; "
                        + "choose another parameter name"));
            continue;
          }
          if (v.fromOverride()) {
            List<String> declared = new ArrayList<>();
            for (String k : parn.keys()) if (!parn.get(k).fromOverride()) declared.add(k);
            error(
                v,
                "unknown parameter '"
                    + key
                    + "': the file declares "
                    + (declared.isEmpty() ? "none" : String.join(", ", declared))
                    + Naming.hint(key, declared));
            continue;
          }
          Double d = number(v);
          if (d != null) params.put(key, d);
          else invalidParams.add(key);
        }
      }

      double beta =
          numberKey(g, "selection_intensity", 0, Double.POSITIVE_INFINITY, true, Double.NaN);
      double mu = numberKey(g, "mutation_rate", 0, 1, true, Double.NaN);
      Game.Simulation sim = simulation(root.get("simulation"));

      // Payoffs.
      double[][] payoffs = null;
      Map<String, Object> payoffTable = new LinkedHashMap<>();
      YamlTree.Node payn =
          require(g, "payoffs", "a mapping of strategy profile ('AS AU') to one payoff per slot");
      if (payn != null && mapping(payn) && slotsOk) {
        payoffs = payoffs(payn, pops, slots, params, payoffTable);
      }
      if (!errors.isEmpty() || payoffs == null || name == null || sim == null) return null;
      int[] slotArray = slots.stream().mapToInt(Integer::intValue).toArray();
      Game game = new Game(name, pops, slotArray, params, payoffs, beta, mu, sim);

      Map<String, Object> resolved = new LinkedHashMap<>();
      resolved.put("name", name);
      if (src != null) resolved.put("source", src);
      Map<String, Object> popsOut = new LinkedHashMap<>();
      for (Game.Population p : pops) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("size", p.size());
        one.put("strategies", p.strategies());
        popsOut.put(p.name(), one);
      }
      resolved.put("populations", popsOut);
      List<String> slotNames = new ArrayList<>();
      for (int s : slotArray) slotNames.add(pops.get(s).name());
      resolved.put("slots", slotNames);
      resolved.put("parameters", params);
      resolved.put("payoffs", payoffTable);
      resolved.put("selection_intensity", beta);
      resolved.put("mutation_rate", mu);
      Map<String, Object> simOut = new LinkedHashMap<>();
      simOut.put("seed", sim.seed());
      simOut.put("seeds", sim.seeds());
      simOut.put("updates", sim.updates());
      simOut.put("burn_in", sim.burnIn());
      simOut.put("record_every", sim.recordEvery());
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("game", resolved);
      all.put("simulation", simOut);
      return new Loaded(game, sha, all);
    }

    private List<String> strategies(YamlTree.Node p) {
      YamlTree.Node s = require(p, "strategies", "a list of at least two strategy names");
      if (s == null) return null;
      if (!s.isSequence() || s.items().size() < 2) {
        error(
            s,
            "expected a list of at least two strategy names (e.g. [AS, AU]), found "
                + s.found()
                + (s.isSequence() ? " with " + s.items().size() + " item(s)" : ""));
        return null;
      }
      List<String> out = new ArrayList<>();
      boolean ok = true;
      for (YamlTree.Node item : s.items()) {
        String text = item.value() == null ? null : String.valueOf(item.value());
        if (text == null
            || !(item.value() instanceof String || item.value() instanceof Long)
            || !STRATEGY.matcher(text).matches()) {
          error(
              item, "expected a strategy name (letters, digits, _, + or -), found " + item.found());
          ok = false;
        } else if (out.contains(text)) {
          error(item, "strategy '" + text + "' is listed twice");
          ok = false;
        } else {
          out.add(text);
        }
      }
      return ok ? out : null;
    }

    private Game.Simulation simulation(YamlTree.Node s) {
      if (s != null && !mapping(s)) return null;
      if (s != null) unknownKeys(s, SIMULATION_KEYS, "keys of simulation");
      YamlTree.Node at = s == null ? null : s;
      Long seed = at == null ? Long.valueOf(1) : integer(at, "seed", 0, MAX_SEED, false, 1);
      Long seeds = at == null ? Long.valueOf(10) : integer(at, "seeds", 1, 10_000, false, 10);
      Long updates =
          at == null
              ? Long.valueOf(1_000_000)
              : integer(at, "updates", 1, 1_000_000_000_000L, false, 1_000_000);
      long defBurn = updates == null ? 0 : updates / 10;
      Long burn =
          at == null
              ? Long.valueOf(defBurn)
              : integer(at, "burn_in", 0, Long.MAX_VALUE, false, defBurn);
      long defEvery = updates == null ? 1 : Math.max(1, updates / 1000);
      Long every =
          at == null
              ? Long.valueOf(defEvery)
              : integer(at, "record_every", 1, Long.MAX_VALUE, false, defEvery);
      if (seed == null || seeds == null || updates == null || burn == null || every == null)
        return null;
      if (burn >= updates) {
        error(
            at.get("burn_in") != null ? at.get("burn_in") : at,
            "burn_in must be less than updates (" + updates + "), found " + burn);
        return null;
      }
      if (updates / every > ImitationDynamics.MAX_ROWS) {
        error(
            at.get("record_every") != null ? at.get("record_every") : at,
            "updates / record_every gives more than "
                + ImitationDynamics.MAX_ROWS
                + " rows of time series; raise record_every to at least "
                + (updates / ImitationDynamics.MAX_ROWS + 1));
        return null;
      }
      return new Game.Simulation(seed, (int) (long) seeds, updates, burn, every);
    }

    private double[][] payoffs(
        YamlTree.Node payn,
        List<Game.Population> pops,
        List<Integer> slots,
        Map<String, Double> params,
        Map<String, Object> table) {
      int nSlots = slots.size();
      long total = 1;
      for (int s : slots) total *= pops.get(s).strategyCount();
      if (total > MAX_PROFILES) {
        error(
            payn,
            "the game has "
                + total
                + " strategy profiles; at most "
                + MAX_PROFILES
                + " are supported");
        return null;
      }
      int profiles = (int) total;
      int[] radix = new int[nSlots];
      int r = 1;
      for (int s = nSlots - 1; s >= 0; s--) {
        radix[s] = r;
        r *= pops.get(slots.get(s)).strategyCount();
      }
      double[][] out = new double[profiles][];
      String[] written = new String[profiles];
      boolean ok = true;
      for (String key : payn.keys()) {
        YamlTree.Node v = payn.get(key);
        String[] parts = key.strip().split("[\\s,]+");
        if (parts.length != nSlots || key.isBlank()) {
          errors.add(
              v.keyError(
                  "a profile names one strategy per slot ("
                      + nSlots
                      + ": "
                      + slotList(pops, slots)
                      + "), found "
                      + (key.isBlank() ? 0 : parts.length)
                      + " in '"
                      + key
                      + "'"));
          ok = false;
          continue;
        }
        int f = 0;
        boolean known = true;
        for (int s = 0; s < nSlots; s++) {
          Game.Population pop = pops.get(slots.get(s));
          int idx = pop.strategies().indexOf(parts[s]);
          if (idx < 0) {
            errors.add(
                v.keyError(
                    "in profile '"
                        + key
                        + "': '"
                        + parts[s]
                        + "' is not a strategy of population '"
                        + pop.name()
                        + "' (slot "
                        + (s + 1)
                        + "); its strategies are "
                        + String.join(", ", pop.strategies())
                        + Naming.hint(parts[s], pop.strategies())));
            known = false;
            break;
          }
          f += idx * radix[s];
        }
        if (!known) {
          ok = false;
          continue;
        }
        if (written[f] != null) {
          errors.add(
              v.keyError(
                  "profile '" + key + "' is the same as '" + written[f] + "', given earlier"));
          ok = false;
          continue;
        }
        written[f] = key;
        if (!v.isSequence() || v.items().size() != nSlots) {
          error(
              v,
              "expected a list of "
                  + nSlots
                  + " payoffs, one per slot ("
                  + slotList(pops, slots)
                  + "), found "
                  + v.found()
                  + (v.isSequence() ? " with " + v.items().size() + " item(s)" : ""));
          ok = false;
          continue;
        }
        double[] row = new double[nSlots];
        List<Object> shown = new ArrayList<>();
        for (int s = 0; s < nSlots; s++) {
          Double x = expression(v.items().get(s), params);
          if (x == null) {
            ok = false;
          } else {
            row[s] = x;
            shown.add(x);
          }
        }
        out[f] = row;
        table.put(String.join(" ", parts), shown);
      }
      List<String> missing = new ArrayList<>();
      for (int f = 0; f < profiles; f++) {
        if (written[f] == null) {
          StringBuilder sb = new StringBuilder();
          for (int s = 0; s < nSlots; s++) {
            Game.Population pop = pops.get(slots.get(s));
            if (s > 0) sb.append(' ');
            sb.append(pop.strategies().get((f / radix[s]) % pop.strategyCount()));
          }
          missing.add("'" + sb + "'");
        }
      }
      if (!missing.isEmpty()) {
        List<String> shown = missing.size() > 8 ? missing.subList(0, 8) : missing;
        error(
            payn,
            "every strategy profile needs its payoffs; missing "
                + missing.size()
                + " of "
                + profiles
                + ": "
                + String.join(", ", shown)
                + (missing.size() > shown.size() ? ", ..." : ""));
        ok = false;
      }
      return ok ? out : null;
    }

    private static String slotList(List<Game.Population> pops, List<Integer> slots) {
      List<String> names = new ArrayList<>();
      for (int s : slots) names.add(pops.get(s).name());
      return String.join(", ", names);
    }

    /** Parses and evaluates one payoff expression; null after reporting an error. */
    private Double expression(YamlTree.Node node, Map<String, Double> params) {
      Object v = node.value();
      if (v instanceof Long l) return (double) l;
      if (v instanceof Double d) {
        if (!Double.isFinite(d)) {
          error(node, "a payoff must be a finite number, found " + node.found());
          return null;
        }
        return d;
      }
      if (!(v instanceof String text) || text.isBlank()) {
        error(
            node,
            "expected a payoff: a number or an arithmetic expression of the parameters (e.g. '-c + b/2'), "
                + "found "
                + node.found());
        return null;
      }
      // The operators as people write them in papers.
      String expr = text.replace('−', '-').replace('×', '*').replace('÷', '/');
      // Names are checked here, not by exp4j: it splits an unknown 'cc' into two known 'c's.
      java.util.regex.Matcher idents = IDENTIFIER.matcher(expr);
      boolean known = true;
      while (idents.find()) {
        String token = idents.group();
        if (params.containsKey(token) || RESERVED.contains(token)) continue;
        if (invalidParams.contains(token)) {
          known = false; // its value was reported as wrong already
          continue;
        }
        error(
            node,
            "unknown name '"
                + token
                + "' in the expression '"
                + text
                + "'; parameters are "
                + (params.isEmpty() ? "none" : String.join(", ", params.keySet()))
                + "; functions are min, max, exp, log, sqrt, abs and the others listed in docs/games.md"
                + Naming.hint(token, params.keySet()));
        known = false;
      }
      if (!known) return null;
      try {
        Expression e =
            new ExpressionBuilder(expr)
                .functions(MIN, MAX)
                .variables(params.keySet())
                .implicitMultiplication(false)
                .build();
        ValidationResult check = e.validate(false);
        if (!check.isValid()) {
          error(
              node,
              "cannot read the expression '"
                  + text
                  + "': "
                  + String.join("; ", check.getErrors()).toLowerCase(java.util.Locale.ROOT));
          return null;
        }
        e.setVariables(params);
        double x = e.evaluate();
        if (!Double.isFinite(x)) {
          error(
              node,
              "the expression '"
                  + text
                  + "' evaluates to "
                  + x
                  + " (not a finite number) with "
                  + paramsText(params));
          return null;
        }
        return x;
      } catch (UnknownFunctionOrVariableException ex) {
        String token = ex.getToken();
        Set<String> names = new LinkedHashSet<>(params.keySet());
        error(
            node,
            "unknown name '"
                + token
                + "' in the expression '"
                + text
                + "'; parameters are "
                + (names.isEmpty() ? "none" : String.join(", ", names))
                + ", functions are min, max, exp, log, sqrt, abs"
                + Naming.hint(token, names));
      } catch (ArithmeticException ex) {
        error(node, "the expression '" + text + "' divides by zero with " + paramsText(params));
      } catch (IllegalArgumentException ex) {
        String m = ex.getMessage() == null ? "malformed" : ex.getMessage();
        if (m.startsWith("Mismatched parentheses")) m = "mismatched parentheses";
        error(
            node,
            "cannot read the expression '" + text + "': " + m.toLowerCase(java.util.Locale.ROOT));
      }
      return null;
    }

    private static String paramsText(Map<String, Double> params) {
      List<String> parts = new ArrayList<>();
      for (var e : params.entrySet()) parts.add(e.getKey() + " = " + e.getValue());
      return parts.isEmpty() ? "no parameters" : String.join(", ", parts);
    }

    // ---------------------------------------------------------------- small readers

    private boolean mapping(YamlTree.Node n) {
      if (n.isMapping()) return true;
      error(n, "expected a mapping of keys, found " + n.found());
      return false;
    }

    private YamlTree.Node require(YamlTree.Node parent, String key, String what) {
      YamlTree.Node n = parent.get(key);
      if (n == null) errors.add(parent.error("missing key '" + key + "' (" + what + ")"));
      return n;
    }

    private void unknownKeys(YamlTree.Node m, Set<String> allowed, String what) {
      List<String> sorted = allowed.stream().sorted().toList();
      for (String key : m.keys()) {
        if (!allowed.contains(key)) {
          errors.add(
              m.get(key)
                  .keyError(
                      "unknown key '"
                          + key
                          + "' (the "
                          + what
                          + " are "
                          + String.join(", ", sorted)
                          + ")"
                          + Naming.hint(key, allowed)));
        }
      }
    }

    private String string(YamlTree.Node parent, String key, boolean required) {
      YamlTree.Node n = required ? require(parent, key, "a text") : parent.get(key);
      if (n == null) return null;
      if (n.value() instanceof String s && !s.isBlank()) return s;
      error(n, "expected a text, found " + n.found());
      return null;
    }

    private Double number(YamlTree.Node n) {
      Object v = n.value();
      if (v instanceof Long l) return (double) l;
      if (v instanceof Double d && Double.isFinite(d)) return d;
      error(n, "expected a number, found " + n.found());
      return null;
    }

    private double numberKey(
        YamlTree.Node parent, String key, double min, double max, boolean required, double def) {
      YamlTree.Node n = required ? require(parent, key, "a number") : parent.get(key);
      if (n == null) return def;
      Double d = number(n);
      if (d == null) return Double.NaN;
      if (d < min || d > max) {
        error(
            n,
            "expected a number "
                + (Double.isInfinite(max)
                    ? ">= " + fmt(min)
                    : "in [" + fmt(min) + ", " + fmt(max) + "]")
                + ", found "
                + n.found());
        return Double.NaN;
      }
      return d;
    }

    private Long integer(
        YamlTree.Node parent, String key, long min, long max, boolean required, long def) {
      YamlTree.Node n = required ? require(parent, key, "a whole number") : parent.get(key);
      if (n == null) return def;
      Object v = n.value();
      Long x = null;
      if (v instanceof Long l) x = l;
      else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15)
        x = (long) (double) d;
      if (x == null) {
        error(n, "expected a whole number, found " + n.found());
        return null;
      }
      if (x < min || x > max) {
        error(
            n,
            "expected a whole number "
                + (max == Long.MAX_VALUE ? ">= " + min : "in [" + min + ", " + max + "]")
                + ", found "
                + n.found());
        return null;
      }
      return x;
    }

    private static String fmt(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
  }
}
