package govsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build-time schema index ({@link SchemaIndex}): a schema built from it is the schema that
 * reflection builds, the build writes it for the scenario roots, and a changed class file or a
 * broken index makes the schema fall back to reflection.
 */
class SchemaIndexTest {

  @Test
  void theBuildWritesACurrentIndexForEveryScenarioRoot() {
    for (Class<?> root :
        List.of(
            govsim.model.ModelSpec.class,
            govsim.experiment.sweep.SweepSpec.class,
            govsim.experiment.calibrate.CalibrationTargets.class)) {
      Map<String, List<SchemaIndex.Component>> index = SchemaIndex.read(root);
      assertNotNull(index, "no current index for " + root.getName() + " (mvn process-classes)");
      assertSameSchema(Schema.build(root, null), Schema.build(root, index));
    }
  }

  @Test
  void aSchemaFromTheIndexIsTheOneReflectionBuilds() throws IOException {
    // TestSpec has every supported kind of key (sections, lists of records, enums, strings).
    String text = SchemaIndex.write(TestSpec.class);
    Map<String, List<SchemaIndex.Component>> index = parse(text);
    assertNotNull(index);
    assertEquals(
        List.of(
            TestSpec.class.getName(),
            TestSpec.Users.class.getName(),
            TestSpec.Learning.class.getName(),
            TestSpec.Event.class.getName()),
        List.copyOf(index.keySet()));
    assertSameSchema(Schema.build(TestSpec.class, null), Schema.build(TestSpec.class, index));
  }

  record Odd(
      @Param(
              def = "a\\tb",
              unit = "tab\there",
              doc = "line one\nline two\r\n\\ back\\slash, ünïcode, \"quotes\"",
              source = "assumption:\tx")
          String text,
      @Param(def = "2", min = -1, max = 1e300, plausibleMin = 0, plausibleMax = 5, doc = "x")
          double number) {}

  @Test
  void textsWithTabsNewlinesAndBackslashesSurviveTheIndex() throws IOException {
    Map<String, List<SchemaIndex.Component>> index = parse(SchemaIndex.write(Odd.class));
    Param p = index.get(Odd.class.getName()).get(0).param();
    Param q = Odd.class.getRecordComponents()[0].getAnnotation(Param.class);
    assertEquals(q.def(), p.def());
    assertEquals(q.unit(), p.unit());
    assertEquals(q.doc(), p.doc());
    assertEquals(q.source(), p.source());
    assertSame(Param.class, p.annotationType());
    assertSameSchema(Schema.build(Odd.class, null), Schema.build(Odd.class, index));
  }

  @Test
  void annotationMistakesAreReportedAsFromReflection() throws IOException {
    for (Class<?> bad :
        List.of(
            SchemaTest.Unsupported.class,
            SchemaTest.BadDefault.class,
            SchemaTest.NoDefault.class,
            SchemaTest.Clash.class,
            SchemaTest.PlausibleHalf.class)) {
      Map<String, List<SchemaIndex.Component>> index = parse(SchemaIndex.write(bad));
      assertEquals(
          assertThrows(IllegalStateException.class, () -> Schema.build(bad, null)).getMessage(),
          assertThrows(IllegalStateException.class, () -> Schema.build(bad, index)).getMessage());
    }
    assertNull(SchemaIndex.write(SchemaTest.NoParam.class), "no index without every @Param");
  }

  @Test
  void aChangedClassFileOrABrokenIndexIsNotUsed() throws IOException {
    String text = SchemaIndex.write(TestSpec.class);
    String[] lines = text.split("\n");
    String stale = text.replace(lines[1], lines[1].replaceAll("\t[0-9]+$", "\t1"));
    assertNull(parse(stale), "a record whose class file no longer has its checksum");
    assertNull(parse("govsim-schema-index 0\n"), "another format");
    assertThrows(IOException.class, () -> parse(text + "c\tonly\tthree\n"));
  }

  private static Map<String, List<SchemaIndex.Component>> parse(String text) throws IOException {
    try (SchemaIndex.ClassFiles files = SchemaIndex.ClassFiles.of(TestSpec.class)) {
      return SchemaIndex.parse(text, files);
    }
  }

  /** Same keys, documentation, defaults, kinds, enum types and constructors. */
  private static void assertSameSchema(Schema expected, Schema actual) {
    assertEquals(expected.toJson(), actual.toJson());
    assertEquals(expected.toText(), actual.toText());
    assertEquals(expected.defaults(), actual.defaults());
    assertSameSection(expected.root(), actual.root());
  }

  private static void assertSameSection(Schema.Section e, Schema.Section a) {
    assertSame(e.type, a.type);
    assertEquals(e.constructor, a.constructor);
    assertEquals(e.keys.size(), a.keys.size());
    for (int i = 0; i < e.keys.size(); i++) {
      Schema.Key x = e.keys.get(i);
      Schema.Key y = a.keys.get(i);
      assertEquals(x.name, y.name);
      assertEquals(x.required, y.required);
      assertEquals(x.defaultValue, y.defaultValue);
      assertEquals(x.param.fileName(), y.param.fileName(), x.name);
      assertSameType(x.type, y.type);
    }
  }

  private static void assertSameType(Schema.ValueType e, Schema.ValueType a) {
    assertSame(e.kind, a.kind);
    assertSame(e.enumType, a.enumType);
    if (e.section != null) assertSameSection(e.section, a.section);
    if (e.element != null) assertSameType(e.element, a.element);
  }
}
