package govsim.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way (STYLE.md): scenario -> model -> observers -> writers -> CLI. This test reads
 * the imports (and fully qualified references) of the main sources and fails when an arrow
 * points the wrong way, for example the model importing an observer or the GUI.
 */
class DependencyDirectionTest {
  /** Package -> govsim packages it must not use. */
  static final Map<String, List<String>> FORBIDDEN = Map.of(
      "govsim.scenario", List.of("govsim.model", "govsim.world", "govsim.mechanism", "govsim.observe", "govsim.io",
          "govsim.experiment", "govsim.cli", "govsim.gui", "govsim.stats", "govsim.report"),
      "govsim.world", List.of("govsim.model", "govsim.mechanism", "govsim.observe", "govsim.io", "govsim.experiment",
          "govsim.cli", "govsim.gui", "govsim.scenario"),
      "govsim.mechanism", List.of("govsim.model", "govsim.observe", "govsim.io", "govsim.experiment", "govsim.cli",
          "govsim.gui"),
      "govsim.model", List.of("govsim.observe", "govsim.io", "govsim.experiment", "govsim.cli", "govsim.gui",
          "javax.swing", "java.awt"),
      "govsim.observe", List.of("govsim.io", "govsim.experiment", "govsim.cli", "govsim.gui"),
      "govsim.io", List.of("govsim.cli", "govsim.gui"),
      "govsim.report", List.of("govsim.cli", "govsim.gui", "govsim.model", "govsim.mechanism", "govsim.world"),
      "govsim.gui", List.of("govsim.cli", "govsim.report"),
      "govsim.experiment", List.of("govsim.cli", "govsim.gui"),
      "govsim.game", List.of("govsim.model", "govsim.mechanism", "govsim.world", "govsim.report", "govsim.gui",
          "govsim.cli", "govsim.experiment", "javax.swing", "java.awt"));

  static final Pattern REF = Pattern.compile("\\b((?:govsim|javax\\.swing|java\\.awt)(?:\\.[a-z]\\w*)+)");

  @Test
  void noArrowPointsTheWrongWay() throws IOException {
    List<String> violations = new ArrayList<>();
    Path root = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
        for (var rule : FORBIDDEN.entrySet()) {
          if (!(pkg.equals(rule.getKey()) || pkg.startsWith(rule.getKey() + "."))) continue;
          String text = Files.readString(f);
          Matcher m = REF.matcher(text);
          while (m.find()) {
            String ref = m.group(1);
            for (String bad : rule.getValue()) {
              if (ref.equals(bad) || ref.startsWith(bad + ".")) violations.add(f + " uses " + ref);
            }
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), "dependency direction violated:\n" + String.join("\n", violations));
  }

  @Test
  void noUnseededRandomnessOrStaticMutableStateInMainCode() throws IOException {
    List<String> violations = new ArrayList<>();
    Pattern bad = Pattern.compile("Math\\.random\\(|new (java\\.util\\.)?Random\\(|ThreadLocalRandom|System\\.currentTimeMillis\\(\\)\\s*\\)");
    Pattern staticMutable = Pattern.compile("^\\s*(public |private |protected )?static (?!final)(?!class)(?!interface)(?!enum)(?!record)[\\w<>\\[\\], ]+ \\w+\\s*(=|;)", Pattern.MULTILINE);
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        if (bad.matcher(text).find()) violations.add(f + ": unseeded randomness");
        Matcher m = staticMutable.matcher(text);
        while (m.find()) violations.add(f + ": static mutable field: " + m.group().trim());
      }
    }
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}
