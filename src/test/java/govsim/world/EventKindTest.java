package govsim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The event vocabulary: spellings, descriptions, and every kind actually logged by the model. */
class EventKindTest {
  @Test
  void idsAreTheLowerCaseNamesAndReadBack() {
    assertEquals("rule_adopted", EventKind.RULE_ADOPTED.id());
    assertEquals("outcry", EventKind.OUTCRY.id());
    for (EventKind k : EventKind.values()) {
      assertSame(k, EventKind.byId(k.id()));
      assertTrue(k.description().endsWith("."), k + ": one sentence");
      assertTrue(k.mechanism().matches("M([1-9]|1[0-2])"), k + ": a MODEL.md mechanism id");
    }
    assertNull(EventKind.byId("no_such_event"));
  }

  /** A kind nobody logs would be documented vocabulary that never appears in events.csv. */
  @Test
  void everyKindIsLoggedByTheModel() throws IOException {
    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/govsim"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String s = p.toString();
        if (s.contains("/mechanism/") || s.contains("/model/") || s.contains("/world/World.java")) {
          sources.append(Files.readString(p));
        }
      }
    }
    for (EventKind k : EventKind.values()) {
      // Whitespace-tolerant: the formatter may break a call after "log(".
      assertTrue(
          java.util.regex.Pattern.compile("log\\(\\s*EventKind\\." + k.name() + "\\s*,")
              .matcher(sources)
              .find(),
          k.id() + " is never logged");
    }
  }

  @Test
  void theValueMeaningIsEmptyOnlyForKindsLoggedWithZero() {
    assertEquals("complaints", EventKind.OUTCRY.valueMeaning());
    assertEquals("fine", EventKind.SANCTION.valueMeaning());
    assertFalse(EventKind.MANDATE_ENACTED.valueMeaning().length() > 0);
  }
}
