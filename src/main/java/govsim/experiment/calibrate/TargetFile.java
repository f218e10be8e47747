package govsim.experiment.calibrate;

import govsim.observe.Metrics;
import govsim.scenario.ScenarioError;
import govsim.scenario.ScenarioException;
import govsim.scenario.ScenarioLoader;
import govsim.scenario.YamlFile;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a calibration target file. Types, ranges, unknown keys and YAML mistakes are reported by
 * the scenario loader (file:line:column, key path, did-you-mean); then every target must name a
 * summary metric, no metric may appear twice, sd must be above 0 and there must be at least one
 * target, each reported at its line.
 */
public final class TargetFile {
  private TargetFile() {}

  /** A read target file and its SHA-256. */
  public record Loaded(CalibrationTargets targets, String sha256) {}

  public static Loaded load(Path file) throws ScenarioException {
    String source = file.toString();
    YamlFile.Contents contents = YamlFile.read(file);
    ScenarioLoader.Loaded<CalibrationTargets> loaded =
        new ScenarioLoader<>(CalibrationTargets.class, null, null)
            .loadString(contents.text(), source, null, null);
    CalibrationTargets t = loaded.config();
    List<ScenarioError> errors = new ArrayList<>();
    List<int[]> items = positions(contents.text());
    if (t.targets().isEmpty()) {
      errors.add(
          new ScenarioError(
              source,
              1,
              1,
              "targets",
              "no targets: list at least one observed statistic, e.g."
                  + " targets: [{metric: practice_duration_days_mean, value: 5, sd: 1}]"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < t.targets().size(); i++) {
      Target x = t.targets().get(i);
      int[] pos = i < items.size() ? items.get(i) : new int[] {0, 0, 0, 0};
      String path = "targets[" + i + "]";
      if (x.metric().isBlank()) {
        errors.add(
            new ScenarioError(
                source,
                pos[0],
                pos[1],
                path + ".metric",
                "missing required key 'metric': a summary metric (govsim describe lists them)"));
      } else if (!Metrics.RUN_NAMES.contains(x.metric())) {
        errors.add(
            new ScenarioError(
                source,
                pos[0],
                pos[1],
                path + ".metric",
                "unknown summary metric '"
                    + x.metric()
                    + "'"
                    + suggestion(x.metric())
                    + " (allowed: "
                    + String.join(", ", Metrics.RUN_NAMES)
                    + ")"));
      } else if (!seen.add(x.metric())) {
        errors.add(
            new ScenarioError(
                source,
                pos[0],
                pos[1],
                path + ".metric",
                "metric '" + x.metric() + "' is a target twice; give each metric once"));
      }
      if (!(x.sd() > 0)) {
        errors.add(
            new ScenarioError(
                source,
                pos[2],
                pos[3],
                path + ".sd",
                "sd must be above 0 (the observation's uncertainty), found "
                    + govsim.observe.Num.format(x.sd())));
      }
    }
    if (!errors.isEmpty()) throw new ScenarioException(source, errors);
    return new Loaded(t, loaded.sha256());
  }

  private static String suggestion(String name) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String m : Metrics.RUN_NAMES) {
      int d = levenshtein(name, m);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    return best != null && bestD <= Math.max(2, name.length() / 4)
        ? "; did you mean '" + best + "'?"
        : "";
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Line and column (1-based) of each target's metric value and sd value (or the item's start). */
  private static List<int[]> positions(String text) {
    List<int[]> out = new ArrayList<>();
    Node root;
    try {
      root = new Yaml(new SafeConstructor(YamlFile.limits())).compose(new StringReader(text));
    } catch (RuntimeException e) {
      return out;
    }
    if (!(root instanceof MappingNode m)) return out;
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k) || !k.getValue().equals("targets")) continue;
      if (!(t.getValueNode() instanceof SequenceNode s)) return out;
      for (Node item : s.getValue()) {
        int line = item.getStartMark().getLine() + 1;
        int col = item.getStartMark().getColumn() + 1;
        int[] pos = {line, col, line, col};
        if (item instanceof MappingNode im) {
          for (NodeTuple f : im.getValue()) {
            if (!(f.getKeyNode() instanceof ScalarNode fk)) continue;
            Node v = f.getValueNode();
            if (fk.getValue().equals("metric")) {
              pos[0] = v.getStartMark().getLine() + 1;
              pos[1] = v.getStartMark().getColumn() + 1;
            } else if (fk.getValue().equals("sd")) {
              pos[2] = v.getStartMark().getLine() + 1;
              pos[3] = v.getStartMark().getColumn() + 1;
            }
          }
        }
        out.add(pos);
      }
    }
    return out;
  }
}
