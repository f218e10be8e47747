package govsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema built from annotations, its describe forms, and annotation mistakes. */
class SchemaTest {

  private final Schema schema = Schema.of(TestSpec.class);

  @Test
  void flattensEveryKeyInDeclarationOrder() {
    List<String> paths = schema.params().stream().map(ParamInfo::path).toList();
    assertEquals(
        List.of(
            "regime",
            "name",
            "horizon_days",
            "dt_days",
            "seed",
            "write_csv",
            "users",
            "users.count",
            "users.switching_cost_mean",
            "users.min_share",
            "users.max_share",
            "users.learning",
            "users.learning.rate",
            "users.learning.enabled",
            "events",
            "events[].at_day",
            "events[].kind",
            "events[].magnitude",
            "events[].targets",
            "weights",
            "outputs"),
        paths);
  }

  @Test
  void paramInfoCarriesTheAnnotation() {
    ParamInfo p = schema.param("users.switching_cost_mean").orElseThrow();
    assertEquals(
        new ParamInfo(
            "users.switching_cost_mean",
            "number",
            "1.5",
            "utility units",
            0,
            10,
            0.5,
            3,
            "Mean switching cost.",
            "Farrell & Klemperer 2007, section 2",
            List.of()),
        p);
    assertEquals("in [0, 10]", p.rangeText());
    assertEquals("[0.5, 3]", p.plausibleText());
    assertFalse(p.isAssumption());
    assertTrue(schema.param("users.min_share").orElseThrow().isAssumption());
    assertFalse(schema.param("users.min_share").orElseThrow().hasPlausibleRange());
    ParamInfo regime = schema.param("regime").orElseThrow();
    assertEquals("enum", regime.type());
    assertEquals(
        List.of("centralized", "distributed", "hybrid", "laissez_faire"), regime.allowedValues());
    assertEquals(ParamInfo.REQUIRED, schema.param("events[].at_day").orElseThrow().defaultText());
    assertEquals("list<section>", schema.param("events").orElseThrow().type());
    assertEquals("list<integer>", schema.param("events[].targets").orElseThrow().type());
    assertEquals("section", schema.param("users.learning").orElseThrow().type());
    assertEquals("integer", schema.param("seed").orElseThrow().type());
    assertEquals("", schema.param("name").orElseThrow().defaultText());
  }

  @Test
  void defaultsTreeMatchesTheAnnotations() {
    Map<String, Object> d = schema.defaults();
    assertEquals("hybrid", d.get("regime"));
    assertEquals(365L, d.get("horizon_days"));
    assertEquals(List.of(0.5, 0.5), d.get("weights"));
    assertEquals(List.of(), d.get("events"));
  }

  @Test
  void markdownHasATablePerSectionAndEveryKey() {
    String md = schema.toMarkdown();
    for (ParamInfo p : schema.params()) {
      // Top-level sections are table headings; every other key is a row.
      assertTrue(
          md.contains("`" + p.path() + "`") || md.contains("\n## " + p.path() + "\n"), p.path());
    }
    assertTrue(md.contains("## top level"));
    assertTrue(md.contains("## users"));
    assertTrue(md.contains("## events"));
    assertTrue(
        md.contains("| key | type | default | unit | range | plausible | meaning | source |"));
    assertTrue(
        md.contains(
            "| `users.switching_cost_mean` | number | `1.5` | utility units |"
                + " in [0, 10] | [0.5, 3] | Mean switching cost. | Farrell & Klemperer 2007, section 2 |"),
        md);
    assertTrue(md.contains("| `events` | list&lt;section&gt; | `[]` |"), md);
    assertTrue(md.contains("| `events[].at_day` | integer | *required* | days |"), md);
    assertTrue(
        md.contains(
            "| `regime` | enum | `hybrid` |  | centralized, distributed, hybrid,"
                + " laissez_faire |"),
        md);
  }

  @Test
  void jsonParsesAndListsEveryKey() {
    String json = schema.toJson();
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    assertEquals("TestSpec", root.get("root").getAsString());
    JsonArray params = root.getAsJsonArray("params");
    assertEquals(schema.params().size(), params.size());
    JsonObject count = params.get(7).getAsJsonObject();
    assertEquals("users.count", count.get("path").getAsString());
    assertEquals(1, count.get("min").getAsLong());
    assertEquals(10_000_000, count.get("max").getAsLong());
    assertTrue(params.get(0).getAsJsonObject().get("min").isJsonNull());
    assertEquals(json, Schema.of(TestSpec.class).toJson(), "stable output");
  }

  @Test
  void textFormListsEveryKey() {
    String text = schema.toText();
    for (ParamInfo p : schema.params()) {
      assertTrue(text.contains(p.path()), p.path());
    }
    assertTrue(
        text.contains(
            "users.switching_cost_mean  number = 1.5  [utility units]  in [0, 10]  plausible [0.5, 3]"),
        text);
  }

  record NoParam(@Param(def = "1", doc = "x") int a, int count) {}

  record Unsupported(@Param(def = "1", doc = "x") float f) {}

  record BadDefault(@Param(def = "11", min = 0, max = 10, doc = "x") int level) {}

  record NoDefault(@Param(doc = "x") double rate) {}

  record Clash(@Param(def = "1", doc = "x") int maxGdp, @Param(def = "1", doc = "y") int maxGDP) {}

  record Node(@Param(doc = "x") Node child) {}

  record PlausibleOutside(
      @Param(def = "1", min = 0, max = 10, plausibleMin = 0.5, plausibleMax = 20, doc = "x")
          double rate) {}

  record PlausibleHalf(
      @Param(def = "1", min = 0, max = 10, plausibleMin = 0.5, doc = "x") double rate) {}

  @Test
  void aPlausibleRangeMustLieInsideTheAllowedRangeAndHaveBothEnds() {
    assertEquals(
        "PlausibleOutside.rate: @Param plausible range [0.5, 20.0] is empty or leaves the allowed"
            + " range [0.0, 10.0]",
        assertThrows(IllegalStateException.class, () -> Schema.of(PlausibleOutside.class))
            .getMessage());
    assertEquals(
        "PlausibleHalf.rate: @Param declares one end of its plausible range; give both or neither",
        assertThrows(IllegalStateException.class, () -> Schema.of(PlausibleHalf.class))
            .getMessage());
  }

  @Test
  void annotationMistakesAreProgrammingErrorsNamingTheComponent() {
    assertEquals(
        "record component NoParam.count has no @Param annotation; every scenario key must be"
            + " documented with @Param(doc = ...)",
        assertThrows(IllegalStateException.class, () -> Schema.of(NoParam.class)).getMessage());
    assertTrue(
        assertThrows(IllegalStateException.class, () -> Schema.of(Unsupported.class))
            .getMessage()
            .startsWith("Unsupported.f has type float"));
    assertTrue(
        assertThrows(IllegalStateException.class, () -> Schema.of(BadDefault.class))
            .getMessage()
            .contains("BadDefault.level"));
    assertTrue(
        assertThrows(IllegalStateException.class, () -> Schema.of(NoDefault.class))
            .getMessage()
            .startsWith("NoDefault.rate has no default"));
    assertTrue(
        assertThrows(IllegalStateException.class, () -> Schema.of(Clash.class))
            .getMessage()
            .contains("same key 'max_gdp'"));
    assertTrue(
        assertThrows(IllegalStateException.class, () -> Schema.of(Node.class))
            .getMessage()
            .contains("contains itself"));
  }

  @Test
  void snakeCaseNames() {
    assertEquals("switching_cost_mean", Naming.snakeCase("switchingCostMean"));
    assertEquals("max_gdp_share", Naming.snakeCase("maxGDPShare"));
    assertEquals("p2p_rate", Naming.snakeCase("p2pRate"));
    assertEquals("dt_days", Naming.snakeCase("dtDays"));
    assertEquals("seed", Naming.snakeCase("seed"));
  }
}
