package govsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.OddDocument;
import govsim.model.Phase;
import govsim.model.Scenarios;
import govsim.world.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/ODD.md stays in step with the code: parameter tables, process order, submodels. */
class OddDocumentTest {
  static final Path ODD = Path.of("docs/ODD.md");

  @Test
  void parameterTablesAreGeneratedFromTheSchema() throws IOException {
    String doc = Files.readString(ODD);
    String expected =
        OddDocument.parameters(
            OddDocument.withParameters(doc, Scenarios.loader().schema().toMarkdown()));
    assertEquals(
        expected,
        OddDocument.parameters(doc),
        "docs/ODD.md parameter tables are out of step; run ./govsim describe --markdown --update docs/ODD.md");
  }

  @Test
  void metricTablesAreGeneratedFromTheCatalogue() throws IOException {
    String doc = Files.readString(ODD);
    assertEquals(
        OddDocument.metrics(OddDocument.withMetrics(doc)),
        OddDocument.metrics(doc),
        "docs/ODD.md metric tables are out of step; run ./govsim describe --markdown --update docs/ODD.md");
    for (String name : govsim.observe.Metrics.STEP_NAMES)
      assertTrue(OddDocument.metrics(doc).contains("| `" + name + "` |"), name);
  }

  @Test
  void processOverviewListsThePhasesInScheduleOrder() throws IOException {
    String doc = Files.readString(ODD);
    String section =
        doc.substring(doc.indexOf("## 3. Process overview"), doc.indexOf("## 4. Design concepts"));
    Matcher m = Pattern.compile("^\\d+\\. `([A-Z_]+)`", Pattern.MULTILINE).matcher(section);
    List<String> listed = new ArrayList<>();
    while (m.find()) listed.add(m.group(1));
    List<String> phases = Stream.of(Phase.values()).map(Enum::name).toList();
    assertEquals(phases, listed, "section 3 must list the phases of model/Phase.java in order");
  }

  @Test
  void everyMechanismHasASubmodelNamingItsPackage() throws IOException {
    String doc = Files.readString(ODD);
    String[][] mechanisms = {
      {"M1", "risk"},
      {"M2", "rulemaking"},
      {"M3", "enforcement"},
      {"M4", "users"},
      {"M5", "reputation"},
      {"M6", "firms"},
      {"M7", "community"},
      {"M8", "assurance"},
      {"M9", "competition"},
      {"M10", "crossborder"},
      {"M11", "synergy"},
      {"M12", "malicious"}
    };
    for (String[] mech : mechanisms) {
      assertTrue(
          doc.contains("**" + mech[0] + " ") && doc.contains("`mechanism." + mech[1] + "`"),
          "ODD lacks the submodel of " + mech[0]);
      assertTrue(Files.isDirectory(Path.of("src/main/java/govsim/mechanism", mech[1])), mech[1]);
    }
  }

  /** §7.3 lists every type of the event log, as generated from world/EventKind.java. */
  @Test
  void eventTableListsEveryEventType() throws IOException {
    String doc = Files.readString(ODD);
    assertEquals(
        OddDocument.events(OddDocument.withEvents(doc)),
        OddDocument.events(doc),
        "docs/ODD.md event table is out of step; run ./govsim describe --markdown --update docs/ODD.md");
    String table = OddDocument.events(doc);
    for (EventKind k : EventKind.values()) {
      assertTrue(
          table.contains("| `" + k.id() + "` | " + k.mechanism() + " | " + k.description() + " |"),
          "docs/ODD.md §7.3 lacks the event type " + k.id());
    }
  }

  /** §1.7 Stochasticity lists every random stream and its derivation, as the code has them. */
  @Test
  void stochasticityListsEveryRandomStream() throws IOException {
    String doc = Files.readString(ODD);
    assertEquals(
        OddDocument.streams(OddDocument.withStreams(doc)),
        OddDocument.streams(doc),
        "docs/ODD.md random-stream table is out of step; run ./govsim describe --markdown --update docs/ODD.md");
    String table = OddDocument.streams(doc);
    assertTrue(table.contains(govsim.mechanism.RandomStreams.SCHEME), table);
    for (String name : govsim.mechanism.RandomStreams.names()) {
      assertTrue(table.contains("| `" + name + "` | "), "docs/ODD.md lacks the stream " + name);
    }
  }
}
