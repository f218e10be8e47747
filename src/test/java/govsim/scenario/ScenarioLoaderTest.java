package govsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.scenario.TestSpec.Event;
import govsim.scenario.TestSpec.EventKind;
import govsim.scenario.TestSpec.Learning;
import govsim.scenario.TestSpec.Regime;
import govsim.scenario.TestSpec.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution order, merging, presets, overrides, defaults, binding and the dump round trip. */
class ScenarioLoaderTest {

  private final ScenarioLoader<TestSpec> loader = TestSpec.loader();

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private TestSpec load(String yaml, String... sets) throws ScenarioException {
    return loader.loadString(yaml, "t.yaml", dir, List.of(sets)).config();
  }

  @Test
  void defaultsAreFilledInForEveryKey() throws Exception {
    ScenarioLoader.Loaded<TestSpec> loaded =
        loader.loadString("name: base\n", "t.yaml", null, List.of());
    TestSpec s = loaded.config();
    assertEquals(Regime.HYBRID, s.regime());
    assertEquals("base", s.name());
    assertEquals(365, s.horizonDays());
    assertEquals(1.0, s.dtDays());
    assertEquals(42L, s.seed());
    assertTrue(s.writeCsv());
    assertEquals(new Users(1000, 1.5, 0.1, 0.9, new Learning(0.05, false)), s.users());
    assertEquals(List.of(), s.events());
    assertEquals(List.of(0.5, 0.5), s.weights());
    assertEquals(List.of("csv"), s.outputs());

    Map<String, Object> r = loaded.resolved();
    assertEquals(
        List.of(
            "regime",
            "name",
            "horizon_days",
            "dt_days",
            "seed",
            "write_csv",
            "users",
            "events",
            "weights",
            "outputs"),
        List.copyOf(r.keySet()));
    assertEquals("hybrid", r.get("regime"));
    assertEquals(365L, r.get("horizon_days"));
    assertEquals(1.0, r.get("dt_days"));
    assertEquals(Boolean.TRUE, r.get("write_csv"));
    Map<?, ?> users = (Map<?, ?>) r.get("users");
    assertEquals(
        List.of("count", "switching_cost_mean", "min_share", "max_share", "learning"),
        List.copyOf(users.keySet()));
    assertEquals(Map.of("rate", 0.05, "enabled", false), users.get("learning"));
    assertEquals(loader.schema().defaults().get("users"), users);
  }

  @Test
  void extendsChainDeepMergesWithChildWinning() throws Exception {
    write(
        "base.yaml",
        "name: base\nhorizon_days: 50\nusers:\n  count: 10\n  switching_cost_mean: 2.0\n"
            + "weights: [0.1, 0.2, 0.7]\noutputs: [csv, json]\n");
    write("mid.yaml", "extends: base.yaml\nname: mid\nusers:\n  count: 20\nweights: [1.0]\n");
    Path top = write("sub/top.yaml", "extends: ../mid.yaml\nusers:\n  learning:\n    rate: 0.2\n");

    ScenarioLoader.Loaded<TestSpec> loaded = loader.load(top, List.of());
    TestSpec s = loaded.config();
    assertEquals("mid", s.name());
    assertEquals(50, s.horizonDays());
    assertEquals(20, s.users().count());
    assertEquals(2.0, s.users().switchingCostMean());
    assertEquals(0.2, s.users().learning().rate());
    assertEquals(false, s.users().learning().enabled());
    assertEquals(List.of(1.0), s.weights(), "lists are replaced whole, not merged");
    assertEquals(List.of("csv", "json"), s.outputs());
    assertEquals(List.of(top, dir.resolve("mid.yaml"), dir.resolve("base.yaml")), loaded.files());
    assertTrue(!loaded.resolved().containsKey("extends"));

    byte[] bytes = Files.readAllBytes(top);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(expected, loaded.sha256());
  }

  @Test
  void presetAppliesUnderTheFiles() throws Exception {
    // The preset for 'centralized' sets count 500, switching cost 3.0 and horizon 100.
    TestSpec s = load("regime: centralized\nusers:\n  count: 700\n");
    assertEquals(Regime.CENTRALIZED, s.regime());
    assertEquals(700, s.users().count(), "the file wins over the preset");
    assertEquals(3.0, s.users().switchingCostMean(), "the preset wins over the defaults");
    assertEquals(100, s.horizonDays());

    // The default regime (hybrid) has no preset.
    assertEquals(1.5, load("name: x\n").users().switchingCostMean());

    // The regime may come from a parent file or from --set.
    write("parent.yaml", "regime: laissez_faire\n");
    assertTrue(load("extends: parent.yaml\n").users().learning().enabled());
    TestSpec viaSet = load("name: x\n", "regime=centralized");
    assertEquals(500, viaSet.users().count());
  }

  @Test
  void presetErrorsAreReportedWithThePresetAsSource() throws Exception {
    ScenarioLoader<TestSpec> bad =
        new ScenarioLoader<>(
            TestSpec.class, "regime", name -> java.util.Optional.of("users:\n  count: -3\n"));
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> bad.loadString("regime: distributed\n", "t.yaml", null, List.of()));
    ScenarioError err = e.errors().get(0);
    assertEquals("preset:distributed", err.source());
    assertEquals(2, err.line());
    assertEquals("users.count", err.keyPath());
  }

  @Test
  void setOverridesWinAndAreParsedAsYaml() throws Exception {
    write("f.yaml", "users:\n  count: 10\nevents:\n  - at_day: 1\n");
    ScenarioLoader.Loaded<TestSpec> loaded =
        loader.load(
            dir.resolve("f.yaml"),
            List.of(
                "users.count=5000",
                "regime=distributed",
                "events=[]",
                "weights=[0.25, 0.75]",
                "users.learning={enabled: true}",
                "name='010'"));
    TestSpec s = loaded.config();
    assertEquals(5000, s.users().count());
    assertEquals(Regime.DISTRIBUTED, s.regime());
    assertEquals(List.of(), s.events());
    assertEquals(List.of(0.25, 0.75), s.weights());
    assertTrue(s.users().learning().enabled());
    assertEquals(0.05, s.users().learning().rate(), "a mapping override is deep-merged");
    assertEquals("010", s.name());
  }

  @Test
  void setOverridesAreValidated() {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> load("name: x\n", "users.count=abc"));
    assertEquals(1, e.errors().size());
    ScenarioError err = e.errors().get(0);
    assertEquals("--set", err.source());
    assertEquals(1, err.line());
    assertEquals(13, err.column());
    assertEquals("users.count", err.keyPath());
    assertEquals(
        "expected an integer in [1, 10000000], found 'abc' (in --set users.count=abc)",
        err.message());

    ScenarioException typo =
        assertThrows(ScenarioException.class, () -> load("name: x\n", "seed=1", "users.cont=5"));
    ScenarioError t = typo.errors().get(0);
    assertEquals(2, t.line());
    assertEquals("users.cont", t.keyPath());
    assertTrue(t.message().startsWith("unknown key 'cont'; did you mean 'count'?"), t.message());
    assertTrue(t.message().endsWith("(in --set users.cont=5)"), t.message());

    ScenarioException noEquals =
        assertThrows(ScenarioException.class, () -> load("name: x\n", "users.count"));
    assertTrue(noEquals.errors().get(0).message().startsWith("expected key.path=value"));
  }

  @Test
  void listElementsGetTheirDefaults() throws Exception {
    TestSpec s = load("events:\n  - at_day: 5\n  - {at_day: 9, kind: audit, targets: [1, 2]}\n");
    assertEquals(
        List.of(
            new Event(5, EventKind.BAN, 1.0, List.of()),
            new Event(9, EventKind.AUDIT, 1.0, List.of(1, 2))),
        s.events());
  }

  @Test
  void integersMayBeWrittenInExponentFormOnlyIfIntegral() throws Exception {
    assertEquals(100_000, load("users:\n  count: 1e5\n").users().count());
    assertEquals(2.0, load("dt_days: 2\n").dtDays(), "an integer is a fine double");
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> load("users:\n  count: 1.5\n"));
    assertEquals("expected an integer in [1, 10000000], found 1.5", e.errors().get(0).message());
    ScenarioException big =
        assertThrows(ScenarioException.class, () -> load("horizon_days: 99999999999\n"));
    assertEquals(
        "expected an integer in [1, 36500] (days), found 99999999999",
        big.errors().get(0).message());
  }

  @Test
  void resolvedTreeDumpsToYamlThatLoadsToAnEqualConfig() throws Exception {
    String yaml =
        "regime: centralized\nname: 'yes'\nhorizon_days: 730\ndt_days: 0.0125\nseed: -7\n"
            + "write_csv: false\nusers:\n  min_share: 0.125\n  learning: {rate: 0.3}\n"
            + "events:\n  - {at_day: 3, kind: subsidy, magnitude: 2.5, targets: [0, 4]}\n"
            + "weights: [1e-9, 0.333333333333333314829616256247390992939472198486328125]\n"
            + "outputs: ['010', '1:30', 'true', '', 'a: b', \"tab\\there\"]\n";
    ScenarioLoader.Loaded<TestSpec> first = loader.loadString(yaml, "t.yaml", null, List.of());
    String dumped = ScenarioYaml.dump(first.resolved(), "resolved scenario\nrun 1");
    assertTrue(dumped.startsWith("# resolved scenario\n# run 1\n"), dumped);
    ScenarioLoader.Loaded<TestSpec> second =
        loader.loadString(dumped, "resolved.yaml", null, List.of());
    assertEquals(first.config(), second.config());
    assertEquals(first.resolved(), second.resolved());
    assertEquals("yes", second.config().name());
    assertEquals(
        List.of("010", "1:30", "true", "", "a: b", "tab\there"), second.config().outputs());
  }

  @Test
  void bindBuildsAConfigFromASubstitutedTree() throws Exception {
    ScenarioLoader.Loaded<TestSpec> loaded =
        loader.loadString("users:\n  count: 10\n", "t.yaml", null, List.of());
    Map<String, Object> swept = ScenarioLoader.withValue(loaded.resolved(), "users.count", 77);
    TestSpec s = loader.bind(swept, "sweep point 3");
    assertEquals(77, s.users().count());
    assertEquals(loaded.config().users().learning(), s.users().learning());
    assertEquals(10, loaded.config().users().count(), "the original tree is untouched");

    // A partial tree is completed from the defaults.
    Map<String, Object> resolved = loader.resolve(Map.of("seed", 5), "code");
    assertEquals(5L, resolved.get("seed"));
    assertEquals(365L, resolved.get("horizon_days"));

    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                loader.bind(
                    ScenarioLoader.withValue(loaded.resolved(), "users.switching_cost_mean", 11.0),
                    "sweep point 4"));
    assertEquals(
        "sweep point 4: users.switching_cost_mean: expected a number in [0, 10] (utility units),"
            + " found 11\n1 error in sweep point 4",
        e.format());
  }

  @Test
  void resolvedTreeIsUnmodifiable() throws Exception {
    Map<String, Object> r = loader.loadString("seed: 1\n", "t", null, List.of()).resolved();
    assertThrows(UnsupportedOperationException.class, () -> r.put("seed", 2L));
    assertInstanceOf(Map.class, r.get("users"));
    assertThrows(UnsupportedOperationException.class, () -> ((Map<?, ?>) r.get("users")).clear());
  }
}
