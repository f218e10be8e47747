package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user meets it: exit codes (0 ok, 2 bad input), errors that name the file,
 * line and key without a stack trace, no results folder for bad input, no overwriting.
 */
public class CliTest {
  @TempDir Path tmp;

  /** What a command printed and returned (also used by tests of commands outside this package). */
  public record Outcome(int code, String out, String err) {}

  /** Runs {@code govsim ARGS} in this JVM, capturing standard output and error. */
  public static Outcome exec(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.execute(args);
      return new Outcome(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void badScenarioExitsTwoListsEveryErrorAndWritesNothing() throws Exception {
    Path bad =
        write(
            "bad.yaml",
            "name: bad\nusers:\n  count: -5\n  switchng_cost_mean: 0.1\nfirms: {count: 010}\n");
    Path out = tmp.resolve("out");
    Outcome o = exec("run", bad.toString(), "--out", out.toString());
    assertEquals(2, o.code());
    assertTrue(
        o.err().contains(bad + ":3:10: users.count: expected an integer in [1, 50000000]"),
        o.err());
    assertTrue(o.err().contains("did you mean 'switching_cost_mean'?"), o.err());
    assertTrue(o.err().contains("YAML 1.1 octal"), o.err());
    assertTrue(o.err().contains("3 errors in " + bad), o.err());
    assertFalse(o.err().contains("Exception"), "no stack trace: " + o.err());
    assertFalse(Files.exists(out), "no results folder for bad input");
  }

  @Test
  void globalTagIsRefusedWithExitTwo() throws Exception {
    Path bad =
        write(
            "evil.yaml",
            "name: x\nusers: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
    Outcome o = exec("validate", bad.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("not allowed"), o.err());
  }

  @Test
  void badSetOverrideNamesTheOverride() {
    Outcome o = exec("validate", "scenarios/baseline.yaml", "--set", "users.count=many");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("--set:1:"), o.err());
    assertTrue(o.err().contains("(in --set users.count=many)"), o.err());
  }

  @Test
  void missingFileAndUnknownOptionAreBadInput() {
    assertEquals(2, exec("run", tmp.resolve("nope.yaml").toString()).code());
    Outcome o = exec("run", "scenarios/baseline.yaml", "--frobnicate");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("Unknown option"), o.err());
  }

  @Test
  void runWritesEveryOutputAndRefusesToOverwriteWithoutForce() throws Exception {
    Path out = tmp.resolve("run");
    String[] args = {
      "run",
      "scenarios/baseline.yaml",
      "--out",
      out.toString(),
      "--quiet",
      "--set",
      "users.count=2000",
      "--set",
      "time.horizon_days=30"
    };
    assertEquals(0, exec(args).code());
    for (String f :
        new String[] {
          "timeseries.csv",
          "summary.csv",
          "events.csv",
          "risks.csv",
          "manifest.json",
          "scenario.resolved.yaml"
        }) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    String header = Files.readAllLines(out.resolve("timeseries.csv")).get(0);
    for (String col :
        new String[] {
          "step",
          "day",
          "harm_total",
          "harm_severe",
          "harm_malicious",
          "harm_info_weak_share",
          "compliance_rate",
          "governance_gap_days_mean",
          "rules_regulator",
          "rules_community",
          "backlash_response_days_mean",
          "reputation_mean",
          "trust_mean",
          "hhi",
          "active_firms",
          "switching_rate",
          "capability_mean",
          "cost_compliance",
          "cost_regulator",
          "cost_community",
          "welfare_consumer",
          "welfare_producer",
          "communities",
          "community_member_share",
          "expulsions",
          "sanctions"
        }) {
      assertTrue(("," + header + ",").contains("," + col + ","), "timeseries.csv lacks " + col);
    }
    assertEquals(
        31, Files.readAllLines(out.resolve("timeseries.csv")).size(), "header + one row per day");
    String manifest = Files.readString(out.resolve("manifest.json"));
    for (String key :
        new String[] {
          "\"scenario_sha256\"",
          "\"seed\"",
          "\"govsim_version\"",
          "\"git_commit\"",
          "\"mason_version\"",
          "\"java_version\"",
          "\"command\"",
          "\"started_utc\"",
          "\"wall_seconds\"",
          "\"resolved_scenario\"",
          "\"random_streams\"",
          "\"scheme\"",
          "\"incidents/<firm id>\""
        }) {
      assertTrue(manifest.contains(key), "manifest lacks " + key);
    }
    byte[] before = Files.readAllBytes(out.resolve("summary.csv"));
    Outcome again = exec(args);
    assertEquals(2, again.code());
    assertTrue(again.err().contains("--force"), again.err());
    assertEquals(
        new String(before), Files.readString(out.resolve("summary.csv")), "left untouched");
    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    assertEquals(0, exec(forced).code());
    try (var s = Files.list(tmp)) {
      assertEquals(
          1,
          s.filter(p -> p.getFileName().toString().startsWith(".")).count() + 1,
          "no staging folders left behind");
    }
  }

  @Test
  void resolvedScenarioReproducesTheRun() throws Exception {
    Path a = tmp.resolve("a");
    assertEquals(
        0,
        exec(
                "run",
                "scenarios/baseline.yaml",
                "--out",
                a.toString(),
                "--quiet",
                "--seed",
                "3",
                "--set",
                "users.count=2000",
                "--set",
                "time.horizon_days=40")
            .code());
    Path b = tmp.resolve("b");
    assertEquals(
        0,
        exec(
                "run",
                a.resolve("scenario.resolved.yaml").toString(),
                "--out",
                b.toString(),
                "--quiet")
            .code());
    assertEquals(
        Files.readString(a.resolve("timeseries.csv")),
        Files.readString(b.resolve("timeseries.csv")));
  }

  @Test
  void helpAndDescribeAreUseful() {
    Outcome help = exec("--help");
    assertEquals(0, help.code());
    assertTrue(
        help.out().contains("run")
            && help.out().contains("describe")
            && help.out().contains("validate"));
    Outcome runHelp = exec("run", "--help");
    assertTrue(
        runHelp.out().contains("--seed")
            && runHelp.out().contains("--set")
            && runHelp.out().contains("Examples"));
    Outcome d = exec("describe");
    assertTrue(d.out().contains("users.switching_cost_mean"), "describe lists keys");
    assertTrue(exec("describe", "--json").out().trim().startsWith("{"));
    assertTrue(exec("describe", "--markdown").out().contains("| "));
    // Then the output metrics, from the metric catalogue, in all three forms.
    assertTrue(
        d.out().contains("compliance_rate  [share, 0\u20131]  in [0, 1]"),
        "describe lists the metrics");
    assertTrue(d.out().contains("aggregation: sum of harm_total over the steps after burn-in"));
    com.google.gson.JsonObject metrics =
        com.google.gson.JsonParser.parseString(exec("describe", "--json").out())
            .getAsJsonObject()
            .getAsJsonObject("metrics");
    assertEquals(
        govsim.observe.Metrics.STEP_METRICS.size(), metrics.getAsJsonArray("timeseries").size());
    assertEquals(
        govsim.observe.Metrics.RUN_METRICS.size(), metrics.getAsJsonArray("summary").size());
    assertTrue(
        exec("describe", "--markdown")
            .out()
            .contains("| `hhi_final` | 0\u20131 | hhi at the last step |"));
  }
}
